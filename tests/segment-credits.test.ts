/**
 * The photo-credit grammar (src/segment/credits.ts) is parsed by hand instead of by its
 * regex: it must accept exactly what the regex accepts, on any text.
 */
import { describe, expect, it } from 'vitest';
import { CREDIT_PART_SOURCE, isCreditPart } from '../src/segment/credits.ts';
import { randomInts } from './random-helper.ts';

const CREDIT_PART = new RegExp(CREDIT_PART_SOURCE, 'u');

const PIECES = [
  'Carlos', 'Barria', 'Reuters', 'Pool', 'Getty Images', 'AFP', 'St.', "O'Neil", 'D’Arcy', 'Jean-Luc', 'McX', 'É', 'Émile', 'émile', 'Ǆ', 'ǅ',
  '𝐀', '𝐚', 'x', 'X', 'de', 'der', 'del', 'van', 'von', 'la', 'bin', 'via', 'Via', 'by way of', 'by', 'way', 'of', 'by  way of', 'viax',
  ' ', ' ', ' ', '  ', '\u00a0', '\t', '\u2003', '/', ' / ', ',', ', ', '(', ')', ' (', '-', '.', "'", '’', '1', '&', '|', '\u0301', 'A\u0301',
  '\ud800', '\udc00', 'ß', 'İ',
];

describe('photo credit grammar', () => {
  it('accepts exactly what the regex accepts on random text', () => {
    const random = randomInts(20251123);
    const wrong: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 60000; i++) {
      let text = '';
      for (let k = 1 + random(9); k > 0; k--) text += PIECES[random(PIECES.length)]!;
      const expected = CREDIT_PART.test(text);
      if (expected) accepted++;
      if (isCreditPart(text) !== expected) wrong.push(JSON.stringify(text));
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
  });

  it('accepts exactly what the regex accepts on credit-shaped text', () => {
    const names = ['Carlos Barria', 'Reuters', 'Pool', 'Ramil Sitdikov', 'Getty Images', 'Ludovic Marin', 'Jean de la Fontaine', 'Émile Zola'];
    const glue = ['/', ' / ', ', ', ',', ' via ', ' by way of ', ' (', ')', ' ', '  via  ', ' via', 'via '];
    const random = randomInts(7);
    const wrong: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 30000; i++) {
      let text = names[random(names.length)]!;
      for (let k = random(5); k > 0; k--) text += glue[random(glue.length)]! + names[random(names.length)]!;
      if (random(4) === 0) text += glue[random(glue.length)]!;
      const expected = CREDIT_PART.test(text);
      if (expected) accepted++;
      if (isCreditPart(text) !== expected) wrong.push(JSON.stringify(text));
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(accepted).toBeGreaterThan(3000);
  });

  it('reads the usual credits', () => {
    for (const text of ['Carlos Barria/Reuters', 'Ramil Sitdikov, Pool via Sputnik via Reuters', 'Name (Getty Images)', 'Mikhail Klimentyev / Sputnik / Kremlin Pool Photo via AP']) {
      expect(isCreditPart(text)).toBe(true);
    }
    expect(isCreditPart('The talks, held in Riyadh')).toBe(false);
  });
});
