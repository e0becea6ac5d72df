/**
 * chrono's time-expression parser (ENTimeExpressionParser, not strict) matches every
 * number of one to four digits ("2008", "25", "300") and only then reads it as a clock
 * time: it builds the parsing components first (seven implied values from the
 * reference date each) and rejects the number afterwards. The checks that reject it read
 * nothing but the match's groups, so they can run first: the wrapper below returns what
 * chrono's `extract` returns for such a match (null, with the match's index moved on as
 * chrono moves it) without building anything, and hands every other match to chrono.
 * On the benchmark corpus 5,440 of 11,780 matches (18% of all parsing components) are
 * rejected this way. tests/time-gate-equivalence.test.ts compares the results with
 * chrono's own parser's.
 */
import type * as chrono from 'chrono-node';

// chrono's AbstractTimeExpressionParser's groups of its primary pattern
const HOUR_GROUP = 2;
const MINUTE_GROUP = 3;
const AM_PM_HOUR_GROUP = 6;

/**
 * Whether chrono's `extractPrimaryTimeComponents` (AbstractTimeExpressionParser, not
 * strict) returns null for this match before its checks that need the components: its
 * own tests on the hour, minute and meridiem groups, in its order.
 */
export function rejectedByTimeGroups(match: RegExpMatchArray): boolean {
  const hourText = match[HOUR_GROUP]!;
  const minuteText = match[MINUTE_GROUP];
  const amPm = match[AM_PM_HOUR_GROUP];
  let hour = parseInt(hourText);
  let minute = 0;
  if (hour > 100) {
    if (hourText.length == 4 && minuteText == null && !amPm) return true;
    if (minuteText != null) return true;
    minute = hour % 100;
    hour = Math.floor(hour / 100);
  }
  if (hour > 24) return true;
  if (minuteText != null) {
    if (minuteText.length == 1 && !amPm) return true;
    minute = parseInt(minuteText);
  }
  if (minute >= 60) return true;
  return amPm != null && hour > 12;
}

const FOUR_DIGITS_FIRST = /^\d{4}/;

const wrappers = new WeakMap<chrono.Parser, chrono.Parser>();

/** The parser, for chrono's non-strict time-expression parser with the early rejection above; any other parser as it is. */
export function withEarlyRejection(parser: chrono.Parser): chrono.Parser {
  const own = parser as chrono.Parser & { strictMode?: unknown };
  if (parser.constructor?.name !== 'ENTimeExpressionParser' || own.strictMode !== false) return parser;
  let wrapper = wrappers.get(parser);
  if (!wrapper) {
    wrapper = {
      pattern: (context) => parser.pattern(context),
      extract(context, match) {
        if (!rejectedByTimeGroups(match)) return parser.extract(context, match);
        // chrono's own way out of `extract` when there are no start components
        match.index! += FOUR_DIGITS_FIRST.test(match[0]) ? 4 : match[0].length;
        return null;
      },
    };
    wrappers.set(parser, wrapper);
  }
  return wrapper;
}
