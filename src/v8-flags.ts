/**
 * V8 tuning for what a run is: a few seconds to minutes of cold, CPU-bound code.
 *
 * In a fresh process much of the CPU goes to TurboFan compiling hot functions on
 * background threads — big graphs, since it inlines callees into them, compiled again
 * after each deoptimization (compromise's tagger and our extractors take many paths).
 * Without inlining each function is compiled once, small; warm code runs a little
 * slower, and a run is mostly warm-up. On this project's 2-core benchmark machine that
 * background work competes with the two analysing threads for the same cores.
 * Measured, the CLI on the benchmark corpus (1,139 articles, --no-cache --jobs 2), runs
 * with and without alternated: user CPU 17.4–18.6 s → 13.6–15.3 s (−17%, 4 pairs); on
 * 20,000 synthetic articles (45 s, longer warm phases) no consistent difference
 * (44 / 51 s → 52 / 45 s). `npm run bench` runs the pipeline both ways. Outputs are the
 * same either way: V8 flags change how code is compiled, never what it computes.
 *
 * Set at run time, before the work starts: V8 flags are per process, so the worker
 * threads started later have them too.
 */
import { setFlagsFromString } from 'node:v8';

export const RUN_V8_FLAGS = ['--no-turbo-inlining'] as const;

/** Applies RUN_V8_FLAGS, unless NEWS_RECONCILE_V8_DEFAULTS=1 asks for V8's defaults. */
export function tuneV8ForRun(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  if (env.NEWS_RECONCILE_V8_DEFAULTS === '1') return [];
  for (const flag of RUN_V8_FLAGS) setFlagsFromString(flag);
  return RUN_V8_FLAGS;
}

/**
 * How much the heap grows after a full collection (src/heap.ts, heapGrowingPercent): set
 * for large dumps, unless NEWS_RECONCILE_V8_DEFAULTS=1 or node was given the flag itself.
 * Read by V8 at every collection, so setting it at run time works.
 */
export function limitHeapGrowth(percent: number | null, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): string | null {
  const chosen = /--heap[-_]growing[-_]percent/;
  if (percent === null || env.NEWS_RECONCILE_V8_DEFAULTS === '1' || execArgv.some((a) => chosen.test(a)) || chosen.test(env.NODE_OPTIONS ?? '')) return null;
  const flag = `--heap-growing-percent=${percent}`;
  setFlagsFromString(flag);
  return flag;
}
