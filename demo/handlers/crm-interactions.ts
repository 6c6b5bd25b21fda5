import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { contactOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** `crm.interactions`: emails, calls and proposals with a contact, and the latest one. */
export function crmInteractions(deps: DemoDeps): Handler {
  return (turn) => {
    const contact = contactOf(turn, deps);
    if (contact === undefined) return;
    const t = textsFor(turn.languageCode);
    const interactions = deps.crm.interactions(contact.id);
    turn.say(interactions.length > 0 ? t.interactions(contact, interactions) : t.noInteractions(contact));
  };
}
