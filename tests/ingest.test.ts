import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { sha256 } from '../src/text/hash.ts';
import type { Article, IngestResult, Problem } from '../src/types.ts';
import { tempDir } from './temp-helper.ts';

const ROOT = join(import.meta.dirname, '..');
const FIX = 'fixtures/ingest';

const byPath = (result: IngestResult, path: string): Article[] => result.articles.filter((a) => a.path === path);
const problemsOf = (result: IngestResult, path: string): Problem[] => result.problems.filter((p) => p.path === path);
const show = (p: Problem): string => `${p.path}:${p.line ?? '-'}: ${p.severity}: ${p.message}`;

let tmp: string;
beforeAll(() => {
  tmp = tempDir('ingest-test-');
});

describe('public API', () => {
  it('exports only ingest', async () => {
    expect(Object.keys(await import('../src/ingest/index.ts')).sort()).toEqual(['ingest']);
  });
});

describe('seeds', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest(['sources'], { cwd: ROOT });
  });

  it('reads five articles with manifest metadata and no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.id)).toEqual([
      '000_d399de622995a746',
      '001_7830fd96dda5ed9d',
      '002_9fc321f774faf36d',
      '003_cd1cb9dd255ad211',
      '004_3b2c78bd5656ba1c',
    ]);
    expect(result.articles.map((a) => a.meta.outlet)).toEqual(['TASS', 'RT', 'ABC News', 'Reuters', 'Wikipedia']);
    const tass = result.articles[0]!;
    expect(tass.meta).toEqual({
      outlet: 'TASS',
      published: '2025-03-18',
      title: null,
      url: null,
      timezone: 'Europe/Moscow',
      language: 'en',
    });
    expect(tass.path).toBe('sources/000_d399de622995a746.txt');
    expect(tass.inferences).toEqual([]);
    expect(result.files.map((f) => f.format)).toEqual(['text', 'text', 'text', 'text', 'text']);
  });

  it('keeps each file byte for byte, with body = whole text and a matching hash', () => {
    for (const article of result.articles) {
      const raw = readFileSync(join(ROOT, article.path), 'utf8');
      expect(article.text).toBe(raw);
      expect(article.body).toEqual({ start: 0, end: raw.length });
      expect(article.origin).toEqual({ line: 1 });
      expect(article.sha256).toBe(sha256(raw));
      expect(article.format).toBe('text');
    }
  });

  it('is deterministic', async () => {
    const again = await ingest(['sources'], { cwd: ROOT });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('infers outlet TASS from the dateline of a seed copied without its manifest', async () => {
    const dir = mkdtempSync(join(tmp, 'seed-copy-'));
    copyFileSync(join(ROOT, 'sources/000_d399de622995a746.txt'), join(dir, 'tass.txt'));
    const copy = await ingest(['tass.txt'], { cwd: dir });
    const article = copy.articles[0]!;
    expect(article.meta.outlet).toBe('TASS');
    const outlet = article.inferences.find((i) => i.field === 'outlet')!;
    expect(outlet.rule).toBe('dateline');
    expect(article.text.slice(outlet.evidence!.start, outlet.evidence!.end)).toBe('MOSCOW | TASS |');
    const warning = copy.problems.find((p) => p.message.startsWith('outlet missing'))!;
    expect(show(warning)).toBe('tass.txt:2: warning: outlet missing; inferred TASS from dateline "MOSCOW | TASS |"');
    // Every inference is also a warning, and nothing is an error.
    expect(copy.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(copy.problems.filter((p) => p.message.includes('inferred'))).toHaveLength(article.inferences.length);
  });
});

describe('input forms', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest([`${FIX}/forms`], { cwd: ROOT });
  });

  it('reads every form in path order, then record order', () => {
    expect(result.articles.map((a) => [a.path.replace(`${FIX}/forms/`, ''), a.id, a.format])).toEqual([
      ['article.md', 'article', 'markdown'],
      ['feed.jsonl', 'feed_001', 'jsonl'],
      ['feed.jsonl', 'feed-2', 'jsonl'],
      ['front-matter.txt', 'front-matter', 'text'],
      ['page.html', 'page', 'html'],
      ['records.json', 'records-1', 'json'],
      ['records.json', 'custom_id_7', 'json'],
      ['single.json', 'single', 'json'],
    ]);
  });

  it('txt front matter: metadata, text = whole file, body after the closing ---', () => {
    const [a] = byPath(result, `${FIX}/forms/front-matter.txt`);
    const raw = readFileSync(join(ROOT, a!.path), 'utf8');
    expect(a!.text).toBe(raw);
    expect(a!.text.slice(a!.body.start, a!.body.end)).toBe(
      'BERLIN — The two leaders spoke by phone on Tuesday for more than an hour.\nA spokesman said the call was "constructive".\n',
    );
    expect(a!.meta).toEqual({
      outlet: 'Example Wire',
      published: '2025-03-18T09:30:00Z',
      title: 'Leaders speak by phone',
      url: 'https://example.com/world/leaders-call',
      timezone: 'Europe/Berlin',
      language: 'en',
    });
  });

  it('markdown keeps its syntax in the raw text', () => {
    const [a] = byPath(result, `${FIX}/forms/article.md`);
    expect(a!.text.slice(a!.body.start, a!.body.end).startsWith('# Talks resume\n\nNegotiators met **again**')).toBe(true);
    expect(a!.meta.outlet).toBe('Markdown Daily');
    expect(a!.meta.published).toBe('2025-03-17');
  });

  it('jsonl: news-please fields, normalized date_publish, domain → outlet, record line as origin', () => {
    const [first, second] = byPath(result, `${FIX}/forms/feed.jsonl`);
    expect(first!.text).toBe('Officials met in Riyadh on Monday.\nThe talks lasted four hours.');
    expect(first!.body).toEqual({ start: 0, end: first!.text.length });
    expect(first!.meta).toMatchObject({
      outlet: 'Reuters',
      published: '2025-03-24T14:02:00',
      title: 'Ceasefire talks',
      url: 'https://www.reuters.com/world/2025/03/24/talks/',
      language: 'en',
    });
    expect(first!.origin).toEqual({ line: 1 });
    expect(second!.text).toBe('A second record using the text field.');
    expect(second!.meta.outlet).toBe('Example Outlet');
    expect(second!.origin).toEqual({ line: 2 });
    expect(second!.sha256).toBe(sha256(second!.text));
  });

  it('json array and single record', () => {
    const [one, two] = byPath(result, `${FIX}/forms/records.json`);
    expect(one!.text).toBe('The first record\'s text, with "quotes" and a\nline break.');
    expect(one!.meta.outlet).toBe('AP');
    expect(one!.meta.published).toBe('2025-03-18T10:00:00');
    expect(two!.id).toBe('custom_id_7');
    expect(two!.origin).toEqual({ line: 1 });
    const [single] = byPath(result, `${FIX}/forms/single.json`);
    expect(single!.meta.outlet).toBe('TASS');
    expect(single!.meta.url).toBe('https://tass.com/politics/123');
    // record problems point at the record's line
    expect(problemsOf(result, `${FIX}/forms/records.json`).map(show)).toEqual([
      `${FIX}/forms/records.json:8: warning: no outlet found (no metadata, URL, dateline or wire credit)`,
    ]);
  });

  it('html: Readability text one paragraph per line, page metadata', () => {
    const [page] = byPath(result, `${FIX}/forms/page.html`);
    const lines = page!.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^The two presidents spoke by telephone on Tuesday afternoon, officials said, in a call that lasted more than two hours/);
    expect(lines[2]).toBe('Neither side gave details of how the pause would be monitored.');
    expect(lines[3]).toBe('Analysts were cautious.');
    expect(page!.text).not.toMatch(/Home|Copyright/);
    expect(page!.meta).toEqual({
      outlet: 'Example Times',
      published: '2025-03-18T16:45:00+01:00',
      title: 'Leaders hold a long phone call',
      url: 'https://example.org/news/leaders-call',
      timezone: '+01:00',
      language: 'en-GB',
    });
    expect(page!.inferences).toEqual([{ field: 'timezone', value: '+01:00', rule: 'published-offset', evidence: null }]);
  });

  it('unsupported extension: a warning, listed as skipped', () => {
    const path = `${FIX}/forms/notes.xyz`;
    expect(problemsOf(result, path).map(show)).toEqual([`${path}:-: warning: skipped: unsupported file type .xyz`]);
    expect(result.files.find((f) => f.path === path)).toEqual({ path, format: 'skipped', articles: 0 });
  });

  it('calls onFile for every file it reads', async () => {
    const seen: string[] = [];
    await ingest([`${FIX}/forms`], { cwd: ROOT, onFile: (p) => seen.push(p) });
    expect(seen).toEqual(result.files.filter((f) => !f.path.endsWith('.xyz')).map((f) => f.path));
  });
});

describe('manifests', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest([`${FIX}/manifest`, `${FIX}/broken-manifest`], { cwd: ROOT });
  });
  const M = `${FIX}/manifest`;

  it('applies entries; front matter wins field by field', () => {
    expect(byPath(result, `${M}/wire.txt`)[0]!.meta).toEqual({
      outlet: 'Example Wire',
      published: '2025-03-18',
      title: null,
      url: null,
      timezone: 'Europe/Moscow',
      language: 'en',
    });
    expect(byPath(result, `${M}/with-front-matter.md`)[0]!.meta).toMatchObject({
      outlet: 'Front Matter Name',
      published: '2025-03-01',
      title: 'Manifest title',
    });
  });

  it('reports a missing file and an impossible date at their lines, and still reads the article', () => {
    expect(problemsOf(result, `${M}/manifest.json`).map(show)).toEqual([
      `${M}/manifest.json:4: error: manifest entry for missing file missing.txt`,
      `${M}/manifest.json:6: error: manifest entry for bad-date.txt: invalid published date "2025-02-30" (expected an existing ISO date or date-time like 2025-03-18 or 2025-03-18T14:00:00Z)`,
    ]);
    const [bad] = byPath(result, `${M}/bad-date.txt`);
    expect(bad!.meta.outlet).toBe('Example Post');
    expect(bad!.meta.published).toBe('2025-03-20');
    expect(bad!.inferences).toEqual([{ field: 'published', value: '2025-03-20', rule: 'dateline', evidence: { start: 0, end: 38 } }]);
    expect(problemsOf(result, `${M}/bad-date.txt`).map(show)).toEqual([
      `${M}/bad-date.txt:1: warning: published date missing; inferred 2025-03-20 from dateline "WASHINGTON, March 20, 2025 (Reuters) -"`,
    ]);
  });

  it('a broken manifest is an error at its line; the folder is still read', () => {
    const B = `${FIX}/broken-manifest`;
    expect(problemsOf(result, `${B}/manifest.json`).map(show)).toEqual([
      `${B}/manifest.json:3: error: manifest: invalid JSON: expected ',' or '}' after a property value; its metadata is not applied`,
    ]);
    expect(byPath(result, `${B}/story.txt`)).toHaveLength(1);
  });

  it('a file named on its own still gets its folder manifest, without a report about other entries', async () => {
    const alone = await ingest([`${M}/wire.txt`], { cwd: ROOT });
    expect(alone.articles[0]!.meta.outlet).toBe('Example Wire');
    expect(alone.problems).toEqual([]);
    const named = await ingest([`${M}/bad-date.txt`], { cwd: ROOT });
    expect(named.problems.filter((p) => p.severity === 'error').map(show)).toEqual([
      expect.stringMatching(/manifest\.json:6: error: manifest entry for bad-date\.txt: invalid published date "2025-02-30"/),
    ]);
  });
});

describe('bad inputs', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest([`${FIX}/bad`, 'does/not/exist'], { cwd: ROOT });
  });
  const B = `${FIX}/bad`;

  it.each([
    ['empty.txt', null, 'error', 'empty file'],
    ['whitespace.md', null, 'error', 'empty file'],
    ['wrong-shape.json', 1, 'error', 'unexpected JSON shape: expected a record with "maintext"/"text", an array of records, or {"articles": [...]}'],
    ['cp1252.txt', 2, 'warning', 'not valid UTF-8 (first bad byte at line 2); decoded as windows-1252'],
  ])('%s → %s: %s', (file, line, severity, message) => {
    expect(problemsOf(result, `${B}/${file}`)).toContainEqual({ path: `${B}/${file}`, line, severity, message });
  });

  it('a missing PATH is an error', () => {
    expect(problemsOf(result, 'does/not/exist')).toEqual([
      { path: 'does/not/exist', line: null, severity: 'error', message: 'no such file or folder' },
    ]);
  });

  it('windows-1252 is decoded with its smart quotes and euro sign', () => {
    expect(byPath(result, `${B}/cp1252.txt`)[0]!.text).toBe('Line one is fine.\nThe \u201cquoted\u201d caf\u00e9 costs \u20ac10.\n');
  });

  it('jsonl: the broken line and the text-less record are errors at their lines; good lines kept', () => {
    const path = `${B}/broken.jsonl`;
    expect(byPath(result, path).map((a) => [a.id, a.origin.line, a.text])).toEqual([
      ['ok-1', 1, 'First good record.'],
      ['ok-2', 5, 'Second good record.'],
    ]);
    const errors = problemsOf(result, path).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.line)).toEqual([2, 4]);
    expect(errors[0]!.message).toMatch(/^invalid JSON: .*; line skipped$/);
    expect(errors[1]!.message).toBe('record has no text (expected a non-empty "maintext" or "text" string)');
  });

  it('CRLF + BOM: nothing normalized, body span exact', () => {
    const [a] = byPath(result, `${B}/crlf-bom.txt`);
    const raw = readFileSync(join(ROOT, a!.path));
    expect(a!.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw));
    expect(a!.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(a!.text.slice(a!.body.start, a!.body.end)).toBe('First line of the body.\r\nSecond line, \u201cquoted\u201d.\r\n');
    expect(a!.meta.outlet).toBe('CRLF Times');
    expect(a!.sha256).toBe(sha256(a!.text));
    expect(problemsOf(result, a!.path)).toEqual([]);
  });

  it('broken YAML front matter: a warning at its line, read as text without front matter', () => {
    const path = `${B}/broken-yaml.md`;
    const [a] = byPath(result, path);
    expect(a!.body).toEqual({ start: 0, end: a!.text.length });
    expect(a!.meta.outlet).toBe('Reuters'); // from the dateline, not the broken YAML
    const yamlProblem = problemsOf(result, path).find((p) => p.message.startsWith('invalid YAML front matter'))!;
    expect(yamlProblem.severity).toBe('warning');
    expect(yamlProblem.line).toBeGreaterThanOrEqual(3);
    expect(yamlProblem.line).toBeLessThanOrEqual(5);
  });

  it('every file yields articles or a problem', () => {
    for (const file of result.files) {
      if (file.articles === 0) expect(problemsOf(result, file.path).length, file.path).toBeGreaterThan(0);
    }
    expect(result.files).toHaveLength(7);
  });
});

describe('generated inputs', () => {
  it.each([
    ['binary.txt', 'binary file, skipped', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    ['binary.jsonl', 'binary file, skipped', Buffer.from([0x00, 0x01, 0x02, 0x7b, 0x7d])],
    ['control-chars.md', 'binary file, skipped', Buffer.from('ab\x01\x02\x03\x04\x05\x06cd')],
    ['empty.jsonl', 'empty file', Buffer.alloc(0)],
    ['blank.jsonl', 'empty file', Buffer.from('\n  \n')],
    ['bom-only.txt', 'empty file', Buffer.from([0xef, 0xbb, 0xbf, 0x0a])],
  ])('%s is an error: %s', async (name, message, bytes) => {
    const dir = mkdtempSync(join(tmp, 'gen-'));
    writeFileSync(join(dir, name), bytes);
    const result = await ingest(['.'], { cwd: dir });
    expect(result.articles).toEqual([]);
    expect(result.problems).toEqual([{ path: name, line: null, severity: 'error', message }]);
    expect(result.files).toEqual([{ path: name, format: 'skipped', articles: 0 }]);
  });

  it('front matter: an invalid date is an error at its key line, an unknown zone a warning; the rest is kept', async () => {
    const dir = mkdtempSync(join(tmp, 'fm-'));
    writeFileSync(join(dir, 'story.md'), '---\ntitle: 1984\ntimezone: Mars/Olympus\npublished: 2025-02-30\n---\nOn Jan. 24, 2025 talks began.\n');
    writeFileSync(join(dir, 'list.md'), '---\n- a\n- b\n---\nBody.\n');
    const result = await ingest(['.'], { cwd: dir });
    expect(result.problems.map(show)).toEqual([
      'list.md:-: warning: no publication date found; relative dates will not be resolved',
      'list.md:-: warning: no outlet found (no metadata, URL, dateline or wire credit)',
      'list.md:2: warning: front matter is not a key: value mapping; read as text without front matter',
      'story.md:-: warning: no outlet found (no metadata, URL, dateline or wire credit)',
      'story.md:3: warning: front matter: unknown timezone "Mars/Olympus" ignored (expected an IANA zone or an offset like +03:00)',
      'story.md:4: error: front matter: invalid published date "2025-02-30" (expected an existing ISO date or date-time like 2025-03-18 or 2025-03-18T14:00:00Z)',
      'story.md:6: warning: published date missing; inferred 2025-01-24 from the latest full date near the top "Jan. 24, 2025"',
    ]);
    const story = result.articles.find((a) => a.path === 'story.md')!;
    expect(story.meta).toMatchObject({ title: '1984', timezone: null, published: '2025-01-24' });
    expect(result.articles.find((a) => a.path === 'list.md')!.body.start).toBe(0);
  });

  it('a page opening with its date stamp: the stamp dates it, the body starts at the headline', async () => {
    const dir = mkdtempSync(join(tmp, 'stamp-'));
    const text = 'April 27, 2009\nBiologists call on Obama to overturn rules\nMore than 1,300 scientists wrote on Monday.\n';
    writeFileSync(join(dir, 'feed.jsonl'), `${JSON.stringify({ id: 'a', title: 'April 27, 2009', maintext: text })}\n`);
    const [article] = (await ingest(['.'], { cwd: dir })).articles;
    expect(article!.meta.published).toBe('2009-04-27');
    expect(article!.text.slice(article!.body.start, article!.body.end)).toBe(text.slice('April 27, 2009\n'.length));
  });

  it('UTF-16 LE and BE with BOM are decoded, the BOM kept as \\uFEFF', async () => {
    const dir = mkdtempSync(join(tmp, 'utf16-'));
    const text = '\uFEFF---\noutlet: Sixteen\n---\nCaf\u00e9 talks.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    writeFileSync(join(dir, 'le.txt'), le);
    writeFileSync(join(dir, 'be.txt'), be);
    const result = await ingest(['.'], { cwd: dir });
    for (const a of result.articles) {
      expect(a.text).toBe(text);
      expect(a.meta.outlet).toBe('Sixteen');
      expect(a.text.slice(a.body.start, a.body.end)).toBe('Caf\u00e9 talks.\n');
    }
    expect(result.articles).toHaveLength(2);
  });

  it('skips dotfiles and node_modules, ignores decisions.json, sorts by path, dedupes ids', async () => {
    const dir = mkdtempSync(join(tmp, 'walk-'));
    for (const sub of ['b', 'a', 'node_modules', '.hidden']) mkdirSync(join(dir, sub));
    const story = '---\npublished: 2025-03-18\noutlet: X\n---\nText.\n';
    for (const f of ['b/same.txt', 'a/same.txt', 'node_modules/x.txt', '.hidden/y.txt', '.dot.txt', 'a/decisions.json']) {
      writeFileSync(join(dir, f), f.endsWith('.json') ? '[]' : story);
    }
    const result = await ingest(['.', 'a/same.txt'], { cwd: dir });
    expect(result.articles.map((a) => [a.path, a.id])).toEqual([
      ['a/same.txt', 'same'],
      ['b/same.txt', 'same-2'],
    ]);
    expect(result.problems.map(show)).toEqual(['b/same.txt:1: warning: duplicate article id same; this one is same-2']);
  });

  it('a multi-megabyte single-line file is read in linear time (txt, jsonl, json)', async () => {
    const dir = mkdtempSync(join(tmp, 'big-'));
    const line = 'Talks in Geneva lasted about two hours, officials said on March 18, 2025. '.repeat(70_000); // ~5 MB
    writeFileSync(join(dir, 'big.txt'), line);
    writeFileSync(join(dir, 'big.jsonl'), `${JSON.stringify({ maintext: line, published: '2025-03-18', outlet: 'X' })}\n`);
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ maintext: line, published: '2025-03-18', outlet: 'X' }));
    const started = performance.now();
    const result = await ingest(['.'], { cwd: dir });
    const elapsed = performance.now() - started;
    expect(result.articles.map((a) => a.text.length)).toEqual([line.length, line.length, line.length]);
    expect(result.articles.every((a) => a.text === line)).toBe(true);
    expect(result.articles.find((a) => a.format === 'text')!.meta.published).toBe('2025-03-18');
    expect(elapsed).toBeLessThan(10_000);
  });
});
