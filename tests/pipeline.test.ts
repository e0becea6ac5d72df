/**
 * End to end on the seed dump: every span the pipeline produces quotes the raw text
 * exactly, and two runs give byte-identical outputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { runPipeline, type PipelineResult } from '../src/pipeline.ts';
import { claimsJsonl, datasetJson, mentionsJsonl } from '../src/output/serialize.ts';
import type { Article, Evidence } from '../src/types.ts';

let articles: Article[];
let result: PipelineResult;

beforeAll(async () => {
  const ingested = await ingest(['sources']);
  articles = ingested.articles;
  result = await runPipeline(articles, ingested.problems, { keepSegmented: true });
});

function textOf(source: string): string {
  const article = articles.find((a) => a.id === source);
  if (!article) throw new Error(`unknown source ${source}`);
  return article.text;
}

function expectEvidenceExact(evidence: Evidence): void {
  const text = textOf(evidence.source);
  expect(evidence.quote).toBe(text.slice(evidence.start, evidence.end));
  // line/column point at the start of the quote
  const before = text.slice(0, evidence.start).split('\n');
  expect(evidence.line).toBe(before.length);
  expect(evidence.column).toBe(before.at(-1)!.length + 1);
}

describe('seed dump, span invariant', () => {
  it('reads the five seed articles without problems', () => {
    expect(articles).toHaveLength(5);
    expect(result.dataset.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('every block and sentence is a span of the raw text', () => {
    expect(result.segmented).toHaveLength(5);
    for (const seg of result.segmented!) {
      for (const unit of [...seg.blocks, ...seg.sentences]) {
        expect(unit.start).toBeGreaterThanOrEqual(seg.article.body.start);
        expect(unit.end).toBeLessThanOrEqual(seg.article.text.length);
        expect(unit.end).toBeGreaterThan(unit.start);
      }
    }
  });

  it('every mention quotes its span', () => {
    expect(result.mentions.length).toBeGreaterThan(50);
    for (const m of result.mentions) expect(m.text).toBe(textOf(m.source).slice(m.start, m.end));
  });

  it('every event mention and its trigger quote their spans', () => {
    expect(result.events.length).toBeGreaterThan(5);
    for (const e of result.events) {
      expect(e.triggerText).toBe(textOf(e.source).slice(e.trigger.start, e.trigger.end));
      expect(e.start).toBeLessThanOrEqual(e.trigger.start);
      expect(e.end).toBeGreaterThanOrEqual(e.trigger.end);
    }
  });

  it('every claim and every conflict value points at the exact raw text', () => {
    expect(result.claims.length).toBeGreaterThan(5);
    for (const c of result.claims) expectEvidenceExact(c.evidence);
    for (const conflict of result.dataset.conflicts) {
      for (const value of conflict.values) value.evidence.forEach(expectEvidenceExact);
    }
  });

  it('canonical attributes only cite claims that exist', () => {
    const ids = new Set(result.claims.map((c) => c.id));
    for (const event of result.dataset.events) {
      for (const attribute of Object.values(event.attributes)) {
        for (const claim of attribute.claims) expect(ids.has(claim)).toBe(true);
      }
    }
  });
});

describe('determinism', () => {
  it('a second run gives byte-identical outputs (without its event mentions, as the CLI runs it)', async () => {
    const again = await runPipeline(articles, result.dataset.problems, { keepEvents: false });
    expect(again.events).toEqual([]);
    expect(datasetJson(again.dataset)).toBe(datasetJson(result.dataset));
    expect(claimsJsonl(again.claims)).toBe(claimsJsonl(result.claims));
    expect(mentionsJsonl(again.mentions, articles)).toBe(mentionsJsonl(result.mentions, articles));
  });
});
