import { formatIssues, InvalidOptionError, OutputOnlyFieldError, validateSchema, type ApiVersion } from '../../src/index.js';
import { caseData, caseOptions, caseSchema, loadSchemaCases } from './cases.js';

const cases = loadSchemaCases();

describe('validateSchema', () => {
  it.each(cases.filter((c) => c.valid).map((c) => [`${caseSchema(c)} ${c.kind}: ${c.name}`, c] as const))('accepts %s', (_title, c) => {
    expect(validateSchema(c.dialect, c.kind, caseData(c), caseOptions(c))).toEqual({ ok: true });
  });

  it.each(cases.filter((c) => !c.valid).map((c) => [`${caseSchema(c)} ${c.kind}: ${c.name}`, c] as const))('rejects %s', (_title, c) => {
    const result = validateSchema(c.dialect, c.kind, caseData(c), caseOptions(c));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.path).toBe(c.path);
    expect(result.issues[0]!.message).toContain(c.message);
    expect(result.issues[0]!.kind).toBe(c.issue);
  });

  it('covers accept and reject cases for both dialects, both kinds and every API version', () => {
    const versions: Record<string, readonly ApiVersion[]> = { cx: ['v3', 'v3beta1'], es: ['v2', 'v2beta1'] };
    for (const dialect of ['cx', 'es'] as const) {
      for (const version of versions[dialect]!) {
        for (const kind of ['request', 'response'] as const) {
          const mine = cases.filter((c) => c.dialect === dialect && (c.version ?? versions[dialect]![0]) === version && c.kind === kind);
          expect({ dialect, version, kind, valid: mine.some((c) => c.valid), invalid: mine.some((c) => !c.valid) }).toEqual({
            dialect,
            version,
            kind,
            valid: true,
            invalid: true,
          });
        }
      }
    }
  });

  it('returns the same valid result object every time (no allocation on the hot path)', () => {
    expect(validateSchema('cx', 'response', {})).toBe(validateSchema('es', 'request', {}));
    expect(validateSchema('es', 'response', {}, { version: 'v2beta1' })).toBe(validateSchema('cx', 'request', {}));
  });

  it('checks against the GA version unless told otherwise, and the GA version by name alike', () => {
    const beta = { endInteraction: true, fulfillmentMessages: [{ telephonyTransferCall: { phoneNumber: '+15551234567' } }] };
    expect(validateSchema('es', 'response', beta).ok).toBe(false);
    expect(validateSchema('es', 'response', beta, { version: 'v2' }).ok).toBe(false);
    expect(validateSchema('es', 'response', beta, { version: 'v2beta1' }).ok).toBe(true);
    const v3Only = { fulfillmentResponse: { messages: [{ text: { text: ['a'] }, responseType: 'HANDLER_PROMPT' }] } };
    expect(validateSchema('cx', 'response', v3Only, { version: 'v3' }).ok).toBe(true);
    expect(validateSchema('cx', 'response', v3Only, { version: 'v3beta1' }).ok).toBe(false);
  });

  it('refuses a version the dialect does not have, naming the ones it has', () => {
    const wrong = () => validateSchema('es', 'response', {}, { version: 'v3beta1' as ApiVersion<'es'> });
    expect(wrong).toThrow(InvalidOptionError);
    expect(wrong).toThrow('es has no API version "v3beta1": use v2 or v2beta1.');
    expect(() => validateSchema('dx' as 'cx', 'request', {})).toThrow('"dx" is not a dialect: use cx or es.');
  });

  describe('output-only fields in a response', () => {
    const response = {
      fulfillmentResponse: {
        messages: [{ text: { text: ['Goodbye'], allowPlaybackInterruption: true } }, { endInteraction: {} }, { mixedAudio: { segments: [] } }],
      },
    };

    it('names each one apart from real errors, with what to do instead', () => {
      const result = validateSchema('cx', 'response', response);
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            path: 'fulfillmentResponse.messages[0].text.allowPlaybackInterruption',
            message: expect.stringContaining('not by the webhook'),
            kind: 'output-only',
          },
          {
            path: 'fulfillmentResponse.messages[1].endInteraction',
            message: expect.stringContaining("turn.transition({ page: 'END_SESSION' })"),
            kind: 'output-only',
          },
          { path: 'fulfillmentResponse.messages[2].mixedAudio', message: expect.stringContaining('turn.playAudio(uri)'), kind: 'output-only' },
        ],
      });
    });

    it('reports a real error first, at its place in the response as sent', () => {
      const broken = { ...response, targetPage: 5 };
      const result = validateSchema('cx', 'response', broken, { version: 'v3beta1' });
      expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.kind ?? 'invalid'])).toEqual([
        ['targetPage', 'invalid'],
        ['fulfillmentResponse.messages[0].text.allowPlaybackInterruption', 'output-only'],
        ['fulfillmentResponse.messages[1].endInteraction', 'output-only'],
        ['fulfillmentResponse.messages[2].mixedAudio', 'output-only'],
      ]);
    });

    it('gives what an OutputOnlyFieldError needs to name the field and the fix', () => {
      const result = validateSchema('cx', 'response', { fulfillmentResponse: { messages: [{ endInteraction: {} }] } });
      const issue = result.ok ? undefined : result.issues[0]!;
      const error = new OutputOnlyFieldError(issue!.message, issue!.path);
      expect(error.toJSON()).toEqual({
        error: {
          code: 'ERR_OUTPUT_ONLY_FIELD',
          message: expect.stringMatching(
            /^The handler set a field that Dialogflow ignores in a WebhookResponse: fulfillmentResponse\.messages\[0\]\.endInteraction: endInteraction is output only: .*turn\.transition/,
          ),
          path: 'fulfillmentResponse.messages[0].endInteraction',
        },
      });
      expect(error.status).toBe(500);
    });

    it('takes them in a request, where Dialogflow sends them', () => {
      expect(validateSchema('cx', 'request', { messages: response.fulfillmentResponse.messages })).toEqual({ ok: true });
    });
  });
});

describe('formatIssues', () => {
  it('prefixes each message with its path, except at the root', () => {
    expect(
      formatIssues([
        { path: 'queryResult.outputContexts[0].lifespanCount', message: 'must be a whole number (int32)' },
        { path: '', message: 'must be an object, not a list' },
      ]),
    ).toBe('queryResult.outputContexts[0].lifespanCount: must be a whole number (int32)\nmust be an object, not a list');
  });

  it('formats a real failure on one line', () => {
    const result = validateSchema('cx', 'response', { fulfillmentResponse: { mergeBehavior: 'replace' } });
    expect(result.ok ? '' : formatIssues(result.issues)).toBe(
      'fulfillmentResponse.mergeBehavior: must be one of APPEND, REPLACE, MERGE_BEHAVIOR_UNSPECIFIED, not "replace"',
    );
  });
});
