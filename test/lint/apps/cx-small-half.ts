/** Handles half of the small CX fixture's tags, one of them misspelt. */
import type { Fulfiller } from '../../../src/index.js';

export default function setup(app: Fulfiller): void {
  app.tag('order.stats', (turn) => void turn.say('Your order is on its way.'));
  app.tag('help', (turn) => void turn.say('I can tell you where your order is.'));
}
