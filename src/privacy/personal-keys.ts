/**
 * The one policy of which keys hold personal data, for the logs and for recordings alike (the
 * patterns of free text are in mask-text.ts). A key is personal wherever it appears, at any
 * depth: `caller.contact_name` as much as `contact_name`.
 *
 * - names: `name`, `contact_name`, `given-name`, `person`, `firstName`… (@sys.person values);
 * - contact details: `email`, `phone`, `phoneNumber`, `address`, `caller_phone`…;
 * - conversation content, in logs only (a recording is the conversation): what users said,
 *   parameters, whole bodies and requests;
 * - credentials, in headers: authorization, API keys, tokens, signatures, cookies.
 */
export type PersonalKind = 'name' | 'email' | 'phone' | 'address';

const NAME =
  /(?:^|[_.-])(?:name|person|(?:first|last|given|family|full|middle|sur)-?name)(?:$|[_.-]original$)|^(?:first|last|given|family|full|middle|nick|contact|customer|caller|user)name$/i;
const EMAIL = /(?:^|[_.-])e-?mail(?:[_.-]?address)?(?:$|[_.-]original$)|^(?:contact|customer|caller|user|work|home)e-?mail$|^e-?mailaddress$/i;
const PHONE =
  /(?:^|[_.-])(?:phone|telephone|mobile|tel|fax)(?:[_.-]?number)?(?:$|[_.-]original$)|^(?:contact|customer|caller|user|work|home|mobile)(?:phone|number)$|^phonenumber$/i;
const ADDRESS = /(?:^|[_.-])(?:(?:street|postal|home|billing|shipping)[_.-]?)?address(?:$|[_.-]original$)|^(?:street|postal|home|billing|shipping)address$/i;
const CONVERSATION = new Set(['text', 'queryText', 'transcript', 'params', 'parameters', 'sessionParams', 'body', 'request']);
const SECRET_HEADER = /auth|key|token|secret|signature|cookie|password/i;

// Keys repeat from line to line (requestId, route, err…): each is judged once. Bounded, for apps that log generated keys.
const judged = new Map<string, PersonalKind | null>();
const MAX_JUDGED = 2000;

/** What personal data `key` holds, or undefined when its name says nothing personal. */
export function personalKind(key: string): PersonalKind | undefined {
  let kind = judged.get(key);
  if (kind === undefined) {
    kind = NAME.test(key) ? 'name' : EMAIL.test(key) ? 'email' : PHONE.test(key) ? 'phone' : ADDRESS.test(key) ? 'address' : null;
    if (judged.size < MAX_JUDGED) judged.set(key, kind);
  }
  return kind ?? undefined;
}

const hidden = new Map<string, boolean>();

/** Whether a log line must not carry the value of `key`: personal data, or what users said and sent. */
export function hiddenInLogs(key: string): boolean {
  let verdict = hidden.get(key);
  if (verdict === undefined) {
    verdict = CONVERSATION.has(key) || personalKind(key) !== undefined;
    if (hidden.size < MAX_JUDGED) hidden.set(key, verdict);
  }
  return verdict;
}

/** Whether a header carries a credential: never logged, never recorded. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}
