/**
 * The command line. Only this module, ingest and the writers touch the file system:
 * the CLI knows the pipeline, the pipeline knows the stages, the stages know nothing.
 *
 *   reconcile [PATH ...] [--out DIR] [--decisions FILE] [--jobs N] [--quiet]
 *   reconcile explain EVENT_ID [--out DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import cliProgress from 'cli-progress';
import { formatBytes, heapGrowingPercent, heapLimitChosen, planHeap } from './heap.ts';
import { inputBytes } from './ingest/discover.ts';
import { ingest } from './ingest/index.ts';
import { datasetOf, runPipeline } from './pipeline.ts';
import { formatProblem, mentionsJsonlChunks, sortProblems } from './output/serialize.ts';
import { outputFiles } from './output/files.ts';
import { openChunkWriter, writeChunks, type ChunkWriter } from './output/write.ts';
import { readJsonLines, readJsonObjectFile } from './output/read.ts';
import { applyDecisions, parseDecisions } from './review/decisions.ts';
import { diffDatasets } from './review/changes.ts';
import { explainEvent } from './review/explain.ts';
import { plural, storiesNote } from './report/format.ts';
import { analyzeWithCache } from './cache.ts';
import { EventCache } from './event-cache.ts';
import { ReconcileCache } from './reconcile-cache.ts';
import { RunCache } from './run-cache.ts';
import { limitHeapGrowth, tuneV8ForRun } from './v8-flags.ts';
import type { Claim, Dataset, Problem } from './types.ts';

const USAGE = `Usage:
  npm run reconcile -- [PATH ...] [--out DIR] [--decisions FILE] [--jobs N] [--quiet]
  npm run reconcile -- explain EVENT_ID [--out DIR]

  PATH              files or folders to read (recursively); default: sources
  --out DIR         where outputs go; default: output
  --decisions FILE  the reviewer's decisions; default: decisions.json in the first PATH folder
  --jobs N          threads for extraction (used only when the uncached text is
                    large enough to pay for starting them); default: the number of cores
  --no-cache        ignore and do not write the extraction cache (DIR/.cache)
  --quiet           no progress or summary on stderr (problems are still printed)
  --timings         print time per stage on stderr
`;

/** Exit statuses from the contract. */
const EXIT = { ok: 0, someInputsRejected: 1, nothingWritten: 2 } as const;

class UsageError extends Error {}

interface Options {
  paths: string[];
  out: string;
  decisions: string | null;
  jobs: number;
  quiet: boolean;
  cache: boolean;
  timings: boolean;
}

function parseOptions(argv: string[]): { command: 'reconcile' | 'explain' | 'help'; options: Options; rest: string[] } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      decisions: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, got "${values.jobs}"`);
  const isExplain = positionals[0] === 'explain';
  const options: Options = {
    paths: isExplain ? [] : positionals.length > 0 ? positionals : ['sources'],
    out: values.out ?? 'output',
    decisions: values.decisions ?? null,
    jobs,
    quiet: values.quiet ?? false,
    cache: !(values['no-cache'] ?? false),
    timings: values.timings ?? false,
  };
  const command = values.help ? 'help' : isExplain ? 'explain' : 'reconcile';
  return { command, options, rest: isExplain ? positionals.slice(1) : [] };
}

function readPreviousDataset(out: string, problems: Problem[]): Dataset | null {
  const file = path.join(out, 'events.json');
  if (!existsSync(file)) return null;
  try {
    // Read in chunks: at 100k+ articles the file is longer than the longest JS string.
    const data = readJsonObjectFile(file) as unknown as Dataset;
    return data.version === 1 && Array.isArray(data.events) ? data : null;
  } catch (error) {
    problems.push({ path: file, line: null, severity: 'warning', message: `previous dataset unreadable, ids start afresh: ${(error as Error).message}` });
    return null;
  }
}

/** The decisions file: `--decisions`, else decisions.json in the first PATH folder if there is one. */
function decisionsPath(options: Options): string | null {
  if (options.decisions) return options.decisions;
  const first = options.paths[0];
  if (!first || !existsSync(first) || !statSync(first).isDirectory()) return null;
  const candidate = path.join(first, 'decisions.json');
  return existsSync(candidate) ? candidate : null;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function reconcileCommand(options: Options): Promise<number> {
  const interactive = !options.quiet && process.stderr.isTTY === true;
  const ingested = await ingest(options.paths);
  const problems: Problem[] = [...ingested.problems];

  if (ingested.articles.length === 0) {
    for (const problem of sortProblems(problems)) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stderr.write(`reconcile: no readable article in ${options.paths.join(', ')}; nothing written\n`);
    return EXIT.nothingWritten;
  }

  const previous = readPreviousDataset(options.out, problems);
  const bar = interactive
    ? new cliProgress.SingleBar(
        { format: 'extracting {bar} {value}/{total} articles | {duration_formatted}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(ingested.articles.length, 0);
  mkdirSync(options.out, { recursive: true });
  const mentionsFile = path.join(options.out, 'mentions.jsonl');
  const mentionsPartial = path.join(options.out, '.mentions.jsonl.partial');
  // Set when the run goes the long way; on any failure before the rename, the partial file is closed and removed.
  let mentionsWriter: ChunkWriter | null = null;
  let mentionsWritten = false;
  try {
    const cacheDir = path.join(options.out, '.cache');
    const reconcileCache = options.cache ? new ReconcileCache(path.join(cacheDir, 'reconcile', 'last.json')) : undefined;
    // The same articles and code as the last run (the review loop): its reconciliation and mentions.jsonl stand (run-cache.ts).
    const started = performance.now();
    const runCache = reconcileCache ? new RunCache(path.join(cacheDir, 'reconcile', 'run.json'), ingested.articles, reconcileCache) : undefined;
    const served = runCache?.serve(mentionsFile, previous) ?? null;
    let reconciled: Dataset;
    let claims: Claim[];
    let timings: Record<string, number>;
    if (served) {
      bar?.stop();
      reconciled = datasetOf(ingested.articles, served, []);
      claims = served.claims;
      timings = { reconcile: performance.now() - started };
    } else {
      // Mentions go to disk as each article's are built (nothing later needs them); the
      // file takes its final name with the other outputs.
      const writer = (mentionsWriter = openChunkWriter(mentionsPartial));
      // Only what the outputs need is kept (not the run's event mentions: `events`).
      const eventCache = options.cache ? new EventCache(path.join(cacheDir, 'events')) : undefined;
      ({ dataset: reconciled, claims, timings } = await runPipeline(ingested.articles, [], {
        previous,
        keepEvents: false,
        eventStage: eventCache,
        reconcileStage: reconcileCache,
        onMentions: (article, mentions) => {
          for (const chunk of mentionsJsonlChunks(mentions, [article])) writer.write(chunk);
        },
        analyze: (articles, timings) =>
          analyzeWithCache(articles, {
            timings,
            cacheDir: options.cache ? cacheDir : null,
            jobs: options.jobs,
            onArticle: () => bar?.increment(),
          }),
      }));
      bar?.stop();
      writer.close();
      eventCache?.close();
    }

    let dataset = reconciled;
    const decisionsFile = decisionsPath(options);
    let outcome: Parameters<typeof diffDatasets>[2];
    if (decisionsFile) {
      const decisionsPathPosix = toPosix(decisionsFile);
      let text: string | null = null;
      try {
        text = readFileSync(decisionsFile, 'utf8');
      } catch (error) {
        problems.push({ path: decisionsPathPosix, line: null, severity: 'error', message: `cannot read decisions: ${(error as Error).message}` });
      }
      if (text !== null) {
        const parsed = parseDecisions(text, decisionsPathPosix);
        problems.push(...parsed.problems);
        const applied = applyDecisions(dataset, parsed.decisions, decisionsPathPosix);
        problems.push(...applied.problems);
        dataset = applied.dataset;
        outcome = { applied: applied.applied, stale: applied.stale, refused: applied.refused };
      }
    }
    dataset = { ...dataset, problems: sortProblems(problems) };

    const changes = diffDatasets(previous, dataset, outcome);
    const articles = ingested.articles;
    const reportInput = { dataset, claims, articles };
    for (const [name, produce] of outputFiles(reportInput, changes)) writeChunks(path.join(options.out, name), produce());
    if (mentionsWriter) {
      renameSync(mentionsPartial, mentionsFile);
      mentionsWritten = true;
      runCache?.record(mentionsFile);
    }

    for (const problem of dataset.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (!options.quiet && (interactive || options.timings)) {
      process.stderr.write(
        `reconcile: ${plural(articles.length, 'article')}, ${plural(dataset.events.length, 'event')}` +
          `${storiesNote(dataset.stories)}, ${plural(dataset.conflicts.length, 'conflict')}, ` +
          `${plural(dataset.problems.length, 'problem')} → ${options.out}/\n`,
      );
    }
    if (options.timings) {
      if (served) process.stderr.write('  analysis, events   skipped: the same articles and code as the last run\n');
      for (const [stage, ms] of Object.entries(timings)) {
        const note = stage === 'reconcile' && reconcileCache?.hit ? ' (unchanged inputs: from the cache)' : '';
        process.stderr.write(`  ${stage.padEnd(18)} ${ms.toFixed(1)} ms${note}\n`);
      }
    }
    // Any input rejected (an article file, a record, a decision) makes the run exit 1.
    const rejected = dataset.problems.some((p) => p.severity === 'error');
    return rejected ? EXIT.someInputsRejected : EXIT.ok;
  } finally {
    if (mentionsWriter && !mentionsWritten) {
      mentionsWriter.close();
      rmSync(mentionsPartial, { force: true });
    }
  }
}

/**
 * The raw texts of the dataset's sources, read again from their files (when they are
 * still there) so `explain` can show each quote in its sentence. Only texts whose
 * sha256 still matches are used: a changed file would put quotes in the wrong place.
 */
async function sourceTexts(dataset: Dataset): Promise<Map<string, string>> {
  const paths = [...new Set(dataset.sources.map((s) => s.path))].filter((p) => existsSync(p));
  if (paths.length === 0) return new Map();
  const { articles } = await ingest(paths);
  const expected = new Map(dataset.sources.map((s) => [s.id, s.sha256]));
  return new Map(articles.filter((a) => expected.get(a.id) === a.sha256).map((a) => [a.id, a.text]));
}

async function explainCommand(options: Options, rest: string[]): Promise<number> {
  const id = rest[0];
  if (!id) throw new UsageError('explain needs an event id (see events.json or events.csv)');
  const datasetFile = path.join(options.out, 'events.json');
  if (!existsSync(datasetFile)) {
    process.stderr.write(`${datasetFile}: no dataset yet; run \`npm start\` first\n`);
    return EXIT.nothingWritten;
  }
  const dataset = readJsonObjectFile(datasetFile) as unknown as Dataset;
  const claimsFile = path.join(options.out, 'claims.jsonl');
  const claims = existsSync(claimsFile) ? [...readJsonLines<Claim>(claimsFile)] : [];
  try {
    process.stdout.write(`${explainEvent(dataset, claims, id, await sourceTexts(dataset))}\n`);
    return EXIT.ok;
  } catch (error) {
    process.stderr.write(`reconcile explain: ${(error as Error).message}\n`);
    return EXIT.nothingWritten;
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`reconcile: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.nothingWritten;
  }
  if (parsed.command === 'help') {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  try {
    return parsed.command === 'explain' ? await explainCommand(parsed.options, parsed.rest) : await reconcileCommand(parsed.options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`reconcile: ${error.message}\n\n${USAGE}`);
      return EXIT.nothingWritten;
    }
    throw error;
  }
}

/** Set in the environment of a CLI restarted with a bigger heap, so it never restarts again. */
const HEAP_RESTARTED = 'NEWS_RECONCILE_HEAP_RESTARTED';

/**
 * A dump too big for the current heap (heap.ts): restart this CLI once with a bigger
 * one and return its exit status, or warn and return null to run here anyway. A large
 * dump's heap also grows more slowly than V8's default (heapGrowingPercent).
 */
async function restartWithBiggerHeap(argv: string[]): Promise<number | null> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch {
    return null; // main reports the usage error
  }
  if (parsed.command !== 'reconcile') return null;
  const bytes = await inputBytes(parsed.options.paths, process.cwd());
  const plan = planHeap({
    inputBytes: bytes,
    heapLimitBytes: getHeapStatistics().heap_size_limit,
    totalMemoryBytes: totalmem(),
    limitChosen: heapLimitChosen(process.execArgv, process.env.NODE_OPTIONS),
  });
  limitHeapGrowth(heapGrowingPercent(plan.neededBytes, totalmem())); // here and, after a restart, in the child
  if (plan.action === 'enough' || process.env[HEAP_RESTARTED]) return null;
  const need = `${formatBytes(bytes)} of input needs about ${formatBytes(plan.neededBytes)} of heap`;
  if (plan.action === 'warn') {
    process.stderr.write(`reconcile: warning: ${need}, and the run may stop for lack of memory; ${plan.advice}\n`);
    return null;
  }
  if (!parsed.options.quiet) process.stderr.write(`reconcile: ${need}; restarting with --max-old-space-size=${plan.limitMb}\n`);
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${plan.limitMb}`, process.argv[1]!, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [HEAP_RESTARTED]: '1' },
  });
  return child.status ?? EXIT.nothingWritten;
}

/**
 * The command line as a process runs it: V8 tuned, restarted with a bigger heap when the
 * input needs one, then `main`; sets the exit code. Called below when this file is the
 * script (tsx src/cli.ts), and by src/launch.mjs, which runs it from a bundle.
 */
export function run(argv: string[]): void {
  tuneV8ForRun();
  restartWithBiggerHeap(argv)
    .then((status) => (status === null ? main(argv) : status))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`reconcile: internal error: ${(error as Error).stack ?? String(error)}\n`);
        process.exitCode = EXIT.nothingWritten;
      },
    );
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(toPosix(process.argv[1]).split('/').pop()!);
if (invokedDirectly) run(process.argv.slice(2));
