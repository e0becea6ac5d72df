/**
 * The reconciliation's fast paths give exactly what the plain definitions give: folding
 * and tokenizing plain text without Unicode classes, dash counting for date levels, cast
 * matching without scanning the other cast, and link ordering by counting sort.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/eval/tfidf.ts';
import { clusterMentions, LinkTable } from '../src/reconcile/cluster.ts';
import { commonPeople } from '../src/reconcile/stories.ts';
import { dateLevel, fold } from '../src/reconcile/values.ts';
import type { EventMention } from '../src/types.ts';
import { randomFractions } from './random-helper.ts';

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const text = (next: () => number, alphabet: readonly string[], max: number): string =>
  Array.from({ length: Math.floor(next() * max) }, () => pick(next, alphabet)).join('');

const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const TYPOGRAPHIC = '\u00a0\u00ab\u00b7\u00bb\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2022\u2026'.split('');
const OTHER = ['é', 'É', 'ß', 'İ', 'ı', 'ﬁ', '²', '½', '\u0301', '\u212a', '™', '\u2020', 'ǅ', '𝐀'];

const referenceFold = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** tfidf.ts's stop words, as its definition reads them. */
const STOP = new Set(
  'a an the and or but of in on at to for from by with as is was were are be been being has have had it its this that these those he she they we you i his her their our not no said says will would could after before over into than then there which who whom what when where while about also more most up out new one two'.split(' '),
);
const referenceTokens = (s: string): string[] => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 1 && !STOP.has(t));

describe('fold and tokenize fast paths', () => {
  it('fold equals the Unicode definition on plain, typographic and other text, short and long', () => {
    const next = randomFractions(1);
    for (let k = 0; k < 20_000; k++) {
      const alphabet = k % 3 === 0 ? ASCII : k % 3 === 1 ? [...ASCII, ...TYPOGRAPHIC] : [...ASCII, ...TYPOGRAPHIC, ...OTHER];
      const s = text(next, alphabet, k % 2 ? 40 : 200);
      expect(fold(s)).toBe(referenceFold(s));
      expect(fold(s)).toBe(referenceFold(s)); // remembered answers too
    }
  });

  it('tokenize equals the Unicode definition', () => {
    const next = randomFractions(2);
    for (let k = 0; k < 20_000; k++) {
      const s = text(next, k % 2 ? [...ASCII, ...TYPOGRAPHIC, 'the ', 'and ', 'Rain '] : [...ASCII, ...TYPOGRAPHIC, ...OTHER], 120);
      expect(tokenize(s)).toEqual(referenceTokens(s));
    }
  });

  it('dateLevel counts the parts split by dashes', () => {
    for (const d of ['2025', '2025-03', '2025-03-18', '', '-', '--x-', 'a-b-c-d-e']) expect(dateLevel(d)).toBe(d.split('-').length);
  });
});

describe('commonPeople', () => {
  const reference = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => {
    const same = (x: string, y: string): boolean => x === y || (y.includes(' ') && x.endsWith(` ${y}`)) || (x.includes(' ') && y.endsWith(` ${x}`));
    return [...a].filter((x) => b.has(x) || [...b].some((y) => same(x, y)));
  };
  const keysOf = (people: ReadonlySet<string>): Set<string> =>
    new Set([...people].filter((p) => p.includes(' ')).map((p) => p.split(' ').slice(-2).join(' ')));

  it('matches a name and its titled or longer form, with or without the cast keys, on any strings', () => {
    const next = randomFractions(3);
    const words = ['jo', 'smith', 'deputy', 'a', '', ' '];
    const name = (): string => Array.from({ length: Math.floor(next() * 4) }, () => pick(next, words)).join(next() < 0.9 ? ' ' : '  ');
    for (let k = 0; k < 20_000; k++) {
      const a = new Set(Array.from({ length: Math.floor(next() * 4) }, name));
      const b = new Set(Array.from({ length: Math.floor(next() * 5) }, name));
      expect(commonPeople(a, b)).toEqual(reference(a, b));
      expect(commonPeople(a, b, keysOf(b))).toEqual(reference(a, b));
    }
  });
});

describe('clusterMentions: link order', () => {
  it('orders a table in index order (counting sort) as it orders the same links shuffled (comparison sort)', () => {
    const next = randomFractions(4);
    const n = 60;
    const mentions = Array.from({ length: n }, (_, i) => ({ id: `s${i % 7}:e${i}`, source: `s${i % 7}`, time: null }) as unknown as EventMention);
    const links: [number, number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (next() < 0.2) links.push([a, b, Math.round(next() * 8) / 2 + 3]);
    const inOrder = new LinkTable();
    for (const [a, b, s] of links) inOrder.add(a, b, s);
    const shuffled = new LinkTable();
    for (const [a, b, s] of [...links].sort(() => next() - 0.5)) shuffled.add(a, b, s);
    expect(clusterMentions(mentions, inOrder)).toEqual(clusterMentions(mentions, shuffled));
  });
});
