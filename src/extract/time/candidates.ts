/**
 * Chrono results (per sentence) → candidates: what the text states, in article
 * offsets, with the project's tags decoded. Nothing is resolved against context here.
 */
import type * as chrono from 'chrono-node';
import type { Sentence } from '../../types.ts';
import { TAG, ruleOf, tagValue } from './parsers/shared.ts';
import type { PartOfDay } from './timevalue.ts';

export type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday';
export type Fields = Partial<Record<Field, number>>;

export interface Candidate {
  start: number;
  end: number;
  text: string;
  sentence: number;
  block: number;
  rule: string;
  /** Components the text states (chrono's certain ones). */
  known: Fields;
  endKnown: Fields | null;
  /** Components chrono computed from the reference ("three days ago"); used only when a reference exists. */
  fromReference: Fields | null;
  /** A period relative to the publication date: "last week" = {unit: week, offset: -1}; "today" = {day, 0}. */
  deictic: { unit: 'day' | 'week' | 'month' | 'year'; offset: number } | null;
  partOfDay: PartOfDay | null;
  zoneToken: string | null;
  /** A numeric offset chrono read ("+0300"), when no zone token was tagged. */
  offsetMinutes: number | null;
  granularityYear: boolean;
  mod: string | null;
  set: string | null;
  yearAnaphora: boolean;
  /** "last Friday", "next Tuesday": chrono's own relative weekday, trusted. */
  explicitWeekdayRelation: boolean;
  /** The sentence text before the mention (for tense cues). */
  before: string;
  /**
   * A date or weekday written right after this clock time ("1:30 a. m. Feb. 1", "10 a. m.
   * Monday"), which chrono did
   * not merge with it (spaced "a. m.", or a sentence break the segmenter put after it).
   */
  dateAfter: Candidate | null;
}

const FIELDS: readonly Field[] = ['year', 'month', 'day', 'hour', 'minute', 'weekday'];

function certain(components: chrono.ParsingComponents): Fields {
  const out: Fields = {};
  for (const f of FIELDS) if (components.isCertain(f)) out[f] = components.get(f)!;
  return out;
}

const CASUAL_REFERENCE = 'casualReference/';
const CASUAL_REFERENCE_TAG = /^casualReference\/(\w+)$/;
const CASUAL_DAY: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };
const CASUAL_PART: Record<string, PartOfDay> = { morning: 'MO', afternoon: 'AF', evening: 'EV', tonight: 'NI' };

function partOfDayOf(result: chrono.ParsingResult, tags: ReadonlySet<string>): PartOfDay | null {
  if (/\bnight\b|\btonight\b/i.test(result.text)) return 'NI';
  for (const tag of tags) {
    if (!tag.startsWith(CASUAL_REFERENCE)) continue;
    const m = CASUAL_REFERENCE_TAG.exec(tag);
    if (m && CASUAL_PART[m[1]!]) return CASUAL_PART[m[1]!]!;
  }
  return null;
}

function deicticOf(result: chrono.ParsingResult, tags: ReadonlySet<string>): Candidate['deictic'] {
  const period = tagValue(tags, TAG.periodPrefix);
  if (period) {
    const [unit, offset] = period.split(':');
    return { unit: unit as 'week' | 'month' | 'year', offset: Number(offset) };
  }
  for (const tag of tags) {
    if (!tag.startsWith(CASUAL_REFERENCE)) continue;
    const m = CASUAL_REFERENCE_TAG.exec(tag);
    if (m && m[1]! in CASUAL_DAY) return { unit: 'day', offset: CASUAL_DAY[m[1]!]! };
  }
  // "this afternoon", "this morning": chrono tags only the part of day
  if (/^this\s+(?:morning|afternoon|evening)$/i.test(result.text.trim())) return { unit: 'day', offset: 0 };
  // chrono's casual parser gives these no casualReference tag, but they are as deictic as "yesterday":
  // without a publication date they must not come back as a certain day of the neutral reference.
  if (tags.has('parser/ENCasualDateParser')) {
    const text = result.text.trim().toLowerCase();
    if (/^last\s*night$/.test(text)) return { unit: 'day', offset: -1 };
    if (text === 'overmorrow') return { unit: 'day', offset: 2 };
  }
  return null;
}

export function toCandidate(result: chrono.ParsingResult, sentence: Sentence, sentenceText: string): Candidate {
  const start = sentence.start + result.index;
  const known = certain(result.start);
  const tags = result.tags(); // a new Set per call: read once
  const agoLike = /\bago$/i.test(result.text) || tags.has('result/relativeDate');
  const offsetMinutes = result.start.isCertain('timezoneOffset') ? result.start.get('timezoneOffset') : null;
  return {
    start,
    end: start + result.text.length,
    text: result.text,
    sentence: sentence.index,
    block: sentence.block,
    rule: ruleOf(tags) + (tags.has(TAG.listYear) ? '+list-year' : ''),
    known: agoLike ? {} : known,
    endKnown: result.end ? certain(result.end) : null,
    fromReference: agoLike ? known : null,
    deictic: deicticOf(result, tags),
    partOfDay: partOfDayOf(result, tags),
    zoneToken: tagValue(tags, TAG.zonePrefix),
    offsetMinutes,
    granularityYear: tags.has(TAG.granularityYear),
    mod: tagValue(tags, TAG.modPrefix),
    set: tagValue(tags, TAG.setPrefix),
    yearAnaphora: tags.has(TAG.yearAnaphora),
    explicitWeekdayRelation: /\b(?:last|next|this|coming|past)\s+\w+day\b/i.test(result.text),
    before: sentenceText.slice(0, result.index),
    dateAfter: null,
  };
}

/** Only spaces, a comma or "on" between a clock time and a date: they are one expression. */
const TIME_DATE_GAP = /^[\s,]*(?:on\s+)?$/i;

/**
 * Links a date-less clock time to a date written right after it in the same block,
 * in its sentence or at the start of the next one (see `dateAfter`).
 */
export function linkAdjacentDates(candidates: Candidate[], text: string): void {
  for (let i = 0; i + 1 < candidates.length; i++) {
    const c = candidates[i]!;
    const next = candidates[i + 1]!;
    const k = c.known;
    if (k.hour === undefined || k.year !== undefined || k.month !== undefined || k.day !== undefined || k.weekday !== undefined) continue;
    if (c.deictic || c.fromReference || c.set !== null) continue;
    if (next.block !== c.block || next.sentence - c.sentence > 1) continue;
    const statesDay = (next.known.month !== undefined && next.known.day !== undefined) || next.known.weekday !== undefined;
    if (!statesDay || next.deictic || next.fromReference || next.set !== null) continue;
    if (next.known.hour !== undefined) continue;
    if (!TIME_DATE_GAP.test(text.slice(c.end, next.start))) continue;
    c.dateAfter = next;
  }
}
