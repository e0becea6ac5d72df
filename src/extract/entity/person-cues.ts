/**
 * Whether compromise could possibly tag a word of some text as a person, decided
 * from its own data without running it, so that windows where it cannot are not
 * sent to it (on the benchmark corpus 63% of the windows; the verdicts stay the same).
 *
 * Before its post-tagger, a word carries a person tag only from compromise's lexicon
 * (names, titles, words like "Jordan" that may be a name), a multi-word lexicon entry
 * ("doctor who"), its last-name guesses from the ending ("-enko", "-opoulos") or a
 * neighbour rule (after an Honorific). Its post-tagger finds all matches against those
 * tags and only then applies them, and each person pattern needs a word with a person
 * tag or a literal word of its own ("sister", "captain", "al", "de", an initial,
 * capitalized "Will"). So a window with none of these words gets no person tag: its
 * vote is no. The cues are read from compromise's patterns and models when first
 * needed; anything not shaped as expected means "ask".
 */
import { PERSON_TAGS, lexiconMayBePerson, tagsPerson, world } from './compromise-model.ts';

/** One element of a parsed compromise match pattern (the fields read here). */
interface MatchToken {
  tag?: string;
  word?: string;
  switch?: string;
  method?: string;
  fastOr?: Set<string>;
  choices?: MatchToken[][];
  operator?: string;
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  root?: string;
}

/** Words a pattern element must be; `titleCase`: only when capitalized ("Will"). */
interface WordNeed {
  words: Set<string>;
  titleCase: boolean;
}
type Need = 'person-tag' | WordNeed | null;

/**
 * What a pattern needs before it can tag anyone: 'person-tag' when one of its elements
 * is a person tag (then the word carrying it is the cue), else the words its first
 * required literal element can be, or null when no element names either (then no
 * window can be ruled out).
 */
function patternNeeds(tokens: readonly MatchToken[]): Need {
  let words: WordNeed | null = null;
  for (const t of tokens) {
    if (t.optional) continue;
    const need = tokenNeeds(t);
    if (need === 'person-tag') return need;
    words ??= need;
  }
  return words;
}

function tokenNeeds(t: MatchToken): Need {
  if (t.negative || t.fuzzy || t.root !== undefined) return null; // needs nothing, or words spelt otherwise
  if (t.tag !== undefined) return PERSON_TAGS.has(t.tag) ? 'person-tag' : null;
  if (t.switch !== undefined) return t.switch.split('|').includes('Person') ? 'person-tag' : null;
  if (t.word !== undefined) return { words: new Set([t.word]), titleCase: false };
  if (t.fastOr instanceof Set) return { words: new Set(t.fastOr), titleCase: false };
  if (!Array.isArray(t.choices)) return null;
  const needs = t.choices.map(patternNeeds);
  if (t.operator === 'and') {
    const need = needs.find((n) => n !== null) ?? null;
    const titleCase = t.choices.some((c) => c.length === 1 && c[0]!.method === 'isTitleCase');
    return need && need !== 'person-tag' && titleCase ? { ...need, titleCase } : need;
  }
  // 'or': each alternative needs something, all of them a person tag or all words
  if (needs.some((n) => n === null)) return null;
  if (needs.every((n) => n === 'person-tag')) return 'person-tag';
  if (needs.some((n) => n === 'person-tag')) return null;
  const wordNeeds = needs as WordNeed[];
  return { words: new Set(wordNeeds.flatMap((n) => [...n.words])), titleCase: wordNeeds.every((n) => n.titleCase) };
}

interface PersonCues {
  /** Words that bring a person pattern or neighbour rule in reach without any person tag → only when capitalized. */
  patternWords: Map<string, boolean>;
  /** Multi-word lexicon people ("doctor who", "bill gates"), by first word. */
  phrases: Map<string, string[][]>;
  /** Word endings and beginnings its guesser tags as a name, by length ("enko", "opoulos"). */
  suffixes: { length: number; names: Set<string> }[];
  prefixes: { length: number; names: Set<string> }[];
  /** Patterns of the same guesser ("-ovich", "mc'…"). */
  regexes: RegExp[];
}

/** From an affix table (index = affix length): the affixes that mean a name. */
const nameAffixes = (tables: readonly (Record<string, string> | null)[] = []): { length: number; names: Set<string> }[] =>
  tables.flatMap((table, length) => {
    const names = new Set(Object.keys(table ?? {}).filter((affix) => tagsPerson(table![affix])));
    return names.size > 0 ? [{ length, names }] : [];
  });

/** The cues, read from compromise's own patterns and models; null when they are not shaped as expected. */
function personCues(): PersonCues | null {
  const internals = world();
  const model = internals?.model;
  const parseMatch = internals?.methods?.one?.parseMatch;
  if (!model?.one?.lexicon || !model.two?.switches || !Array.isArray(model.two.matches)) return null;
  if (typeof parseMatch !== 'function' || typeof internals!.methods.one.killUnicode !== 'function') return null;
  const patternWords = new Map<string, boolean>();
  const addWords = (need: WordNeed): void => {
    for (const w of need.words) patternWords.set(w, (patternWords.get(w) ?? true) && need.titleCase);
  };
  for (const m of model.two.matches) {
    if (!tagsPerson(m.tag)) continue; // only removes a person tag
    if (typeof m.match !== 'string') return null;
    const need = patternNeeds(parseMatch(m.match, {}, internals!) as MatchToken[]);
    if (need === null) return null;
    if (need !== 'person-tag') addWords(need);
  }
  // Neighbour guesses ("dr. Smith": after an Honorific, a Person): by a tag, it must be a person tag.
  for (const [kind, rules] of Object.entries(model.two.neighbours ?? {})) {
    for (const [clue, tag] of rules) {
      if (!tagsPerson(tag)) continue;
      if (kind.endsWith('Words')) addWords({ words: new Set([clue]), titleCase: false });
      else if (!PERSON_TAGS.has(clue)) return null;
    }
  }
  const phrases = new Map<string, string[][]>();
  for (const lexicon of [model.one.lexicon, model.one.frozenLex ?? {}]) {
    for (const key in lexicon) {
      if (!key.includes(' ') || !tagsPerson(lexicon[key])) continue;
      const words = key.split(' ');
      phrases.set(words[0]!, [...(phrases.get(words[0]!) ?? []), words]);
    }
  }
  const regexes = [...Object.values(model.two.endsWith ?? {}).flat(), ...(model.two.regexNormal ?? [])].filter(([, tag]) => tagsPerson(tag)).map(([re]) => re);
  return { patternWords, phrases, suffixes: nameAffixes(model.two.suffixPatterns), prefixes: nameAffixes(model.two.prefixPatterns), regexes };
}

let cues: PersonCues | null | undefined;

// Words as compromise splits them: dotted acronyms ("U.S.") whole, hyphenated words apart.
const CUE_WORD = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const ASCII_WORD = /^[\x20-\x7e]*$/;

/** A word as compromise looks it up: lowercased, transliterated, dots ("U.S."), a "+" and a possessive dropped. */
function cueKey(word: string): string {
  let key = word.toLowerCase();
  if (!ASCII_WORD.test(key)) {
    const w = world()!;
    key = w.methods.one.killUnicode!(key, w);
  }
  return key.replace(/[.+]/g, '').replace(/['’]s$/, '');
}

function keyMayBePerson(key: string, capitalized: boolean, c: PersonCues): boolean {
  const titleCaseOnly = c.patternWords.get(key);
  if (lexiconMayBePerson(key) || titleCaseOnly === false || (titleCaseOnly && capitalized)) return true;
  return (
    c.suffixes.some((s) => s.names.has(key.slice(-s.length))) ||
    c.prefixes.some((p) => p.names.has(key.slice(0, p.length))) ||
    c.regexes.some((re) => re.test(key))
  );
}

interface WordCue {
  key: string;
  mayBePerson: boolean;
}

/** Per distinct word (windows repeat words a lot); cleared when large, so memory stays bounded. */
const wordCues = new Map<string, WordCue>();
const MAX_CACHED_WORDS = 100_000;
const APOSTROPHE = /['’]/;
const UPPER_START = /^\p{Lu}/u;

function wordCue(word: string, c: PersonCues): WordCue {
  let cue = wordCues.get(word);
  if (!cue) {
    const key = cueKey(word);
    // A word with an apostrophe also by its parts, as compromise expands some ("D'kai" →
    // "de kai"); not a one-letter ending ("didn't", "Sheriff's"), which it reads as a word.
    const parts = APOSTROPHE.test(word) ? word.split(APOSTROPHE).filter((p, i, all) => i < all.length - 1 || p.length > 1) : [];
    const mayBePerson = [word, ...parts].some((w) => keyMayBePerson(w === word ? key : cueKey(w), UPPER_START.test(w), c));
    cue = { key, mayBePerson };
    if (wordCues.size >= MAX_CACHED_WORDS) wordCues.clear();
    wordCues.set(word, cue);
  }
  return cue;
}

/**
 * Whether compromise could tag any word of `text` (or of these words, as written, in
 * order) as a person: one of them is a name or title in its lexicon, a word one of its
 * person patterns needs ("sister", "captain", "al", an initial), a multi-word lexicon
 * person, or has a name ending its guesser knows ("-enko", "-opoulos"). When none is,
 * its vote is no without running it. True when compromise is not shaped as expected.
 */
export function compromiseMayFindPerson(text: string | readonly string[]): boolean {
  cues ??= personCues();
  if (!cues) return true;
  const words = typeof text === 'string' ? (text.match(CUE_WORD) ?? []) : text;
  // Word by word, stopping at the first cue (most windows that have one have it early).
  for (let i = 0; i < words.length; i++) {
    const cue = wordCue(words[i]!, cues);
    if (cue.mayBePerson) return true;
    const phrases = cues.phrases.get(cue.key);
    if (phrases !== undefined) for (const phrase of phrases) if (phraseAt(words, i, phrase, cues)) return true;
  }
  return false;
}

/** The words from `i` on start with the lexicon phrase `phrase` (its words as compromise keys them). */
function phraseAt(words: readonly string[], i: number, phrase: readonly string[], c: PersonCues): boolean {
  if (i + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) if (wordCue(words[i + j]!, c).key !== phrase[j]) return false;
  return true;
}
