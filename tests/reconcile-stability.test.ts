/**
 * Id stability end to end: the real pipeline on four of the five seed articles, then
 * on all five with the first dataset as `previous` (what the CLI does with the
 * events.json already in --out). Every event of the first run that still exists keeps
 * its id; events that the new article joins into one keep one of their old ids.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import type { Dataset } from '../src/types.ts';
import { tempDir } from './temp-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = path.join(ROOT, 'sources');
const scratch = tempDir('reconcile-stability-');

/** The seed dump without one article (its manifest entry dropped too). */
function withoutArticle(stem: string): string {
  const dir = path.join(scratch, `without-${stem}`);
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')) as { file: string }[];
  for (const f of readdirSync(SOURCES).filter((name) => name.endsWith('.txt') && name !== `${stem}.txt`)) {
    copyFileSync(path.join(SOURCES, f), path.join(dir, f));
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest.filter((m) => m.file !== `${stem}.txt`)));
  return dir;
}

async function datasetOf(dir: string, previous: Dataset | null = null): Promise<Dataset> {
  const ingested = await ingest([dir], { cwd: ROOT });
  return (await runPipeline(ingested.articles, ingested.problems, { previous })).dataset;
}

/** First-run event id → the ids of the second-run events holding its mentions. */
function successors(first: Dataset, second: Dataset): Map<string, Set<string>> {
  const eventOfMention = new Map<string, string>();
  for (const e of second.events) for (const m of e.mentions) eventOfMention.set(m, e.id);
  const out = new Map<string, Set<string>>();
  for (const e of first.events) {
    out.set(e.id, new Set(e.mentions.map((m) => eventOfMention.get(m)).filter((x): x is string => x !== undefined)));
  }
  return out;
}

describe.each([
  ['000_d399de622995a746', 'TASS'],
  ['003_cd1cb9dd255ad211', 'Reuters'],
])('ids survive adding %s (%s) to a run', (stem) => {
  it('keeps every first-run event id that still exists', async () => {
    const first = await datasetOf(withoutArticle(stem));
    const second = await datasetOf(SOURCES, first);
    const ids = second.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    const next = successors(first, second);
    // How many first-run events flow into each second-run event.
    const predecessors = new Map<string, string[]>();
    for (const [old, targets] of next) for (const t of targets) predecessors.set(t, [...(predecessors.get(t) ?? []), old]);

    let kept = 0;
    for (const [old, targets] of next) {
      expect(targets.size).toBeGreaterThan(0); // mentions never disappear when an article is added
      const [target] = [...targets];
      if (targets.size === 1 && predecessors.get(target!)!.length === 1) {
        expect(target, `first-run event ${old}`).toBe(old); // still exists → same id
        kept++;
      } else {
        // Joined with other first-run events: the joint event carries one of their ids.
        for (const t of targets) expect(predecessors.get(t)).toContain(t);
      }
    }
    expect(kept).toBeGreaterThan(first.events.length * 0.9);

    // The same second run again gives the same ids (deterministic).
    const again = await datasetOf(SOURCES, first);
    expect(again.events.map((e) => e.id)).toEqual(ids);
  });
});
