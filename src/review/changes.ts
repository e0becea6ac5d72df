/**
 * What changed since the last run (output/changes.json and changes.md): events
 * added/removed (a removed one names the event its mentions were merged into), attribute values and statuses that moved, conflicts opened/closed,
 * sources added/removed, what became of the reviewer's decisions, and stories: events that now
 * follow up others (joined a story of several events), events that left one, and stories renamed
 * (a story is named after its first event: one that gained an earlier first event is renamed,
 * not removed and added). A story is followed from run to run through its events (storyMoves).
 * A previous events.json without stories (written before they existed) reads as every event
 * being a story of its own.
 * Pure and deterministic: every list is sorted by ids.
 */
import { compareText, formatValue, joinedLines } from '../report/format.ts';
import { escapeMarkdownInline as md, markdownCode } from '../report/escape.ts';
import type { AttributeStatus, CanonicalEvent, ClaimValue, Conflict, Dataset, SourceRecord, Story } from '../types.ts';
import type { Decision, RefusedDecision } from './decisions.ts';

export interface EventRef {
  id: string;
  type: string;
  title: string;
  date: string | null;
}

/** A removed event and where its mentions went: the event now holding most of them (merged into it), or null. */
export interface RemovedEventRef extends EventRef {
  mergedInto: string | null;
}

/**
 * An event that now follows up others or is followed up by them: it joined `story`, where the
 * events `with` (earliest first) were already together — or, for a story whose events are all
 * new, its first event.
 */
export interface StoryJoinRef extends EventRef {
  story: string;
  with: string[];
}

/** An event that left `story` (its previous id): `now` is the story of several events it is in now, or null (a story of its own). */
export interface StoryLeaveRef extends EventRef {
  story: string;
  now: string | null;
}

/** A story of several events whose id changed with its first event (`st-…` of the earliest event). */
export interface StoryRename {
  old: string;
  new: string;
}

export interface SourceRef {
  id: string;
  path: string;
  outlet: string | null;
}

export interface ValueChange {
  event: string;
  title: string;
  attribute: string;
  /** null when the attribute did not exist before / no longer exists. */
  old: { value: ClaimValue; text: string } | null;
  new: { value: ClaimValue; text: string } | null;
}

export interface StatusChange {
  event: string;
  title: string;
  attribute: string;
  old: AttributeStatus | null;
  new: AttributeStatus | null;
}

export interface ConflictRef {
  id: string;
  event: string;
  attribute: string;
  severity: Conflict['severity'];
  kind: Conflict['kind'];
  /** opened: `new` or `reopened` (a resolution went away); closed: `resolved` or `gone`. */
  why: 'new' | 'reopened' | 'resolved' | 'gone';
}

export interface Changes {
  version: 1;
  /** False on a first run (no previous dataset): everything is "added". */
  hasPrevious: boolean;
  sources: { added: SourceRef[]; removed: SourceRef[] };
  events: { added: EventRef[]; removed: RemovedEventRef[] };
  values: ValueChange[];
  statuses: StatusChange[];
  conflicts: { opened: ConflictRef[]; closed: ConflictRef[] };
  stories: { joined: StoryJoinRef[]; left: StoryLeaveRef[]; renamed: StoryRename[] };
  decisions: {
    applied: string[];
    stale: { conflict: string; line: number | null; value: unknown }[];
    refused: { conflict: string; line: number | null; reason: string }[];
  };
}

export interface DecisionSummary {
  applied: readonly string[];
  stale: readonly Decision[];
  refused: readonly RefusedDecision[];
}

const EMPTY: Dataset = { version: 1, sources: [], events: [], stories: [], conflicts: [], problems: [] };

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function sortedById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.id, b.id));
}

/** JSON with sorted keys: equal values give equal strings whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const eventRef = (e: CanonicalEvent): EventRef => ({ id: e.id, type: e.type, title: e.title, date: e.date });
const sourceRef = (s: SourceRecord): SourceRef => ({ id: s.id, path: s.path, outlet: s.outlet });
const conflictRef = (c: Conflict, why: ConflictRef['why']): ConflictRef => ({
  id: c.id,
  event: c.event,
  attribute: c.attribute,
  severity: c.severity,
  kind: c.kind,
  why,
});

function added<T extends { id: string }>(before: Map<string, T>, after: Map<string, T>): T[] {
  return sortedById([...after.values()].filter((item) => !before.has(item.id)));
}

/**
 * The event of `next` that now holds most of a removed event's mentions (ties: the
 * smaller id): when new articles join two events into one, the id that did not survive
 * points at the one that did, so a reviewer can follow it.
 */
function mergedInto(removed: CanonicalEvent, eventOfMention: ReadonlyMap<string, string>): string | null {
  const counts = new Map<string, number>();
  for (const m of removed.mentions) {
    const now = eventOfMention.get(m);
    if (now !== undefined) counts.set(now, (counts.get(now) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && compareText(entry[0], best[0]) < 0)) best = entry;
  return best?.[0] ?? null;
}

/** The story an event with no listed story is: its own, named as reconcile names it (also for events written before stories existed). */
const ownStory = (e: CanonicalEvent): string => e.story ?? `st-${e.id.replace(/^ev-/, '')}`;

/**
 * Of the stories `storyOf` gives the events, the one holding most of them (ties: the one
 * still called `id`, then the smaller id), or null when none of the events has a story there.
 */
function mostOf(events: readonly string[], id: string, storyOf: (event: string) => string | null): string | null {
  const counts = new Map<string, number>();
  for (const e of events) {
    const story = storyOf(e);
    if (story !== null) counts.set(story, (counts.get(story) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) {
    if (!best || entry[1] > best[1]) best = entry;
    else if (entry[1] === best[1] && best[0] !== id && (entry[0] === id || compareText(entry[0], best[0]) < 0)) best = entry;
  }
  return best?.[0] ?? null;
}

/**
 * Story membership compared event by event. A story of several events now continues the
 * previous story holding most of its events (its predecessor); the events not in it joined.
 * A previous story of several events continues in the story now holding most of its events
 * (its successor); its events elsewhere now left it. When predecessor and successor point at
 * each other under different ids, the story was renamed. Stories of one event are implicit
 * (every event not listed in `stories` is its own), so the work grows with the listed stories.
 */
function storyMoves(
  before: Dataset,
  next: Dataset,
  eventsBefore: ReadonlyMap<string, CanonicalEvent>,
  eventsAfter: ReadonlyMap<string, CanonicalEvent>,
): Changes['stories'] {
  const listedBefore: readonly Story[] = before.stories ?? []; // absent before stories existed
  const listedAfter: readonly Story[] = next.stories ?? [];
  const storyIndex = (stories: readonly Story[]): Map<string, string> =>
    new Map(stories.flatMap((s) => s.events.map((e): [string, string] => [e, s.id])));
  const [listedStoryBefore, listedStoryAfter] = [storyIndex(listedBefore), storyIndex(listedAfter)];
  const storyBefore = (e: string): string | null => {
    const event = eventsBefore.get(e);
    return event ? (listedStoryBefore.get(e) ?? ownStory(event)) : null;
  };
  const storyAfter = (e: string): string | null => {
    const event = eventsAfter.get(e);
    return event ? (listedStoryAfter.get(e) ?? ownStory(event)) : null;
  };
  const predecessor = new Map(listedAfter.map((s) => [s.id, mostOf(s.events, s.id, storyBefore)]));
  const isListedAfter = new Set(listedAfter.map((s) => s.id));

  const joined: StoryJoinRef[] = [];
  for (const story of listedAfter) {
    const was = predecessor.get(story.id)!;
    const together = was === null ? story.events.slice(0, 1) : story.events.filter((e) => storyBefore(e) === was);
    const kept = new Set(together);
    for (const e of story.events) if (!kept.has(e)) joined.push({ ...eventRef(eventsAfter.get(e)!), story: story.id, with: together });
  }
  const left: StoryLeaveRef[] = [];
  const renamed: StoryRename[] = [];
  for (const story of listedBefore) {
    const successor = mostOf(story.events, story.id, storyAfter);
    if (successor === null) continue; // all its events are gone (events.removed says where)
    for (const e of story.events) {
      const now = storyAfter(e);
      if (now === null || now === successor) continue;
      left.push({ ...eventRef(eventsAfter.get(e)!), story: story.id, now: isListedAfter.has(now) ? now : null });
    }
    if (successor !== story.id && predecessor.get(successor) === story.id) renamed.push({ old: story.id, new: successor });
  }
  return {
    joined: sortedById(joined),
    left: sortedById(left),
    renamed: renamed.sort((a, b) => compareText(a.old, b.old)),
  };
}

function attributeChanges(previous: CanonicalEvent, next: CanonicalEvent): { values: ValueChange[]; statuses: StatusChange[] } {
  const values: ValueChange[] = [];
  const statuses: StatusChange[] = [];
  const names = [...new Set([...Object.keys(previous.attributes), ...Object.keys(next.attributes)])].sort(compareText);
  for (const attribute of names) {
    const before = previous.attributes[attribute];
    const after = next.attributes[attribute];
    if (canonicalJson(before?.value ?? null) !== canonicalJson(after?.value ?? null)) {
      values.push({
        event: next.id,
        title: next.title,
        attribute,
        old: before ? { value: before.value, text: before.text } : null,
        new: after ? { value: after.value, text: after.text } : null,
      });
    }
    if ((before?.status ?? null) !== (after?.status ?? null)) {
      statuses.push({ event: next.id, title: next.title, attribute, old: before?.status ?? null, new: after?.status ?? null });
    }
  }
  return { values, statuses };
}

export function diffDatasets(previous: Dataset | null, next: Dataset, decisionOutcome?: DecisionSummary): Changes {
  const before = previous ?? EMPTY;
  const sourcesBefore = byId(before.sources);
  const sourcesAfter = byId(next.sources);
  const eventsBefore = byId(before.events);
  const eventsAfter = byId(next.events);

  const eventOfMention = new Map<string, string>();
  for (const event of next.events) for (const m of event.mentions) eventOfMention.set(m, event.id);

  const values: ValueChange[] = [];
  const statuses: StatusChange[] = [];
  for (const event of sortedById([...eventsAfter.values()])) {
    const old = eventsBefore.get(event.id);
    if (!old) continue;
    const changes = attributeChanges(old, event);
    values.push(...changes.values);
    statuses.push(...changes.statuses);
  }

  const conflictsBefore = byId(before.conflicts);
  const conflictsAfter = byId(next.conflicts);
  const isOpen = (c: Conflict | undefined): boolean => c !== undefined && c.resolution === null;
  const opened: ConflictRef[] = [];
  const closed: ConflictRef[] = [];
  for (const conflict of conflictsAfter.values()) {
    const old = conflictsBefore.get(conflict.id);
    if (isOpen(conflict) && !isOpen(old)) opened.push(conflictRef(conflict, old ? 'reopened' : 'new'));
  }
  for (const conflict of conflictsBefore.values()) {
    if (!isOpen(conflict)) continue;
    const now = conflictsAfter.get(conflict.id);
    if (!now) closed.push(conflictRef(conflict, 'gone'));
    else if (!isOpen(now)) closed.push(conflictRef(now, 'resolved'));
  }

  return {
    version: 1,
    hasPrevious: previous !== null,
    sources: {
      added: added(sourcesBefore, sourcesAfter).map(sourceRef),
      removed: added(sourcesAfter, sourcesBefore).map(sourceRef),
    },
    events: {
      added: added(eventsBefore, eventsAfter).map(eventRef),
      removed: added(eventsAfter, eventsBefore).map((e) => ({ ...eventRef(e), mergedInto: mergedInto(e, eventOfMention) })),
    },
    values,
    statuses,
    conflicts: { opened: sortedById(opened), closed: sortedById(closed) },
    stories: storyMoves(before, next, eventsBefore, eventsAfter),
    decisions: {
      applied: [...(decisionOutcome?.applied ?? [])].sort(compareText),
      stale: [...(decisionOutcome?.stale ?? [])]
        .map((d) => ({ conflict: d.conflict, line: d.line ?? null, value: d.value }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || compareText(a.conflict, b.conflict)),
      refused: [...(decisionOutcome?.refused ?? [])]
        .map((r) => ({ conflict: r.decision.conflict, line: r.decision.line ?? null, reason: r.reason }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || compareText(a.conflict, b.conflict)),
    },
  };
}

// ─── Markdown ──────────────────────────────────────────────────────────────

function section(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((item) => `- ${item}`), ''];
}

function eventLine(e: EventRef): string {
  return `${md(e.date ?? 'undated')} — ${md(e.title)} (${markdownCode(e.id)})`;
}

function valueText(v: ValueChange['old']): string {
  if (!v) return '(none)';
  const formatted = formatValue(v.value);
  return v.text && v.text !== formatted ? `${md(formatted)} (“${md(v.text)}”)` : md(formatted);
}

function conflictLine(c: ConflictRef): string {
  return `${markdownCode(c.id)} ${md(c.attribute)} — ${c.kind} (${c.severity}), ${c.why} · event ${markdownCode(c.event)}`;
}

/** changes.md as one string; the CLI writes `changesMarkdownChunks`. */
export function changesMarkdown(changes: Changes): string {
  return [...changesMarkdownChunks(changes)].join('');
}

/** changes.md piece by piece: a first run over a big dump lists every event as added. */
export function* changesMarkdownChunks(changes: Changes): Generator<string> {
  const lines = ['# Changes since the last run', ''];
  if (!changes.hasPrevious) lines.push('First run: there was no previous dataset, so everything is new.', '');
  const n = (count: number, word: string): string => `${count} ${count === 1 ? word : `${word}s`}`;
  const counts = [
    `${n(changes.events.added.length, 'event')} added`,
    `${changes.events.removed.length} removed`,
    `${n(changes.values.length, 'value')} changed`,
    `${n(changes.conflicts.opened.length, 'conflict')} opened`,
    `${changes.conflicts.closed.length} closed`,
    `stories: ${changes.stories.joined.length} joined, ${changes.stories.left.length} left, ${changes.stories.renamed.length} renamed`,
    `decisions: ${changes.decisions.applied.length} applied, ${changes.decisions.stale.length} stale, ${changes.decisions.refused.length} refused`,
  ];
  lines.push(counts.join(', '), '');
  const body = [
    ...section('Sources added', changes.sources.added.map((s) => `${md(s.outlet ?? s.id)} — ${markdownCode(s.path)}`)),
    ...section('Sources removed', changes.sources.removed.map((s) => `${md(s.outlet ?? s.id)} — ${markdownCode(s.path)}`)),
    ...section('Events added', changes.events.added.map(eventLine)),
    ...section(
      'Events removed',
      changes.events.removed.map((e) => `${eventLine(e)}${e.mergedInto ? ` — merged into ${markdownCode(e.mergedInto)}` : ''}`),
    ),
    ...section(
      'Values changed',
      changes.values.map((v) => `${md(v.title)} · ${md(v.attribute)}: ${valueText(v.old)} → ${valueText(v.new)}`),
    ),
    ...section(
      'Attribute status changed',
      changes.statuses.map((s) => `${md(s.title)} · ${md(s.attribute)}: ${s.old ?? '(none)'} → ${s.new ?? '(none)'}`),
    ),
    ...section('Conflicts opened', changes.conflicts.opened.map(conflictLine)),
    ...section('Conflicts closed', changes.conflicts.closed.map(conflictLine)),
    ...section(
      'Events that joined a story',
      changes.stories.joined.map((e) => `${eventLine(e)} — joined story ${markdownCode(e.story)}, with ${e.with.map(markdownCode).join(', ')}`),
    ),
    ...section(
      'Events that left a story',
      changes.stories.left.map(
        (e) => `${eventLine(e)} — left story ${markdownCode(e.story)}, now ${e.now ? `in story ${markdownCode(e.now)}` : 'a story of its own'}`,
      ),
    ),
    ...section(
      'Stories renamed (a story is named after its first event)',
      changes.stories.renamed.map((r) => `${markdownCode(r.old)} → ${markdownCode(r.new)}`),
    ),
    ...section('Decisions applied', changes.decisions.applied.map((id) => markdownCode(id))),
    ...section(
      'Stale decisions (the conflict no longer exists)',
      changes.decisions.stale.map((d) => `${markdownCode(d.conflict)}${d.line ? ` (line ${d.line})` : ''}`),
    ),
    ...section(
      'Refused decisions',
      changes.decisions.refused.map((r) => `${r.line ? `line ${r.line}: ` : ''}${md(r.reason)}`),
    ),
  ];
  if (body.length === 0) body.push('Nothing changed.', '');
  // One line per chunk: a first run over a big dump adds hundreds of thousands of events.
  yield* joinedLines([...lines, ...body].map((line) => [line]));
}
