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
 */
import type { EventMention, EventType, Mention, SegmentedArticle, Sentence, Span, TimeValue } from '../../types.ts';
import { findTriggers, LEAD_RULES, type TriggerMatch } from './triggers.ts';
import { eventModality } from './modality.ts';
import { findAttribution } from './attribution.ts';
import { groupReference, headlineNameCleaner, isTitleCase, sentenceParticipants, sortedNames, type NameSighting } from './participants.ts';
import { pickPlace, pickTime } from './anchors.ts';

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
  const blocks = new Map(seg.blocks.map((b) => [b.index, b]));
  const text = seg.article.text;
  const sentences = seg.sentences
    .filter((s) => {
      const block = blocks.get(s.block);
      if (block?.boilerplate) return false;
      if (block?.kind === 'heading' && text.slice(s.start, s.end).trim().split(/\s+/).length < MIN_HEADING_WORDS) return false;
      return true;
    })
    .sort((a, b) => a.start - b.start);
  const views: SentenceView[] = sentences.map((sentence, position) => {
    const headingIndex = blocks.get(sentence.block)?.heading;
    const heading = headingIndex === null || headingIndex === undefined ? undefined : blocks.get(headingIndex);
    return {
      sentence,
      position,
      text: text.slice(sentence.start, sentence.end),
      heading: heading ? text.slice(heading.start, heading.end) : '',
      mentions: [],
    };
  });
  const starts = views.map((v) => v.sentence.start);
  for (const m of [...mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const i = lastAtOrBefore(starts, m.start);
    const view = i >= 0 ? views[i] : undefined;
    if (view && m.end <= view.sentence.end) view.mentions.push(m);
  }
  return views;
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
  const isCallOrMeeting = (t: TriggerMatch) => t.type === 'phone_call' || t.type === 'meeting';
  const lead = triggers.slice(0, LEAD_SENTENCES).flat().find(isCallOrMeeting);
  if (lead) return lead.type as EventType;
  let phone = 0;
  let inPerson = 0;
  for (const t of triggers.flat()) {
    if (t.type === 'phone_call') phone++;
    else if (t.type === 'meeting' || t.type === 'summit' || t.type === 'talks') inPerson++;
  }
  if (phone === 0 && inPerson === 0) return null;
  return phone >= inPerson ? 'phone_call' : 'meeting';
}

/**
 * The article's primary pair: the two people named together most often in its
 * call and meeting sentences (ties: the pair named first). "The two leaders" with
 * no close antecedent stands for them.
 */
export function primaryPair(views: readonly SentenceView[], triggers: readonly TriggerMatch[][], outlet: string | null): string[] | null {
  const counts = new Map<string, { n: number; first: number; names: string[] }>();
  views.forEach((view, k) => {
    const callOrMeeting = triggers[k]!.some((t) => t.type === 'phone_call' || t.type === 'meeting' || t.type === 'conversation' || t.type === 'talks' || t.type === 'summit');
    if (!callOrMeeting) return;
    const entities = view.mentions.filter((m) => m.kind === 'person' || m.kind === 'organization');
    const speaker = findAttribution(view.text, view.sentence.start, entities);
    const people = sentenceParticipants(entities, speaker?.span ?? null, { sentence: view.text, offset: view.sentence.start, outlet }).mentions
      .filter((m) => m.kind === 'person')
      .map((m) => m.value as string);
    const names = sortedNames(people);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const key = `${names[i]}\u0000${names[j]}`;
        const entry = counts.get(key) ?? { n: 0, first: k, names: [names[i]!, names[j]!] };
        entry.n++;
        counts.set(key, entry);
      }
    }
  });
  let best: { n: number; first: number; names: string[] } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n || (entry.n === best.n && entry.first < best.first)) best = entry;
  return best && best.n >= 2 ? best.names : null;
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
  const words = text.slice(0, triggerRelStart).trim().split(/\s+/).slice(-3).map((w) => w.toLowerCase());
  if (words.some((w) => /^["“]?(?:a|an|one|another|first|second|third|next|last|later|earlier|previous|new|separate)$/.test(w))) return false;
  return words.some((w) => /^(?:the|that|this|their)$/.test(w));
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

export function extractEvents(seg: SegmentedArticle, mentions: readonly Mention[]): EventMention[] {
  const source = seg.article.id;
  const published = seg.article.meta.published ?? null;
  const views = sentenceViews(seg, mentions);
  const triggersPerSentence = views.map((v) => findTriggers(v.text, v.sentence.start));
  leadFallback(views, triggersPerSentence);
  const primary = primaryConversation(triggersPerSentence);
  const outlet = seg.article.meta.outlet;
  // Person names read only from a title-case headline may have swallowed a verb ("… Arrested").
  const cleanName = headlineNameCleaner(views.flatMap(personSightings), seg.article.text);
  const cleanNames = (names: readonly string[]): string[] => sortedNames(names.map(cleanName).filter((n) => n !== ''));
  const rawPair = primaryPair(views, triggersPerSentence, outlet);
  const cleanPair = rawPair ? cleanNames(rawPair) : null;
  const pair = cleanPair && cleanPair.length >= 2 ? cleanPair : null;

  const events: EventMention[] = [];
  const position = new Map<string, number>();
  // The primary event: the first call/meeting of the primary kind in the title/lead, its
  // date refined by later mentions ("February 2025" → "February 12, 2025").
  let primaryEvent: { type: EventType; time: TimeValue | null; timeSpan: Span | null } | null = null;
  const sameSection = (e: EventMention, k: number): boolean => views[position.get(e.id)!]!.heading === views[k]!.heading;

  views.forEach((view, k) => {
    const { sentence, text } = view;
    const entities = view.mentions.filter((m) => m.kind === 'person' || m.kind === 'organization');
    const speaker = findAttribution(text, sentence.start, entities);
    const recentConversation = latest(events, position, k, TYPE_LOOKBACK, (e) => CONVERSATIONAL.has(e.type));
    // A recalled call or meeting in another section ("== Course ==" vs "== Reactions ==") says nothing about this one.
    const recentCallOrMeeting = latest(events, position, k, TYPE_LOOKBACK, (e) => (e.type === 'phone_call' || e.type === 'meeting') && sameSection(e, k));

    // Resolve types; an anaphoric "it was over" continues the latest conversation.
    const typed: { trigger: TriggerMatch; type: EventType; antecedent?: EventMention }[] = triggersPerSentence[k]!.map((t) => ({
      trigger: t,
      type: t.type === 'conversation' ? resolveConversation(view, t, recentCallOrMeeting, primary) : t.type,
    }));
    if (recentConversation && !typed.some((t) => CONVERSATIONAL.has(t.type))) {
      const ended = IT_ENDED.exec(text);
      if (ended) {
        const start = sentence.start + ended.index;
        typed.push({
          trigger: { type: recentConversation.type, start, end: start + ended[0].length, text: ended[0], rule: 'anaphora-end' },
          type: recentConversation.type,
          antecedent: recentConversation,
        });
        typed.sort((a, b) => a.trigger.start - b.trigger.start);
      }
    }

    // Two triggers of one type in one sentence are taken as the same event ("The call … the conversation").
    const seen = new Set<EventType>();
    for (const { trigger, type, antecedent } of typed) {
      if (seen.has(type)) continue;
      seen.add(type);
      const triggerSpan: Span = { start: trigger.start, end: trigger.end };
      const relStart = trigger.start - sentence.start;

      const own = sentenceParticipants(entities, speaker?.span ?? null, { sentence: text, offset: sentence.start, outlet });
      let names = cleanNames(own.names);
      if (antecedent) names = sortedNames([...names, ...antecedent.participants]);
      else if (names.length < 2 && groupReference(text, sentence.start)) {
        // "the two leaders": the event under discussion in this paragraph (or just before it,
        // same section), else the article's primary pair, else a recent one in the section.
        // A plural group ("the presidents", "the two leaders") needs an antecedent with two or more.
        const fits = (e: EventMention) => groupAntecedent(type)(e) && e.participants.length >= 2 && sameSection(e, k);
        const close = latest(events, position, k, CLOSE_ANTECEDENT, fits) ?? latest(events, position, k, PARTICIPANT_LOOKBACK, (e) => fits(e) && e.block === sentence.block);
        const earlier = close ? undefined : pair ? undefined : latest(events, position, k, PARTICIPANT_LOOKBACK, fits);
        const group = close?.participants ?? pair ?? earlier?.participants ?? [];
        names = sortedNames([...names, ...group]);
      }

      const definite = isDefiniteReference(text, relStart);
      // Only dated mentions can be picked: the "since" look-back runs on those alone (same pick).
      const timeMention = pickTime(
        text,
        sentence.start,
        triggerSpan,
        view.mentions.filter((m) => (m.kind === 'date' || m.kind === 'time') && m.time && !isPeriodStart(text, sentence.start, m) && !unanchoredRelative(m, published)),
      );
      let time = timeMention?.time ?? null;
      let timeSpan: Span | null = timeMention ? { start: timeMention.start, end: timeMention.end } : null;
      if (!time && (antecedent || definite)) {
        // Someone else's meeting is another meeting: a named cast disjoint from the antecedent's breaks the link.
        const compatible = (e: EventMention) => names.length === 0 || e.participants.length === 0 || names.some((n) => e.participants.includes(n));
        const dated = antecedent?.time ? antecedent : latest(events, position, k, TIME_LOOKBACK, (e) => e.type === type && hasDate(e) && compatible(e));
        // A date written in between ("On April 10, 2020, …") starts another time frame: not the same event.
        if (dated && !datedBetween(views, position.get(dated.id)!, k)) {
          time = dated.time;
          timeSpan = dated.timeSpan;
        } else if (isDated(primaryEvent?.time) && primaryEvent!.type === type && !events.some((e) => e.type === type && hasDate(e) && sameSection(e, k))) {
          // "the 90-minute conversation" with no date of its own, in a section that dates no
          // other event of its kind: the article's primary event.
          time = primaryEvent!.time;
          timeSpan = primaryEvent!.timeSpan;
        }
      }
      // "the ongoing call", "the conversation" with nobody named: the primary event's pair.
      const ownDay = isDated(time) && time !== primaryEvent?.time;
      // Organizations named around a definite "the call" of the story's kind are topics, not its parties.
      const namesPerson = own.mentions.some((m) => m.kind === 'person') || names.some((n) => pair?.includes(n));
      if (!namesPerson && pair && definite && type === primary && !ownDay) names = [...pair];

      const place = pickPlace(text, sentence.start, triggerSpan, view.mentions);
      // Joined, not a template: a template literal builds a chain of cons strings (~3× the bytes of
      // one flat string), and every id is held by reconciliation and the outputs.
      const id = [source, ':e', trigger.start].join('');
      const event: EventMention = {
        id,
        source,
        start: sentence.start,
        end: sentence.end,
        type,
        trigger: triggerSpan,
        triggerText: trigger.text,
        sentence: sentence.index,
        block: sentence.block,
        participants: cleanNames(names),
        time,
        timeSpan,
        place: place ? (place.value as string) : antecedent?.place ?? null,
        modality: eventModality(text, relStart, trigger.end - sentence.start),
        attribution: speaker?.name ?? null,
      };
      events.push(event);
      position.set(id, k);
      if (type === primary && k < LEAD_SENTENCES && !primaryEvent) primaryEvent = { type, time, timeSpan };
      else if (primaryEvent && type === primaryEvent.type && time && primaryEvent.time && refines(primaryEvent.time, time)) {
        primaryEvent = { type, time, timeSpan };
      }
    }
  });
  return events;
}
