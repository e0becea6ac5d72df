/**
 * Interval agreement: the test downstream conflict detection relies on so that
 * "an hour and a half" = "90-minute" and "more than two hours" fits 155 minutes.
 */
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/extract/quantity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import { intervalContains, intervalsEqual, intervalsOverlap } from '../src/extract/quantity/interval.ts';
import type { Article, Interval, QuantityValue } from '../src/types.ts';

function durationOf(text: string): QuantityValue {
  const article = { id: 't', text, body: { start: 0, end: text.length } } as Article;
  const [m] = extractQuantities(article, bodySentences(article)).filter((x) => x.kind === 'duration');
  if (!m?.duration) throw new Error(`no duration in: ${text}`);
  return m.duration;
}

const minutes = (min: number | null, max: number | null): Interval => ({ min, max, unit: 'minute' });

describe('intervalsOverlap on extracted durations', () => {
  const cases: [string, string, boolean][] = [
    ['It lasted an hour and a half.', 'The 90-minute conversation ended.', true],
    ['The hour-and-a-half conversation ended.', 'It lasted about an hour and a half.', true],
    ['It lasted more than two hours.', 'It lasted 2 hours and 15 minutes.', true],
    ['It lasted 10 to 15 minutes.', 'It lasted 2 hours and 15 minutes.', false],
    ['Instead of the planned 30-45 minutes.', 'It lasted 2 hours and 15 minutes.', false],
    ['It lasted nearly three hours.', 'It lasted more than two hours.', true],
    ['It lasted an hour and a half.', 'It lasted more than two hours.', false],
    ['The truce lasts a month.', 'The truce lasts for 30 days.', true],
    ['The truce lasts two weeks.', 'The truce lasts for 30 days.', false],
    ['It lasted less than an hour.', 'It lasted 45 minutes.', true],
  ];
  it.each(cases)('%s ~ %s → %s', (a, b, expected) => {
    expect(intervalsOverlap(durationOf(a), durationOf(b))).toBe(expected);
    expect(intervalsOverlap(durationOf(b), durationOf(a))).toBe(expected);
  });
  it('"more than two hours" overlaps a measured 155 minutes (10:00–12:35)', () => {
    expect(intervalsOverlap(durationOf('It lasted more than two hours.'), minutes(155, 155))).toBe(true);
  });
});

describe('interval helpers', () => {
  it('treats null as unbounded', () => {
    expect(intervalsOverlap(minutes(120, null), minutes(10_000, 10_000))).toBe(true);
    expect(intervalsOverlap(minutes(null, 60), minutes(0, 0))).toBe(true);
    expect(intervalsOverlap(minutes(null, null), minutes(5, 5))).toBe(true);
  });
  it('touching endpoints overlap (bounds are inclusive)', () => {
    expect(intervalsOverlap(minutes(120, null), minutes(100, 120))).toBe(true);
    expect(intervalsOverlap(minutes(121, null), minutes(100, 120))).toBe(false);
  });
  it('never compares different units', () => {
    expect(intervalsOverlap(minutes(90, 90), { min: 90, max: 90, unit: 'day' })).toBe(false);
    expect(intervalContains(minutes(0, 100), { min: 90, max: 90, unit: 'day' })).toBe(false);
  });
  it('containment', () => {
    expect(intervalContains(minutes(120, null), minutes(135, 135))).toBe(true);
    expect(intervalContains(minutes(10, 15), minutes(10, 15))).toBe(true);
    expect(intervalContains(minutes(10, 15), minutes(9, 15))).toBe(false);
    expect(intervalContains(minutes(81, 99), minutes(90, 90))).toBe(true);
    expect(intervalContains(minutes(90, 90), minutes(120, null))).toBe(false);
  });
  it('equality tolerates float noise only', () => {
    expect(intervalsEqual({ min: 0.1 + 0.2, max: 1, unit: 'x' }, { min: 0.3, max: 1, unit: 'x' })).toBe(true);
    expect(intervalsEqual({ min: 1, max: null, unit: 'x' }, { min: 1, max: 2, unit: 'x' })).toBe(false);
  });
});
