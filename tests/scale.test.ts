/**
 * Speed and scale: streamed outputs are byte-identical to the one-string format,
 * the worker policy only starts threads for work that pays for them, the pool gives
 * the same results as one thread, and the cache key hashes exactly the code that
 * produces what it stores.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir as scratchDir } from './temp-helper.ts';
import { ingest } from '../src/ingest/index.ts';
import { runPipeline, type PipelineResult } from '../src/pipeline.ts';
import { ANALYSIS_CODE_DIRS, analyzeWithCache, workerPlan, WORKER_MIN_CHARS } from '../src/cache.ts';
import { EVENT_CODE_PATHS, EventCache } from '../src/event-cache.ts';
import { claimsJsonl, claimsJsonlChunks, datasetJson, datasetJsonChunks, jsonChunks, mentionsJsonl, mentionsJsonlChunks } from '../src/output/serialize.ts';
import { writeChunks } from '../src/output/write.ts';
import { fileTextChunks, parseObjectChunks, readJsonLines, readJsonObjectFile } from '../src/output/read.ts';
import { generateArticle } from '../scripts/lib/generate.ts';
import type { Article, Mention } from '../src/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const tempDir = (): string => scratchDir('reconcile-scale-');

let articles: Article[];
let result: PipelineResult;

beforeAll(async () => {
  const ingested = await ingest(['sources']);
  articles = ingested.articles;
  result = await runPipeline(articles, ingested.problems);
});

describe('streamed outputs', () => {
  it('events.json as chunks is byte-identical to JSON.stringify(dataset, null, 2) + newline on the seeds', () => {
    const chunks = [...datasetJsonChunks(result.dataset)];
    expect(chunks.length).toBeGreaterThan(10); // really streamed, not one string
    expect(chunks.join('')).toBe(`${JSON.stringify(result.dataset, null, 2)}\n`);
    expect(datasetJson(result.dataset)).toBe(`${JSON.stringify(result.dataset, null, 2)}\n`);
  });

  it('claims.jsonl and mentions.jsonl as chunks: one line per record, same bytes as joined', () => {
    const claimLines = [...claimsJsonlChunks(result.claims)];
    expect(claimLines).toHaveLength(result.claims.length);
    expect(claimLines.join('')).toBe(claimsJsonl(result.claims));
    const mentionLines = [...mentionsJsonlChunks(result.mentions, articles)];
    expect(mentionLines).toHaveLength(result.mentions.length);
    expect(mentionLines.join('')).toBe(mentionsJsonl(result.mentions, articles));
    for (const line of mentionLines.slice(0, 50)) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
  });

  const cases: [string, unknown][] = [
    ['empty object', {}],
    ['empty arrays at every level', { a: [], b: { c: [] }, d: [[], {}] }],
    ['undefined and functions: omitted in objects, null in arrays', { a: undefined, b: 1, c: () => 1, d: [undefined, () => 1, 2] }],
    ['only undefined keys', { a: undefined }],
    ['strings with newlines, quotes, unicode, lone surrogates', { s: 'a\nb "q" \u2028 \ud800 Zelens’kyi', list: ['x\ny', '\\'] }],
    ['numbers: NaN, Infinity, -0, big', { n: [NaN, Infinity, -0, 1e21, 0.1] }],
    ['nested deeper than the streamed depth', { a: [{ b: [{ c: [1, { d: 'e' }] }] }], z: null }],
    ['toJSON', { when: new Date(Date.UTC(2025, 2, 18, 14)), list: [new Date(0)] }],
    ['a top-level array', [1, 'two', { three: [3] }]],
    ['scalars', 'just a string'],
    ['null', null],
  ];
  it.each(cases)('jsonChunks = JSON.stringify(v, null, 2): %s', (_name, value) => {
    for (const depth of [0, 1, 2, 3, 5]) expect([...jsonChunks(value, depth)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writeChunks writes the chunks byte for byte (multi-byte text across flushes)', () => {
    const dir = tempDir();
    const chunks = Array.from({ length: 3000 }, (_, i) => `${'é'.repeat(500)} ${i} Зеленский 😀\n`);
    const file = path.join(dir, 'out.txt');
    const bytes = writeChunks(file, chunks);
    const expected = chunks.join('');
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
    writeChunks(file, 'short'); // replaces, not appends
    expect(readFileSync(file, 'utf8')).toBe('short');
  });

  it('writeChunks writes the joined text: pairs cut between chunks, lone surrogates, chunks longer than its buffer', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.txt');
    const long = `${'Зеленский 😀 '.repeat(60_000)}x`;
    const cases: string[][] = [
      ['a\ud83d', '\ude00b'], // one pair across two chunks
      ['\ud83d', '', '\ude00'], // across an empty chunk
      ['x\ud83d', 'y'], // a lone high surrogate
      ['\ude00', 'z\ud83d'], // a lone low one, a high one last
      ['é'.repeat(400_000), '\ud83d', long, '\ude00', long.slice(1)],
    ];
    for (const chunks of cases) {
      const bytes = writeChunks(file, chunks);
      const expected = Buffer.from(chunks.join(''), 'utf8');
      expect(readFileSync(file).equals(expected)).toBe(true);
      expect(bytes).toBe(expected.length);
    }
  });
});

describe('reading outputs back in chunks', () => {
  /** `text` cut into pieces of `size` characters (a multi-byte character may be cut: the decoder's job, tested below). */
  const pieces = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  it('parseObjectChunks = JSON.parse on the dataset, whatever the chunk size', () => {
    const text = datasetJson(result.dataset);
    for (const size of [1, 2, 7, 64, 4096, text.length]) expect(parseObjectChunks(pieces(text, size))).toEqual(JSON.parse(text));
  });

  it.each([
    ['empty object', '{}'],
    ['empty arrays and scalars', '{"a": [], "b": 1, "c": "x,]}", "d": null, "e": [[1, [2]], {"f": "\\\\"}], "g": {"h": [3]}}'],
    ['escaped quotes and brackets in strings', ' { "k\\"ey": ["a\\"],[{", "]"] , "z" : true } '],
    ['"__proto__" as an own key', '{"__proto__": {"x": 1}, "y": 2}'],
  ])('parseObjectChunks = JSON.parse: %s', (_name, text) => {
    for (const size of [1, 3, text.length]) expect(parseObjectChunks(pieces(text, size))).toEqual(JSON.parse(text));
  });

  it.each([['[1]'], ['{"a": [1,]}'], ['{"a": [,1]}'], ['{"a": 1'], ['{"a": "x}'], ['{"a": 1} 2']])('rejects %s', (text) => {
    expect(() => parseObjectChunks([text])).toThrow(SyntaxError);
  });

  it('reads events.json and claims.jsonl from disk in small chunks (multi-byte text across chunk ends)', () => {
    const dir = tempDir();
    const dataset = { ...result.dataset, problems: [{ path: 'Зеленский 😀.txt', line: null, severity: 'warning' as const, message: 'é'.repeat(3000) }] };
    writeChunks(path.join(dir, 'events.json'), datasetJsonChunks(dataset));
    expect(parseObjectChunks(fileTextChunks(path.join(dir, 'events.json'), 5))).toEqual(JSON.parse(datasetJson(dataset)));
    expect(readJsonObjectFile(path.join(dir, 'events.json'))).toEqual(JSON.parse(datasetJson(dataset)));
    writeChunks(path.join(dir, 'claims.jsonl'), claimsJsonlChunks(result.claims));
    expect([...readJsonLines(path.join(dir, 'claims.jsonl'))]).toEqual(JSON.parse(`[${claimsJsonl(result.claims).trim().split('\n').join(',')}]`));
    // Lines spanning many chunks, chunk ends at line ends, blank lines.
    const expected = JSON.parse(`[${claimsJsonl(result.claims).trim().split('\n').join(',')}]`);
    for (const size of [1, 7, 64]) expect([...readJsonLines(path.join(dir, 'claims.jsonl'), size)]).toEqual(expected);
    writeFileSync(path.join(dir, 'blank.jsonl'), '\n{"a":1}\n\n{"b":"é"}');
    expect([...readJsonLines(path.join(dir, 'blank.jsonl'), 3)]).toEqual([{ a: 1 }, { b: 'é' }]);
  });
});

describe('worker policy', () => {
  const table: [number, number, number, number][] = [
    // uncached chars, jobs, min chars per extra thread → threads started
    [10_000_000, 1, WORKER_MIN_CHARS, 0], // --jobs 1: never
    [0, 8, WORKER_MIN_CHARS, 0], // nothing to do (all cached)
    [20_000, 2, WORKER_MIN_CHARS, 0], // a handful of articles: in-process
    [2_000_000, 2, WORKER_MIN_CHARS, 1], // ~1k news articles: main thread + one worker
    [WORKER_MIN_CHARS - 1, 2, WORKER_MIN_CHARS, 0],
    [WORKER_MIN_CHARS, 2, WORKER_MIN_CHARS, 1], // main thread + one worker
    [3 * WORKER_MIN_CHARS, 2, WORKER_MIN_CHARS, 1], // never more than jobs - 1
    [3 * WORKER_MIN_CHARS, 8, WORKER_MIN_CHARS, 3], // one per share of work
    [100, 4, 1, 3],
  ];
  it.each(table)('%i chars, --jobs %i, threshold %i → %i threads', (chars, jobs, min, expected) => {
    expect(workerPlan(chars, jobs, min)).toBe(expected);
  });
});

describe('worker pool', () => {
  /** 40 generated articles as one JSONL dump. */
  function generatedDump(): string {
    const dir = tempDir();
    const dump = path.join(dir, 'dump');
    mkdirSync(dump);
    const records = Array.from({ length: 40 }, (_, i) => JSON.stringify(generateArticle(i)));
    writeFileSync(path.join(dump, 'feed.jsonl'), `${records.join('\n')}\n`);
    return dump;
  }

  it('threads (bundled with esbuild, or through the tsx boot) give exactly the in-process analysis', async () => {
    const { articles: generated } = await ingest([generatedDump()]);
    expect(generated).toHaveLength(40);
    const serial = await analyzeWithCache(generated, { cacheDir: null, jobs: 1 });
    const plans: { workers: number; bundled: boolean }[] = [];
    const pooled = await analyzeWithCache(generated, { cacheDir: null, jobs: 2, workerMinChars: 1, mainThreadAnalyzes: false, onPlan: (p) => plans.push(p) });
    process.env.NEWS_RECONCILE_WORKER_BUNDLE = '0';
    try {
      await analyzeWithCache(generated, { cacheDir: null, jobs: 2, workerMinChars: 1, mainThreadAnalyzes: false, onPlan: (p) => plans.push(p) }).then((booted) =>
        expect(booted.map((a) => a.mentions)).toEqual(serial.map((a) => a.mentions)),
      );
    } finally {
      delete process.env.NEWS_RECONCILE_WORKER_BUNDLE;
    }
    expect(plans.map((p) => p.workers)).toEqual([1, 1]);
    expect(plans[1]!.bundled).toBe(false);
    const strip = (list: typeof serial) => list.map((a) => ({ blocks: a.segmented.blocks, sentences: a.segmented.sentences, mentions: a.mentions }));
    expect(strip(pooled)).toEqual(strip(serial));
  }, 60_000);

  it('the CLI writes byte-identical outputs with --jobs 1 and with worker threads', () => {
    const dump = generatedDump();
    const run = (out: string, jobs: string, env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), dump, '--out', out, '--no-cache', '--jobs', jobs, '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const one = path.join(tempDir(), 'one');
    const two = path.join(tempDir(), 'two');
    expect(run(one, '1', {}).status).toBe(0);
    expect(run(two, '2', { NEWS_RECONCILE_WORKER_MIN_CHARS: '1' }).status).toBe(0);
    const names = readdirSync(one).filter((f) => !f.startsWith('.')).sort();
    expect(names).toHaveLength(8);
    for (const name of names) expect(readFileSync(path.join(two, name), 'utf8'), name).toBe(readFileSync(path.join(one, name), 'utf8'));
  }, 60_000);
});

describe('cache key', () => {
  /** Relative imports of the files under `paths` (src/-relative) that lead outside them and types.ts. */
  const importsOutside = (paths: readonly string[]): { files: number; outside: string[] } => {
    const srcDir = path.join(ROOT, 'src');
    const hashed = paths.map((p) => path.join(srcDir, p));
    const allowed = (file: string): boolean => file === path.join(srcDir, 'types.ts') || hashed.some((d) => file === d || file.startsWith(`${d}${path.sep}`));
    const files: string[] = [];
    const walk = (full: string): void => {
      if (full.endsWith('.ts')) return void files.push(full);
      for (const entry of readdirSync(full, { withFileTypes: true })) walk(path.join(full, entry.name));
    };
    hashed.forEach(walk);
    const outside: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), match[1]!);
        if (!allowed(target)) outside.push(`${path.relative(ROOT, file)} → ${match[1]}`);
      }
    }
    return { files: files.length, outside };
  };

  it('the hashed folders import only each other, types.ts and packages (so the hash covers what analyzeArticle runs)', () => {
    const { files, outside } = importsOutside(ANALYSIS_CODE_DIRS);
    expect(files).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });

  it('so does the event code the event-stage cache hashes', () => {
    const { files, outside } = importsOutside(EVENT_CODE_PATHS);
    expect(files).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });

  it('the segmented articles are dropped after use unless asked for', () => {
    expect(result.segmented).toBeUndefined();
  });

  it('merge reasons with the same label and weight are one frozen object (millions of reasons, a few thousand labels)', () => {
    const all = result.dataset.events.flatMap((e) => e.mergeReasons.flatMap((r) => r.reasons));
    const byKey = new Map<string, Set<object>>();
    for (const reason of all) {
      const key = `${reason.weight} ${reason.label}`;
      if (!byKey.has(key)) byKey.set(key, new Set());
      byKey.get(key)!.add(reason);
    }
    expect(all.length).toBeGreaterThan(byKey.size);
    for (const instances of byKey.values()) expect(instances.size).toBe(1);
    expect(all.every((reason) => Object.isFrozen(reason))).toBe(true);
  });

  it('mentions given to onMentions, article by article, are the ones the result would hold, and are not kept', async () => {
    const received: { article: string; mentions: readonly Mention[] }[] = [];
    const streamed = await runPipeline(articles, [], { onMentions: (article, mentions) => received.push({ article: article.id, mentions }) });
    expect(received.map((r) => r.article)).toEqual(articles.map((a) => a.id));
    expect(received.flatMap((r) => r.mentions)).toEqual(result.mentions);
    expect(streamed.mentions).toEqual([]);
    expect(datasetJson(streamed.dataset)).toBe(datasetJson({ ...result.dataset, problems: [] }));
  });
});

describe('analysis cache', () => {
  it('a rerun analyses nothing and restores exactly what analysing gives; the file-per-entry cache it replaced is removed', async () => {
    const dir = tempDir();
    const legacy = ['0123456789abcdef01234567.json', 'notes.json', 'readme.txt'];
    for (const name of legacy) writeFileSync(path.join(dir, name), '{}');
    const analysed: number[] = [];
    const run = () => analyzeWithCache(articles, { cacheDir: dir, jobs: 1, onPlan: (plan) => analysed.push(plan.uncached) });
    const first = await run();
    const second = await run();
    expect(analysed).toEqual([articles.length, 0]);
    expect(JSON.stringify(second.map((a) => [a.segmented.blocks, a.segmented.sentences, a.mentions]))).toBe(
      JSON.stringify(first.map((a) => [a.segmented.blocks, a.segmented.sentences, a.mentions])),
    );
    expect(readdirSync(dir).sort()).toEqual(['analysis', 'notes.json', 'readme.txt']);
  });
});

describe('event-stage cache', () => {
  /** Runs the pipeline on the seeds through `cache`, counting the articles whose events had to be built. */
  const runThrough = async (cache: EventCache): Promise<{ result: PipelineResult; built: number }> => {
    let built = 0;
    const counting = {
      through: (article: Article, mentions: readonly Mention[], build: () => ReturnType<typeof cache.through>) =>
        cache.through(article, mentions, () => {
          built++;
          return build();
        }),
    };
    const result = await runPipeline(articles, [], { eventStage: counting });
    cache.close(); // what the run built is stored once the run is done
    return { result, built };
  };

  it('a rerun builds nothing and gives exactly what building gives; a corrupt entry is built again', async () => {
    const dir = path.join(tempDir(), 'events');
    const first = await runThrough(new EventCache(dir));
    expect(first.built).toBe(articles.length);
    expect(first.result.dataset).toEqual(result.dataset);
    expect(first.result.claims).toEqual(result.claims);

    const second = await runThrough(new EventCache(dir));
    expect(second.built).toBe(0);
    expect(JSON.stringify(second.result.dataset)).toBe(JSON.stringify(result.dataset));
    expect(JSON.stringify(second.result.claims)).toBe(JSON.stringify(result.claims));

    // One entry's line cut short (the pack's first line: key, day, then broken JSON).
    const pack = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.pack'))!);
    const [line, ...rest] = readFileSync(pack, 'utf8').split('\n');
    writeFileSync(pack, [line!.split('\t').slice(0, 2).join('\t') + '\t{"events": [', ...rest].join('\n'));
    const third = await runThrough(new EventCache(dir));
    expect(third.built).toBe(1);
    expect(JSON.stringify(third.result.dataset)).toBe(JSON.stringify(result.dataset));
  });

  it('an article whose entity mentions resolved differently is built again', () => {
    const dir = path.join(tempDir(), 'events');
    const article = articles[0]!;
    const mention = result.mentions.find((m) => m.source === article.id && m.kind === 'person')!;
    let built = 0;
    const build = () => (built++, { events: [], claims: [] });
    const runWith = (mentions: Mention[]): void => {
      const cache = new EventCache(dir);
      cache.through(article, mentions, build);
      cache.close();
    };
    runWith([mention]);
    runWith([mention]);
    expect(built).toBe(1);
    runWith([{ ...mention, value: `${mention.value} Jr.` }]);
    expect(built).toBe(2);
  });
});
