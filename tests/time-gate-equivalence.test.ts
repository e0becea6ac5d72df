/**
 * The per-sentence chrono (gated parsers, chrono's costly patterns case-expanded, run by
 * `parseSentence` with an article reference) must give exactly the results of the full
 * news chrono with chrono's own patterns and `Chrono.parse`: same spans, components and
 * tags, on every content sentence of the seeds and on random strings built from date
 * and time vocabulary, against a reference with a zone and one without.
 */
import { describe, expect, it } from 'vitest';
import type * as chrono from 'chrono-node';
import { createGatedNewsChrono, createNewsChrono } from '../src/extract/time/chrono-config.ts';
import { ingest } from '../src/ingest/index.ts';
import { ArticleReference, parseSentence } from '../src/extract/time/sentence-parse.ts';
import { contentSentences, segment } from '../src/segment/index.ts';
import { randomInts } from './random-helper.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const gated = createGatedNewsChrono();
const full = createNewsChrono({ cheapPatterns: false });
const references: chrono.ParsingReference[] = [
  { instant: new Date(Date.UTC(2019, 2, 14, 9, 30)), timezone: -300 },
  { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 },
  { instant: new Date(Date.UTC(2016, 11, 31, 23, 59)) },
];
const articleReferences = references.map((r) => ArticleReference.of(r));

function describeComponents(c: chrono.ParsingComponents | null | undefined): unknown {
  if (!c) return null;
  const raw = c as unknown as { knownValues: object; impliedValues: object };
  return { known: raw.knownValues, implied: raw.impliedValues, tags: [...c.tags()] };
}
const describeResults = (results: chrono.ParsedResult[]): string =>
  JSON.stringify(
    (results as chrono.ParsingResult[]).map((r) => ({ index: r.index, text: r.text, start: describeComponents(r.start), end: describeComponents(r.end) })),
  );
/** Each reference's results, the article reference used for several texts in a row as in an article. */
const gatedResults = (text: string): string =>
  articleReferences.map((reference) => {
    const instance = gated(text);
    return describeResults(instance ? parseSentence(instance, text, reference) : []);
  }).join('\n');
const fullResults = (text: string): string => references.map((reference) => describeResults(full.parse(text, reference))).join('\n');
const NOTHING = references.map(() => '[]').join('\n');

describe('gated news chrono', () => {
  it('finds what the full chrono finds in every seed sentence', async () => {
    const { articles } = await ingest(['sources'], { cwd: ROOT });
    const texts = articles.flatMap((a) => contentSentences(segment(a)).map((s) => a.text.slice(s.start, s.end)));
    expect(texts.length).toBeGreaterThan(100);
    const different = texts.filter((text) => gatedResults(text) !== fullResults(text));
    expect(different).toEqual([]);
    expect(texts.filter((text) => fullResults(text) !== NOTHING).length).toBeGreaterThan(50);
  });

  it('finds what the full chrono finds in random date and time text', () => {
    const words = [
      'the', 'them', 'a', 'an', 'few', 'a few', 'several', 'couple of', 'half an', 'one', 'two', 'ten', 'in', 'for', 'within', 'this',
      'last', 'past', 'next', 'after', 'ago', 'later', 'out', 'before', 'earlier', 'from now', 's', 'm', 'h', 'd', 'w', 'mo', 'yr',
      'hours', 'days', 'week', 'weeks', 'month', 'year', 'Monday', 'Sunday', 'sat', 'Wed.', 'May', 'may', 'March', 'Jan.', 'Sept',
      'first', 'fifth', 'twenty first', 'of', 'on', 'at', 'end of the month', 'every', 'each', 'night', 'last night', 'noon', 'now',
      'today', 'tonight', 'tomorrow', 'yesterday', 'morning', 'afternoon', 'evening', 'this week', 'earlier this month', 'mid',
      'late', 'early', 'since', 'until', 'between', 'and', 'to', 'the 2018 election', 'summit', 'that year', 'about', 'around',
      '+', '-', '/', ',', '.', '(', ')', ':', '5', '12', '30', '07', '2019', '2017-2021', '1300', '3/14', '14.3.2019', '2019-03-14',
      '10:30', '9', '25', '99', '100', '130', '2400', '0930', '7:5', '12:75', '25:00', '10:30:75', '8:00:00.1234', '1.5', '13pm', 'a.m.', 'p.m.', 'a. m.', 'am', 'pm', 'GMT', 'ET', 'EST', 'Moscow time', 'UTC+3', '+0300', 'o’clock', '“', '”', 'Ю',
    ];
    const separators = ['', ' ', ' ', ' ', '  ', ', ', '-', '.', '/'];
    const random = randomInts(20261121);
    const different: string[] = [];
    let found = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = 1 + random(7); k > 0; k--) text += words[random(words.length)]! + separators[random(separators.length)]!;
      if (random(4) === 0) text = text.toUpperCase();
      const expected = fullResults(text);
      if (expected !== NOTHING) found++;
      if (gatedResults(text) !== expected) different.push(text);
    }
    expect(found).toBeGreaterThan(8000);
    expect(different).toEqual([]);
  });
});
