/**
 * Anchoring an event mention in time and place from its sentence's mentions.
 *
 * Time: the date/time mention closest to the trigger, preferring one that is
 * syntactically linked to it ("call on X", "took place on X", "the July 16
 * summit"): a linked candidate beats any unlinked one.
 * Place: the venue — a place mention introduced by "in/at/near" ("in Helsinki"),
 * unless the preposition hangs off an abstract noun ("the situation in Ukraine"),
 * and attached to the trigger: few words between them and no other clause
 * ("to end military action in Ukraine", "caused alarm in Kyiv" are topics).
 * Offsets of spans are absolute; `sentence` is the sentence text, `offset` its start.
 */
import type { Mention, Span } from '../../types.ts';

/** Text between the trigger and a later time mention that links them: "… held on", "… took place on". */
const LINK_AFTER = /^(?:[\s,]+[\p{L}\p{N}'’-]+){0,5}?[\s,]*\b(?:on|in|at|of|since|from|during|dated|until|for)\s+(?:(?:about|around|approximately|roughly|early|late|mid)\s+)?$/iu;
/** A time right before the trigger: "Tuesday's call", "the July 16 summit", "On May 3, …". */
const LINK_BEFORE = /^(?:['’]s)?\s*(?:[\p{L}-]+\s+){0,2}$/u;

function distance(trigger: Span, m: Span): number {
  return m.start >= trigger.end ? m.start - trigger.end : Math.max(0, trigger.start - m.end);
}

/** Is the time mention `m` syntactically linked to the trigger? */
export function isLinkedTime(sentence: string, offset: number, trigger: Span, m: Span): boolean {
  if (m.start >= trigger.end) return LINK_AFTER.test(sentence.slice(trigger.end - offset, m.start - offset));
  if (m.end <= trigger.start) {
    const between = sentence.slice(m.end - offset, trigger.start - offset);
    if (LINK_BEFORE.test(between)) return true;
    // Sentence-initial "On May 3, 2019, …" governs the whole clause.
    return /^\s*(?:on|in|at|since|during)\s+$/i.test(sentence.slice(0, m.start - offset));
  }
  return false;
}

/** The time mention that dates the event, or null. */
export function pickTime(sentence: string, offset: number, trigger: Span, candidates: readonly Mention[]): Mention | null {
  let best: { m: Mention; score: number } | null = null;
  for (const m of candidates) {
    if ((m.kind !== 'date' && m.kind !== 'time') || !m.time) continue;
    const score = distance(trigger, m) - (isLinkedTime(sentence, offset, trigger, m) ? 1_000_000 : 0);
    if (!best || score < best.score) best = { m, score };
  }
  return best?.m ?? null;
}

/** Nouns whose "in X" is not where the event took place. */
const ABSTRACT_HEADS = new Set([
  'situation', 'crisis', 'war', 'conflict', 'settlement', 'peace', 'invasion', 'interference', 'election',
  'elections', 'operation', 'operations', 'support', 'interests', 'sanctions', 'troops', 'forces', 'relations',
  'policy', 'aid', 'investment', 'fate', 'integration', 'role', 'presence', 'influence', 'stake', 'withdrawal',
  'problem', 'issue', 'issues', 'events', 'developments', 'people', 'residents', 'citizens', 'victims',
  'ambassador', 'embassy', 'interest', 'involvement', 'meddling', 'hostilities', 'fighting', 'ceasefire',
  'truce', 'stability', 'security', 'leverage', 'sites', 'bases', 'infrastructure', 'warfare', 'wars',
]);

const PLACE_PREPOSITION = /(?:^|\s)(?<head>[\p{L}'’-]+)?\s*\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/iu;

/** Is the place mention `m` introduced as a location ("in Helsinki")? */
export function isLocative(sentence: string, offset: number, m: Span): boolean {
  const before = sentence.slice(0, m.start - offset);
  const prep = PLACE_PREPOSITION.exec(before);
  if (!prep) return false;
  const head = prep.groups?.['head']?.toLowerCase();
  return !head || !ABSTRACT_HEADS.has(head);
}

/** Words that open another clause or a topic: a place after them is not the event's venue. */
const CLAUSE_BREAK = /[;:()“”"]|\b(?:to|that|which|who|whom|whose|because|while|after|before|since|about|regarding|over|against|if|when|where|whether|but|so|caused|causing|sparked|prompted|said|says|told)\b/i;
/** How many words may separate the trigger from its venue ("met for the third time on July 16, 2018, in Helsinki"). */
const MAX_VENUE_GAP_WORDS = 10;

/**
 * Is the place phrase attached to the event? The words between the trigger and
 * the place's preposition (or between the place and a later trigger: "In Helsinki,
 * the two met") must be few and open no other clause: "negotiations to end
 * military action in Ukraine", "talks … have caused alarm in Kyiv" name topics.
 */
export function isVenue(sentence: string, offset: number, trigger: Span, m: Span): boolean {
  let between: string;
  if (m.start >= trigger.end) {
    const before = sentence.slice(trigger.end - offset, m.start - offset);
    between = before.replace(/\s*\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i, '');
  } else if (m.end <= trigger.start) {
    between = sentence.slice(m.end - offset, trigger.start - offset);
  } else return false;
  // A relative clause on the event noun still describes it: "strikes that killed 78 people … in Iran".
  if (m.start >= trigger.end) between = between.replace(/^\s*(?:that|which)\s/i, ' ');
  if (CLAUSE_BREAK.test(between)) return false;
  return (between.match(/[\p{L}\p{N}]+/gu) ?? []).length <= MAX_VENUE_GAP_WORDS;
}

/** The place mention where the event happened (its venue), or null. */
export function pickPlace(sentence: string, offset: number, trigger: Span, candidates: readonly Mention[]): Mention | null {
  let best: { m: Mention; score: number } | null = null;
  for (const m of candidates) {
    if (m.kind !== 'place' || typeof m.value !== 'string' || !isLocative(sentence, offset, m) || !isVenue(sentence, offset, trigger, m)) continue;
    const score = distance(trigger, m);
    if (!best || score < best.score) best = { m, score };
  }
  return best?.m ?? null;
}
