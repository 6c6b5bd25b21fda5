/**
 * Half of the banking fulfillment, as a port might stand midway: branch hours only, and the
 * welcome intent of the old intent map, whose webhook call the agent has switched off.
 */
import type { Fulfiller } from '../../../src/index.js';

export default function setup(app: Fulfiller): void {
  app.intent('locations.hours_of_operation', (turn) => void turn.say('Our branches open at 9 AM.'));
  app.intent('Default Welcome Intent', (turn) => void turn.say('Welcome to my agent!'));
}
