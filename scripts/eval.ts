/**
 * `npm run eval` — how well the pipeline does, against gold labels made by others.
 *
 *   npx tsx scripts/eval.ts [--jobs N] [--no-cache] [--out FILE]
 *
 *  - seed gold: events and conflicts on /sources against fixtures/seed-gold.json
 *    (scoreAgainstGold from src/reconcile/score.ts), when both exist;
 *  - ECB+: document clustering (each article's primaryEvent, and its story; none = singleton) per
 *    topic, B-cubed over the dev and test splits (and train, used for tuning like dev),
 *    next to a TF-IDF cosine baseline tuned on dev and the trivial baselines; error
 *    analysis on test;
 *  - GVC: the same per split (val for tuning, test for reporting), one dump per split;
 *  - mention extraction on the hand-labelled seeds: time (TempEval-3 relaxed span and
 *    value F1), quantities and entities when their labels and scorers exist.
 * Prints Markdown tables and writes them to docs/evaluation.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BCubed } from '../src/eval/bcubed.ts';
import type { Mention } from '../src/types.ts';
import {
  ECBPLUS_DOCS,
  GVC_DOCS,
  compareTopics,
  ecbToRecord,
  firstLine,
  groupBy,
  gvcToRecord,
  readJsonlFile,
  type EcbDoc,
  type GvcDoc,
  type NewsPleaseRecord,
} from './lib/corpus.ts';
import { loadPipeline, type DumpRun, type PipelineRunner } from './lib/pipeline-runner.ts';
import {
  allInOneLabels,
  analyzeErrors,
  scoreLabels,
  singletonLabels,
  systemLabels,
  tfidfLabels,
  tuneThreshold,
  type GoldDoc,
} from './lib/scoring.ts';
import { markdownTable, pct } from './lib/table.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { jobs: { type: 'string' }, 'no-cache': { type: 'boolean', default: false }, out: { type: 'string' } } });
/** Where the report goes (`--out FILE` to write elsewhere, e.g. a trial run). */
const OUT_DOC = args.out ? path.resolve(args.out) : path.join(ROOT, 'docs', 'evaluation.md');

const log = (message: string): void => void process.stderr.write(`[eval] ${message}\n`);
const work = mkdtempSync(path.join(tmpdir(), 'news-eval-'));
const sections: string[] = ['# Evaluation\n\nMeasured by `npm run eval`. B-cubed (Bagga & Baldwin 1998) over documents: precision, recall and F1 in percent.'];

const loaded = await loadPipeline({
  workDir: work,
  cacheDir: args['no-cache'] ? null : path.join(tmpdir(), 'news-reconcile-eval-cache'),
  // One job by default: dumps here are small (one topic), and a worker costs seconds to start.
  jobs: args.jobs ? Number(args.jobs) : 1,
});
const pipeline: PipelineRunner | null = typeof loaded === 'string' ? null : loaded;
if (typeof loaded === 'string') log(`pipeline unavailable (${loaded}): only baselines are reported`);

const readJson = <T>(file: string): T | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null);

/** Imports a module by path, or null when it is missing or fails to load. */
async function optionalImport(relative: string): Promise<Record<string, unknown> | null> {
  const file = path.join(ROOT, relative);
  if (!existsSync(file)) return null;
  try {
    return (await import(file)) as Record<string, unknown>;
  } catch (error) {
    log(`cannot load ${relative}: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

// ─── Seeds ──────────────────────────────────────────────────────────────────

let seedRun: DumpRun | null = null;
if (pipeline) {
  log('seeds …');
  try {
    seedRun = await pipeline.runPaths([path.join(ROOT, 'sources')]);
  } catch (error) {
    log(`seed run failed: ${(error as Error).message}`);
  }
}

/** Renders every {precision, recall[, f1]} found in a score object (the scorer's shape is its own). */
function prfRows(score: unknown, prefix = ''): string[][] {
  if (typeof score !== 'object' || score === null) return [];
  const s = score as Record<string, unknown>;
  if (typeof s.precision === 'number' && typeof s.recall === 'number') {
    const f1 = typeof s.f1 === 'number' ? s.f1 : s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
    const counts = ['tp', 'fp', 'fn', 'gold', 'system', 'matched'].filter((k) => typeof s[k] === 'number').map((k) => `${k} ${s[k]}`).join(', ');
    return [[prefix || 'overall', pct(s.precision), pct(s.recall), pct(f1), counts]];
  }
  return Object.entries(s).flatMap(([k, v]) => (Array.isArray(v) ? [] : prfRows(v, prefix ? `${prefix}.${k}` : k)));
}

/** Lists of strings in a score object (missed, spurious, traps violated), one bullet each. */
function listLines(score: unknown, prefix = ''): string[] {
  if (typeof score !== 'object' || score === null) return [];
  return Object.entries(score as Record<string, unknown>).flatMap(([k, v]) => {
    const name = prefix ? `${prefix} ${k}` : k;
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? [`- ${name} (${v.length}): ${v.length > 0 ? v.map((x) => `\`${x}\``).join(', ') : '—'}`] : [];
    return typeof v === 'object' ? listLines(v, name) : [];
  });
}

{
  const gold = readJson<unknown>(path.join(ROOT, 'fixtures', 'seed-gold.json'));
  const scorer = await optionalImport('src/reconcile/score.ts');
  const scoreAgainstGold = scorer?.scoreAgainstGold as ((dataset: unknown, gold: unknown) => unknown) | undefined;
  let body: string;
  if (!gold || !scoreAgainstGold) body = `Skipped: ${!gold ? 'fixtures/seed-gold.json' : 'scoreAgainstGold in src/reconcile/score.ts'} is not there yet.`;
  else if (!seedRun) body = 'Skipped: the pipeline did not run on the seeds.';
  else {
    const report = scoreAgainstGold(seedRun.dataset, gold);
    const rows = prfRows(report);
    body = rows.length > 0 ? markdownTable(['what', 'P', 'R', 'F1', 'counts'], rows, ['left', 'right', 'right', 'right', 'left']) : 'The scorer returned no precision/recall figures.';
    const lists = listLines(report);
    if (lists.length > 0) body += `\n\n${lists.join('\n')}`;
  }
  sections.push(`## Seed articles: events and conflicts\n\nThe five seed articles against the hand-made gold (fixtures/seed-gold.json).\n\n${body}`);
}

// ─── Document clustering ────────────────────────────────────────────────────

interface SplitRun {
  docs: GoldDoc[];
  /** Each document's primary event; null when the pipeline is not available. */
  assignment: Map<string, string | null> | null;
  /** Each document's story (the story of its primary event); null with `assignment`. */
  stories: Map<string, string | null> | null;
  firstLines: Map<string, string>;
}

async function runGroups(label: string, groups: Map<string, { doc: GoldDoc; record: NewsPleaseRecord }[]>): Promise<SplitRun> {
  const docs: GoldDoc[] = [];
  const firstLines = new Map<string, string>();
  let assignment: Map<string, string | null> | null = pipeline ? new Map() : null;
  let stories: Map<string, string | null> | null = pipeline ? new Map() : null;
  for (const [group, members] of groups) {
    for (const m of members) {
      docs.push(m.doc);
      firstLines.set(m.doc.id, firstLine(m.doc.text));
    }
    if (!pipeline || !assignment || !stories) continue;
    try {
      const run = await pipeline.runRecords(`${label}-${group}`, members.map((m) => m.record));
      for (const m of members) {
        assignment.set(m.doc.id, run.primaryEvents.get(m.doc.id) ?? null);
        stories.set(m.doc.id, run.stories.get(m.doc.id) ?? null);
      }
      log(`${label} ${group}: ${members.length} docs, ${run.dataset.events.length} events, ${(run.ms / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`${label} ${group}: pipeline failed: ${(error as Error).message}`);
      assignment = null;
      stories = null;
    }
  }
  return { docs, assignment, stories, firstLines };
}

const prf = (s: BCubed): string[] => [pct(s.precision), pct(s.recall), pct(s.f1)];

/** A split scored next to the main two, e.g. ECB+ train (used for tuning, like dev). */
interface ExtraSplit {
  name: string;
  run: SplitRun;
}

function clusteringSection(
  title: string,
  intro: string,
  tune: SplitRun,
  report: SplitRun,
  names: [string, string],
  extra: ExtraSplit | null = null,
): { markdown: string; tuned: number } {
  const tuned = tuneThreshold(tune.docs);
  const cells = (s: BCubed | null): string[] => (s ? prf(s) : ['—', '—', '—']);
  const pipelineScore = (run: SplitRun): BCubed | null => (run.assignment ? scoreLabels(run.docs, systemLabels(run.docs, run.assignment)) : null);
  const storyScore = (run: SplitRun): BCubed | null => (run.stories ? scoreLabels(run.docs, systemLabels(run.docs, run.stories)) : null);
  const row = (name: string, score: (run: SplitRun) => BCubed | null): string[] => [
    name,
    ...cells(score(tune)),
    ...cells(score(report)),
    ...(extra ? cells(score(extra.run)) : []),
  ];
  const rows = [
    row('pipeline (primaryEvent)', pipelineScore),
    row('pipeline (story: follow-ups joined)', storyScore),
    row(`TF-IDF cosine, single link, threshold ${tuned.threshold.toFixed(2)} (tuned on ${names[0]})`, (run) =>
      run === tune ? tuned.score : scoreLabels(run.docs, tfidfLabels(run.docs, tuned.threshold)),
    ),
    row('all in one cluster per group', (run) => scoreLabels(run.docs, allInOneLabels(run.docs))),
    row('all singletons', (run) => scoreLabels(run.docs, singletonLabels(run.docs))),
  ];
  const [a, b] = names;
  const splits = extra ? [a, b, extra.name] : [a, b];
  const table = markdownTable(
    ['method', ...splits.flatMap((n) => [`${n} P`, `${n} R`, `${n} F1`])],
    rows,
    ['left', ...splits.flatMap(() => ['right', 'right', 'right'] as const)],
  );
  const noEvent = (run: SplitRun): string =>
    run.assignment ? `${[...run.assignment.values()].filter((e) => e === null).length}/${run.docs.length}` : 'n/a';
  const curve = tuned.curve.map((c) => `${c.threshold.toFixed(2)}: ${pct(c.f1)}`).join(', ');
  const noEventLine = `Documents with no primary event: ${a} ${noEvent(tune)}, ${b} ${noEvent(report)}${extra ? `, ${extra.name} ${noEvent(extra.run)}` : ''}.`;
  const markdown = `## ${title}\n\n${intro}\n\n${table}\n\n${noEventLine} TF-IDF F1 on ${a} by threshold: ${curve}.${pipeline ? '' : `\n\nThe pipeline did not load (${String(loaded)}); only baselines are shown.`}`;
  return { markdown, tuned: tuned.threshold };
}

function errorSection(title: string, run: SplitRun): string {
  if (!run.assignment) return `## ${title}\n\nSkipped: no pipeline run.`;
  const classes = analyzeErrors(run.docs, run.assignment);
  const table = markdownTable(['error class', 'documents', 'what it means'], classes.map((c) => [c.name, String(c.count), c.description]), ['left', 'right', 'left']);
  const examples = classes
    .filter((c) => c.examples.length > 0)
    .map((c) => `**${c.name}**\n\n${c.examples.map((e) => `- \`${e.id}\` (gold ${e.gold}; ${e.detail}): ${run.firstLines.get(e.id)?.slice(0, 120) ?? ''}`).join('\n')}`)
    .join('\n\n');
  return `## ${title}\n\nEach wrongly clustered document counted once, in the first class that applies, out of ${run.docs.length}.\n\n${table}${examples ? `\n\n${examples}` : ''}`;
}

const ecb = readJsonlFile<EcbDoc>(ECBPLUS_DOCS);
if (!ecb) sections.push(`## ECB+\n\nSkipped: ${ECBPLUS_DOCS} not found.`);
else {
  const splitGroups = (split: EcbDoc['split']) => {
    const docs = ecb.filter((d) => d.split === split).sort((a, b) => compareTopics(a.topic, b.topic) || a.id.localeCompare(b.id, 'en', { numeric: true }));
    return groupBy(docs.map((d) => ({ doc: { id: d.id, group: d.topic, gold: d.subtopic, text: d.text }, record: ecbToRecord(d) })), (m) => m.doc.group);
  };
  log('ECB+ dev …');
  const dev = await runGroups('ecb', splitGroups('dev'));
  log('ECB+ test …');
  const test = await runGroups('ecb', splitGroups('test'));
  log('ECB+ train …');
  const train = await runGroups('ecb', splitGroups('train'));
  const intro = `ECB+ (Cybulska & Vossen 2014): each topic holds two real events of the same kind; the task is to keep each event's articles together and the two apart. The pipeline runs once per topic (that topic's documents as one dump, \`url_date\` as the publication date when known); an article's cluster is its \`primaryEvent\` (the story row: its \`story\`, which also joins follow-ups whose dates differ, a verdict and the sentencing), and an article without one is a singleton. Scores pool all documents of a split (dev ${dev.docs.length}, test ${test.docs.length}, train ${train.docs.length}); clusters never cross topics. Dev and train (the "train (tuning)" columns) are used for error analysis and tuning; test is only reported.`;
  sections.push(clusteringSection('ECB+: document clustering by event', intro, dev, test, ['dev', 'test'], { name: 'train (tuning)', run: train }).markdown);
  sections.push(errorSection('ECB+ test: error analysis', test));
}

const gvc = readJsonlFile<GvcDoc>(GVC_DOCS);
if (!gvc) sections.push(`## GVC\n\nSkipped: ${GVC_DOCS} not found.`);
else {
  const splitGroups = (split: GvcDoc['split']) => {
    const docs = gvc.filter((d) => d.split === split).sort((a, b) => a.id.localeCompare(b.id));
    return groupBy(docs.map((d) => ({ doc: { id: d.id, group: split, gold: d.subtopic, text: d.text }, record: gvcToRecord(d) })), (m) => m.doc.group);
  };
  log('GVC val …');
  const val = await runGroups('gvc', splitGroups('val'));
  log('GVC test …');
  const test = await runGroups('gvc', splitGroups('test'));
  const intro = `Gun Violence Corpus (Vossen et al. 2018): local news about look-alike shooting incidents; gold = the incident. Each split runs as one dump (val ${val.docs.length} documents, test ${test.docs.length}) with \`dct\` as the publication date.`;
  sections.push(clusteringSection('GVC: document clustering by incident', intro, val, test, ['val', 'test']).markdown);
}

// ─── Mention extraction on the labelled seeds ───────────────────────────────

{
  const rows: string[][] = [];
  const notes: string[] = [];
  const mentions: Mention[] = seedRun?.mentions ?? [];
  const timeGold = readJson<{ source: string; start: number; end: number; text?: string; value: string }[]>(path.join(ROOT, 'fixtures', 'time', 'seed-labels.json'));
  const timeEval = await optionalImport('src/extract/time/eval.ts');
  if (!seedRun) notes.push('The pipeline did not run on the seeds: extraction not scored.');
  else if (timeGold && typeof timeEval?.scoreTemporal === 'function') {
    const scoreTemporal = timeEval.scoreTemporal as typeof import('../src/extract/time/eval.ts').scoreTemporal;
    const labelled = new Set(timeGold.map((g) => g.source));
    // Durations are the quantity extractor's and are not labelled here (see the labelling guidelines in tests/time-eval.test.ts).
    const temporal = new Set(['date', 'time', 'set']);
    const system = mentions.filter((m) => temporal.has(m.kind) && labelled.has(m.source)).map((m) => ({ source: m.source, start: m.start, end: m.end, text: m.text, value: String(m.value) }));
    const s = scoreTemporal(timeGold, system);
    rows.push(['time: relaxed span (TempEval-3)', pct(s.span.precision), pct(s.span.recall), pct(s.span.f1), `gold ${s.gold}, system ${s.system}, matched ${s.matched}`]);
    rows.push(['time: value', pct(s.value.precision), pct(s.value.recall), pct(s.value.f1), `value-correct ${s.valueCorrect} (accuracy on matched ${pct(s.valueAccuracy)})`]);
  } else notes.push('Time: fixtures/time/seed-labels.json or scoreTemporal missing.');

  const quantityGold = readJson<unknown[]>(path.join(ROOT, 'fixtures', 'quantity', 'seed-labels.json'));
  const quantityEval = await optionalImport('src/extract/quantity/eval.ts');
  if (seedRun && quantityGold && typeof quantityEval?.scoreQuantities === 'function') {
    const scoreQuantities = quantityEval.scoreQuantities as typeof import('../src/extract/quantity/eval.ts').scoreQuantities;
    const gold = quantityGold as Parameters<typeof scoreQuantities>[1];
    const ignore = readJson<Parameters<typeof scoreQuantities>[2]>(path.join(ROOT, 'fixtures', 'quantity', 'seed-ignore.json')) ?? [];
    const labelled = new Set(gold.map((g) => g.source));
    const s = scoreQuantities(mentions.filter((m) => labelled.has(m.source) && (m.kind === 'quantity' || m.kind === 'duration')), gold, ignore);
    const f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
    rows.push(['quantities and durations (span overlap + same interval)', pct(s.precision), pct(s.recall), pct(f1), `tp ${s.tp}, fp ${s.fp}, fn ${s.fn}`]);
  } else if (seedRun) notes.push('Quantities: fixtures/quantity/seed-labels.json or scoreQuantities not there yet.');

  const entityGold = readJson<unknown[]>(path.join(ROOT, 'fixtures', 'entity', 'seed-labels.json'));
  const entityRegions = readJson<unknown[]>(path.join(ROOT, 'fixtures', 'entity', 'seed-regions.json'));
  const entityScore = await optionalImport('src/extract/entity/score.ts');
  if (seedRun && entityGold && entityRegions && typeof entityScore?.scoreEntities === 'function') {
    const scoreEntities = entityScore.scoreEntities as typeof import('../src/extract/entity/score.ts').scoreEntities;
    const s = scoreEntities(mentions, entityGold as Parameters<typeof scoreEntities>[1], entityRegions as Parameters<typeof scoreEntities>[2]);
    rows.push(['entities (span overlap + same kind)', pct(s.precision), pct(s.recall), pct(s.f1), `tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives}; canonical name right ${pct(s.canonicalAccuracy)}`]);
  } else if (seedRun) notes.push('Entities: labels or scoreEntities missing.');

  const table = rows.length > 0 ? markdownTable(['extraction', 'P', 'R', 'F1', 'counts'], rows, ['left', 'right', 'right', 'right', 'left']) : '';
  sections.push(`## Mention extraction on the hand-labelled seeds\n\nThe full pipeline (segmentation, boilerplate skipped, cross-article entity resolution) on /sources, scored on the labelled sources only. Time: TempEval-3 relaxed span match (overlap) and value F1 (matched and same TIMEX3 value, over the same denominators).\n\n${[table, ...notes].filter(Boolean).join('\n\n')}`);
}

const markdown = `${sections.join('\n\n')}\n`;
process.stdout.write(`\n${markdown}`);
writeFileSync(OUT_DOC, markdown);
log(`written to ${path.relative(process.cwd(), OUT_DOC)}`);
rmSync(work, { recursive: true, force: true });
