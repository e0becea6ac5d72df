/**
 * Per-article analysis (segmentation + mention extraction) with two speed-ups:
 *
 * - a cache keyed by the article's content hash, metadata that changes how it is
 *   read (publication date, zone) and a hash of the extraction code itself, so a
 *   rerun after adding a few articles only analyses the new ones;
 * - a pool of worker threads for the articles that are not cached (`--jobs`).
 *
 * Results are identical whichever path produced them: workers run the same pure
 * `analyzeArticle`, and the cache stores exactly what it returns.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, type ArticleAnalysis } from './pipeline.ts';
import { sha256, shortHash } from './text/hash.ts';
import type { Article, Block, Mention, Sentence } from './types.ts';

/** What is stored per article: the analysis without the article itself. */
export interface StoredAnalysis {
  blocks: Block[];
  sentences: Sentence[];
  mentions: Mention[];
  timings: Record<string, number>;
}

export interface AnalyzeOptions {
  /** Folder for cached analyses; null disables the cache. */
  cacheDir: string | null;
  jobs: number;
  onArticle?: (article: Article) => void;
  /** Stage timings are added here (summed over articles, also from workers). */
  timings?: Record<string, number>;
}

/** Fewer uncached articles than this are analysed in-process: a worker costs ~100 ms to start. */
const MIN_ARTICLES_FOR_WORKERS = 8;

const SRC_DIR = path.dirname(fileURLToPath(import.meta.url));

let codeVersionMemo: string | null = null;

/** A hash of the code whose output the cache stores: editing it invalidates the cache. */
function codeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) files.push(full);
    }
  };
  for (const dir of ['segment', 'extract']) if (existsSync(path.join(SRC_DIR, dir))) walk(path.join(SRC_DIR, dir));
  files.push(path.join(SRC_DIR, 'types.ts'), path.join(SRC_DIR, 'pipeline.ts'));
  codeVersionMemo = sha256(files.map((f) => readFileSync(f, 'utf8')).join('\u0000')).slice(0, 16);
  return codeVersionMemo;
}

function cacheKey(article: Article): string {
  const { published, timezone, language } = article.meta;
  return shortHash([codeVersion(), article.id, article.sha256, article.format, article.body.start, article.body.end, published ?? '', timezone ?? '', language ?? ''], 24);
}

export function storeAnalysis(analysis: ArticleAnalysis, timings: Record<string, number>): StoredAnalysis {
  return { blocks: analysis.segmented.blocks, sentences: analysis.segmented.sentences, mentions: analysis.mentions, timings };
}

function restore(article: Article, stored: StoredAnalysis): ArticleAnalysis {
  return { segmented: { article, blocks: stored.blocks, sentences: stored.sentences }, mentions: stored.mentions };
}

/** In-process analysis that records stage timings. */
export function analyzeTimed(article: Article): StoredAnalysis {
  const timings: Record<string, number> = {};
  const analysis = analyzeArticle(article, (stage, run) => {
    const started = performance.now();
    try {
      return run();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
    }
  });
  return storeAnalysis(analysis, timings);
}

function readCached(file: string): StoredAnalysis | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredAnalysis;
  } catch {
    return null; // missing or corrupt: analyse again
  }
}

export async function analyzeWithCache(articles: readonly Article[], options: AnalyzeOptions): Promise<ArticleAnalysis[]> {
  const results: (StoredAnalysis | null)[] = articles.map(() => null);
  const files = options.cacheDir ? articles.map((a) => path.join(options.cacheDir!, `${cacheKey(a)}.json`)) : null;
  const todo: number[] = [];
  articles.forEach((article, i) => {
    const cached = files ? readCached(files[i]!) : null;
    if (cached) {
      results[i] = { ...cached, timings: {} };
      options.onArticle?.(article);
    } else todo.push(i);
  });

  const done = (i: number, stored: StoredAnalysis): void => {
    results[i] = stored;
    if (files) {
      mkdirSync(options.cacheDir!, { recursive: true });
      writeFileSync(files[i]!, JSON.stringify(stored));
    }
    options.onArticle?.(articles[i]!);
  };

  if (options.jobs > 1 && todo.length >= MIN_ARTICLES_FOR_WORKERS) await analyzeInWorkers(articles, todo, options.jobs, done);
  else for (const i of todo) done(i, analyzeTimed(articles[i]!));

  return results.map((stored, i) => {
    for (const [stage, ms] of Object.entries(stored!.timings)) {
      if (options.timings) options.timings[stage] = (options.timings[stage] ?? 0) + ms;
    }
    return restore(articles[i]!, stored!);
  });
}

/** A small pool: each worker takes the next article when it reports the previous one. */
async function analyzeInWorkers(
  articles: readonly Article[],
  todo: readonly number[],
  jobs: number,
  done: (i: number, stored: StoredAnalysis) => void,
): Promise<void> {
  const queue = [...todo];
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const size = Math.min(jobs, queue.length);
  await Promise.all(
    Array.from({ length: size }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { workerData: { entry } });
        const next = (): void => {
          const i = queue.shift();
          if (i === undefined) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage({ index: i, article: articles[i] });
        };
        worker.on('message', (message: { index: number; stored: StoredAnalysis }) => {
          done(message.index, message.stored);
          next();
        });
        worker.on('error', reject);
        worker.on('online', next);
      }),
    ),
  );
}
