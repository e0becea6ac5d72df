/**
 * report.md: the discrepancy report a reviewer works through, worst conflict first.
 * Each conflict shows the competing values side by side, the exact quotes with
 * `path:line`, why the event's mentions were merged, and a decision to paste into
 * decisions.json. Article text is untrusted: it always goes through escapeMarkdownInline.
 */
import { escapeMarkdownInline as md, markdownCode } from './escape.ts';
import {
  attributeStatuses,
  countBy,
  decisionSnippet,
  evidencePlace,
  formatMergeReason,
  formatStoryLink,
  formatValue,
  joinedLines,
  keyMergeReasons,
  listedQuietEvents,
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
import type { Conflict, Dataset } from '../types.ts';

type Lookups = ReportLookups;

/** Source rows per group of summary lines: joinedLines makes one chunk per group, and a dump has a row per article. */
const ROWS_PER_CHUNK = 1000;

/** The summary in groups of lines (joined, the same text as one group): its source table has a row per article. */
function* summary(dataset: Dataset, lookups: Lookups): Generator<string[]> {
  const open = dataset.conflicts.filter((c) => c.resolution === null).length;
  const bySeverity = countBy(dataset.conflicts, (c) => c.severity);
  const byKind = countBy(dataset.conflicts, (c) => c.kind);
  const errors = dataset.problems.filter((p) => p.severity === 'error').length;
  const lines = [
    '## Summary',
    '',
    `- ${plural(dataset.sources.length, 'source')}, ${plural(dataset.events.length, 'event')}` +
      `${storiesNote(dataset.stories)}, ` +
      `${plural(dataset.conflicts.length, 'conflict')} (${open} open, ${dataset.conflicts.length - open} resolved)`,
    `- Conflicts by severity: ${SEVERITIES.map((s) => `${s} ${bySeverity.get(s) ?? 0}`).join(', ')}`,
    `- Conflicts by kind: ${byKind.size === 0 ? 'none' : [...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `- Input problems: ${dataset.problems.length} (${plural(errors, 'error')}, ${plural(dataset.problems.length - errors, 'warning')})`,
    '',
    '| source | outlet | published | primary event |',
    '|---|---|---|---|',
  ];
  for (const source of dataset.sources) {
    const primary = source.primaryEvent ? lookups.events.get(source.primaryEvent) : undefined;
    const primaryText = primary ? `${primary.title} (${primary.date ?? 'undated'})` : source.primaryEvent ?? '—';
    lines.push(
      `| ${md(source.path)} | ${md(source.outlet ?? '—')} | ${md(source.published ?? '—')} | ${md(primaryText)} |`,
    );
    if (lines.length >= ROWS_PER_CHUNK) yield lines.splice(0);
  }
  lines.push('');
  yield lines;
}

function conflictSection(conflict: Conflict, rank: number, lookups: Lookups): string[] {
  const event = lookups.events.get(conflict.event);
  const title = event?.title ?? conflict.event;
  const status = conflict.resolution ? 'resolved' : 'open';
  const lines = [
    `### ${rank}. ${md(title)} — ${md(conflict.attribute)} — ${conflict.kind} (${conflict.severity})`,
    '',
    `Conflict ${markdownCode(conflict.id)} · event ${markdownCode(conflict.event)}` +
      `${event?.date ? ` · ${md(event.date)}` : ''} · **${status}**`,
    '',
    md(conflict.message),
    '',
    '| option | value | as written | outlets |',
    '|---|---|---|---|',
  ];
  conflict.values.forEach((option, i) => {
    const outlets = outletsOf(option.sources, lookups.sources).join(', ');
    lines.push(`| ${optionLabel(i)} | ${md(formatValue(option.value))} | ${md(option.text)} | ${md(outlets)} |`);
  });
  lines.push('', '**Quotes**', '');
  conflict.values.forEach((option, i) => {
    for (const evidence of option.evidence) {
      const outlet = outletsOf([evidence.source], lookups.sources)[0]!;
      const place = evidencePlace(evidence, lookups.sources, lookups.articles);
      const context = quoteInContext(evidence, lookups.articles.get(evidence.source)?.text);
      // The quoted span is bold inside its sentence; each part is escaped on its own.
      const sentence =
        `${context.clippedStart ? '… ' : ''}${md(context.before)}**${md(context.quote).trim()}**` +
        `${md(context.after)}${context.clippedEnd ? ' …' : ''}`;
      lines.push(`- ${optionLabel(i)} · ${md(outlet)} · ${markdownCode(place)}`, '', `  > ${sentence}`, '');
    }
  });
  if (event && event.mergeReasons.length > 0) {
    const { shown, hidden } = keyMergeReasons(event);
    lines.push('**Why these mentions were merged**', '');
    for (const link of shown) lines.push(`- ${md(formatMergeReason(link, lookups.sources))}`);
    if (hidden > 0) lines.push(`- … ${plural(hidden, 'more link')}: ${markdownCode(`npm run reconcile -- explain ${event.id}`)}`);
    lines.push('');
  }
  if (conflict.resolution) {
    const { value, by, note } = conflict.resolution;
    lines.push(
      `**Resolution:** ${md(formatValue(value))}${by ? ` by ${md(by)}` : ''}${note ? ` — ${md(note)}` : ''}`,
      '',
    );
  } else {
    lines.push('**Decision** (paste into decisions.json; change `value` to the right option):', '');
  }
  lines.push('```json', decisionSnippet(conflict), '```', '');
  return lines;
}

function eventLine(event: Dataset['events'][number]): string {
  const statuses = attributeStatuses(event);
  return (
    `- ${md(event.date ?? 'undated')} — ${md(event.title)} — ${plural(event.sources.length, 'source')}` +
    `${statuses ? ` — ${md(statuses)}` : ''} (${markdownCode(event.id)})`
  );
}

/**
 * Stories of several events (follow-ups kept as separate events: a verdict and the
 * sentencing), each with its events and why they are one story; only when there are any.
 */
function storiesSection(dataset: Dataset, lookups: Lookups): string[] {
  if (dataset.stories.length === 0) return [];
  const lines = [
    '## Stories across events',
    '',
    md(STORIES_INTRO),
    '',
  ];
  for (const story of dataset.stories.slice(0, STORIES_LISTED)) {
    lines.push(`### ${md(storyTitle(story, lookups.events))} (${markdownCode(story.id)})`, '');
    for (const id of story.events) {
      const event = lookups.events.get(id);
      if (event) lines.push(eventLine(event));
    }
    lines.push('', '**Why one story**', '');
    for (const link of story.links) lines.push(`- ${md(formatStoryLink(link, lookups.sources))}`);
    lines.push('');
  }
  const more = dataset.stories.length - STORIES_LISTED;
  if (more > 0) lines.push(`… and ${plural(more, 'more story', 'more stories')}: see ${markdownCode('events.json')} (\`stories\`).`, '');
  return lines;
}

/**
 * Events without conflicts: those several sources report in full (the reviewer may
 * want to know what was agreed), single-source ones only when dated (the rest are in
 * events.csv), so the report stays a list one can work through.
 */
function quietEvents(dataset: Dataset): string[] {
  const { shared, single } = partitionQuietEvents(dataset);
  const lines = ['## Events without conflicts', ''];
  if (shared.length === 0 && single.length === 0) return [...lines, 'None.', ''];
  lines.push(`### Reported by several sources (${shared.length})`, '');
  lines.push(...(shared.length > 0 ? listed(shared) : ['None.']), '');
  const dated = single.filter((e) => e.date !== null);
  lines.push(`### Reported by one source (${single.length})`, '');
  lines.push(...listed(dated));
  const undated = single.length - dated.length;
  if (undated > 0) lines.push(`- and ${plural(undated, 'undated event')}: see ${markdownCode('events.csv')}`);
  lines.push('');
  return lines;
}

/** Event lines, at most QUIET_EVENTS_LISTED of them, then how many more are in events.csv. */
function listed(events: readonly Dataset['events'][number][]): string[] {
  const { shown, more } = listedQuietEvents(events);
  const lines = shown.map(eventLine);
  if (more > 0) lines.push(`- … and ${plural(more, 'more event')}: see ${markdownCode('events.csv')}`);
  return lines;
}

function problemsSection(dataset: Dataset): string[] {
  const lines = ['## Input problems', ''];
  if (dataset.problems.length === 0) return [...lines, 'None.', ''];
  for (const problem of sortProblems(dataset.problems)) {
    lines.push(`- ${md(`${problemPlace(problem)}: ${problem.severity}: ${problem.message}`)}`);
  }
  lines.push('');
  return lines;
}

/** report.md as one string (tests, small dumps); the CLI writes `reportMarkdownChunks`. */
export function reportMarkdown(input: ReportInput): string {
  return [...reportMarkdownChunks(input)].join('');
}

/**
 * report.md piece by piece (a section or one conflict at a time): on a big dump the
 * report outgrows what one string may hold, and it never has to exist whole.
 */
export function* reportMarkdownChunks(input: ReportInput): Generator<string> {
  const { dataset } = input;
  const lookups = reportLookups(input);
  const ranked = rankConflicts(dataset);
  const parts = (function* (): Generator<string[]> {
    yield ['# Discrepancy report', ''];
    yield* summary(dataset, lookups);
    yield ['## Conflicts', ''];
    if (ranked.length === 0) yield ['No conflicts: every source agrees where they overlap.', ''];
    for (let i = 0; i < ranked.length; i++) yield conflictSection(ranked[i]!, i + 1, lookups);
    yield storiesSection(dataset, lookups);
    yield quietEvents(dataset);
    yield problemsSection(dataset);
  })();
  yield* joinedLines(parts);
}
