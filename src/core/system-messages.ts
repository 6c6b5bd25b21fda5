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
 * (`pt`), then the default language. Codes compare case-insensitively.
 */
export function createMessageCatalog(
  overrides: Readonly<Record<string, Partial<SystemMessages>>> = {},
  defaultLanguage = 'en',
): (languageCode: string | undefined) => SystemMessages {
  const catalog = new Map<string, SystemMessages>();
  const languages = new Set([...Object.keys(BUILT_IN_MESSAGES), ...Object.keys(overrides)]);
  const base = { ...BUILT_IN_MESSAGES.en!, ...BUILT_IN_MESSAGES[defaultLanguage], ...overrides[defaultLanguage] };
  for (const language of languages) {
    catalog.set(language.toLowerCase(), { ...base, ...BUILT_IN_MESSAGES[language], ...overrides[language] });
  }
  return (languageCode) => {
    if (languageCode !== undefined && languageCode !== '') {
      const code = languageCode.toLowerCase();
      const found = catalog.get(code) ?? catalog.get(code.split(/[-_]/)[0]!);
      if (found !== undefined) return found;
    }
    return catalog.get(defaultLanguage.toLowerCase()) ?? base;
  };
}
