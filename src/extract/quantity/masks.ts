/**
 * Cheap date and clock-time detection, so numbers inside "July 7, 2017",
 * "Jan. 24, 2025", "10:00 a.m." or "1300 GMT" are never read as quantities.
 * Bare years are handled token by token in index.ts (they need context).
 */
import type { Span } from '../../types.ts';

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '\\d{4}';
const ZONE = '(?:GMT|UTC|Z|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|CET|CEST|EET|EEST|MSK|BST|IST|JST|local time|Moscow time|Kyiv time)';

const DATE_TIME_PATTERNS: readonly RegExp[] = [
  // March 18 / Jan. 24, 2025 / December 1 and 2 / March 18-19
  new RegExp(`\\b${MONTH}\\s+${DAY}(?:\\s*(?:[-–]|and|to)\\s*${DAY})?(?:,?\\s+${YEAR})?\\b`, 'g'),
  // 18 March 2025 / 18th of March
  new RegExp(`\\b${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`, 'g'),
  // March 2025 / February, 2021
  new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'g'),
  // ISO and numeric dates
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  // clock times: 12:35, 10:00 a.m., 10 a.m., 9pm
  /\b\d{1,2}(?::\d{2}){1,2}(?:\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?/g,
  /\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)/g,
  // four-digit military times with a zone: 1300 GMT, 1400 hrs
  new RegExp(`\\b\\d{4}\\s*(?:${ZONE}|hrs\\b|hours\\s+${ZONE})`, 'g'),
  // "at 1300" — four digits after "at" that look like a clock
  /\bat\s+([01]\d|2[0-3])[0-5]\d\b/g,
];

/** Every pattern above needs an ASCII digit (`\d` is [0-9] without the u flag). */
const DIGIT = /[0-9]/;

/** Spans (relative to `text`) that are dates or clock times. */
export function dateTimeSpans(text: string): Span[] {
  const spans: Span[] = [];
  // "a week", "two days": sentences read for their words often have no digit, hence no date.
  if (!DIGIT.test(text)) return spans;
  // exec loops on the module regexes (matchAll would copy each one per sentence); none of
  // them matches the empty string, so each match moves on.
  for (const re of DATE_TIME_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}
