/**
 * Quantity and duration extraction: positive cases with exact intervals.
 * Durations are in minutes (sub-day) or days; quantities in their own unit.
 */
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/extract/quantity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import { parseNumber } from '../src/extract/quantity/numbers.ts';
import { tokenize } from '../src/extract/quantity/tokens.ts';
import { timexOf } from '../src/extract/quantity/index.ts';
import type { Article, Mention, QuantityValue } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

export function articleOf(text: string, id = 't'): Article {
  return testArticle(text, { id });
}

export function extract(text: string): Mention[] {
  const article = articleOf(text);
  return extractQuantities(article, bodySentences(article));
}

function interval(m: Mention): QuantityValue {
  return (m.kind === 'duration' ? m.duration : m.value) as QuantityValue;
}

describe('number parser', () => {
  const cases: [string, number, number?][] = [
    ['68,000', 68000],
    ['3.7', 3.7],
    ['two', 2],
    ['twenty-five', 25],
    ['a dozen', 12],
    ['two dozen', 24],
    ['a hundred', 100],
    ['two hundred and fifty', 250],
    ['one and a half hours', 1.5],
    ['40 billion', 4e10],
    ['200 million', 2e8],
    ['three million', 3e6],
    ['half a dozen', 6],
    ['hundreds of', 200, 999],
    ['a couple of', 2, 3],
  ];
  it.each(cases)('%s', (text, low, high) => {
    const n = parseNumber(tokenize(text), 0);
    expect(n).not.toBeNull();
    expect(n!.low).toBe(low);
    expect(n!.high).toBe(high ?? low);
  });
});

describe('durations', () => {
  // sentence, expected mention text, min, max, unit, qualifier, timex
  const cases: [string, string, number | null, number | null, 'minute' | 'day', string, string][] = [
    ['The conversation lasted an hour and a half.', 'an hour and a half', 90, 90, 'minute', 'exact', 'PT1H30M'],
    ['The hour-and-a-half conversation was the first.', 'hour-and-a-half', 90, 90, 'minute', 'exact', 'PT1H30M'],
    ['The 90-minute conversation was proof.', '90-minute', 90, 90, 'minute', 'exact', 'PT90M'],
    ['The discussion lasted 1 hour and 20 minutes.', '1 hour and 20 minutes', 80, 80, 'minute', 'exact', 'PT1H20M'],
    ['They talked for 2 hours and 15 minutes.', '2 hours and 15 minutes', 135, 135, 'minute', 'exact', 'PT2H15M'],
    ['The exchange lasted 10 to 15 minutes.', '10 to 15 minutes', 10, 15, 'minute', 'range', 'PT10M'],
    ['Instead of the planned 30-45 minutes, they met longer.', '30-45 minutes', 30, 45, 'minute', 'range', 'PT30M'],
    ['The call lasted more than two hours.', 'more than two hours', 120, null, 'minute', 'more-than', 'PT2H'],
    ['They talked for nearly three hours.', 'nearly three hours', 153, 180, 'minute', 'about', 'PT3H'],
    ['They talked for almost three hours.', 'almost three hours', 153, 180, 'minute', 'about', 'PT3H'],
    ['It lasted about an hour and a half.', 'about an hour and a half', 81, 99, 'minute', 'about', 'PT1H30M'],
    ['It lasted approximately 40 minutes.', 'approximately 40 minutes', 36, 44, 'minute', 'about', 'PT40M'],
    ['It lasted at least two hours.', 'at least two hours', 120, null, 'minute', 'at-least', 'PT2H'],
    ['The meeting lasted less than an hour.', 'less than an hour', 0, 60, 'minute', 'less-than', 'PT1H'],
    ['They spoke for one and a half hours.', 'one and a half hours', 90, 90, 'minute', 'exact', 'PT1H30M'],
    ['They spoke for 1.5 hours.', '1.5 hours', 90, 90, 'minute', 'exact', 'PT1H30M'],
    ['He spoke for half an hour.', 'half an hour', 30, 30, 'minute', 'exact', 'PT30M'],
    ['A half-hour call followed.', 'half-hour', 30, 30, 'minute', 'exact', 'PT30M'],
    ['Patients had to wait eight hours.', 'eight hours', 480, 480, 'minute', 'exact', 'PT8H'],
    ['The meeting could last between two and three hours.', 'between two and three hours', 120, 180, 'minute', 'range', 'PT2H'],
    ['They talked for two or three hours.', 'two or three hours', 120, 180, 'minute', 'range', 'PT2H'],
    ['Stop strikes on energy for 30 days, the Kremlin said.', '30 days', 30, 30, 'day', 'exact', 'P30D'],
    ['A U.S. proposal for a 30-day ceasefire was discussed.', '30-day', 30, 30, 'day', 'exact', 'P30D'],
    ['The truce would last a week.', 'a week', 7, 7, 'day', 'exact', 'P1W'],
    ['The talks lasted two weeks.', 'two weeks', 14, 14, 'day', 'exact', 'P2W'],
    ['He spent eight years in Westminster.', 'eight years', 2920, 2928, 'day', 'exact', 'P8Y'],
    ['For more than two centuries, it has been established.', 'more than two centuries', 73048, null, 'day', 'more-than', 'P200Y'],
    ['He had not visited Russia in over a decade.', 'over a decade', 3652, null, 'day', 'more-than', 'P10Y'],
    ['The truce will last a month.', 'a month', 28, 31, 'day', 'exact', 'P1M'],
    ['A two-day visit began.', 'two-day', 2, 2, 'day', 'exact', 'P2D'],
    ['A week-long pause followed.', 'A week-long', 7, 7, 'day', 'exact', 'P1W'],
    ['It was a major shift in three years of US policy.', 'three years', 1095, 1098, 'day', 'exact', 'P3Y'],
    ['They talked for two hours or more.', 'two hours or more', 120, null, 'minute', 'more-than', 'PT2H'],
    ['Fighting went on for a year and a half.', 'a year and a half', 547.5, 549, 'day', 'exact', 'P1Y6M'],
    ['The meeting took 45 seconds.', '45 seconds', 0.75, 0.75, 'minute', 'exact', 'PT45S'],
  ];
  it.each(cases)('%s', (sentence, text, min, max, unit, qualifier, timex) => {
    const found = extract(sentence).filter((m) => m.kind === 'duration');
    expect(found.map((m) => m.text)).toEqual([text]);
    const m = found[0]!;
    expect(m.value).toBe(timex);
    expect(interval(m)).toMatchObject({ min, max, unit, qualifier });
  });

  it('names the modified noun of an adjective duration', () => {
    expect(interval(extract('A 30-day ceasefire was proposed.')[0]!).what).toBe('ceasefire');
    expect(interval(extract('The hour-and-a-half conversation ended.')[0]!).what).toBe('conversation');
  });
});

describe('counts and amounts', () => {
  // sentence, expected mention text, min, max, unit, qualifier, what
  const cases: [string, string, number | null, number | null, string, string, string | undefined][] = [
    ['The leaders held six meetings.', 'six meetings', 6, 6, 'meeting', 'exact', 'meetings'],
    ['They spoke approximately two dozen times.', 'approximately two dozen times', 21, 27, 'time', 'about', 'times'],
    ['Russia and Ukraine will swap 175 prisoners of war from each side.', '175 prisoners of war', 175, 175, 'prisoner', 'exact', 'prisoners of war'],
    ['The army sent over 68,000 troops to the border.', 'over 68,000 troops', 68000, null, 'troop', 'more-than', 'troops'],
    ['They were able to speak three times.', 'three times', 3, 3, 'time', 'exact', 'times'],
    ['The storm killed 78 people in the region.', '78 people', 78, 78, 'person', 'exact', 'people'],
    ['Airstrikes killed more than 400 people, officials said.', 'more than 400 people', 400, null, 'person', 'more-than', 'people'],
    ['At least three people were injured.', 'At least three people', 3, null, 'person', 'at-least', 'people'],
    ['The death toll rose to over 150.', 'over 150', 150, null, 'count', 'more-than', undefined],
    ['Then three Ukrainian ships were detained.', 'three Ukrainian ships', 3, 3, 'ship', 'exact', 'ukrainian ships'],
    ['Putin has met with five sitting U.S. presidents.', 'five sitting U.S. presidents', 5, 5, 'president', 'exact', 'sitting u.s. presidents'],
    ['The EU may double its aid to 40 billion euros ($43 billion) if necessary.', '40 billion euros', 4e10, 4e10, 'EUR', 'exact', undefined],
    ['The EU may double its aid to 40 billion euros ($43 billion) if necessary.', '$43 billion', 4.3e10, 4.3e10, 'USD', 'exact', undefined],
    ['Oil was capped at $60 per barrel by the coalition.', '$60 per barrel', 60, 60, 'USD/barrel', 'exact', undefined],
    ['A package worth around 200 million euros ($217.48 million) was announced.', 'around 200 million euros', 1.8e8, 2.2e8, 'EUR', 'about', undefined],
    ['A package worth around 200 million euros ($217.48 million) was announced.', '$217.48 million', 1.9573e8, 2.3923e8, 'USD', 'about', undefined],
    ['The index rose by over 6 percent.', 'over 6 percent', 6, null, 'percent', 'more-than', undefined],
    ['Turnout was 88% this year.', '88%', 88, 88, 'percent', 'exact', undefined],
    ['The ruble rose by 3.7 percent.', '3.7 percent', 3.7, 3.7, 'percent', 'exact', undefined],
    ['Support stood at 40% in March.', '40%', 40, 40, 'percent', 'exact', undefined],
    ['The index reached 3,210 points.', '3,210 points', 3210, 3210, 'point', 'exact', 'points'],
    ['The ruble reached 90.50 rubles against the dollar.', '90.50 rubles', 90.5, 90.5, 'RUB', 'exact', undefined],
    ['Hundreds of protesters gathered.', 'Hundreds of protesters', 200, 999, 'protester', 'about', 'protesters'],
    ['Between 10 and 15 people were arrested.', 'Between 10 and 15 people', 10, 15, 'person', 'range', 'people'],
    ['Up to 300 soldiers were deployed.', 'Up to 300 soldiers', 0, 300, 'soldier', 'at-most', 'soldiers'],
    ['Fewer than 20 journalists attended.', 'Fewer than 20 journalists', 0, 20, 'journalist', 'less-than', 'journalists'],
    ['The two spoke twice in one day.', 'twice', 2, 2, 'time', 'exact', 'times'],
    ['Some 300 families were evacuated.', 'Some 300 families', 270, 330, 'family', 'about', 'families'],
    ['They produce 1.2 million barrels a day.', '1.2 million barrels a day', 1.2e6, 1.2e6, 'barrel/day', 'exact', 'barrels'],
    ['The victim was a 78-year-old man.', '78-year-old', 78, 78, 'year', 'exact', 'age'],
    ['A couple of soldiers were hurt.', 'A couple of soldiers', 2, 3, 'soldier', 'about', 'soldiers'],
    ['Only two participants would be present.', 'two participants', 2, 2, 'participant', 'exact', 'participants'],
    ['Strikes killed 78 people and injured 320 others.', '320 others', 320, 320, 'other', 'exact', 'others'],
    ['There are between 40,000 to 50,000 US troops in the region.', 'between 40,000 to 50,000 US troops', 40000, 50000, 'troop', 'range', 'us troops'],
    ['Vietnam has a population of almost 100 million.', 'almost 100 million', 8.5e7, 1e8, 'count', 'about', undefined],
    ['It costs $5m a year.', '$5m a year', 5e6, 5e6, 'USD/year', 'exact', undefined],
  ];
  it.each(cases)('%s → %s', (sentence, text, min, max, unit, qualifier, what) => {
    const found = extract(sentence).filter((m) => m.kind === 'quantity');
    const m = found.find((x) => x.text === text);
    expect(m, `found: ${found.map((x) => x.text).join(' | ')}`).toBeDefined();
    const v = interval(m!);
    expect(v).toMatchObject({ min, max, unit, qualifier });
    expect(v.what).toBe(what);
  });
});

describe('mention shape', () => {
  const text = 'Noise.\nThe call lasted more than two hours. Russia will swap 175 prisoners of war.';
  const mentions = extract(text);
  it('keeps the span invariant and names rule and sentence', () => {
    expect(mentions).toHaveLength(2);
    for (const m of mentions) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.rule).toMatch(/\w/);
      expect(m.source).toBe('t');
    }
    expect(mentions.map((m) => m.sentence)).toEqual([1, 2]);
  });
  it('is deterministic', () => {
    expect(extract(text)).toEqual(mentions);
  });
});

describe('public API', () => {
  it('exports the extractor, interval helpers and timexOf', async () => {
    expect(Object.keys(await import('../src/extract/quantity/index.ts')).sort()).toEqual(
      ['extractQuantities', 'intervalContains', 'intervalsOverlap', 'timexOf'],
    );
  });
});

describe('timexOf', () => {
  it.each([
    [[{ unit: 'minute', amount: 90 }], 'PT90M'],
    [[{ unit: 'hour', amount: 2 }, { unit: 'minute', amount: 15 }], 'PT2H15M'],
    [[{ unit: 'hour', amount: 1.5 }], 'PT1H30M'],
    [[{ unit: 'day', amount: 30 }], 'P30D'],
    [[{ unit: 'century', amount: 2 }], 'P200Y'],
    [[{ unit: 'week', amount: 2 }], 'P2W'],
    [[{ unit: 'day', amount: 2.5 }], 'P2DT12H'],
  ] as const)('%j → %s', (parts, expected) => {
    expect(timexOf(parts)).toBe(expected);
  });
});
