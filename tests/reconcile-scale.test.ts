/**
 * Reconciliation's large-dump paths give exactly what the plain definitions give: copy
 * detection with the bucket bound (origins.ts nearCopies) finds the pairs comparing every
 * pair finds, the sentence around a claim read by character codes is the one the regular
 * expressions read, candidate pairs visited without tuples are the iterated ones, and the
 * reports written a thousand source rows at a time are the same text.
 */
import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../src/reconcile/blocking.ts';
import { LinkTable } from '../src/reconcile/cluster.ts';
import { COPY_SIMILARITY, nearCopies, sentenceAround } from '../src/reconcile/origins.ts';
import { isRegexSpace } from '../src/segment/spans.ts';
import { reportHtmlChunks } from '../src/report/html.ts';
import { reportMarkdownChunks } from '../src/report/markdown.ts';
import { bigramProfile, dice, diceBound } from '../src/text/dice.ts';
import type { Article, Claim, Dataset, EventMention, SourceRecord } from '../src/types.ts';
import { randomFractions, randomInts } from './random-helper.ts';

/** Every pair of texts of two characters or more whose Dice reaches COPY_SIMILARITY (the definition). */
function allPairs(texts: readonly string[]): string[] {
  const out: string[] = [];
  const profiles = texts.map(bigramProfile);
  for (let x = 0; x < texts.length; x++) {
    for (let y = x + 1; y < texts.length; y++) {
      if (texts[x]!.length < 2 || texts[y]!.length < 2) continue;
      if (diceBound(profiles[x]!, profiles[y]!) >= COPY_SIMILARITY && dice(profiles[x]!, profiles[y]!) >= COPY_SIMILARITY) out.push(`${x}-${y}`);
    }
  }
  return out;
}

function found(texts: readonly string[]): string[] {
  const out: string[] = [];
  nearCopies(texts, (x, y) => {
    expect(x).toBeLessThan(y);
    out.push(`${x}-${y}`);
  });
  return out.sort((p, q) => {
    const [a, b] = p.split('-').map(Number);
    const [c, d] = q.split('-').map(Number);
    return a! - c! || b! - d!;
  });
}

describe('nearCopies', () => {
  const int = randomInts(11);
  const PLACES = ['springfield', 'lagos', 'hamburg', 'osaka', 'porto', 'nairobi'];
  const WORDS = ['three', 'four', 'a dozen', 'ten'];
  /** Sentences of one template with a few slots, as an event's reports are: many near pairs, few copies. */
  const templated = (): string =>
    `${PLACES[int(PLACES.length)]} police said ${int(40)} people were injured and ${WORDS[int(WORDS.length)]} were killed in a shooting on ${int(2) ? 'monday' : 'friday'} night`;

  it('finds exactly the pairs every pair compared finds, on templated groups around and above the bucket threshold', () => {
    let copies = 0;
    for (const size of [2, 10, 15, 16, 17, 30, 80, 200]) {
      for (let round = 0; round < 3; round++) {
        const texts = [...new Set(Array.from({ length: size }, templated))];
        const expected = allPairs(texts);
        expect(found(texts)).toEqual(expected);
        copies += expected.length;
      }
    }
    expect(copies).toBeGreaterThan(20);
  });

  it('and on random short texts: whitespace only, one character, equal but for whitespace, other scripts', () => {
    const next = randomFractions(12);
    const alphabet = ['a', 'b', 'ab', ' ', '\t', 'é', '東', '京', 'x', 'yz', '\u00a0'];
    for (let round = 0; round < 300; round++) {
      const size = 17 + Math.floor(next() * 30);
      const texts = [
        ...new Set(Array.from({ length: size }, () => Array.from({ length: Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''))),
      ];
      expect(found(texts)).toEqual(allPairs(texts));
    }
  });

  it('a pair at exactly the threshold is found (the bound never rounds a copy away)', () => {
    // Ten bigrams each, nine shared: 2 · 9 / 20 = 0.9 exactly; twenty more texts so the buckets are used.
    const texts = ['abcdefghijk', 'abcdefghijq', ...Array.from({ length: 20 }, (_, i) => `zz${i}yy${i}ww`)];
    expect(dice(bigramProfile(texts[0]!), bigramProfile(texts[1]!))).toBe(COPY_SIMILARITY);
    expect(found(texts)).toEqual(allPairs(texts));
    expect(found(texts)).toContain('0-1');
  });
});

describe('sentenceAround', () => {
  /** The definition: a regular expression per character. */
  function reference(article: Article | undefined, claim: Claim): string {
    const quote = claim.evidence.quote;
    if (!article) return quote;
    const text = article.text;
    const lowest = Math.max(article.body.start, claim.evidence.start - 400);
    let start = claim.evidence.start;
    while (start > lowest) {
      const ch = text[start - 1]!;
      if (ch === '\n') break;
      if (/\s/.test(ch) && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, start - 3), start - 1))) break;
      start--;
    }
    const highest = Math.min(text.length, claim.evidence.end + 400);
    let end = Math.max(claim.evidence.end, start);
    while (end < highest) {
      const ch = text[end]!;
      if (ch === '\n') break;
      end++;
      if (/[.!?]/.test(ch) && (end >= text.length || /\s/.test(text[end]!))) break;
    }
    return text.slice(start, end);
  }

  it('isRegexSpace is /\\s/ for every UTF-16 unit', () => {
    for (let ch = 0; ch <= 0xffff; ch++) expect(isRegexSpace(ch), ch.toString(16)).toBe(/\s/.test(String.fromCharCode(ch)));
  });

  it('equals the regular-expression reading on 20,000 random texts and spans', () => {
    const next = randomFractions(13);
    const pieces = ['a', 'b', ' ', '.', '!', '?', '"', '”', '’', ')', '\n', '\u00a0', '\u2003', 'word', '. ', '." ', 'x.y', '\t'];
    for (let round = 0; round < 20_000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * (round % 10 === 0 ? 400 : 40)) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const bodyStart = Math.floor(next() * Math.min(5, text.length));
      const start = bodyStart + Math.floor(next() * (text.length - bodyStart + 1));
      const end = start + Math.floor(next() * (text.length - start + 1));
      const article = { text, body: { start: bodyStart, end: text.length } } as Article;
      const claim = { evidence: { start, end, quote: text.slice(start, end) } } as Claim;
      expect(sentenceAround(article, claim)).toBe(reference(article, claim));
    }
  });
});

describe('candidate pairs and links', () => {
  it('forEach visits the iterated pairs, in order, with their positions', () => {
    const int = randomInts(14);
    const mentions = Array.from(
      { length: 300 },
      (_, i) =>
        ({
          id: `a${i}:e0`,
          type: ['meeting', 'attack', 'phone_call'][int(3)],
          participants: int(2) ? [['Ann Lee', 'Bo Ma', 'Cy Ng'][int(3)]!] : [],
          time: { timex: `2025-03-${String(1 + int(20)).padStart(2, '0')}`, known: { year: true, month: true, day: true }, utc: null, zone: null },
        }) as unknown as EventMention,
    );
    const pairs = candidatePairs(mentions, { window: 7 });
    const visited: [number, number][] = [];
    pairs.forEach((i, j, k) => {
      expect(k).toBe(visited.length);
      visited.push([i, j]);
    });
    expect(visited).toEqual([...pairs]);
    expect(visited.length).toBe(pairs.length);
    expect(visited.length).toBeGreaterThan(300);
  });

  it('a link table sized up front holds what a growing one holds', () => {
    const [grown, sized] = [new LinkTable(), new LinkTable(5000)];
    for (let k = 0; k < 5000; k++) {
      grown.add(k, k + 1, k / 2);
      sized.add(k, k + 1, k / 2);
    }
    expect(Array.from({ length: 5000 }, (_, k) => sized.at(k))).toEqual(Array.from({ length: 5000 }, (_, k) => grown.at(k)));
  });
});

describe('reports with a row per source, in chunks', () => {
  const sources: SourceRecord[] = Array.from({ length: 2500 }, (_, i) => ({
    id: `s${i}`,
    path: `dump.jsonl`,
    outlet: `outlet ${i % 7}`,
    published: '2025-03-18',
    title: `Title ${i}`,
    url: null,
    sha256: 'x',
    primaryEvent: null,
    story: null,
  }));
  const dataset: Dataset = { version: 1, sources, events: [], stories: [], conflicts: [], problems: [] };
  const input = { dataset, claims: [], articles: [] };

  it('report.md: the source table in groups of rows, every row once and in order', () => {
    const chunks = [...reportMarkdownChunks(input)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200_000);
    const rows = chunks.join('').split('\n').filter((line) => line.startsWith('| dump.jsonl'));
    expect(rows).toEqual(sources.map((s) => `| dump.jsonl | ${s.outlet} | 2025-03-18 | — |`));
  });

  it('report.html: the table body in chunks, joined as one line of rows', () => {
    const chunks = [...reportHtmlChunks(input)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200_000);
    const body = chunks.join('').split('\n').find((line) => line.startsWith('<tbody><tr>'))!;
    expect(body.match(/<tr>/g)).toHaveLength(2500);
    expect(body.endsWith('</tbody></table>')).toBe(true);
  });
});
