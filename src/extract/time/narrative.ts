/**
 * Document-level resolution: candidates in document order → resolved times.
 *
 * The reference is the publication date in the article's zone. News rules:
 * - Deictic expressions ("today", "this afternoon", "last week") resolve against it.
 * - Bare weekdays prefer the past (or the same day) unless the mention's clause has a
 *   future cue before it ("will hold talks on Tuesday", "said talks will resume on
 *   Tuesday"; not "said on Tuesday", nor past a semicolon). "last"/"next" right before
 *   a month settle it ("last April"). A cue is cancelled by a finite past verb between
 *   it and the date ("who are to blame, found him on Monday", "the plan to drill was
 *   sidelined on Monday"); "due to" counts only before a verb ("due to appear", not "due
 *   to fog"), "planned"/"scheduled" not after a determiner ("the scheduled hearing").
 * - A year-less date ("On November 9") takes the NARRATIVE year: the year of the last
 *   mention that fixed one (an explicit date, "in 2019", "the 2019 election", or a
 *   deictic one, which brings the narrative back to the present), if that mention was
 *   in the same section and at most NARRATIVE_BLOCK_WINDOW blocks back. "of that year" /
 *   "the same year" take it at any distance. Otherwise the date is the most recent past
 *   occurrence relative to publication (next occurrence with a future cue); without a
 *   publication date the year stays unknown (XXXX).
 * - A bare year that bounds a range ("since 2000", "until 2030", "by 2025", "as of
 *   2019", "before the end of 2010") fixes no narrative year: news uses it to measure
 *   from or up to the story ("the second such incident since 2000"), not to move the
 *   story there, unlike "In 2019, …" or "the 2019 election".
 * - With a future cue, a year-less date is never before its anchor: when the narrative
 *   year puts it before the last day the narrative stated in that year (after the
 *   mention that set the year; not a day a cue moved to the next year), it takes the
 *   next occurrence ("arrested on November 15, 2019 … a meeting was planned for January
 *   19" → 2020; "a second one for January 25" → 2020 too). The writer's own "will" /
 *   "shall" speaks from publication: it takes a narrative of an earlier year to the
 *   next occurrence after publication ("relaunched in 2005 … will air on December 25");
 *   not when a past reporting verb introduces it ("In 2015, Obama said he will visit
 *   Cuba on March 20": the speaker's future).
 * - Sections start at heading-like lines (`== X ==`, `# X`, short unpunctuated lines).
 * - A clock time without a date takes the date written right after it ("1:30 a. m.
 *   Feb. 1", even across a sentence break), else a date from its own sentence, else
 *   the last day mentioned in the same block, else the reference date.
 */
import type { Article, Granularity, Sentence, TimeValue } from '../../types.ts';
import { addDays, compareDates, isoWeek, isValidDate, weekdayOf, type CalendarDate } from './calendar.ts';
import type { Candidate, Fields } from './candidates.ts';
import type { PartOfDay, ResolvedTime } from './timevalue.ts';
import { resolveZone, type Zone } from './zones.ts';

export const NARRATIVE_BLOCK_WINDOW = 2;

export interface Reference {
  date: CalendarDate | null;
  zone: Zone | null;
  /** The publication instant, when the metadata gives a time ("3 hours ago" needs it). */
  instant: Date | null;
}

export interface Resolution {
  candidate: Candidate;
  start: ResolvedTime;
  end: ResolvedTime | null;
  /** How the context was used ("narrative-year", "past-weekday", …), appended to the rule. */
  how: string[];
}

const FUTURE_CUE = /\b(?:will|shall|'ll|going to|is to|are to|scheduled|expected to|plans? to|planned|set to|due to|upcoming|to be held)\b/gi;
/** "due to" is a cue only before a verb ("due to appear"), not before a cause ("due to fog"). */
const DUE_TO_VERB = /^\s+(?:be|appear|return|start|begin|open|close|arrive|leave|meet|hold|take|face|attend|go|come|visit|sign|vote|announce|release|launch|end|finish|resume|testify|speak|report|hear|deliver|travel|fly|play|complete|expire|retire|undergo|receive|publish|air|debut|premiere|land|depart|stand|make|give|join|decide|rule|submit|present|unveil|reopen|conclude|run|serve|sail|marry|wed)\b/i;
/** Articles, possessives and demonstratives: what makes the next word a noun's modifier. */
const DETERMINERS = 'the|a|an|its|their|his|her|this|that|these|those|our|my|your';
/** "planned" / "scheduled" after a determiner qualify a noun ("the scheduled hearing took place"): no cue. */
const ADJECTIVAL = new RegExp(`\\b(?:${DETERMINERS})\\s+(?:\\w+ly\\s+)?$`, 'i');
/**
 * A finite past verb between a cue and the date: the cue belongs to another clause
 * ("who are to blame, found him on January 5", "the planned merger collapsed on
 * January 5"). Participles after "be"/"have" are not ("will be held", "will have
 * finished"); -ed words count only in lower case ("United States").
 */
const PAST_VERB =
  /\b(?:was|were|had|did|took|went|came|saw|gave|began|fell|ran|became|spoke|knew|threw|drove|rose|chose|flew|grew|drew|broke|stole|froze|woke|found|got|made|left|met|said|told|held|won|lost|struck|shot|sent|brought|kept|wrote|stood|sold|built|thought)\b|(?<![A-Za-z])[a-z]{2,}ed\b/g;
/** Words after which a past form is a participle or an adjective ("will be held", "after threatened", "in targeted attacks"). */
const NOT_FINITE_BEFORE = new RegExp(
  `\\b(?:be|been|being|is|are|am|have|has|having|get|gets|getting|to|${DETERMINERS}|will|would|shall|should|can|could|may|might|must|after|before|when|while|if|once|in|of|by|with|for|as|than|from|until|on|at|newly|recently)\\s+(?:\\w+ly\\s+)?$`,
  'i',
);
const NOT_PAST = /^(?:need|proceed|succeed|exceed|indeed|feed|speed|seed|bleed|breed|greed|heed|weed|deed|creed|shed|hundred|kindred|sacred|naked|wicked|rugged|beloved|ragged|crooked|aged|red|bed|wed|embed)$/i;

/**
 * Every match of a global regex, as `text.matchAll(regex)` gives them, without the copy
 * of the regex matchAll makes at each call (none of the regexes here matches "").
 */
function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) matches.push(m);
  return matches;
}

function hasPastVerb(text: string): boolean {
  for (const m of allMatches(PAST_VERB, text)) {
    if (NOT_PAST.test(m[0])) continue;
    const preceding = text.slice(0, m.index);
    if (NOT_FINITE_BEFORE.test(preceding)) continue;
    // a participle opening a phrase: "will appear in court, charged with murder, on March 3"
    if (m[0].endsWith('ed') && /,\s*$/.test(preceding)) continue;
    return true;
  }
  return false;
}

const QUOTED = /“[^”]*”?|"[^"]*"?/g;
/** A past verb that governs the date ("met on Tuesday"); not a passive after "be" ("will be held on Tuesday"). */
const PAST_REPORTING = /\b(?<!\bbe\s)(said|told|announced|mentioned|wrote|reported|added|stated|confirmed|noted|declared|tweeted|posted|met|spoke|held)\b(?:\s+\S+){0,6}\s*$/i;
/** A past reporting verb anywhere before a cue: the future is the speaker's, then, not the writer's. */
const REPORTED = /\b(?<!\bbe\s)(?:said|told|announced|wrote|reported|added|stated|confirmed|noted|declared|tweeted|posted|promised|pledged|vowed|warned|predicted|insisted|claimed|argued|explained|revealed|indicated|suggested|hoped|believed|thought|knew|agreed|decided|testified|estimated)\b/i;
/** The writer's own future: relative to publication, whatever year the narrative is in. */
const PRESENT_FUTURE = /^(?:will|shall|'ll)$/i;

export interface FutureCue {
  cue: string;
  /** A past reporting verb introduces it ("Obama said he will visit"): the speaker's future, not the writer's. */
  reported: boolean;
}

/**
 * The future cue of a weekday or year-less date, or null: "next" right before it, or a
 * future cue in its clause before it, not counting quoted speech ("'We'll meet,' Trump
 * said on Thursday" is past) nor anything before a semicolon. A past reporting verb
 * close before the date governs it ("met on Tuesday"), unless the cue is in its own
 * clause ("said a meeting was planned for January 19"). No cue when a finite past verb
 * stands between the cue and the date, for "due to" before a cause, nor for an
 * adjectival "planned"/"scheduled" (see above).
 */
export function futureCueOf(before: string): FutureCue | null {
  // "last April" / "next March": chrono leaves the word out of the span, but it settles the tense
  const adjacent = /\b(last|next)\s*$/i.exec(before);
  if (adjacent) return adjacent[1]!.toLowerCase() === 'next' ? { cue: adjacent[1]!, reported: false } : null;
  const unquoted = before.replace(QUOTED, ' ');
  const clause = unquoted.slice(unquoted.lastIndexOf(';') + 1);
  let own = clause;
  const reporting = PAST_REPORTING.exec(own);
  if (reporting) own = own.slice(reporting.index + reporting[1]!.length);
  // the cue nearest the date that really is one
  const cues = allMatches(FUTURE_CUE, own).reverse();
  for (const m of cues) {
    const cue = m[0].toLowerCase();
    const after = own.slice(m.index + m[0].length);
    if ((cue === 'is to' || cue === 'are to') && /^\s+blame\b/i.test(after)) continue;
    if (cue === 'due to' && !DUE_TO_VERB.test(after)) continue;
    if ((cue === 'planned' || cue === 'scheduled') && ADJECTIVAL.test(own.slice(0, m.index))) continue;
    if (hasPastVerb(after)) return null;
    return { cue: m[0], reported: REPORTED.test(clause.slice(0, clause.length - own.length + m.index)) };
  }
  return null;
}

/**
 * A bare year bounding a range: "since 2000", "until 2030", "by 2025", "as of 2019",
 * "from 2000", "before the end of 2010". "in", "of", "during" and event years set the
 * narrative year; these do not (see the header).
 */
const RANGE_BOUND = /\b(?:since|until|till|through|by|before|after|as of|from|prior to|up to)\s+(?:the\s+(?:end|start|beginning|middle|close)\s+of\s+)?$/i;

export function boundsRange(c: Candidate): boolean {
  return c.known.year !== undefined && c.known.month === undefined && c.known.day === undefined && RANGE_BOUND.test(c.before);
}

const HEADING_LINE = /^\s*(?:=+[^=\n]+=+|#{1,6}\s.+)\s*$/;
/** The characters a heading-like line does not end with. */
const SENTENCE_END = '.!?:;,"”’)';

/** A line that reads like a heading: wiki/markdown markup, or short with no sentence punctuation. */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (HEADING_LINE.test(text)) return true;
  if (/^[-*•]/.test(text)) return false;
  // cheapest tests first: most sentences end with a full stop (read as a character: a regex ending in `$` scans it all)
  return !SENTENCE_END.includes(text[text.length - 1]!) && /^[A-Z0-9]/.test(text) && text.split(/\s+/).length <= 6 && !/\d{1,2}:\d{2}/.test(text);
}

const NON_SPACE = /\S/;

/** Section number per sentence: increments at heading-like sentences and at heading lines between sentences. */
export function sectionsOf(article: Article, sentences: readonly Sentence[]): number[] {
  const sections: number[] = [];
  let section = 0;
  let previousEnd = article.body.start;
  for (const s of sentences) {
    const gap = article.text.slice(previousEnd, s.start);
    // a gap of white space only (the usual one) holds no line that reads like a heading
    if (NON_SPACE.test(gap) && gap.split(/\r?\n/).some(isHeadingLike)) section += 1;
    const text = article.text.slice(s.start, s.end);
    if (isHeadingLike(text)) section += 1;
    sections.push(section);
    previousEnd = s.end;
  }
  return sections;
}

interface NarrativeState {
  year: number | null;
  yearBlock: number;
  yearSection: number;
  /** Resolution order of the mention that set the year. */
  yearOrder: number;
  lastDay: CalendarDate | null;
  lastDayBlock: number;
  /**
   * The last day the narrative itself stated (not one a future cue moved past its year),
   * and its resolution order: what a future-cued date must not precede.
   */
  anchorDay: CalendarDate | null;
  anchorOrder: number;
}

function granularityOf(f: Fields): Granularity {
  if (f.hour !== undefined) return 'minute';
  if (f.day !== undefined) return 'day';
  if (f.month !== undefined) return 'month';
  return 'year';
}

function known(f: Fields, zoneKnown: boolean): TimeValue['known'] {
  return {
    year: f.year !== undefined,
    month: f.month !== undefined,
    day: f.day !== undefined,
    time: f.hour !== undefined,
    zone: zoneKnown,
  };
}

/** Nothing resolved yet (in a zone, with a part of day or none). */
function emptyResolved(zone: Zone | null, partOfDay: PartOfDay | null): ResolvedTime {
  return {
    granularity: 'day',
    year: null,
    month: null,
    day: null,
    hour: null,
    minute: null,
    week: null,
    partOfDay,
    known: { year: false, month: false, day: false, time: false, zone: false },
    zone,
  };
}

/** `r` on the day `d`, at `granularity` (fields set in place: no spread of a date per mention). */
function setDay(r: ResolvedTime, d: CalendarDate, granularity: Granularity): void {
  r.year = d.year;
  r.month = d.month;
  r.day = d.day;
  r.granularity = granularity;
}

/** The most recent past occurrence (or the next one with a future cue) of a year-less month[/day]. */
function yearNear(ref: CalendarDate, month: number, day: number | undefined, future: boolean): number {
  const candidate = { year: ref.year, month, day: day ?? (future ? 31 : 1) };
  const cmp = compareDates(candidate, ref);
  if (future) return cmp < 0 && (day !== undefined || month < ref.month) ? ref.year + 1 : ref.year;
  return cmp > 0 && (day !== undefined || month > ref.month) ? ref.year - 1 : ref.year;
}

function weekdayNear(ref: CalendarDate, weekday: number, future: boolean): CalendarDate {
  const diff = weekday - weekdayOf(ref);
  if (future) return addDays(ref, (diff + 7) % 7);
  return addDays(ref, -((7 - diff) % 7));
}

export function resolveAll(
  candidates: readonly Candidate[],
  sections: readonly number[],
  reference: Reference,
  articleZone: Zone | null,
): Resolution[] {
  const state: NarrativeState = { year: null, yearBlock: -Infinity, yearSection: -1, yearOrder: -1, lastDay: null, lastDayBlock: -1, anchorDay: null, anchorOrder: -1 };
  let order = 0;
  const out: Resolution[] = [];
  const bySentence = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = bySentence.get(resolvedInSentence(c));
    if (list) list.push(c);
    else bySentence.set(resolvedInSentence(c), [c]);
  }
  const dayOf = new Map<Candidate, CalendarDate>();

  for (const sentence of [...bySentence.keys()].sort((a, b) => a - b)) {
    const list = bySentence.get(sentence)!;
    // dates first, so that a clock time can take the date of its own sentence
    const ordered = [...list.filter((c) => !dateless(c)), ...list.filter(dateless)];
    let sentenceDay: CalendarDate | null = null;
    for (const c of ordered) {
      const section = sections[sentence] ?? 0;
      const adjacent = c.dateAfter ? dayOf.get(c.dateAfter) : undefined;
      const r = resolveOne(c, section, state, reference, articleZone, adjacent ?? sentenceDay, adjacent ? 'adjacent-date' : 'sentence-date');
      if (!r) continue;
      out.push(r);
      order += 1;
      const s = r.start;
      if (r.how.includes('year-range')) continue;
      const takenYear = r.how.includes('narrative-year') || r.how.includes('year-anaphora');
      if (s.year !== null && c.set === null && !takenYear && !boundsRange(c)) setYear(state, s.year, c, sections, order);
      if (s.year !== null && s.month !== null && s.day !== null) {
        const day = { year: s.year, month: s.month, day: s.day };
        dayOf.set(c, day);
        sentenceDay ??= day;
        state.lastDay = day;
        state.lastDayBlock = c.block;
        if (!(takenYear && r.how.includes('next-occurrence'))) {
          state.anchorDay = day;
          state.anchorOrder = order;
        }
      }
    }
  }
  return out.sort((a, b) => a.candidate.start - b.candidate.start || a.candidate.end - b.candidate.end);
}

/** The narrative year is now `year`, set by `c` (the `order`-th resolution). */
function setYear(state: NarrativeState, year: number, c: Candidate, sections: readonly number[], order: number): void {
  state.year = year;
  state.yearBlock = c.block;
  state.yearSection = sections[c.sentence] ?? 0;
  state.yearOrder = order;
}

/** A clock time with the date written after it is resolved with that date's sentence. */
function resolvedInSentence(c: Candidate): number {
  return c.dateAfter ? c.dateAfter.sentence : c.sentence;
}

/** States no date: resolved after the sentence's dates (module functions: tsx names each closure it makes). */
function dateless(c: Candidate): boolean {
  return !hasDateFields(c) && c.deictic === null && c.fromReference === null && c.set === null;
}

function hasDateFields(c: Candidate): boolean {
  return c.known.year !== undefined || c.known.month !== undefined || c.known.day !== undefined || c.known.weekday !== undefined;
}

function resolveOne(
  c: Candidate,
  section: number,
  state: NarrativeState,
  ref: Reference,
  articleZone: Zone | null,
  sentenceDay: CalendarDate | null,
  sentenceDayHow = 'sentence-date',
): Resolution | null {
  const how: string[] = [];
  const writtenZone = c.zoneToken ? resolveZone(c.zoneToken) : null;
  const zone = writtenZone ?? (c.offsetMinutes !== null ? { offsetMinutes: c.offsetMinutes } : null);
  const zoneKnown = zone !== null;
  const r = emptyResolved(zone ?? articleZone, c.partOfDay);

  if (c.set !== null) {
    return { candidate: c, start: { ...r, granularity: 'day', known: known({}, false) }, end: null, how: ['set'] };
  }

  // 1. Deictic: against the reference only.
  if (c.deictic || c.fromReference) {
    if (!ref.date) return null;
    how.push('publication-date');
    if (c.fromReference) {
      const f = c.fromReference;
      // "11 hours ago" from a date-only publication: only the day is meaningful
      const withTime = f.hour !== undefined && ref.instant !== null;
      Object.assign(r, { year: f.year ?? null, month: f.month ?? null, day: f.day ?? null });
      r.granularity = withTime ? 'minute' : f.day !== undefined || f.hour !== undefined ? 'day' : f.month !== undefined ? 'month' : 'year';
      if (withTime) Object.assign(r, { hour: f.hour, minute: f.minute ?? 0 });
    } else {
      const { unit, offset } = c.deictic!;
      if (unit === 'day') {
        const d = addDays(ref.date, offset);
        setDay(r, d, 'day');
      } else if (unit === 'week') {
        const w = isoWeek(addDays(ref.date, 7 * offset));
        Object.assign(r, { year: w.year, week: w.week, granularity: 'week' });
      } else if (unit === 'month') {
        const m = ref.date.month - 1 + offset;
        Object.assign(r, { year: ref.date.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 + 1, granularity: 'month' });
      } else {
        Object.assign(r, { year: ref.date.year + offset, granularity: 'year' });
      }
    }
    if (c.known.hour !== undefined) Object.assign(r, { hour: c.known.hour, minute: c.known.minute ?? 0, granularity: 'minute' });
    // chrono marks "today"'s date as certain; the text only said "today": the date is implied
    r.known = known(c.known.hour === undefined ? {} : { hour: c.known.hour }, zoneKnown);
    return { candidate: c, start: r, end: null, how };
  }

  const f = c.known;
  // 2. A bare weekday (maybe with a clock time).
  if (f.weekday !== undefined && f.day === undefined && f.month === undefined) {
    if (!ref.date) return null;
    const future = futureCueOf(c.before) !== null;
    const day = weekdayNear(ref.date, f.weekday, future);
    const d = c.explicitWeekdayRelation ? weekdayRelative(ref.date, f.weekday, c.text) : day;
    how.push(c.explicitWeekdayRelation ? 'relative-weekday' : future ? 'future-weekday' : 'past-weekday');
    setDay(r, d, 'day');
    if (f.hour !== undefined) Object.assign(r, { hour: f.hour, minute: f.minute ?? 0, granularity: 'minute' });
    r.known = known(f, zoneKnown);
    return { candidate: c, start: r, end: null, how };
  }

  // 3. A clock time or part of day without a date.
  if (f.year === undefined && f.month === undefined && f.day === undefined) {
    if (f.hour === undefined && c.partOfDay === null) return null;
    let day: CalendarDate | null = sentenceDay;
    if (day) how.push(sentenceDayHow);
    else if (state.lastDay && state.lastDayBlock === c.block) {
      day = state.lastDay;
      how.push('narrative-day');
    } else if (ref.date) {
      day = ref.date;
      how.push('publication-date');
    }
    if (!day) return null;
    setDay(r, day, f.hour !== undefined ? 'minute' : 'day');
    if (f.hour !== undefined) Object.assign(r, { hour: f.hour, minute: f.minute ?? 0 });
    r.known = known(f, zoneKnown);
    const end = c.endKnown && c.endKnown.hour !== undefined ? { ...r, hour: c.endKnown.hour, minute: c.endKnown.minute ?? 0, known: known(c.endKnown, zoneKnown) } : null;
    return { candidate: c, start: r, end, how };
  }

  // 4. Dates: year stated, or taken from the narrative / the publication date.
  let year = f.year ?? null;
  if (year === null && f.month !== undefined) {
    // the tense matters only here and for bare weekdays: read only there (futureCueOf is pure)
    const futureCue = futureCueOf(c.before);
    const future = futureCue !== null;
    const writersFuture = futureCue !== null && !futureCue.reported && PRESENT_FUTURE.test(futureCue.cue);
    const narrativeNear =
      state.year !== null && state.yearSection === section && c.block - state.yearBlock <= NARRATIVE_BLOCK_WINDOW;
    if (c.yearAnaphora && state.year !== null) {
      year = state.year;
      how.push('year-anaphora');
    } else if (narrativeNear) {
      year = state.year;
      how.push('narrative-year');
      const anchor = future ? futureAnchor(state, ref, writersFuture) : null;
      const next = anchor ? yearNear(anchor, f.month, f.day, true) : null;
      if (next !== null && next > state.year!) {
        year = next;
        how.push('next-occurrence');
      }
    } else if (ref.date) {
      year = yearNear(ref.date, f.month, f.day, future);
      how.push(future ? 'next-occurrence' : 'last-occurrence');
    } else how.push('year-unknown');
  }
  if (year !== null && f.month !== undefined && f.day !== undefined && !isValidDate(year, f.month, f.day)) return null;
  Object.assign(r, {
    year,
    month: f.month ?? null,
    day: f.day ?? null,
    granularity: c.granularityYear ? 'year' : granularityOf(f),
  });
  if (f.hour !== undefined) Object.assign(r, { hour: f.hour, minute: f.minute ?? 0 });
  r.known = known(f, zoneKnown);
  let end: ResolvedTime | null = null;
  if (c.endKnown && Object.keys(c.endKnown).length > 0) {
    const e = c.endKnown;
    if (c.granularityYear) how.push('year-range');
    const endYear = e.year ?? year;
    end = {
      ...r,
      year: endYear,
      month: e.month ?? r.month,
      day: e.day ?? (e.month === undefined ? r.day : null),
      hour: e.hour ?? null,
      minute: e.hour !== undefined ? (e.minute ?? 0) : null,
      granularity: c.granularityYear ? 'year' : granularityOf({ ...f, ...e }),
      known: known(e, zoneKnown),
    };
  }
  return { candidate: c, start: r, end, how };
}

/**
 * The day a future-cued year-less date in the narrative year must not precede: the
 * narrative's last day, when it lies in that year (a deictic date puts it at
 * publication); with the writer's own "will", the publication date when the narrative
 * is in an earlier year. Within the publication year the narrative's day is enough
 * (the dateline sets one) and safer: an inferred publication date is often the date of
 * the very event the story announces.
 */
function futureAnchor(state: NarrativeState, ref: Reference, writersFuture: boolean): CalendarDate | null {
  const pastNarrative = ref.date !== null && state.year !== null && state.year < ref.date.year;
  // a day stated before the mention that set the year belongs to another narrative ("…, 2018.\nIn 2018, …")
  const day = state.anchorDay && state.anchorOrder >= state.yearOrder && state.anchorDay.year === state.year ? state.anchorDay : null;
  const anchors = [day, writersFuture && pastNarrative ? ref.date : null];
  return anchors.reduce<CalendarDate | null>((a, d) => (d !== null && (a === null || compareDates(d, a) > 0) ? d : a), null);
}

/** "last Friday" = the Friday of the previous week… news usage: the most recent one before the reference. */
function weekdayRelative(ref: CalendarDate, weekday: number, text: string): CalendarDate {
  if (/\b(?:next|coming)\b/i.test(text)) return addDays(weekdayNear(addDays(ref, 1), weekday, true), 0);
  if (/\b(?:last|past)\b/i.test(text)) return weekdayNear(addDays(ref, -1), weekday, false);
  return weekdayNear(ref, weekday, true); // "this Friday": the one in the coming days
}
