/** What the benchmark's child process reports back (kept apart so the parent need not load the pipeline). */

export const REPORT_MARKER = 'BENCH-REPORT ';

export interface ChildReport {
  phase: 'full' | 'extract';
  jobs: number;
  cache: boolean;
  articles: number;
  /** UTF-8 bytes of the article texts. */
  bytes: number;
  /** Process start → modules loaded (tsx transpile + imports). */
  loadMs: number;
  /** Wall time per phase. `analyze` is segmentation + extraction (workers, cache); `reconcile` the rest of runPipeline. */
  phases: { ingest: number; analyze: number; reconcile: number; write: number };
  /** Ingest → outputs written (excludes loadMs). */
  totalMs: number;
  /** The pipeline's own stage timings; per-article stages are summed over worker threads. */
  stages: Record<string, number>;
  maxRssKB: number;
  /** CPU time of the whole process (all threads, user + system), ingest → written. */
  cpuMs: number;
  /** With the cache: articles analysed rather than read back (each is written to the cache). */
  cacheWrites: number | null;
  events: number;
  conflicts: number;
  problems: number;
  /** Extra threads the analysis started (0: all in the main thread) and whether from the esbuild bundle. */
  threads?: { workers: number; bundled: boolean };
  /** Milliseconds to produce and write each output file. */
  writeMs?: Record<string, number>;
  /** Output files that could not be written, with the error. */
  writeErrors: string[];
}
