/**
 * Claims: attribute values an article states about its event mentions.
 *
 * Per event mention, from its own sentence only:
 *   date          the event's time, when that sentence dated it (day/month/year)
 *   start_time    a time of day after "started at", "began at", "since", "scheduled for", "at"
 *   end_time      a time of day after "ended at", "until", or "at X … it was over"
 *   duration      a duration after "lasted", "for", "of", "the planned", or before the trigger
 *                 ("the 90-minute call")
 *   count.<what>  a quantity governed by the trigger ("swap 175 prisoners of war") or by a
 *   amount.<what> casualty verb ("killed 78 people" → count.killed); money → amount.<unit>
 *   location      the event's place; participants (string[]) the event's participants
 *
 * A value belongs to the nearest event trigger before it in the sentence (else the
 * nearest after it), so one span never yields two claims of one attribute. Each
 * claim's modality is read from the words governing its value ("the planned 30-45
 * minutes" is planned even in an actual event); attribution is the event's.
 */
import { evidenceFor } from '../text/location.ts';
import type { Claim, ClaimValue, EventMention, EventType, Mention, Modality, QuantityValue, SegmentedArticle, Span, TimeValue } from '../types.ts';
import { sentenceViews, type SentenceView } from './event/index.ts';
import { findAttribution } from './event/attribution.ts';
import { valueModality } from './event/modality.ts';
import { groupReference, sentenceParticipants } from './event/participants.ts';
import { pickPlace } from './event/anchors.ts';

const CONVERSATIONAL: ReadonlySet<EventType> = new Set(['phone_call', 'meeting', 'talks', 'summit']);
/** Events whose length is news; "For more than two centuries, …" in a statement is not its duration. */
const DURATION_TYPES: ReadonlySet<EventType> = new Set(['phone_call', 'meeting', 'talks', 'summit', 'ceasefire', 'attack', 'disaster', 'arrest']);
const CASUALTY_TYPES: ReadonlySet<EventType> = new Set(['attack', 'death', 'arrest', 'disaster', 'prisoner_exchange']);

const QUALIFIERS = String.raw`(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|just|only|the|an?|at\s+least|up\s+to|a\s+total\s+of)\s+)*`;

/** Words before a duration that tie it to the event: "lasted", "for", "the planned". */
const DURATION_CUE = new RegExp(String.raw`\b(?:lasted|lasting|lasts|last|took|takes|for|of|spanning|planned|scheduled|expected\s+to\s+last)\s+${QUALIFIERS}$`, 'i');
/** A duration right before the trigger is its modifier: "the hour-and-a-half conversation". */
const DURATION_MODIFIER = /^[\s-]*(?:[\p{L}]+\s+){0,2}$/u;

const END_BEFORE = /\b(?:ended|ending|ends|end|finished|concluded|wrapped\s+up|was\s+over|broke\s+up|until|till)\s+(?:(?:at|around|about|approximately|by|shortly|after|before|just)\s+)*$/i;
const START_BEFORE = /\b(?:started|starting|starts|start|began|begins|beginning|begin|kicked\s+off|opened|commenced|since|from)\s+(?:(?:at|around|about|approximately|shortly|after|before|just)\s+)*$/i;
const SCHEDULED_BEFORE = /\b(?:scheduled|set|slated|due|planned|expected)\s+(?:to\s+(?:start|begin|take\s+place)\s+)?(?:for|at)\s+(?:(?:about|around|approximately)\s+)*$/i;
const AT_BEFORE = /\b(?:at|around|about)\s+$/i;
/** "… at 12:35 p.m. ET that it was over": a plain "at" time is the end when the clause says it ended. */
const ENDED_AFTER = /\b(?:was|is|had\s+been|has\s+been)\s+over\b|\b(?:had\s+|has\s+)?(?:ended|finished|concluded)\b/i;

const CASUALTY_VERB = new RegExp(
  String.raw`\b(?<verb>killed|killing|kills|injured|injuring|injures|wounded|wounding|detained|detaining|arrested|arresting|freed|freeing|released|releasing|exchanged|swapped|evacuated|displaced|captured|rescued)\s+${QUALIFIERS}$`,
  'i',
);
const CASUALTY_ATTRIBUTE: Record<string, string> = {
  kill: 'killed', injur: 'injured', wound: 'injured', detain: 'arrested', arrest: 'arrested',
  free: 'released', releas: 'released', evacuat: 'evacuated', displac: 'displaced', captur: 'captured', rescu: 'rescued',
};
const GOVERNED_BY_TRIGGER = new RegExp(String.raw`^\s+${QUALIFIERS}$`, 'i');
const CURRENCY = /^(?:USD|EUR|GBP|RUB|CNY|JPY|UAH|\$|€|£|₽|dollars?|euros?|rubles?|roubles?|pounds?|yuan|hryvnias?)$/i;

const LOOK_BEHIND = 48;

interface Candidate {
  claim: Claim;
  /** Lower is a better owner for the value (nearest trigger before it, else after it). */
  rank: number;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
}

function ownerRank(event: EventMention, value: Span): number {
  return event.trigger.end <= value.start ? value.start - event.trigger.end : 1_000_000 + Math.max(0, event.trigger.start - value.end);
}

/** The event in `events` that owns a value at `span`. */
function ownerOf(events: readonly EventMention[], span: Span): EventMention | undefined {
  let best: EventMention | undefined;
  for (const e of events) if (!best || ownerRank(e, span) < ownerRank(best, span)) best = e;
  return best;
}

/** A day-level view of a time value ("10:00 a.m. on March 18" dates the event March 18). */
function dayOf(time: TimeValue): TimeValue {
  if (time.granularity !== 'minute' || !time.date) return time;
  return { ...time, timex: time.date, granularity: 'day', utc: null, known: { ...time.known, time: false, zone: false } };
}

function quantityOf(m: Mention): QuantityValue | null {
  if (m.duration) return m.duration;
  return typeof m.value === 'object' ? m.value : null;
}

export function buildClaims(seg: SegmentedArticle, events: readonly EventMention[], mentions: readonly Mention[]): Claim[] {
  const article = seg.article;
  const views = new Map(sentenceViews(seg, mentions).map((v) => [v.sentence.index, v]));
  const bySentence = new Map<number, EventMention[]>();
  for (const e of [...events].sort((a, b) => a.trigger.start - b.trigger.start)) {
    if (e.source !== article.id) continue;
    const list = bySentence.get(e.sentence) ?? [];
    list.push(e);
    bySentence.set(e.sentence, list);
  }

  const best = new Map<string, Candidate>();
  const offer = (event: EventMention, attribute: string, value: ClaimValue, span: Span, modality: Modality, rank: number): void => {
    const id = `${article.id}:${span.start}-${span.end}:${attribute}`;
    const current = best.get(id);
    if (current && current.rank <= rank) return;
    best.set(id, {
      rank,
      claim: {
        id,
        event: event.id,
        attribute,
        value,
        text: article.text.slice(span.start, span.end),
        source: article.id,
        evidence: evidenceFor(article, span),
        attribution: event.attribution,
        modality,
      },
    });
  };

  for (const [index, sentenceEvents] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const view = views.get(index);
    if (!view) continue; // boilerplate or unknown sentence
    claimsOfSentence(view, sentenceEvents, offer);
  }

  return [...best.values()]
    .map((c) => c.claim)
    .sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
}

type Offer = (event: EventMention, attribute: string, value: ClaimValue, span: Span, modality: Modality, rank: number) => void;

function claimsOfSentence(view: SentenceView, events: readonly EventMention[], offer: Offer): void {
  const { text, sentence, mentions } = view;
  const rel = (at: number): number => at - sentence.start;
  const behind = (span: Span): string => text.slice(Math.max(0, rel(span.start) - LOOK_BEHIND), rel(span.start));
  const local = (span: Span, fallback: Modality): Modality => valueModality(text, rel(span.start), fallback);

  const entities = mentions.filter((m) => m.kind === 'person' || m.kind === 'organization');
  const speaker = findAttribution(text, sentence.start, entities);

  for (const event of events) {
    // date: only when this sentence dated the event (inherited dates are claimed where they are written).
    if (event.time && event.timeSpan && event.timeSpan.start >= sentence.start && event.timeSpan.end <= sentence.end) {
      const known = event.time.known;
      if (event.time.granularity !== 'minute' || known.day || known.month || known.year) {
        offer(event, 'date', dayOf(event.time), event.timeSpan, local(event.timeSpan, event.modality), ownerRank(event, event.timeSpan));
      }
    }
    // location
    const place = pickPlace(text, sentence.start, event.trigger, mentions);
    if (place && place.value === event.place) {
      offer(event, 'location', event.place, place, event.modality, ownerRank(event, place));
    }
    // participants: the mentions that name them, or the group phrase that stands for them
    const named = sentenceParticipants(entities, speaker?.span ?? null, { sentence: text, offset: sentence.start, outlet: null }).mentions.filter((m) => event.participants.includes(m.value as string));
    const needed = CONVERSATIONAL.has(event.type) ? 2 : 1;
    if (event.participants.length >= needed) {
      const spans: Span[] = named.map((m) => ({ start: m.start, end: m.end }));
      const coveredNames = new Set(named.map((m) => m.value as string));
      if (event.participants.some((n) => !coveredNames.has(n))) {
        const group = groupReference(text, sentence.start);
        if (group) spans.push(group);
      }
      if (spans.length > 0) {
        const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
        offer(event, 'participants', [...event.participants], span, event.modality, ownerRank(event, event.trigger));
      }
    }
  }

  // durations
  for (const m of mentions) {
    if (m.kind !== 'duration') continue;
    const value = quantityOf(m);
    if (!value) continue;
    const modified = events.find((e) => e.trigger.start >= m.end && DURATION_MODIFIER.test(text.slice(rel(m.end), rel(e.trigger.start))));
    const event = modified ?? (DURATION_CUE.test(behind(m)) ? ownerOf(events, m) : undefined);
    if (!event || !DURATION_TYPES.has(event.type)) continue;
    offer(event, 'duration', value, m, local(m, event.modality), modified ? 0 : ownerRank(event, m));
  }

  // times of day: start or end
  let previous: { mention: Mention; attribute: string } | null = null;
  for (const m of mentions) {
    if (!m.time || (m.kind !== 'time' && m.time.granularity !== 'minute')) continue;
    const before = behind(m);
    let attribute: string | null = null;
    if (previous && /^\s*\(\s*$/.test(text.slice(rel(previous.mention.end), rel(m.start)))) attribute = previous.attribute; // "10 a.m. ET (1400 GMT)"
    else if (END_BEFORE.test(before)) attribute = 'end_time';
    else if (START_BEFORE.test(before) || SCHEDULED_BEFORE.test(before)) attribute = 'start_time';
    else if (AT_BEFORE.test(before)) attribute = ENDED_AFTER.test(text.slice(rel(m.end))) ? 'end_time' : 'start_time';
    if (!attribute) continue;
    previous = { mention: m, attribute };
    const event = ownerOf(events, m);
    if (!event) continue;
    offer(event, attribute, m.time, m, local(m, event.modality), ownerRank(event, m));
  }

  // counts and amounts
  for (const m of mentions) {
    if (m.kind !== 'quantity') continue;
    const value = quantityOf(m);
    if (!value) continue;
    const event = ownerOf(events, m);
    if (!event) continue;
    const casualty = CASUALTY_VERB.exec(behind(m));
    let what: string | null = null;
    if (casualty && CASUALTY_TYPES.has(event.type)) {
      const verb = casualty.groups!['verb']!.toLowerCase();
      const key = Object.keys(CASUALTY_ATTRIBUTE).find((k) => verb.startsWith(k));
      what = key ? CASUALTY_ATTRIBUTE[key]! : value.what ? slug(value.what) : 'exchanged';
    } else if (event.trigger.end <= m.start && GOVERNED_BY_TRIGGER.test(text.slice(rel(event.trigger.end), rel(m.start)))) {
      what = slug(value.what ?? value.unit) || null;
    }
    if (!what) continue;
    const kind = CURRENCY.test(value.unit) ? 'amount' : 'count';
    offer(event, `${kind}.${kind === 'amount' ? slug(value.what ?? value.unit) || what : what}`, value, m, local(m, event.modality), ownerRank(event, m));
  }
}
