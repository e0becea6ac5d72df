/**
 * Numbers that are not quantities or durations: dates, times, years, names, codes,
 * ordinals, offsets, determiners. Each sentence must yield no mention at all,
 * or (second table) must not yield the listed wrong reading.
 */
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/extract/quantity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import type { Article, Mention } from '../src/types.ts';

function extract(text: string): Mention[] {
  const article = { id: 't', text, body: { start: 0, end: text.length } } as Article;
  return extractQuantities(article, bodySentences(article));
}

describe('no mention at all', () => {
  const cases: string[] = [
    // dates
    'The first meeting took place on July 7, 2017, in Hamburg.',
    'The first call occurred on February 12.',
    'He was sworn in on Jan. 24, 2025.',
    'During his first term in 2017-2021, little changed.',
    'Elections are due in 2026.',
    'Later calls were made on March 18, May 19, June 4 and October 16.',
    'The treaty was set to expire in February 2021.',
    'It happened on 18 March 2025 in Moscow.',
    'The deadline is 2025-03-18.',
    // clock times
    'The call started at 10:00 a.m. ET.',
    'TASS said at about 12:35 p.m. ET that it was over.',
    'They have been talking since about 10 a.m. ET (1400 GMT).',
    'The strike began at 1300 GMT.',
    // years in year context
    'Putin became president in 2000.',
    'A 2018 summit in Helsinki was marked by bonhomie.',
    'He was accused of meddling in the 2016 U.S. election.',
    'The 1990s were turbulent.',
    // names and codes
    'They met on the sidelines of the G20 summit.',
    'The G7 leaders issued a statement.',
    'They discussed the Nord Stream 2 gas pipeline project.',
    'They discussed efforts to combat the COVID-19 pandemic.',
    'They talked about the future of the New START treaty.',
    'The OPEC+ deal was suspended.',
    'The road follows Route 66 across the state.',
    'Apollo 11 landed on the Moon.',
    'The airline grounded its Boeing 737 jets.',
    'The update ships with Windows 10.',
    'Under Section 3 of the act, this is allowed.',
    'The F-16 jets arrived.',
    'Air Force One landed in Anchorage.',
    'Flight MH17 was shot down.',
    // ordinals
    'It was the 100th anniversary of the end of World War I.',
    'They marked the 75th anniversary of the victory.',
    'The law dates from the 18th century.',
    'It was their first conversation and the second exchange.',
    // typos and singular nouns: no count
    'He lost the 202 election.',
    'He won by a 10-point margin.',
    // determiners and references
    'One phone call does not solve a war.',
    'They spoke one-on-one for a while.',
    'The two leaders discussed the situation.',
    'Trade ties between the two countries were discussed.',
    'The two met multiple times.',
    'Both countries left the treaty between the 2 powers.',
    'Any dialogue between the 2 would mark a first.',
    // relative offsets, not durations
    'However, two days before, Trump canceled the meeting.',
    'Ukraine agreed to the truce a week later.',
    'The post was published 11 hours ago.',
    'A few hours later, the king joined.',
    'They will meet again in two weeks.',
    'Prices rose this week after a sharp fall last week.',
    'The talks resumed two hours into the call.',
    'Inspections happen every two weeks.',
    'They meet twice a week.',
    // vague amounts are not numbers
    'Several people were hurt.',
    'There are a number of questions.',
    'They met multiple times.',
  ];
  it.each(cases)('%s', (sentence) => {
    const found = extract(sentence).filter((m) => m.rule !== 'twice');
    expect(found.map((m) => m.text)).toEqual([]);
  });
});

describe('no wrong reading', () => {
  it('"twice a week" is a frequency, not a week-long duration', () => {
    const found = extract('They meet twice a week.');
    expect(found.filter((m) => m.kind === 'duration')).toEqual([]);
    expect(found.map((m) => (m.value as { unit: string }).unit)).toEqual(['time/week']);
  });
  it('"10 to 15 minutes" is one range, not two clock times or two counts', () => {
    const found = extract('The exchange lasted 10 to 15 minutes.');
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('duration');
  });
  it('"for 30 days" is a duration, not a date', () => {
    expect(extract('Strikes stop for 30 days.').map((m) => m.kind)).toEqual(['duration']);
  });
  it('a year range next to a count keeps only the count', () => {
    const found = extract('During Trump’s first term in 2017-2021, the leaders held six meetings.');
    expect(found.map((m) => m.text)).toEqual(['six meetings']);
  });
  it('"in three years of" is a span, "in three years" alone a future date', () => {
    expect(extract('A shift in three years of US policy.')).toHaveLength(1);
    expect(extract('They will decide in three years.')).toHaveLength(0);
  });
  it('"rose from X to Y" is a change, not a range', () => {
    const found = extract('Membership fell from 40 to 30 members.');
    expect(found.map((m) => [m.text, (m.value as { min: number }).min])).toEqual([['30 members', 30]]);
  });
  it('"from X to Y" without a change verb is a range', () => {
    expect(extract('From 10 to 15 people were arrested.')[0]!.value).toMatchObject({ min: 10, max: 15, qualifier: 'range' });
  });
  it('"78-year-old" is an age, never a duration', () => {
    const found = extract('A 78-year-old man was hurt.');
    expect(found.map((m) => [m.kind, m.rule])).toEqual([['quantity', 'age']]);
  });
  it('"two dozen" is 24, not 2', () => {
    const found = extract('They spoke approximately two dozen times.');
    expect(found[0]!.value).toMatchObject({ min: 21, max: 27 });
  });
  it('"an hour and a half" is 90 minutes, not 60', () => {
    const found = extract('The call lasted an hour and a half.');
    expect(found[0]!.duration).toMatchObject({ min: 90, max: 90 });
  });
  it('a number in a clock time next to a qualifier stays unread', () => {
    expect(extract('They talked until about 12:35.')).toEqual([]);
  });
});

describe('words that are also Object.prototype keys', () => {
  it('"constructor" is neither a number nor a time unit (it used to crash the extractor)', () => {
    expect(extract('The constructor said a constructor was hired for two days.').map((m) => m.text)).toEqual(['two days']);
  });
});
