import { normalizeRecording } from '../../src/recording/normalize-recording.js';

describe('normalizeRecording', () => {
  it('takes the volatile ids out of a CX call, and the session id wherever it appears', () => {
    const session = 'projects/p/locations/global/agents/a/sessions/8f3a-9c';
    const call = normalizeRecording(
      'cx',
      {},
      { detectIntentResponseId: 'abc', sessionInfo: { session }, payload: { timestamp: '2026-11-27T10:00:00Z', requestId: 'r-1', sentAt: 12 } },
      { payload: { link: `https://x/${session}` } },
      'rec-1',
    );
    expect(call.request).toEqual({
      detectIntentResponseId: 'recorded',
      sessionInfo: { session: 'projects/p/locations/global/agents/a/sessions/rec-1' },
      payload: { timestamp: 'recorded', requestId: 'recorded', sentAt: 12 },
    });
    expect(call.response).toEqual({ payload: { link: 'https://x/projects/p/locations/global/agents/a/sessions/rec-1' } });
  });

  it('renames the ES session in context and entity names too', () => {
    const session = 'projects/p/agent/sessions/real';
    const call = normalizeRecording(
      'es',
      {},
      { responseId: 'x', session, queryResult: { outputContexts: [{ name: `${session}/contexts/a` }] } },
      { outputContexts: [{ name: `${session}/contexts/b` }], sessionEntityTypes: [{ name: `${session}/entityTypes/t` }] },
    );
    expect(call.request).toEqual({
      responseId: 'recorded',
      session: 'projects/p/agent/sessions/recorded-session',
      queryResult: { outputContexts: [{ name: 'projects/p/agent/sessions/recorded-session/contexts/a' }] },
    });
    expect(JSON.stringify(call.response)).not.toContain('/sessions/real');
  });

  it('drops credentials, signatures and transport headers, and keeps the others', () => {
    const headers = {
      authorization: 'Basic x',
      'x-api-key': 'k',
      'x-fulfiller-key': 'k',
      'webhook-signature': 's',
      'webhook-id': 'i',
      cookie: 'c',
      host: 'h',
      'content-type': 'application/json',
      'user-agent': 'u',
      'x-request-id': 'r',
      'x-forwarded-for': 'ip',
      'sec-fetch-mode': 'cors',
      'x-tenant': 'demo',
      'x-channel': 'web',
    };
    expect(normalizeRecording('cx', headers, {}, {}).headers).toEqual({ 'x-tenant': 'demo', 'x-channel': 'web' });
  });
});
