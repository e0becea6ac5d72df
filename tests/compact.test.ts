/**
 * compact.ts: sharing equal values across articles changes nothing a later stage can
 * read or write, only identity; and no later stage mutates a shared value (checked with
 * them frozen, through the pipeline and every output).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';
import { Compactor, sameContent } from '../src/compact.ts';
import { ingest } from '../src/ingest/index.ts';
import { outputFiles } from '../src/output/files.ts';
import { mentionsJsonlChunks } from '../src/output/serialize.ts';
import { runPipeline, type ArticleEvents, type PipelineResult } from '../src/pipeline.ts';
import { diffDatasets } from '../src/review/changes.ts';
import { applyDecisions, parseDecisions } from '../src/review/decisions.ts';
import { generateArticle } from '../scripts/lib/generate.ts';
import type { Article, Claim, Dataset, EventMention, TimeValue } from '../src/types.ts';

describe('sameContent', () => {
  it('tells apart what serializes or reads differently', () => {
    expect(sameContent({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(sameContent(0, -0)).toBe(false);
    expect(sameContent(['1'], [1])).toBe(false);
    expect(sameContent(['a,b'], ['a', 'b'])).toBe(false);
    expect(sameContent({ a: null }, { a: 'null' })).toBe(false);
    expect(sameContent([[]], [])).toBe(false);
    expect(sameContent([1, , 3], [1, undefined, 3])).toBe(false); // eslint-disable-line no-sparse-arrays
    expect(sameContent({ '0': 'x' }, ['x'])).toBe(false);
    expect(sameContent({ x: [1, { y: true }] }, { x: [1, { y: true }] })).toBe(true);
    expect(sameContent(NaN, NaN)).toBe(true);
  });

  it('compares what is not plain data by identity', () => {
    expect(sameContent(new Date(0), new Date(0))).toBe(false);
    expect(sameContent({ when: new Map() }, { when: new Map() })).toBe(false);
    const d = new Date(0);
    expect(sameContent({ d }, { d })).toBe(true);
  });
});

const time = (date: string): TimeValue => ({
  timex: date,
  granularity: 'day',
  date,
  utc: null,
  known: { year: true, month: true, day: true, time: false, zone: false },
  zone: 'UTC',
});

function eventOf(source: string, at: number, date: string | null): EventMention {
  return {
    id: `${source}:e${at}`,
    source: `${source}`,
    start: 0,
    end: 40,
    type: 'meeting',
    trigger: { start: at, end: at + 3 },
    triggerText: 'met',
    sentence: 0,
    block: 0,
    participants: ['Ann Lee', 'Bo Chan'],
    time: date ? time(date) : null,
    timeSpan: date ? { start: 20, end: 30 } : null,
    place: 'Oslo',
    modality: 'actual',
    attribution: null,
  };
}

function claimOf(event: EventMention, attribute: string, value: Claim['value'], text: string): Claim {
  return {
    id: `${event.source}:20-30:${attribute}`,
    event: `${event.id}`.slice(0), // a separate string, as JSON.parse gives
    attribute,
    value,
    text,
    source: event.source,
    evidence: { source: event.source, quote: `${text}`, start: 20, end: 30, line: 1, column: 21 },
    attribution: null,
    modality: 'actual',
  };
}

const articleOf = (id: string): Article =>
  ({ id, meta: { outlet: ['Daily', 'News'].join(' '), published: null, title: null, url: null, timezone: null, language: null } }) as Article;

describe('Compactor', () => {
  it('shares equal values across articles and keeps every serialized byte', () => {
    const compactor = new Compactor(true);
    const built: ArticleEvents[] = ['a', 'b'].map((source) => {
      const event = eventOf(source, 5, '2025-03-18');
      return {
        events: [event],
        claims: [
          claimOf(event, 'date', time('2025-03-18'), 'March 18'),
          claimOf(event, 'participants', ['Ann Lee', 'Bo Chan'], 'Ann Lee and Bo Chan'),
          claimOf(event, 'count.killed', { min: 3, max: 3, unit: 'person', qualifier: 'exact' }, 'three'),
        ],
      };
    });
    const before = JSON.stringify(built);
    built.forEach((b, i) => compactor.article(articleOf(['a', 'b'][i]!), b));
    expect(JSON.stringify(built)).toBe(before);

    const [a, b] = built as [ArticleEvents, ArticleEvents];
    expect(a.events[0]!.time).toBe(b.events[0]!.time);
    expect(a.events[0]!.time).toBe(a.claims[0]!.value);
    expect(a.events[0]!.participants).toBe(b.claims[1]!.value);
    expect(a.claims[2]!.value).toBe(b.claims[2]!.value);
    expect(Object.isFrozen(a.events[0]!.time)).toBe(true);
    expect(Object.isFrozen(a.events[0]!.time!.known)).toBe(true);
    expect(Object.isFrozen(a.events[0]!.participants)).toBe(true);
    expect(() => (a.events[0]!.participants as string[]).push('X')).toThrow(TypeError);
    for (const c of a.claims) expect(c.evidence.quote).toBe(c.text);
  });

  it('freezes what it shares only when asked', () => {
    const loose = new Compactor();
    const value = loose.shared(time('2025-03-18'));
    expect(Object.isFrozen(value)).toBe(false);
    expect(loose.shared(time('2025-03-18'))).toBe(value);
    const strict = new Compactor(true);
    expect(Object.isFrozen(strict.shared(time('2025-03-18')))).toBe(true);
    expect(Object.isFrozen(strict.shared([]))).toBe(true);
  });

  it('keeps apart values that differ only in key order or an undefined property', () => {
    const compactor = new Compactor();
    const x = compactor.shared({ min: 1, max: 2, unit: 'minute', qualifier: 'range' });
    const y = compactor.shared({ max: 2, min: 1, unit: 'minute', qualifier: 'range' });
    const z = compactor.shared({ min: 1, max: 2, unit: 'minute', qualifier: 'range', what: undefined });
    expect(x).not.toBe(y);
    expect(x).not.toBe(z);
    expect(Object.keys(y)).toEqual(['max', 'min', 'unit', 'qualifier']);
    expect('what' in z).toBe(true);
  });
});

describe('the pipeline compacts what it holds without changing it', () => {
  let built: { article: string; json: string }[];
  let result: PipelineResult;

  beforeAll(async () => {
    const { articles, problems } = await ingest(['sources']);
    built = [];
    result = await runPipeline(articles, problems, {
      eventStage: {
        through(article, _mentions, build) {
          const events = build();
          built.push({ article: article.id, json: JSON.stringify(events) });
          return events;
        },
      },
    });
  });

  it('every article\'s events and claims serialize as built', () => {
    expect(result.events.length).toBeGreaterThan(5);
    for (const { article, json } of built) {
      const parsed = JSON.parse(json) as ArticleEvents;
      expect(JSON.stringify(result.events.filter((e) => e.source === article))).toBe(JSON.stringify(parsed.events));
    }
    // Reconciled claims differ from the built ones only in the event id they point at.
    const builtClaims = built.flatMap(({ json }) => (JSON.parse(json) as ArticleEvents).claims);
    expect(result.claims.map((c) => JSON.stringify({ ...c, event: '' }))).toEqual(builtClaims.map((c) => JSON.stringify({ ...c, event: '' })));
  });
});

/**
 * No stage after compaction mutates a shared value: with them frozen (a mutation throws
 * in strict mode), the pipeline and every output give the same bytes as a normal run.
 */
describe('nothing mutates a shared value', () => {
  const generatedDump = (): string => {
    const dir = tempDir('compact-');
    mkdirSync(path.join(dir, 'dump'));
    const records = Array.from({ length: 300 }, (_, i) => JSON.stringify(generateArticle(i)));
    writeFileSync(path.join(dir, 'dump', 'feed.jsonl'), `${records.join('\n')}\n`);
    return path.join(dir, 'dump');
  };

  /** Every output file of a run (as the CLI writes them), a second run over the first's dataset included. */
  async function outputsOf(paths: string[], freezeShared: boolean): Promise<Map<string, string>> {
    const { articles, problems } = await ingest(paths);
    const files = new Map<string, string>();
    let previous: Dataset | null = null;
    for (const run of ['first', 'second']) {
      const mentions: string[] = [];
      const result = await runPipeline(articles, problems, {
        previous,
        freezeShared,
        onMentions: (article, list) => mentions.push(...mentionsJsonlChunks(list, [article])),
      });
      if (freezeShared) expect(Object.isFrozen(result.events.find((e) => e.time)?.time)).toBe(true);
      let dataset = result.dataset;
      const decisions = path.join(paths[0]!, 'decisions.json');
      try {
        const parsed = parseDecisions(readFileSync(decisions, 'utf8'), decisions);
        dataset = applyDecisions(dataset, parsed.decisions, decisions).dataset;
      } catch {
        // no decisions for this input
      }
      for (const [name, produce] of outputFiles({ dataset, claims: result.claims, articles }, diffDatasets(previous, dataset))) {
        files.set(`${run}/${name}`, [...produce()].join(''));
      }
      files.set(`${run}/mentions.jsonl`, mentions.join(''));
      previous = dataset;
    }
    return files;
  }

  for (const [name, paths] of [
    ['the seeds', () => ['sources']],
    ['the reconcile fixtures', () => ['fixtures/reconcile']],
    ['300 synthetic articles', () => [generatedDump()]],
  ] as const) {
    it(`${name}: frozen shared values, same bytes`, async () => {
      const input = paths();
      const normal = await outputsOf(input, false);
      const frozen = await outputsOf(input, true);
      expect([...frozen.keys()]).toEqual([...normal.keys()]);
      for (const [file, text] of normal) expect(frozen.get(file), file).toBe(text);
    }, 120_000);
  }
});
