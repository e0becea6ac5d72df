/** Pure helpers of the benchmark and evaluation scripts (scripts/lib). Small inputs only. */
import { describe, expect, it } from 'vitest';
import { domainOf, ecbToRecord, firstLine, gvcToRecord, groupBy, parseJsonl, toJsonl, compareTopics, type EcbDoc, type GvcDoc } from '../scripts/lib/corpus.ts';
import { referenceDate, runFloor } from '../scripts/lib/floor.ts';
import { generateArticle } from '../scripts/lib/generate.ts';
import { duration, markdownTable, memory, pct, rate, ratio } from '../scripts/lib/table.ts';
import { errorSummary, jsonLines, lastJsonLine, parseGnuTime, parseStageTimings } from '../scripts/lib/child.ts';
import { extrapolate, largeSizes } from '../scripts/lib/scale.ts';
import { analyzeErrors, allInOneLabels, scoreLabels, singletonLabels, systemLabels, tfidfLabels, tuneThreshold, THRESHOLD_GRID, type GoldDoc } from '../scripts/lib/scoring.ts';

const ECB_SAMPLE = [
  { id: '36_1ecb', topic: '36', subtopic: '36_ecb', split: 'test', url: 'http://www.example.com/a/1', url_date: '2008-09-02', text: 'Quake hits island\nA magnitude 6 quake struck on Monday.' },
  { id: '36_2ecbplus', topic: '36', subtopic: '36_ecbplus', split: 'test', url: 'not a url', text: '\n  Second quake  \nMore text.' },
];
const GVC_SAMPLE = { id: 'abc', subtopic: '682143', split: 'val', dct: '2016-10-23', title: 'Man shot', text: 'Man shot\nA man was shot Friday.' };

describe('corpus loading', () => {
  const jsonl = `${ECB_SAMPLE.map((d) => JSON.stringify(d)).join('\n')}\n\n`;

  it('parses JSONL, skipping blank lines, and round-trips through toJsonl', () => {
    const docs = parseJsonl<EcbDoc>(jsonl);
    expect(docs.map((d) => d.id)).toEqual(['36_1ecb', '36_2ecbplus']);
    expect(parseJsonl<EcbDoc>(toJsonl(docs))).toEqual(docs);
    expect(toJsonl([])).toBe('');
  });

  it('reports the number of a broken line', () => {
    expect(() => parseJsonl('{"a":1}\n{broken\n')).toThrow(/line 2/);
  });

  it('maps ECB+ docs to news-please records (url_date as date_publish, domain from url)', () => {
    const [withDate, withoutDate] = parseJsonl<EcbDoc>(jsonl).map(ecbToRecord);
    expect(withDate).toEqual({ id: '36_1ecb', title: 'Quake hits island', maintext: ECB_SAMPLE[0]!.text, date_publish: '2008-09-02', source_domain: 'example.com', url: 'http://www.example.com/a/1' });
    expect(withoutDate!.date_publish).toBeNull();
    expect(withoutDate!.source_domain).toBeNull();
    expect(withoutDate!.title).toBe('Second quake');
  });

  it('maps GVC docs with dct as the publication date', () => {
    expect(gvcToRecord(GVC_SAMPLE as GvcDoc)).toMatchObject({ id: 'abc', title: 'Man shot', date_publish: '2016-10-23', maintext: GVC_SAMPLE.text });
  });

  it.each([
    ['https://www.bbc.co.uk/news/x', 'bbc.co.uk'],
    ['http://news.yahoo.com', 'news.yahoo.com'],
    ['', null],
    ['nonsense', null],
    [undefined, null],
  ])('domainOf(%j) = %j', (url, domain) => expect(domainOf(url)).toBe(domain));

  it('first line skips blank lines; groups keep first-seen order; topics sort numerically', () => {
    expect(firstLine('\n \nTitle here \nbody')).toBe('Title here');
    expect(firstLine('')).toBe('');
    expect([...groupBy(['b1', 'a1', 'b2'], (s) => s[0]!)].map(([k, v]) => `${k}:${v.join(',')}`)).toEqual(['b:b1,b2', 'a:a1']);
    expect(['10', '2', '36'].sort(compareTopics)).toEqual(['2', '10', '36']);
  });
});

describe('floor runner', () => {
  it('parses markdown and dates in two texts and counts the work', () => {
    const result = runFloor([
      { id: 'a', text: '# Title\n\nTalks were held on March 18, 2025.', published: '2025-03-19' },
      { id: 'b', text: 'No date here at all.', published: null },
    ]);
    expect(result.articles).toBe(2);
    expect(result.bytes).toBe(Buffer.byteLength('# Title\n\nTalks were held on March 18, 2025.') + 20);
    expect(result.dates).toBe(1);
    expect(result.nodes).toBeGreaterThanOrEqual(5); // root, heading, text, paragraph, text (×2 docs)
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('resolves reference dates, with a fixed fallback', () => {
    expect(referenceDate('2016-10-23').toISOString()).toBe('2016-10-23T12:00:00.000Z');
    expect(referenceDate('2025-03-18T09:00:00Z').toISOString()).toBe('2025-03-18T09:00:00.000Z');
    expect(referenceDate(null).toISOString()).toBe(referenceDate('garbage').toISOString());
  });
});

describe('synthetic dump generator', () => {
  it('is deterministic, short and varied', () => {
    expect(generateArticle(7)).toEqual(generateArticle(7));
    const sample = Array.from({ length: 200 }, (_, i) => generateArticle(i));
    const sizes = sample.map((r) => Buffer.byteLength(JSON.stringify(r)));
    expect(Math.max(...sizes)).toBeLessThan(1000);
    expect(Math.min(...sizes)).toBeGreaterThan(150);
    expect(new Set(sample.map((r) => r.maintext)).size).toBe(200);
    expect(new Set(sample.map((r) => r.id)).size).toBe(200);
    expect(sample.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date_publish!))).toBe(true);
    expect(sample.some((r) => /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d/.test(r.maintext))).toBe(true);
    expect(sample.some((r) => /\b\d+ (people|homes|officers|minutes|residents)\b/.test(r.maintext))).toBe(true);
  });
});

describe('table formatting', () => {
  it('pads columns, right-aligns numbers and escapes pipes', () => {
    const table = markdownTable(['run', 'time'], [['a|b', '1 s'], ['longer name', '12.5 s']], ['left', 'right']);
    expect(table.split('\n')).toEqual([
      '| run         |   time |',
      '|-------------|-------:|',
      '| a\\|b        |    1 s |',
      '| longer name | 12.5 s |',
    ]);
  });

  it.each([
    [pct(0.8123), '81.2'],
    [pct(Number.NaN), 'n/a'],
    [duration(850), '850 ms'],
    [duration(12_345), '12.3 s'],
    [duration(252_000), '4.2 min'],
    [memory(512 * 1024), '512 MB'],
    [memory(3.5 * 1024 * 1024), '3.50 GB'],
    [memory(0), 'n/a'],
    [rate(1234.5), '1,235'],
    [rate(12.345), '12.3'],
    [rate(1.234), '1.23'],
    [ratio(1.744), '1.74×'],
  ])('%s = %s', (got, want) => expect(got).toBe(want));
});

describe('child-process helpers', () => {
  it('reads the CLI --timings lines, GNU time output and the last report line', () => {
    expect(parseStageTimings('reconcile: 5 articles\n  segment            81.2 ms\n  extract.time       133.9 ms\nnot a timing 3 ms\n')).toEqual({ segment: 81.2, 'extract.time': 133.9 });
    expect(parseGnuTime('5.73 190844\n')).toEqual({ wallMs: 5730, maxRssKB: 190844 });
    expect(parseGnuTime('Command exited with non-zero status 1\n')).toBeNull();
    expect(lastJsonLine<{ n: number }>('noise\nR {"n":1}\nR {"n":2}\n', 'R ')).toEqual({ n: 2 });
    expect(lastJsonLine('nothing', 'R ')).toBeNull();
    expect(jsonLines<{ n: number }>('R {"n":1}\nx\nR {"n":2}', 'R ').map((r) => r.n)).toEqual([1, 2]);
  });

  it('summarises a child failure by its error line', () => {
    expect(errorSummary('npm warn x\nbench-child: RangeError: Invalid string length\n    at f (a.ts:1:1)\n')).toBe('bench-child: RangeError: Invalid string length');
    expect(errorSummary('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n')).toMatch(/heap/);
    expect(errorSummary('first\nsecond\nthird\n')).toBe('second ⏎ third');
  });
});

describe('scale extrapolation', () => {
  it('is linear from one point and follows the measured exponent from two', () => {
    expect(extrapolate([{ n: 10, ms: 100, rssKB: 1000 }], 100)).toEqual({ ms: 1000, rssKB: 10000, exponent: 1 });
    const quadratic = extrapolate([{ n: 10, ms: 100, rssKB: 1000 }, { n: 20, ms: 400, rssKB: 1500 }], 40);
    expect(quadratic.exponent).toBeCloseTo(2);
    expect(quadratic.ms).toBeCloseTo(1600);
    expect(quadratic.rssKB).toBeCloseTo(2500);
    // Faster than linear is measurement noise: never extrapolate below linear.
    expect(extrapolate([{ n: 10, ms: 100, rssKB: 1 }, { n: 20, ms: 150, rssKB: 1 }], 40).ms).toBeCloseTo(300);
  });

  it('plans a pilot, 100k, then the target', () => {
    expect(largeSizes(1_000_000)).toEqual([20_000, 100_000, 1_000_000]);
    expect(largeSizes(20_000)).toEqual([20_000]);
    expect(largeSizes(50_000)).toEqual([20_000, 50_000]);
    expect(largeSizes(500)).toEqual([500]);
  });
});

describe('clustering scores', () => {
  const doc = (id: string, group: string, gold: string, text: string): GoldDoc => ({ id, group, gold, text });
  const docs = [
    doc('a1', 't1', 'A', 'earthquake magnitude island struck villages damaged'),
    doc('a2', 't1', 'A', 'earthquake magnitude island struck villages destroyed'),
    doc('b1', 't1', 'B', 'parliament election results coalition government vote'),
    doc('b2', 't1', 'B', 'parliament election coalition government vote counted'),
    doc('c1', 't2', 'C', 'earthquake magnitude island struck villages damaged'),
  ];

  it('labels null primary events as singletons and keeps topics apart', () => {
    const labels = systemLabels(docs, new Map([['a1', 'e1'], ['a2', 'e1'], ['b1', null], ['b2', 'e2'], ['c1', 'e1']]));
    expect(labels.get('a1')).toBe('t1:e1');
    expect(labels.get('c1')).toBe('t2:e1'); // same event id in another topic is another cluster
    expect(labels.get('b1')).toBe('t1:single:b1');
  });

  it('scores the trivial baselines as B-cubed says', () => {
    expect(scoreLabels(docs, singletonLabels(docs))).toMatchObject({ precision: 1, recall: (4 * 0.5 + 1) / 5 });
    const allInOne = scoreLabels(docs, allInOneLabels(docs));
    expect(allInOne.recall).toBe(1);
    expect(allInOne.precision).toBeCloseTo((4 * 0.5 + 1) / 5);
  });

  it('tunes the TF-IDF threshold on a grid and finds the perfect split here', () => {
    expect(THRESHOLD_GRID[0]).toBe(0.05);
    expect(THRESHOLD_GRID[THRESHOLD_GRID.length - 1]).toBe(0.9);
    expect(THRESHOLD_GRID).toHaveLength(18);
    const tuned = tuneThreshold(docs);
    expect(tuned.score.f1).toBe(1);
    expect(tuned.curve).toHaveLength(18);
    // Identical texts across topics never share a cluster.
    const labels = tfidfLabels(docs, tuned.threshold);
    expect(labels.get('a1')).not.toBe(labels.get('c1'));
  });

  it('classifies errors: no event, merged across subtopics, split within one', () => {
    const more = [...docs, doc('a3', 't1', 'A', 'x'), doc('b3', 't1', 'B', 'y')];
    const assignment = new Map<string, string | null>([
      ['a1', 'e1'], ['a2', 'e1'], ['a3', 'e9'], // a3 split off
      ['b1', 'e2'], ['b2', 'e2'], ['b3', 'e1'], // b3 merged into A's event
      ['c1', null], // alone in its subtopic: not an error
    ]);
    const classes = analyzeErrors(more, assignment);
    expect(classes.map((c) => [c.name, c.count])).toEqual([
      ['no primary event', 0],
      ['merged across subtopics', 1],
      ['split within a subtopic', 1],
    ]);
    expect(classes[1]!.examples[0]).toMatchObject({ id: 'b3', gold: 'B' });
    expect(classes[2]!.examples[0]).toMatchObject({ id: 'a3', gold: 'A' });
    const none = analyzeErrors(docs, new Map([['a1', null], ['a2', 'e1']]));
    expect(none[0]).toMatchObject({ count: 3 }); // a1, b1, b2 have no event (b1/b2 missing from the map)
  });
});
