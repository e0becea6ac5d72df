/**
 * Negative cases (chrono's negative_cases style): phrases that must not come out as
 * dates or times. Durations belong to the quantity extractor, names to entities.
 */
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../src/extract/time/index.ts';
import { makeArticle, splitSentences } from './time-helpers.ts';

function extract(text: string) {
  return extractTimes(makeArticle(text, '2025-03-18', 'Europe/Moscow'), splitSentences(text));
}

describe('no temporal mention', () => {
  it.each([
    'According to Ushakov, the exchange lasted 10 to 15 minutes.',
    'Instead of the planned 30-45 minutes, the talks went on.',
    'Russia agreed to stop hitting energy infrastructure for 30 days.',
    'The U.S. proposed a 30-day truce.',
    'Russia Today reported the call.',
    "He said so on ABC's This Week program.",
    'It signalled a major shift in three years of US policy towards Kyiv.',
    'The Jan. 6 defendants were pardoned.',
    'He lost the 202 election.',
    'They spoke by telephone approximately two dozen times.',
    'The negotiations lasted 2 hours and 15 minutes.',
    'The conversation lasted an hour and a half.',
    'The 90-minute conversation was proof of failure.',
    'Russia has massed 68,000 troops.',
    'They met at the G20 summit in Hamburg.',
    'Events marked the 100th anniversary of the end of World War I.',
    'The channel broadcasts 24/7.',
    'It happened in the first days of his second term.',
    'The presidents spoke twice in one day.',
    'They talked for more than two hours.',
    'The Kremlin may comment later.',
    'Protesters march through the city.',
    'Trump and Putin have been on the call for more than two hours now.',
    'The MOEX index rose to 3,210 points.',
    'Inflation reached 2025 points on the index.',
    'The army lost 2000 soldiers.',
    'The 9/11 attacks changed policy.',
    'A 1 hour and 20 minutes discussion followed.',
    'The call lasted 1300 seconds.',
  ])('%s', (text) => {
    expect(extract(text).map((m) => `${m.text} → ${m.value}`)).toEqual([]);
  });
});

describe('durations next to dates stay out of the date', () => {
  it.each([
    ['On July 7, 2017, they talked for 2 hours and 15 minutes.', ['July 7, 2017']],
    ['Putin agreed on Tuesday to a 30-day pause.', ['Tuesday']],
    ['The exchange on December 1, 2018 lasted 10 to 15 minutes.', ['December 1, 2018']],
  ])('%s', (text, spans) => {
    expect(extract(text).map((m) => m.text)).toEqual(spans);
  });
});

describe('temporal words that are not dates here', () => {
  it('a capitalised "Today" opening a sentence or a quote is still a date', () => {
    expect(extract('"Today, President Trump and President Putin spoke."').map((m) => m.value)).toEqual(['2025-03-18']);
    expect(extract('Today the leaders spoke.').map((m) => m.value)).toEqual(['2025-03-18']);
  });
});

describe('review findings on the other seeds', () => {
  it('a quoted title is not a week', () => {
    expect(extract('Waltz said in an interview on ABC’s “This Week” that talks were planned.')).toEqual([]);
  });
  it('a future verb inside a quote does not make a reported weekday future', () => {
    const text = '“We’ll meet as soon as we can,” Trump said at the White House on Thursday.';
    expect(extractTimes(makeArticle(text, '2025-01-25', 'America/New_York'), splitSentences(text)).map((m) => m.value)).toEqual(['2025-01-23']);
  });
  it('"11 hours ago" from a date-only publication is a day, not a clock time', () => {
    expect(extract('The story was posted 11 hours ago.').map((m) => [m.value, m.kind])).toEqual([['2025-03-18', 'date']]);
    const text = 'The story was posted 3 hours ago.';
    const [m] = extractTimes(makeArticle(text, '2025-03-18T09:00:00Z', 'UTC'), splitSentences(text));
    expect([m!.value, m!.time!.utc]).toEqual(['2025-03-18T06:00', '2025-03-18T06:00Z']);
  });
});

describe('ECB+ review: a lone "a"/"p" after a clock time is not a meridiem', () => {
  it.each([
    // the article "a": no a.m. reading, the clock time stays as written
    ['The hearing resumed at 1:30 a spokesman said.', [['1:30', '2025-03-18T01:30']]],
    ['The match ended 2:30 p late in the day.', [['2:30', '2025-03-18T02:30']]],
    // a bare hour followed by "a" is no time at all
    ['Turn right at 10 a spokesman said.', []],
  ])('%s', (text, expected) => {
    expect(extract(text).map((m) => [m.text, m.value])).toEqual(expected);
  });

  it('a part of day not followed by a date keeps no date of its own', () => {
    expect(extract('They met in the morning on a ship.').map((m) => [m.text, m.value])).toEqual([['morning', '2025-03-18TMO']]);
  });
});

describe('casual dates chrono gives no casual tag to are still deictic', () => {
  const times = (text: string, published: string | null) =>
    extractTimes(makeArticle(text, published, 'UTC'), splitSentences(text)).map((m) => [m.text, m.time?.date ?? null]);
  it('"last night" is the day before publication, and nothing without a publication date', () => {
    expect(times('The fire broke out last night at a warehouse.', '2025-03-18')).toEqual([['last night', '2025-03-17']]);
    expect(times('The fire broke out last night at a warehouse.', null)).toEqual([]);
  });
  it('a later year-less date does not take its year from the neutral reference', () => {
    expect(times('The fire broke out last night. On August 2nd police said more.', null)).toEqual([['August 2nd', null]]);
  });
});
