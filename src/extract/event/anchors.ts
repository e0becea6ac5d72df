/**
 * Anchoring an event mention in time and place from its sentence's mentions.
 *
 * Time: a date/time mention syntactically linked to the trigger ("call on X",
 * "took place on X", "the July 16 summit") beats any other; else the closest one
 * in the trigger's own clause. A date across a clause boundary dates another event
 * ("fire O'Brien, who was hired on April 21, 2004"; "the award in 1998, and was
 * elected"), and so does a later one after another passive predicate ("when Williams
 * was arrested were released Wednesday"): the mention stays undated rather than take
 * it. A byline date ("posted in Accidents on Friday, September 20, 2013") dates the
 * page, never an event (ECB+ dev 84.3 → 84.9).
 * Place: the venue — a place mention introduced by "in/at/near" ("in Helsinki"),
 * unless the preposition hangs off an abstract noun ("the situation in Ukraine"),
 * and attached to the trigger: few words between them and no other clause
 * ("to end military action in Ukraine", "caused alarm in Kyiv" are topics).
 * Offsets of spans are absolute; `sentence` is the sentence text, `offset` its start.
 */
import type { Mention, Span } from '../../types.ts';
import { hasOnlyAsciiLetters, letterPattern, patternFor } from '../../segment/ascii-letters.ts';

/** Text between the trigger and a later time mention that links them: "… held on", "… took place on". */
const LINK_AFTER = letterPattern(/^(?:[\s,]+[\p{L}\p{N}'’-]+){0,5}?[\s,]*\b(?:on|in|at|of|since|from|during|dated|until|for)\s+(?:(?:about|around|approximately|roughly|early|late|mid)\s+)?$/iu);
/** A time right before the trigger: "Tuesday's call", "the July 16 summit", "On May 3, …". */
const LINK_BEFORE = letterPattern(/^(?:['’]s)?\s*(?:[\p{L}-]+\s+){0,2}$/u);

function distance(trigger: Span, m: Span): number {
  return m.start >= trigger.end ? m.start - trigger.end : Math.max(0, trigger.start - m.end);
}

/** Is the time mention `m` syntactically linked to the trigger? */
export function isLinkedTime(sentence: string, offset: number, trigger: Span, m: Span): boolean {
  if (m.start >= trigger.end) return patternFor(LINK_AFTER, hasOnlyAsciiLetters(sentence)).test(sentence.slice(trigger.end - offset, m.start - offset));
  if (m.end <= trigger.start) {
    const between = sentence.slice(m.end - offset, trigger.start - offset);
    if (patternFor(LINK_BEFORE, hasOnlyAsciiLetters(sentence)).test(between)) return true;
    // Sentence-initial "On May 3, 2019, …" governs the whole clause.
    return /^\s*(?:on|in|at|since|during)\s+$/i.test(sentence.slice(0, m.start - offset));
  }
  return false;
}

/** Words and marks that open another clause between a trigger and a time: its date is another event's. */
const TIME_CLAUSE_BREAK =
  /[;:()“”"]|,\s*(?:and|but|or|who|which|when|where|while|after|before|since|as|making|including)\b|\b(?:who|whom|whose|because|while|after|before|since|when|where|whether|although|though|until|said|says|told|recalled|following)\b/i;
/** A word, as the gap limits count them. */
const WORD = letterPattern(/[\p{L}\p{N}]+/gu);

const OTHER_PREDICATE = letterPattern(/\b(?:was|were|is|are|been)\s+(?:\p{L}+ly\s+)?\p{L}+ed\b/iu);
/** Passives that say when an event noun happens ("the summit was held", "talks were scheduled"), not when it was reported. */
const OWN_PASSIVE = letterPattern(/\b(?:was|were|is|are|been)\s+(?:\p{L}+ly\s+)?(?:held|scheduled|rescheduled|planned|slated|staged|conducted|postponed|delayed|moved)\b/iu);

// A module constant: tsx and esbuild turn a literal with \p{…} outside brackets into a `new RegExp` built on every call.
const PAST_FORM = letterPattern(/\p{L}{2,}ed$/iu);

/** A trigger written as a noun ("talks", "summit"), not as a past verb or participle ("arrested", "killed"). */
function isNounTrigger(sentence: string, offset: number, trigger: Span): boolean {
  return !patternFor(PAST_FORM, hasOnlyAsciiLetters(sentence)).test(sentence.slice(trigger.start - offset, trigger.end - offset));
}
/** How many words may separate a trigger from an unlinked time in the same clause. */
const MAX_TIME_GAP_WORDS = 12;

/**
 * Is the time mention `m` in the trigger's own clause? Nothing between them opens
 * another clause ("fire O'Brien, who … was hired on April 21, 2004"; "received the
 * award in 1998, and was elected") and they are close. A relative clause on the event
 * noun still describes it ("a shooting that killed two on Tuesday").
 */
export function isSameClauseTime(sentence: string, offset: number, trigger: Span, m: Span): boolean {
  let between: string;
  if (m.start >= trigger.end) between = sentence.slice(trigger.end - offset, m.start - offset).replace(/^\s*(?:that|which)\s/i, ' ');
  else if (m.end <= trigger.start) between = sentence.slice(m.end - offset, trigger.start - offset);
  else return true;
  if (TIME_CLAUSE_BREAK.test(between)) return false;
  const asciiLetters = hasOnlyAsciiLetters(sentence);
  // A later time after another passive predicate is that predicate's: "arrested … were released Wednesday",
  // "his death was confirmed Wednesday". Not a noun trigger's own passive: "the talks were scheduled Friday".
  if (
    m.start >= trigger.end &&
    patternFor(OTHER_PREDICATE, asciiLetters).test(between) &&
    !(isNounTrigger(sentence, offset, trigger) && patternFor(OWN_PASSIVE, asciiLetters).test(between))
  ) {
    return false;
  }
  return (between.match(patternFor(WORD, asciiLetters)) ?? []).length <= MAX_TIME_GAP_WORDS;
}

/**
 * "This entry was posted in Hit and Run Accidents on Friday, September 20, 2013",
 * "Posted by Jane Roe on May 3", "On behalf of Roe & Doe, LLP. posted in Accidents on
 * Friday, …", "Updated: Nov. 11": the byline dates the page, not an
 * event the sentence names. The byline word must open the sentence (or follow a `|`,
 * `•` or dash) and only a section, an author and "on/at" may stand before the date:
 * "Apple filed a lawsuit on Friday" and "the ministry published its findings on
 * Tuesday" are events.
 */
const BYLINE_BEFORE =
  /(?:^|[|•—–]\s*)(?:(?:this|the)\s+(?:entry|article|story|post|item)\s+was\s+|(?:by|on\s+behalf\s+of)\s+[^;!?|]{1,60}?\s+)?(?:last\s+)?(?:posted|published|updated|filed|modified|written)\b(?:\s+(?:in|under|by)\s+[^.;!?|]{1,60}?)*\s*(?:on|at)?\s*:?\s*$/i;

export function isBylineTime(sentence: string, offset: number, m: Span): boolean {
  return BYLINE_BEFORE.test(sentence.slice(0, m.start - offset));
}

/**
 * The time mention that dates the event, or null: a linked one ("call on X", "X's
 * call") first, else the closest one in the trigger's own clause. A date elsewhere in
 * the sentence belongs to another event ("…, the first since his 2004 arrest").
 */
export function pickTime(sentence: string, offset: number, trigger: Span, candidates: readonly Mention[]): Mention | null {
  let best: { m: Mention; score: number } | null = null;
  for (const m of candidates) {
    if ((m.kind !== 'date' && m.kind !== 'time') || !m.time) continue;
    if (isBylineTime(sentence, offset, m)) continue;
    const linked = isLinkedTime(sentence, offset, trigger, m);
    if (!linked && !isSameClauseTime(sentence, offset, trigger, m)) continue;
    const score = distance(trigger, m) - (linked ? 1_000_000 : 0);
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

const PLACE_PREPOSITION = letterPattern(/(?:^|\s)(?<head>[\p{L}'’-]+)?\s*\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/iu);

/** Is the place mention `m` introduced as a location ("in Helsinki")? */
export function isLocative(sentence: string, offset: number, m: Span): boolean {
  const before = sentence.slice(0, m.start - offset);
  const prep = patternFor(PLACE_PREPOSITION, hasOnlyAsciiLetters(sentence)).exec(before);
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
  return (between.match(patternFor(WORD, hasOnlyAsciiLetters(sentence))) ?? []).length <= MAX_VENUE_GAP_WORDS;
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
