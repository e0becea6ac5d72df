/**
 * Per-article analysis (segmentation + mention extraction) with two speed-ups:
 *
 * - a cache keyed by the article's content hash, metadata that changes how it is
 *   read (publication date, zone) and a hash of the extraction code itself, so a
 *   rerun after adding a few articles only analyses the new ones (kept in
 *   `DIR/.cache/analysis/` by src/pack-store.ts: a few large files, not one per article);
 * - worker threads for the articles that are not cached (`--jobs`), but only when
 *   the uncached work is large enough to pay for starting them (see `workerPlan`);
 *   they start from the bundle built with the CLI's (src/bundles.mjs), or join once
 *   this process has built it, the main thread analysing meanwhile.
 *
 * Results are identical whichever path produced them: workers run the same pure
 * `analyzeArticle`, and the cache stores exactly what it returns.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, makeTimer, type ArticleAnalysis } from './pipeline.ts';
import { sha256, shortHash } from './text/hash.ts';
import type { Article, Block, Mention, Sentence } from './types.ts';
import { LAUNCHER_WORKER_BUNDLE, SRC_DIR } from './paths.ts';
import { PackStore } from './pack-store.ts';
import { loadCompromise } from './extract/entity/compromise-model.ts';

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
  /**
   * Uncached text (UTF-16 code units, ≈ bytes for news) each extra thread must have
   * to be worth starting. Default `WORKER_MIN_CHARS`, or the environment variable
   * `NEWS_RECONCILE_WORKER_MIN_CHARS` (tests set it low to exercise the pool).
   */
  workerMinChars?: number;
  /**
   * Whether the main thread analyses articles too while the threads run (default true:
   * its modules are loaded already). Tests set false so every article crosses a thread.
   */
  mainThreadAnalyzes?: boolean;
  /** Told how the uncached articles are analysed: extra threads started (0: in-process) and whether from the bundle. */
  onPlan?: (plan: { uncached: number; uncachedChars: number; workers: number; bundled: boolean }) => void;
}

/**
 * Why a threshold on text size and not on article count: analysis costs ~5–7 µs per
 * character of article text (entity extraction dominates; measured on ECB+ and the
 * seeds, one core), so 1 MB is ~5–7 s of work, whatever the number of articles.
 * A worker costs ~0.6–0.8 s CPU to start from the esbuild bundle (measured on a busy
 * 2-core host: online in ~0.05 s, first short article done after 0.6–0.8 s CPU; ~2 s
 * with the tsx loader, which re-transpiles the module graph in every thread). The
 * bundle is ready from the launcher (or built by esbuild's own process while the main
 * thread already analyses), and each thread is kept a few articles ahead, so a thread
 * costs only its start. Requiring ~250k characters (≈ 1.5 s of work, 2–3× the start)
 * per extra thread starts one for any dump of a few hundred news articles (the
 * benchmark corpus: 2.1M characters → all `--jobs`), and none for a handful of files,
 * where starting it would cost more than it saves.
 */
export const WORKER_MIN_CHARS = 250_000;


/**
 * The code whose output the cache stores: exactly what `analyzeArticle` runs (the
 * segmenter, the time, quantity and entity extractors, the data model) and the
 * function itself. Event mentions and claims have their own cache (event-cache.ts)
 * and reconciliation runs at every run, so editing them must not invalidate this one.
 * tests/scale.test.ts checks that these folders import nothing outside this set.
 */
export const ANALYSIS_CODE_DIRS = ['segment', 'extract/time', 'extract/quantity', 'extract/entity'] as const;

let codeVersionMemo: string | null = null;

/** The source of `analyzeArticle` in pipeline.ts (the whole file if it cannot be found). */
function analyzeArticleSource(): string {
  const source = readFileSync(path.join(SRC_DIR, 'pipeline.ts'), 'utf8');
  const start = source.indexOf('export function analyzeArticle(');
  const end = start < 0 ? -1 : source.indexOf('\n}\n', start);
  return start < 0 || end < 0 ? source : source.slice(start, end + 2);
}

/**
 * A hash of the TypeScript files under `paths` (folders or files, relative to src/),
 * of types.ts and of `extra` text: what a cache entry was computed with.
 */
export function hashSources(paths: readonly string[], extra: readonly string[] = []): string {
  const files: string[] = [];
  const walk = (full: string): void => {
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) {
      if (full.endsWith('.ts')) files.push(full);
      return;
    }
    for (const name of readdirSync(full).sort()) walk(path.join(full, name));
  };
  for (const entry of paths) walk(path.join(SRC_DIR, entry));
  files.push(path.join(SRC_DIR, 'types.ts'));
  const parts = files.map((f) => `${path.relative(SRC_DIR, f)}\u0000${readFileSync(f, 'utf8')}`);
  return sha256([...parts, ...extra].join('\u0000')).slice(0, 16);
}

/** A hash of the code whose output the cache stores: editing it invalidates the cache. */
export function codeVersion(): string {
  codeVersionMemo ??= hashSources(ANALYSIS_CODE_DIRS, [analyzeArticleSource()]);
  return codeVersionMemo;
}

/** The cache key of an article's analysis (also the base of its event-stage key, event-cache.ts). */
export function analysisKey(article: Article): string {
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
  return storeAnalysis(analyzeArticle(article, makeTimer(timings)), timings);
}

function workerMinChars(options: AnalyzeOptions): number {
  if (options.workerMinChars !== undefined) return options.workerMinChars;
  const fromEnv = Number(process.env.NEWS_RECONCILE_WORKER_MIN_CHARS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : WORKER_MIN_CHARS;
}

/**
 * How many worker threads to start for `uncachedChars` of text: one per
 * `minChars` of work, at most `jobs - 1` (the main thread analyses too, and it has
 * the modules loaded already). 0 = everything in-process.
 */
export function workerPlan(uncachedChars: number, jobs: number, minChars: number): number {
  if (jobs <= 1 || uncachedChars <= 0) return 0;
  if (minChars <= 0) return jobs - 1;
  return Math.min(jobs - 1, Math.floor(uncachedChars / minChars));
}

export async function analyzeWithCache(articles: readonly Article[], options: AnalyzeOptions): Promise<ArticleAnalysis[]> {
  const results: (StoredAnalysis | null)[] = articles.map(() => null);
  const store = options.cacheDir ? PackStore.open(path.join(options.cacheDir, ANALYSIS_FOLDER)) : null;
  const keys = store ? articles.map(analysisKey) : null;
  const todo: number[] = [];
  articles.forEach((article, i) => {
    const cached = store ? store.get<StoredAnalysis>(keys![i]!) : null;
    if (cached) {
      results[i] = { ...cached, timings: {} };
      options.onArticle?.(article);
    } else todo.push(i);
  });

  const done = (i: number, stored: StoredAnalysis): void => {
    results[i] = stored;
    store?.put(keys![i]!, stored);
    options.onArticle?.(articles[i]!);
  };

  if (todo.length > 0) await loadCompromise(); // the main thread analyses too
  const uncachedChars = todo.reduce((n, i) => n + articles[i]!.text.length, 0);
  const workers = workerPlan(uncachedChars, options.jobs, workerMinChars(options));
  if (workers > 0) {
    // The bundle is built while the main thread already analyses (see analyzeInPool).
    await analyzeInPool(articles, todo, workers, workerBundle(), done, options.mainThreadAnalyzes ?? true, (started, bundled) =>
      options.onPlan?.({ uncached: todo.length, uncachedChars, workers: started, bundled }),
    );
  } else {
    options.onPlan?.({ uncached: todo.length, uncachedChars, workers: 0, bundled: false });
    for (const i of todo) done(i, analyzeTimed(articles[i]!));
  }

  if (store) {
    store.finish();
    removeLegacyEntries(options.cacheDir!);
  }

  return results.map((stored, i) => {
    for (const [stage, ms] of Object.entries(stored!.timings)) {
      if (options.timings) options.timings[stage] = (options.timings[stage] ?? 0) + ms;
    }
    return restore(articles[i]!, stored!);
  });
}

/** The analyses' folder inside the cache folder (src/pack-store.ts). */
export const ANALYSIS_FOLDER = 'analysis';

/** An entry of the file-per-entry cache this store replaced: `<24 hex digits>.json`. */
const LEGACY_ENTRY = /^[0-9a-f]{24}\.json$/;

/**
 * Removes the entries of the file-per-entry cache (before src/pack-store.ts) from `dir`:
 * nothing reads them any more. Only names of that exact form are touched.
 */
export function removeLegacyEntries(dir: string): number {
  let removed = 0;
  try {
    for (const name of readdirSync(dir)) {
      if (!LEGACY_ENTRY.test(name)) continue;
      rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  } catch {
    // no folder, or not ours to clean
  }
  return removed;
}

// ─── Worker threads ───────────────────────────────────────────────────────────

/**
 * The worker's entry as one plain ES module. Why: a worker started through tsx
 * (`worker-boot.mjs`) registers the loader and transpiles the whole module graph again
 * in every thread (~2 s CPU each); the bundle is plain JavaScript that Node loads
 * directly. Its packages are inlined, as in the CLI's: compromise's ESM entry is its
 * source tree, hundreds of modules, and a thread loading them one by one took 1.2–1.5 s
 * CPU to its first article against 0.6–0.8 s from one file (5 rounds each).
 *
 * Started by src/launch.mjs (`npm start`, `npm run reconcile`), the bundle is built by the
 * launcher with the CLI's and found here ready (`LAUNCHER_WORKER_BUNDLE`): no build at run
 * time, and the threads start before the main thread's first article. Otherwise (tsx,
 * tests, the benchmark) it is the same file (src/bundles.mjs, same key), built by the first
 * run after an edit with esbuild (the compiler tsx itself runs on, pinned in package.json,
 * imported only then): ~0.45 s wall and ~0.6 s CPU, 0.45–0.55 s of it in esbuild's own
 * process beside the analysing main thread; later runs find it. Any failure (a build
 * error, a platform without its binary) falls back to the tsx boot: slower start, same
 * results.
 */
let bundleMemo: Promise<string | null> | null = null;

function workerBundle(): Promise<string | null> {
  if (process.env.NEWS_RECONCILE_WORKER_BUNDLE === '0') return Promise.resolve(null); // force the tsx boot (tests)
  if (LAUNCHER_WORKER_BUNDLE && existsSync(fileURLToPath(LAUNCHER_WORKER_BUNDLE))) return Promise.resolve(LAUNCHER_WORKER_BUNDLE);
  // Asynchronous: esbuild works in its own process while the main thread analyses.
  bundleMemo ??= import('./bundles.mjs')
    .then(({ ensureBundles }) => ensureBundles({ cli: false }))
    .then((files) => pathToFileURL(files.worker).href)
    .catch(() => null);
  return bundleMemo;
}

function startWorker(bundle: string | null): Worker {
  if (bundle) return new Worker(new URL(bundle));
  const entry = pathToFileURL(path.join(SRC_DIR, 'worker.ts')).href;
  return new Worker(pathToFileURL(path.join(SRC_DIR, 'worker-boot.mjs')), { workerData: { entry } });
}

/** Articles sent ahead to each thread, so it never waits for the main thread to finish an article before getting its next one. */
const IN_FLIGHT_PER_THREAD = 4;

/**
 * A small pool over one queue: `workers` threads, each kept `IN_FLIGHT_PER_THREAD`
 * articles ahead, and the main thread taking articles too, one at a time, yielding
 * to the event loop in between so the threads' replies are handled. The threads
 * join when the bundle is built; the main thread does not wait for it.
 */
async function analyzeInPool(
  articles: readonly Article[],
  todo: readonly number[],
  workers: number,
  bundlePromise: Promise<string | null>,
  done: (i: number, stored: StoredAnalysis) => void,
  mainThreadAnalyzes: boolean,
  onThreads: (started: number, bundled: boolean) => void,
): Promise<void> {
  const queue = [...todo];
  let head = 0;
  const take = (): number | undefined => (head < queue.length ? queue[head++] : undefined);

  const runThread = (bundle: string | null): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = startWorker(bundle);
      const inFlight = new Set<number>();
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        void worker.terminate().then(() => resolve());
      };
      const fill = (): void => {
        while (inFlight.size < IN_FLIGHT_PER_THREAD) {
          const next = take();
          if (next === undefined) break;
          inFlight.add(next);
          worker.postMessage({ index: next, article: articles[next] });
        }
        if (inFlight.size === 0) finish();
      };
      worker.on('message', (message: { index: number; stored: StoredAnalysis }) => {
        inFlight.delete(message.index);
        done(message.index, message.stored);
        fill();
      });
      // A thread that fails (cannot load, or exits on its own) gives its articles back; the
      // main thread finishes the queue, and a real analysis error surfaces there.
      const giveBack = (): void => {
        if (finished) return;
        queue.push(...[...inFlight].sort((a, b) => a - b));
        inFlight.clear();
        finished = true;
        resolve();
      };
      worker.on('error', giveBack);
      worker.on('exit', giveBack);
      worker.on('online', fill);
    });

  // Threads start once the bundle is ready, and only if work is left by then.
  const threads = bundlePromise.then((bundle) => {
    const started = head < queue.length ? workers : 0;
    onThreads(started, bundle !== null);
    // When and from what the threads start (tests/launch.test.ts; measuring the start).
    if (process.env.NEWS_RECONCILE_DEBUG_THREADS === '1') {
      const at = `${performance.now().toFixed(0)} ms after the process started, ${head} articles in`;
      process.stderr.write(`threads: ${started} started ${at}, from ${bundle ?? 'the tsx boot'}\n`);
    }
    return Promise.all(Array.from({ length: started }, () => runThread(bundle)));
  });

  if (mainThreadAnalyzes) {
    // Yields before each article, the first too: a bundle that is ready (the launcher's)
    // starts the threads now rather than after the main thread's first article.
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const i = take();
      if (i === undefined) break;
      done(i, analyzeTimed(articles[i]!));
    }
  }
  await threads;
  // Articles given back by a failed thread after the main thread's loop ended.
  for (let i = take(); i !== undefined; i = take()) done(i, analyzeTimed(articles[i]!));
}
