/**
 * Participants of an event mention.
 *
 * Kept simple on purpose:
 * 1. the person and organization mentions of the trigger's sentence, minus the
 *    speaker of the sentence ("…, Peskov told reporters" is not a participant);
 * 2. when the sentence names fewer than two and refers to a group ("the two
 *    leaders", "the presidents", "both sides", "they/their"), the participants
 *    of the article's most recent event mention of the same kind within a few
 *    sentences are added (resolution is done by the caller, see index.ts).
 * Names are canonical (the mention's value), de-duplicated and sorted by code
 * unit so the order never depends on the locale.
 */
import type { Mention, Span } from '../../types.ts';

export interface SentenceParticipants {
  names: string[];
  /** The mentions that named them, in text order. */
  mentions: Mention[];
}

const PARTICIPANT_KINDS = new Set(['person', 'organization']);

function inside(m: Span, span: Span | null): boolean {
  return span !== null && m.start >= span.start && m.end <= span.end;
}

export interface ParticipantContext {
  /** The sentence text and its absolute start, to look at the words after a mention. */
  sentence: string;
  offset: number;
  /** The reporting outlet ("TASS" in a TASS dateline is not a participant). */
  outlet: string | null;
}

/** "the G20 summit", "the APEC meeting": an organization naming the gathering, not a party to it. */
const NAMES_GATHERING = /^\s*(?:summit|meeting|conference|forum|talks)\b/i;

/** Person/organization mentions of a sentence that are not its speaker, its outlet or a gathering's name. */
export function sentenceParticipants(entities: readonly Mention[], speaker: Span | null, context?: ParticipantContext): SentenceParticipants {
  const outlet = context?.outlet?.toLowerCase() ?? null;
  const mentions = entities.filter((m) => {
    if (!PARTICIPANT_KINDS.has(m.kind) || typeof m.value !== 'string' || inside(m, speaker)) return false;
    if (outlet && (m.value.toLowerCase() === outlet || m.text.toLowerCase() === outlet)) return false;
    if (context && m.kind === 'organization' && NAMES_GATHERING.test(context.sentence.slice(m.end - context.offset))) return false;
    return true;
  });
  return { names: sortedNames(mentions.map((m) => m.value as string)), mentions };
}

/** "the two leaders", "the presidents", "both sides", "they", "their": a group named earlier. */
const GROUP_REFERENCE =
  /\b(?:(?:the|both|these|those)\s+(?:two\s+)?(?:leaders|presidents|heads\s+of\s+state|sides|men|parties|countries['’]\s+leaders)|the\s+two(?!\s+countries)|they|their|them)\b/gi;

/** The first group reference in the sentence (absolute span), or null. */
export function groupReference(sentence: string, offset: number): Span | null {
  const m = new RegExp(GROUP_REFERENCE.source, 'i').exec(sentence);
  return m ? { start: offset + m.index, end: offset + m.index + m[0].length } : null;
}

/** Sorted, de-duplicated canonical names. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}
