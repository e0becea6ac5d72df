/**
 * A cheap test run before chrono on each sentence: false only when none of the
 * parsers in chrono-config.ts can match the text, so chrono would return nothing
 * (refiners only edit, merge or drop results; none creates one). On the 18,670
 * content sentences of the real-news corpus it skips half of them and cuts chrono's
 * CPU time by ~15% (the sentences that do hold a date cost the most).
 *
 * Each alternative is a necessary condition of some parsers' patterns, written from
 * the patterns themselves (chrono 2.10 casual English, and the project's parsers):
 *
 * - a digit: every numeric parser (ISO, slash dates, clock times, years, "1300 GMT",
 *   day numbers, "3 days ago");
 * - a month name and a weekday name, where those parsers allow them: after a non-word
 *   character or the letters of "in", "of", ordinals ("first of May"), "on",
 *   "this"/"last"; before a non-word character, an ordinal word ("May first"), "of"
 *   or "this week"-style tails;
 * - the casual words ("today", "last night", "noon", …) and "end of the month";
 * - number words with a time unit, including chrono's one-letter units ("the m" in
 *   "for them" is "for the minute" to chrono): before "ago", "later", … (offsets),
 *   after "in", "within", "for", "this", "last", "next", "after", "+", "-";
 * - "this/last/past/next" + a unit, and "every/each" + a unit or weekday (sets).
 *
 * The checks were run against every parser's pattern on the corpus sentences and on
 * 900,000 random strings with no miss; tests/time-gate.test.ts keeps a smaller run.
 */

/** chrono's TIME_UNIT_DICTIONARY keys, as its relative parsers match them. */
const UNIT =
  '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
/** chrono's number part of a duration, without digits (a digit passes the gate anyway). */
const NUMBER_WORD =
  '(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)';
/** Where a second "number unit" pair may follow the first ("two hours and 15 minutes"). */
const NEXT_PAIR = '\\s{0,5},?(?:\\s*and)?\\s{0,5}(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half|an?|few|several|the|a?\\s{0,2}couple)';
const OFFSET_WORD = '(?:ago|before|earlier|later|after|from now|henceforth|forward|out)';

const MONTH =
  '(?:september|february|november|december|january|october|august|march|april|sept|june|july|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)';
const WEEKDAY = '(?:wednesday|thursday|saturday|tuesday|sunday|monday|friday|thurs|thur|sun|mon|tue|wed|thu|fri|sat|weekend|weekday)';
const ORDINAL_START = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt)';

/** Not right after a word character, except the given letters (the end of a word the pattern allows before). */
const notAfterWordExcept = (letters: string): string =>
  `(?<![${'abcdefghijklmnopqrstuvwxyz'.replace(new RegExp(`[${letters}]`, 'g'), '')}0-9_])`;
const NOT_BEFORE_WORD = '(?![a-z0-9_])';

/** The checks, each necessary for the parsers named after it. */
export const CHECK_SOURCES = {
  // every numeric form: ISO, slash dates, clock times, "5 May", years, "1300 GMT", "in 2017", "3 days ago"
  digit: '[0-9]',
  // month parsers without digits: "(in) May", "May first", "first of May", "May-", "May/", "May of"
  month: `${notAfterWordExcept('nfthd')}${MONTH}(?:${NOT_BEFORE_WORD}|(?=${ORDINAL_START}|of))`,
  // weekday parser: "(on) (this|last|past|next) Friday (of) (this|last|past|next) week"
  weekday: `${notAfterWordExcept('nst')}${WEEKDAY}(?:${NOT_BEFORE_WORD}|(?=of|this|last|past|next))`,
  casualDate: `(?<![a-z0-9_])(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\\s*night)${NOT_BEFORE_WORD}`,
  casualTime: `${notAfterWordExcept('s')}(?:morning|afternoon|evening|night|midnight|midday|noon)${NOT_BEFORE_WORD}`,
  endOfMonth: 'of\\s+(?:the\\s+)?month',
  // within / ago / later / casual relative without digits: "a few hours later" (left side a
  // non-word character), "within a few hours", "in two weeks", "next two weeks"
  numberUnit: [
    `(?<![a-z0-9_])(?:(?:about|around)\\s{0,3})?${NUMBER_WORD}\\s{0,3}${UNIT}(?=\\s{0,5}${OFFSET_WORD}|${NEXT_PAIR})`,
    `(?:within|in|for|this|last|past|next|after|\\+|-)\\s*(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?(?:(?:about|around)\\s{0,3})?${NUMBER_WORD}\\s{0,3}${UNIT}(?:${NOT_BEFORE_WORD}|(?=${NEXT_PAIR}))`,
  ].join('|'),
  // "this week", "last month", "next year" (chrono's relative date; the project's relative period)
  relativeUnit: `(?:this|last|past|next)\\s*${UNIT}${NOT_BEFORE_WORD}`,
  // sets: "every day", "each Monday"
  set: '(?:every|each)\\s+(?:day|week|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
} as const;

export type CheckName = keyof typeof CHECK_SOURCES;

/**
 * Words one of which every match of a check contains (lowercase), tested with
 * `includes` on the lowercased text before the check's regex: a regex scan costs about
 * as much as a parser's own, a substring search far less. chrono's patterns are /i
 * without /u, so only ASCII letters match its words and lowercasing keeps them.
 */
const KEYWORDS: Readonly<Partial<Record<CheckName, readonly string[]>>> = {
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  weekday: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'week'],
  casualDate: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  casualTime: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  endOfMonth: ['month'],
  relativeUnit: ['this', 'last', 'past', 'next'],
  set: ['every', 'each'],
};

interface Check {
  keywords: readonly string[] | null;
  regex: RegExp;
}

const CHECKS: Readonly<Record<CheckName, Check>> = Object.fromEntries(
  Object.entries(CHECK_SOURCES).map(([name, source]) => [name, { keywords: KEYWORDS[name as CheckName] ?? null, regex: new RegExp(source, 'i') }]),
) as Record<CheckName, Check>;

let lastText: string | null = null;
let lastLower = '';
/** The lowercased text, made once per sentence for all the checks. */
function lowerOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

export function passesCheck(name: CheckName, text: string): boolean {
  const { keywords, regex } = CHECKS[name];
  if (keywords) {
    const lower = lowerOf(text);
    if (!keywords.some((k) => lower.includes(k))) return false;
  }
  return regex.test(text);
}

/** Cheapest and most frequent (a digit) first; the costly unit check last. */
const SENTENCE_ORDER: readonly CheckName[] = ['digit', 'month', 'weekday', 'casualDate', 'casualTime', 'endOfMonth', 'relativeUnit', 'set', 'numberUnit'];

/** False when no parser of the news chrono can match `text`: chrono would find nothing there. */
export function mayHoldTime(text: string): boolean {
  for (const name of SENTENCE_ORDER) if (passesCheck(name, text)) return true;
  return false;
}
