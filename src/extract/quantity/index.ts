/**
 * Quantity and duration extraction: our own rules, not compromise's (which reads
 * "an hour and a half" as one hour and "approximately two dozen" as 2).
 *
 * Per sentence: tokenize, mask dates and clock times, then at each token try the
 * rules in order (chrono-style): number-less durations ("hour-and-a-half"),
 * qualified numbers with what follows them (time unit, percent, currency, count
 * noun), then "twice"/"thrice". Each rule consumes the tokens it used.
 * Cost: sentences with no digit, time unit or number word (over half of news text)
 * are skipped before tokenizing; rules run only at tokens that can start one, and
 * the date masks are built only when a number is read (1,139 real articles, one cold
 * pass: ~1.2 s → ~0.5 s CPU), and skipped for a sentence without a digit (every date or
 * clock pattern needs one). Since, the tokenizer scans character codes (tokens.ts) and the
 * `\p{…}` regexes are module constants (tsx rebuilt them per call): cold 0.63 → 0.48 s CPU
 * (benchmark corpus, the CLI's per-article order, --no-turbo-inlining, medians of 8
 * fresh-process pairs), a second pass 0.44 → 0.29 s; CLI stage timer (--jobs 1) 0.75 → 0.52 s.
 *
 * Decisions (documented so later stages know what they get):
 * - Durations: `value` is a TIMEX3 duration written from the surface units
 *   ("90-minute" → PT90M, "2 hours and 15 minutes" → PT2H15M, "an hour and a half"
 *   → PT1H30M, "30-day" → P30D, "a week" → P1W, "two centuries" → P200Y); for a range
 *   it is the lower bound. `duration` is authoritative: minutes for sub-day units,
 *   days otherwise (a month = 28–31 days, a year = 365–366), qualifier applied.
 * - Not durations: offsets ("a week later", "11 hours ago", "two days before",
 *   "two hours into"), "in two weeks" (a future date; "in three years of" is kept),
 *   rates ("every two weeks", "once a week"), ages ("78-year-old" → quantity, what 'age').
 * - Not quantities: numbers in dates/clock times, bare years ("in 2026", "2017-2021",
 *   "the 2016 election"), decades ("1990s"), ordinals ("100th", "18th-century"),
 *   names and codes ("G20", "COVID-19", "Nord Stream 2", "Boeing 737", "Section 3",
 *   "Air Force One"), hyphenated attributes ("one-on-one", "10-point plan").
 * - Counts need a plural noun ("six meetings") unless qualified or a range
 *   ("over 150", "between 10 and 15"): "the 202 election" counts nothing.
 * - "one" (and "a") count nothing: they are determiners ("One phone call does not
 *   solve a war"); they still make durations ("one day", "a week").
 * - Word numbers and numbers under 10 after a definite determiner or possessive
 *   are references, not claims ("the two leaders", "the 2 powers", "their three
 *   children"); larger digits are kept ("the 175 prisoners").
 * - A currency conversion in parentheses ("about 200 million euros ($217.48 million)")
 *   inherits the qualifier of the amount it converts.
 */
import type { Article, Mention, QuantityValue, Sentence, Span } from '../../types.ts';
import { mayHoldQuantity } from './gate.ts';
import { dateTimeSpans, overlapsAny } from './masks.ts';
import { andAHalfAt, isNumberWord, NUMBER_MENTION_WORDS, parseNumber, startsNumber, type ParsedNumber } from './numbers.ts';
import { applyQualifier, matchQualifier, matchTrailingQualifier, startsQualifier, type QualifierWord } from './qualifiers.ts';
import { tokenize, touching, type Token } from './tokens.ts';
import {
  countNounAt,
  CURRENCY_SYMBOL,
  currencyPrefixAt,
  currencyWordAt,
  isPluralNoun,
  isStopWord,
  isSubDay,
  isTimeUnitWord,
  ISO_CURRENCIES,
  percentAt,
  singularize,
  TIME_UNIT_WORDS,
  timeUnitOf,
  unitSpan,
  type TimeUnit,
} from './units.ts';

export { intervalContains, intervalsOverlap } from './interval.ts';

interface Context {
  article: Article;
  sentence: Sentence;
  tokens: Token[];
  /** Date and clock-time spans of the sentence (absolute offsets), computed on first use. */
  masks: () => Span[];
  /** Mentions found so far in this sentence. */
  found: Mention[];
}

/** What a rule did at a position: consumed tokens up to `end`, maybe made a mention. */
interface RuleResult {
  end: number;
  mention: Mention | null;
}

type Rule = (ctx: Context, i: number) => RuleResult | null;

export function extractQuantities(article: Article, sentences: readonly Sentence[]): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of sentences) {
    const text = article.text.slice(sentence.start, sentence.end);
    if (!mayHoldQuantity(text)) continue;
    for (const mention of extractFromSentence(article, sentence, text)) mentions.push(mention);
  }
  return mentions;
}

const RULES: readonly Rule[] = [numberlessDuration, quantityAt, multiplicative];

/**
 * Can any rule return a result at this token? Rules start at a qualifier, a
 * currency prefix, a number (digits, number words, "a"/"an"/"half"), a time unit
 * or "twice"/"thrice"; at any other token all of them return null.
 */
function mayStartRule(t: Token): boolean {
  if (t.kind === 'num') return true;
  if (t.kind === 'punct') return t.text in CURRENCY_SYMBOL;
  const w = t.lower;
  return (
    startsQualifier(w) || startsNumber(w) || isTimeUnitWord(w) || w === 'twice' || w === 'thrice' ||
    t.text === 'US' || t.text === 'U.S.' || ISO_CURRENCIES.has(t.text)
  );
}

/**
 * The sentence's date and time masks in article offsets, computed on first call. Made
 * by a factory so that the function is anonymous: tsx names each named closure it
 * makes (a property per sentence), which costs more than the closure.
 */
function lazyMasks(text: string, offset: number): () => Span[] {
  let masks: Span[] | null = null;
  return () => (masks ??= dateTimeSpans(text).map((s) => ({ start: s.start + offset, end: s.end + offset })));
}

function extractFromSentence(article: Article, sentence: Sentence, text: string): Mention[] {
  const ctx: Context = {
    article,
    sentence,
    tokens: tokenize(text, sentence.start),
    masks: lazyMasks(text, sentence.start),
    found: [],
  };
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (!mayStartRule(tokens[i]!)) {
      i++;
      continue;
    }
    let result: RuleResult | null = null;
    for (const rule of RULES) {
      result = rule(ctx, i);
      if (result) break;
    }
    if (result?.mention) ctx.found.push(result.mention);
    i = result ? Math.max(result.end, i + 1) : i + 1;
  }
  return ctx.found;
}

// ─── Mention construction ───────────────────────────────────────────────────

function mentionOf(
  ctx: Context,
  from: number,
  to: number,
  kind: 'duration' | 'quantity',
  value: string | QuantityValue,
  rule: string,
  duration?: QuantityValue,
): Mention {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to - 1]!.end;
  const mention: Mention = {
    source: ctx.article.id,
    kind,
    start,
    end,
    text: ctx.article.text.slice(start, end),
    value,
    sentence: ctx.sentence.index,
    rule,
  };
  if (duration) mention.duration = duration;
  return mention;
}

function quantityValue(
  min: number | null,
  max: number | null,
  unit: string,
  qualifier: QuantityValue['qualifier'],
  what: string | null,
): QuantityValue {
  const value: QuantityValue = { min, max, unit, qualifier };
  if (what) value.what = what;
  return value;
}

// ─── Blocking: dates, years, names, codes ───────────────────────────────────

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'for', 'from', 'to', 'by', 'with', 'of', 'and', 'or', 'but', 'about',
  'over', 'under', 'some', 'nearly', 'almost', 'around', 'approximately', 'roughly', 'more', 'fewer', 'less',
  'up', 'between', 'only', 'just', 'another', 'all', 'those', 'these', 'its', 'their', 'his', 'her', 'our',
  'after', 'before', 'since', 'during', 'until', 'as', 'than', 'that', 'this', 'there', 'it', 'they', 'we',
  'he', 'she', 'i', 'you', 'when', 'while', 'if', 'each', 'every', 'nearly', 'killing', 'some', 'another',
  'both', 'including', 'then', 'now', 'yet', 'so', 'also', 'still', 'against', 'among', 'within', 'without',
]);
const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'of', 'during', 'before', 'after', 'the', 'a', 'late', 'early', 'mid', 'through', 'between']);
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'all', 'their', 'its', 'his', 'her', 'our', 'my', 'your', 'whose']);
const NUMBER_MARKERS = new Set(['no', 'no.', 'number', 'nos', '#']);

// A module constant: tsx and esbuild turn a literal with \p{…} outside brackets into a `new RegExp` built on every call.
const STARTS_UPPER = /^\p{Lu}/u;

function isCapitalized(t: Token): boolean {
  return t.kind === 'word' && STARTS_UPPER.test(t.text);
}

/** First token of the sentence, possibly after an opening quote or bracket. */
function atSentenceStart(tokens: readonly Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (!/^["“‘'(\[–—-]$/.test(tokens[k]!.text)) return false;
  return true;
}

function isYearLike(t: Token): boolean {
  if (t.kind !== 'num' || !/^\d{4}$/.test(t.text)) return false;
  const v = Number(t.text);
  return v >= 1500 && v <= 2099;
}

/**
 * Why the number at tokens[from..n.end) is not a quantity, or null when it may be one.
 * `bare` = no qualifier or currency before it (a capitalized word right before is
 * then a name: "Nord Stream 2").
 */
function blockReason(ctx: Context, from: number, n: ParsedNumber, bare: boolean, hasCurrency: boolean): string | null {
  const { tokens } = ctx;
  const first = tokens[from]!;
  const last = tokens[n.end - 1]!;
  if (overlapsAny(ctx.masks(), first.start, last.end)) return 'date-or-time';
  const prev = tokens[from - 1];
  const next = tokens[n.end];
  if (first.kind === 'num') {
    // "G20", "COVID-19", "F-16", "MH17"
    if (prev && touching(prev, first) && prev.kind === 'word') return 'code';
    if (prev?.text === '-' && touching(prev, first) && touching(tokens[from - 2], prev) && tokens[from - 2]?.kind === 'word') {
      return 'code';
    }
    // "1990s", "100th", "300px", "5G" (a scale suffix like "bn" was already consumed)
    if (next && touching(last, next) && next.kind === 'word') return 'suffixed';
    if (prev && NUMBER_MARKERS.has(prev.lower)) return 'numbered';
    if (bare && prev && isCapitalized(prev) && !FUNCTION_WORDS.has(prev.lower) && !MONTHS.has(prev.lower)) return 'name';
    if (!hasCurrency && n.end === from + 1 && isYearLike(first)) {
      const yearContext = prev !== undefined && YEAR_PREPOSITIONS.has(prev.lower);
      const countFollows = next !== undefined && isPluralNoun(next) && next.text === next.lower;
      if (yearContext || !countFollows) return 'year';
    }
    // "2017-21": a year range written short
    if (first.kind === 'num' && next?.text === '-' && isYearLike(first)) return 'year';
  } else if (n.form === 'words') {
    // "Air Force One", "the Big Three", "World War Two"
    if (isCapitalized(first) && !atSentenceStart(tokens, from)) return 'name';
    if (prev && isCapitalized(prev) && !FUNCTION_WORDS.has(prev.lower) && !atSentenceStart(tokens, from - 1)) return 'name';
  }
  return null;
}

// ─── Durations ──────────────────────────────────────────────────────────────

interface DurationPart {
  unit: TimeUnit;
  low: number;
  high: number;
}

const OFFSET_WORDS = new Set(['later', 'ago', 'before', 'earlier', 'after', 'prior', 'since', 'hence', 'back', 'into', 'beforehand', 'afterwards']);
const RATE_WORDS = new Set(['every', 'each', 'per']);
const FREQUENCY_WORDS = new Set(['once', 'twice', 'thrice', 'times']);

const TIMEX_DAY_UNITS: Partial<Record<TimeUnit, string>> = { year: 'Y', month: 'M', week: 'W', day: 'D' };

/** Adds `value` to the amount of `unit`. */
function addAmount(amounts: Map<string, number>, unit: string, value: number): void {
  amounts.set(unit, (amounts.get(unit) ?? 0) + value);
}

/** TIMEX3 duration from surface parts, keeping the units the text used (PT90M stays PT90M). */
export function timexOf(parts: readonly { unit: TimeUnit; amount: number }[]): string {
  const amounts = new Map<string, number>();
  for (const { unit, amount } of parts) {
    if (unit === 'decade') addAmount(amounts, 'year', amount * 10);
    else if (unit === 'century') addAmount(amounts, 'year', amount * 100);
    else addAmount(amounts, unit, amount);
  }
  // Push fractions down to the next unit: 1.5 hours → 1 H 30 M.
  const cascade: [string, string, number][] = [
    ['year', 'month', 12], ['month', 'day', 30], ['week', 'day', 7], ['day', 'hour', 24], ['hour', 'minute', 60], ['minute', 'second', 60],
  ];
  for (const [from, to, factor] of cascade) {
    const v = amounts.get(from);
    if (v === undefined || Number.isInteger(v)) continue;
    amounts.set(from, Math.floor(v));
    addAmount(amounts, to, Number(((v - Math.floor(v)) * factor).toFixed(6)));
  }
  // Weeks only stand alone in ISO 8601.
  const datePartUnits = ['year', 'month', 'day'].filter((u) => amounts.get(u));
  if (amounts.get('week') && (datePartUnits.length || ['hour', 'minute', 'second'].some((u) => amounts.get(u)))) {
    addAmount(amounts, 'day', amounts.get('week')! * 7);
    amounts.delete('week');
  }
  let date = '';
  for (const u of ['year', 'month', 'week', 'day'] as const) {
    const v = amounts.get(u);
    if (v) date += `${v}${TIMEX_DAY_UNITS[u]}`;
  }
  let time = '';
  for (const [u, letter] of [['hour', 'H'], ['minute', 'M'], ['second', 'S']] as const) {
    const v = amounts.get(u);
    if (v) time += `${v}${letter}`;
  }
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Interval of the parts in minutes (all sub-day) or days. */
function durationInterval(parts: readonly DurationPart[]): { low: number; high: number; unit: 'minute' | 'day' } {
  const subDay = parts.every((p) => isSubDay(p.unit));
  let low = 0;
  let high = 0;
  for (const p of parts) {
    let [a, b] = unitSpan(p.unit);
    if (!subDay && isSubDay(p.unit)) {
      a /= 1440;
      b /= 1440;
    }
    low += p.low * a;
    high += p.high * b;
  }
  return { low, high, unit: subDay ? 'minute' : 'day' };
}

/** "and 20 minutes", ", 15 minutes", "and a half" after a time unit. Returns the extra parts and end. */
function durationTail(tokens: readonly Token[], k: number, unit: TimeUnit, allowHalf: boolean): { parts: DurationPart[]; end: number } {
  // "an hour and a half", "hour-and-a-half"
  if (allowHalf && andAHalfAt(tokens, k)) return { parts: [{ unit, low: 0.5, high: 0.5 }], end: k + 3 };
  if (allowHalf && hyphenatedHalfAt(tokens, k - 1)) return { parts: [{ unit, low: 0.5, high: 0.5 }], end: k + 6 };
  let j = k;
  if (tokens[j]?.lower === 'and' || tokens[j]?.text === ',') j++;
  const n = parseNumber(tokens, j);
  if (!n || n.form === 'vague' || n.form === 'article') return { parts: [], end: k };
  const smaller = timeUnitOf(tokens[n.end]);
  const order: TimeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century'];
  if (!smaller || order.indexOf(smaller) >= order.indexOf(unit)) return { parts: [], end: k };
  return { parts: [{ unit: smaller, low: n.low, high: n.high }], end: n.end + 1 };
}

/** tokens[i] is a unit word followed by touching "-and-a-half". */
function hyphenatedHalfAt(tokens: readonly Token[], i: number): boolean {
  const seq = ['-', 'and', '-', 'a', '-', 'half'];
  for (let k = 0; k < seq.length; k++) {
    const t = tokens[i + 1 + k];
    if (!t || t.lower !== seq[k] || !touching(tokens[i + k], t)) return false;
  }
  return true;
}

/** A lowercase noun right after a duration adjective: "30-day ceasefire" → "ceasefire". */
function modifiedNoun(tokens: readonly Token[], k: number): string | null {
  const t = tokens[k];
  if (!t || t.kind !== 'word' || t.text !== t.lower || isStopWord(t.lower) || isNumberWord(t.lower)) return null;
  return t.lower;
}

interface DurationBuild {
  parts: DurationPart[];
  from: number;
  end: number;
  qualifier: QualifierWord | null;
  rule: string;
  what: string | null;
}

function buildDuration(ctx: Context, d: DurationBuild): RuleResult {
  const { tokens } = ctx;
  let { end, qualifier } = d;
  const trailing = qualifier ? null : matchTrailingQualifier(tokens, end);
  if (trailing) {
    qualifier = trailing.word;
    end = trailing.end;
  }
  const { low, high, unit } = durationInterval(d.parts);
  const step = d.parts.some((p) => p.unit === 'second') ? 1 / 60 : 1;
  const bounds = applyQualifier(qualifier, low, high, step, 0);
  // A month is 28–31 days: that width is the unit's, not a range the text stated.
  const stated = !qualifier && !d.parts.some((p) => p.low !== p.high) ? 'exact' : bounds.qualifier;
  const duration = quantityValue(bounds.min, bounds.max, unit, stated, d.what);
  const timex = timexOf(d.parts.map((p) => ({ unit: p.unit, amount: p.low })));
  return { end, mention: mentionOf(ctx, d.from, end, 'duration', timex, d.rule, duration) };
}

/** Offsets, frequencies and future dates are not durations. */
function isDurationContext(ctx: Context, from: number, end: number, qualified: boolean): boolean {
  const { tokens } = ctx;
  const before = tokens[from - 1];
  const after = tokens[end];
  if (after && OFFSET_WORDS.has(after.lower)) return false;
  if (after?.lower === 'from' && tokens[end + 1]?.lower === 'now') return false;
  if (before && RATE_WORDS.has(before.lower)) return false;
  // "twice a week", "three times a year"
  if (before && FREQUENCY_WORDS.has(before.lower)) return false;
  // "in two weeks" is a date in the future; "in three years of US policy" is a span.
  if (!qualified && before?.lower === 'in' && after?.lower !== 'of') return false;
  return true;
}

/** "hour-and-a-half conversation", "half-hour", "day-long talks": durations without a number. */
function numberlessDuration(ctx: Context, i: number): RuleResult | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const q = matchQualifier(tokens, i);
  const j = q ? q.end : i;
  const head = tokens[j];
  // "half-hour", "half-day"
  if (head?.lower === 'half' && tokens[j + 1]?.text === '-' && touching(head, tokens[j + 1])) {
    const unit = timeUnitOf(tokens[j + 2]);
    if (unit && touching(tokens[j + 1], tokens[j + 2]) && !tokens[j + 2]!.lower.endsWith('s')) {
      let end = j + 3;
      if (tokens[end]?.text === '-' && tokens[end + 1]?.lower === 'long' && touching(tokens[end - 1], tokens[end])) end += 2;
      return buildDuration(ctx, {
        parts: [{ unit, low: 0.5, high: 0.5 }], from: i, end, qualifier: q?.word ?? null, rule: 'half-unit', what: modifiedNoun(tokens, end),
      });
    }
  }
  const unit = timeUnitOf(head);
  if (!unit || !head || !isSingularUnit(head)) return null;
  if (hyphenatedHalfAt(tokens, j)) {
    const end = j + 7;
    return buildDuration(ctx, {
      parts: [{ unit, low: 1.5, high: 1.5 }], from: i, end, qualifier: q?.word ?? null, rule: 'unit-and-a-half', what: modifiedNoun(tokens, end),
    });
  }
  // "day-long", "week-long" (not "hours-long": no amount)
  if (tokens[j + 1]?.text === '-' && tokens[j + 2]?.lower === 'long' && touching(head, tokens[j + 1]) && touching(tokens[j + 1], tokens[j + 2])) {
    const end = j + 3;
    return buildDuration(ctx, {
      parts: [{ unit, low: 1, high: 1 }], from: i, end, qualifier: q?.word ?? null, rule: 'unit-long', what: modifiedNoun(tokens, end),
    });
  }
  return null;
}

/** "day", "hour", "century" (not "days", "hrs"): the form used in "30-day" and "day-long". */
function isSingularUnit(token: Token): boolean {
  return !/(s|ies)$/.test(token.lower);
}

// ─── Numbers with what follows ──────────────────────────────────────────────

/** "per barrel", "a day": a rate denominator after an amount or count. */
function rateAt(tokens: readonly Token[], k: number): { per: string; end: number } | null {
  const t = tokens[k];
  const noun = tokens[k + 1];
  if (!t || !noun || noun.kind !== 'word' || isStopWord(noun.lower)) return null;
  if (t.lower === 'per') return { per: singularize(noun.lower), end: k + 2 };
  if ((t.lower === 'a' || t.lower === 'an') && timeUnitOf(noun) && isSingularUnit(noun)) {
    return { per: timeUnitOf(noun)!, end: k + 2 };
  }
  return null;
}

/** After these, "from X to Y" is a change between two values, not a range. */
const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rise', 'rises', 'rising', 'fell', 'fallen', 'fall', 'falls', 'falling', 'increased', 'increase',
  'increases', 'decreased', 'decrease', 'grew', 'grown', 'grow', 'dropped', 'drop', 'declined', 'decline', 'climbed',
  'jumped', 'surged', 'slumped', 'cut', 'reduced', 'raised', 'went', 'soared', 'plunged', 'shrank', 'expanded',
  'changed', 'moved', 'up', 'down', 'lowered', 'boosted',
]);

function quantityAt(ctx: Context, i: number): RuleResult | null {
  const { tokens } = ctx;
  const q = matchQualifier(tokens, i);
  if (q?.word === 'from' && tokens[i - 1] && CHANGE_VERBS.has(tokens[i - 1]!.lower)) return null;
  let j = q ? q.end : i;
  const currency = currencyPrefixAt(tokens, j);
  if (currency) j = currency.end;
  const numberStart = j;
  const n1 = parseNumber(tokens, j);
  if (!n1) return null;
  if (blockReason(ctx, numberStart, n1, !q && !currency, currency !== null)) {
    // Let a qualifier go; consume the blocked number so no later rule reads it.
    return q || currency ? null : { end: n1.end, mention: null };
  }

  // Ranges: "10 to 15", "30-45", "two or three", "between 10 and 15", "from 5 to 8"
  let low = n1.low;
  let high = n1.high;
  let step = n1.step;
  let end = n1.end;
  let range = false;
  let hyphenRange = false;
  const sep = tokens[end];
  const rangeWords = ['to', 'or', '-', '–', '—'];
  if (sep && n1.form !== 'vague' && (rangeWords.includes(sep.lower) || (q?.word === 'between' && sep.lower === 'and'))) {
    let k = end + 1;
    const currency2 = currencyPrefixAt(tokens, k);
    if (currency2) k = currency2.end;
    const n2 = parseNumber(tokens, k);
    const hyphen = sep.text !== 'to' && sep.text !== 'or' && sep.text !== 'and';
    if (n2 && (n2.form === 'digits' || n2.form === 'words') && !(hyphen && tokens[k]?.kind !== tokens[numberStart]?.kind)) {
      if (!blockReason(ctx, k, n2, false, currency2 !== null)) {
        let l = low;
        if (n2.scale > 1 && n1.scale === 1) l = low * n2.scale;
        if (n2.high >= l) {
          low = l;
          high = n2.high;
          step = Math.min(n1.scale === 1 && n2.scale > 1 ? n2.step : step, n2.step);
          end = n2.end;
          range = true;
          hyphenRange = hyphen;
        }
      }
    }
  }
  if ((q?.word === 'between' || q?.word === 'from') && !range) return null;
  // "between"/"from" only frame the range; "about 10 to 15" keeps its "about".
  const qualifier: QualifierWord | null = q && q.word !== 'between' && q.word !== 'from' ? q.word : null;

  // 1. Hyphenated adjectives: "30-day ceasefire", "90-minute", "78-year-old", "one-on-one"
  if (tokens[end]?.text === '-' && touching(tokens[end - 1], tokens[end]) && touching(tokens[end], tokens[end + 1])) {
    const unit = timeUnitOf(tokens[end + 1]);
    const unitToken = tokens[end + 1]!;
    if (unit && isSingularUnit(unitToken)) {
      let k = end + 2;
      if (tokens[k]?.text === '-' && tokens[k + 1]?.lower === 'old' && touching(tokens[k - 1], tokens[k])) {
        return { end: k + 2, mention: age(ctx, i, k + 2, low, high, qualifier) };
      }
      if (tokens[k]?.text === '-' && tokens[k + 1]?.lower === 'long' && touching(tokens[k - 1], tokens[k])) k += 2;
      const parts: DurationPart[] = [{ unit, low, high }];
      return buildDuration(ctx, { parts, from: i, end: k, qualifier, rule: 'number-unit-adjective', what: modifiedNoun(tokens, k) });
    }
    // "one-on-one", "10-point plan", "two-state solution": attributes, not counts
    let k = end + 1;
    while (tokens[k + 1]?.text === '-' && touching(tokens[k], tokens[k + 1])) k += 2;
    return q || currency ? null : { end: k + 1, mention: null };
  }

  // 2. Time units: "two hours", "an hour and a half", "1 hour and 20 minutes"
  const unit = timeUnitOf(tokens[end]);
  if (unit && !(n1.form === 'article' && unit === 'second') && !(n1.form === 'vague' && !isPluralNoun(tokens[end]))) {
    let k = end + 1;
    if (tokens[k]?.lower === 'old' && (unit === 'year' || unit === 'month')) {
      return { end: k + 1, mention: age(ctx, i, k + 1, low, high, qualifier, unit) };
    }
    // "a week-long pause"
    if (isSingularUnit(tokens[end]!) && tokens[k]?.text === '-' && tokens[k + 1]?.lower === 'long' && touching(tokens[k - 1], tokens[k])) k += 2;
    const parts: DurationPart[] = [{ unit, low, high }];
    if (!range) {
      const tail = durationTail(tokens, k, unit, n1.form !== 'vague' && Number.isInteger(low));
      parts.push(...tail.parts);
      k = tail.end;
    }
    if (!isDurationContext(ctx, i, k, q !== null)) return { end: k, mention: null };
    const rule = parts.length > 1 ? 'compound-duration' : range ? 'duration-range' : 'number-unit';
    return buildDuration(ctx, { parts, from: i, end: k, qualifier, rule, what: null });
  }
  if (n1.form === 'article') return null;

  // 3. Percentages
  const percent = percentAt(tokens, end);
  if (percent) {
    return finishQuantity(ctx, { i, end: percent.end, low, high, step, qualifier, unit: percent.unit, what: null, rule: 'percent', floor: null, n1 });
  }

  // 4. Money: "$43 billion", "40 billion euros", "90.50 rubles", "$60 per barrel"
  const currencyWord = currencyWordAt(tokens, end);
  if (currency || currencyWord) {
    let k = currencyWord ? currencyWord.end : end;
    let unitCode = currency?.code ?? currencyWord!.code;
    const rate = rateAt(tokens, k);
    if (rate) {
      unitCode += `/${rate.per}`;
      k = rate.end;
    }
    return finishQuantity(ctx, { i, end: k, low, high, step, qualifier, unit: unitCode, what: null, rule: 'money', floor: 0, n1, money: true });
  }

  // 5. Counts: "six meetings", "175 prisoners of war", "68,000 troops"
  const isOne = n1.form !== 'digits' && low === 1 && high === 1;
  const noun = countNounAt(tokens, end);
  if (noun && !isOne) {
    // Small numbers and number words after "the"/possessives refer back ("the two
    // leaders", "the 2 powers"); "the 175 prisoners" is still a count.
    const referential = n1.form === 'words' || high < 10;
    if (!q && referential && tokens[i - 1] && DEFINITE.has(tokens[i - 1]!.lower)) return { end: noun.end, mention: null };
    let unitName = noun.unit;
    let k = noun.end;
    const rate = rateAt(tokens, k);
    if (rate) {
      unitName += `/${rate.per}`;
      k = rate.end;
    }
    return finishQuantity(ctx, { i, end: k, low, high, step, qualifier, unit: unitName, what: noun.what, rule: 'count', floor: 0, n1 });
  }

  // 6. Casualty counts with no noun, headline style: "At least 35 killed", "15 dead",
  //    "20 injured": people, and what happened to them is the participle.
  const participle = tokens[end];
  if (participle && CASUALTY_PARTICIPLES.has(participle.lower) && !isOne && !(tokens[i - 1] && DEFINITE.has(tokens[i - 1]!.lower))) {
    return finishQuantity(ctx, { i, end: end + 1, low, high, step, qualifier, unit: 'person', what: participle.lower, rule: 'casualty-participle', floor: 0, n1 });
  }

  // 7. Bare qualified numbers and ranges: "over 150", "between 10 and 15"
  if ((q || (range && !hyphenRange) || n1.form === 'vague') && !isOne) {
    return finishQuantity(ctx, { i, end, low, high, step, qualifier, unit: 'count', what: null, rule: 'bare-number', floor: 0, n1 });
  }
  return q || currency ? null : { end, mention: null };
}

/** Participles that make a bare number a count of people ("At least 35 killed"). */
const CASUALTY_PARTICIPLES: ReadonlySet<string> = new Set([
  'killed', 'dead', 'died', 'injured', 'wounded', 'hurt', 'missing', 'arrested', 'detained', 'displaced', 'evacuated', 'rescued',
]);

interface QuantityBuild {
  i: number;
  end: number;
  low: number;
  high: number;
  step: number;
  qualifier: QualifierWord | null;
  unit: string;
  what: string | null;
  rule: string;
  floor: number | null;
  n1: ParsedNumber;
  money?: boolean;
}

function finishQuantity(ctx: Context, b: QuantityBuild): RuleResult {
  const { tokens } = ctx;
  let { qualifier, end, rule } = b;
  if (!qualifier) {
    const trailing = matchTrailingQualifier(tokens, end);
    if (trailing) {
      qualifier = trailing.word;
      end = trailing.end;
    }
  }
  // "40 billion euros ($43 billion)": the conversion inherits "about" etc.
  if (b.money && !qualifier && tokens[b.i - 1]?.text === '(') {
    const previous = ctx.found.at(-1);
    const open = tokens[b.i - 1]!;
    if (previous && previous.kind === 'quantity' && typeof previous.value !== 'string' && previous.rule.startsWith('money')) {
      const between = ctx.article.text.slice(previous.end, open.start);
      if (/^\s*$/.test(between)) {
        qualifier = qualifierWordOf(previous.value.qualifier);
        rule = 'money-conversion';
      }
    }
  }
  let bounds = applyQualifier(qualifier, b.low, b.high, b.step, b.floor);
  if (b.n1.form === 'vague' && !qualifier) bounds = { ...bounds, qualifier: 'about' };
  const value = quantityValue(bounds.min, bounds.max, b.unit, bounds.qualifier, b.what);
  return { end, mention: mentionOf(ctx, b.i, end, 'quantity', value, rule) };
}

function qualifierWordOf(q: QuantityValue['qualifier']): QualifierWord | null {
  switch (q) {
    case 'exact':
    case 'range':
      return null;
    default:
      return q;
  }
}

function age(ctx: Context, from: number, end: number, low: number, high: number, qualifier: QualifierWord | null, unit: TimeUnit = 'year'): Mention {
  const bounds = applyQualifier(qualifier, low, high, 1, 0);
  return mentionOf(ctx, from, end, 'quantity', quantityValue(bounds.min, bounds.max, unit, bounds.qualifier, 'age'), 'age');
}

/** "spoke twice", "met three times" is a count; "twice" is its own word. */
function multiplicative(ctx: Context, i: number): RuleResult | null {
  const t = ctx.tokens[i]!;
  const value = t.lower === 'twice' ? 2 : t.lower === 'thrice' ? 3 : null;
  if (value === null) return null;
  const next = ctx.tokens[i + 1];
  // "twice as many" is a ratio
  if (next?.lower === 'as' || next?.lower === 'the') return { end: i + 1, mention: null };
  let unit = 'time';
  let end = i + 1;
  const rate = rateAt(ctx.tokens, end);
  if (rate) {
    unit += `/${rate.per}`;
    end = rate.end;
  }
  return { end, mention: mentionOf(ctx, i, end, 'quantity', quantityValue(value, value, unit, 'exact', 'times'), 'twice') };
}
