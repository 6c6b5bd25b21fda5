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

/*
 * Key names as sets rather than regular expressions: compiling four large case-insensitive
 * expressions cost the first log line of every process about a millisecond. A key is personal
 * when one of its endings (the whole key, or what follows a `_`, `.` or `-`) is a personal word,
 * optionally followed by `_original` (Dialogflow's copy of what the user said); or when the
 * whole key is one of the compound names (`contactName`, `homeEmail`, `phoneNumber`…).
 */
const SEPARATORS = ['', '_', '.', '-'];
const joined = (firsts: readonly string[], separators: readonly string[], lasts: readonly string[]): string[] =>
  firsts.flatMap((first) => separators.flatMap((separator) => lasts.map((last) => `${first}${separator}${last}`)));

/** Per kind, in the order they are judged: the words a key may end in, and the compound whole keys. */
const KINDS: ReadonlyArray<{ kind: PersonalKind; endings: ReadonlySet<string>; wholeKeys: ReadonlySet<string> }> = [
  {
    kind: 'name',
    endings: new Set(['name', 'person', ...joined(['first', 'last', 'given', 'family', 'full', 'middle', 'sur'], ['', '-'], ['name'])]),
    wholeKeys: new Set(joined(['first', 'last', 'given', 'family', 'full', 'middle', 'nick', 'contact', 'customer', 'caller', 'user'], [''], ['name'])),
  },
  {
    kind: 'email',
    endings: new Set(['email', 'e-mail', ...joined(['email', 'e-mail'], SEPARATORS, ['address'])]),
    wholeKeys: new Set([...joined(['contact', 'customer', 'caller', 'user', 'work', 'home'], [''], ['email', 'e-mail']), 'emailaddress', 'e-mailaddress']),
  },
  {
    kind: 'phone',
    endings: new Set(['phone', 'telephone', 'mobile', 'tel', 'fax', ...joined(['phone', 'telephone', 'mobile', 'tel', 'fax'], SEPARATORS, ['number'])]),
    wholeKeys: new Set([...joined(['contact', 'customer', 'caller', 'user', 'work', 'home', 'mobile'], [''], ['phone', 'number']), 'phonenumber']),
  },
  {
    kind: 'address',
    endings: new Set(['address', ...joined(['street', 'postal', 'home', 'billing', 'shipping'], SEPARATORS, ['address'])]),
    wholeKeys: new Set(joined(['street', 'postal', 'home', 'billing', 'shipping'], [''], ['address'])),
  },
];
const ORIGINAL = 'original';

const CONVERSATION = new Set(['text', 'queryText', 'transcript', 'params', 'parameters', 'sessionParams', 'body', 'request']);
const SECRET_HEADER = /auth|key|token|secret|signature|cookie|password/i;

// Keys repeat from line to line (requestId, route, err…): each is judged once. Bounded, for apps that log generated keys.
const judged = new Map<string, PersonalKind | null>();
const MAX_JUDGED = 2000;

/** What personal data `key` holds, or undefined when its name says nothing personal. */
export function personalKind(key: string): PersonalKind | undefined {
  let kind = judged.get(key);
  if (kind === undefined) {
    kind = judge(key.toLowerCase()) ?? null;
    if (judged.size < MAX_JUDGED) judged.set(key, kind);
  }
  return kind ?? undefined;
}

function judge(key: string): PersonalKind | undefined {
  // What precedes a final `_original`, when there is one: `name_original` is a name.
  const cut = key.length - ORIGINAL.length - 1;
  const stem = cut > 0 && key.endsWith(ORIGINAL) && isSeparator(key[cut]!) ? key.slice(0, cut) : undefined;
  for (const { kind, endings, wholeKeys } of KINDS) {
    if (wholeKeys.has(key) || endsInWord(key, endings) || (stem !== undefined && endsInWord(stem, endings))) return kind;
  }
  return undefined;
}

/** Whether `key`, or what follows one of its separators, is one of `words`. */
function endsInWord(key: string, words: ReadonlySet<string>): boolean {
  if (words.has(key)) return true;
  for (let i = 0; i < key.length; i++) if (isSeparator(key[i]!) && words.has(key.slice(i + 1))) return true;
  return false;
}

function isSeparator(char: string): boolean {
  return char === '_' || char === '.' || char === '-';
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
