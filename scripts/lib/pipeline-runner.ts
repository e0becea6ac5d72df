/**
 * Runs the pipeline in-process on a set of news-please records, the way a user's dump
 * would be read: the records are written as one JSONL file, ingested, analysed (with
 * a content-hash cache, so repeated evaluations only analyse what changed) and
 * reconciled. The pipeline modules are loaded lazily, so the evaluation can still
 * print its baselines when the pipeline does not load.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toJsonl, type NewsPleaseRecord } from './corpus.ts';
import type { Dataset, Mention } from '../../src/types.ts';

type Modules = {
  ingest: typeof import('../../src/ingest/index.ts').ingest;
  runPipeline: typeof import('../../src/pipeline.ts').runPipeline;
  analyzeWithCache: typeof import('../../src/cache.ts').analyzeWithCache;
};

export interface DumpRun {
  dataset: Dataset;
  mentions: Mention[];
  /** Article id → its primary event (null: none). */
  primaryEvents: Map<string, string | null>;
  /** Article id → the story of its primary event (null: none). */
  stories: Map<string, string | null>;
  ms: number;
}

export interface PipelineRunner {
  /** Runs records written as `<dir>/<name>.jsonl`. */
  runRecords(name: string, records: readonly NewsPleaseRecord[]): Promise<DumpRun>;
  /** Runs files or folders as they are (e.g. the seed folder with its manifest). */
  runPaths(paths: string[]): Promise<DumpRun>;
}

/** Loads the pipeline; returns the reason instead when it cannot be loaded. */
export async function loadPipeline(options: { workDir: string; cacheDir: string | null; jobs: number }): Promise<PipelineRunner | string> {
  let modules: Modules;
  try {
    // Paths in variables: a module that is still missing must not break type checking or loading of this file.
    const paths = ['../../src/ingest/index.ts', '../../src/pipeline.ts', '../../src/cache.ts'];
    const [ingestModule, pipelineModule, cacheModule] = await Promise.all(paths.map((p) => import(p)));
    modules = { ingest: ingestModule.ingest, runPipeline: pipelineModule.runPipeline, analyzeWithCache: cacheModule.analyzeWithCache };
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
  const runPaths = async (paths: string[]): Promise<DumpRun> => {
    const started = performance.now();
    const ingested = await modules.ingest(paths);
    const result = await modules.runPipeline(ingested.articles, ingested.problems, {
      analyze: (articles, timings) => modules.analyzeWithCache(articles, { cacheDir: options.cacheDir, jobs: options.jobs, timings }),
    });
    const primaryEvents = new Map(result.dataset.sources.map((s) => [s.id, s.primaryEvent]));
    const stories = new Map(result.dataset.sources.map((s) => [s.id, s.story]));
    return { dataset: result.dataset, mentions: result.mentions, primaryEvents, stories, ms: performance.now() - started };
  };
  return {
    runPaths,
    async runRecords(name, records) {
      mkdirSync(options.workDir, { recursive: true });
      const file = path.join(options.workDir, `${name}.jsonl`);
      writeFileSync(file, toJsonl(records));
      return runPaths([file]);
    },
  };
}
