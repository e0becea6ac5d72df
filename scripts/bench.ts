/**
 * `npm run bench` — how fast the pipeline runs, against a floor.
 *
 *   npx tsx scripts/bench.ts [--quick] [--large N] [--jobs N] [--no-large] [--budget-gb G] [--budget-min M] [--heap-gb G] [--keep]
 *
 * Corpus: the ECB+ and GVC texts (when /work/shared/datasets is there) and the seed
 * articles, written as news-please JSONL dumps in a temp folder. One run measures:
 *  - the floor: one core running only remark-parse + chrono-node over the same texts;
 *  - the pipeline end to end (ingest → outputs written) in a child process, no cache;
 *  - the ratio in paired rounds: the floor (child process) right before the pipeline, 3 times
 *    (--quick: once), each round's ratio and their median (one run's speed moves a lot here);
 *  - the real CLI on the same folder, started as users start it (src/launch.mjs; wall time and peak RSS from /usr/bin/time),
 *    and on the seeds alone (a small dump, where start-up is most of the run; median of 3);
 *  - extraction with jobs=1 and jobs=2;
 *  - an incremental rerun with the cache after adding 1% new articles, then two reruns with
 *    nothing changed (the review loop: the last run's reconciliation and mentions.jsonl stand);
 *  - a large synthetic dump (default 1,000,000 articles; --quick: 20,000) under a
 *    memory and time budget, extrapolated from smaller runs when it would not fit
 *    (a million short articles takes most of an hour: `--budget-gb 22 --heap-gb 16 --budget-min 90`).
 * Prints Markdown tables and writes them to docs/benchmark.md; with --no-large the
 * large-dump section of the previous docs/benchmark.md is kept.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ECBPLUS_DOCS,
  GVC_DOCS,
  ecbToRecord,
  gvcToRecord,
  readJsonlFile,
  readSeedTexts,
  recordToText,
  toJsonl,
  type CorpusText,
  type EcbDoc,
  type GvcDoc,
  type NewsPleaseRecord,
} from './lib/corpus.ts';
import { FLOOR_MARKER, runFloor, type FloorResult } from './lib/floor.ts';
import { writeGeneratedDump } from './lib/generate.ts';
import { errorSummary, jsonLines, parseGnuTime, runChild, type ChildResult } from './lib/child.ts';
import { REPORT_MARKER, type ChildReport } from './lib/bench-protocol.ts';
import { extrapolate, largeSizes, type ScalePoint } from './lib/scale.ts';
import { duration, markdownTable, megabytes, memory, rate, ratio } from './lib/table.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS_DIR = path.join(ROOT, 'sources');
const CHILD = path.join(ROOT, 'scripts', 'lib', 'bench-child.ts');
const FLOOR_CHILD = path.join(ROOT, 'scripts', 'lib', 'floor-child.ts');
const LAUNCHER = path.join(ROOT, 'src', 'launch.mjs');
const OUT_DOC = path.join(ROOT, 'docs', 'benchmark.md');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    large: { type: 'string' },
    'no-large': { type: 'boolean', default: false },
    jobs: { type: 'string' },
    'budget-gb': { type: 'string', default: '8' },
    'budget-min': { type: 'string', default: '10' },
    'heap-gb': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const cores = availableParallelism();
const jobs = args.jobs ? Number(args.jobs) : cores;
const largeN = args.large ? Number(args.large) : args.quick ? 20_000 : 1_000_000;
/** Read now: commits made while the (long) large runs go on must not be credited with them. */
const commitAtStart = currentCommit();
const budgetKB = Number(args['budget-gb']) * 1024 * 1024;
const budgetMs = Number(args['budget-min']) * 60_000;
/** V8's heap limit for the large runs: below the RSS budget, so V8 collects before the run is stopped for memory. */
const heapMB = Math.floor((args['heap-gb'] ? Number(args['heap-gb']) : 0.75 * Number(args['budget-gb'])) * 1024);
if (!Number.isInteger(largeN) || largeN < 1) throw new Error(`--large must be a positive integer, got ${args.large}`);

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

// ─── Corpus ─────────────────────────────────────────────────────────────────

const work = mkdtempSync(path.join(tmpdir(), 'news-bench-'));
const notes: string[] = [];

const ecb = readJsonlFile<EcbDoc>(ECBPLUS_DOCS);
const gvc = readJsonlFile<GvcDoc>(GVC_DOCS);
if (!ecb) notes.push(`ECB+ not found at ${ECBPLUS_DOCS}: skipped.`);
if (!gvc) notes.push(`GVC not found at ${GVC_DOCS}: skipped.`);
for (const note of notes) log(note);
const records: NewsPleaseRecord[] = [...(ecb ?? []).map(ecbToRecord), ...(gvc ?? []).map(gvcToRecord)];
const seeds = readSeedTexts(SEEDS_DIR);

/** A dump folder: the records as one JSONL file plus a copy of the seed folder (txt + manifest). */
function writeDumpFolder(dir: string, dumpRecords: readonly NewsPleaseRecord[]): void {
  mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  if (dumpRecords.length > 0) writeFileSync(path.join(dir, 'corpus.jsonl'), toJsonl(dumpRecords));
  if (existsSync(SEEDS_DIR)) {
    for (const f of readdirSync(SEEDS_DIR)) if (f.endsWith('.txt') || f === 'manifest.json') copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, 'seeds', f));
  }
}

const corpusDir = path.join(work, 'corpus');
writeDumpFolder(corpusDir, records);
const texts: CorpusText[] = [...records.map(recordToText), ...seeds];
const corpusBytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text, 'utf8'), 0);
log(`corpus: ${texts.length} texts (${records.length} from datasets, ${seeds.length} seeds), ${megabytes(corpusBytes)} → ${corpusDir}`);

// ─── Runs ───────────────────────────────────────────────────────────────────

interface ChildRun {
  label: string;
  result: ChildResult;
  report: ChildReport | null;
  /** One per run the child made (two with `thenAdd`). */
  reports: ChildReport[];
  error: string | null;
}

async function pipelineRun(label: string, paths: string[], out: string, opts: { jobs: number; cache: boolean; phase?: 'full' | 'extract'; timeoutMs?: number; rssLimitKB?: number; heapMB?: number; thenAdd?: { file: string; into: string }; thenRerun?: number; env?: Record<string, string> }): Promise<ChildRun> {
  log(`${label} …`);
  const node = [...(opts.heapMB ? [`--max-old-space-size=${opts.heapMB}`] : []), '--import', 'tsx', CHILD];
  const childArgs = ['--out', out, '--jobs', String(opts.jobs), '--phase', opts.phase ?? 'full', ...(opts.cache ? [] : ['--no-cache']), ...(opts.thenAdd ? ['--then-add', opts.thenAdd.file, '--into', opts.thenAdd.into] : []), ...(opts.thenRerun ? ['--then-rerun', String(opts.thenRerun)] : []), ...paths];
  const result = await runChild(process.execPath, [...node, ...childArgs], { cwd: ROOT, timeoutMs: opts.timeoutMs, rssLimitKB: opts.rssLimitKB, env: opts.env ? { ...process.env, ...opts.env } : undefined });
  let reports: ChildReport[] = [];
  let error: string | null = null;
  try {
    reports = jsonLines<ChildReport>(result.stdout, REPORT_MARKER);
  } catch (e) {
    error = `unreadable report: ${(e as Error).message}`;
  }
  const report = reports[0] ?? null;
  if (result.killedFor) error = `stopped after ${duration(result.wallMs)}: over the ${result.killedFor === 'memory' ? `${memory(opts.rssLimitKB ?? 0)} memory` : `${duration(opts.timeoutMs ?? 0)} time`} budget (peak RSS seen ${memory(result.polledPeakRssKB)})`;
  else if (!report) error = `exit ${result.code ?? result.signal}: ${errorSummary(result.stderr)}`;
  log(error ? `${label}: FAILED — ${error}` : `${label}: ${duration(report!.totalMs)} (+${duration(report!.loadMs)} load), peak RSS ${memory(report!.maxRssKB)}`);
  return { label, result, report, reports, error };
}


// 1. Floor (this process, one core; one warm-up text so lazy library set-up is not counted).
log('floor: remark-parse + chrono-node, one core …');
runFloor(texts.slice(0, 1));
const floor: FloorResult = runFloor(texts);
log(`floor: ${duration(floor.ms)} for ${floor.articles} texts (${floor.nodes} mdast nodes, ${floor.dates} chrono results)`);

// 1b. What a second core gives this kind of work here: the floor in one process alone, then in two at once.
// (A virtual machine's cores may share one physical core or its memory bandwidth: then threads cannot pay.)
const floorTexts = path.join(work, 'floor-texts.json');
writeFileSync(floorTexts, JSON.stringify(texts));
async function floorInProcesses(count: number): Promise<(FloorResult | null)[]> {
  const runs = await Promise.all(Array.from({ length: count }, () => runChild(process.execPath, ['--import', 'tsx', FLOOR_CHILD, floorTexts], { cwd: ROOT })));
  return runs.map((run) => (run.code === 0 ? (jsonLines<FloorResult>(run.stdout, FLOOR_MARKER)[0] ?? null) : null));
}
log('second core: the floor in one process, then in two at once …');
const floorAlone = (await floorInProcesses(1))[0] ?? null;
const floorPair = cores >= 2 ? await floorInProcesses(2) : [];

// 2. Pipeline end to end, no cache, all cores. The bundles are built first, as a user's runs
// find them (src/bundles.mjs: the launcher's first run builds them; the pipeline runs below
// start their worker threads from the same file).
if (existsSync(LAUNCHER)) await runChild(process.execPath, [LAUNCHER, '--help'], { cwd: ROOT });
const full = await pipelineRun(`pipeline, --no-cache --jobs ${jobs}`, [corpusDir], path.join(work, 'out-full'), { jobs, cache: false });
// 2b. The same with V8's default flags (src/v8-flags.ts is skipped): what the CLI's tuning gives.
const fullV8Defaults = await pipelineRun(`pipeline, V8 defaults`, [corpusDir], path.join(work, 'out-full-v8'), { jobs, cache: false, env: { NEWS_RECONCILE_V8_DEFAULTS: '1' } });

// 2c. The ratio in paired rounds: on a shared virtual machine the speed of one run against another
// minutes apart moves by a third either way, so each round runs the floor (in a child process, as the
// pipeline runs) right before the pipeline, and the ratio is read per round.
const ROUNDS = args.quick ? 1 : 3;
const rounds: { floorMs: number; pipelineMs: number }[] = [];
for (let r = 1; r <= ROUNDS; r++) {
  const floorRun = (await floorInProcesses(1))[0] ?? null;
  const pipelineRound = await pipelineRun(`paired round ${r}/${ROUNDS}: pipeline`, [corpusDir], path.join(work, `out-round-${r}`), { jobs, cache: false });
  if (floorRun && pipelineRound.report) rounds.push({ floorMs: floorRun.ms, pipelineMs: pipelineRound.report.totalMs });
}

// 3. The real CLI on the same folder, for an outside view of wall time and peak RSS.
log('CLI cross-check …');
const timeFile = path.join(work, 'gnu-time.txt');
const hasGnuTime = existsSync('/usr/bin/time');
// As users start it (npm run reconcile: src/launch.mjs; its bundles were built above).
const cliRun = hasGnuTime
  ? await runChild('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, LAUNCHER, corpusDir, '--out', path.join(work, 'out-cli'), '--no-cache', '--jobs', String(jobs), '--timings', '--quiet'], { cwd: ROOT })
  : null;
const cliTime = cliRun && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null;
const cliOk = cliRun !== null && (cliRun.code === 0 || cliRun.code === 1);
if (cliRun && !cliOk) log(`CLI: exit ${cliRun.code}: ${errorSummary(cliRun.stderr)}`);
// A small dump as most runs are (the five seeds): start-up is most of it. Three runs, the median.
const smallRuns: { wallMs: number; maxRssKB: number }[] = [];
if (hasGnuTime && existsSync(SEEDS_DIR)) {
  for (let r = 0; r < 3; r++) {
    const run = await runChild('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, LAUNCHER, SEEDS_DIR, '--out', path.join(work, 'out-cli-seeds'), '--no-cache', '--quiet'], { cwd: ROOT });
    const measured = run.code === 0 || run.code === 1 ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null;
    if (!measured) break;
    smallRuns.push(measured);
  }
}
const smallRun = smallRuns.length > 0 ? [...smallRuns].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(smallRuns.length / 2)]! : null;

// 4. Extraction alone, jobs=1 vs jobs=2 (the policy decides whether threads start) vs jobs=2 with threads forced.
const extract1 = await pipelineRun('extraction, --jobs 1', [corpusDir], path.join(work, 'out-j1'), { jobs: 1, cache: false, phase: 'extract' });
const extract2 = await pipelineRun('extraction, --jobs 2', [corpusDir], path.join(work, 'out-j2'), { jobs: 2, cache: false, phase: 'extract' });
const extract2forced = await pipelineRun('extraction, --jobs 2, threads forced', [corpusDir], path.join(work, 'out-j2f'), { jobs: 2, cache: false, phase: 'extract', env: { NEWS_RECONCILE_WORKER_MIN_CHARS: '1' } });

// 5. Incremental: a cached run on 99% of the corpus, then 1% new articles added as a new file.
const holdout = Math.max(1, Math.round(records.length / 100));
const incDir = path.join(work, 'incremental');
writeDumpFolder(incDir, records.slice(0, records.length - holdout));
const incOut = path.join(work, 'out-incremental');
const newFile = path.join(work, 'new-articles.jsonl');
writeFileSync(newFile, toJsonl(records.slice(records.length - holdout)));
const incremental = await pipelineRun(`incremental: run with cache on ${records.length - holdout + seeds.length} articles, add ${holdout}, rerun`, [incDir], path.join(work, 'out-incremental'), {
  jobs,
  cache: true,
  thenAdd: { file: newFile, into: incDir },
  // Then twice unchanged, as in the review loop: both skip from ingest to the outputs, taking the last run's reconciliation and mentions.jsonl (src/run-cache.ts).
  thenRerun: 2,
});
const [cold, warm, same, again] = incremental.reports;

// 6. Large synthetic dump.
interface LargePoint {
  n: number;
  bytes: number;
  run: ChildRun;
}
const large: LargePoint[] = [];
let largeNote = '';
async function largeRun(n: number, budget: { timeoutMs: number; rssLimitKB: number }): Promise<LargePoint> {
  const file = path.join(work, `large-${n}.jsonl`);
  log(`generating ${n.toLocaleString('en-US')} articles …`);
  const bytes = await writeGeneratedDump(file, n);
  const run = await pipelineRun(`large dump, ${n.toLocaleString('en-US')} articles`, [file], path.join(work, `out-large-${n}`), {
    jobs,
    cache: false,
    heapMB,
    ...budget,
  });
  rmSync(file, { force: true });
  rmSync(path.join(work, `out-large-${n}`), { recursive: true, force: true });
  const point = { n, bytes, run };
  large.push(point);
  return point;
}

const measured = (): ScalePoint[] =>
  large.filter((p) => p.run.report).map((p) => ({ n: p.n, ms: p.run.report!.totalMs + p.run.report!.loadMs, rssKB: p.run.report!.maxRssKB }));

if (!args['no-large']) {
  const budget = { timeoutMs: budgetMs, rssLimitKB: budgetKB };
  for (const n of largeSizes(largeN)) {
    if (large.length > 0) {
      if (measured().length === 0 || !large[large.length - 1]!.run.report) break;
      const guess = extrapolate(measured(), n);
      // Only the time decides: peak RSS of a smaller run overstates what a bigger one needs (with a high heap
      // limit V8 collects lazily), and a run over the memory budget is stopped as soon as it crosses it.
      if (guess.ms > budget.timeoutMs) {
        largeNote += `${n.toLocaleString('en-US')} articles not run: the smaller runs predict ${duration(guess.ms)} (and ${memory(guess.rssKB)}), over the time budget. `;
        break;
      }
    }
    await largeRun(n, budget);
  }
}

// ─── Report ─────────────────────────────────────────────────────────────────

/** The short hash of the commit measured, with "+changes" when the tree differs from it. */
function currentCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/** The commit read at the start, or both when HEAD moved during the run (an hour at 1M). */
function measuredCommit(atStart: string): string {
  const atEnd = currentCommit();
  return atEnd === atStart ? atStart : `${atStart} (HEAD moved to ${atEnd} during the run)`;
}

/** The "## Large dump" section of the current docs/benchmark.md, without any earlier "kept" note. */
function previousLargeSection(): string | null {
  if (!existsSync(OUT_DOC)) return null;
  const doc = readFileSync(OUT_DOC, 'utf8');
  const start = doc.indexOf('## Large dump');
  if (start < 0) return null;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end).replace(/\n\n\(Kept from an earlier[^\n]*\)\s*$/, '').trim();
}

/** "main thread only", "main + 1 worker (esbuild bundle)", or "—" for reports without the field. */
function threadsText(report: ChildReport): string {
  if (!report.threads) return '—';
  const { workers, bundled } = report.threads;
  return workers === 0 ? 'main thread only' : `main + ${workers} worker${workers > 1 ? 's' : ''} (${bundled ? 'esbuild bundle' : 'tsx boot'})`;
}

const perSecond = (count: number, ms: number): number => (count * 1000) / ms;
const sections: string[] = [];
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores, ${memory(totalmem() / 1024)} RAM, Node ${process.versions.node}`;
sections.push(`# Benchmark\n\nMeasured by \`npm run bench${args.quick ? ' -- --quick' : ''}\` on ${machine}. Corpus: ${texts.length} articles (${megabytes(corpusBytes)}): ECB+ ${ecb?.length ?? 0}, GVC ${gvc?.length ?? 0}, seeds ${seeds.length}.${notes.length ? ` ${notes.join(' ')}` : ''}`);

const fr = full.report;
const headline: string[][] = [
  ['floor: remark-parse + chrono-node, 1 core', duration(floor.ms), duration(floor.ms), rate(perSecond(floor.articles, floor.ms)), rate(corpusBytes / 1e3 / floor.ms), '—', '1.00×'],
];
if (fr) {
  headline.push([`pipeline, ingest → outputs written, --jobs ${jobs}`, duration(fr.totalMs), duration(fr.cpuMs), rate(perSecond(fr.articles, fr.totalMs)), rate(fr.bytes / 1e3 / fr.totalMs), memory(fr.maxRssKB), ratio(fr.totalMs / floor.ms)]);
  headline.push([`… plus process start and module load`, duration(fr.totalMs + fr.loadMs), '', rate(perSecond(fr.articles, fr.totalMs + fr.loadMs)), rate(fr.bytes / 1e3 / (fr.totalMs + fr.loadMs)), memory(fr.maxRssKB), ratio((fr.totalMs + fr.loadMs) / floor.ms)]);
  const fd = fullV8Defaults.report;
  if (fd) headline.push([`pipeline as above, V8's default flags (\`NEWS_RECONCILE_V8_DEFAULTS=1\`)`, duration(fd.totalMs), duration(fd.cpuMs), rate(perSecond(fd.articles, fd.totalMs)), rate(fd.bytes / 1e3 / fd.totalMs), memory(fd.maxRssKB), ratio(fd.totalMs / floor.ms)]);
} else headline.push(['pipeline', `failed: ${full.error}`, '', '', '', '', '']);
if (cliTime && cliOk) headline.push([`CLI \`npm run reconcile -- --no-cache --jobs ${jobs}\` (src/launch.mjs; wall, /usr/bin/time)`, duration(cliTime.wallMs), '', rate(perSecond(texts.length, cliTime.wallMs)), rate(corpusBytes / 1e3 / cliTime.wallMs), memory(cliTime.maxRssKB), ratio(cliTime.wallMs / floor.ms)]);
else if (cliRun) headline.push(['CLI', `failed (exit ${cliRun.code})`, '', '', '', '', '']);
const roundRatios = rounds.map((x) => x.pipelineMs / x.floorMs);
const medianRatio = roundRatios.length > 0 ? [...roundRatios].sort((a, b) => a - b)[Math.floor(roundRatios.length / 2)]! : null;
const roundsText =
  medianRatio === null
    ? ''
    : `\n\nPaired rounds (the floor in a child process, then the pipeline, ${rounds.length} times): ${rounds.map((x) => `${duration(x.pipelineMs)} / ${duration(x.floorMs)} = ${ratio(x.pipelineMs / x.floorMs)}`).join('; ')}. Median ratio **${ratio(medianRatio)}** (${medianRatio <= 2 ? 'met' : 'not met'}).`;
const smallText = smallRun
  ? `\n\nA small dump, the ${seeds.length} seed articles, through the same CLI (start-up and module load included): ${duration(smallRun.wallMs)} wall, peak RSS ${memory(smallRun.maxRssKB)} (median of ${smallRuns.length} runs: ${smallRuns.map((x) => duration(x.wallMs)).join(', ')}).`
  : '';
sections.push(`## Throughput\n\n${markdownTable(['run', 'wall', 'CPU', 'articles/s', 'MB/s', 'peak RSS', 'vs floor'], headline, ['left', 'right', 'right', 'right', 'right', 'right', 'right'])}\n\nTarget: the pipeline within 2× the floor.${fr ? ` Measured in the rows above: ${ratio(fr.totalMs / floor.ms)} (${fr.totalMs / floor.ms <= 2 ? 'met' : 'not met'}).` : ''}${roundsText}${smallText}`);

if (fr) {
  const wall = fr.totalMs;
  const phaseRows = [
    ['ingest', fr.phases.ingest],
    [`segment + extract (--jobs ${fr.jobs}: ${threadsText(fr)})`, fr.phases.analyze],
    ['cross-article: entity resolution, events, claims, reconcile', fr.phases.reconcile],
    ['write outputs', fr.phases.write],
  ].map(([name, ms]) => [name as string, duration(ms as number), `${((100 * (ms as number)) / wall).toFixed(0)}%`]);
  const stageRows = Object.entries(fr.stages)
    .sort((a, b) => b[1] - a[1])
    .map(([stage, ms]) => [stage, duration(ms), `${(ms / fr.articles).toFixed(2)} ms`]);
  sections.push(`## Time per stage\n\nWall time per phase of the run above:\n\n${markdownTable(['phase', 'wall', 'share'], phaseRows, ['left', 'right', 'right'])}\n\nThe pipeline's own stage timers (per-article stages are summed over worker threads, so they are CPU-time-like and can exceed the wall time):\n\n${markdownTable(['stage', 'total', 'per article'], stageRows, ['left', 'right', 'right'])}`);
}

const e1 = extract1.report;
const e2 = extract2.report;
const e2f = extract2forced.report;
const jobRows = [[extract1, ''], [extract2, ''], [extract2forced, ', threads forced']].map(([r, note]) => {
  const run = r as ChildRun;
  return run.report
    ? [`--jobs ${run.report.jobs}${note as string}`, threadsText(run.report), duration(run.report.phases.analyze), rate(perSecond(run.report.articles, run.report.phases.analyze)), duration(run.report.cpuMs), memory(run.report.maxRssKB)]
    : [run.label, `failed: ${run.error}`, '', '', '', ''];
});
sections.push(
  `## Extraction: one thread vs two\n\nSegmentation + mention extraction only (no cache). Extra threads start only when the uncached text is large enough to pay for them (\`WORKER_MIN_CHARS\` in src/cache.ts); the last row forces them to show what they would give. Wall time of the extraction; CPU time of the whole process (all threads, ingest included):\n\n${markdownTable(['jobs', 'threads', 'wall', 'articles/s', 'CPU', 'peak RSS'], jobRows, ['left', 'left', 'right', 'right', 'right', 'right'])}` +
    (e1 && e2f ? `\n\nSpeed-up with a second thread (forced): ${ratio(e1.phases.analyze / e2f.phases.analyze)} on a ${cores}-core machine (load average when the benchmark ended: ${loadavg()[0]!.toFixed(2)}; other work shares the cores).` : '') +
    (e1 && e2 && e2.threads?.workers === 0 ? ` With the default policy \`--jobs 2\` ran in one thread here (${megabytes(e2.bytes)} of text).` : ''),
);

const pairMs = floorPair.every((r) => r !== null) && floorPair.length === 2 ? Math.max(...floorPair.map((r) => r!.ms)) : null;
if (floorAlone && pairMs !== null) {
  const rows = [
    ['one process alone', duration(floorAlone.ms), '1 corpus', '1.00×'],
    ['two processes at the same time (the slower one)', duration(pairMs), '2 corpora', ratio((2 * floorAlone.ms) / pairMs)],
  ];
  sections.push(
    `## What a second core gives on this machine\n\nThe floor (remark-parse + chrono-node over the whole corpus) in one process alone, then in two processes started together: if the cores were independent, two would finish in the time of one (2.00× the work per second). Threads of one process cannot do better than separate processes.\n\n${markdownTable(['floor run', 'wall', 'work done', 'throughput vs one'], rows, ['left', 'right', 'right', 'right'])}\n\nEach process of the pair took ${ratio(pairMs / floorAlone.ms)} as long as the process alone.`,
  );
}

if (cold && warm) {
  const c = cold;
  const w = warm;
  const invalidated = (w.cacheWrites ?? 0) > 2 * holdout;
  const incRows = [
    [`first run, cache empty (${c.articles} articles)`, String(c.cacheWrites ?? '—'), duration(c.totalMs), duration(c.phases.analyze), '100%'],
    [`rerun after adding ${holdout} articles (${w.articles})`, String(w.cacheWrites ?? '—'), duration(w.totalMs), duration(w.phases.analyze), `${((100 * w.totalMs) / c.totalMs).toFixed(1)}%`],
    ...[same, again].flatMap((r, k) =>
      r ? [[k === 0 ? 'rerun, nothing changed (shortcut: the last run stands)' : 'rerun, nothing changed again', String(r.cacheWrites ?? '—'), duration(r.totalMs), duration(r.phases.analyze), `${((100 * r.totalMs) / c.totalMs).toFixed(1)}%`]] : [],
    ),
  ];
  sections.push(
    `## Incremental rerun\n\nThe cache is keyed by content hash, publication metadata and a hash of the extraction code; only new articles should be analysed; event mentions and claims are rebuilt only for articles whose mentions changed after cross-article entity resolution (src/event-cache.ts), while entity resolution and reconciliation rerun on everything. Then two reruns with nothing changed, as in the review loop (decisions are applied after reconciliation): the same articles and code as the last run, so both skip from ingest to the outputs, taking the last run's reconciliation (kept under a hash of everything it reads but the previous dataset, which it reads only for the event ids: src/reconcile-cache.ts) and keeping its mentions.jsonl (src/run-cache.ts). All runs happen in one process (module load excluded), so edits to src/ by others during the benchmark cannot invalidate the cache in between.\n\n${markdownTable(['run', 'articles analysed', 'ingest → written', 'segment + extract', 'vs first run'], incRows, ['left', 'right', 'right', 'right', 'right'])}` +
      (invalidated ? `\n\nThe rerun analysed ${w.cacheWrites} articles, not ${holdout}: the cache missed even though both runs happened in one process with the same code.` : ''),
  );
} else sections.push(`## Incremental rerun\n\nFailed: ${incremental.error ?? 'the rerun did not report'}`);

if (!args['no-large']) {
  const rows = large.map((p) => {
    const r = p.run.report;
    return r
      ? [p.n.toLocaleString('en-US'), megabytes(p.bytes), duration(r.totalMs + r.loadMs), rate(perSecond(r.articles, r.totalMs + r.loadMs)), memory(r.maxRssKB), `ingest ${duration(r.phases.ingest)}, extract ${duration(r.phases.analyze)}, reconcile ${duration(r.phases.reconcile)}, write ${duration(r.phases.write)}${r.writeErrors.length ? ` — NOT WRITTEN: ${r.writeErrors.join('; ')}` : ''}`]
      : [p.n.toLocaleString('en-US'), megabytes(p.bytes), 'failed', '', memory(p.run.result.polledPeakRssKB), p.run.error ?? ''];
  });
  const biggest = large.filter((p) => p.run.report).map((p) => p.n).reduce((a, b) => Math.max(a, b), 0);
  for (const p of large) {
    if (p.run.report?.writeErrors.length) largeNote += `At ${p.n.toLocaleString('en-US')} articles the pipeline finished but some outputs could not be written (${p.run.report.writeErrors.join('; ')}); the time excludes those files. `;
  }
  let extrapolation = '';
  if (biggest < largeN && measured().length > 0) {
    const guess = extrapolate(measured(), largeN);
    extrapolation = `\n\nExtrapolated to ${largeN.toLocaleString('en-US')} articles from the measured runs (time ∝ n^${guess.exponent.toFixed(2)}, memory linear): about ${duration(guess.ms)} and ${memory(guess.rssKB)} peak RSS.`;
  }
  sections.push(`## Large dump\n\nSynthetic news-please JSONL (templated sentences with dates, times, counts, names, places; a few hundred bytes per article), \`--jobs ${jobs}\`, no cache, budget ${memory(budgetKB)} / ${duration(budgetMs)} (V8 heap limit ${memory(heapMB * 1024)}). Commit ${measuredCommit(commitAtStart)}, load average ${loadavg()[0]!.toFixed(2)} when the large runs ended.\n\n${markdownTable(['articles', 'input', 'time (with start-up)', 'articles/s', 'peak RSS', 'phases'], rows, ['right', 'right', 'right', 'right', 'right', 'left'])}${largeNote ? `\n\n${largeNote.trim()}` : ''}${extrapolation}\n\nA million articles through the CLI, run by hand on earlier commits: [performance.md](performance.md#a-million-articles-through-the-cli-by-hand).`);
}

// A run with --no-large keeps the large-dump section of the last full run (an hour at 1M) rather than dropping it.
if (args['no-large']) {
  const kept = previousLargeSection();
  if (kept) sections.push(`${kept}\n\n(Kept from an earlier \`npm run bench\`: this run used \`--no-large\`.)`);
}

const markdown = `${sections.join('\n\n')}\n`;
process.stdout.write(`\n${markdown}`);
writeFileSync(OUT_DOC, markdown);
log(`written to ${path.relative(process.cwd(), OUT_DOC)}`);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
