import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8, looksBinary } from '../src/ingest/decode.ts';
import { parseHTML } from 'linkedom';
import { blockText } from '../src/ingest/html.ts';
import { fileStem, sanitizeId, uniqueIds } from '../src/ingest/ids.ts';
import { dateFromUrl, findDateline, findWireCredit, inferMeta, isPaddedArchiveDate, isStampLine, latestFullDate, monthFromUrl, shortYearStamp, stampLinesEnd } from '../src/ingest/infer.ts';
import { scanJson } from '../src/ingest/json-scan.ts';
import { isValidTimezone, normalizePublished } from '../src/ingest/meta.ts';
import { outletForDomain } from '../src/ingest/outlets.ts';
import { findFrontMatter } from '../src/ingest/text.ts';
import type { ArticleMeta } from '../src/types.ts';

describe('normalizePublished', () => {
  it.each([
    ['2025-03-18', '2025-03-18'],
    ['2025-03-18T14:02:00Z', '2025-03-18T14:02:00Z'],
    ['2025-03-18 14:02:00', '2025-03-18T14:02:00'],
    ['2025-03-18T14:02', '2025-03-18T14:02'],
    ['2025-03-18T14:02:00.123+0300', '2025-03-18T14:02:00.123+03:00'],
    ['2024-02-29', '2024-02-29'],
    [' 2025-03-18 ', '2025-03-18'],
  ])('%s → %s', (raw, expected) => expect(normalizePublished(raw)).toBe(expected));

  it.each(['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-03-18T24:00', '2025-03-18T12:60', '18 March 2025', '2025', '2025-03', 'yesterday', ''])(
    'rejects %j',
    (raw) => expect(normalizePublished(raw)).toBeNull(),
  );
});

describe('isValidTimezone', () => {
  it.each(['Europe/Moscow', 'America/New_York', 'UTC', '+03:00', '-0500', 'Z'])('accepts %s', (z) => expect(isValidTimezone(z)).toBe(true));
  it.each(['Mars/Olympus', 'Moscow time', '+25:00', ''])('rejects %j', (z) => expect(isValidTimezone(z)).toBe(false));
});

describe('decode', () => {
  it.each([
    ['utf-8', [0x63, 0x61, 0x66, 0xc3, 0xa9], 'caf\u00e9'],
    ['utf-8 BOM kept', [0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a], '\uFEFFA\r\n'],
    ['utf-16le', [0xff, 0xfe, 0x41, 0x00], '\uFEFFA'],
    ['utf-16be', [0xfe, 0xff, 0x00, 0x41], '\uFEFFA'],
    ['windows-1252', [0x93, 0x41, 0x94, 0x80], '\u201cA\u201d\u20ac'],
  ])('%s', (_label, bytes, text) => {
    const result = decodeBytes(Uint8Array.from(bytes));
    expect(result.ok && result.text).toBe(text);
  });

  it('reports the line of the first bad byte', () => {
    const result = decodeBytes(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x63, 0xe9, 0x0a]));
    expect(result.ok && result.warning).toEqual({ line: 3, message: 'not valid UTF-8 (first bad byte at line 3); decoded as windows-1252' });
  });

  it.each([
    ['ascii', [0x41], -1],
    ['2-byte', [0xc3, 0xa9], -1],
    ['4-byte', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['lone continuation', [0x41, 0x80], 1],
    ['overlong', [0xc0, 0xaf], 0],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['truncated', [0x41, 0xe2, 0x80], 1],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('firstInvalidUtf8: %s', (_label, bytes, expected) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected));

  it.each([
    ['NUL byte', Buffer.from('text\0more'), true],
    ['many control bytes', Buffer.from('\x01\x02\x03\x04abc'), true],
    ['text with tabs, CR, LF, form feed', Buffer.from('a\tb\r\nc\fd\n'), false],
    ['windows-1252 high bytes', Buffer.from([0x93, 0x41, 0x94]), false],
  ])('looksBinary: %s', (_label, bytes, expected) => expect(looksBinary(bytes)).toBe(expected));
});

describe('findFrontMatter', () => {
  it.each([
    ['---\na: 1\n---\nbody', { yaml: { start: 4, end: 9 }, bodyStart: 13 }],
    ['\uFEFF---\r\na: 1\r\n---\r\nbody', { yaml: { start: 6, end: 12 }, bodyStart: 17 }],
    ['---\na: 1\n...\nbody', { yaml: { start: 4, end: 9 }, bodyStart: 13 }],
    ['---\na: 1\n---', { yaml: { start: 4, end: 9 }, bodyStart: 12 }],
  ])('%j', (text, expected) => expect(findFrontMatter(text)).toEqual(expected));

  it.each(['no front matter\n---\n', ' ---\na: 1\n---\n', '---\na: 1\nnever closed\n', '----\na\n---\n', 'text\n---\na: 1\n---\n'])('none in %j', (text) =>
    expect(findFrontMatter(text)).toBeNull(),
  );
});

describe('scanJson', () => {
  it('finds record starts and key offsets in an array', () => {
    const src = '[\n {"a": 1,\n  "published": "x"},\n {"b": [1, {"c": 2}]}\n]';
    const scan = scanJson(src);
    expect(scan.errorOffset).toBe(-1);
    expect(scan.records.map((r) => src.slice(r.start, r.start + 5))).toEqual(['{"a":', '{"b":']);
    expect(src.slice(scan.records[0]!.keys.get('published'))).toMatch(/^"published"/);
    expect([...scan.records[1]!.keys.keys()]).toEqual(['b']);
  });

  it('finds records under {"articles": [...]} and a single object root', () => {
    expect(scanJson('{"articles": [{"text": "a"}, {"text": "b"}]}').records).toHaveLength(2);
    const single = scanJson('\uFEFF {"maintext": "x", "id": 1}');
    expect(single.records).toEqual([]);
    expect([...single.root.keys.keys()]).toEqual(['maintext', 'id']);
  });

  it.each([
    ['[1, 2,]', 6],
    ['{"a" 1}', 5],
    ['{"a": "b\\x"}', 8],
    ['[1] 2', 4],
    ['{"a": tru}', 6],
    ['"unterminated', 0],
    ['{"a": "line\nbreak"}', 11],
  ])('error offset of %j is %i', (src, offset) => expect(scanJson(src).errorOffset).toBe(offset));
});

describe('outlets and ids', () => {
  it.each([
    ['https://www.reuters.com/world/x', 'Reuters'],
    ['https://uk.reuters.com/x', 'Reuters'],
    ['tass.com', 'TASS'],
    ['https://www.rt.com/news/1', 'RT'],
    ['https://abcnews.go.com/Politics/x', 'ABC News'],
    ['apnews.com', 'AP'],
    ['https://www.bbc.co.uk/news/x', 'BBC'],
    ['https://en.wikipedia.org/wiki/X', 'Wikipedia'],
    ['https://de.wikipedia.org/wiki/X', 'de.wikipedia.org'],
    ['https://www.example-news.org/a', 'example-news.org'],
    ['not a url', null],
  ])('outletForDomain(%s) = %s', (url, outlet) => expect(outletForDomain(url)).toBe(outlet));

  it.each([
    ['000_d399de622995a746', '000_d399de622995a746'],
    ['feed/001', 'feed_001'],
    ['custom id 7', 'custom_id_7'],
    ['  ..hidden', 'hidden'],
    ['статья', ''],
  ])('sanitizeId(%j) = %j', (raw, id) => expect(sanitizeId(raw)).toBe(id));

  it('fileStem', () => {
    expect(fileStem('sources/000_ab.txt')).toBe('000_ab');
    expect(fileStem('a/b.c/feed.tar.jsonl')).toBe('feed.tar');
    expect(fileStem('README')).toBe('README');
  });

  it('uniqueIds suffixes later duplicates and skips taken suffixes', () => {
    expect(uniqueIds(['a', 'b', 'a', 'a-2', 'a']).ids).toEqual(['a', 'b', 'a-3', 'a-2', 'a-4']);
  });
});

describe('inference rules', () => {
  const none: ArticleMeta = { outlet: null, published: null, title: null, url: null, timezone: null, language: null };
  const infer = (text: string, meta: Partial<ArticleMeta> = {}) =>
    inferMeta({ text, body: { start: 0, end: text.length }, meta: { ...none, ...meta } }).map((i) => ({
      ...i,
      quote: i.evidence ? text.slice(i.evidence.start, i.evidence.end) : null,
    }));

  it.each([
    ['\nMOSCOW | TASS | Officials said…', 'TASS', 'MOSCOW | TASS |'],
    ['WASHINGTON (Reuters) - The White House said', 'Reuters', 'WASHINGTON (Reuters) -'],
    ['KYIV, March 18 (Reuters) - Ukraine said', 'Reuters', 'KYIV, March 18 (Reuters) -'],
    ['NEW YORK (AP) — Stocks fell', 'AP', 'NEW YORK (AP) —'],
    ['(AP) — A storm hit', 'AP', '(AP) —'],
    ['MOSCOW, March 18. /TASS/. The Kremlin said', 'TASS', 'MOSCOW, March 18. /TASS/'],
  ])('dateline %j → %s', (text, outlet, quote) => {
    expect(findDateline(text, 0)?.outlet).toBe(outlet);
    expect(infer(text).find((i) => i.field === 'outlet')).toMatchObject({ value: outlet, rule: 'dateline', quote });
  });

  it.each([
    'The meeting (Photo) - a caption',
    'He said | that | was true',
    'Talks in MOSCOW (Reuters) - mid-sentence is not a dateline',
    'moscow | tass | lower case',
  ])('no dateline in %j', (text) => expect(findDateline(text, 0)?.outlet ?? null).toBeNull());

  it.each([
    ['By Jane Doe, Reuters\nText.', 'Reuters', 'By Jane Doe, Reuters'],
    ['Associated Press\r\nText.', 'AP', 'Associated Press'],
    ['Headline\nBy John Smith and Ann Lee | AFP\nText', 'AFP', 'By John Smith and Ann Lee | AFP'],
  ])('wire credit %j → %s', (text, outlet, quote) => {
    const credit = findWireCredit(text, 0);
    expect(credit?.outlet).toBe(outlet);
    expect(text.slice(credit!.span.start, credit!.span.end)).toBe(quote);
  });

  it.each(['Reuters reported that talks would resume.\n', 'By Jane Doe\nText citing Reuters.'])('no wire credit in %j', (text) =>
    expect(findWireCredit(text, 0)).toBeNull(),
  );

  it.each([
    ['https://example.com/world/2025/03/18/story/', '2025-03-18'],
    ['https://example.com/news/2025-03-18-story.html', '2025-03-18'],
    ['https://example.com/2025/02/30/x', null],
    ['https://example.com/news/123456', null],
    ['https://example.com/2025/03/story', null],
  ])('dateFromUrl(%s) = %s', (url, date) => expect(dateFromUrl(url)).toBe(date));

  it('latest date stamp near the top ignores year-less, relative and prose dates', () => {
    const text = 'Russia Today said on Tuesday.\nFeb. 12, 2025\nTalks followed a call on December 1, 2018 and one on March 3.\nDecember 1, 2018';
    const found = latestFullDate(text, 0)!;
    expect(found.value).toBe('2025-02-12');
    expect(text.slice(found.span.start, found.span.end)).toBe('Feb. 12, 2025');
    expect(latestFullDate('Russia Today said on Tuesday, March 3.', 0)).toBeNull();
    expect(latestFullDate('Jane Roe, born April 22, 1923, died on Monday.', 0)).toBeNull();
    expect(latestFullDate('Jane Roe\nBorn: April 22, 1923\nShe died on Monday.', 0)).toBeNull();
    expect(latestFullDate('Jane Roe (b. April 22, 1923) died.\nPosted: May 2, 2009', 0)!.value).toBe('2009-05-02');
  });

  it.each([
    'April 27, 2009',
    'APR 28',
    'Posted 11/27/2005 7:21 AM',
    '21 July 2013 Last updated at 11:11 GMT',
    'Sunday, March 17, 2013 | 5:00 PM',
    'updated 8:41 p. m. EST, Tue March 3, 2009',
    '9:53 AM, MON 22 JUL 2013',
    'PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM/UPDATED AT 12:48 PM',
    '11/28/05',
  ])('stamp-only line %j', (line) => expect(isStampLine(line)).toBe(true));

  it.each([
    'Watergate figure Fred LaRue, July 24',
    'Seacom operations fully restored: 4 November 2011',
    'Ellen DeGeneres to host Oscars in 2014',
    '8:24am:',
    'Obama Wins',
  ])('not a stamp-only line: %j', (line) => expect(isStampLine(line)).toBe(false));

  it('a body opening with stamp lines starts at its headline; a stamp alone is kept', () => {
    const text = 'April 27, 2009\nUpdated 5:00 PM, April 27, 2009\nBiologists call on Obama\nMore than 1,300 scientists wrote.';
    expect(text.slice(stampLinesEnd(text, { start: 0, end: text.length }))).toBe('Biologists call on Obama\nMore than 1,300 scientists wrote.');
    const plain = 'Biologists call on Obama\nApril 27, 2009\nText.';
    expect(stampLinesEnd(plain, { start: 0, end: plain.length })).toBe(0);
    expect(stampLinesEnd('April 27, 2009', { start: 0, end: 14 })).toBe(0);
  });

  it('a two-digit year is read only from a stamp-only first line', () => {
    expect(shortYearStamp('11/28/05\nAftershocks jolt Qeshm island', 10)).toEqual({ value: '2005-11-28', span: { start: 10, end: 18 } });
    expect(infer('8/2/13 at 1:30 PM\nHeadline').find((i) => i.field === 'published')).toMatchObject({ value: '2013-08-02', rule: 'latest-date-near-top' });
    expect(shortYearStamp('Headline\n11/28/05', 0)).toBeNull();
    expect(shortYearStamp('Scores 11/28/05 were posted', 0)).toBeNull();
  });

  it('reads a stamp broken over lines whole, as chrono over the whole window would (only lines near a year are read)', () => {
    const text = `Headline\n${'Some prose without any year. '.repeat(20)}\nJane Doe\nUpdated: Monday,\nDec. 15,\n2008 at 7:35 am\nThe story starts here.`;
    const found = latestFullDate(text, 0)!;
    expect(found.value).toBe('2008-12-15');
    expect(text.slice(found.span.start, found.span.end)).toBe('Monday,\nDec. 15,\n2008 at 7:35 am');
    const offset = latestFullDate('Posted on Monday,\nDecember 15, 2008\nSome prose.', 100)!;
    expect(offset.span).toEqual({ start: 107, end: 135 }); // "on Monday,\nDecember 15, 2008", shifted by the body's offset
  });

  it.each([
    ['Thursday, December 11, 2008\nThe team made an offer.', '2008-12-11'],
    ['Red Sox make offer\nDecember 15, 2008 at 1:00pm CST\nText.', '2008-12-15'],
    ['May 3, 2013 | 8:20 am', '2013-05-03'],
    ['Lohan checks into rehab\nPUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM\nUPDATED: FRIDAY, MAY 3, 2013, 9:56 AM', '2013-05-03'],
    ['On behalf of Doe & Roe, LLP. posted in Accidents on Friday, September 20, 2013.\nText.', '2013-09-20'],
    ['26 September 2013, 10:00 (GMT+05: 00)\nElections which are planned for December 15, 2013, will be held.', '2013-09-26'],
    // relative phrases beside a stamp (their parsers are left out of the stamp reader)
    ['Updated 3 hours ago | May 3, 2016\nText.', '2016-05-03'],
    ['Posted: Tuesday, May 24, 2005 at 10:30 a.m., two days later\nText.', '2005-05-24'],
  ])('a date stamp dates the article: %s → %s', (text, date) => {
    expect(latestFullDate(text, 0)?.value ?? null).toBe(date);
  });

  it.each([
    ['a birth', 'Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.'],
    ['a crime years back', 'Nichols gets life.\nHe was sentenced Saturday for the crimes he committed on March 11, 2005, that stunned Atlanta.'],
    ['a recalled day', 'Felt died yesterday.\nOn Tuesday, Oct. 10, 1972, Washington awoke to this news.'],
    ['a release to come', 'Weitz to direct New Moon.\nNew Moon is tentatively scheduled to open November 20, 2009.'],
    ['a study published on a date', 'Cases rise. The study, published May 2, 2009, found more cases.'],
    ['a birth in the opening sentence', 'Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.'],
  ])('a date in running prose (%s) does not date the article', (_label, text) => {
    expect(latestFullDate(text, 0)).toBeNull();
  });

  it.each([
    ['no URL: read month/day, as chrono does', 'Posted 11/09/2010\nText.', null, '2010-11-09'],
    ['the URL names September: day/month', 'Posted 11/09/2010\nText.', 'https://example.com/news/2010/09/story.html', '2010-09-11'],
    ['the URL names November: month/day', 'Posted 11/09/2010\nText.', 'https://example.com/2010/11/story', '2010-11-09'],
    ['the URL names neither month: unchanged', 'Posted 11/09/2010\nText.', 'https://example.com/2010/05/story', '2010-11-09'],
    ['a day above 12 is never swapped', 'Posted 09/13/2010\nText.', 'https://example.com/2010/13/story', '2010-09-13'],
  ])('an all-numeric stamp and the URL month (%s)', (_label, text, url, date) => {
    expect(latestFullDate(text, 0, monthFromUrl(url))?.value ?? null).toBe(date);
  });

  it('without a stamp, the opening sentence dates the article (after a headline with no full stop)', () => {
    expect(latestFullDate('On Jan. 24, 2025 talks began. They ended on December 1, 2025.', 0)!.value).toBe('2025-01-24');
    expect(latestFullDate('Talks end\nOfficials said on March 18, 2025 that talks ended.', 0)!.value).toBe('2025-03-18');
    // A stamp wins over it.
    expect(latestFullDate('Talks end\nMarch 19, 2025\nOfficials said on March 18, 2025 that talks ended.', 0)!.value).toBe('2025-03-19');
  });

  it.each([
    ['a dateline date takes its year from the URL', 'KYIV, March 18 (Reuters) - Text.', { url: 'https://www.reuters.com/world/2025/03/17/x/' }, { value: '2025-03-18', rule: 'dateline' }],
    ['a dated dateline', 'WASHINGTON, March 20, 2025 (Reuters) - Text.', {}, { value: '2025-03-20', rule: 'dateline' }],
    ['the URL path', 'Text without dates.', { url: 'https://example.com/2024/11/05/x' }, { value: '2024-11-05', rule: 'url-path' }],
    ['an all-numeric stamp read by the URL month', 'Posted 11/09/2010\nText.', { url: 'https://example.com/2010/09/x.html' }, { value: '2010-09-11', rule: 'latest-date-near-top' }],
    ['the latest date stamp', 'Posted: Jan. 24, 2025\nHe said that on December 1, 2018 …\nDecember 1, 2018', {}, { value: '2025-01-24', rule: 'latest-date-near-top' }],
  ])('published from %s', (_label, text, meta, expected) => {
    expect(infer(text, meta).find((i) => i.field === 'published')).toMatchObject(expected);
  });

  it.each([
    ['https://x.blogspot.com/2005_05_01_archive.html', true],
    ['https://example.com/blog/2005/05/', true],
    ['https://example.com/blog/2005/05/page/2/', true],
    ['https://example.com/blog/2005/05/a-post.html', false],
    ['https://example.com/2005/05/01/a-post.html', false],
    ['https://x.blogspot.com/2005_06_01_archive.html', false],
    ['https://example.com/news/2005/05/01/', false],
    ['https://example.com/news/2005-05-01', false],
    ['https://example.com/archive/2005-05-01', false],
  ])('a 2005-05-01 date on %s is a padded month archive: %s', (url, padded) => {
    expect(isPaddedArchiveDate('2005-05-01', url)).toBe(padded);
  });

  it("a month archive's padded 1st gives way to the post's own date at the top, with evidence", () => {
    const url = 'https://x.blogspot.com/2005_05_01_archive.html';
    const text = 'Tuesday, May 24, 2005\nUp the coast, the team fired its coach.';
    expect(infer(text, { url, published: '2005-05-01', outlet: 'X' })).toEqual([
      { field: 'published', value: '2005-05-24', rule: 'archive-post-date', evidence: { start: 0, end: 21 }, quote: 'Tuesday, May 24, 2005' },
    ]);
    // Not in the archive's month, not at the top, or not an archive: the given date stays.
    expect(infer('Tuesday, June 24, 2005\nText.', { url, published: '2005-05-01', outlet: 'X' })).toEqual([]);
    expect(infer(`${'word '.repeat(60)}May 24, 2005.`, { url, published: '2005-05-01', outlet: 'X' })).toEqual([]);
    expect(infer(text, { url: 'https://example.com/2005/05/01/post', published: '2005-05-01', outlet: 'X' })).toEqual([]);
    expect(infer(text, { url, published: '2005-05-01T14:30:00Z', outlet: 'X' })).toEqual([]);
  });

  it('infers nothing that is already known, and nothing from nothing', () => {
    expect(infer('MOSCOW | TASS | On March 3, 2025 …', { outlet: 'X', published: '2025-03-18', timezone: 'UTC' })).toEqual([]);
    expect(infer('Just some words on Tuesday.')).toEqual([]);
  });

  it('outlet from the URL domain comes first; timezone from a published offset', () => {
    expect(infer('MOSCOW | TASS | …', { url: 'https://www.rt.com/x', published: '2025-03-18T10:00:00+03:00' })).toEqual([
      { field: 'outlet', value: 'RT', rule: 'url-domain', evidence: null, quote: null },
      { field: 'timezone', value: '+03:00', rule: 'published-offset', evidence: null, quote: null },
    ]);
    expect(infer('x', { published: '2025-03-18T10:00:00Z', outlet: 'X' })).toEqual([]);
  });

  it('looks only at a bounded window at the top', () => {
    const text = `${'word '.repeat(400)}\nMOSCOW | TASS | late dateline. March 3, 2025.`;
    expect(infer(text)).toEqual([]);
  });
});

describe('blockText', () => {
  it.each([
    ['<p>One <b>two</b>\n  three</p><p>Four</p>', 'One two three\nFour'],
    ['<div>A<br>B</div><ul><li>x</li><li>y</li></ul>', 'A\nB\nx\ny'],
    ['<p>Keep</p><script>var x = 1;</script><style>p{}</style><p>\u00a0</p>', 'Keep'],
    ['<h2>Title</h2><p>Text <a href="#">link</a>.</p>', 'Title\nText link.'],
  ])('%j', (html, text) => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(blockText(document.body as never)).toBe(text);
  });
});
