/**
 * Anchoring an event mention in time and place from its sentence's mentions.
 *
 * Time: the date/time mention closest to the trigger, preferring one that is
 * syntactically linked to it ("call on X", "took place on X", "the July 16
 * summit"): a linked candidate beats any unlinked one.
 * Place: a place mention introduced by "in/at/near" ("in Helsinki"), unless the
 * preposition hangs off an abstract noun ("the situation in Ukraine").
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

/** The place mention where the event happened, or null. */
export function pickPlace(sentence: string, offset: number, trigger: Span, candidates: readonly Mention[]): Mention | null {
  let best: { m: Mention; score: number } | null = null;
  for (const m of candidates) {
    if (m.kind !== 'place' || typeof m.value !== 'string' || !isLocative(sentence, offset, m)) continue;
    const score = distance(trigger, m);
    if (!best || score < best.score) best = { m, score };
  }
  return best?.m ?? null;
}
