/**
 * Segmentation's regex-free helpers must count and judge exactly as the regexes
 * they replace: checked on every seed line and on random strings of every kind of
 * whitespace JavaScript knows (and a few look-alikes it does not).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRegexSpace, wordCount } from '../src/segment/spans.ts';

const seedLines: string[] = (() => {
  const dir = new URL('../sources/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'));
})();

describe('word count', () => {
  it('treats as space exactly what \\s matches', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isRegexSpace(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    expect(wrong).toEqual([]);
  });

  it('counts the runs /\\S+/g finds', () => {
    const pieces = ['word', 'a', 'É', '𝐚', '.', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u200b', '\u2060', '\u180e', '\ufeff', '\u3000', '\u2028', '-', '“', ''];
    let state = 99;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state % n;
    };
    const texts = [...seedLines];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = random(10); k > 0; k--) text += pieces[random(pieces.length)]!;
      texts.push(text);
    }
    const differ = texts.filter((t) => wordCount(t) !== (t.match(/\S+/g) ?? []).length);
    expect(differ).toEqual([]);
  });
});
