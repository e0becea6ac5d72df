/**
 * Modality: did it happen (actual), is it planned, denied/cancelled (negated) or
 * only possible (hypothetical)?
 *
 * Two scopes, both local so one sentence can hold several modalities:
 * - an event's modality comes from cues in its own clause: auxiliaries and
 *   verbs before the trigger ("will hold … conversation", "agreed to meet",
 *   "canceled the meeting") and the predicate right after it ("A telephone
 *   discussion will take place", "the meeting was canceled");
 * - a value's modality comes from the words directly governing it ("Instead of
 *   the planned 30-45 minutes" → planned; "lasted 2 hours and 15 minutes" →
 *   actual), falling back to its event's.
 *
 * Offsets here are relative to the sentence string passed in.
 */
import type { Modality } from '../../types.ts';
import { hasOnlyAsciiLetters, letterPattern, patternFor, type LetterPattern } from '../../segment/ascii-letters.ts';

/** Where a clause starts, looking backwards: punctuation and subordinators. */
const CLAUSE_BREAK =
  /[,;:()“”"—–\[\]]|\s-\s|\b(?:but|however|after|before|because|when|while|which|who|whom|whose|whether|how|what|why|where|although|though|since|until|unless|that|then)\b/gi;

/** The clause text before `at`, limited to `maxWords` words. */
export function clauseBefore(sentence: string, at: number, maxWords = 20): string {
  const head = sentence.slice(0, at);
  let start = 0;
  // An exec loop (matchAll copies the regex per call); no match is empty.
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(head); m; m = CLAUSE_BREAK.exec(head)) start = m.index + m[0].length;
  const clause = head.slice(start);
  const words = clause.split(/(?=\s)/);
  return words.length > maxWords ? words.slice(-maxWords).join('') : clause;
}

/** The clause text after `at`, up to the next punctuation break, limited to `maxWords`. */
export function clauseAfter(sentence: string, at: number, maxWords = 10): string {
  const tail = sentence.slice(at);
  const stop = /[;:()“”"—–\[\]]|,(?!\d)/.exec(tail);
  const clause = stop ? tail.slice(0, stop.index) : tail;
  const words = clause.split(/(?=\s)/);
  return words.length > maxWords ? words.slice(0, maxWords).join('') : clause;
}

interface Cue {
  modality: Modality;
  pattern: RegExp;
}

/** A cue read through letterPattern (its /iu letter classes cut to ASCII where the text allows). */
interface LetterCue {
  modality: Modality;
  pattern: LetterPattern;
}

/** Negation counts only close to the trigger (a few words), where it scopes over it. */
const NEAR_NEGATION = /\b(?:not|never|no|without|absence\s+of|lack\s+of|neither|nor)\b|n['’]t\b/i;
const NEAR_NEGATION_WORDS = 6;

/** Cues anywhere in the clause before the trigger. */
const BEFORE_CUES: readonly Cue[] = [
  { modality: 'negated', pattern: /\b(?:cancel(?:ed|led|s|ing)?|call(?:ed|s|ing)?\s+off|postpon(?:e|ed|es|ing)|scrap(?:ped|s)?|refused\s+to|declined\s+to|failed\s+to|ruled\s+out|denied)\b/gi },
  { modality: 'hypothetical', pattern: /\b(?:could|may|might|if|possible|possibly|potential|potentially|hypothetical)\b/gi },
  {
    modality: 'planned',
    pattern:
      /\b(?:will|shall|would|expected\s+to|expects?\s+to|scheduled|planned|plans?\s+to|planning\s+to|intends?\s+to|intended\s+to|set\s+to|(?:is|are|was|were)\s+(?:due\s+)?to|going\s+to|agreed\s+to|agree\s+to|upcoming|proposed|forthcoming|future|ready\s+to|prepared\s+to)\b|['’]ll\b/gi,
  },
];

/** Predicates right after the trigger that say what became of the event itself. */
const AFTER_CUES: readonly LetterCue[] = [
  {
    modality: 'negated',
    pattern: letterPattern(
      /^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:(?:was|were|has\s+been|had\s+been|is|are)\s+(?:canceled|cancelled|called\s+off|postponed|scrapped|not\s+held|never\s+held)|(?:did\s+not|didn['’]t|never)\s+(?:take\s+place|happen|occur)|(?:was|were)\s+not\s+possible)\b/iu,
    ),
  },
  {
    modality: 'hypothetical',
    pattern: letterPattern(/^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:could|may|might|would)\s+(?:take\s+place|be\s+held|happen|occur|mark|be|signal|represent)\b/iu),
  },
  {
    modality: 'planned',
    pattern: letterPattern(
      /^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:will|is\s+to|are\s+to|was\s+to|were\s+to|(?:is|are|was|were)\s+(?:expected|scheduled|set|due|planned)\s+to)\s+(?:take\s+place|be\s+held|happen|occur|start|begin|last|go\s+ahead|resume|be)\b|^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|was|are|were|has\s+been|had\s+been)\s+)?(?:scheduled|planned|set|slated|due|expected)\s+(?:for|on|at|to)\b/iu,
    ),
  },
];

/** Verb triggers in the infinitive ("to meet", "to swap") are not (yet) actual. */
const INFINITIVE_BEFORE = /\bto\s*$/i;

/** The modality of the event whose trigger spans [start, end) of `sentence`. */
export function eventModality(sentence: string, start: number, end: number): Modality {
  const after = clauseAfter(sentence, end);
  const asciiLetters = hasOnlyAsciiLetters(sentence);
  for (const cue of AFTER_CUES) if (cue.modality === 'negated' && patternFor(cue.pattern, asciiLetters).test(after)) return 'negated';

  const before = clauseBefore(sentence, start);
  const nearWords = before.split(/\s+/).filter(Boolean).slice(-NEAR_NEGATION_WORDS).join(' ');
  if (NEAR_NEGATION.test(nearWords)) return 'negated';

  // Negating verbs scope over a near object ("Trump canceled the meeting"); otherwise the cue nearest the trigger wins.
  let best: { modality: Modality; distance: number } | null = null;
  for (const cue of BEFORE_CUES) {
    const scope = cue.modality === 'negated' ? nearWords : before;
    cue.pattern.lastIndex = 0;
    for (let m = cue.pattern.exec(scope); m; m = cue.pattern.exec(scope)) {
      if (cue.modality === 'negated') return 'negated';
      const distance = before.length - (m.index + m[0].length);
      if (!best || distance < best.distance) best = { modality: cue.modality, distance };
    }
  }
  for (const cue of AFTER_CUES) if (patternFor(cue.pattern, asciiLetters).test(after)) return cue.modality;
  if (best) return best.modality;
  if (INFINITIVE_BEFORE.test(before) && /^(?:meet|sign|swap|strike|attack|arrest|detain|exchange|talk)/i.test(sentence.slice(start, end))) return 'planned';
  return 'actual';
}

/** Words directly governing a value that make it planned or hypothetical. */
const VALUE_PLANNED =
  /\b(?:planned|scheduled|expected|slated|set|due|intended|supposed)(?:\s+(?:to\s+(?:last|start|begin|end|take)|for|at|on|around|about))*\s+(?:(?:the|an?|about|around|roughly|some|approximately|for)\s+)*$/i;
const VALUE_HYPOTHETICAL = /\b(?:could|may|might|would)\s+(?:last|take|start|begin|end)\s+(?:(?:for|at|about|around|up\s+to)\s+)*$/i;
/** Past-tense verbs of what happened: a value they govern is actual even in a planned event's sentence. */
const VALUE_ACTUAL =
  /\b(?:lasted|started|began|ended|finished|concluded|took|went\s+on)\s+(?:(?:at|for|about|around|shortly|after|before|some|roughly|approximately|nearly|almost|over|just)\s+)*$/i;

/**
 * The modality of a value starting at `start` in `sentence`: its own governing
 * words if they say so, else the event's modality.
 */
export function valueModality(sentence: string, start: number, fallback: Modality): Modality {
  const before = clauseBefore(sentence, start, 6);
  if (VALUE_PLANNED.test(before)) return 'planned';
  if (VALUE_HYPOTHETICAL.test(before)) return 'hypothetical';
  if (VALUE_ACTUAL.test(before) && fallback === 'planned') return 'actual';
  return fallback;
}
