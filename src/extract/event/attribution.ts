/**
 * Attribution: who says what a sentence reports ("the Kremlin said", "according
 * to TASS", "Peskov told reporters", "X said in a statement").
 *
 * Returns a short canonical string: a person or organization mention's
 * canonical name when the speaker phrase contains one ("Kremlin Spokesman
 * Dmitry Peskov" → "Dmitry Peskov"), else the phrase without its determiner
 * ("a White House official" → "White House official"). Null when the outlet
 * speaks for itself.
 */
import type { Mention, Span } from '../../types.ts';
import { hasOnlyAsciiLetters, letterPattern, patternFor } from '../../segment/ascii-letters.ts';

export interface Attribution {
  name: string;
  /** Absolute span of the speaker phrase (so participants can leave it out). */
  span: Span;
}

const REPORTING_VERB =
  /\b(?:(?:also|later|earlier|previously|separately|then)\s+)?(?:said|says|told|tells|reported|reports|added|adds|stated|states|announced|confirmed|confirms|claimed|claims|noted|wrote|writes|posted|tweeted|insisted|stressed|explained|quoted|revealed|reveals|emphasized|emphasised|warned|argued|acknowledged|disclosed|suggested)\b/g;

/** Where a speaker phrase starts, looking backwards from its verb. */
const SUBJECT_BREAK = /[,;:“”"(\[—–]|\s-\s|\b(?:that|and|but|while|as|when|because|after|before|which|who)\s/gi;

const DETERMINER = /^(?:the|a|an|another|one|some|a\s+separate|separate)\s+/i;
const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|there|which|who|both|each|one)$/i;
const MAX_SUBJECT_WORDS = 8;

/** Words that may start a speaker phrase: a capital or a determiner ("a White House official"). */
function looksLikeSpeaker(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return false;
  if (words.length === 1 && PRONOUN.test(words[0]!)) return false;
  if (/\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do)\b/i.test(phrase)) return false;
  return /^[\p{Lu}\d]/u.test(phrase) || DETERMINER.test(phrase) || /^(?:officials?|spokes(?:man|woman|person)|sources?|aides?)\b/i.test(phrase);
}

/** The phrase (relative start/end) right before `at`, back to the last break. */
function phraseBefore(sentence: string, at: number): { start: number; end: number } {
  const head = sentence.slice(0, at);
  let start = 0;
  SUBJECT_BREAK.lastIndex = 0;
  for (let m = SUBJECT_BREAK.exec(head); m; m = SUBJECT_BREAK.exec(head)) start = m.index + m[0].length;
  let end = head.length;
  while (end > start && /\s/.test(head[end - 1]!)) end--;
  while (start < end && /\s/.test(head[start]!)) start++;
  return { start, end };
}

/** The speaker before a reporting verb, handling an appositive: "TASS, the Russia news agency, said". */
function subjectBefore(sentence: string, verbStart: number): { start: number; end: number } | null {
  // "Fars news agency has reported": drop the auxiliary before looking for the speaker.
  const head = sentence.slice(0, verbStart).trimEnd().replace(/\s+(?:has|have|had)(?:\s+(?:also|already))?$/i, '');
  if (head.endsWith(',')) {
    const appositive = phraseBefore(sentence, head.length - 1);
    const beforeAppositive = sentence.slice(0, appositive.start).trimEnd();
    if (beforeAppositive.endsWith(',')) {
      const headPhrase = phraseBefore(sentence, beforeAppositive.length - 1);
      if (looksLikeSpeaker(sentence.slice(headPhrase.start, headPhrase.end))) return headPhrase;
    }
    return looksLikeSpeaker(sentence.slice(appositive.start, appositive.end)) ? appositive : null;
  }
  const phrase = phraseBefore(sentence, head.length);
  return looksLikeSpeaker(sentence.slice(phrase.start, phrase.end)) ? phrase : null;
}

/** `…," said Joseph Webster, a senior fellow` */
const INVERTED = letterPattern(/[,”"]\s*(?:said|says|added|wrote)\s+(?<who>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})/gu);
const ACCORDING_TO = /\baccording\s+to\s+(?<who>[^,;:.!?“”"()]+?)(?=\s*(?:[,;:!?“”"()]|\.\s|\.$|$))/giu;

function canonical(sentence: string, offset: number, rel: { start: number; end: number }, entities: readonly Mention[]): Attribution | null {
  let start = rel.start;
  let end = rel.end;
  const det = DETERMINER.exec(sentence.slice(start, end));
  if (det) start += det[0].length;
  const trailing = /\s+(?:also|later|earlier|previously|separately|then)$/i.exec(sentence.slice(start, end));
  if (trailing) end -= trailing[0].length;
  const text = sentence.slice(start, end).replace(/\s+/g, ' ').trim();
  if (!text || text.split(' ').length > 8) return null;
  const span = { start: offset + rel.start, end: offset + rel.end };
  const inside = entities.filter((m) => m.start >= span.start && m.end <= span.end);
  const person = inside.find((m) => m.kind === 'person');
  if (person && typeof person.value === 'string') return { name: person.value, span };
  const exact = inside.find((m) => m.end - m.start === end - start && m.start === offset + start);
  if (exact && typeof exact.value === 'string') return { name: exact.value, span };
  return { name: text, span };
}

/**
 * The attribution of one sentence (`offset` = its absolute start), or null.
 * `entities` are the sentence's person/organization mentions.
 */
export function findAttribution(sentence: string, offset: number, entities: readonly Mention[] = []): Attribution | null {
  // Every "according to" match holds "according" in some case (no letter of it has a
  // non-ASCII case variant, even under /iu), so a sentence without it skips that regex's slow scan.
  if (mayHoldAccordingTo(sentence)) return fromAccordingTo(sentence, offset, entities) ?? fromReportingVerb(sentence, offset, entities);
  return fromReportingVerb(sentence, offset, entities);
}

/** Can ACCORDING_TO match the sentence? False only when it cannot. */
export function mayHoldAccordingTo(sentence: string): boolean {
  return ACCORDING.test(sentence);
}
const ACCORDING = /according/i;

function fromAccordingTo(sentence: string, offset: number, entities: readonly Mention[]): Attribution | null {
  for (const m of sentence.matchAll(ACCORDING_TO)) {
    const who = m.groups!['who']!;
    const start = m.index + m[0].length - who.length;
    // "According to the press secretary …, Dmitry Peskov, …": the appositive names the person.
    const appositive = /^\s*,\s*([^,;:]+?)\s*,/.exec(sentence.slice(m.index + m[0].length));
    if (appositive) {
      const aStart = m.index + m[0].length + appositive[0].indexOf(appositive[1]!);
      const aEnd = aStart + appositive[1]!.length;
      // The appositive must end with the person ("the press secretary, Dmitry Peskov,"), not merely
      // mention one ("According to CNN, the conversation between Putin and Trump, …").
      const people = entities.filter((e) => e.kind === 'person' && e.start >= offset + aStart && e.end <= offset + aEnd);
      if (people.length === 1 && people[0]!.end === offset + aEnd && !/\b(?:between|with|and)\b/i.test(appositive[1]!)) {
        const found = canonical(sentence, offset, { start: aStart, end: aEnd }, entities);
        if (found) return { name: found.name, span: { start: offset + start, end: offset + aEnd } };
      }
    }
    const found = canonical(sentence, offset, { start, end: start + who.trimEnd().length }, entities);
    if (found) return found;
  }
  return null;
}

/** The speaker before a reporting verb ("the Kremlin said"), else after an inverted one (`…," said Joseph Webster`). */
function fromReportingVerb(sentence: string, offset: number, entities: readonly Mention[]): Attribution | null {
  // exec loops rather than matchAll (which copies the regex per call): same matches, nothing
  // in the loops uses these two regexes, and lastIndex is reset before each scan.
  REPORTING_VERB.lastIndex = 0;
  for (let m = REPORTING_VERB.exec(sentence); m; m = REPORTING_VERB.exec(sentence)) {
    const subject = subjectBefore(sentence, m.index);
    if (subject) {
      const found = canonical(sentence, offset, subject, entities);
      if (found) return found;
    }
  }
  const inverted = patternFor(INVERTED, hasOnlyAsciiLetters(sentence));
  inverted.lastIndex = 0;
  for (let m = inverted.exec(sentence); m; m = inverted.exec(sentence)) {
    const who = m.groups!['who']!;
    const start = m.index + m[0].length - who.length;
    const found = canonical(sentence, offset, { start, end: start + who.length }, entities);
    if (found) return found;
  }
  return null;
}
