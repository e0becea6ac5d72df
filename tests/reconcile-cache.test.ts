/**
 * The reconciliation cache (src/reconcile-cache.ts): a rerun with unchanged inputs is
 * served from it with exactly what reconciling gives; any change to what reconcile
 * reads (an article, an event mention, a claim) misses, and so does a previous dataset
 * that would give an event another id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';
import { ingest } from '../src/ingest/index.ts';
import { runPipeline, type PipelineResult } from '../src/pipeline.ts';
import { ReconcileCache, reconcileKey } from '../src/reconcile-cache.ts';
import type { ReconcileInput, ReconcileResult } from '../src/reconcile/index.ts';
import type { Article, Dataset } from '../src/types.ts';

const cacheFile = (): string => path.join(tempDir('reconcile-cache-'), 'reconcile', 'last.json');

let articles: Article[];
let result: PipelineResult;

beforeAll(async () => {
  articles = (await ingest(['sources'])).articles;
  result = await runPipeline(articles, []);
});

/** Runs the pipeline on the seeds through `cache`, counting the reconciliations actually run. */
async function runThrough(cache: ReconcileCache, previous: Dataset | null = null): Promise<{ result: PipelineResult; built: number }> {
  let built = 0;
  const counting = {
    through: (input: ReconcileInput, build: (input: ReconcileInput) => ReconcileResult) =>
      cache.through(input, (given) => {
        built++;
        return build(given);
      }),
  };
  return { result: await runPipeline(articles, [], { reconcileStage: counting, previous }), built };
}

describe('reconciliation cache', () => {
  it('a rerun with the same inputs reconciles nothing and gives the same bytes; a corrupt entry reconciles again', async () => {
    const file = cacheFile();
    const first = await runThrough(new ReconcileCache(file));
    expect(first.built).toBe(1);
    expect(JSON.stringify(first.result.dataset)).toBe(JSON.stringify(result.dataset));

    const cache = new ReconcileCache(file);
    const second = await runThrough(cache);
    expect(second.built).toBe(0);
    expect(cache.hit).toBe(true);
    expect(JSON.stringify(second.result.dataset)).toBe(JSON.stringify(result.dataset));
    expect(JSON.stringify(second.result.claims)).toBe(JSON.stringify(result.claims));

    writeFileSync(file, '{"key": "');
    const third = await runThrough(new ReconcileCache(file));
    expect(third.built).toBe(1);
    expect(JSON.stringify(third.result.dataset)).toBe(JSON.stringify(result.dataset));
  });

  it('a previous dataset serves when the ids come out the same (its own output, a date decided); one that renames an event misses', async () => {
    const file = cacheFile();
    expect((await runThrough(new ReconcileCache(file), null)).built).toBe(1);
    // The run after it: its previous events are that run's own, every event keeps its id.
    const previous = result.dataset;
    expect((await runThrough(new ReconcileCache(file), previous)).built).toBe(0);

    const [event, ...rest] = previous.events;
    const redated: Dataset = { ...previous, events: [{ ...event!, date: '1999-01-01', title: `${event!.title} (edited)` }, ...rest] };
    expect((await runThrough(new ReconcileCache(file), redated)).built).toBe(0);

    const renamed: Dataset = { ...previous, events: [{ ...event!, id: 'ev-000000000000' }, ...rest] };
    const miss = await runThrough(new ReconcileCache(file), renamed);
    expect(miss.built).toBe(1);
    expect(miss.result.dataset.events.map((e) => e.id)).toContain('ev-000000000000');
    // Stored with the ids it gave: the same previous again hits, and serves that id.
    const again = await runThrough(new ReconcileCache(file), renamed);
    expect(again.built).toBe(0);
    expect(JSON.stringify(again.result.dataset)).toBe(JSON.stringify(miss.result.dataset));
  });

  it('the key covers articles, event mentions and claims', async () => {
    const input = (): ReconcileInput => ({ articles, events: [], claims: structuredClone(result.claims), previous: null });
    const key = reconcileKey(input());
    expect(reconcileKey(input())).toBe(key);

    const claims = structuredClone(result.claims);
    claims[0] = { ...claims[0]!, text: `${claims[0]!.text} ` };
    expect(reconcileKey({ ...input(), claims })).not.toBe(key);

    const moved = articles.map((a, i) => (i === 0 ? { ...a, meta: { ...a.meta, published: '1999-01-01' } } : a));
    expect(reconcileKey({ ...input(), articles: moved })).not.toBe(key);

    const event = { id: 'x:e1', source: articles[0]!.id } as ReconcileInput['events'][number];
    expect(reconcileKey({ ...input(), events: [event] })).not.toBe(key);
  });

  it('stores compact JSON, format and key first; another key, a tail cut short or the previous format misses', () => {
    const file = cacheFile();
    const cache = new ReconcileCache(file);
    const input = (): ReconcileInput => ({ articles, events: [], claims: [], previous: null });
    const key = reconcileKey(input());
    let built = 0;
    const build = (): ReconcileResult => (built++, { events: [], conflicts: [], claims: [], primaryEvents: { a: null }, stories: [], primaryStories: {} });
    cache.through(input(), build);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`{"format":"reconcile-cache 3","key":"${key}",`)).toBe(true);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    cache.through(input(), build);
    expect([built, cache.hit]).toEqual([1, true]);

    // Another key first: a miss, whatever follows it (only the first bytes are read).
    writeFileSync(file, `{"format":"reconcile-cache 3","key":"${'0'.repeat(64)}", not JSON`);
    cache.through(input(), build);
    expect([built, cache.hit]).toEqual([2, false]);
    // The right key, a tail cut short: reconciled again, and the entry written anew.
    writeFileSync(file, text.slice(0, text.length - 5));
    cache.through(input(), build);
    expect([built, cache.hit]).toEqual([3, false]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    // An entry of the previous format (key first, result nested): a miss.
    const nested = { events: [], conflicts: [], claims: [], primaryEvents: { a: null }, stories: [], primaryStories: {} };
    writeFileSync(file, JSON.stringify({ key, identities: [], ids: [], result: nested }));
    cache.through(input(), build);
    expect([built, cache.hit]).toEqual([4, false]);
  });
});
