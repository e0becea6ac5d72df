/**
 * Event mentions: one per trigger in the article's content sentences, with
 * participants, time, place, modality and attribution.
 *
 *   triggers (lexicon) → resolve ambiguous "conversation" → anaphoric "it was over"
 *   → one mention per type per sentence → anchor (participants, time, place)
 *
 * Pure and deterministic: sentences in text order, boilerplate blocks skipped.
 * An EventMention's span is its sentence; its trigger is kept apart, and its id
 * is `${source}:e${trigger.start}`.
 *
 * Written for a cold pass (one pass in a fresh process, as the CLI runs it; this stage runs
 * on the main thread only, after entity resolution, so its time is serial): a sentence's
 * entities and speaker are worked out at most once (SentenceFacts), only for sentences with
 * a trigger, and shared with primaryPair and with buildClaims: the pipeline builds an
 * article's views once (articleViews) and passes them to both stages; a sentence with no
 * trigger is passed over unless an "it was over" can continue a conversation; module
 * functions instead of per-sentence closures (tsx names each one it makes). With the
 * lexicon's regex changes (triggers.ts): extract.event + extract.claims on the benchmark
 * corpus, HEAD vs now alternated in fresh processes, the CLI's per-article order,
 * --no-turbo-inlining: cold 1.41 → 0.89 s CPU (medians of 8 pairs), a second pass 0.79 →
 * 0.62 s; the CLI's stage timers (--jobs 1, 6 pairs) extract.event 1.55 → 0.88 s,
 * extract.claims 0.33 → 0.16 s. Same events and claims.
 */
import type { Block, EventMention, EventType, Mention, SegmentedArticle, Sentence, Span, TimeValue } from '../../types.ts';
import { findTriggers, LEAD_RULES, type TriggerMatch } from './triggers.ts';
import { eventModality } from './modality.ts';
import { findAttribution, type Attribution } from './attribution.ts';
import { groupReference, headlineNameCleaner, isTitleCase, sentenceParticipants, sortedNames, type NameSighting, type SentenceParticipants } from './participants.ts';
import { pickPlace, pickTime } from './anchors.ts';
import { isRegexSpace } from '../../segment/spans.ts';

export { findTriggers, TRIGGER_RULES } from './triggers.ts';
export { eventModality, valueModality } from './modality.ts';
export { findAttribution } from './attribution.ts';

/** Event types that are people talking to each other: they share the "conversation" triggers. */
const CONVERSATIONAL: ReadonlySet<EventType> = new Set(['phone_call', 'meeting', 'talks', 'summit']);

/** How far back (in content sentences) an earlier mention may be the same event. */
const TYPE_LOOKBACK = 3;
const PARTICIPANT_LOOKBACK = 4;
const TIME_LOOKBACK = 8;

/** A heading this short ("Meetings", "Telephone conversations") is a section title, not a report. */
const MIN_HEADING_WORDS = 4;

/** A content sentence with its text and mentions. */
export interface SentenceView {
  sentence: Sentence;
  /** Position among content sentences (for look-backs). */
  position: number;
  text: string;
  /** Text of the heading the sentence sits under ("" when none): context for ambiguous triggers. */
  heading: string;
  mentions: Mention[];
}

/** The sentences later stages read: not in boilerplate blocks, not bare section titles. */
export function sentenceViews(seg: SegmentedArticle, mentions: readonly Mention[]): SentenceView[] {
  const blocks = new Map<number, Block>();
  for (const b of seg.blocks) blocks.set(b.index, b);
  const text = seg.article.text;
  const sentences: Sentence[] = [];
  for (const s of seg.sentences) {
    const block = blocks.get(s.block);
    if (block?.boilerplate) continue;
    if (block?.kind === 'heading' && text.slice(s.start, s.end).trim().split(/\s+/).length < MIN_HEADING_WORDS) continue;
    sentences.push(s);
  }
  if (!ascending(sentences, byStart)) sentences.sort(byStart);
  const views: SentenceView[] = new Array<SentenceView>(sentences.length);
  const starts: number[] = new Array<number>(sentences.length);
  for (let position = 0; position < sentences.length; position++) {
    const sentence = sentences[position]!;
    const headingIndex = blocks.get(sentence.block)?.heading;
    const heading = headingIndex === null || headingIndex === undefined ? undefined : blocks.get(headingIndex);
    views[position] = {
      sentence,
      position,
      text: text.slice(sentence.start, sentence.end),
      heading: heading ? text.slice(heading.start, heading.end) : '',
      mentions: [],
    };
    starts[position] = sentence.start;
  }
  // Mentions usually come in text order already; a stable sort of them would not move any.
  const ordered = ascending(mentions, bySpan) ? mentions : [...mentions].sort(bySpan);
  for (const m of ordered) {
    const i = lastAtOrBefore(starts, m.start);
    const view = i >= 0 ? views[i] : undefined;
    if (view && m.end <= view.sentence.end) view.mentions.push(m);
  }
  return views;
}

function byStart(a: Sentence, b: Sentence): number {
  return a.start - b.start;
}

function bySpan(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end;
}

/** Is the list already in the order `compare` sorts it into (so a stable sort would leave it as it is)? */
function ascending<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/**
 * An article's content sentences and what is worked out of them (SentenceFacts): built once
 * per article and handed to both stages reading it, extractEvents then buildClaims, so
 * neither builds them again. The facts fill in lazily, so claims reuse the speakers and
 * entities events already found.
 */
export interface ArticleViews {
  readonly views: readonly SentenceView[];
  readonly facts: SentenceFacts;
}

export function articleViews(seg: SegmentedArticle, mentions: readonly Mention[]): ArticleViews {
  const views = sentenceViews(seg, mentions);
  return { views, facts: new SentenceFacts(views) };
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Sentences read as the headline and lead by the fallback lexicon. */
const FALLBACK_LEAD_SENTENCES = 3;

/**
 * An article whose headline and lead name no event of a known type still reports
 * one ("Warren Jeffs convicted", "Ellen DeGeneres to host Oscars"): the first lead
 * sentence that the news-verb lexicon (LEAD_RULES, type `other`) matches gets its
 * first trigger, unless an earlier lead sentence has a typed event. So the first news
 * verb of the lead wins whichever lexicon has it ("The 76ers fired coach Maurice
 * Cheeks" before "… signing Elton Brand": ECB+ dev 84.9 → 85.5 with the charge guard).
 * Body sentences are never read this way.
 */
function leadFallback(views: readonly SentenceView[], triggers: TriggerMatch[][]): void {
  const lead = Math.min(FALLBACK_LEAD_SENTENCES, views.length);
  for (let k = 0; k < lead; k++) {
    // The first news verb of the lead, whichever lexicon has it: "76ers fired Coach Cheeks" before "signing Elton Brand".
    if (triggers[k]!.length > 0) return;
    const found = findTriggers(views[k]!.text, views[k]!.sentence.start, LEAD_RULES);
    if (found.length > 0) {
      triggers[k] = [found[0]!];
      return;
    }
  }
}

/** Sentences of the title and lead, where news states what the article is about. */
const LEAD_SENTENCES = 5;

/**
 * The article's main kind of conversation: the first call or meeting named in
 * its title/lead, else the majority of its unambiguous triggers.
 */
function primaryConversation(triggers: readonly TriggerMatch[][]): EventType | null {
  const lead = Math.min(LEAD_SENTENCES, triggers.length);
  for (let k = 0; k < lead; k++) for (const t of triggers[k]!) if (t.type === 'phone_call' || t.type === 'meeting') return t.type;
  let phone = 0;
  let inPerson = 0;
  for (const sentence of triggers) {
    for (const t of sentence) {
      if (t.type === 'phone_call') phone++;
      else if (t.type === 'meeting' || t.type === 'summit' || t.type === 'talks') inPerson++;
    }
  }
  if (phone === 0 && inPerson === 0) return null;
  return phone >= inPerson ? 'phone_call' : 'meeting';
}

/**
 * The article's primary pair: the two people named together most often in its
 * call and meeting sentences (ties: the pair named first). "The two leaders" with
 * no close antecedent stands for them.
 */
export function primaryPair(
  views: readonly SentenceView[],
  triggers: readonly TriggerMatch[][],
  outlet: string | null,
  facts: SentenceFacts = new SentenceFacts(views),
): string[] | null {
  const counts = new Map<string, { n: number; first: number; names: string[] }>();
  for (let k = 0; k < views.length; k++) {
    if (!talksOrMeets(triggers[k]!)) continue;
    const view = views[k]!;
    const people = sentenceParticipants(facts.entities(k), facts.speakerSpan(k), { sentence: view.text, offset: view.sentence.start, outlet }).mentions
      .filter(isPerson)
      .map(valueOf);
    const names = sortedNames(people);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const key = `${names[i]}\u0000${names[j]}`;
        const entry = counts.get(key) ?? { n: 0, first: k, names: [names[i]!, names[j]!] };
        entry.n++;
        counts.set(key, entry);
      }
    }
  }
  let best: { n: number; first: number; names: string[] } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n || (entry.n === best.n && entry.first < best.first)) best = entry;
  return best && best.n >= 2 ? best.names : null;
}

function talksOrMeets(triggers: readonly TriggerMatch[]): boolean {
  for (const t of triggers) if (t.type === 'phone_call' || t.type === 'meeting' || t.type === 'conversation' || t.type === 'talks' || t.type === 'summit') return true;
  return false;
}

function isPerson(m: Mention): boolean {
  return m.kind === 'person';
}

function isEntity(m: Mention): boolean {
  return m.kind === 'person' || m.kind === 'organization';
}

function valueOf(m: Mention): string {
  return m.value as string;
}

/**
 * What several steps read of a content sentence, each worked out at most once: its person and
 * organization mentions, and its speaker (findAttribution). Sentences without a trigger
 * never need them.
 */
export class SentenceFacts {
  private readonly views: readonly SentenceView[];
  private readonly entityLists: (Mention[] | undefined)[];
  private readonly speakers: (Attribution | null | undefined)[];

  constructor(views: readonly SentenceView[]) {
    this.views = views;
    this.entityLists = new Array<Mention[] | undefined>(views.length).fill(undefined);
    this.speakers = new Array<Attribution | null | undefined>(views.length).fill(undefined);
  }

  entities(k: number): Mention[] {
    let list = this.entityLists[k];
    if (list === undefined) this.entityLists[k] = list = this.views[k]!.mentions.filter(isEntity);
    return list;
  }

  speaker(k: number): Attribution | null {
    let speaker = this.speakers[k];
    if (speaker === undefined) {
      const view = this.views[k]!;
      this.speakers[k] = speaker = findAttribution(view.text, view.sentence.start, this.entities(k));
    }
    return speaker;
  }

  speakerSpan(k: number): Span | null {
    return this.speaker(k)?.span ?? null;
  }
}

const PHONE_CONTEXT = /\b(?:tele)?phones?\b|\bcalls?\b|\bdial(?:l?ed)?\b|\bhung\s+up\b/i;
const IN_PERSON_CONTEXT =
  /\bin[- ]person\b|\bface[- ]to[- ]face\b|\bon\s+the\s+sidelines\b|\bon\s+their\s+feet\b|\bbreakfast\b|\blunch\b|\bdinner\b|\bvisit(?:s|ed|ing)?\b|\bcourtyard\b/i;

/**
 * "conversation", "have been talking": a phone call or a meeting. Decided by
 * phone words in the sentence, in-person words, the section heading ("Telephone
 * conversations"), the latest call or meeting a few sentences back, then the
 * article's primary kind of conversation.
 */
function resolveConversation(view: SentenceView, trigger: TriggerMatch, recent: EventMention | undefined, primary: EventType | null): EventType {
  if (PHONE_CONTEXT.test(view.text)) return 'phone_call';
  if (IN_PERSON_CONTEXT.test(view.text)) return 'meeting';
  // "The two leaders have been talking since …" reports the story's own ongoing event, not a recalled one.
  if (trigger.rule === 'been-talking' && primary) return primary;
  if (PHONE_CONTEXT.test(view.heading)) return 'phone_call';
  if (/\b(?:meetings?|summits?|visits?)\b/i.test(view.heading)) return 'meeting';
  if (recent) return recent.type;
  return primary ?? 'meeting';
}

/** "it was over", "it had ended": the end of the conversation just reported. */
const IT_ENDED = /\bit\s+(?:(?:was|is|had\s+been|has\s+been)\s+over|(?:had|has)\s+(?:ended|finished|concluded)|ended|finished|concluded)\b/i;

/** A definite reference ("the call", "During the conversation") may be the same event as an earlier dated one. */
function isDefiniteReference(text: string, triggerRelStart: number): boolean {
  const words = lastWords(text, triggerRelStart, 3);
  for (const w of words) if (INDEFINITE_WORD.test(w)) return false;
  for (const w of words) if (DEFINITE_WORD.test(w)) return true;
  return false;
}

const INDEFINITE_WORD = /^["“]?(?:a|an|one|another|first|second|third|next|last|later|earlier|previous|new|separate)$/;
const DEFINITE_WORD = /^(?:the|that|this|their)$/;

/**
 * The last `n` whitespace-separated words of text[0, end), lower-cased, last first: what
 * `text.slice(0, end).trim().split(/\s+/).slice(-n)` keeps, without splitting the whole head.
 */
function lastWords(text: string, end: number, n: number): string[] {
  const words: string[] = [];
  let i = end;
  while (words.length < n) {
    while (i > 0 && isRegexSpace(text.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    const wordEnd = i;
    while (i > 0 && !isRegexSpace(text.charCodeAt(i - 1))) i--;
    words.push(text.slice(i, wordEnd).toLowerCase());
  }
  return words;
}

function latest(events: readonly EventMention[], position: Map<string, number>, from: number, lookback: number, test: (e: EventMention) => boolean): EventMention | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (from - position.get(e.id)! > lookback) return undefined;
    if (test(e)) return e;
  }
  return undefined;
}

/**
 * Whose participants a group reference ("the two leaders", "they") stands for:
 * the latest event of the same type for conversations (a recalled meeting is not
 * the call being reported), the latest conversation for other events ("The two
 * leaders agreed …" after a call).
 */
function groupAntecedent(type: EventType): (e: EventMention) => boolean {
  if (type === 'phone_call') return (e) => e.type === 'phone_call';
  return CONVERSATIONAL.has(type) ? (e) => e.type !== 'phone_call' && CONVERSATIONAL.has(e.type) : (e) => CONVERSATIONAL.has(e.type);
}

/** A group reference resolves to an antecedent this close (in content sentences, same section), else to the primary pair. */
const CLOSE_ANTECEDENT = 2;

/**
 * "since February 2022", "the first since the invasion of Ukraine in February 2022":
 * a date in a "since" phrase opens a period, it does not date the event (a time of
 * day after "since" is its start: "talking since 10 a.m.").
 */
function isPeriodStart(sentence: string, offset: number, m: Mention): boolean {
  return m.time?.granularity !== 'minute' && /\bsince\s+(?:[^,;:.!?()]{0,60}?\s)?$/i.test(sentence.slice(0, m.start - offset));
}

/** A time that states a calendar date (not only a time of day). */
function isDated(t: TimeValue | null | undefined): t is TimeValue {
  return !!t && (t.granularity !== 'minute' || t.known.day || t.known.month || t.known.year);
}

/** Does `later` state the same date as `earlier`, more precisely ("2025-02" → "2025-02-12")? */
function refines(earlier: TimeValue, later: TimeValue): boolean {
  return earlier.date !== null && later.date !== null && later.date.length > earlier.date.length && later.date.startsWith(earlier.date);
}

/** A dated mention carries a calendar date, not only a time of day. */
function hasDate(e: EventMention): boolean {
  const t = e.time;
  return t !== null && (t.granularity !== 'minute' || t.known.day || t.known.month || t.known.year);
}

/** Does any content sentence strictly between positions `from` and `to` carry a date? */
function datedBetween(views: readonly SentenceView[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (views[i]!.mentions.some((m) => m.kind === 'date' && m.time)) return true;
  return false;
}

/**
 * With no publication date, a casual or relative date ("last night", "yesterday",
 * "three days ago", "Thursday") was resolved against a neutral reference: its day is
 * made up, so it cannot date an event (ECB+ train: "arrested last night" read as
 * 1999-12-31; train 77.0 → 78.1, dev and GVC val unchanged).
 */
const RELATIVE_TIME_RULE = /Casual|Relative|Ago|Later|Weekday/;

function unanchoredRelative(m: Mention, published: string | null): boolean {
  return published === null && m.time !== undefined && RELATIVE_TIME_RULE.test(m.rule) && !/\b\d{4}\b/.test(m.text);
}

/** The person names of one sentence as headline cleaning reads them (its title case judged once, not per name). */
function personSightings(view: SentenceView): NameSighting[] {
  const people = view.mentions.filter((m) => m.kind === 'person' && typeof m.value === 'string');
  if (people.length === 0) return [];
  const inTitleCase = isTitleCase(view.text);
  return people.map((m) => ({ name: m.value as string, text: m.text, inTitleCase }));
}

/** Sorted names, each cleaned of what a title-case headline glued to it; names cleaned to nothing dropped. */
function cleanNames(names: readonly string[], cleanName: (name: string) => string): string[] {
  const out: string[] = [];
  for (const name of names) {
    const clean = cleanName(name);
    if (clean !== '') out.push(clean);
  }
  return sortedNames(out);
}

/** A trigger with its resolved type; an anaphoric "it was over" also carries the event it continues. */
interface TypedTrigger {
  trigger: TriggerMatch;
  type: EventType;
  antecedent?: EventMention;
}

/** What one article's pass keeps while it walks its sentences. */
interface ArticleState {
  views: readonly SentenceView[];
  facts: SentenceFacts;
  events: EventMention[];
  /** Each event's sentence position (for look-backs). */
  position: Map<string, number>;
  primary: EventType | null;
  pair: string[] | null;
  published: string | null;
  outlet: string | null;
  source: string;
  cleanName: (name: string) => string;
  /** The primary event: the first call/meeting of the primary kind in the title/lead, its date refined by later mentions. */
  primaryEvent: { type: EventType; time: TimeValue | null; timeSpan: Span | null } | null;
}

function sameSection(state: ArticleState, e: EventMention, k: number): boolean {
  return state.views[state.position.get(e.id)!]!.heading === state.views[k]!.heading;
}

function isConversational(e: EventMention): boolean {
  return CONVERSATIONAL.has(e.type);
}

/**
 * The latest call or meeting within the type look-back, in the same section as sentence k: a
 * recalled call or meeting in another section ("== Course ==" vs "== Reactions ==") says
 * nothing about this one.
 */
function recentCallOrMeeting(state: ArticleState, k: number): EventMention | undefined {
  const { events, position } = state;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (k - position.get(e.id)! > TYPE_LOOKBACK) return undefined;
    if ((e.type === 'phone_call' || e.type === 'meeting') && sameSection(state, e, k)) return e;
  }
  return undefined;
}

/** Does an earlier event fit as the antecedent of a group reference ("the two leaders") in sentence k? */
function groupFits(state: ArticleState, type: EventType, k: number): (e: EventMention) => boolean {
  const antecedent = groupAntecedent(type);
  return (e) => antecedent(e) && e.participants.length >= 2 && sameSection(state, e, k);
}

/** Someone else's meeting is another meeting: a named cast disjoint from the antecedent's breaks the link. */
function castCompatible(names: readonly string[], type: EventType): (e: EventMention) => boolean {
  return (e) => e.type === type && hasDate(e) && (names.length === 0 || e.participants.length === 0 || names.some((n) => e.participants.includes(n)));
}

/** The date and time mentions of a sentence that may date its events (the "since" look-back runs on these alone). */
function datingCandidates(view: SentenceView, published: string | null): Mention[] {
  const out: Mention[] = [];
  for (const m of view.mentions) {
    if ((m.kind === 'date' || m.kind === 'time') && m.time && !isPeriodStart(view.text, view.sentence.start, m) && !unanchoredRelative(m, published)) out.push(m);
  }
  return out;
}

/** The sentence's triggers typed, plus an anaphoric "it was over" when it continues a recent conversation. */
function typedTriggers(state: ArticleState, k: number, triggers: readonly TriggerMatch[]): TypedTrigger[] {
  const view = state.views[k]!;
  const typed: TypedTrigger[] = [];
  let conversational = false;
  let callOrMeeting: EventMention | undefined | null = null; // null: not looked up yet
  for (const t of triggers) {
    let type: EventType;
    if (t.type === 'conversation') {
      if (callOrMeeting === null) callOrMeeting = recentCallOrMeeting(state, k);
      type = resolveConversation(view, t, callOrMeeting, state.primary);
    } else type = t.type;
    if (CONVERSATIONAL.has(type)) conversational = true;
    typed.push({ trigger: t, type });
  }
  if (conversational) return typed;
  // An anaphoric "it was over" continues the latest conversation.
  const ended = IT_ENDED.exec(view.text);
  if (!ended) return typed;
  const recent = latest(state.events, state.position, k, TYPE_LOOKBACK, isConversational);
  if (!recent) return typed;
  const start = view.sentence.start + ended.index;
  typed.push({
    trigger: { type: recent.type, start, end: start + ended[0].length, text: ended[0], rule: 'anaphora-end' },
    type: recent.type,
    antecedent: recent,
  });
  typed.sort((a, b) => a.trigger.start - b.trigger.start);
  return typed;
}

/** The event mentions of sentence k (one per type: "The call … the conversation" is one event). */
function sentenceEvents(state: ArticleState, k: number, typed: readonly TypedTrigger[]): void {
  const { views, facts, events, position, pair, primary } = state;
  const view = views[k]!;
  const { sentence, text } = view;
  const speaker = facts.speaker(k);
  const entities = facts.entities(k);
  // The same for every trigger of the sentence: worked out for the first one that needs them.
  let own: SentenceParticipants | null = null;
  let candidates: Mention[] | null = null;
  // Two triggers of one type in one sentence are taken as the same event ("The call … the conversation").
  const seen = new Set<EventType>();
  for (const { trigger, type, antecedent } of typed) {
    if (seen.has(type)) continue;
    seen.add(type);
    const triggerSpan: Span = { start: trigger.start, end: trigger.end };
    const relStart = trigger.start - sentence.start;

    own ??= sentenceParticipants(entities, speaker?.span ?? null, { sentence: text, offset: sentence.start, outlet: state.outlet });
    let names = cleanNames(own.names, state.cleanName);
    if (antecedent) names = sortedNames([...names, ...antecedent.participants]);
    else if (names.length < 2 && groupReference(text, sentence.start)) {
      // "the two leaders": the event under discussion in this paragraph (or just before it,
      // same section), else the article's primary pair, else a recent one in the section.
      // A plural group ("the presidents", "the two leaders") needs an antecedent with two or more.
      const fits = groupFits(state, type, k);
      const close = latest(events, position, k, CLOSE_ANTECEDENT, fits) ?? latestInBlock(events, position, k, PARTICIPANT_LOOKBACK, fits, sentence.block);
      const earlier = close ? undefined : pair ? undefined : latest(events, position, k, PARTICIPANT_LOOKBACK, fits);
      const group = close?.participants ?? pair ?? earlier?.participants ?? [];
      names = sortedNames([...names, ...group]);
    }

    const definite = isDefiniteReference(text, relStart);
    // Only dated mentions can be picked: the "since" look-back runs on those alone (same pick).
    candidates ??= datingCandidates(view, state.published);
    const timeMention = pickTime(text, sentence.start, triggerSpan, candidates);
    let time = timeMention?.time ?? null;
    let timeSpan: Span | null = timeMention ? { start: timeMention.start, end: timeMention.end } : null;
    if (!time && (antecedent || definite)) {
      const dated = antecedent?.time ? antecedent : latest(events, position, k, TIME_LOOKBACK, castCompatible(names, type));
      const primaryNow = state.primaryEvent;
      // A date written in between ("On April 10, 2020, …") starts another time frame: not the same event.
      if (dated && !datedBetween(views, position.get(dated.id)!, k)) {
        time = dated.time;
        timeSpan = dated.timeSpan;
      } else if (isDated(primaryNow?.time) && primaryNow!.type === type && !datedInSection(state, type, k)) {
        // "the 90-minute conversation" with no date of its own, in a section that dates no
        // other event of its kind: the article's primary event.
        time = primaryNow!.time;
        timeSpan = primaryNow!.timeSpan;
      }
    }
    // "the ongoing call", "the conversation" with nobody named: the primary event's pair.
    const ownDay = isDated(time) && time !== state.primaryEvent?.time;
    // Organizations named around a definite "the call" of the story's kind are topics, not its parties.
    const namesPerson = own.mentions.some(isPerson) || names.some((n) => pair?.includes(n));
    if (!namesPerson && pair && definite && type === primary && !ownDay) names = [...pair];

    const place = pickPlace(text, sentence.start, triggerSpan, view.mentions);
    // Joined, not a template: a template literal builds a chain of cons strings (~3× the bytes of
    // one flat string), and every id is held by reconciliation and the outputs.
    const id = [state.source, ':e', trigger.start].join('');
    const event: EventMention = {
      id,
      source: state.source,
      start: sentence.start,
      end: sentence.end,
      type,
      trigger: triggerSpan,
      triggerText: trigger.text,
      sentence: sentence.index,
      block: sentence.block,
      participants: cleanNames(names, state.cleanName),
      time,
      timeSpan,
      place: place ? (place.value as string) : antecedent?.place ?? null,
      modality: eventModality(text, relStart, trigger.end - sentence.start),
      attribution: speaker?.name ?? null,
    };
    events.push(event);
    position.set(id, k);
    const primaryEvent = state.primaryEvent;
    if (type === primary && k < LEAD_SENTENCES && !primaryEvent) state.primaryEvent = { type, time, timeSpan };
    else if (primaryEvent && type === primaryEvent.type && time && primaryEvent.time && refines(primaryEvent.time, time)) {
      state.primaryEvent = { type, time, timeSpan };
    }
  }
}

/** latest(), among the events of one block only. */
function latestInBlock(events: readonly EventMention[], position: Map<string, number>, from: number, lookback: number, test: (e: EventMention) => boolean, block: number): EventMention | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (from - position.get(e.id)! > lookback) return undefined;
    if (test(e) && e.block === block) return e;
  }
  return undefined;
}

/** Does the section of sentence k already date an event of this type? */
function datedInSection(state: ArticleState, type: EventType, k: number): boolean {
  for (const e of state.events) if (e.type === type && hasDate(e) && sameSection(state, e, k)) return true;
  return false;
}

/** `content`: the views of (seg, mentions), when the caller also passes them to buildClaims. */
export function extractEvents(seg: SegmentedArticle, mentions: readonly Mention[], content: ArticleViews = articleViews(seg, mentions)): EventMention[] {
  const { views, facts } = content;
  const triggersPerSentence: TriggerMatch[][] = new Array<TriggerMatch[]>(views.length);
  for (let k = 0; k < views.length; k++) triggersPerSentence[k] = findTriggers(views[k]!.text, views[k]!.sentence.start);
  leadFallback(views, triggersPerSentence);
  // Person names read only from a title-case headline may have swallowed a verb ("… Arrested").
  const cleanName = headlineNameCleaner(views.flatMap(personSightings), seg.article.text);
  const outlet = seg.article.meta.outlet;
  const rawPair = primaryPair(views, triggersPerSentence, outlet, facts);
  const cleanPair = rawPair ? cleanNames(rawPair, cleanName) : null;
  const state: ArticleState = {
    views,
    facts,
    events: [],
    position: new Map(),
    primary: primaryConversation(triggersPerSentence),
    pair: cleanPair && cleanPair.length >= 2 ? cleanPair : null,
    published: seg.article.meta.published ?? null,
    outlet,
    source: seg.article.id,
    cleanName,
    primaryEvent: null,
  };
  for (let k = 0; k < views.length; k++) {
    const triggers = triggersPerSentence[k]!;
    // A sentence without a trigger can only hold an anaphoric "it was over".
    if (triggers.length === 0 && (state.events.length === 0 || !IT_ENDED.test(views[k]!.text))) continue;
    const typed = typedTriggers(state, k, triggers);
    if (typed.length > 0) sentenceEvents(state, k, typed);
  }
  return state.events;
}
