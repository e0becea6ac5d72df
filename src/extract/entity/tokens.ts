/**
 * Word tokens and capitalized runs inside one sentence, in article offsets.
 *
 * A run is a maximal sequence of capitalized tokens separated by single spaces,
 * possibly joined by lowercase connectors ("Secretary of State Rex Tillerson",
 * "Ursula von der Leyen", "Special Envoy to the Middle East Steven Witkoff").
 * A possessive ("Trump's", "Roberts'") ends a run and is not part of the token.
 */
import { foldText } from './fold.ts';

export interface Token {
  /** Position in its sentence's token list. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Starts with an upper-case letter or is an acronym like "G20", "OPEC+". */
  capitalized: boolean;
  /** Followed by a possessive 's / ' that is not part of the span. */
  possessive: boolean;
  /** First token of its sentence or of a line. */
  initial: boolean;
  /** `foldText(text)`, filled in on first use by `tokenKey` (a token is folded several times). */
  folded?: string;
}

/** The token's folded text ("Türkiye" → "turkiye"), computed once per token. */
export const tokenKey = (token: Token): string => (token.folded ??= foldText(token.text));

// Dotted acronyms first ("U.S.", "D.C."), then words with inner apostrophes ("O'Brien") and a trailing "+" ("OPEC+").
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*\+?/gu;
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gov', 'Sen', 'Rep', 'Gen', 'Lt', 'Col', 'Prof', 'Rev', 'Sgt', 'Capt', 'Maj', 'Adm']);
// Module constants, not literals in the functions: tsx and esbuild turn a literal with
// \p{…} outside brackets into `new RegExp(…)`, built again on each call.
// Acronyms with digits ("G20") and "OPEC+" start with an upper-case letter too.
const UPPER_START = /^[\p{Lu}]/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const LETTER = /\p{L}/u;
const SENTENCE_END_GAP = /[.!?:;]\s*["“”']?\s*$/;
const BULLET_GAP = /^\s*[-•*]\s*$/;

// Character codes read in the token loop (codes, not one-character strings: no string made per token).
const APOSTROPHE = 39; // '
const RIGHT_QUOTE = 0x2019; // ’
const LOWER_S = 115;
const UPPER_S = 83;
const DOT = 46;
const SPACE = 32;

const isApostrophe = (code: number): boolean => code === APOSTROPHE || code === RIGHT_QUOTE;

/** Starts with an upper-case letter (ASCII checked without the regex: most words). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(word);
}

/** Whether the text between two tokens starts a new line or sentence ("…said. Then", "\n- Item"). */
function startsAfter(gap: string): boolean {
  return gap.includes('\n') || SENTENCE_END_GAP.test(gap) || BULLET_GAP.test(gap);
}

/** Characters one of which a gap that `startsAfter` accepts holds: a newline, sentence end or bullet. */
const GAP_BREAK_CHARS = new Set([...'\n.!?:;-•*'].map((c) => c.charCodeAt(0)));

/** Whether `text[from, to)` may start a new line or sentence: a scan for GAP_BREAK_CHARS before `startsAfter` (most gaps are ", "). */
function gapStartsAfter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (GAP_BREAK_CHARS.has(text.charCodeAt(i))) return startsAfter(text.slice(from, to));
  return false;
}

/** Tokenize `text.slice(start, end)` keeping absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  let previousEnd = -1; // the previous token's end (none yet)
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    let word = m[0];
    let length = word.length;
    let possessive = false;
    if (length > 2 && isApostrophe(word.charCodeAt(length - 2))) {
      const last = word.charCodeAt(length - 1);
      if (last === LOWER_S || last === UPPER_S) {
        length -= 2; // "Trump's", "TRUMP'S"
        word = word.slice(0, length);
        possessive = true;
      }
    }
    const tokenStart = start + m.index;
    let tokenEnd = tokenStart + length;
    const next = tokenEnd < text.length ? text.charCodeAt(tokenEnd) : -1; // never read past the end: V8 recompiles code the first time it does
    if (!possessive && isApostrophe(next) && word.charCodeAt(length - 1) === LOWER_S && !LETTER.test(text.charAt(tokenEnd + 1))) {
      possessive = true; // "Roberts' statement"
    }
    if (next === DOT && (ABBREVIATIONS.has(word) || ONE_CAPITAL.test(word))) {
      tokenEnd += 1; // "Mr.", "St.", the initial in "George W. Bush"
      word += '.';
      TOKEN.lastIndex += 1;
    }
    tokens.push({
      index: tokens.length,
      start: tokenStart,
      end: tokenEnd,
      text: word,
      capitalized: startsUpper(word),
      possessive,
      // after one space (most words) nothing new starts
      initial: previousEnd < 0 || (!(tokenStart - previousEnd === 1 && text.charCodeAt(previousEnd) === SPACE) && gapStartsAfter(text, previousEnd, tokenStart)),
      folded: undefined, // set by tokenKey; present from the start, so all tokens keep one shape
    });
    previousEnd = tokenEnd;
  }
  return tokens;
}

/** Lowercase words allowed inside a run when a capitalized token follows. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'to', 'and', 'for', 'on']);
/** Lowercase particles allowed inside a person's name ("von der Leyen", "bin Salman"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'der', 'den', 'van', 'de', 'da', 'du', 'dos', 'del', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter',
]);

const NO_BREAK_SPACE = 0xa0;
const HYPHEN = 45;

/** The text between `from` and `to` is one space or no-break space. */
function spaceGap(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const gap = text.charCodeAt(from);
  return gap === SPACE || gap === NO_BREAK_SPACE;
}

/** The text between `from` and `to` is one hyphen. */
const hyphenGap = (text: string, from: number, to: number): boolean => to - from === 1 && text.charCodeAt(from) === HYPHEN;

const UPPER_RUN = /\p{Lu}{2,}/gu;
const TWO_CAPITALS = /\p{Lu}{2}/u;
const titleCased = (word: string): string => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * Some tokens as displayed: their source text, with all-caps words ("BILL CLINTON") in
 * title case (the replace runs only on text with two capitals in a row: few names).
 */
export function spanText(tokens: readonly Token[], text: string): string {
  const span = text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
  return TWO_CAPITALS.test(span) ? span.replace(UPPER_RUN, titleCased) : span;
}

/** Group tokens into capitalized runs (arrays of token indexes). */
export function capitalizedRuns(tokens: readonly Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (current.length === 0 && !token.capitalized) continue; // a lowercase word outside a run (most words)
    const previous = current[current.length - 1];
    const joined =
      previous !== undefined &&
      !previous.possessive &&
      (spaceGap(text, previous.end, token.start) || (hyphenGap(text, previous.end, token.start) && NAME_PARTICLES.has(previous.text)));
    if (!joined) current = endRun(current, runs);
    if (token.capitalized) {
      current.push(token);
    } else if (current.length > 0 && (CONNECTORS.has(token.text) || NAME_PARTICLES.has(token.text))) {
      const next = i + 1 < tokens.length ? tokens[i + 1] : undefined; // not past the end either (see tokenize)
      if (next && (spaceGap(text, token.end, next.start) || (NAME_PARTICLES.has(token.text) && hyphenGap(text, token.end, next.start)))) current.push(token);
      else current = endRun(current, runs);
    } else {
      current = endRun(current, runs);
    }
  }
  endRun(current, runs);
  return runs;
}

/**
 * Ends the run being built: added to `runs` unless empty once trailing connectors are
 * dropped (a run never ends on one). Returns the array for the next run. A module
 * function, not a closure: tsx names each closure it makes, per sentence.
 */
function endRun(current: Token[], runs: Token[][]): Token[] {
  if (current.length === 0) return current;
  while (current.length > 0 && !current[current.length - 1]!.capitalized) current.pop();
  if (current.length > 0) runs.push(current);
  return [];
}
