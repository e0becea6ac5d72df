/**
 * The benchmark's worker process: one pipeline run, timed by phase, reporting its own
 * peak RSS. It does what `reconcile PATH... --out DIR` does (ingest → per-article
 * analysis with cache and worker threads → cross-article stages → the eight output
 * files), minus the reviewer's decisions, with a clock around each phase.
 *
 *   node --import tsx scripts/lib/bench-child.ts --out DIR --jobs N [--no-cache] [--phase full|extract]
 *        [--then-add FILE --into DIR] [--then-rerun N] PATH...
 *
 * Prints one line `BENCH-REPORT {json}` (a ChildReport) on stdout per run. With
 * `--then-add`, FILE is copied into DIR after the first run and the run is repeated
 * with the same output folder (an incremental rerun in the same process, so the cache
 * key's hash of the code cannot change in between while others edit src/). With
 * `--then-rerun N`, the run is then repeated N more times with nothing changed (the
 * review loop's reruns).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../../src/ingest/index.ts';
import { inputBytes } from '../../src/ingest/discover.ts';
import { datasetOf, runPipeline } from '../../src/pipeline.ts';
import { analyzeWithCache } from '../../src/cache.ts';
import { EventCache } from '../../src/event-cache.ts';
import { ReconcileCache } from '../../src/reconcile-cache.ts';
import { RunCache } from '../../src/run-cache.ts';
import { mentionsJsonlChunks, sortProblems } from '../../src/output/serialize.ts';
import { outputFiles } from '../../src/output/files.ts';
import { openChunkWriter, writeChunks } from '../../src/output/write.ts';
import { readJsonObjectFile } from '../../src/output/read.ts';
import { diffDatasets } from '../../src/review/changes.ts';
import type { Claim, Dataset } from '../../src/types.ts';
import { REPORT_MARKER, type ChildReport } from './bench-protocol.ts';
import { limitHeapGrowth, tuneV8ForRun } from '../../src/v8-flags.ts';
import { heapGrowingPercent, neededHeapBytes } from '../../src/heap.ts';

async function main(): Promise<void> {
  const loadMs = performance.now();
  tuneV8ForRun(); // as the CLI does (src/v8-flags.ts)
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      'no-cache': { type: 'boolean', default: false },
      phase: { type: 'string', default: 'full' },
      'then-add': { type: 'string' },
      into: { type: 'string' },
      'then-rerun': { type: 'string', default: '0' },
    },
  });
  // As the CLI: a large dump's heap grows more slowly (src/heap.ts).
  limitHeapGrowth(heapGrowingPercent(neededHeapBytes(await inputBytes(positionals, process.cwd())), totalmem()));
  const out = values.out ?? 'output';
  const jobs = Number(values.jobs);
  const cache = !values['no-cache'];
  const phase = values.phase === 'extract' ? 'extract' : 'full';
  await runOnce({ paths: positionals, out, jobs, cache, phase, loadMs });
  if (values['then-add'] && values.into) {
    copyFileSync(values['then-add'], path.join(values.into, path.basename(values['then-add'])));
    await runOnce({ paths: positionals, out, jobs, cache, phase, loadMs: 0 });
  }
  for (let n = Number(values['then-rerun']); n > 0; n--) await runOnce({ paths: positionals, out, jobs, cache, phase, loadMs: 0 });
}

async function runOnce({ paths, out, jobs, cache, phase, loadMs }: { paths: string[]; out: string; jobs: number; cache: boolean; phase: 'full' | 'extract'; loadMs: number }): Promise<void> {
  const cacheDir = path.join(out, '.cache');
  const eventCache = cache ? new EventCache(path.join(cacheDir, 'events')) : undefined;
  // As the CLI: the last reconciliation is kept (a rerun after new articles misses it and pays its key and write).
  const reconcileCache = cache ? new ReconcileCache(path.join(cacheDir, 'reconcile', 'last.json')) : undefined;
  let analysed: number | null = null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ingested = await ingest(paths);
  const t1 = performance.now();
  const bytes = ingested.articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  const stages: Record<string, number> = {};
  let threads: ChildReport['threads'];
  const analyzeOptions = { timings: stages, cacheDir: cache ? cacheDir : null, jobs, onPlan: (plan: { uncached: number; workers: number; bundled: boolean }) => {
      threads = { workers: plan.workers, bundled: plan.bundled };
      analysed = plan.uncached;
    },
  };
  let analyzeMs = 0;
  const report = (rest: Pick<ChildReport, 'phases' | 'totalMs' | 'events' | 'conflicts' | 'problems' | 'writeErrors'> & Partial<Pick<ChildReport, 'writeMs'>>): void => {
    const cpu = process.cpuUsage(cpu0);
    const full: ChildReport = {
      phase,
      jobs,
      cache,
      articles: ingested.articles.length,
      bytes,
      loadMs,
      stages,
      maxRssKB: process.resourceUsage().maxRSS,
      cpuMs: (cpu.user + cpu.system) / 1000,
      cacheWrites: cache ? (analysed ?? 0) : null,
      threads,
      ...rest,
    };
    process.stdout.write(`${REPORT_MARKER}${JSON.stringify(full)}\n`);
  };

  if (phase === 'extract') {
    await analyzeWithCache(ingested.articles, analyzeOptions);
    const t2 = performance.now();
    report({ phases: { ingest: t1 - t0, analyze: t2 - t1, reconcile: 0, write: 0 }, totalMs: t2 - t0, events: 0, conflicts: 0, problems: ingested.problems.length, writeErrors: [] });
    return;
  }

  const previousFile = path.join(out, 'events.json');
  const previous = existsSync(previousFile) ? (readJsonObjectFile(previousFile) as unknown as Dataset) : null;
  mkdirSync(out, { recursive: true });
  const mentionsFile = path.join(out, 'mentions.jsonl');
  // As the CLI: the same articles and code as the last run take its reconciliation and keep its mentions.jsonl (src/run-cache.ts).
  const runCache = reconcileCache ? new RunCache(path.join(cacheDir, 'reconcile', 'run.json'), ingested.articles, reconcileCache) : undefined;
  const served = runCache?.serve(mentionsFile, previous) ?? null;
  let result: { dataset: Dataset; claims: Claim[] };
  if (served) result = { dataset: datasetOf(ingested.articles, served, []), claims: served.claims };
  else {
    // As the CLI: mentions are written as each article's are built, and not kept.
    const mentionsWriter = openChunkWriter(mentionsFile);
    const run = await runPipeline(ingested.articles, [], {
      previous,
      keepEvents: false, // as the CLI: the outputs never read the run's event mentions
      eventStage: eventCache,
      reconcileStage: reconcileCache,
      onMentions: (article, mentions) => {
        for (const chunk of mentionsJsonlChunks(mentions, [article])) mentionsWriter.write(chunk);
      },
      analyze: async (articles, timings) => {
        const started = performance.now();
        const analyses = await analyzeWithCache(articles, { ...analyzeOptions, timings });
        analyzeMs = performance.now() - started;
        return analyses;
      },
    });
    mentionsWriter.close();
    eventCache?.close();
    runCache?.record(mentionsFile);
    Object.assign(stages, run.timings);
    result = run;
  }
  const t2 = performance.now();

  const dataset: Dataset = { ...result.dataset, problems: sortProblems(ingested.problems) };
  const reportInput = { dataset, claims: result.claims, articles: ingested.articles };
  const files = outputFiles(reportInput, diffDatasets(previous, dataset));
  // A failing writer (e.g. an output too big for one string) is reported, and the others still run.
  const writeErrors: string[] = [];
  const writeMs: Record<string, number> = {};
  for (const [name, content] of files) {
    const started = performance.now();
    try {
      writeChunks(path.join(out, name), content());
    } catch (error) {
      writeErrors.push(`${name}: ${(error as Error).message}`);
    }
    writeMs[name] = performance.now() - started;
  }
  const t3 = performance.now();
  report({
    phases: { ingest: t1 - t0, analyze: analyzeMs, reconcile: t2 - t1 - analyzeMs, write: t3 - t2 },
    totalMs: t3 - t0,
    events: dataset.events.length,
    conflicts: dataset.conflicts.length,
    problems: dataset.problems.length,
    writeMs,
    writeErrors,
  });
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'lib', 'bench-child.ts'));
if (invokedDirectly) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench-child: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
