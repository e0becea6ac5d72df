/**
 * The quantity tokenizer (src/extract/quantity/tokens.ts) scans character codes instead of
 * running its regex per token: it must cut exactly the tokens the regex cuts, on any text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token, type TokenKind } from '../src/extract/quantity/tokens.ts';
import { randomInts } from './random-helper.ts';

const TOKEN_RE = /(\p{L}(?:\.\p{L})+\.?)|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}+(?:['’]\p{L}+)*)|(\S)/gu;

/** The tokens as the regex cuts them (the tokenizer before the scanner). */
function regexTokens(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const kind: TokenKind = m[2] !== undefined ? 'num' : m[4] !== undefined ? 'punct' : 'word';
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: offset + start, end: offset + start + m[0].length, kind, spaceBefore: start !== previousEnd });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

const PIECES = [
  'a', 'Z', 'word', 'U', '.', 'S', '..', ',', '1', '12', '123', '1234', ',000', ',00', ',0000', '.5', '5.', '0.25', "'", '’', "'s", '’s',
  ' ', '  ', '\u00a0', '\t', '\n', '\u2028', '\u3000', '\u200b', 'é', 'Ü', 'ß', 'ſ', 'İ', 'ı', 'ǅ', 'ª', '中', '𝐀', '𝐚', '😀', '\u0301', '٣',
  '\ud800', '\udc00', '-', '$', '€', '(', ')', '"', '“', '”', '—', 'a.m.', 'U.S.', 'e.g', '10:00', '68,000', '1,2345', '$43bn',
];

describe('quantity tokenizer', () => {
  it('cuts the tokens of its regex on random text', () => {
    const random = randomInts(20251122);
    const wrong: string[] = [];
    for (let i = 0; i < 40000; i++) {
      let text = '';
      for (let k = 1 + random(8); k > 0; k--) text += PIECES[random(PIECES.length)]!;
      const offset = random(50);
      if (JSON.stringify(tokenize(text, offset)) !== JSON.stringify(regexTokens(text, offset))) wrong.push(JSON.stringify(text));
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('cuts the tokens of its regex on the seed articles', () => {
    const dir = 'sources';
    const lines = readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(`${dir}/${name}`, 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(tokenize(line, 3)).toEqual(regexTokens(line, 3));
  });

  it('keeps the default offset and an empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('About 1,200 U.S. troops’ 30-day stay')).toEqual(regexTokens('About 1,200 U.S. troops’ 30-day stay', 0));
  });
});
