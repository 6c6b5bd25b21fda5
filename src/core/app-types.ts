import type { JsonValue } from '../generated/types.js';
/** What a generated agent file tells the compiler; every member is optional. */
export interface AppTypes {
  tag?: string;            // union of the agent's fulfillment tags
  intent?: string;         // union of intent display names
  action?: string;         // union of ES actions
  event?: string;          // union of events
  flow?: string;           // union of flow display names
  page?: Record<string, string>;   // flow display name → union of its page display names
  params?: Record<string, JsonValue>; // parameter name → its value type
}
