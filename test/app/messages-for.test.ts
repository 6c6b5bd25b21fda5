import { BUILT_IN_MESSAGES, createFulfiller } from '../../src/index.js';

describe('app.messagesFor()', () => {
  it('gives the texts the app says itself: built in, or from the option, by language', () => {
    const app = createFulfiller({ mode: 'test', env: {}, messages: { pt: { fallback: 'Não entendi.' }, 'pt-BR': { apology: 'Desculpe.' } } });
    expect(app.messagesFor('ja')).toEqual(BUILT_IN_MESSAGES.ja);
    expect(app.messagesFor('pt-BR').apology).toBe('Desculpe.');
    expect(app.messagesFor('pt-PT').fallback).toBe('Não entendi.');
    expect(app.messagesFor('xx')).toEqual(BUILT_IN_MESSAGES.en);
  });
});
