import { BUILT_IN_MESSAGES, createMessageCatalog } from '../../src/core/system-messages.js';

describe('createMessageCatalog', () => {
  const catalog = createMessageCatalog({ fr: { apology: 'Désolé, le système est indisponible.' }, en: { fallback: 'Say again?' } });

  it('picks the exact language, then the base language, then the default', () => {
    expect(catalog('ja').apology).toBe(BUILT_IN_MESSAGES.ja!.apology);
    expect(catalog('ja-JP').apology).toBe(BUILT_IN_MESSAGES.ja!.apology);
    expect(catalog('JA_jp').timeout).toBe(BUILT_IN_MESSAGES.ja!.timeout);
    expect(catalog('de').apology).toBe('Sorry, the system is currently unavailable. Please try again later.');
    expect(catalog(undefined).apology).toBe(BUILT_IN_MESSAGES.en!.apology);
  });

  it('lets users add languages and override texts, filling gaps from the default', () => {
    expect(catalog('fr-CA').apology).toBe('Désolé, le système est indisponible.');
    expect(catalog('fr').fallback).toBe('Say again?');
    expect(catalog('en-GB').fallback).toBe('Say again?');
    expect(catalog('en').apology).toBe(BUILT_IN_MESSAGES.en!.apology);
  });

  it('uses another default language when asked', () => {
    expect(createMessageCatalog({}, 'ja')('de').fallback).toBe(BUILT_IN_MESSAGES.ja!.fallback);
  });
});
