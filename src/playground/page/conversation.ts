import type { DialectName, TurnInput, TurnView } from '../view.js';
import { ApiError } from './api.js';

/** One turn of the conversation as the page keeps it. */
export interface TurnRecord {
  input: TurnInput;
  view: TurnView;
}

/** The conversation: kept in the page (and in sessionStorage, so a reload of the page keeps it too). */
export interface Conversation {
  dialect: DialectName;
  languageCode: string;
  session: string;
  turns: TurnRecord[];
}

/** What to show of an error the page met. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}
