/**
 * Reporters: events.csv (RFC 4180), report.md and report.html (every conflict with its
 * quotes and places, hostile article text escaped, CSP hash matching the script).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { csvField, eventsCsv, eventsCsvChunks } from '../src/report/csv.ts';
import { escapeMarkdownInline } from '../src/report/escape.ts';
import { decisionSnippet, formatMergeReason, formatValue, joinedLines, QUIET_EVENTS_LISTED, quoteInContext } from '../src/report/format.ts';
import { escapeHtml, REPORT_SCRIPT, reportHtml, reportHtmlChunks } from '../src/report/html.ts';
import { reportMarkdown, reportMarkdownChunks } from '../src/report/markdown.ts';
import { evidenceFor } from '../src/text/location.ts';
import { buildFixture, HOSTILE_IMG, HOSTILE_SCRIPT, time } from './report-helpers.ts';

/** A tiny RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  return rows;
}

describe('events.csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['semi; colon', 'semi; colon'],
  ])('field %j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes the header, one row per event, ids of conflicts, \\n line ends', () => {
    const { dataset } = buildFixture();
    const csv = eventsCsv(dataset);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r\n');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['id', 'type', 'date', 'title', 'participants', 'location', 'sources', 'conflicts', 'story']);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      'ev-call', 'phone_call', '2025-03-18', 'Phone call between Donald Trump and Vladimir Putin',
      'Donald Trump; Vladimir Putin', '', 'evil; reuters; tass', 'cf-start', 'st-call',
    ]);
    expect(rows[3]![7]).toBe('');
  });

  it('quotes hostile titles and round-trips them exactly', () => {
    const { dataset } = buildFixture();
    dataset.events[0]!.title = 'Call, "urgent"\nsecond line';
    dataset.events[0]!.location = 'Washington, D.C.';
    const rows = parseCsv(eventsCsv(dataset));
    expect(rows[1]![3]).toBe('Call, "urgent"\nsecond line');
    expect(rows[1]![5]).toBe('Washington, D.C.');
    expect(rows).toHaveLength(4);
  });

  it('is deterministic', () => {
    expect(eventsCsv(buildFixture().dataset)).toBe(eventsCsv(buildFixture().dataset));
  });
});

describe('formatting helpers', () => {
  it.each([
    [time('2025-03-18T14:00Z'), '2025-03-18T14:00Z'],
    [{ min: 120, max: null, unit: 'minute', qualifier: 'more-than' as const }, '> 120 minutes'],
    [{ min: 90, max: 90, unit: 'minute', qualifier: 'exact' as const }, '90 minutes'],
    [{ min: 10, max: 15, unit: 'minute', qualifier: 'range' as const }, '10–15 minutes'],
    [['Donald Trump', 'Vladimir Putin'], 'Donald Trump, Vladimir Putin'],
    ['Helsinki', 'Helsinki'],
  ])('formatValue(%j) = %j', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  it('formats merge reasons Splink-style', () => {
    expect(
      formatMergeReason({ a: 'a', b: 'b', score: 7.5, reasons: [{ label: 'same date', weight: 4 }, { label: 'participants 2/2', weight: 3 }, { label: 'different year', weight: -8 }] }),
    ).toBe('a ⟷ b score 7.5: same date +4, participants 2/2 +3, different year −8');
  });

  it('the decision snippet is valid JSON naming the first option', () => {
    const { dataset } = buildFixture();
    const parsed = JSON.parse(decisionSnippet(dataset.conflicts[1]!));
    expect(parsed).toEqual({ conflict: 'cf-start', value: '2025-03-18T13:00Z', note: '', by: '' });
  });

  const text =
    'First one. Mr. Smith said the U.S. call began at 1300 GMT, officials said! Next one?\nNew line\n' +
    'They have been talking since about 10 a.m. ET (1400 GMT). Then more.';
  const at = (needle: string) => {
    const start = text.indexOf(needle);
    return evidenceFor({ id: 'x', text }, { start, end: start + needle.length });
  };
  it.each([
    ['1300 GMT', 'Mr. Smith said the U.S. call began at ', ', officials said!'],
    ['First', '', ' one.'],
    ['New', '', ' line'],
    ['Next one?', '', ''],
    ['1400 GMT', 'They have been talking since about 10 a.m. ET (', ').'],
  ])('quote %j expands to its sentence', (needle, before, after) => {
    const context = quoteInContext(at(needle), text);
    expect(context.before).toBe(before);
    expect(context.after).toBe(after);
    expect(context.quote).toBe(needle);
  });

  it('a quote that no longer matches the text is shown bare', () => {
    const evidence = { ...at('1300 GMT'), quote: 'changed!' };
    expect(quoteInContext(evidence, text)).toMatchObject({ before: '', quote: 'changed!', after: '' });
    expect(quoteInContext(at('1300 GMT'), undefined).before).toBe('');
  });

  it('clips at ±400 characters when there is no boundary', () => {
    const long = `${'word '.repeat(200)}TARGET ${'word '.repeat(200)}`;
    const start = long.indexOf('TARGET');
    const context = quoteInContext(evidenceFor({ id: 'x', text: long }, { start, end: start + 6 }), long);
    expect(context.before.length).toBeLessThanOrEqual(400);
    expect(context.after.length).toBeLessThanOrEqual(400);
    expect(context.clippedStart && context.clippedEnd).toBe(true);
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '&gt; not a quote'],
    ['*bold* _it_ [link](x)', '\\*bold\\* \\_it\\_ \\[link\\](x)'],
    ['&lt;b&gt;', '&amp;lt;b&amp;gt;'],
    ['AT&T', 'AT&T'],
    ['line\nbreak', 'line break'],
    ['2.5 hours', '2.5 hours'],
    ['1. first', '1\\. first'],
    ['- item', '\\- item'],
    ['---', '\\---'],
    ['-based', '-based'],
    ['#hashtag', '#hashtag'],
  ])('escapeMarkdownInline(%j) = %j', (input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });

  it.each([
    [`<a href="x" onclick='y'>&amp;</a>`, '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('report.md', () => {
  const fixture = buildFixture();
  const markdown = reportMarkdown(fixture);

  it('has the sections a reviewer works through, worst conflict first', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Discrepancy report',
      '## Summary',
      '## Conflicts',
      '### 1. Phone call between Donald Trump and Vladimir Putin — start\\_time — contradiction (high)',
      '### 2. Summit between Donald Trump and Vladimir Putin — location — imprecision (medium)',
      '## Events without conflicts',
      '### Reported by several sources (1)',
      '### Reported by one source (0)',
      '## Input problems',
    ]);
    expect(markdown).toContain('- 3 sources, 3 events, 2 conflicts (2 open, 0 resolved)');
    expect(markdown).toContain('- Conflicts by severity: high 1, medium 1, low 0');
    expect(markdown).toContain('- Conflicts by kind: contradiction 1, imprecision 1');
    expect(markdown).toContain('- Input problems: 1 (1 error, 0 warnings)');
    expect(markdown).toContain('| sources/tass.txt | TASS | 2025-03-18 | Phone call between Donald Trump and Vladimir Putin (2025-03-18) |');
  });

  it('shows every conflict with its values, quotes and path:line', () => {
    for (const conflict of fixture.dataset.conflicts) {
      expect(markdown).toContain(`\`${conflict.id}\``);
      for (const value of conflict.values) {
        for (const evidence of value.evidence) {
          const path = fixture.dataset.sources.find((s) => s.id === evidence.source)!.path;
          expect(markdown).toContain(`\`${path}:${evidence.line}\``);
        }
      }
    }
    expect(markdown).toContain('| A | 2025-03-18T13:00Z | 1300 GMT | TASS, Evil &lt;script&gt;alert(1)&lt;/script&gt; News |');
    expect(markdown).toContain('  > The call began at **1300 GMT**, the Kremlin said.');
    expect(markdown).toContain('  > Their 2018 summit took place in **Geneva**, a spokesman said.');
  });

  it('lists merge reasons and a decision snippet per conflict', () => {
    expect(markdown).toContain('- TASS ⟷ Reuters (tass:m40 ⟷ reuters:m30) score 7.5: same date +4, participants 2/2 +3.5');
    expect(markdown).toContain('{"conflict": "cf-start", "value": "2025-03-18T13:00Z", "note": "", "by": ""}');
    expect(markdown).toContain('{"conflict": "cf-location", "value": "Helsinki", "note": "", "by": ""}');
  });

  it('lists quiet events briefly and problems as path:line: message', () => {
    expect(markdown).toContain('- 2025-03-18 — Statement by the Kremlin — 2 sources — date: agreed (`ev-quiet`)');
    expect(markdown).toContain('- sources/broken.jsonl:3: error: record is not valid JSON: Unexpected token } &lt;b&gt;');
  });

  it('escapes hostile article text: no raw tags, no table-breaking pipes', () => {
    expect(markdown).not.toContain(HOSTILE_SCRIPT);
    expect(markdown).not.toContain(HOSTILE_IMG);
    expect(markdown).not.toMatch(/<script|<img|<b>/i);
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| &lt;img src=x onerror=alert(1)&gt;');
    // Every table row keeps exactly its column count despite `|` in paths and quotes.
    const tableRows = markdown.split('\n').filter((l) => l.startsWith('| '));
    for (const row of tableRows) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([4]).toContain(cells);
    }
    expect(markdown).toContain('| sources/evil\\|copy.md |');
  });

  it('shows a resolution instead of asking for a decision', () => {
    const resolved = buildFixture();
    resolved.dataset.conflicts[0]!.resolution = { value: 'Helsinki', by: 'AB', note: 'checked <archive>' };
    const text = reportMarkdown(resolved);
    expect(text).toContain('**Resolution:** Helsinki by AB — checked &lt;archive&gt;');
    expect(text).toContain('2 conflicts (1 open, 1 resolved)');
  });

  it('is deterministic and handles an empty dataset', () => {
    expect(reportMarkdown(buildFixture())).toBe(markdown);
    const empty = reportMarkdown({ dataset: { version: 1, sources: [], events: [], stories: [], conflicts: [], problems: [] }, claims: [], articles: [] });
    expect(empty).toContain('No conflicts');
    expect(empty.endsWith('\n')).toBe(true);
  });
});

describe('report.html', () => {
  const fixture = buildFixture();
  const html = reportHtml(fixture);
  const { document } = parseHTML(html);

  it('renders every conflict as a card with its values side by side and quotes highlighted', () => {
    const cards = [...document.querySelectorAll('article.conflict')];
    expect(cards.map((c) => c.getAttribute('data-conflict'))).toEqual(['cf-start', 'cf-location']);
    expect(cards.map((c) => c.getAttribute('data-severity'))).toEqual(['high', 'medium']);
    expect(cards.map((c) => c.getAttribute('data-type'))).toEqual(['phone_call', 'summit']);
    expect(cards.map((c) => c.getAttribute('data-status'))).toEqual(['open', 'open']);
    const first = cards[0]!;
    expect(first.querySelectorAll('.option')).toHaveLength(2);
    const marks = [...first.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['1300 GMT', `1300 GMT ${HOSTILE_SCRIPT} | ${HOSTILE_IMG}`, '1400 GMT']);
    const quotes = [...first.querySelectorAll('blockquote')].map((q) => q.textContent);
    expect(quotes[0]).toBe('The call began at 1300 GMT, the Kremlin said.');
    const places = [...document.querySelectorAll('figcaption code')].map((c) => c.textContent);
    expect(places).toEqual(['sources/tass.txt:4', 'sources/evil|copy.md:3', 'sources/reuters.txt:2', 'sources/tass.txt:5', 'sources/reuters.txt:3']);
    expect(first.querySelector('.reasons')!.textContent).toContain('TASS ⟷ Reuters (tass:m40 ⟷ reuters:m30) score 7.5: same date +4, participants 2/2 +3.5');
    expect(JSON.parse(first.querySelector('.decision code')!.textContent!)).toEqual({
      conflict: 'cf-start', value: '2025-03-18T13:00Z', note: '', by: '',
    });
    expect(first.querySelector('button[data-copy]')!.getAttribute('data-copy')).toBe(first.querySelector('.decision code')!.id);
  });

  it('hostile strings appear only as text: no script or onerror in the parsed DOM', () => {
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(document.querySelector('script')!.textContent).toBe(REPORT_SCRIPT);
    expect(document.querySelectorAll('img, b')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) expect(name.startsWith('on')).toBe(false);
    }
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img/i);
    // `onerror=` survives only inside escaped text, never inside a tag.
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(document.body.textContent).toContain(HOSTILE_SCRIPT);
    expect(document.body.textContent).toContain(HOSTILE_IMG);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the CSP allows exactly the inline script by its sha256', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const script = document.querySelector('script')!.textContent!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html.match(/<script>([\s\S]*?)<\/script>/)![1]).toBe(script);
  });

  it('is self-contained: no external URLs, assets or innerHTML', () => {
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(document.querySelectorAll('[src], [href], link, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(REPORT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('has labelled filters with options for severity, outlet, type and status', () => {
    for (const id of ['f-severity', 'f-outlet', 'f-type', 'f-status']) {
      expect(document.querySelector(`label[for="${id}"]`)).not.toBeNull();
      expect(document.getElementById(id)!.tagName).toBe('SELECT');
    }
    const outlets = [...document.querySelectorAll('#f-outlet option')].map((o) => [o.getAttribute('value'), o.textContent]);
    expect(outlets).toEqual([['', 'All'], ['o0', `Evil ${HOSTILE_SCRIPT} News`], ['o1', 'Reuters'], ['o2', 'TASS']]);
    const cards = [...document.querySelectorAll('article.conflict')];
    expect(cards.map((c) => c.getAttribute('data-outlets'))).toEqual(['o0 o1 o2', 'o1 o2']);
    const types = [...document.querySelectorAll('#f-type option')].map((o) => o.getAttribute('value'));
    expect(types).toEqual(['', 'phone_call', 'summit']);
  });

  it('lists quiet events in a table and problems with their place', () => {
    const rows = [...document.querySelectorAll('#quiet-title ~ table tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual(['2025-03-18Statement by the Kremlinstatement2date: agreed']);
    const problems = [...document.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems).toEqual(['error sources/broken.jsonl:3: record is not valid JSON: Unexpected token } <b>']);
  });

  it('marks resolved conflicts and is deterministic', () => {
    const resolved = buildFixture();
    resolved.dataset.conflicts[1]!.resolution = { value: time('2025-03-18T14:00Z'), by: 'AB', note: null };
    const { document: doc } = parseHTML(reportHtml(resolved));
    const card = doc.querySelector('article[data-conflict="cf-start"]')!;
    expect(card.getAttribute('data-status')).toBe('resolved');
    expect(card.querySelector('.resolution')!.textContent).toBe('Resolved: 2025-03-18T14:00Z by AB');
    expect(reportHtml(buildFixture())).toBe(html);
  });
});

/**
 * Golden files in fixtures/report/: the reviewed look of each output for the hand-built
 * dataset. `UPDATE_FIXTURES=1 npx vitest run tests/report.test.ts` rewrites them, so a
 * change to a reporter shows up as a diff in review.
 */
describe('golden files (fixtures/report)', () => {
  const update = process.env.UPDATE_FIXTURES === '1';
  const fixture = buildFixture();
  const outputs: [string, string][] = [
    ['events.csv', eventsCsv(fixture.dataset)],
    ['report.md', reportMarkdown(fixture)],
    ['report.html', reportHtml(fixture)],
  ];
  it.each(outputs)('%s matches', (name, content) => {
    const file = path.join(import.meta.dirname, '..', 'fixtures', 'report', name);
    if (update || !existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    expect(content).toBe(readFileSync(file, 'utf8'));
  });
});

describe('reports are written piece by piece', () => {
  // A big dump's report can outgrow the longest string V8 allows (~512 MB): the CLI writes
  // the chunks, so no chunk may hold more than one conflict, and together they are the report.
  const fixture = buildFixture();
  const conflicts = fixture.dataset.conflicts.length;
  it.each([
    ['report.md', [...reportMarkdownChunks(fixture)], reportMarkdown(fixture), /^### \d+\. /gm],
    ['report.html', [...reportHtmlChunks(fixture)], reportHtml(fixture), /<article class="card conflict"/g],
  ])('%s', (_name, chunks, whole, conflictStart) => {
    expect(conflicts).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(whole);
    for (const chunk of chunks) expect(chunk.match(conflictStart)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(whole.match(conflictStart)).toHaveLength(conflicts);
  });
  it('events.csv: one row per chunk after the header', () => {
    const chunks = [...eventsCsvChunks(fixture.dataset)];
    expect(chunks).toHaveLength(fixture.dataset.events.length + 1);
    expect(chunks.join('')).toBe(eventsCsv(fixture.dataset));
  });
});

describe('joinedLines', () => {
  const whole = (groups: string[][]): string => `${groups.flat().join('\n').replace(/\n+$/, '')}\n`;
  it.each([
    [[['a', ''], []]],
    [[['a', ''], ['', '']]],
    [[]],
    [[[''], ['b']]],
    [[['a\n', ''], ['b', ''], ['']]],
    [[['# T', '', 'x'], ['', 'y', '', ''], ['z', '']]],
  ])('%j is the trimmed join', (groups) => {
    expect([...joinedLines(groups)].join('')).toBe(whole(groups));
  });
});

describe('events without conflicts on a big dump', () => {
  // Hundreds of thousands of quiet events are no list to read: the first QUIET_EVENTS_LISTED
  // are listed, the rest counted, with a pointer to events.csv.
  const fixture = buildFixture();
  const template = fixture.dataset.events.find((e) => !fixture.dataset.conflicts.some((c) => c.event === e.id))!;
  const many = Array.from({ length: QUIET_EVENTS_LISTED + 5 }, (_, i) => ({
    ...template,
    id: `ev-quiet${String(i).padStart(5, '0')}`,
    sources: ['a', 'b'],
  }));
  const big = { ...fixture, dataset: { ...fixture.dataset, events: [...fixture.dataset.events, ...many] } };
  it('report.md lists the first ones and counts the rest', () => {
    const markdown = reportMarkdown(big);
    const listedLines = markdown.split('\n').filter((line) => line.startsWith('- ') && line.includes('(`ev-'));
    expect(listedLines.length).toBeLessThanOrEqual(2 * QUIET_EVENTS_LISTED); // shared + single-source lists
    expect(markdown).toContain('ev-quiet00000');
    expect(markdown).not.toContain(`ev-quiet${String(QUIET_EVENTS_LISTED + 4).padStart(5, '0')}`);
    expect(markdown).toMatch(/- … and \d+ more events: see `events.csv`/);
  });
  it('report.html likewise', () => {
    const html = reportHtml(big);
    const shared = html.slice(html.indexOf('<h3>Reported by several sources'), html.indexOf('</table>', html.indexOf('<h3>Reported by several sources')));
    expect(shared.split('<tr><td>').length - 1).toBe(QUIET_EVENTS_LISTED);
    expect(html).toMatch(/… and \d+ more events: see <code>events.csv<\/code>/);
  });
});

describe('stories across events', () => {
  const withStory = () => {
    const fixture = buildFixture();
    fixture.dataset.stories = [
      {
        id: 'st-meet',
        events: ['ev-meet', 'ev-call'],
        sources: ['reuters', 'tass'],
        links: [{ a: 'tass:e10', b: 'reuters:e20', reasons: [{ label: `follow-up: lead similarity 0.31, naming ${HOSTILE_SCRIPT}`, weight: 2.5 }] }],
      },
    ];
    return fixture;
  };
  it('report.md lists each story with its events and why they are one story', () => {
    const text = reportMarkdown(withStory());
    const section = text.slice(text.indexOf('## Stories across events'), text.indexOf('## Events without conflicts'));
    // Named after its first event (ev-meet), headed by its most reported one (ev-call: 3 sources, ev-meet: 2).
    expect(section).toContain('### Phone call between Donald Trump and Vladimir Putin (`st-meet`)');
    expect(section).toContain('(`ev-call`)');
    expect(section).toContain('(`ev-meet`)');
    expect(section).toContain('TASS ⟷ Reuters (tass:e10 ⟷ reuters:e20): follow-up: lead similarity 0.31');
    expect(section).not.toContain(HOSTILE_SCRIPT);
    expect(text).toContain('- 3 sources, 3 events (1 story of several), 2 conflicts');
  });
  it('report.html shows the same, escaped, and neither report has the section when there is no story', () => {
    const html = reportHtml(withStory());
    const { document } = parseHTML(html);
    const section = document.querySelector('section[aria-labelledby="stories-title"]')!;
    expect(section.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(section.querySelector('details')!.textContent).toContain(`naming ${HOSTILE_SCRIPT}`);
    expect(section.querySelector('script')).toBeNull();
    expect(document.querySelector('dl.stats')!.textContent).toContain('3 (1 story of several)');
    expect(reportHtml(buildFixture())).not.toContain('stories-title');
    expect(reportMarkdown(buildFixture())).not.toContain('## Stories across events');
  });
});
