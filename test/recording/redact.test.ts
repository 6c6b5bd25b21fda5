import { personalValues, redactJson } from '../../src/recording/redact.js';

describe('redactJson', () => {
  it('masks emails, phone numbers and card numbers in every string', () => {
    const text = 'Mail hanako.yamada+shop@example.co.jp, call +81 90-1234-5678 or (555) 123-4567 or 09012345678, card 4111 1111 1111 1111.';
    expect(redactJson({ deep: [{ text }] })).toEqual({ deep: [{ text: 'Mail [email], call [phone] or [phone] or [phone], card [card].' }] });
    expect(redactJson('+15551234567')).toBe('[phone]');
  });

  it('leaves dates, times, amounts, ids and order numbers alone', () => {
    const text = 'Order A-1003 (by 2026-11-29, 10:15:03) for customer 12345: 1,200,000 yen; 2026-10-01T00:00:00+09:00; R-0001; 4111 1111 1111 1112.';
    expect(redactJson(text)).toBe(text);
  });

  it('masks personal parameter values wherever they appear, longest first, whole words only', () => {
    const personal = new Map([
      ['Tanaka', '[name]'],
      ['Ichiro Tanaka', '[name]'],
    ]);
    expect(redactJson({ a: 'Ichiro Tanaka called Tanaka-san; Tanakawa did not.' }, {}, personal)).toEqual({ a: '[name] called [name]-san; Tanakawa did not.' });
  });

  it('can keep what it would mask, and mask more', () => {
    const text = 'call 090-1234-5678, mail a@b.io, account ACC-1';
    expect(redactJson(text, { phones: false, emails: false, patterns: ['ACC-\\d+'] })).toBe('call 090-1234-5678, mail a@b.io, account [redacted]');
  });
});

describe('personalValues', () => {
  it('finds name-like parameters of a CX request: session, intent and form parameters', () => {
    const request = {
      sessionInfo: { parameters: { contact_name: 'Tanaka', customer_id: '12345', person: { name: 'Ichiro Tanaka' } } },
      intentInfo: { parameters: { 'given-name': { originalValue: 'Hanako', resolvedValue: 'Hanako' } } },
      pageInfo: { formInfo: { parameterInfo: [{ displayName: 'lastName', value: 'Yamada' }] } },
    };
    expect(Object.fromEntries(personalValues('cx', request))).toEqual({ Tanaka: '[name]', 'Ichiro Tanaka': '[name]', Hanako: '[name]', Yamada: '[name]' });
  });

  it('finds them in an ES request: query parameters and contexts (with .original entries)', () => {
    const request = {
      queryResult: {
        parameters: { name: 'Sato', account_id: 'ACC-1' },
        outputContexts: [{ name: 'c', parameters: { 'contact_name.original': 'Mr. Suzuki', contact_name: 'Suzuki' } }],
      },
    };
    expect(Object.fromEntries(personalValues('es', request, { params: ['account_id'] }))).toEqual({
      Sato: '[name]',
      'ACC-1': '[redacted]',
      'Mr. Suzuki': '[name]',
      Suzuki: '[name]',
    });
    expect(personalValues('es', request, { names: false }).size).toBe(0);
  });
});

describe('personalValues under the one redaction policy (field report 5)', () => {
  it('finds personal keys at any depth, of every kind, in requests and in answers', () => {
    const request = {
      sessionInfo: {
        parameters: { caller: { contact_name: 'Ichiro Tanaka', home: { shipping_address: 'Shibuya 1-2-3' } }, order: [{ customerEmail: 'x@y.jp' }] },
      },
    };
    expect(Object.fromEntries(personalValues('cx', request))).toEqual({ 'Ichiro Tanaka': '[name]', 'Shibuya 1-2-3': '[address]', 'x@y.jp': '[email]' });
    const answer = {
      outputContexts: [{ name: 'projects/p/agent/sessions/s/contexts/c', parameters: { caller: { phone_number: '03 1234 5678' } } }],
      followupEventInput: { name: 'next', parameters: { person: { name: 'Sato' } } },
    };
    expect(Object.fromEntries(personalValues('es', answer))).toEqual({ '03 1234 5678': '[phone]', Sato: '[name]' });
    expect(personalValues('es', answer, { phones: false, names: false }).size).toBe(0);
  });

  it('leaves a digit run inside a word or a dashed id alone', () => {
    const text = 'session ef4111111111111111, id 1a2b-4111111111111111, call 4111 1111 1111 1111';
    expect(redactJson(text)).toBe('session ef4111111111111111, id 1a2b-4111111111111111, call [card]');
  });
});
