/**
 * /iu letter classes cut to ASCII (src/segment/ascii-letters.ts): on text whose letters
 * and digits are all ASCII, the copy must match exactly what the original matches.
 */
import { describe, expect, it } from 'vitest';
import { asciiLetterVariant, hasOnlyAsciiLetters } from '../src/segment/ascii-letters.ts';
import { LEAD_RULES, TRIGGER_RULES } from '../src/extract/event/triggers.ts';
import { randomInts } from './random-helper.ts';

/** Every code point the ASCII copies may meet: ASCII, and anything beyond it but a letter, a mark or a digit. */
function* allowedCodePoints(): Generator<string> {
  for (let c = 0; c < 0x110000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const s = String.fromCodePoint(c);
    if (c < 0x80 || hasOnlyAsciiLetters(s)) yield s;
  }
}

describe('ASCII letter classes under /iu and /u', () => {
  it('hold the same characters as the Unicode classes on every allowed code point', () => {
    const pairs: [RegExp, RegExp][] = [
      [/^\p{L}$/iu, /^[A-Za-z]$/iu],
      [/^\p{Lu}$/iu, /^[A-Z]$/iu],
      [/^\p{N}$/iu, /^[0-9]$/iu],
      [/^[\p{L}\p{N}'’-]$/iu, /^[A-Za-z0-9'’-]$/iu],
      [/^[^\p{L}]$/iu, /^[^A-Za-z]$/iu],
      [/^\w$/iu, /^\w$/iu],
      [/^\p{L}$/u, /^[A-Za-z]$/u],
      [/^\p{Lu}$/u, /^[A-Z]$/u],
      [/^\p{N}$/u, /^[0-9]$/u],
      [/^[^\p{L}\p{N}]$/u, /^[^A-Za-z0-9]$/u],
      [/^\p{M}$/iu, /^[]$/iu],
      [/^\p{M}$/u, /^[]$/u],
      [/^[\p{L}\p{M}.'’-]$/iu, /^[A-Za-z.'’-]$/iu],
      [/^[\p{L}\p{M}.'’-]$/u, /^[A-Za-z.'’-]$/u],
    ];
    const wrong: string[] = [];
    for (const s of allowedCodePoints()) {
      for (const [unicode, ascii] of pairs) if (unicode.test(s) !== ascii.test(s)) wrong.push(`${unicode.source} U+${s.codePointAt(0)!.toString(16)}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('tells text with letters beyond ASCII', () => {
    expect(hasOnlyAsciiLetters('The “talks” — in Kyiv’s centre, 2025')).toBe(true);
    expect(hasOnlyAsciiLetters('')).toBe(true);
    for (const s of ['Erdoğan met', 'ſwap', '\u212aelvin', 'a\u0345b', 'cafe\u0301', 'won ١٢ seats', 'Ⅻ', '𝐀']) expect(hasOnlyAsciiLetters(s)).toBe(false);
  });

  it('cuts every /iu lexicon pattern with letter classes, and nothing else', () => {
    const withClasses = [...TRIGGER_RULES, ...LEAD_RULES].filter((r) => r.pattern.flags.includes('i') && /\\p\{/.test(r.pattern.source));
    expect(withClasses.length).toBeGreaterThan(5);
    for (const r of withClasses) expect(asciiLetterVariant(r.pattern)?.flags).toBe(r.pattern.flags);
    expect(asciiLetterVariant(/\bcalls?\b/gi)).toBeNull();
    expect(asciiLetterVariant(/\P{L}/u)).toBeNull();
    expect(asciiLetterVariant(/[\p{L}\p{Ll}]/iu)).toBeNull();
    expect(asciiLetterVariant(/\[\p{L}\]+[\p{L}.-]\p{N}/iu)?.source).toBe('\\[[A-Za-z]\\]+[A-Za-z.-][0-9]');
    expect(asciiLetterVariant(/[\p{L}\p{M}]\p{M}?/u)?.source).toBe('[A-Za-z][]?');
  });

  it('finds the same matches as the original patterns on random text with ASCII letters', () => {
    const patterns = [...TRIGGER_RULES, ...LEAD_RULES]
      .map((r) => r.pattern)
      .filter((p) => asciiLetterVariant(p) !== null)
      .concat([/^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:will|could)\s+(?:take\s+place|be)\b/iu, /(?:^|\s)(?<head>[\p{L}'’-]+)?\s*\b(?:in|at)\s+(?:the\s+)?$/iu]);
    const pieces = [
      'the', 'The', 'was', 'named', 'name', 'Names', 'Dr.', 'Mr', 'checked', 'into', 'rehab', 'hospital', 'exchange', 'of', 'prisoners', 'POWs',
      'dead', 'found', 'offer', 'made', 'an', 'bid', 'won', 'beat', 'led', 'Lakers', 'over', 'record', 'broke', 'will', 'take', 'place', 'in',
      'at', 'Kyiv', 'ASKS', 'asked', 'to', 'serve', ' ', ' ', '  ', ',', '.', '-', '’', '“', '”', '—', '\u00a0', '12', '3-1', '😀', '$',
    ];
    const random = randomInts(20251124);
    const wrong: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = 2 + random(12); k > 0; k--) text += pieces[random(pieces.length)]! + (random(3) ? ' ' : '');
      expect(hasOnlyAsciiLetters(text)).toBe(true);
      for (const p of patterns) {
        const variant = asciiLetterVariant(p)!;
        const a = JSON.stringify(p.global ? [...text.matchAll(p)].map((m) => [m.index, m[0], m.groups]) : p.exec(text));
        const b = JSON.stringify(variant.global ? [...text.matchAll(variant)].map((m) => [m.index, m[0], m.groups]) : variant.exec(text));
        if (a !== b) wrong.push(`${p.source.slice(0, 40)} on ${JSON.stringify(text)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
