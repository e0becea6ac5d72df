/**
 * Claims: attribute values an article states about its event mentions.
 *
 * Attribute vocabulary (the names reconcile and the outputs rely on):
 *   date              the event's calendar date, when that sentence dated it (TimeValue, day/month/year)
 *   start_time        a time of day after "started at", "began at", "since", "scheduled for", "at"
 *   end_time          a time of day after "ended at", "until", or "at X … it was over"
 *                     A zone conversion in parentheses ("10 a.m. ET (1400 GMT)") is a second
 *                     claim of the same attribute; both carry the same UTC instant.
 *   duration          a duration after "lasted", "for", "of", "the planned", or before the
 *                     trigger ("the 90-minute call"); QuantityValue in minutes/days
 *   location          the event's venue ("in Helsinki", "held in", "met in") — never a topic
 *                     place ("the war in Ukraine", "alarm in Kyiv"); string
 *   participants      the event's actors (string[]); `text` is the names as written, joined
 *                     ("Trump and Putin"), evidence the span covering them
 *   count.killed      deaths, whatever the wording: "killing 12 people", "12 people were killed",
 *                     "15 dead", "at least 12 died", "At least 35 killed", "death toll rose to 15",
 *                     "15 deaths"
 *   count.injured     injuries: "injured", "wounded", "hurt", "injuries"
 *   count.missing, count.arrested (arrested/detained), count.released (freed/released),
 *   count.evacuated, count.displaced, count.captured, count.rescued
 *   count.<what>      other counts governed by the trigger ("swap 175 prisoners of war" →
 *                     count.prisoners_of_war); what = the counted noun, slugged
 *   amount.<unit>     money ("40 billion euros" → amount.eur)
 *
 * A value belongs to the nearest event trigger before it in the sentence (else the
 * nearest after it), so one span never yields two claims of one attribute. Each
 * claim's modality is read from the words governing its value ("the planned 30-45
 * minutes" is planned even in an actual event); attribution is the event's.
 *
 * The sentence views and speakers can be the ones extractEvents just worked out for the same
 * article: the caller passes the same ArticleViews to both (articleViews in event/index.ts),
 * so they are not built a second time. Without them, they are built here, and only when the
 * article has an event.
 */
import { evidenceFor } from '../text/location.ts';
import type { Claim, ClaimValue, EventMention, EventType, Mention, Modality, QuantityValue, SegmentedArticle, Span, TimeValue } from '../types.ts';
import { articleViews, type ArticleViews, type SentenceFacts, type SentenceView } from './event/index.ts';
import { valueModality } from './event/modality.ts';
import { groupReference, sentenceParticipants } from './event/participants.ts';
import { pickPlace } from './event/anchors.ts';
import { hasOnlyAsciiLetters, letterPattern, patternFor } from '../segment/ascii-letters.ts';

const CONVERSATIONAL: ReadonlySet<EventType> = new Set(['phone_call', 'meeting', 'talks', 'summit']);
/** Events whose length is news; "For more than two centuries, …" in a statement is not its duration. */
const DURATION_TYPES: ReadonlySet<EventType> = new Set(['phone_call', 'meeting', 'talks', 'summit', 'ceasefire', 'attack', 'disaster', 'arrest']);
const CASUALTY_TYPES: ReadonlySet<EventType> = new Set(['attack', 'death', 'arrest', 'disaster', 'prisoner_exchange']);

const QUALIFIERS = String.raw`(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|just|only|the|an?|at\s+least|up\s+to|a\s+total\s+of)\s+)*`;

/** Words before a duration that tie it to the event: "lasted", "for", "the planned". */
const DURATION_CUE = new RegExp(String.raw`\b(?:lasted|lasting|lasts|last|took|takes|for|of|spanning|planned|scheduled|expected\s+to\s+last)\s+${QUALIFIERS}$`, 'i');
/** A duration right before the trigger is its modifier: "the hour-and-a-half conversation". */
const DURATION_MODIFIER = letterPattern(/^[\s-]*(?:[\p{L}]+\s+){0,2}$/u);
/** What a slug keeps: letters and digits (other runs become "_"). */
const NOT_LETTERS = letterPattern(/[^\p{L}\p{N}]+/gu);

const END_BEFORE = /\b(?:ended|ending|ends|end|finished|concluded|wrapped\s+up|was\s+over|broke\s+up|until|till)\s+(?:(?:at|around|about|approximately|by|shortly|after|before|just)\s+)*$/i;
const START_BEFORE = /\b(?:started|starting|starts|start|began|begins|beginning|begin|kicked\s+off|opened|commenced|since|from)\s+(?:(?:at|around|about|approximately|shortly|after|before|just)\s+)*$/i;
const SCHEDULED_BEFORE = /\b(?:scheduled|set|slated|due|planned|expected)\s+(?:to\s+(?:start|begin|take\s+place)\s+)?(?:for|at)\s+(?:(?:about|around|approximately)\s+)*$/i;
const AT_BEFORE = /\b(?:at|around|about)\s+$/i;
/** "… at 12:35 p.m. ET that it was over": a plain "at" time is the end when the clause says it ended. */
const ENDED_AFTER = /\b(?:was|is|had\s+been|has\s+been)\s+over\b|\b(?:had\s+|has\s+)?(?:ended|finished|concluded)\b/i;

const CASUALTY_VERB = new RegExp(
  String.raw`\b(?<verb>killed|killing|kills|kill|injured|injuring|injures|wounded|wounding|detained|detaining|arrested|arresting|freed|freeing|released|releasing|exchanged|swapped|evacuated|displaced|captured|rescued)\s+${QUALIFIERS}$`,
  'i',
);
/** "12 people were killed", "at least 12 died", "15 dead": the outcome written after the number. */
const CASUALTY_AFTER =
  /^\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|got|reportedly|confirmed|now|so\s+far)\s+)*(?<verb>killed|dead|died|injured|wounded|hurt|missing|detained|arrested|evacuated|displaced|rescued|released|freed)\b/i;
const CASUALTY_PARTICIPLE = /^(?:dead|died|killed|injured|wounded|hurt|missing|arrested|detained|evacuated|displaced|rescued)$/i;
/** "the death toll rose to 15", "a death toll of 15", "the number of injured reached 20". */
const TOLL_BEFORE = new RegExp(
  String.raw`\b(?<what>death|casualty|injury|injuries|dead|wounded|injured)\s+(?:toll|count|number)\s+(?:(?:has|had|have|now)\s+)*(?:(?:rose|risen|rises|climbed|jumped|increased|reached|reaches|stood|stands|stand|is|was|of|at|to|hit|hits)\s+)*(?:(?:at|to|of)\s+)?${QUALIFIERS}$|\b(?:number\s+of\s+(?<whatOf>dead|deaths|injured|wounded))\s+(?:(?:rose|climbed|reached|is|was|stood|stands|to|at)\s+)*${QUALIFIERS}$`,
  'i',
);
/**
 * Casualty words → attribute suffix: whatever the wording, deaths are `killed`,
 * injuries `injured`, detentions `arrested` (see the vocabulary at the top).
 */
const CASUALTY_ATTRIBUTE: Record<string, string> = {
  kill: 'killed', dead: 'killed', die: 'killed', death: 'killed', casualt: 'killed',
  injur: 'injured', wound: 'injured', hurt: 'injured',
  missing: 'missing', detain: 'arrested', arrest: 'arrested',
  free: 'released', releas: 'released', evacuat: 'evacuated', displac: 'displaced', captur: 'captured', rescu: 'rescued',
};

/** The attribute suffix for a casualty word ("killing" → killed, "dead" → killed), or null. */
export function casualtyAttribute(word: string): string | null {
  const lower = word.toLowerCase();
  const key = Object.keys(CASUALTY_ATTRIBUTE).find((k) => lower.startsWith(k));
  return key ? CASUALTY_ATTRIBUTE[key]! : null;
}
const GOVERNED_BY_TRIGGER = new RegExp(String.raw`^\s+${QUALIFIERS}$`, 'i');
const CURRENCY = /^(?:USD|EUR|GBP|RUB|CNY|JPY|UAH|\$|€|£|₽|dollars?|euros?|rubles?|roubles?|pounds?|yuan|hryvnias?)$/i;

const LOOK_BEHIND = 48;

interface Candidate {
  claim: Claim;
  /** Lower is a better owner for the value (nearest trigger before it, else after it). */
  rank: number;
}

function slug(text: string): string {
  const lower = text.toLowerCase();
  return lower.replace(patternFor(NOT_LETTERS, hasOnlyAsciiLetters(lower)), '_').replace(/^_+|_+$/g, '');
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

/** `content`: the views of (seg, mentions) extractEvents read, when the caller has them. */
export function buildClaims(seg: SegmentedArticle, events: readonly EventMention[], mentions: readonly Mention[], content?: ArticleViews): Claim[] {
  const article = seg.article;
  const bySentence = new Map<number, EventMention[]>();
  for (const e of [...events].sort((a, b) => a.trigger.start - b.trigger.start)) {
    if (e.source !== article.id) continue;
    const list = bySentence.get(e.sentence) ?? [];
    list.push(e);
    bySentence.set(e.sentence, list);
  }
  if (bySentence.size === 0) return []; // no event, nothing to claim: skip building the sentence views
  const { views: list, facts } = content ?? articleViews(seg, mentions);
  const views = new Map<number, SentenceView>();
  for (const v of list) views.set(v.sentence.index, v);

  const best = new Map<string, Candidate>();
  const offer = (event: EventMention, attribute: string, value: ClaimValue, span: Span, modality: Modality, rank: number, text?: string): void => {
    // Joined, not a template: one flat string instead of a chain of five cons strings (~190 → ~60
    // bytes); claim ids are held by reconciliation and the outputs.
    const id = [article.id, ':', span.start, '-', span.end, ':', attribute].join('');
    const current = best.get(id);
    if (current && current.rank <= rank) return;
    best.set(id, {
      rank,
      claim: {
        id,
        event: event.id,
        attribute,
        value,
        text: text ?? article.text.slice(span.start, span.end),
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
    claimsOfSentence(view, sentenceEvents, offer, facts);
  }

  return [...best.values()]
    .map((c) => c.claim)
    .sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
}

/** `text` defaults to the span's text; participants pass the names as written, joined. */
type Offer = (event: EventMention, attribute: string, value: ClaimValue, span: Span, modality: Modality, rank: number, text?: string) => void;

/** "Trump", "Trump and Putin", "Trump, Putin and the two leaders": pieces as written, in text order. */
export function joinAsWritten(pieces: readonly string[]): string {
  const unique = [...new Set(pieces.map((p) => p.replace(/\s+/g, ' ').trim()))];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** The text up to LOOK_BEHIND characters before `span` in the view's sentence. */
function behind(view: SentenceView, span: Span): string {
  const at = span.start - view.sentence.start;
  return view.text.slice(Math.max(0, at - LOOK_BEHIND), at);
}

/** The modality of a value at `span`: its own governing words, else `fallback`. */
function local(view: SentenceView, span: Span, fallback: Modality): Modality {
  return valueModality(view.text, span.start - view.sentence.start, fallback);
}

// Helpers are module functions rather than per-sentence closures: cheaper to run under tsx.
function claimsOfSentence(view: SentenceView, events: readonly EventMention[], offer: Offer, facts: SentenceFacts): void {
  const { text, sentence, mentions } = view;
  const origin = sentence.start;

  const entities = facts.entities(view.position);
  const speaker = facts.speaker(view.position);
  const asciiLetters = hasOnlyAsciiLetters(text);

  for (const event of events) {
    // date: only when this sentence dated the event (inherited dates are claimed where they are written).
    if (event.time && event.timeSpan && event.timeSpan.start >= sentence.start && event.timeSpan.end <= sentence.end) {
      const known = event.time.known;
      if (event.time.granularity !== 'minute' || known.day || known.month || known.year) {
        offer(event, 'date', dayOf(event.time), event.timeSpan, local(view, event.timeSpan, event.modality), ownerRank(event, event.timeSpan));
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
        spans.sort((a, b) => a.start - b.start);
        const span = { start: spans[0]!.start, end: Math.max(...spans.map((s) => s.end)) };
        const asWritten = joinAsWritten(spans.map((s) => text.slice(s.start - origin, s.end - origin)));
        offer(event, 'participants', [...event.participants], span, event.modality, ownerRank(event, event.trigger), asWritten);
      }
    }
  }

  // durations
  for (const m of mentions) {
    if (m.kind !== 'duration') continue;
    const value = quantityOf(m);
    if (!value) continue;
    const modified = events.find((e) => e.trigger.start >= m.end && patternFor(DURATION_MODIFIER, asciiLetters).test(text.slice(m.end - origin, e.trigger.start - origin)));
    const event = modified ?? (DURATION_CUE.test(behind(view, m)) ? ownerOf(events, m) : undefined);
    if (!event || !DURATION_TYPES.has(event.type)) continue;
    offer(event, 'duration', value, m, local(view, m, event.modality), modified ? 0 : ownerRank(event, m));
  }

  // times of day: start or end
  let previous: { mention: Mention; attribute: string } | null = null;
  for (const m of mentions) {
    if (!m.time || (m.kind !== 'time' && m.time.granularity !== 'minute')) continue;
    const before = behind(view, m);
    let attribute: string | null = null;
    if (previous && /^\s*\(\s*$/.test(text.slice(previous.mention.end - origin, m.start - origin))) attribute = previous.attribute; // "10 a.m. ET (1400 GMT)"
    else if (END_BEFORE.test(before)) attribute = 'end_time';
    else if (START_BEFORE.test(before) || SCHEDULED_BEFORE.test(before)) attribute = 'start_time';
    else if (AT_BEFORE.test(before)) attribute = ENDED_AFTER.test(text.slice(m.end - origin)) ? 'end_time' : 'start_time';
    if (!attribute) continue;
    previous = { mention: m, attribute };
    const event = ownerOf(events, m);
    if (!event) continue;
    offer(event, attribute, m.time, m, local(view, m, event.modality), ownerRank(event, m));
  }

  // counts and amounts
  for (const m of mentions) {
    if (m.kind !== 'quantity') continue;
    const value = quantityOf(m);
    if (!value) continue;
    const event = ownerOf(events, m);
    if (!event) continue;
    const governed = event.trigger.end <= m.start && GOVERNED_BY_TRIGGER.test(text.slice(event.trigger.end - origin, m.start - origin));
    const what = casualtyWhat(behind(view, m), text.slice(m.end - origin), value, event.type) ?? (governed ? slug(value.what ?? value.unit) || null : null);
    if (!what) continue;
    const kind = CURRENCY.test(value.unit) ? 'amount' : 'count';
    offer(event, `${kind}.${kind === 'amount' ? slug(value.what ?? value.unit) || what : what}`, value, m, local(view, m, event.modality), ownerRank(event, m));
  }
}

/**
 * The casualty a count is about, for casualty events: the verb before it ("killed
 * 78 people"), a toll phrase ("the death toll rose to 15"), the participle the
 * quantity stage kept ("At least 35 killed") or the outcome after it ("12 people
 * were killed", "at least 12 died"). Null when the count is not a casualty count.
 */
function casualtyWhat(before: string, after: string, value: QuantityValue, type: EventType): string | null {
  if (!CASUALTY_TYPES.has(type)) return null;
  const verb = CASUALTY_VERB.exec(before);
  if (verb) return casualtyAttribute(verb.groups!['verb']!) ?? (value.what ? slug(value.what) : 'exchanged');
  const toll = TOLL_BEFORE.exec(before);
  if (toll) return casualtyAttribute(toll.groups!['what'] ?? toll.groups!['whatOf'] ?? '');
  // The quantity stage keeps the participle of "At least 35 killed" as what was counted.
  if (value.what && CASUALTY_PARTICIPLE.test(value.what)) return casualtyAttribute(value.what);
  if (value.what && /^deaths?$/i.test(value.what)) return 'killed';
  if (value.what && /^(?:injuries|injury)$/i.test(value.what)) return 'injured';
  const outcome = CASUALTY_AFTER.exec(after);
  if (outcome) return casualtyAttribute(outcome.groups!['verb']!);
  return null;
}

