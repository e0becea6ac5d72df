/**
 * A small tokenizer for quantity rules: words, numbers and single punctuation marks,
 * each with absolute offsets into the article text. Hyphens stay separate tokens
 * (with `spaceBefore` telling whether they touch their neighbours), so "30-day",
 * "twenty-five" and "hour-and-a-half" are read token by token.
 */

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

// Order matters: dotted abbreviations ("U.S.", "a.m.") before words; numbers with
// thousands separators before plain digits; any other non-space char is punctuation.
const TOKEN_RE =
  /(\p{L}(?:\.\p{L})+\.?)|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}+(?:['’]\p{L}+)*)|(\S)/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const kind: TokenKind = m[2] !== undefined ? 'num' : m[4] !== undefined ? 'punct' : 'word';
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: offset + start,
      end: offset + start + m[0].length,
      kind,
      spaceBefore: start !== previousEnd,
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

/** True when token b directly follows token a with no space between. */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}
