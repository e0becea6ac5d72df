/**
 * Word tokens and capitalized runs inside one sentence, in article offsets.
 *
 * A run is a maximal sequence of capitalized tokens separated by single spaces,
 * possibly joined by lowercase connectors ("Secretary of State Rex Tillerson",
 * "Ursula von der Leyen", "Special Envoy to the Middle East Steven Witkoff").
 * A possessive ("Trump's", "Roberts'") ends a run and is not part of the token.
 */

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
}

// Dotted acronyms first ("U.S.", "D.C."), then words with inner apostrophes ("O'Brien") and a trailing "+" ("OPEC+").
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*\+?/gu;
const POSSESSIVE_SUFFIX = /['’]s$/i;
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gov', 'Sen', 'Rep', 'Gen', 'Lt', 'Col', 'Prof', 'Rev', 'Sgt', 'Capt', 'Maj', 'Adm']);
const UPPER_START = /^[\p{Lu}]/u;
const ACRONYM_WITH_DIGIT = /^[\p{Lu}][\p{Lu}\p{N}]*\p{N}[\p{Lu}\p{N}]*$/u;

/** Tokenize `text.slice(start, end)` keeping absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    let word = m[0];
    let possessive = false;
    if (POSSESSIVE_SUFFIX.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const tokenStart = start + m.index;
    let tokenEnd = tokenStart + word.length;
    const next = text.charAt(tokenEnd);
    if (!possessive && (next === "'" || next === '’') && word.endsWith('s') && !/[\p{L}]/u.test(text.charAt(tokenEnd + 1))) {
      possessive = true; // "Roberts' statement"
    }
    if (next === '.' && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word))) {
      tokenEnd += 1; // "Mr.", "St.", the initial in "George W. Bush"
      word += '.';
      TOKEN.lastIndex += 1;
    }
    const previous = tokens[tokens.length - 1];
    const gap = previous ? text.slice(previous.end, tokenStart) : text.slice(start, tokenStart);
    tokens.push({
      index: tokens.length,
      start: tokenStart,
      end: tokenEnd,
      text: word,
      capitalized: UPPER_START.test(word) || ACRONYM_WITH_DIGIT.test(word),
      possessive,
      initial: previous === undefined || gap.includes('\n') || /[.!?:;]\s*["“”']?\s*$/.test(gap) || /^\s*[-•*]\s*$/.test(gap),
    });
  }
  return tokens;
}

/** Lowercase words allowed inside a run when a capitalized token follows. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'to', 'and', 'for', 'on']);
/** Lowercase particles allowed inside a person's name ("von der Leyen", "bin Salman"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'der', 'den', 'van', 'de', 'da', 'du', 'dos', 'del', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter',
]);

const RUN_GAP = /^[ \u00a0]$/;

/** Group tokens into capitalized runs (arrays of token indexes). */
export function capitalizedRuns(tokens: readonly Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    // A run never ends on a connector.
    while (current.length > 0 && !current[current.length - 1]!.capitalized) current.pop();
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current[current.length - 1];
    const joined =
      previous !== undefined &&
      !previous.possessive &&
      (RUN_GAP.test(text.slice(previous.end, token.start)) ||
        (text.slice(previous.end, token.start) === '-' && NAME_PARTICLES.has(previous.text)));
    if (!joined) flush();
    if (token.capitalized) {
      current.push(token);
    } else if (current.length > 0 && (CONNECTORS.has(token.text) || NAME_PARTICLES.has(token.text))) {
      const next = tokens[i + 1];
      if (next && RUN_GAP.test(text.slice(token.end, next.start)) || (next && NAME_PARTICLES.has(token.text) && text.slice(token.end, next.start) === '-')) current.push(token);
      else flush();
    } else {
      flush();
    }
  }
  flush();
  return runs;
}
