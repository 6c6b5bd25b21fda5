/**
 * The webhook of the real CX export ../shared/agents/cx/goodbye-graffiti.zip: its standard
 * webhook `lookup_place` sends the tag `geocode` when the location form is complete, and reads
 * `$session.params.formatted_address` back (empty: not found). The flexible webhook calls the
 * Address Validation API directly: not ours. A stand-in gazetteer replaces the geocoding API.
 */
import type { Fulfiller } from '../../../src/index.js';

const PLACES: Readonly<Record<string, string>> = {
  'flinders street station': 'Flinders St, Melbourne VIC 3000, Australia',
  'federation square': 'Swanston St & Flinders St, Melbourne VIC 3000, Australia',
};

export default function setup(app: Fulfiller): void {
  app.tag('geocode', (turn) => {
    const location = turn.params.get('location');
    const text = typeof location === 'string' ? location : JSON.stringify(location ?? '');
    const found = PLACES[text.trim().toLowerCase()];
    turn.params.set('formatted_address', found ?? '');
    if (found === undefined) turn.say("I couldn't find that place.");
  });
}
