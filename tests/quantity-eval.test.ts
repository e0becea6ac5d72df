/**
 * Seed evaluation: hand-labelled durations and counts in three seed articles
 * (TASS, Reuters live blog, Wikipedia), scored by span overlap + same interval.
 * Captions, credits, bios and the wiki infobox are listed in seed-ignore.json and
 * not scored. Prints precision/recall and holds honest floors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/extract/quantity/index.ts';
import { scoreQuantities, type GoldQuantity } from '../src/extract/quantity/eval.ts';
import { bodySentences } from './sentences-helper.ts';
import type { Article, Mention, Span } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

const root = new URL('../', import.meta.url);
const gold = JSON.parse(readFileSync(new URL('fixtures/quantity/seed-labels.json', root), 'utf8')) as GoldQuantity[];
const ignore = JSON.parse(readFileSync(new URL('fixtures/quantity/seed-ignore.json', root), 'utf8')) as (Span & { source: string })[];
const sources = [...new Set(gold.map((g) => g.source))].sort();

function load(id: string): Article {
  const text = readFileSync(new URL(`sources/${id}.txt`, root), 'utf8');
  return testArticle(text, { id, path: `sources/${id}.txt` });
}

const articles = new Map(sources.map((id) => [id, load(id)]));
const predicted: Mention[] = sources.flatMap((id) => {
  const article = articles.get(id)!;
  return extractQuantities(article, bodySentences(article));
});

describe('seed labels', () => {
  it('quote their sources exactly', () => {
    expect(sources).toHaveLength(3);
    for (const g of gold) expect(articles.get(g.source)!.text.slice(g.start, g.end)).toBe(g.text);
  });

  it('predictions keep the span invariant', () => {
    for (const m of predicted) expect(m.text).toBe(articles.get(m.source)!.text.slice(m.start, m.end));
  });

  it('precision and recall (span overlap + same interval)', () => {
    const rows = [...sources, 'all'].map((id) => {
      const s = scoreQuantities(
        id === 'all' ? predicted : predicted.filter((m) => m.source === id),
        id === 'all' ? gold : gold.filter((g) => g.source === id),
        ignore,
      );
      return { id, ...s };
    });
    for (const r of rows) {
      console.log(`${r.id.padEnd(22)} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} tp=${r.tp} fp=${r.fp} fn=${r.fn}`);
      for (const m of r.id === 'all' ? [] : r.falsePositives) console.log(`  FP ${m.text} ${JSON.stringify(m.kind === 'duration' ? m.duration : m.value)}`);
      for (const g of r.id === 'all' ? [] : r.misses) console.log(`  FN ${g.text} [${g.min}, ${g.max}] ${g.unit}`);
    }
    const all = rows.at(-1)!;
    // Floors a little under the measured values, so a regression fails the test.
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('the scorer counts a wrong interval as both a false positive and a miss', () => {
    const g = gold[0]!;
    const fake: Mention = {
      source: g.source, kind: g.kind, start: g.start, end: g.end, text: g.text, sentence: 0, rule: 'fake',
      value: g.kind === 'duration' ? 'PT1M' : { min: -1, max: -1, unit: g.unit, qualifier: 'exact' },
      ...(g.kind === 'duration' ? { duration: { min: -1, max: -1, unit: g.unit, qualifier: 'exact' as const } } : {}),
    };
    const s = scoreQuantities([fake], [g]);
    expect([s.tp, s.fp, s.fn]).toEqual([0, 1, 1]);
  });
});
