/**
 * Seed evaluation: hand labels for the TASS piece (first 15 lines) and the
 * Wikipedia article (lead, infobox, Background, Course of conversation,
 * Consequences) in fixtures/entity/. Prints precision/recall/canonical accuracy and
 * ms per article with and without the compromise filter; asserts honest floors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article, Mention } from '../src/types.ts';
import {
  extractEntities,
  resolveAcrossArticles,
  scoreEntities,
  type CompromiseMode,
  type GoldEntity,
  type LabelledRegion,
} from '../src/extract/entity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import { testArticle } from './article-helper.ts';

const SOURCES = new URL('../sources/', import.meta.url);
const FIXTURES = new URL('../fixtures/entity/', import.meta.url);

function load(file: string): Article {
  const text = readFileSync(new URL(file, SOURCES), 'utf8');
  return testArticle(text, { id: file.replace(/\.txt$/, ''), path: `sources/${file}` });
}

const articles = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort().map(load);
const sentences = articles.map((a) => bodySentences(a));
const gold = JSON.parse(readFileSync(new URL('seed-labels.json', FIXTURES), 'utf8')) as GoldEntity[];
const regions = JSON.parse(readFileSync(new URL('seed-regions.json', FIXTURES), 'utf8')) as LabelledRegion[];

function runAll(mode: CompromiseMode): Mention[][] {
  return articles.map((a, i) => extractEntities(a, sentences[i]!, { compromise: mode }));
}

describe('entity extraction on the seed articles', () => {
  it('labels are exact slices of their sources', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const label of gold) expect(byId.get(label.source)!.text.slice(label.start, label.end)).toBe(label.text);
  });

  it('precision / recall / canonical accuracy stay above the floors', () => {
    const resolved = resolveAcrossArticles(runAll('filtered')).flat();
    const score = scoreEntities(resolved, gold, regions);
    const line = (s: ReturnType<typeof scoreEntities>): string =>
      `P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} canonical=${s.canonicalAccuracy.toFixed(3)} (tp=${s.truePositives} fp=${s.falsePositives} fn=${s.falseNegatives})`;
    console.log(`[entity-eval] all kinds: ${line(score)}`);
    for (const kind of ['person', 'place', 'organization'] as const) {
      const s = scoreEntities(resolved.filter((m) => m.kind === kind), gold.filter((g) => g.kind === kind), regions);
      console.log(`[entity-eval] ${kind.padEnd(12)} ${line(s)}`);
    }
    console.log('[entity-eval] missed:', score.missed.map((m) => `${m.source.slice(0, 3)}:${m.kind}:${m.text}`).join(', ') || '-');
    console.log('[entity-eval] spurious:', score.spurious.map((m) => `${m.source.slice(0, 3)}:${m.kind}:${m.text}`).join(', ') || '-');
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.canonicalAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('the compromise filter saves time without losing mentions (timing printed)', () => {
    const chars = articles.reduce((n, a) => n + a.text.length, 0);
    const timeMode = (mode: CompromiseMode): { ms: number; mentions: Mention[][] } => {
      runAll(mode); // warm-up (compromise lexicon, JIT)
      const runs: number[] = [];
      let mentions: Mention[][] = [];
      for (let r = 0; r < 3; r++) {
        const started = performance.now();
        mentions = runAll(mode);
        runs.push(performance.now() - started);
      }
      runs.sort((a, b) => a - b);
      return { ms: runs[1]! / articles.length, mentions };
    };
    const never = timeMode('never');
    const filtered = timeMode('filtered');
    const always = timeMode('always');
    console.log(
      `[entity-eval] ms/article over ${articles.length} seeds (${chars} chars): never=${never.ms.toFixed(1)} filtered=${filtered.ms.toFixed(1)} always=${always.ms.toFixed(1)}`,
    );
    const count = (m: Mention[][]): number => m.flat().length;
    console.log(`[entity-eval] mentions: never=${count(never.mentions)} filtered=${count(filtered.mentions)} always=${count(always.mentions)}`);
    // Running compromise everywhere may only confirm candidates the filter already explained.
    const key = (m: Mention): string => `${m.source}:${m.start}:${m.end}:${m.kind}:${String(m.value)}`;
    const filteredKeys = new Set(filtered.mentions.flat().map(key));
    const extra = always.mentions.flat().filter((m) => !filteredKeys.has(key(m)));
    console.log('[entity-eval] found only with compromise everywhere:', extra.map((m) => `${m.source.slice(0, 3)}:${m.text}`).join(', ') || '-');
    expect(filtered.ms).toBeLessThan(always.ms);
  });
});
