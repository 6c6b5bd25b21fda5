/** The texts the library itself says to end users, per language. */
export interface SystemMessages {
  /** No handler matched the tag, intent or action. */
  fallback: string;
  /** A handler threw or its backend failed. */
  apology: string;
  /** The handler was still running when the time budget ran out. */
  timeout: string;
}

/** Built-in languages. Add or override with the `messages` option of createFulfiller. */
export const BUILT_IN_MESSAGES: Readonly<Record<string, SystemMessages>> = {
  en: {
    fallback: "Sorry, I can't help with that yet. Could you put it another way?",
    apology: 'Sorry, the system is currently unavailable. Please try again later.',
    timeout: 'This is taking longer than usual. Please ask me again in a moment.',
  },
  ja: {
    fallback: '申し訳ありません。そのご用件にはまだお応えできません。別の言い方でお試しください。',
    apology: '申し訳ございません。ただいまシステムをご利用いただけません。しばらくしてから再度お試しください。',
    timeout: '処理に時間がかかっています。少し経ってから、もう一度お尋ねください。',
  },
};

/**
 * Picks the messages for a language code: the exact code (`pt-BR`), then its base language
 * (`pt`), then the default language. A regional code inherits its base language's texts, and
 * both inherit the default's, text by text: `{ pt: { apology }, 'pt-BR': { fallback } }` gives
 * `pt-BR` its own fallback and the `pt` apology. Codes compare case-insensitively, `_` as `-`.
 */
export function createMessageCatalog(
  overrides: Readonly<Record<string, Partial<SystemMessages>>> = {},
  defaultLanguage = 'en',
): (languageCode: string | undefined) => SystemMessages {
  const given = new Map<string, Partial<SystemMessages>>();
  for (const [code, texts] of Object.entries(BUILT_IN_MESSAGES)) given.set(normalize(code), { ...texts });
  for (const [code, texts] of Object.entries(overrides)) given.set(normalize(code), { ...given.get(normalize(code)), ...texts });
  const layered = (code: string): Partial<SystemMessages> => {
    const base = code.split('-')[0]!;
    return base === code ? { ...given.get(code) } : { ...given.get(base), ...given.get(code) };
  };
  const fallbackLanguage = normalize(defaultLanguage);
  const defaults: SystemMessages = { ...BUILT_IN_MESSAGES.en!, ...layered(fallbackLanguage) };
  const catalog = new Map<string, SystemMessages>();
  for (const code of given.keys()) catalog.set(code, { ...defaults, ...layered(code) });
  return (languageCode) => {
    if (languageCode !== undefined && languageCode !== '') {
      const code = normalize(languageCode);
      const found = catalog.get(code) ?? catalog.get(code.split('-')[0]!);
      if (found !== undefined) return found;
    }
    return defaults;
  };
}

/** Whether the built-in languages or `overrides` have messages for `code` or its base language. */
export function hasMessages(code: string, overrides: Readonly<Record<string, unknown>>): boolean {
  const known = new Set([...Object.keys(BUILT_IN_MESSAGES), ...Object.keys(overrides)].map(normalize));
  const wanted = normalize(code);
  return known.has(wanted) || known.has(wanted.split('-')[0]!);
}

function normalize(code: string): string {
  return code.toLowerCase().replaceAll('_', '-');
}
