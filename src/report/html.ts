/**
 * report.html: the same report as report.md in one self-contained page (inline CSS
 * and one small inline script, no network, no external assets) with filters.
 *
 * Security model — article text and metadata are untrusted:
 * - every string that did not come from this module goes through `escapeHtml`;
 * - the script never writes markup: it toggles `hidden`, sets fixed labels with
 *   `textContent` and copies `textContent` to the clipboard;
 * - a Content-Security-Policy allows only this script, by its sha256, so even a
 *   markup injection that slipped past escaping could not run code.
 */
import { createHash } from 'node:crypto';
import { escapeHtml as h } from './escape.ts';
import {
  compareText,
  countBy,
  decisionSnippet,
  evidencePlace,
  formatMergeReason,
  formatStoryLink,
  formatValue,
  keyMergeReasons,
  listedQuietEvents,
  outletOf,
  partitionQuietEvents,
  outletsOf,
  problemPlace,
  quoteInContext,
  rankConflicts,
  SEVERITIES,
  type ReportInput,
  reportLookups,
  type ReportLookups,
  optionLabel,
  plural,
  STORIES_INTRO,
  STORIES_LISTED,
  storiesNote,
  storyTitle,
} from './format.ts';
import { sortProblems } from '../output/serialize.ts';
import type { CanonicalEvent, Conflict, Dataset } from '../types.ts';

export { escapeHtml } from './escape.ts';

/**
 * The page's only script. Plain ES2017 so any current browser runs it; it reads
 * `data-*` attributes and form values and never parses or writes HTML.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('filters');
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.conflict'));
  var count = document.getElementById('shown-count');
  var empty = document.getElementById('no-match');
  function valueOf(id) {
    var el = document.getElementById(id);
    return el ? el.value : '';
  }
  function applyFilters() {
    var severity = valueOf('f-severity');
    var outlet = valueOf('f-outlet');
    var type = valueOf('f-type');
    var status = valueOf('f-status');
    var shown = 0;
    cards.forEach(function (card) {
      var d = card.dataset;
      var visible = (!severity || d.severity === severity) &&
        (!outlet || (' ' + d.outlets + ' ').indexOf(' ' + outlet + ' ') !== -1) &&
        (!type || d.type === type) &&
        (!status || d.status === status);
      card.hidden = !visible;
      if (visible) shown++;
    });
    if (count) count.textContent = String(shown);
    if (empty) empty.hidden = shown !== 0;
  }
  if (form) {
    form.addEventListener('change', applyFilters);
    form.addEventListener('reset', function () { setTimeout(applyFilters, 0); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
  }
  function selectContents(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    if (selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-copy]') : null;
    if (!button) return;
    var code = document.getElementById(button.getAttribute('data-copy'));
    if (!code) return;
    function say(label) {
      button.textContent = label;
      setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    }
    function fallback() {
      selectContents(code);
      say('Selected: press Ctrl+C');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(function () { say('Copied'); }, fallback);
    } else {
      fallback();
    }
  });
  applyFilters();
})();`;

/** The CSP source for an inline script: `'sha256-<base64 of the script's UTF-8 bytes>'`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(script: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHash(script)}; base-uri 'none'; form-action 'none'`;
}

const STYLE = `
:root { color-scheme: light; --fg: #1d2433; --muted: #4a5468; --line: #d5dae3; --bg: #f5f7fa; --card: #fff;
  --high: #b42318; --medium: #a14a00; --low: #475467; --ok: #05603a; --mark: #fff1a8; --accent: #1849a9; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: .25rem 0; }
h4 { font-size: .95rem; margin: 0 0 .25rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.lede { color: var(--muted); margin: 0; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; }
.stats div { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem; }
.stats dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.stats dd { margin: 0; font-size: 1rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
th { background: #eef1f6; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; background: var(--card);
  border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; position: sticky; top: 0; z-index: 1; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .15rem; }
.filters select, .filters button { font: inherit; font-size: .9rem; padding: .3rem .5rem; border: 1px solid #98a2b3;
  border-radius: .35rem; background: #fff; color: var(--fg); }
.filters output { margin-left: auto; color: var(--muted); font-size: .9rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.1rem;
  margin: 1rem 0; box-shadow: 0 1px 2px rgba(16, 24, 40, .06); }
.card-tags { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; font-size: .8rem; }
.badge { display: inline-block; border-radius: 999px; padding: .05rem .55rem; font-weight: 600; font-size: .75rem;
  color: #fff; text-transform: uppercase; letter-spacing: .03em; }
.sev-high, .sev-error { background: var(--high); }
.sev-medium, .sev-warning { background: var(--medium); }
.sev-low { background: var(--low); }
.tag { border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; color: var(--muted); }
.tag.resolved { border-color: var(--ok); color: var(--ok); }
.meta { color: var(--muted); font-size: .85rem; margin: .1rem 0 .5rem; }
.message { margin: .5rem 0 .75rem; }
.options { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .75rem; }
.option { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .75rem; background: #fbfcfe; }
.option-label { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: .3rem; background: #e4e9f2;
  margin-right: .35rem; }
.as-written, .outlets { margin: 0 0 .4rem; font-size: .9rem; color: var(--muted); }
figure { margin: .5rem 0 0; }
blockquote { margin: 0; padding: .35rem .7rem; border-left: 3px solid #98a2b3; background: #fff; white-space: pre-wrap;
  overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; border-radius: .15rem; }
figcaption { font-size: .8rem; color: var(--muted); margin-top: .2rem; }
details { margin-top: .75rem; font-size: .9rem; }
summary { cursor: pointer; color: var(--accent); }
.resolution { margin-top: .75rem; padding: .5rem .75rem; border-left: 3px solid var(--ok); background: #ecfdf3; }
.decision { display: flex; gap: .5rem; align-items: stretch; margin-top: .75rem; }
.decision pre { flex: 1; margin: 0; padding: .5rem .7rem; background: #f2f4f7; border-radius: .35rem; overflow-x: auto; }
.decision button { font: inherit; font-size: .85rem; padding: .3rem .8rem; border: 1px solid var(--accent);
  background: #fff; color: var(--accent); border-radius: .35rem; cursor: pointer; }
.decision button:hover, .decision button:focus-visible { background: var(--accent); color: #fff; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.problems { padding-left: 1.1rem; }
.problems li { margin: .2rem 0; }
.empty { color: var(--muted); font-style: italic; }
`;

interface Lookups extends ReportLookups {
  /** Outlet name → filter token (`o0`, `o1`, …): tokens keep arbitrary names out of the script's matching. */
  outletTokens: Map<string, string>;
}

function stat(label: string, value: string): string {
  return `<div><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`;
}

/** Source rows per chunk of the summary's table body (a row per article). */
const ROWS_PER_CHUNK = 1000;

/**
 * The summary section, each line with its line end. Its source table's body is one line with
 * a row per article, written ROWS_PER_CHUNK rows at a time (as one string it grew with the dump).
 */
function* summaryChunks(dataset: Dataset, lookups: Lookups): Generator<string> {
  const open = dataset.conflicts.filter((c) => c.resolution === null).length;
  const bySeverity = countBy(dataset.conflicts, (c) => c.severity);
  const byKind = countBy(dataset.conflicts, (c) => c.kind);
  const errors = dataset.problems.filter((p) => p.severity === 'error').length;
  const stats = [
    stat('Sources', String(dataset.sources.length)),
    stat('Events', `${dataset.events.length}${storiesNote(dataset.stories)}`),
    stat('Conflicts', `${dataset.conflicts.length} (${open} open)`),
    stat('By severity', SEVERITIES.map((s) => `${s} ${bySeverity.get(s) ?? 0}`).join(' · ')),
    stat('By kind', byKind.size === 0 ? 'none' : [...byKind].map(([k, n]) => `${k} ${n}`).join(' · ')),
    stat('Input problems', `${dataset.problems.length} (${plural(errors, 'error')})`),
  ];
  const head = [
    '<section aria-labelledby="summary-title">',
    '<h2 id="summary-title">Summary</h2>',
    `<dl class="stats">${stats.join('')}</dl>`,
    '<table><caption class="lede">Sources</caption>',
    '<thead><tr><th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">File</th><th scope="col">Primary event</th></tr></thead>',
  ];
  for (const line of head) yield `${line}\n`;
  let rows: string[] = [];
  yield '<tbody>';
  for (const source of dataset.sources) {
    const primary = source.primaryEvent ? lookups.events.get(source.primaryEvent) : undefined;
    const primaryText = primary ? `${primary.title} (${primary.date ?? 'undated'})` : source.primaryEvent ?? '—';
    rows.push(
      `<tr><td>${h(source.outlet ?? '—')}</td><td>${h(source.published ?? '—')}</td>` +
        `<td><code>${h(source.path)}</code></td><td>${h(primaryText)}</td></tr>`,
    );
    if (rows.length >= ROWS_PER_CHUNK) {
      yield rows.join('');
      rows = [];
    }
  }
  yield `${rows.join('')}</tbody></table>\n</section>\n`;
}

function select(id: string, label: string, options: readonly [value: string, text: string][]): string {
  const items = options.map(([value, text]) => `<option value="${h(value)}">${h(text)}</option>`).join('');
  return `<label for="${id}">${h(label)}<select id="${id}" name="${id}"><option value="">All</option>${items}</select></label>`;
}

function filtersForm(dataset: Dataset, lookups: Lookups): string {
  const types = [...new Set(dataset.conflicts.map((c) => lookups.events.get(c.event)?.type ?? 'other'))].sort(compareText);
  return [
    '<form id="filters" class="filters" aria-label="Filter conflicts">',
    select('f-severity', 'Severity', SEVERITIES.map((s) => [s, s])),
    select('f-outlet', 'Outlet', [...lookups.outletTokens].map(([name, token]) => [token, name])),
    select('f-type', 'Event type', types.map((t) => [t, t.replaceAll('_', ' ')])),
    select('f-status', 'Status', [['open', 'open'], ['resolved', 'resolved']]),
    '<button type="reset">Clear filters</button>',
    `<output id="shown-status" aria-live="polite"><span id="shown-count">${dataset.conflicts.length}</span> of ${dataset.conflicts.length} conflicts shown</output>`,
    '</form>',
  ].join('\n');
}

function conflictCard(conflict: Conflict, index: number, lookups: Lookups): string {
  const event: CanonicalEvent | undefined = lookups.events.get(conflict.event);
  const status = conflict.resolution ? 'resolved' : 'open';
  const outletTokens = [
    ...new Set(conflict.values.flatMap((v) => v.sources.map((s) => lookups.outletTokens.get(outletOf(s, lookups.sources))!))),
  ].sort(compareText);
  const cardId = `c${index + 1}`;
  const options = conflict.values.map((option, i) => {
    const quotes = option.evidence.map((evidence) => {
      const context = quoteInContext(evidence, lookups.articles.get(evidence.source)?.text);
      const outlet = outletOf(evidence.source, lookups.sources);
      return (
        `<figure class="quote"><blockquote>${context.clippedStart ? '… ' : ''}${h(context.before)}` +
        `<mark>${h(context.quote)}</mark>${h(context.after)}${context.clippedEnd ? ' …' : ''}</blockquote>` +
        `<figcaption>${h(outlet)} · <code>${h(evidencePlace(evidence, lookups.sources, lookups.articles))}</code></figcaption></figure>`
      );
    });
    return (
      `<section class="option" aria-label="Option ${optionLabel(i)}">` +
      `<h4><span class="option-label">${optionLabel(i)}</span>${h(formatValue(option.value))}</h4>` +
      `<p class="as-written">as written: “${h(option.text)}”</p>` +
      `<p class="outlets">${h(outletsOf(option.sources, lookups.sources).join(', '))}</p>` +
      `${quotes.join('')}</section>`
    );
  });
  const { shown, hidden } = event ? keyMergeReasons(event) : { shown: [], hidden: 0 };
  const more = hidden > 0 ? `<li>… ${plural(hidden, 'more link')}: <code>npm run reconcile -- explain ${h(event!.id)}</code></li>` : '';
  const reasonsBlock =
    shown.length === 0
      ? ''
      : `<details class="reasons"><summary>Why these mentions were merged (${plural(shown.length + hidden, 'link')})</summary>` +
        `<ul>${shown.map((link) => `<li>${h(formatMergeReason(link, lookups.sources))}</li>`).join('')}${more}</ul></details>`;
  const resolution = conflict.resolution
    ? `<p class="resolution"><strong>Resolved:</strong> ${h(formatValue(conflict.resolution.value))}` +
      `${conflict.resolution.by ? ` by ${h(conflict.resolution.by)}` : ''}` +
      `${conflict.resolution.note ? ` — ${h(conflict.resolution.note)}` : ''}</p>`
    : '';
  const snippetId = `${cardId}-decision`;
  return [
    `<article class="card conflict" id="${cardId}" aria-labelledby="${cardId}-title" data-conflict="${h(conflict.id)}"`,
    ` data-severity="${h(conflict.severity)}" data-outlets="${h(outletTokens.join(' '))}"`,
    ` data-type="${h(event?.type ?? 'other')}" data-status="${status}">`,
    `<div class="card-tags"><span class="badge sev-${h(conflict.severity)}">${h(conflict.severity)}</span>`,
    `<span class="tag">${h(conflict.kind)}</span><span class="tag ${status}">${status}</span></div>`,
    `<h3 id="${cardId}-title">${h(event?.title ?? conflict.event)} — ${h(conflict.attribute)}</h3>`,
    `<p class="meta">${h(event?.date ?? 'undated')} · ${h((event?.type ?? 'other').replaceAll('_', ' '))} · ` +
      `conflict <code>${h(conflict.id)}</code> · event <code>${h(conflict.event)}</code></p>`,
    `<p class="message">${h(conflict.message)}</p>`,
    `<div class="options">${options.join('\n')}</div>`,
    reasonsBlock,
    resolution,
    `<div class="decision"><pre><code id="${snippetId}">${h(decisionSnippet(conflict))}</code></pre>` +
      `<button type="button" data-copy="${snippetId}" aria-label="Copy the decision for conflict ${h(conflict.id)}">Copy</button></div>`,
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Stories of several events (see markdown.ts storiesSection); empty when there are none. */
function storiesSection(dataset: Dataset, lookups: Lookups): string {
  if (dataset.stories.length === 0) return '';
  const cards = dataset.stories.slice(0, STORIES_LISTED).map((story) => {
    const events = story.events.map((id) => lookups.events.get(id)).filter((e): e is CanonicalEvent => e !== undefined);
    const links = story.links.map((link) => `<li>${h(formatStoryLink(link, lookups.sources))}</li>`).join('');
    return (
      `<h3>${h(storyTitle(story, lookups.events))} <code>${h(story.id)}</code></h3>\n${eventsTable(events)}\n` +
      `<details class="reasons"><summary>Why one story (${plural(story.links.length, 'link')})</summary><ul>${links}</ul></details>`
    );
  });
  const more = dataset.stories.length - STORIES_LISTED;
  return [
    '<section aria-labelledby="stories-title"><h2 id="stories-title">Stories across events</h2>',
    `<p>${h(STORIES_INTRO)}</p>`,
    ...cards,
    more > 0 ? `<p class="empty">… and ${plural(more, 'more story', 'more stories')}: see <code>events.json</code> (<code>stories</code>).</p>` : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function quietEventsSection(dataset: Dataset): string {
  const { shared, single } = partitionQuietEvents(dataset);
  const head = '<section aria-labelledby="quiet-title"><h2 id="quiet-title">Events without conflicts</h2>';
  if (shared.length === 0 && single.length === 0) return `${head}<p class="empty">None.</p></section>`;
  return [
    head,
    `<h3>Reported by several sources (${shared.length})</h3>`,
    shared.length > 0 ? eventsTable(shared) : '<p class="empty">None.</p>',
    `<details class="single-source"><summary>Reported by one source (${single.length})</summary>`,
    single.length > 0 ? eventsTable(single) : '<p class="empty">None.</p>',
    '</details></section>',
  ].join('\n');
}

function eventsTable(all: readonly CanonicalEvent[]): string {
  const { shown: events, more } = listedQuietEvents(all);
  const rows = events.map((event) => {
    const statuses = Object.keys(event.attributes)
      .sort(compareText)
      .map((name) => `${name}: ${event.attributes[name]!.status}`)
      .join(', ');
    return (
      `<tr><td>${h(event.date ?? 'undated')}</td><td>${h(event.title)}</td><td>${h(event.type.replaceAll('_', ' '))}</td>` +
      `<td>${event.sources.length}</td><td>${h(statuses || '—')}</td></tr>`
    );
  });
  return (
    '<table><thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Type</th>' +
    '<th scope="col">Sources</th><th scope="col">Attributes</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>` +
    (more > 0 ? `\n<p class="empty">… and ${plural(more, 'more event')}: see <code>events.csv</code>.</p>` : '')
  );
}

function problemsSection(dataset: Dataset): string {
  const head = '<section aria-labelledby="problems-title"><h2 id="problems-title">Input problems</h2>';
  if (dataset.problems.length === 0) return `${head}<p class="empty">None.</p></section>`;
  const items = sortProblems(dataset.problems).map(
    (p) =>
      `<li><span class="badge sev-${h(p.severity)}">${h(p.severity)}</span> <code>${h(problemPlace(p))}</code>: ${h(p.message)}</li>`,
  );
  return `${head}<ul class="problems">${items.join('\n')}</ul></section>`;
}

/** report.html as one string (tests, small dumps); the CLI writes `reportHtmlChunks`. */
export function reportHtml(input: ReportInput): string {
  return [...reportHtmlChunks(input)].join('');
}

/**
 * report.html piece by piece (a section or one conflict card at a time), lines joined
 * by `\n`: on a big dump the report outgrows what one string may hold.
 */
export function* reportHtmlChunks(input: ReportInput): Generator<string> {
  const { dataset } = input;
  const base = reportLookups(input);
  const outletNames = new Set<string>();
  for (const conflict of dataset.conflicts) {
    for (const value of conflict.values) for (const s of value.sources) outletNames.add(outletOf(s, base.sources));
  }
  const lookups: Lookups = {
    ...base,
    outletTokens: new Map([...outletNames].sort(compareText).map((name, i) => [name, `o${i}`])),
  };
  const ranked = rankConflicts(dataset);
  const open = dataset.conflicts.filter((c) => c.resolution === null).length;
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(REPORT_SCRIPT))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Discrepancy report — ${plural(dataset.conflicts.length, 'conflict')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header><h1>Discrepancy report</h1>',
    `<p class="lede">${plural(dataset.sources.length, 'source')} · ${plural(dataset.events.length, 'event')} · ` +
      `${plural(dataset.conflicts.length, 'conflict')} (${open} open)</p></header>`,
  ];
  for (const line of head) yield `${line}\n`;
  yield* summaryChunks(dataset, lookups);
  const lines = (function* (): Generator<string> {
    yield* [
      '<section aria-labelledby="conflicts-title"><h2 id="conflicts-title">Conflicts</h2>',
      ranked.length === 0 ? '<p class="empty">No conflicts: every source agrees where they overlap.</p>' : filtersForm(dataset, lookups),
    ];
    for (let i = 0; i < ranked.length; i++) yield conflictCard(ranked[i]!, i, lookups);
    if (ranked.length > 0) yield '<p id="no-match" class="empty" hidden>No conflict matches these filters.</p>';
    yield* ['</section>', storiesSection(dataset, lookups), quietEventsSection(dataset), problemsSection(dataset), '</main>', `<script>${REPORT_SCRIPT}</script>`, '</body>', '</html>'];
  })();
  for (const line of lines) if (line) yield `${line}\n`;
}
