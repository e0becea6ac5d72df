/**
 * segment() end to end: the five seed articles, span invariants, CRLF/BOM input,
 * Markdown input, front matter, and linear time on a huge single-line block.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSentences, segment } from '../src/segment/index.ts';
import type { Article, Block, InputFormat, SegmentedArticle, Span } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

const SOURCES = new URL('../sources/', import.meta.url);

function article(text: string, format: InputFormat = 'text', body: Span = { start: 0, end: text.length }): Article {
  return testArticle(text, { format, body, meta: { language: null } });
}

function seed(prefix: string): SegmentedArticle {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', SOURCES), 'utf8')) as { file: string }[];
  const file = manifest.find((m) => m.file.startsWith(prefix))!.file;
  return segment(article(readFileSync(new URL(file, SOURCES), 'utf8')));
}

const seeds = {
  tass: seed('000_'),
  rt: seed('001_'),
  abc: seed('002_'),
  reuters: seed('003_'),
  wiki: seed('004_'),
};

const textOf = (seg: SegmentedArticle, unit: Span): string => seg.article.text.slice(unit.start, unit.end);

/** The blocks whose text starts with `prefix` (at least one must exist). */
function blocksStarting(seg: SegmentedArticle, prefix: string): Block[] {
  const found = seg.blocks.filter((b) => textOf(seg, b).startsWith(prefix));
  expect(found, `no block starts with ${JSON.stringify(prefix)}`).not.toHaveLength(0);
  return found;
}
function blockStarting(seg: SegmentedArticle, prefix: string): Block {
  return blocksStarting(seg, prefix)[0]!;
}
/** The block containing a sentence equal to `sentence`. */
function blockOfSentence(seg: SegmentedArticle, sentence: string): Block {
  const found = seg.sentences.find((s) => textOf(seg, s) === sentence);
  expect(found, `no sentence ${JSON.stringify(sentence)}`).toBeDefined();
  return seg.blocks[found!.block]!;
}

function expectSpanInvariants(seg: SegmentedArticle): void {
  const { text, body } = seg.article;
  let previousEnd = body.start;
  for (const [i, block] of seg.blocks.entries()) {
    expect(block.index).toBe(i);
    expect(block.start).toBeGreaterThanOrEqual(previousEnd);
    expect(block.end).toBeLessThanOrEqual(body.end);
    const quote = text.slice(block.start, block.end);
    expect(quote.length).toBeGreaterThan(0);
    expect(quote).toBe(quote.trim());
    expect(quote).not.toMatch(/^[\uFEFF\r]|[\uFEFF\r]$/);
    previousEnd = block.end;
  }
  let previousSentenceEnd = 0;
  for (const [i, sentence] of seg.sentences.entries()) {
    expect(sentence.index).toBe(i);
    const block = seg.blocks[sentence.block]!;
    expect(sentence.start).toBeGreaterThanOrEqual(block.start);
    expect(sentence.end).toBeLessThanOrEqual(block.end);
    expect(sentence.start).toBeGreaterThanOrEqual(previousSentenceEnd);
    const quote = text.slice(sentence.start, sentence.end);
    expect(quote.length).toBeGreaterThan(0);
    expect(quote).toBe(quote.trim());
    expect(quote).not.toMatch(/^[\uFEFF\r]|[\uFEFF\r]$/);
    previousSentenceEnd = sentence.end;
  }
}

describe('seed articles: span invariants', () => {
  it.each(Object.entries(seeds))('%s', (_name, seg) => {
    expectSpanInvariants(seg);
    // every block has at least one sentence
    const withSentences = new Set(seg.sentences.map((s) => s.block));
    expect(seg.blocks.every((b) => withSentences.has(b.index))).toBe(true);
  });
});

describe('RT (aggregator copy)', () => {
  const seg = seeds.rt;
  it('page furniture and everything from "Related Articles" on is boilerplate', () => {
    for (const prefix of ['Hashtags', 'Try Our AI Features', 'Comments', 'No comments yet...']) {
      expect(blockStarting(seg, prefix).boilerplate, prefix).not.toBeNull();
    }
    const related = blockStarting(seg, 'Related Articles');
    expect(related.boilerplate?.kind).toBe('related');
    const after = seg.blocks.slice(related.index);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((b) => b.boilerplate !== null)).toBe(true);
    expect(blocksStarting(seg, 'Vietnam has joined BRICS')[0]!.boilerplate?.kind).toBe('related');
  });

  it('the article paragraphs before are content, split at "restrictions.A"', () => {
    const hashtags = blockStarting(seg, 'Hashtags');
    const article = seg.blocks.slice(0, hashtags.index);
    expect(article.length).toBe(14);
    expect(article.every((b) => b.boilerplate === null)).toBe(true);
    expect(blockOfSentence(seg, 'They agreed to normalize the operations of their diplomatic missions, which had previously been hindered by mutual restrictions.').boilerplate).toBeNull();
    expect(seg.sentences.some((s) => textOf(seg, s).startsWith('A follow-up meeting in Türkiye'))).toBe(true);
  });
});

describe('Reuters (live blog)', () => {
  const seg = seeds.reuters;
  it('photo captions, bios, outlet lines and standards are boilerplate', () => {
    const filePhotos = blocksStarting(seg, 'FILE PHOTO:');
    expect(filePhotos.length).toBe(13);
    expect(filePhotos.every((b) => b.boilerplate?.kind === 'caption')).toBe(true);
    expect(blockStarting(seg, 'U.S. President Donald Trump and Russian President Vladimir Putin in Osaka').boilerplate?.kind).toBe('caption');
    expect(blockStarting(seg, 'People walk past a Fox News ticker').boilerplate?.kind).toBe('caption');
    for (const bio of ['Kylie is the Deputy', 'Farouq is a Live Page Journalist', 'Vanessa Balintec is a Live Page Journalist']) {
      const block = blockStarting(seg, bio);
      expect(block.boilerplate?.kind, bio).toBe('byline');
      expect(seg.blocks[block.index - 1]!.boilerplate?.kind).toBe('byline');
      expect(textOf(seg, seg.blocks[block.index - 1]!)).toBe('Thomson Reuters');
    }
    expect(blockStarting(seg, 'Our Standards:').boilerplate?.kind).toBe('standards');
    expect(blockStarting(seg, '- Read our roundup here').boilerplate?.kind).toBe('navigation');
  });

  it('the posts, the summary and the timing sentences are content', () => {
    expect(blockStarting(seg, '- The call lasted more than two hours').boilerplate).toBeNull();
    for (const sentence of [
      'A White House official said the call started at 10:00 a.m. ET.',
      'TASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.',
      'The two leaders have been talking since about 10 a.m. ET (1400 GMT).',
      'Trump and Putin have been on the call for more than two hours now.',
    ]) {
      expect(blockOfSentence(seg, sentence).boilerplate, sentence).toBeNull();
    }
    const content = contentSentences(seg).map((s) => textOf(seg, s));
    expect(content).toContain('The call lasted more than two hours');
    expect(content.some((s) => s.includes('REUTERS'))).toBe(false);
  });

  it('the presidents’ names are headings over their sections', () => {
    const clinton = blockStarting(seg, 'BILL CLINTON');
    expect(clinton.kind).toBe('heading');
    expect(blockStarting(seg, 'Clinton visited Moscow').heading).toBe(clinton.index);
    expect(blockStarting(seg, 'GEORGE W. BUSH').kind).toBe('heading');
  });
});

describe('ABC (machine-reworded copy)', () => {
  const seg = seeds.abc;
  it('photo captions and "by way of" credit lines are boilerplate', () => {
    expect(blockStarting(seg, 'Carlos Barria/Reuters | Ramil Sitdikov').boilerplate?.kind).toBe('credit');
    expect(blockStarting(seg, 'Ramil Sitdikov, Pool by way of Sputnik').boilerplate?.kind).toBe('credit');
    expect(blocksStarting(seg, 'Carlos Barria/Reuters').every((b) => b.boilerplate?.kind === 'credit')).toBe(true);
    for (const caption of [
      'President Donald Trump departs the White Home',
      'Russian President Vladimir Putin speaks throughout his go to',
      'President Donald Trump indicators paperwork',
    ]) {
      expect(blockStarting(seg, caption).boilerplate?.kind, caption).toBe('caption');
    }
  });

  it('the prose is content and section titles are headings', () => {
    const boilerplate = seg.blocks.filter((b) => b.boilerplate);
    expect(boilerplate).toHaveLength(6);
    for (const title of ['Breaking the silence', 'Stress techniques', 'Different points, different international locations']) {
      expect(blockStarting(seg, title).kind, title).toBe('heading');
    }
    expect(blockStarting(seg, 'Any dialog between the 2').boilerplate).toBeNull();
  });
});

describe('Wikipedia', () => {
  const seg = seeds.wiki;
  it('wiki headings carry their level', () => {
    expect(blockStarting(seg, '= February 2025').level).toBe(1);
    for (const h of ['== Background ==', '== Course of conversation ==', '== Consequences ==', '==Later calls==']) {
      const block = blockStarting(seg, h);
      expect(block.kind).toBe('heading');
      expect(block.level, h).toBe(2);
    }
    expect(blockStarting(seg, '===Media and analysis===').level).toBe(3);
    // the sentence of a heading is its title, without the = marks
    const background = blockStarting(seg, '== Background ==');
    expect(seg.sentences.filter((s) => s.block === background.index).map((s) => textOf(seg, s))).toEqual(['Background']);
  });

  it('the infobox is infobox; the sections are content', () => {
    expect(blockStarting(seg, 'Infobox').boilerplate?.kind).toBe('infobox');
    expect(blockStarting(seg, '- Date: February 12, 2025').boilerplate?.kind).toBe('infobox');
    const background = blockStarting(seg, '== Background ==');
    const sectionParagraphs = seg.blocks.filter((b) => b.kind === 'paragraph' && b.index > background.index);
    expect(sectionParagraphs.length).toBeGreaterThan(15);
    expect(sectionParagraphs.every((b) => b.boilerplate === null)).toBe(true);
    expect(blockStarting(seg, 'On November 7, 2024').heading).toBe(background.index);
  });
});

describe('TASS', () => {
  const seg = seeds.tass;
  it('the photo credit is a credit, factbox titles are headings, the factbox is content', () => {
    expect(blockStarting(seg, '© Mikhail Metzel/TASS').boilerplate?.kind).toBe('credit');
    const meetings = blockStarting(seg, 'Meetings');
    expect(meetings.kind).toBe('heading');
    expect(blockStarting(seg, 'Telephone conversations').kind).toBe('heading');
    expect(seg.blocks.filter((b) => b.boilerplate)).toHaveLength(1);
    expect(blockStarting(seg, 'The first meeting between the presidents').heading).toBe(meetings.index);
  });
});

describe('raw text is never modified: CRLF, BOM, front matter', () => {
  it('CRLF and a BOM stay outside every span', () => {
    const text = '\uFEFFTitle Of The Piece\r\n\r\nThe call lasted two hours. It ended at noon.\r\n- a point\r\n== Section ==\r\nMore text here, Mr. Smith said.\r\n';
    const seg = segment(article(text));
    expectSpanInvariants(seg);
    expect(seg.blocks.map((b) => textOf(seg, b))).toEqual([
      'Title Of The Piece',
      'The call lasted two hours. It ended at noon.',
      '- a point',
      '== Section ==',
      'More text here, Mr. Smith said.',
    ]);
    expect(seg.sentences.map((s) => textOf(seg, s))).toEqual([
      'Title Of The Piece',
      'The call lasted two hours.',
      'It ended at noon.',
      'a point',
      'Section',
      'More text here, Mr. Smith said.',
    ]);
    expect(seg.blocks[0]!.kind).toBe('heading');
  });

  it('lone CR line endings split lines too', () => {
    const seg = segment(article('First line here.\rSecond line here.'));
    expect(seg.blocks.map((b) => textOf(seg, b))).toEqual(['First line here.', 'Second line here.']);
  });

  it('only the body is segmented: front matter is not a block', () => {
    const front = '---\ntitle: Talks\npublished: 2025-03-18\n---\n';
    const text = `${front}The talks ended.\nSubscribe`;
    const seg = segment(article(text, 'text', { start: front.length, end: text.length }));
    expect(seg.blocks.map((b) => textOf(seg, b))).toEqual(['The talks ended.', 'Subscribe']);
    expect(seg.blocks[0]!.start).toBe(front.length);
    expect(contentSentences(seg).map((s) => textOf(seg, s))).toEqual(['The talks ended.']);
  });

  it('an empty or blank body gives no blocks', () => {
    expect(segment(article('')).blocks).toEqual([]);
    expect(segment(article(' \r\n\uFEFF\n\t')).sentences).toEqual([]);
  });
});

describe('Markdown input', () => {
  it('uses remark for headings, lists and paragraphs, keeping raw spans', () => {
    const text = '---\ntitle: x\n---\n# The call\n\nThe leaders spoke for\ntwo hours on Tuesday. It was\nthe second call.\n\n## Details\n\n- first *point* &amp; more\n- second point\n\n    indented prose line.\n';
    const body = { start: 16, end: text.length };
    const seg = segment(article(text, 'markdown', body));
    expectSpanInvariants(seg);
    expect(seg.blocks.map((b) => [textOf(seg, b), b.kind, b.level])).toEqual([
      ['# The call', 'heading', 1],
      ['The leaders spoke for\ntwo hours on Tuesday. It was\nthe second call.', 'paragraph', undefined],
      ['## Details', 'heading', 2],
      ['- first *point* &amp; more', 'list-item', undefined],
      ['- second point', 'list-item', undefined],
      ['indented prose line.', 'line', undefined],
    ]);
    expect(seg.sentences.map((s) => textOf(seg, s))).toEqual([
      'The call',
      'The leaders spoke for\ntwo hours on Tuesday.',
      'It was\nthe second call.',
      'Details',
      'first *point* &amp; more',
      'second point',
      'indented prose line.',
    ]);
    expect(seg.blocks[3]!.heading).toBe(2);
  });

  it('splits one-paragraph-per-line text and lazy list continuations back into lines', () => {
    const long = 'The Kremlin said the two leaders had a detailed and frank exchange of views on Ukraine and other matters.';
    const text = `Summary\n- The call is over\n- Read our roundup here\n${long}\nFILE PHOTO: Putin in Moscow, March 18, 2025. REUTERS/Someone\n${long}`;
    const seg = segment(article(text, 'markdown'));
    expectSpanInvariants(seg);
    expect(seg.blocks.map((b) => [textOf(seg, b).slice(0, 20), b.kind, b.boilerplate?.kind ?? null])).toEqual([
      ['Summary', 'heading', null],
      ['- The call is over', 'list-item', null],
      ['- Read our roundup h', 'list-item', 'navigation'],
      ['The Kremlin said the', 'paragraph', null],
      ['FILE PHOTO: Putin in', 'line', 'caption'],
      ['The Kremlin said the', 'paragraph', null],
    ]);
  });
});

describe('seeds read as Markdown', () => {
  it.each(Object.entries(seeds))('%s gives the same blocks and sentences as plain text', (_name, seg) => {
    const asMarkdown = segment({ ...seg.article, format: 'markdown' });
    expectSpanInvariants(asMarkdown);
    expect(asMarkdown.blocks).toEqual(seg.blocks);
    expect(asMarkdown.sentences).toEqual(seg.sentences);
  });
});

describe('performance', () => {
  it('segments a 3 MB single-line article in well under a second', () => {
    const unit = 'Putin and Trump spoke for 2.5 hours on Tuesday, the Kremlin said. Mr. Peskov declined to comment. ';
    const text = unit.repeat(Math.ceil(3_000_000 / unit.length));
    const started = performance.now();
    const seg = segment(article(text));
    const elapsed = performance.now() - started;
    expect(seg.blocks).toHaveLength(1);
    expect(seg.sentences).toHaveLength(2 * Math.ceil(3_000_000 / unit.length));
    expect(elapsed).toBeLessThan(1000);
  });

  it('segments 60k short lines quickly', () => {
    const text = 'Meetings\nThe leaders met in Helsinki and spoke for two hours, officials said.\n11 hours ago\n'.repeat(20_000);
    const started = performance.now();
    const seg = segment(article(text));
    expect(seg.blocks).toHaveLength(60_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
