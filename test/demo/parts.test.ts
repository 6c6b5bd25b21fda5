import type { JsonValue } from '../../src/index.js';
import { fixedToday, todayFromEnv, systemToday } from '../../demo/clock.js';
import { addDays, daysBetween, isIsoDate, previousMonth } from '../../demo/dates.js';
import { monthOf, personName, textList } from '../../demo/params.js';
import { formatNumber, textsFor } from '../../demo/texts.js';

describe('dates and clock', () => {
  test('date arithmetic across month and year ends', () => {
    expect(addDays('2026-11-27', 30)).toBe('2026-12-27');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-27', '2026-11-29')).toBe(2);
    expect(previousMonth('2026-11-27')).toBe('2026-10');
    expect(previousMonth('2026-01-05')).toBe('2025-12');
    expect(isIsoDate('2026-02-30')).toBe(false);
  });

  test('today: pinned by DEMO_TODAY, else the real date', () => {
    expect(todayFromEnv({ DEMO_TODAY: '2026-11-27' })()).toBe('2026-11-27');
    expect(todayFromEnv({})).toBe(systemToday);
    expect(isIsoDate(systemToday())).toBe(true);
    expect(() => todayFromEnv({ DEMO_TODAY: '2026-13-01' })).toThrow(/DEMO_TODAY/);
    expect(() => fixedToday('tomorrow')).toThrow(RangeError);
  });
});

describe('parameter shapes', () => {
  test('monthOf', () => {
    expect(monthOf('2026-10')).toBe('2026-10');
    expect(monthOf(' 2026-10-31 ')).toBe('2026-10');
    expect(monthOf('2026-10-01T00:00:00+09:00')).toBe('2026-10');
    expect(monthOf({ startDate: '2026-09-01', endDate: '2026-09-30' })).toBe('2026-09');
    expect(monthOf({ startDateTime: '2026-08-01T00:00:00Z', endDateTime: '2026-08-31T00:00:00Z' })).toBe('2026-08');
    expect(monthOf({ startDate: { year: 2026, month: 7, day: 1 } })).toBe('2026-07');
    expect(monthOf(['2026-06'])).toBe('2026-06');
    const bads: JsonValue[] = ['2026-13', '10/2026', 'October', 202610, null, {}, { year: 2026 }];
    for (const bad of bads) expect(monthOf(bad)).toBeUndefined();
  });

  test('personName', () => {
    expect(personName('Tanaka')).toBe('Tanaka');
    expect(personName({ name: 'Tanaka' })).toBe('Tanaka');
    expect(personName([{ name: 'Tanaka' }])).toBe('Tanaka');
    expect(personName('Ms. Tanaka')).toBe('Tanaka');
    expect(personName('田中様')).toBe('田中');
    expect(personName('  ')).toBeUndefined();
    expect(personName(42)).toBeUndefined();
  });

  test('textList', () => {
    expect(textList('Keyboard')).toEqual(['Keyboard']);
    expect(textList(['Keyboard', ' Mouse Pad ', '', 'Keyboard', 7])).toEqual(['Keyboard', 'Mouse Pad', '7']);
    expect(textList(undefined)).toEqual([]);
    expect(textList({ name: 'x' })).toEqual([]);
  });
});

describe('texts', () => {
  test('numbers with thousands separators; Japanese for ja*', () => {
    expect(formatNumber(1200000)).toBe('1,200,000');
    expect(textsFor('ja-JP').reportStarted()).toBe('処理中です。少々お待ちください。');
    expect(textsFor('JA').reportStarted()).toBe('処理中です。少々お待ちください。');
    expect(textsFor('en-US').reportStarted()).toBe('Processing. Please wait a moment.');
    expect(textsFor('fr').reportStarted()).toBe('Processing. Please wait a moment.');
  });
});
