import { BUILT_IN_MESSAGES, createMessageCatalog } from '../../src/core/system-messages.js';
import { testApp } from '../support/app.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { textsOf, validResponse } from '../support/responses.js';

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

describe('system messages of a regional language code (field report 8)', () => {
  const APOLOGY_PT = 'Desculpe, o sistema está indisponível no momento.';
  const FALLBACK_PT_BR = 'Não entendi. Pode repetir?';
  const messages = { pt: { apology: APOLOGY_PT }, 'pt-BR': { fallback: FALLBACK_PT_BR } };

  it("inherits its base language's overrides where it overrides nothing itself", async () => {
    const { app } = testApp({ messages });
    app.tag('fails', () => {
      throw new Error('backend down');
    });
    const apology = validResponse('cx', await app.handle(cxRequest('fails').language('pt-BR').build()));
    const fallback = validResponse('cx', await app.handle(cxRequest('nobody').language('pt-BR').build()));
    const otherRegion = validResponse('es', await app.handle(esRequest('nobody').language('pt-PT').build()));
    expect(textsOf(apology)).toEqual([APOLOGY_PT]);
    expect(textsOf(fallback)).toEqual([FALLBACK_PT_BR]);
    expect(textsOf(otherRegion)).toEqual([BUILT_IN_MESSAGES.en!.fallback]);
  });

  it("inherits a built-in language's texts, whatever the case or separator of the override's code", () => {
    const catalog = createMessageCatalog({ ja_jp: { fallback: 'もう一度お願いします。' } });
    expect(catalog('ja-JP')).toEqual({ ...BUILT_IN_MESSAGES.ja!, fallback: 'もう一度お願いします。' });
    expect(catalog('JA-jp').apology).toBe(BUILT_IN_MESSAGES.ja!.apology);
    expect(catalog('ja').fallback).toBe(BUILT_IN_MESSAGES.ja!.fallback);
  });
});
