import type { DemoDatabase } from './open-database.js';

export type InteractionKind = 'email' | 'call' | 'proposal';

export interface Contact {
  id: number;
  name: string;
  nameJa: string;
  fullName: string;
  company: string;
  companyJa: string;
}

export interface Interaction {
  kind: InteractionKind;
  occurredOn: string;
  subject: string;
  subjectJa: string;
}

export interface Estimate {
  issuedOn: string;
  amount: number;
  title: string;
  titleJa: string;
}

export type CrmRepository = ReturnType<typeof crmRepository>;

/** Contacts, what happened with them, and the estimates sent to them. */
export function crmRepository(db: DemoDatabase) {
  // A contact is found by surname, full name (any case) or Japanese name: "tanaka", "Ichiro Tanaka", "田中".
  const contact = db.prepare<{ name: string }, Contact>(
    `SELECT id, name, name_ja AS nameJa, full_name AS fullName, company, company_ja AS companyJa
       FROM contacts
      WHERE name = @name COLLATE NOCASE OR full_name = @name COLLATE NOCASE OR name_ja = @name
      ORDER BY id LIMIT 1`,
  );
  const interactions = db.prepare<[number], Interaction>(
    `SELECT kind, occurred_on AS occurredOn, subject, subject_ja AS subjectJa
       FROM interactions WHERE contact_id = ? ORDER BY occurred_on DESC, id DESC`,
  );
  const latestEstimate = db.prepare<[number], Estimate>(
    `SELECT issued_on AS issuedOn, amount, title, title_ja AS titleJa
       FROM estimates WHERE contact_id = ? ORDER BY issued_on DESC, id DESC LIMIT 1`,
  );

  return {
    findContact: (name: string): Contact | undefined => contact.get({ name }),
    /** Every interaction with the contact, latest first. */
    interactions: (contactId: number): Interaction[] => interactions.all(contactId),
    latestEstimate: (contactId: number): Estimate | undefined => latestEstimate.get(contactId),
  };
}
