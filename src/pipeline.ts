/**
 * The pipeline without I/O: articles in, canonical dataset out.
 *
 *   segment → extract (time, quantity, entity) → resolve entities across articles
 *           → event mentions → claims → reconcile (match, merge, conflicts)
 *
 * Each stage is a plain function over typed data; this module only composes them. The
 * event mentions and claims held for reconciliation are compacted as each article's are
 * collected (compact.ts: equal values shared, same bytes out).
 */
import { contentSentences, segment } from './segment/index.ts';
import { extractTimes } from './extract/time/index.ts';
import { extractQuantities } from './extract/quantity/index.ts';
import { extractEntities, resolveAcrossArticles } from './extract/entity/index.ts';
import { loadCompromise } from './extract/entity/compromise-model.ts';
import { articleViews, extractEvents } from './extract/event/index.ts';
import { buildClaims } from './extract/claims.ts';
import { reconcile, type ReconcileInput, type ReconcileResult } from './reconcile/index.ts';
import { Compactor } from './compact.ts';
import { forgetLineIndex } from './text/location.ts';
import type {
  Article,
  Claim,
  Dataset,
  EventMention,
  Mention,
  Problem,
  SegmentedArticle,
  SourceRecord,
} from './types.ts';

/** Per-article results of the stages that need no other article. */
export interface ArticleAnalysis {
  segmented: SegmentedArticle;
  mentions: Mention[];
}

export interface PipelineResult {
  dataset: Dataset;
  claims: Claim[];
  mentions: Mention[];
  /** The run's event mentions (empty with `keepEvents: false`). */
  events: EventMention[];
  /**
   * Blocks and sentences per article: only with `keepSegmented` (tests, tools). The
   * run itself drops them once an article's events and claims are built — on large
   * dumps they are the biggest per-article structures after the text.
   */
  segmented?: SegmentedArticle[];
  /** Milliseconds spent per stage, for the benchmark and `--verbose` runs. */
  timings: Record<string, number>;
}

export interface PipelineOptions {
  /** The previous canonical dataset, so events keep their ids across runs. */
  previous?: Dataset | null;
  /** Called after each article's extraction (progress). */
  onArticle?: (article: Article) => void;
  /** Replaces the per-article analysis, e.g. with a cached or parallel one; adds its stage times to `timings`. */
  analyze?: (articles: readonly Article[], timings: Record<string, number>) => Promise<ArticleAnalysis[]>;
  /** Return the segmented articles in `PipelineResult.segmented` (default: dropped after use, to save memory). */
  keepSegmented?: boolean;
  /**
   * Return the run's event mentions in `PipelineResult.events` (default true). The CLI
   * passes false: no output reads them, and held while the outputs are written they were
   * 39 MB of the 393 MB live heap at 100k synthetic articles.
   */
  keepEvents?: boolean;
  /**
   * Receives each article's final mentions (in article order) as soon as they are
   * built; they are then not kept, and `PipelineResult.mentions` is empty. The CLI
   * writes them straight to mentions.jsonl: on large dumps they are the most
   * numerous per-article records, and nothing after extraction needs them.
   */
  onMentions?: (article: Article, mentions: readonly Mention[]) => void;
  /** Serves each article's events and claims, e.g. from a cache (default: built every time). */
  eventStage?: EventStage;
  /** Serves the reconciliation, e.g. from a cache (reconcile-cache.ts; default: run every time). */
  reconcileStage?: ReconcileStage;
  /**
   * Freeze the values compaction shares between records (compact.ts), so a later stage
   * that mutated one — changing every record that shares it — throws instead (tests).
   */
  freezeShared?: boolean;
}

/** An article's event mentions and claims: what the event stage builds per article. */
export interface ArticleEvents {
  events: EventMention[];
  claims: Claim[];
}

/**
 * Where the event stage gets an article's events and claims: `build` makes them,
 * an implementation may return what an earlier run built from the same inputs
 * (event-cache.ts).
 */
export interface EventStage {
  through(article: Article, mentions: readonly Mention[], build: () => ArticleEvents): ArticleEvents;
}

/**
 * Where the pipeline gets its reconciliation: `build` runs it on the input it is given (the
 * same, or with hooks added); an implementation may return a stored result.
 */
export interface ReconcileStage {
  through(input: ReconcileInput, build: (input: ReconcileInput) => ReconcileResult): ReconcileResult;
}

export type Timer = <T>(stage: string, run: () => T) => T;

/** A timer that adds each stage's wall time to `timings` (summed over calls). */
export function makeTimer(timings: Record<string, number>): Timer {
  return (stage, run) => {
    const started = performance.now();
    try {
      return run();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
    }
  };
}

/** Segmentation and mention extraction for one article: pure, so it can run anywhere. */
export function analyzeArticle(article: Article, time: Timer = (_s, run) => run()): ArticleAnalysis {
  const segmented = time('segment', () => segment(article));
  const sentences = contentSentences(segmented);
  const mentions = [
    ...time('extract.time', () => extractTimes(article, sentences)),
    ...time('extract.quantity', () => extractQuantities(article, sentences)),
    ...time('extract.entity', () => extractEntities(article, sentences)),
  ];
  return { segmented, mentions };
}

/** The mention kinds resolved across articles (the others are the article's own, fixed by its analysis). */
export const ENTITY_KINDS: ReadonlySet<string> = new Set(['person', 'place', 'organization']);

export async function runPipeline(
  articles: readonly Article[],
  problems: readonly Problem[],
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const timings: Record<string, number> = {};
  const time = makeTimer(timings);
  await loadCompromise(); // entity extraction and the event stage's participants use it

  // Entries are set to null once used, so each article's blocks, sentences and
  // unresolved mentions can be collected while later articles are processed.
  const analyses: (ArticleAnalysis | null)[] = options.analyze
    ? await options.analyze(articles, timings)
    : articles.map((article) => {
        const analysis = analyzeArticle(article, time);
        options.onArticle?.(article);
        return analysis;
      });
  const segmented = options.keepSegmented ? analyses.map((a) => a!.segmented) : undefined;

  const { events, claims, mentions } = eventsAndClaims(articles, analyses, options, time);

  const input: ReconcileInput = { articles: [...articles], events, claims, previous: options.previous ?? null, claimsOwned: true };
  const reconciled = time('reconcile', () =>
    options.reconcileStage ? options.reconcileStage.through(input, reconcile) : reconcile(input),
  );

  return {
    dataset: datasetOf(articles, reconciled, problems),
    claims: reconciled.claims,
    mentions,
    events: options.keepEvents === false ? [] : events,
    ...(segmented ? { segmented } : {}),
    timings,
  };
}

/** The canonical dataset a reconciliation gives: its events, stories and conflicts, and the articles as its sources. */
export function datasetOf(articles: readonly Article[], reconciled: ReconcileResult, problems: readonly Problem[]): Dataset {
  const sources: SourceRecord[] = articles.map((article) => ({
    id: article.id,
    path: article.path,
    outlet: article.meta.outlet,
    published: article.meta.published,
    title: article.meta.title,
    url: article.meta.url,
    sha256: article.sha256,
    primaryEvent: reconciled.primaryEvents[article.id] ?? null,
    story: reconciled.primaryStories[article.id] ?? null,
  }));
  return {
    version: 1,
    sources,
    events: reconciled.events,
    stories: reconciled.stories,
    conflicts: reconciled.conflicts,
    problems: [...problems],
  };
}

/**
 * Entities resolved across articles, then each article's event mentions and claims,
 * compacted (compact.ts) as they are collected. A function of its own so that what only
 * this step needs (the analyses, the resolved entities, the compaction tables) is
 * garbage once it returns, not held by runPipeline's frame through reconciliation.
 */
function eventsAndClaims(
  articles: readonly Article[],
  analyses: (ArticleAnalysis | null)[],
  options: PipelineOptions,
  time: Timer,
): { events: EventMention[]; claims: Claim[]; mentions: Mention[] } {
  // Entities are linked across articles ("Zelensky" in one, "Volodymyr Zelenskyy" in another).
  const resolvedEntities: (Mention[] | null)[] = time('resolve.entity', () =>
    resolveAcrossArticles(analyses.map((a) => a!.mentions.filter((m) => ENTITY_KINDS.has(m.kind)))),
  );
  // Each article's mentions: its own times and quantities plus its resolved entities.
  // Built one article at a time, so the unresolved ones can go as soon as they are merged.
  const mentionsPerArticle: Mention[][] = [];
  const events: EventMention[] = [];
  const claims: Claim[] = [];
  const compactor = new Compactor(options.freezeShared ?? false);
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i]!;
    const mentions = sortMentions([...analysis.mentions.filter((m) => !ENTITY_KINDS.has(m.kind)), ...(resolvedEntities[i] ?? [])]);
    resolvedEntities[i] = null;
    const build = (): ArticleEvents => {
      // The article's sentence views, built once (in the event stage's time) and read by both stages.
      const { content, events: articleEvents } = time('extract.event', () => {
        const content = articleViews(analysis.segmented, mentions);
        return { content, events: extractEvents(analysis.segmented, mentions, content) };
      });
      return { events: articleEvents, claims: time('extract.claims', () => buildClaims(analysis.segmented, articleEvents, mentions, content)) };
    };
    const built = options.eventStage ? options.eventStage.through(articles[i]!, mentions, build) : build();
    compactor.article(articles[i]!, built);
    for (const e of built.events) events.push(e);
    for (const c of built.claims) claims.push(c);
    analyses[i] = null;
    if (options.onMentions) options.onMentions(articles[i]!, mentions);
    else mentionsPerArticle.push(mentions);
    forgetLineIndex(articles[i]!); // its claims' evidence and its mentions are located
  }
  return { events, claims, mentions: mentionsPerArticle.flat() };
}

function sortMentions(mentions: Mention[]): Mention[] {
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
