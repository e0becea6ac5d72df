/**
 * One photo credit: "Carlos Barria/Reuters", "Ramil Sitdikov, Pool via Sputnik via Reuters",
 * "Name (Getty Images)". The grammar is this regex (/u), CREDIT_PART_SOURCE:
 *
 *   credit    = path (",", \s*, name)? (\s+, ("via" | "by way of"), \s+, path)* (\s*, "(", path, ")")?
 *   path      = name (\s*, "/", \s*, name)*
 *   name      = capital (\s+, (capital | de | da | van | von | der | al | bin | el | la | le | di | du))*
 *   capital   = \p{Lu} [\p{L}\p{M}.'’-]*
 *
 * read by a small recursive-descent parser instead: the regex holds fourteen copies of two
 * Unicode classes and cost ~20–45 ms to compile in each process (three tiers: bytecode, then
 * native code for one-byte and for two-byte text), for the few dozen lines that reach it.
 * The parse is deterministic: a capital word runs to the next space, "/", ",", "(" or ")"
 * (no other character may follow it), and the words that continue a name (a capital, a
 * particle) are never "via" or "by", so no choice the regex could backtrack into ever
 * succeeds where the parser's fails (tests/segment-credits.test.ts holds it to the regex).
 */
import { isRegexSpace } from './spans.ts';

const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
const NAME = `${CAP_WORD}(?:\\s+(?:${CAP_WORD}|de|da|van|von|der|al|bin|el|la|le|di|du))*`;
const NAME_PATH = `${NAME}(?:\\s*/\\s*${NAME})*`;
/** The grammar as a regex (for the tests: the parser below must accept exactly what it accepts). */
export const CREDIT_PART_SOURCE = `^${NAME_PATH}(?:,\\s*${NAME})?(?:\\s+(?:via|by way of)\\s+${NAME_PATH})*(?:\\s*\\(${NAME_PATH}\\))?$`;

const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'van', 'von', 'der', 'al', 'bin', 'el', 'la', 'le', 'di', 'du']);

const SLASH = 0x2f;
const COMMA = 0x2c;
const OPEN = 0x28;
const CLOSE = 0x29;

/** Is `text` one credit (the whole of it)? */
export function isCreditPart(text: string): boolean {
  let p = path(text, 0);
  if (p < 0) return false;
  if (text.charCodeAt(p) === COMMA) {
    p = name(text, skipSpaces(text, p + 1));
    if (p < 0) return false;
  }
  for (;;) {
    const word = skipSpaces(text, p);
    if (word === p) break;
    const via = viaEnd(text, word);
    if (via < 0) break;
    const next = skipSpaces(text, via);
    if (next === via) return false;
    p = path(text, next);
    if (p < 0) return false;
  }
  const open = skipSpaces(text, p);
  if (text.charCodeAt(open) === OPEN) {
    p = path(text, open + 1);
    if (p < 0 || text.charCodeAt(p) !== CLOSE) return false;
    p++;
  }
  return p === text.length;
}

/** `path` from `i`: its end, or -1. */
function path(text: string, i: number): number {
  let p = name(text, i);
  while (p >= 0) {
    const slash = skipSpaces(text, p);
    if (text.charCodeAt(slash) !== SLASH) return p;
    const next = name(text, skipSpaces(text, slash + 1));
    if (next < 0) return -1;
    p = next;
  }
  return p;
}

/** `name` from `i`: its end, or -1. */
function name(text: string, i: number): number {
  let p = capitalEnd(text, i);
  if (p < 0) return -1;
  for (;;) {
    const word = skipSpaces(text, p);
    if (word === p) return p;
    const end = wordEnd(text, word);
    if (capitalEnd(text, word) === end || PARTICLES.has(text.slice(word, end))) p = end;
    else return p;
  }
}

/** "via" or "by way of" at `i`, as a whole word: its end, or -1. */
function viaEnd(text: string, i: number): number {
  const end = wordEnd(text, i);
  const word = text.slice(i, end);
  if (word === 'via') return end;
  if (word === 'by' && text.startsWith(' way of', end) && wordEnd(text, end + 7) === end + 7) return end + 7;
  return -1;
}

/** A delimiter of words in a credit: whitespace, "/", ",", "(" or ")". */
function isDelimiter(code: number): boolean {
  return isRegexSpace(code) || code === SLASH || code === COMMA || code === OPEN || code === CLOSE;
}

/** The end of the run of non-delimiters from `i`. */
function wordEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && !isDelimiter(text.charCodeAt(end))) end++;
  return end;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
  return i;
}

const UPPER = /^\p{Lu}$/u;
const CAPITAL_TAIL = /^[\p{L}\p{M}.'’-]$/u;

/**
 * `capital` from `i`, running to the next delimiter: its end, or -1 when the run is not a
 * capital word (a capital word cannot stop before a non-delimiter: nothing else may follow it).
 */
function capitalEnd(text: string, i: number): number {
  const end = wordEnd(text, i);
  if (end === i) return -1;
  let p = i;
  const first = text.codePointAt(p)!;
  if (first < 0x80 ? !(first >= 0x41 && first <= 0x5a) : !UPPER.test(String.fromCodePoint(first))) return -1;
  p += first > 0xffff ? 2 : 1;
  while (p < end) {
    const point = text.codePointAt(p)!;
    const ok =
      point < 0x80
        ? (point >= 0x41 && point <= 0x5a) || (point >= 0x61 && point <= 0x7a) || point === 0x2e || point === 0x27 || point === 0x2d
        : CAPITAL_TAIL.test(String.fromCodePoint(point));
    if (!ok) return -1;
    p += point > 0xffff ? 2 : 1;
  }
  return end;
}
