import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { contactOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** `crm.next_proposal`: the amount of the latest estimate sent to a contact. */
export function crmNextProposal(deps: DemoDeps): Handler {
  return (turn) => {
    const contact = contactOf(turn, deps);
    if (contact === undefined) return;
    const t = textsFor(turn.languageCode);
    const estimate = deps.crm.latestEstimate(contact.id);
    turn.say(estimate !== undefined ? t.nextProposal(contact, estimate) : t.noEstimate(contact));
  };
}
