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
 *
 * Per parser (`parserGate`, used by chrono-config.ts): a sentence that passes runs only
 * the parsers whose cheap needs hold in it — a digit, or a word every match of the
 * parser contains (a month or weekday abbreviation, a casual word, "ago"/"before"/
 * "earlier", …), all words found in one scan. A parser finds something only if its
 * pattern matches the sentence (its first scan is over the whole text), so the
 * results are the same; on the benchmark corpus chrono's CPU time drops by about a third (the
 * time stage by ~13%). tests/time-gate.test.ts checks every parser left out.
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
 * Words one of which every match of a check contains (the checks named here), or of
 * some parsers (`ago`, see CHRONO_PARSER_NEEDS). All are found in one scan of the
 * sentence (`wordGroups`) before any check's regex: a regex scan costs about as much as
 * a parser's own, the scan for all these literal words about as much as one. The scan
 * is case-insensitive without /u, as chrono's patterns, so it finds these words in
 * exactly the spellings those patterns match.
 */
const WORD_GROUPS = {
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  weekday: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'week'],
  casualDate: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  casualTime: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  endOfMonth: ['month'],
  relativeUnit: ['this', 'last', 'past', 'next'],
  set: ['every', 'each'],
  ago: ['ago', 'before', 'earlier'],
} as const satisfies Record<string, readonly string[]>;

export type WordGroup = keyof typeof WORD_GROUPS;

const GROUP_NAMES = Object.keys(WORD_GROUPS) as WordGroup[];
const groupBit = (group: WordGroup): number => 1 << GROUP_NAMES.indexOf(group);

/**
 * Every word, longest first, at every position (each scan resumes one character after
 * the last match's start, so overlapping words are all seen): at one position the
 * longest word starting there matches, and any shorter one starting there is a prefix
 * of it, so each word's bits include its prefixes'.
 */
const ALL_WORDS = [...new Set(GROUP_NAMES.flatMap((g) => WORD_GROUPS[g]))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const WORD_SCAN = new RegExp(ALL_WORDS.join('|'), 'gi');
const WORD_BITS: ReadonlyMap<string, number> = new Map(
  ALL_WORDS.map((word) => [
    word,
    GROUP_NAMES.reduce((bits, g) => (WORD_GROUPS[g].some((w: string) => word.startsWith(w)) ? bits | groupBit(g) : bits), 0),
  ]),
);

/** The word groups (bits, see `groupBit`) one of whose words occurs in `text`. */
export function wordGroups(text: string): number {
  let bits = 0;
  WORD_SCAN.lastIndex = 0;
  for (let m = WORD_SCAN.exec(text); m !== null; m = WORD_SCAN.exec(text)) {
    bits |= WORD_BITS.get(m[0].toLowerCase())!;
    WORD_SCAN.lastIndex = m.index + 1;
  }
  return bits;
}

interface Check {
  /** The check's word group (bit), or 0 when it has none. */
  words: number;
  regex: RegExp;
}

const CHECKS: Readonly<Record<CheckName, Check>> = Object.fromEntries(
  Object.entries(CHECK_SOURCES).map(([name, source]) => [
    name,
    { words: name in WORD_GROUPS ? groupBit(name as WordGroup) : 0, regex: new RegExp(source, 'i') },
  ]),
) as Record<CheckName, Check>;

/** Whether a check passes on `text`, whose word groups are `groups` (computed when not given). */
export function passesCheck(name: CheckName, text: string, groups?: number): boolean {
  const { words, regex } = CHECKS[name];
  if (words !== 0 && ((groups ?? wordGroups(text)) & words) === 0) return false;
  return regex.test(text);
}

/** Cheapest and most frequent (a digit) first; the costly unit check last. */
const SENTENCE_ORDER: readonly CheckName[] = ['digit', 'month', 'weekday', 'casualDate', 'casualTime', 'endOfMonth', 'relativeUnit', 'set', 'numberUnit'];

/** False when no parser of the news chrono can match `text`: chrono would find nothing there. */
export function mayHoldTime(text: string, groups: number = wordGroups(text)): boolean {
  for (const name of SENTENCE_ORDER) if (passesCheck(name, text, groups)) return true;
  return false;
}

// ─── Per parser ───────────────────────────────────────────────────────────────

/**
 * What one parser needs to match: each condition must hold. Only cheap ones: a digit,
 * or a word of a group. Checking a parser's own gate check instead costs about as much
 * as running the parser on the sentences that pass the sentence gate.
 */
export type ParserNeeds = readonly ('digit' | { words: WordGroup })[];

/**
 * chrono's casual English parsers by class name, each with what its pattern always
 * contains (chrono 2.10): a digit for the numeric ones, a word of the group its gate
 * check is written for otherwise ("… ago": one of its three words). The "number unit"
 * ones need nothing cheap (their words are "a", "the", "s", …). A parser not listed
 * here needs nothing.
 */
export const CHRONO_PARSER_NEEDS: Readonly<Record<string, ParserNeeds>> = {
  ENYearMonthDayParser: ['digit'],
  ISOFormatParser: ['digit'],
  SlashDateFormatParser: ['digit'],
  ENSlashMonthFormatParser: ['digit'],
  ENTimeExpressionParser: ['digit'],
  ENTimeUnitAgoFormatParser: [{ words: 'ago' }],
  ENMonthNameLittleEndianParser: [{ words: 'month' }],
  ENMonthNameMiddleEndianParser: [{ words: 'month' }],
  ENYearMonthNameParser: [{ words: 'month' }],
  ENMonthNameParser: [{ words: 'month' }],
  ENWeekdayParser: [{ words: 'weekday' }],
  ENCasualDateParser: [{ words: 'casualDate' }],
  ENCasualTimeParser: [{ words: 'casualTime' }],
  ENEndOfCurrentMonthParser: [{ words: 'endOfMonth' }],
  ENRelativeDateFormatParser: [{ words: 'relativeUnit' }],
};

/** The most parsers `parserGate` tells apart (bits of a small integer). */
const MAX_GATED_PARSERS = 30;

/**
 * For the needs of a parser list, a function from a sentence to the bit set of the
 * parsers that may match there (bit i: parser i): 0 when the sentence gate
 * (`mayHoldTime`) fails, else the parsers whose needs hold. Null past
 * MAX_GATED_PARSERS parsers.
 */
export function parserGate(needs: readonly ParserNeeds[]): ((text: string) => number) | null {
  if (needs.length > MAX_GATED_PARSERS) return null;
  const requirements = needs.map((conditions) => ({
    digit: conditions.includes('digit'),
    words: conditions.reduce((bits, c) => (c === 'digit' ? bits : bits | groupBit(c.words)), 0),
  }));
  return (text) => {
    const groups = wordGroups(text);
    if (!mayHoldTime(text, groups)) return 0;
    const digit = CHECKS.digit.regex.test(text);
    let mask = 0;
    for (let i = 0; i < requirements.length; i++) {
      const { digit: needsDigit, words } = requirements[i]!;
      if ((!needsDigit || digit) && (groups & words) === words) mask |= 1 << i;
    }
    return mask;
  };
}
