/**
 * What follows a number: time units, currencies, percentages, and count nouns.
 */
import { touching, type Token } from './tokens.ts';

// ─── Time units ─────────────────────────────────────────────────────────────

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

export const TIME_UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  second: 'second', seconds: 'second', sec: 'second', secs: 'second',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day',
  week: 'week', weeks: 'week',
  month: 'month', months: 'month',
  year: 'year', years: 'year', yr: 'year', yrs: 'year',
  decade: 'decade', decades: 'decade',
  century: 'century', centuries: 'century',
};

// Maps, not the records: a record lookup also finds inherited keys ("constructor").
const TIME_UNIT_BY_WORD: ReadonlyMap<string, TimeUnit> = new Map(Object.entries(TIME_UNIT_WORDS));

export function timeUnitOf(token: Token | undefined): TimeUnit | null {
  if (!token || token.kind !== 'word') return null;
  return TIME_UNIT_BY_WORD.get(token.lower) ?? null;
}

/** Is this lowercased word a time unit ("days", "hr")? */
export function isTimeUnitWord(lower: string): boolean {
  return TIME_UNIT_BY_WORD.has(lower);
}

/** Sub-day units are measured in minutes, the rest in days. */
export function isSubDay(unit: TimeUnit): boolean {
  return unit === 'second' || unit === 'minute' || unit === 'hour';
}

/**
 * One unit as an interval in minutes (sub-day) or days: a month is 28–31 days and a
 * year 365–366, so "a month" agrees with "30 days" and "eight years" with 2,922 days.
 */
export function unitSpan(unit: TimeUnit): [number, number] {
  switch (unit) {
    case 'second': return [1 / 60, 1 / 60];
    case 'minute': return [1, 1];
    case 'hour': return [60, 60];
    case 'day': return [1, 1];
    case 'week': return [7, 7];
    case 'month': return [28, 31];
    case 'year': return [365, 366];
    case 'decade': return [3652, 3653];
    case 'century': return [36524, 36525];
  }
}

// ─── Money and percentages ──────────────────────────────────────────────────

export const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', ruble: 'RUB', rubles: 'RUB', rouble: 'RUB',
  roubles: 'RUB', yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', hryvnia: 'UAH', hryvnias: 'UAH', hryvnas: 'UAH',
  rupee: 'INR', rupees: 'INR', shekel: 'ILS', shekels: 'ILS', lira: 'TRY', liras: 'TRY', riyal: 'SAR',
  riyals: 'SAR', rand: 'ZAR', won: 'KRW', zloty: 'PLN', zlotys: 'PLN', francs: 'CHF',
};
const CURRENCY_BY_WORD: ReadonlyMap<string, string> = new Map(Object.entries(CURRENCY_WORDS));
export const ISO_CURRENCIES: ReadonlySet<string> = new Set(['USD', 'EUR', 'GBP', 'RUB', 'CNY', 'JPY', 'UAH', 'INR', 'CHF', 'ILS', 'SAR', 'TRY', 'PLN']);

/** A currency word after the number ("euros", "USD"); "pounds" only as "pounds sterling". */
export function currencyWordAt(tokens: readonly Token[], i: number): { code: string; end: number } | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return null;
  if (ISO_CURRENCIES.has(t.text)) return { code: t.text, end: i + 1 };
  const code = CURRENCY_BY_WORD.get(t.lower);
  if (code) return { code, end: i + 1 };
  if ((t.lower === 'pounds' || t.lower === 'pound') && tokens[i + 1]?.lower === 'sterling') return { code: 'GBP', end: i + 2 };
  return null;
}

/** "$", "US$", "€", "USD" before the number. */
export function currencyPrefixAt(tokens: readonly Token[], i: number): { code: string; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'punct' && t.text in CURRENCY_SYMBOL) return { code: CURRENCY_SYMBOL[t.text]!, end: i + 1 };
  if (t.kind === 'word' && (t.text === 'US' || t.text === 'U.S.') && tokens[i + 1]?.text === '$' && touching(t, tokens[i + 1])) {
    return { code: 'USD', end: i + 2 };
  }
  if (t.kind === 'word' && ISO_CURRENCIES.has(t.text) && tokens[i + 1]?.kind === 'num') return { code: t.text, end: i + 1 };
  return null;
}

/** "%", "percent", "per cent", "pct", "percentage points". */
export function percentAt(tokens: readonly Token[], i: number): { unit: string; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.text === '%') return { unit: 'percent', end: i + 1 };
  if (t.lower === 'percent' || t.lower === 'pct') return { unit: 'percent', end: i + 1 };
  if (t.lower === 'per' && tokens[i + 1]?.lower === 'cent') return { unit: 'percent', end: i + 2 };
  if (t.lower === 'percentage' && (tokens[i + 1]?.lower === 'points' || tokens[i + 1]?.lower === 'point')) {
    return { unit: 'percentage-point', end: i + 2 };
  }
  return null;
}

// ─── Count nouns ────────────────────────────────────────────────────────────

/** Words that end a noun phrase: function words and frequent verbs. */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'in', 'on', 'at', 'for', 'from', 'to', 'by', 'with', 'into', 'over', 'under', 'against', 'during',
  'about', 'after', 'before', 'since', 'until', 'per', 'as', 'than', 'via', 'across', 'through', 'between',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'while', 'who', 'which', 'whom', 'whose', 'what', 'where',
  'when', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'will', 'would',
  'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'said', 'says', 'say',
  'not', 'no', 'more', 'less', 'fewer', 'most', 'least', 'also', 'each', 'other', 'others', 'than', 'then',
  'there', 'here', 'it', 'he', 'she', 'they', 'we', 'you', 'i', 'us', 'them', 'him', 'of', 'out', 'up',
  'down', 'off', 'ago', 'later', 'earlier', 'now', 'still', 'just', 'only', 'even', 'all', 'both', 'some',
  'any', 'many', 'much', 'such', 'very', 'too', 'again', 'always', 'never', 'ever', 'once', 'twice',
  'times', // as a head "three times" is fine; as a modifier it is not (handled in countNounAt)
]);

/** Plural nouns that do not end in -s. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  people: 'person', persons: 'person', children: 'child', men: 'man', women: 'woman', police: 'police officer',
  personnel: 'personnel', staff: 'staff', cattle: 'cattle', sheep: 'sheep', fish: 'fish', aircraft: 'aircraft',
  feet: 'foot', teeth: 'tooth', mice: 'mouse', geese: 'goose', data: 'datum', media: 'medium', crew: 'crew',
};

const SINGULAR_OF_IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(IRREGULAR_PLURALS));

/** Words ending in -s that are not plural nouns. */
const NOT_PLURAL = new Set([
  'this', 'his', 'its', 'was', 'has', 'is', 'us', 'as', 'thus', 'yes', 'gas', 'bus', 'plus', 'less',
  'press', 'across', 'status', 'virus', 'bonus', 'chaos', 'series', 'news', 'analysis', 'crisis', 'basis',
  'always', 'perhaps', 'afterwards', 'towards', 'sometimes', 'whereas', 'various', 'serious', 'previous',
  'numerous', 'famous', 'dangerous', 'nervous', 'obvious', 'tremendous', 'enormous', 'continuous',
  'thanks', 'besides', 'unless', 'nevertheless', 'regardless', 'does', 'goes', 'says', 'makes', 'takes',
]);

// A module constant: tsx and esbuild turn a literal with \p{…} outside brackets into a `new RegExp` built on every call.
const LETTERS_THEN_S = /^\p{L}{2,}s$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}.]+$/u;

export function isPluralNoun(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  const w = token.lower;
  if (SINGULAR_OF_IRREGULAR.has(w)) return true;
  if (w === 'times' || w === 'others') return true; // "three times", "injured 320 others"
  if (STOP_WORDS.has(w) || NOT_PLURAL.has(w)) return false;
  return LETTERS_THEN_S.test(w) && !/(ss|us|is|ous|ness)$/.test(w);
}

export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

/** "prisoners" → "prisoner", "countries" → "country", "people" → "person". */
export function singularize(noun: string): string {
  const irregular = SINGULAR_OF_IRREGULAR.get(noun);
  if (irregular !== undefined) return irregular;
  if (/ies$/.test(noun) && noun.length > 4) return noun.slice(0, -3) + 'y';
  if (/(ches|shes|xes|sses|zes)$/.test(noun)) return noun.slice(0, -2);
  if (/s$/.test(noun)) return noun.slice(0, -1);
  return noun;
}

export interface CountNoun {
  /** "prisoners of war", "ukrainian ships". */
  what: string;
  /** Singular head: "prisoner", "ship". */
  unit: string;
  /** Token index after the phrase. */
  end: number;
}

/** A word that may stand before the counted noun; acronyms ("US troops") are not the stop word "us". */
function isModifier(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  if (ACRONYM.test(token.text)) return true;
  return !STOP_WORDS.has(token.lower);
}

/**
 * The counted noun phrase after a number: up to two modifiers then a plural head
 * ("three Ukrainian ships", "five sitting U.S. presidents"), plus an "of" complement
 * when it is a bare lowercase noun ("prisoners of war"). Null when no plural head
 * comes within three words: "the 202 election" counts nothing.
 */
export function countNounAt(tokens: readonly Token[], i: number): CountNoun | null {
  let j = i;
  const words: Token[] = [];
  for (let n = 0; n < 3 && j < tokens.length; n++) {
    const t = tokens[j]!;
    if (isPluralNoun(t) && !(t.lower === 'times' && n > 0)) {
      words.push(t);
      let end = j + 1;
      const of = tokens[end];
      const comp = tokens[end + 1];
      if (of?.lower === 'of' && comp && comp.kind === 'word' && !STOP_WORDS.has(comp.lower) && comp.text === comp.lower) {
        const after = tokens[end + 2];
        // "prisoners of war", but not "members of the", "people of Gaza", "troops of tank units"
        if (!after || after.kind !== 'word' || STOP_WORDS.has(after.lower)) {
          words.push(of, comp);
          end += 2;
        }
      }
      const headIndex = words.indexOf(t);
      return {
        what: words.map((w) => w.lower).join(' '),
        unit: singularize(words[headIndex]!.lower),
        end,
      };
    }
    if (!isModifier(t)) return null;
    words.push(t);
    // hyphenated modifier: "long-range missiles"
    if (tokens[j + 1]?.text === '-' && touching(t, tokens[j + 1]) && touching(tokens[j + 1], tokens[j + 2]) && tokens[j + 2]?.kind === 'word') {
      words.pop();
      const glued = { ...t, text: `${t.text}-${tokens[j + 2]!.text}`, lower: `${t.lower}-${tokens[j + 2]!.lower}` };
      words.push(glued);
      j += 3;
      continue;
    }
    j++;
  }
  return null;
}
