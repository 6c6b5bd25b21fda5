/**
 * The fulfillment of the real ES export ../shared/agents/es/banking (original-fulfillment.zip,
 * on the deprecated dialogflow-fulfillment library) on this library: the two intents that call
 * the webhook, `locations.hours_of_operation` and `locations.open_branches`, each needing an
 * organization and an address. A stand-in branch list replaces the Google Maps lookups.
 */
import type { Fulfiller, Turn } from '../../../src/index.js';

const BRANCHES: Readonly<Record<string, { address: string; hours: string }>> = {
  acme: { address: '333 Jackson blvd, Chicago IL', hours: 'Monday - Friday 9AM - 4PM, Saturday 9AM - 12PM and closed on Sunday' },
};

function branchOf(turn: Turn): { name: string; branch: (typeof BRANCHES)[string] | undefined } | undefined {
  const organization = turn.params.string('organization');
  const address = turn.params.get('address');
  if (organization === undefined || address === undefined || address === '') {
    turn.say("I didn't understand. I'm sorry, can you try again?");
    return undefined;
  }
  return { name: organization, branch: BRANCHES[organization.toLowerCase()] };
}

export default function setup(app: Fulfiller): void {
  app.intent('locations.hours_of_operation', (turn) => {
    const found = branchOf(turn);
    if (found === undefined) return;
    turn.say(
      found.branch === undefined
        ? `I'm sorry, I can't find opening hours for ${found.name}.`
        : `The closest ${found.name} branch is ${found.branch.address}, open ${found.branch.hours}.`,
    );
  });
  app.intent('locations.open_branches', (turn) => {
    const found = branchOf(turn);
    if (found === undefined) return;
    turn.say(
      found.branch === undefined ? `I'm sorry, I can't find any open branches for ${found.name}.` : `I found a branch near you: ${found.branch.address}.`,
    );
  });
}
