/**
 * The story step's compact lead vectors (src/reconcile/lead-vectors.ts, leads.ts) give the
 * very numbers of the Map-based TF-IDF of src/eval/tfidf.ts: the same weights in the same
 * order, cosines and norms summed in the same order (compared with ===, not closeTo), so
 * no comparison with a threshold can change.
 */
import { describe, expect, it } from 'vitest';
import { cosine, termCounts, tfidfVectors } from '../src/eval/tfidf.ts';
import { cosineOf, PackedVectors, squaredNorm, SummedVector, type TermWeights, Vocabulary } from '../src/reconcile/lead-vectors.ts';
import { leadText, LeadTexts } from '../src/reconcile/leads.ts';
import { mergeCasts, type StoryCast } from '../src/reconcile/stories.ts';
import type { Article } from '../src/types.ts';
import { randomFractions } from './random-helper.ts';

const WORDS = 'police arrest suspect fatal hit run crash Chile earthquake Jackman host Oscars the and of a fire Wellington supermarket 2009 Obama trial verdict jury élan Zürich'.split(' ');
const text = (next: () => number, words: number): string =>
  Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(next() < 0.2 ? ', ' : ' ');

/** Term ids and counts of texts, as LeadTexts holds them. */
function packed(texts: readonly string[]): { vectors: PackedVectors; words: string[] } {
  const vocabulary = new Vocabulary();
  const ids: number[] = [];
  const counts: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const t of texts) {
    from.push(ids.length);
    for (const [term, count] of termCounts(t)) {
      ids.push(vocabulary.id(term));
      counts.push(count);
    }
    to.push(ids.length);
  }
  const { vectors } = PackedVectors.tfidf({ ids: Int32Array.from(ids), counts: Int32Array.from(counts), from, to }, vocabulary.size);
  return { vectors, words: vocabulary.words };
}

/** A TermWeights as a Map of words, in its order. */
function asMap(v: TermWeights, words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < v.size; k++) out.set(words[v.idAt(k)]!, v.weightAt(k));
  return out;
}

describe('compact lead vectors', () => {
  const next = randomFractions(7);
  const texts = Array.from({ length: 60 }, (_, i) => text(next, i % 7 === 0 ? 0 : 1 + Math.floor(next() * 40)));
  const maps = tfidfVectors(texts);
  const { vectors, words } = packed(texts);

  it('hold the weights of tfidfVectors, in the same order', () => {
    texts.forEach((_, d) => expect([...asMap(vectors.vector(d), words)]).toEqual([...maps[d]!]));
  });

  it('give every cosine of cosine(), bit for bit, and look every term up', () => {
    for (let d = 0; d < texts.length; d++) {
      for (let e = 0; e < texts.length; e++) {
        expect(vectors.cosine(d, e)).toBe(cosine(maps[d]!, maps[e]!));
        expect(cosineOf(vectors.vector(d), vectors.vector(e))).toBe(cosine(maps[d]!, maps[e]!));
      }
      for (const [t, w] of maps[d]!) expect(vectors.weightOf(d, words.indexOf(t))).toBe(w);
      expect(vectors.weightOf(d, words.length + 5)).toBe(0);
    }
  });

  it('sum groups and join stories as Maps did: order, weights, cosines and norms', () => {
    const mapSum = (list: readonly number[]): Map<string, number> => {
      const out = new Map<string, number>();
      for (const d of list) for (const [t, w] of maps[d]!) out.set(t, (out.get(t) ?? 0) + w);
      return out;
    };
    const lists = [[0, 1], [2, 3, 4], [5], [6, 7, 8, 9, 10, 11], [12, 13]];
    const sums = PackedVectors.sums(vectors, lists, words.length);
    lists.forEach((list, s) => expect([...asMap(sums.vector(s), words)]).toEqual([...mapSum(list)]));

    // Joins, the smaller added to the larger in its order (as linkStories' join).
    const stories: { map: Map<string, number>; vector: TermWeights }[] = texts.map((_, d) => ({ map: new Map(maps[d]!), vector: vectors.vector(d) }));
    const rand = randomFractions(11);
    for (let step = 0; step < 200 && stories.length > 1; step++) {
      const i = Math.floor(rand() * stories.length);
      let j = Math.floor(rand() * (stories.length - 1));
      if (j >= i) j++;
      const [a, b] = [stories[i]!, stories[j]!];
      expect(cosineOf(a.vector, b.vector)).toBe(cosine(a.map, b.map));
      expect(squaredNorm(a.vector)).toBe([...a.map.values()].reduce((n, w) => n + w * w, 0));
      if (rand() < 0.5) continue;
      const [big, small] = a.vector.size >= b.vector.size ? [a, b] : [b, a];
      const sum = big.vector instanceof SummedVector ? big.vector : SummedVector.of(big.vector);
      for (let k = 0; k < small.vector.size; k++) {
        const before = sum.add(small.vector.idAt(k), small.vector.weightAt(k));
        expect(before).toBe(big.map.get(words[small.vector.idAt(k)]!) ?? 0);
      }
      for (const [t, w] of small.map) big.map.set(t, (big.map.get(t) ?? 0) + w);
      big.vector = sum;
      expect([...asMap(sum, words)]).toEqual([...big.map]);
      stories.splice(stories.indexOf(small), 1);
    }
  });

  it('a summed vector finds every term through its table as it grows', () => {
    const sum = new SummedVector(1);
    const reference = new Map<number, number>();
    const rand = randomFractions(5);
    for (let k = 0; k < 5000; k++) {
      const id = Math.floor(rand() * 3000) * 7919;
      const w = rand();
      expect(sum.add(id, w)).toBe(reference.get(id) ?? 0);
      reference.set(id, (reference.get(id) ?? 0) + w);
    }
    expect(sum.size).toBe(reference.size);
    [...reference.keys()].forEach((id, k) => {
      expect(sum.idAt(k)).toBe(id);
      expect(sum.weightOf(id)).toBe(reference.get(id));
    });
    expect(sum.weightOf(1)).toBe(0);
  });
});

describe('LeadTexts', () => {
  const article = (id: string, title: string, body: string): Article =>
    ({ id, text: body, body: { start: 0, end: body.length }, meta: { title, published: null } }) as unknown as Article;

  it('holds each lead as its term counts and its capitalised names, read once', () => {
    const texts = new LeadTexts();
    const a = article('a', 'Police arrest suspect', 'A suspect, Jamal Williams, was held in Bloomington. Police said Williams ran.');
    const b = article('b', 'Fire in Wellington', 'A fire hit the Waitrose supermarket in Wellington on Sunday, Wellington police said.');
    const [sa, sb] = [texts.slot(a), texts.slot(b)];
    expect(texts.slot(a)).toBe(sa);
    const source = texts.termCountsOf([sb, sa]);
    for (const [i, article] of [b, a].entries()) {
      const counts = [...termCounts(leadText(article))];
      const held = [];
      for (let k = source.from[i]!; k < source.to[i]!; k++) held.push([texts.terms.words[source.ids[k]!], source.counts[k]]);
      expect(held).toEqual(counts);
    }
    const names = (slot: number): string[] => {
      const out = [];
      for (let k = texts.nameFrom(slot); k < texts.nameTo(slot); k++) out.push(texts.names.words[texts.nameIds[k]!]!);
      return out;
    };
    expect(names(sa).sort()).toEqual(['bloomington', 'jamal', 'williams']);
    expect(names(sb).sort()).toEqual(['sunday', 'waitrose', 'wellington']);
    expect(texts.lead(a)).toBe(leadText(a));
  });
});

describe('mergeCasts', () => {
  const cast = (people: string[], places: string[], families: string[] = []): StoryCast => ({
    people: new Set(people),
    nameKeys: new Set(people.filter((p) => p.includes(' ')).map((p) => p.split(' ').slice(-2).join(' '))),
    families: new Set(families),
    places,
    owned: 0,
  });

  it('takes in every name of both casts, even a set of the smaller cast that is larger', () => {
    // the big cast is big by its places; the small one names more people
    const big = cast(['jerry ortiz'], ['los angeles', 'anaheim', 'boston', 'chicago'], ['attack']);
    const small = cast(['jerry ortiz', 'tony reagins', 'mark teixeira'], [], ['attack']);
    const merged = mergeCasts(big, small);
    expect([...merged.people].sort()).toEqual(['jerry ortiz', 'mark teixeira', 'tony reagins']);
    expect([...merged.nameKeys].sort()).toEqual(['jerry ortiz', 'mark teixeira', 'tony reagins']);
    expect([...merged.places].sort()).toEqual(['anaheim', 'boston', 'chicago', 'los angeles']);
  });

  it('never modifies a set it does not own (a group profile is shared)', () => {
    const a = cast(['jerry ortiz'], ['boston']);
    const b = cast(['mark teixeira'], ['anaheim']);
    mergeCasts(a, b);
    expect([...a.people]).toEqual(['jerry ortiz']);
    expect([...b.people]).toEqual(['mark teixeira']);
  });
});
