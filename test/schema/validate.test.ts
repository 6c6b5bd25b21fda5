import { formatIssues, validateSchema } from '../../src/schema/validate.js';
import { caseData, loadSchemaCases } from './cases.js';

const cases = loadSchemaCases();

describe('validateSchema', () => {
  it.each(cases.filter((c) => c.valid).map((c) => [`${c.dialect} ${c.kind}: ${c.name}`, c] as const))('accepts %s', (_title, c) => {
    expect(validateSchema(c.dialect, c.kind, caseData(c))).toEqual({ ok: true });
  });

  it.each(cases.filter((c) => !c.valid).map((c) => [`${c.dialect} ${c.kind}: ${c.name}`, c] as const))('rejects %s', (_title, c) => {
    const result = validateSchema(c.dialect, c.kind, caseData(c));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.path).toBe(c.path);
    expect(result.issues[0]!.message).toContain(c.message);
  });

  it('covers accept and reject cases for both dialects and both kinds', () => {
    for (const dialect of ['cx', 'es'] as const) {
      for (const kind of ['request', 'response'] as const) {
        const mine = cases.filter((c) => c.dialect === dialect && c.kind === kind);
        expect(mine.filter((c) => c.valid).length).toBeGreaterThan(0);
        expect(mine.filter((c) => !c.valid).length).toBeGreaterThan(0);
      }
    }
  });

  it('returns the same valid result object every time (no allocation on the hot path)', () => {
    expect(validateSchema('cx', 'response', {})).toBe(validateSchema('es', 'request', {}));
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
