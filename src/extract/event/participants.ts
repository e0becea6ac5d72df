/**
 * Participants of an event mention: its actors.
 *
 * Kept simple on purpose:
 * 1. the person and organization mentions of the trigger's sentence, minus the
 *    speaker of the sentence ("…, Peskov told reporters" is not a participant),
 *    the reporting outlet, news media and platforms ("Axios described the call",
 *    "posted on Truth Social") and organizations naming a gathering ("the G20 summit");
 * 2. people first: when the sentence names a person among them, organizations are
 *    dropped ("The White House released a statement on the Trump Putin call" is a
 *    call between Trump and Putin); organizations and governments stand as
 *    participants only when no person does ("NATO and the EU met");
 * 3. when the sentence names fewer than two and refers to a group ("the two
 *    leaders", "the presidents", "both sides", "they/their"), the caller resolves
 *    the group (see index.ts: a close antecedent, else the article's primary pair).
 * Names are canonical (the mention's value), de-duplicated and sorted by code
 * unit so the order never depends on the locale.
 */
import { nlp } from '../entity/compromise-model.ts';
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

/**
 * News media, agencies and platforms: they report or carry events, they are not
 * parties to them. General list (wire services, major papers and broadcasters,
 * social platforms) plus name shapes ("… Times", "… News", "… Post").
 */
const MEDIA = new Set(
  `tass|ria novosti|interfax|sputnik|rt|russia today|reuters|thomson reuters|associated press|ap|afp|agence france-presse|
bloomberg|bbc|cnn|cbs|nbc|abc|abc news|cbs news|nbc news|cbc news|fox news|msnbc|al jazeera|axios|politico|
new york times|the new york times|washington post|the washington post|wall street journal|the wall street journal|
financial times|the guardian|guardian|the times|times|the economist|der spiegel|le monde|kommersant|izvestia|pravda|
xinhua|ukrinform|ukrainska pravda|kyiv independent|fars|irna|anadolu|yonhap|kyodo|truth social|x|twitter|facebook|
meta|telegram|youtube|instagram|tiktok`
    .split('|')
    .map((s) => s.trim()),
);
const SPEAKER_NOUN = /^\s*(?:officials?|spokes(?:man|woman|person|people)|aides?|sources?|press\s+(?:secretary|service|office)|representatives?|statement)\b/i;
const MEDIA_SHAPE = /\b(?:Times|News|Post|Journal|Herald|Gazette|Tribune|Telegraph|Press|Agency|Radio|TV|Television)$/;

/** Is this organization a news outlet or platform? */
export function isMedia(name: string): boolean {
  return MEDIA.has(name.toLowerCase()) || MEDIA_SHAPE.test(name);
}

/** Person/organization mentions of a sentence that are its actors (see the rules above). */
export function sentenceParticipants(entities: readonly Mention[], speaker: Span | null, context?: ParticipantContext): SentenceParticipants {
  const outlet = context?.outlet?.toLowerCase() ?? null;
  const candidates = entities.filter((m) => {
    if (!PARTICIPANT_KINDS.has(m.kind) || typeof m.value !== 'string' || inside(m, speaker)) return false;
    if (outlet && (m.value.toLowerCase() === outlet || m.text.toLowerCase() === outlet)) return false;
    if (m.kind === 'organization' && (isMedia(m.value) || isMedia(m.text))) return false;
    // "a White House official", "Kremlin spokesman": the organization describes a speaker.
    if (context && m.kind === 'organization' && SPEAKER_NOUN.test(context.sentence.slice(m.end - context.offset))) return false;
    if (context && m.kind === 'organization' && NAMES_GATHERING.test(context.sentence.slice(m.end - context.offset))) return false;
    return true;
  });
  const people = candidates.filter((m) => m.kind === 'person');
  const mentions = people.length > 0 ? people : candidates;
  return { names: sortedNames(mentions.map((m) => m.value as string)), mentions };
}

/** "the two leaders", "the presidents", "both sides", "they", "their": a group named earlier. */
const GROUP_REFERENCE =
  /\b(?:(?:the|both|these|those)\s+(?:two\s+)?(?:leaders|presidents|heads\s+of\s+state|sides|men|parties|countries['’]\s+leaders)|the\s+two(?!\s+countries)|they|their|them)\b/i;

/** The first group reference in the sentence (absolute span), or null. */
export function groupReference(sentence: string, offset: number): Span | null {
  const m = GROUP_REFERENCE.exec(sentence);
  return m ? { start: offset + m.index, end: offset + m.index + m[0].length } : null;
}

/** Sorted, de-duplicated canonical names. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

// ─── Names from title-case headlines ────────────────────────────────────────

/** A title-case line ("Chargers' Jamal Williams Arrested For DUI"): nearly every longer word capitalised. */
export function isTitleCase(sentence: string): boolean {
  if (!ASCII_ONLY.test(sentence)) return isTitleCaseUnicode(sentence);
  // ASCII text: the same words (\p{L} is [A-Za-z] there, and no "’") counted in one pass, no arrays.
  let long = 0;
  let capitalised = 0;
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    const first = sentence.charCodeAt(i);
    if (!isAsciiLetter(first)) {
      i++;
      continue;
    }
    const start = i++;
    for (let c = sentence.charCodeAt(i); i < n && (isAsciiLetter(c) || c === 0x27 || c === 0x2d); c = sentence.charCodeAt(++i));
    if (i - start > 3) {
      long++;
      if (first <= 0x5a) capitalised++;
    }
  }
  if (long < 3) return false;
  return capitalised / long >= 0.8;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// A module constant: tsx and esbuild turn a literal with \p{…} outside brackets into a `new RegExp` built on every call.
const WORD = /\p{L}[\p{L}'’-]*/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const LOWER_CASE_WORD = /(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu;

/** isTitleCase on any text (exported for the test that holds the ASCII pass to it). */
export function isTitleCaseUnicode(sentence: string): boolean {
  const long = (sentence.match(WORD) ?? []).filter((w) => w.length > 3);
  if (long.length < 3) return false;
  return long.filter((w) => STARTS_UPPER.test(w)).length / long.length >= 0.8;
}

/** A person name as read in one sentence: its canonical value, its text there, and whether the sentence is in title case. */
export interface NameSighting {
  name: string;
  text: string;
  inTitleCase: boolean;
}

/**
 * Person names read only from title-case headlines swallow their neighbours: "Jamal
 * Williams Arrested", "Fire Coach Jim", "Nominates Regina Benjamin". A name written out
 * in an ordinary sentence is confirmed and kept. Another one becomes the longest confirmed
 * name inside it ("Chargers Jamal Williams" → "Jamal Williams"); else its edge words
 * that the article also writes in lower case ("arrested", "fire", "coach") are trimmed,
 * as are verbs ("Arrested", "Fire", "Nominates"), and what is left becomes the one
 * confirmed name containing it ("Jim" → "Jim O'Brien"); a lone common word is dropped ("").
 */
export function headlineNameCleaner(sightings: readonly NameSighting[], articleText: string): (name: string) => string {
  // Confirmed: written out in full in ordinary prose (a bare "Jim" resolved to a longer canonical name confirms nothing).
  const confirmed = new Set(sightings.filter((s) => !s.inTitleCase && s.text.replace(/\s+/g, ' ') === s.name).map((s) => s.name));
  const suspect = new Set(sightings.filter((s) => s.inTitleCase && !confirmed.has(s.name)).map((s) => s.name));
  if (suspect.size === 0) return (name) => name;
  const lowerWords = new Set((articleText.match(LOWER_CASE_WORD) ?? []).map((w) => w.toLowerCase()));
  const confirmedTokens = [...confirmed].map((name) => ({ name, tokens: name.split(/\s+/) })).sort((a, b) => b.tokens.length - a.tokens.length || (a.name < b.name ? -1 : 1));
  const memo = new Map<string, string>();
  return (name) => {
    if (!suspect.has(name)) return name;
    let out = memo.get(name);
    if (out !== undefined) return out;
    const tokens = name.split(/\s+/);
    const inside = confirmedTokens.find((c) => c.tokens.length < tokens.length && containsRun(tokens, c.tokens));
    if (inside) out = inside.name;
    else {
      let [from, to] = [0, tokens.length];
      const common = (w: string): boolean => lowerWords.has(w.toLowerCase()) || isPlainVerb(w);
      while (to - from > 1 && common(tokens[to - 1]!)) to--;
      while (to - from > 1 && common(tokens[from]!)) from++;
      const trimmed = tokens.slice(from, to);
      const wider = confirmedTokens.filter((c) => containsRun(c.tokens, trimmed));
      // A lone leftover that is itself a common word ("Name" in "to Name Dr. …") names nobody.
      out = wider.length === 1 ? wider[0]!.name : trimmed.length === 1 && common(trimmed[0]!) ? '' : trimmed.join(' ');
    }
    memo.set(name, out);
    return out;
  };
}

const verbMemo = new Map<string, boolean>();
/** A word compromise reads as a verb and not as a name ("Arrested", "Fire", "Nominates"; not "Jim"). */
function isPlainVerb(word: string): boolean {
  const key = word.toLowerCase();
  let verb = verbMemo.get(key);
  if (verb === undefined) {
    const doc = nlp(key);
    verb = doc.has('#Verb') && !doc.has('#Person') && !doc.has('#ProperNoun');
    verbMemo.set(key, verb);
  }
  return verb;
}

/** Does `tokens` contain `run` as consecutive tokens? */
function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0 || run.length > tokens.length) return false;
  for (let i = 0; i + run.length <= tokens.length; i++) if (run.every((t, k) => tokens[i + k] === t)) return true;
  return false;
}
