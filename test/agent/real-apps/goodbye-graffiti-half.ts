/** The goodbye-graffiti webhook with its one tag misspelt: what `fulfiller lint` reports for a half-done app. */
import type { Fulfiller } from '../../../src/index.js';

export default function setup(app: Fulfiller): void {
  app.tag('geocoding', (turn) => void turn.params.set('formatted_address', ''));
}
