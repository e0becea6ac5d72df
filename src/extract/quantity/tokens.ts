/**
 * A small tokenizer for quantity rules: words, numbers and single punctuation marks,
 * each with absolute offsets into the article text. Hyphens stay separate tokens
 * (with `spaceBefore` telling whether they touch their neighbours), so "30-day",
 * "twenty-five" and "hour-and-a-half" are read token by token.
 */

import { isRegexSpace } from '../../segment/spans.ts';

export type TokenKind = 'num' | 'word' | 'punct';

export interface Token {
  text: string;
  lower: string;
  /** Absolute offsets into the article text (end exclusive). */
  start: number;
  end: number;
  kind: TokenKind;
  /** Whitespace (or the sentence start) precedes the token. */
  spaceBefore: boolean;
}

/**
 * The tokens are what this regex cuts, first alternative first at each non-space
 * position (dotted abbreviations such as "U.S." or "a.m." before words; numbers with
 * thousands separators before plain digits; any other non-space character alone):
 *
 *   /(\p{L}(?:\.\p{L})+\.?)|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}+(?:['’]\p{L}+)*)|(\S)/gu
 *
 * read by a scanner over character codes instead (no match array per token; a cold pass
 * runs the scanner's few lines, not a regex exec per token: tests/quantity-tokens.test.ts
 * holds it to the regex on random and real text).
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let previousEnd = -1;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isRegexSpace(code)) {
      i++;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (code >= 0x30 && code <= 0x39) {
      end = numberEnd(text, i);
      kind = 'num';
    } else {
      const size = letterSize(text, i);
      if (size > 0) {
        end = dottedEnd(text, i + size);
        if (end < 0) end = wordEnd(text, i + size);
        kind = 'word';
      } else {
        end = i + codePointSize(text, i);
        kind = 'punct';
      }
    }
    const word = text.slice(i, end);
    tokens.push({ text: word, lower: word.toLowerCase(), start: offset + i, end: offset + end, kind, spaceBefore: i !== previousEnd });
    previousEnd = end;
    i = end;
  }
  return tokens;
}

const LETTER = /^\p{L}$/u;
/** Non-ASCII code points already classified (letter or not): news text repeats few of them. */
const nonAsciiLetters = new Map<number, boolean>();

/** The length (1 or 2 code units) of the letter (\p{L}) starting at `i`, or 0 when none starts there. */
function letterSize(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0;
  const point = text.codePointAt(i)!;
  let letter = nonAsciiLetters.get(point);
  if (letter === undefined) {
    letter = LETTER.test(String.fromCodePoint(point));
    nonAsciiLetters.set(point, letter);
  }
  return letter ? (point > 0xffff ? 2 : 1) : 0;
}

/** 2 for a surrogate pair at `i` (one code point under /u), else 1. */
function codePointSize(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN past the end
  return code >= 0x30 && code <= 0x39;
}

/** `\p{L}(?:\.\p{L})+\.?` after its first letter (which ends at `i`): its end, or -1 when no ".X" follows. */
function dottedEnd(text: string, i: number): number {
  let end = i;
  while (text.charCodeAt(end) === 0x2e) {
    const size = letterSize(text, end + 1);
    if (size === 0) break;
    end += 1 + size;
  }
  if (end === i) return -1;
  return text.charCodeAt(end) === 0x2e ? end + 1 : end;
}

/** `\p{L}+(?:['’]\p{L}+)*` after its first letter (which ends at `i`): its end. */
function wordEnd(text: string, i: number): number {
  let end = i;
  for (;;) {
    for (let size = letterSize(text, end); size > 0; size = letterSize(text, end)) end += size;
    const code = text.charCodeAt(end);
    if (code !== 0x27 && code !== 0x2019) return end;
    const size = letterSize(text, end + 1);
    if (size === 0) return end;
    end += 1 + size;
  }
}

/** `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?` from the digit at `i`: its end. */
function numberEnd(text: string, i: number): number {
  let end = i + 1;
  while (isDigitAt(text, end)) end++;
  // Thousands groups only after one to three digits ("68,000"; "12345,678" is 12345 then ",").
  if (end - i <= 3) {
    let grouped = end;
    while (text.charCodeAt(grouped) === 0x2c && isDigitAt(text, grouped + 1) && isDigitAt(text, grouped + 2) && isDigitAt(text, grouped + 3)) grouped += 4;
    end = grouped;
  }
  if (text.charCodeAt(end) === 0x2e && isDigitAt(text, end + 1)) {
    end += 2;
    while (isDigitAt(text, end)) end++;
  }
  return end;
}

/** True when token b directly follows token a with no space between. */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}
