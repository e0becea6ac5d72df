/**
 * The review loop: decisions parsed and applied (applied / stale / refused / broken JSON),
 * changes between runs, and the terminal explanation of one event.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesMarkdown, diffDatasets } from '../src/review/changes.ts';
import { applyDecisions, matchesOption, parseDecisions, type Decision } from '../src/review/decisions.ts';
import { AmbiguousEventError, explainEvent, UnknownEventError, wrap } from '../src/review/explain.ts';
import type { CanonicalEvent, Dataset } from '../src/types.ts';
import { ARTICLES, buildFixture, HOSTILE_SCRIPT, time } from './report-helpers.ts';

const PATH = 'sources/decisions.json';

describe('parseDecisions', () => {
  it('reads a well-formed file with each entry\'s line', () => {
    const text = `[
  {"conflict": "cf-start", "value": "2025-03-18T14:00Z", "note": "WH official, on the record", "by": "AB"},
  {
    "conflict": "cf-location",
    "value": "Helsinki"
  }
]
`;
    const { decisions, problems } = parseDecisions(text, PATH);
    expect(problems).toEqual([]);
    expect(decisions).toEqual([
      { conflict: 'cf-start', value: '2025-03-18T14:00Z', note: 'WH official, on the record', by: 'AB', line: 2 },
      { conflict: 'cf-location', value: 'Helsinki', line: 3 },
    ]);
  });

  it.each([
    ['[\n  {"conflict": "cf-1", "value": 1},\n  {"conflict": "cf-2" "value": 2}\n]', 3],
    ['[\n  {"conflict": "cf-1", "value": 1},\n', 2], // cut short: the last line with text
    ['[\n  {"conflict": "cf-1",\n   "value": 1,}\n]', 3],
  ])('broken JSON is one problem with its line: %j', (text, line) => {
    const { decisions, problems } = parseDecisions(text, PATH);
    expect(decisions).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: PATH, line, severity: 'error' });
    expect(problems[0]!.message).toMatch(/^decisions are not valid JSON: /);
  });

  it('reports entries with missing fields at their own line and keeps the rest', () => {
    const text = '[\n  {"conflict": "cf-1", "value": "a"},\n  {"value": "b"},\n  {"conflict": "cf-3"},\n  "cf-4",\n  {"conflict": "cf-5", "value": "x, \\"y\\" ]"}\n]';
    const { decisions, problems } = parseDecisions(text, PATH);
    expect(decisions.map((d) => [d.conflict, d.line])).toEqual([['cf-1', 2], ['cf-5', 6]]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'decision 2 is missing "conflict" (a conflict id); it is ignored'],
      [4, 'decision 3 is missing "value"; it is ignored'],
      [5, 'decision 4 is not an object: expected {"conflict", "value", "note", "by"}'],
    ]);
  });

  it.each([
    ['{"conflict": "cf-1", "value": 1}', 'decisions must be a JSON array'],
  ])('a non-array is a problem: %j', (text, message) => {
    expect(parseDecisions(text, PATH).problems[0]!.message).toContain(message);
  });

  it('an empty file has no decisions and no problems', () => {
    expect(parseDecisions('  \n', PATH)).toEqual({ decisions: [], problems: [] });
  });
});

describe('matchesOption', () => {
  const start = { value: time('2025-03-18T14:00Z'), text: '1400 GMT' };
  const duration = { value: { min: 120, max: null, unit: 'minute', qualifier: 'more-than' as const }, text: 'more than two hours' };
  it.each([
    [start, '2025-03-18T14:00Z', true],
    [start, '2025-03-18T17:00+03:00', true], // the same instant
    [start, '2025-03-18T14:00:00.000Z', true],
    [start, '1400 gmt', true], // the option's text
    [start, { utc: '2025-03-18T14:00Z' }, true],
    [start, '2025-03-18T13:00Z', false],
    [start, '2025-03-18T14:00+01:00', false],
    [duration, { min: 120, max: null, unit: 'minute' }, true],
    [duration, { min: 120, max: 150, unit: 'minute' }, false],
    [duration, 'more than  two hours', true],
    [duration, 120, false],
    [{ value: 'Helsinki', text: 'Helsinki' }, 'helsinki', true],
    [{ value: 'Helsinki', text: 'Helsinki' }, 'Geneva', false],
    [{ value: ['Donald Trump', 'Vladimir Putin'], text: 'Trump and Putin' }, ['Vladimir Putin', 'Donald Trump'], true],
    [{ value: ['Donald Trump', 'Vladimir Putin'], text: 'Trump and Putin' }, ['Donald Trump'], false],
  ])('%j vs %j → %s', (option, decided, expected) => {
    expect(matchesOption(decided, option)).toBe(expected);
  });
});

describe('applyDecisions', () => {
  it('applies a decision: resolution, resolved attribute with the chosen claims, pure', () => {
    const { dataset } = buildFixture();
    const before = structuredClone(dataset);
    const decisions: Decision[] = [{ conflict: 'cf-start', value: '2025-03-18T14:00Z', by: 'AB', note: 'on the record', line: 2 }];
    const outcome = applyDecisions(dataset, decisions, PATH);
    expect(dataset).toEqual(before); // input untouched
    expect(outcome.applied).toEqual(['cf-start']);
    expect(outcome.stale).toEqual([]);
    expect(outcome.refused).toEqual([]);
    expect(outcome.problems).toEqual([]);
    const conflict = outcome.dataset.conflicts.find((c) => c.id === 'cf-start')!;
    expect(conflict.resolution).toEqual({ value: time('2025-03-18T14:00Z'), by: 'AB', note: 'on the record' });
    const attribute = outcome.dataset.events.find((e) => e.id === 'ev-call')!.attributes.start_time!;
    expect(attribute.status).toBe('resolved');
    expect(attribute.value).toEqual(time('2025-03-18T14:00Z'));
    expect(attribute.text).toBe('1400 GMT');
    expect(attribute.claims).toHaveLength(1);
    expect(attribute.claims[0]).toMatch(/^reuters:\d+-\d+:start_time$/);
    // Untouched parts are shared, not copied: the rest of the dataset is unchanged.
    expect(outcome.dataset.events.find((e) => e.id === 'ev-quiet')).toBe(dataset.events[2]);
  });

  it('a resolved location updates the event\'s headline field', () => {
    const { dataset } = buildFixture();
    const outcome = applyDecisions(dataset, [{ conflict: 'cf-location', value: 'Geneva' }], PATH);
    const event = outcome.dataset.events.find((e) => e.id === 'ev-meet')!;
    expect(event.location).toBe('Geneva');
    expect(event.attributes.location).toMatchObject({ value: 'Geneva', status: 'resolved' });
    expect(outcome.dataset.conflicts.find((c) => c.id === 'cf-location')!.resolution).toEqual({ value: 'Geneva', by: null, note: null });
  });

  it('refuses a value no source gives, listing the options', () => {
    const { dataset } = buildFixture();
    const decision: Decision = { conflict: 'cf-start', value: '2025-03-18T15:00Z', line: 4 };
    const outcome = applyDecisions(dataset, [decision], 'decisions.json');
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused).toHaveLength(1);
    expect(outcome.refused[0]!.decision).toBe(decision);
    expect(outcome.problems).toEqual([
      {
        path: 'decisions.json',
        line: 4,
        severity: 'error',
        message:
          'decision for cf-start refuses value "2025-03-18T15:00Z": no source gives it; ' +
          'options are "2025-03-18T13:00Z" ("1300 GMT"), "2025-03-18T14:00Z" ("1400 GMT")',
      },
    ]);
    expect(outcome.dataset.conflicts.find((c) => c.id === 'cf-start')!.resolution).toBeNull();
    expect(outcome.dataset.events[0]!.attributes.start_time!.status).toBe('conflict');
  });

  it('reports a stale decision as a warning and lists it', () => {
    const { dataset } = buildFixture();
    const decision: Decision = { conflict: 'cf-gone', value: 'x', line: 7 };
    const outcome = applyDecisions(dataset, [decision], PATH);
    expect(outcome.stale).toEqual([decision]);
    expect(outcome.problems).toEqual([
      { path: PATH, line: 7, severity: 'warning', message: 'decision for cf-gone is stale: the conflict no longer exists' },
    ]);
    expect(outcome.dataset.conflicts).toEqual(dataset.conflicts);
  });

  it('the last decision for a conflict wins; the earlier one is reported', () => {
    const { dataset } = buildFixture();
    const outcome = applyDecisions(
      dataset,
      [{ conflict: 'cf-location', value: 'Helsinki', line: 2 }, { conflict: 'cf-location', value: 'Geneva', line: 3 }],
      PATH,
    );
    expect(outcome.applied).toEqual(['cf-location']);
    expect(outcome.dataset.conflicts[0]!.resolution!.value).toBe('Geneva');
    expect(outcome.refused.map((r) => r.reason)).toEqual(['decision for cf-location is superseded by the later one at line 3']);
  });

  it('parse + apply end to end, problems carry the file lines', () => {
    const { dataset } = buildFixture();
    const text = '[\n{"conflict": "cf-location", "value": "Geneva"},\n{"conflict": "cf-old", "value": "Paris"},\n{"conflict": "cf-start", "value": "noon"}\n]';
    const parsed = parseDecisions(text, PATH);
    const outcome = applyDecisions(dataset, parsed.decisions, PATH);
    expect(outcome.applied).toEqual(['cf-location']);
    expect(outcome.problems.map((p) => [p.line, p.severity])).toEqual([[3, 'warning'], [4, 'error']]);
  });
});

describe('diffDatasets and changesMarkdown', () => {
  it('first run: everything is added', () => {
    const { dataset } = buildFixture();
    const changes = diffDatasets(null, dataset);
    expect(changes.hasPrevious).toBe(false);
    expect(changes.events.added.map((e) => e.id)).toEqual(['ev-call', 'ev-meet', 'ev-quiet']);
    expect(changes.conflicts.opened.map((c) => [c.id, c.why])).toEqual([['cf-location', 'new'], ['cf-start', 'new']]);
    expect(changes.sources.added.map((s) => s.id)).toEqual(['evil', 'reuters', 'tass']);
    expect(changesMarkdown(changes)).toContain('First run');
  });

  it('no changes between identical datasets', () => {
    const changes = diffDatasets(buildFixture().dataset, buildFixture().dataset);
    expect(changes).toMatchObject({
      events: { added: [], removed: [] }, values: [], statuses: [], conflicts: { opened: [], closed: [] },
      sources: { added: [], removed: [] },
    });
    expect(changesMarkdown(changes)).toContain('Nothing changed.');
  });

  it('events added/removed, values changed, conflicts opened/closed, decisions stale', () => {
    const previous = buildFixture().dataset;
    const next = buildFixture().dataset;
    // ev-quiet disappears, ev-new appears.
    next.events = next.events.filter((e) => e.id !== 'ev-quiet');
    next.events.push({ ...structuredClone(previous.events[2]!), id: 'ev-new', title: 'Arrest in Moscow', type: 'arrest' });
    // duration changes value; cf-location is resolved by a decision; cf-start disappears; cf-new opens.
    next.events[0]!.attributes.duration = { value: { min: 150, max: 150, unit: 'minute', qualifier: 'exact' }, text: '2.5 hours', status: 'agreed', claims: [] };
    const outcome = applyDecisions(
      { ...next, conflicts: next.conflicts.filter((c) => c.id !== 'cf-start') },
      [{ conflict: 'cf-location', value: 'Geneva', line: 2 }, { conflict: 'cf-start', value: '1300 GMT', line: 3 }],
      PATH,
    );
    const after = outcome.dataset;
    after.conflicts = [...after.conflicts, { ...structuredClone(previous.conflicts[1]!), id: 'cf-new', event: 'ev-new' }];
    after.sources = after.sources.filter((s) => s.id !== 'evil');

    const changes = diffDatasets(previous, after, outcome);
    expect(changes.events.added.map((e) => e.id)).toEqual(['ev-new']);
    // ev-new is a copy of ev-quiet (the same mentions): the removed id points at it.
    expect(changes.events.removed.map((e) => [e.id, e.mergedInto])).toEqual([['ev-quiet', 'ev-new']]);
    expect(changes.values.map((v) => [v.event, v.attribute, v.old?.text, v.new?.text])).toEqual([
      ['ev-call', 'duration', 'more than two hours', '2.5 hours'],
      ['ev-meet', 'location', 'Helsinki', 'Geneva'],
    ]);
    expect(changes.statuses.map((s) => [s.event, s.attribute, s.old, s.new])).toEqual([
      ['ev-call', 'duration', 'single-source', 'agreed'],
      ['ev-meet', 'location', 'conflict', 'resolved'],
    ]);
    expect(changes.conflicts.opened.map((c) => [c.id, c.why])).toEqual([['cf-new', 'new']]);
    expect(changes.conflicts.closed.map((c) => [c.id, c.why])).toEqual([['cf-location', 'resolved'], ['cf-start', 'gone']]);
    expect(changes.decisions).toEqual({
      applied: ['cf-location'],
      stale: [{ conflict: 'cf-start', line: 3, value: '1300 GMT' }],
      refused: [],
    });
    expect(changes.sources.removed.map((s) => s.id)).toEqual(['evil']);

    const markdown = changesMarkdown(changes);
    expect(markdown).toContain('## Events added\n\n- 2025-03-18 — Arrest in Moscow (`ev-new`)');
    expect(markdown).toContain('- Phone call between Donald Trump and Vladimir Putin · duration: &gt; 120 minutes (“more than two hours”) → 150 minutes (“2.5 hours”)');
    expect(markdown).toContain('## Stale decisions (the conflict no longer exists)\n\n- `cf-start` (line 3)');
    expect(markdown).toContain('- `cf-location` location — imprecision (medium), resolved · event `ev-meet`');
    expect(markdown).not.toContain(HOSTILE_SCRIPT);
    // Round-trips as JSON (the lead writes it as changes.json) and is deterministic.
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
    expect(diffDatasets(previous, after, outcome)).toEqual(changes);
  });

  it('a removed event whose mentions now sit in another event is reported as merged into it', () => {
    const previous = buildFixture().dataset;
    const next = buildFixture().dataset;
    const [kept, gone] = [next.events[0]!, next.events[1]!];
    kept.mentions = [...kept.mentions, ...gone.mentions];
    next.events = next.events.filter((e) => e.id !== gone.id);
    const changes = diffDatasets(previous, next);
    expect(changes.events.removed).toEqual([expect.objectContaining({ id: gone.id, mergedInto: kept.id })]);
    expect(changesMarkdown(changes)).toContain(`(\`${gone.id}\`) — merged into \`${kept.id}\``);
  });

  /** Puts the given events into stories (the first of each names it), as reconcile writes them. */
  const withStories = (dataset: Dataset, stories: string[][]): Dataset => {
    dataset.stories = stories.map((events) => ({ id: events[0]!.replace(/^ev-/, 'st-'), events, sources: [], links: [] }));
    for (const story of dataset.stories) for (const e of dataset.events) if (story.events.includes(e.id)) e.story = story.id;
    return dataset;
  };
  const storyChanges = (previous: Dataset | null, next: Dataset) => diffDatasets(previous, next).stories;

  it('an event that now follows up another is reported as having joined its story', () => {
    const next = withStories(buildFixture().dataset, [['ev-meet', 'ev-call']]);
    const changes = diffDatasets(buildFixture().dataset, next);
    expect(changes.stories).toEqual({
      joined: [{ id: 'ev-call', type: 'phone_call', title: 'Phone call between Donald Trump and Vladimir Putin', date: '2025-03-18', story: 'st-meet', with: ['ev-meet'] }],
      left: [],
      renamed: [],
    });
    const markdown = changesMarkdown(changes);
    expect(markdown).toContain('stories: 1 joined, 0 left, 0 renamed');
    expect(markdown).toContain(
      '## Events that joined a story\n\n- 2025-03-18 — Phone call between Donald Trump and Vladimir Putin (`ev-call`) — joined story `st-meet`, with `ev-meet`',
    );
    expect(markdown).not.toContain('Nothing changed.');
    // A story made only of new events: the others follow up its first event.
    expect(storyChanges(null, next).joined.map((e) => [e.id, e.story, e.with])).toEqual([['ev-call', 'st-meet', ['ev-meet']]]);
  });

  it('a previous events.json without stories reads as every event being a story of its own', () => {
    const old = (): Dataset => {
      const dataset = buildFixture().dataset as Partial<Dataset>;
      delete dataset.stories;
      for (const e of dataset.events!) delete (e as Partial<CanonicalEvent>).story;
      return dataset as Dataset;
    };
    const unchanged = diffDatasets(old(), buildFixture().dataset);
    expect(unchanged.stories).toEqual({ joined: [], left: [], renamed: [] });
    expect(changesMarkdown(unchanged)).toContain('Nothing changed.');
    const joined = storyChanges(old(), withStories(buildFixture().dataset, [['ev-meet', 'ev-call', 'ev-quiet']]));
    expect(joined.joined.map((e) => [e.id, e.story, e.with])).toEqual([['ev-call', 'st-meet', ['ev-meet']], ['ev-quiet', 'st-meet', ['ev-meet']]]);
    expect([joined.left, joined.renamed]).toEqual([[], []]);
  });

  it('a story that gained an earlier first event is renamed, not removed and added', () => {
    const previous = withStories(buildFixture().dataset, [['ev-call', 'ev-quiet']]);
    const changes = diffDatasets(previous, withStories(buildFixture().dataset, [['ev-meet', 'ev-call', 'ev-quiet']]));
    expect(changes.stories.renamed).toEqual([{ old: 'st-call', new: 'st-meet' }]);
    expect(changes.stories.joined.map((e) => [e.id, e.story, e.with])).toEqual([['ev-meet', 'st-meet', ['ev-call', 'ev-quiet']]]);
    expect(changes.stories.left).toEqual([]);
    expect(changesMarkdown(changes)).toContain('## Stories renamed (a story is named after its first event)\n\n- `st-call` → `st-meet`');
  });

  it('events that left a story of several events: on their own, or in another story', () => {
    const previous = withStories(buildFixture().dataset, [['ev-meet', 'ev-call', 'ev-quiet']]);
    const split = diffDatasets(previous, withStories(buildFixture().dataset, [['ev-meet', 'ev-call']]));
    expect(split.stories).toMatchObject({ joined: [], left: [{ id: 'ev-quiet', story: 'st-meet', now: null }], renamed: [] });
    expect(changesMarkdown(split)).toContain(
      '## Events that left a story\n\n- 2025-03-18 — Statement by the Kremlin (`ev-quiet`) — left story `st-meet`, now a story of its own',
    );
    // The first event leaves: the story goes on (renamed) with the others, the first is on its own.
    const firstLeft = storyChanges(previous, withStories(buildFixture().dataset, [['ev-call', 'ev-quiet']]));
    expect(firstLeft).toMatchObject({ joined: [], left: [{ id: 'ev-meet', story: 'st-meet', now: null }], renamed: [{ old: 'st-meet', new: 'st-call' }] });
    // Moved to another story of several events: it left one and joined the other.
    const moved = buildFixture().dataset;
    moved.events.push({ ...structuredClone(moved.events[2]!), id: 'ev-later', date: '2025-04-01', mentions: ['tass:m900'] });
    const movedChanges = storyChanges(withStories(structuredClone(moved), [['ev-meet', 'ev-call', 'ev-quiet']]), withStories(moved, [['ev-meet', 'ev-call'], ['ev-quiet', 'ev-later']]));
    expect(movedChanges.left.map((e) => [e.id, e.story, e.now])).toEqual([['ev-quiet', 'st-meet', 'st-quiet']]);
    expect(movedChanges.joined.map((e) => [e.id, e.story, e.with])).toEqual([['ev-quiet', 'st-quiet', ['ev-later']]]);
    expect(movedChanges.renamed).toEqual([]);
  });

  it('an event removed from a story is reported as removed only, and unchanged stories as nothing', () => {
    const previous = withStories(buildFixture().dataset, [['ev-meet', 'ev-call', 'ev-quiet']]);
    const next = withStories(buildFixture().dataset, [['ev-meet', 'ev-call']]);
    next.events = next.events.filter((e) => e.id !== 'ev-quiet');
    expect(storyChanges(previous, next)).toEqual({ joined: [], left: [], renamed: [] });
    const same = diffDatasets(previous, withStories(buildFixture().dataset, [['ev-meet', 'ev-call', 'ev-quiet']]));
    expect(same.stories).toEqual({ joined: [], left: [], renamed: [] });
    expect(changesMarkdown(same)).toContain('Nothing changed.');
  });

  it('a conflict whose resolution went away is reopened', () => {
    const previous = buildFixture().dataset;
    previous.conflicts[0]!.resolution = { value: 'Helsinki', by: null, note: null };
    const changes = diffDatasets(previous, buildFixture().dataset);
    expect(changes.conflicts.opened.map((c) => [c.id, c.why])).toEqual([['cf-location', 'reopened']]);
  });
});

describe('explainEvent', () => {
  const { dataset, claims } = buildFixture();

  it('shows the event, its sources, attributes with claims and places, merge reasons and conflicts', () => {
    const text = explainEvent(dataset, claims, 'ev-call');
    expect(text).toContain('Phone call between Donald Trump and Vladimir Putin');
    expect(text).toContain('date          2025-03-18');
    expect(text).toContain('participants  Donald Trump, Vladimir Putin');
    expect(text).toContain('  TASS — sources/tass.txt (2025-03-18)');
    expect(text).toContain('  start_time [conflict] 2025-03-18T13:00Z (“1300 GMT”)');
    expect(text).toContain('    - “1400 GMT” → 2025-03-18T14:00Z · sources/reuters.txt:2 · (a White House official, actual)');
    expect(text).toContain('  duration [single-source] > 120 minutes (“more than two hours”)');
    expect(text).toContain('  TASS ⟷ Reuters (tass:m40 ⟷ reuters:m30) score 7.5: same date +4, participants 2/2 +3.5');
    expect(text).toContain('  cf-start start_time: contradiction, high, open');
    expect(text).toContain('    B: 2025-03-18T14:00Z (“1400 GMT”) — Reuters');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('names the story of the event, and for a story of several events its other events and why they are one', () => {
    expect(explainEvent(dataset, claims, 'ev-call')).toContain('story         st-call (this event only)');
    const fixture = buildFixture();
    fixture.dataset.events.find((e) => e.id === 'ev-meet')!.story = 'st-call';
    fixture.dataset.stories = [
      { id: 'st-call', events: ['ev-call', 'ev-meet'], sources: ['reuters', 'tass'], links: [{ a: 'tass:m40', b: 'reuters:m30', reasons: [{ label: 'follow-up: lead similarity 0.31, naming donald trump', weight: 2.5 }] }] },
    ];
    const text = explainEvent(fixture.dataset, fixture.claims, 'ev-call');
    expect(text).toContain('story         st-call (with ev-meet 2018-07)');
    expect(text).toContain('Why st-call is one story (1)');
    expect(text).toContain('  TASS ⟷ Reuters (tass:m40 ⟷ reuters:m30): follow-up: lead similarity 0.31, naming donald trump');
  });

  it('strips terminal control characters from untrusted text', () => {
    const fixture = buildFixture();
    fixture.claims[2]!.evidence.quote = 'evil \u001b[2J\u001b]0;pwned\u0007 text';
    const text = explainEvent(fixture.dataset, fixture.claims, 'ev-call');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('shows each quote inside its sentence when the article texts are given', () => {
    const texts = new Map(ARTICLES.map((a) => [a.id, a.text]));
    const withTexts = explainEvent(dataset, claims, 'ev-call', texts);
    const claim = claims.find((c) => c.event === 'ev-call')!;
    const line = withTexts.split('\n').find((l) => l.includes(`«${claim.evidence.quote}»`));
    expect(line).toBeDefined();
    for (const l of withTexts.split('\n')) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('accepts a unique prefix', () => {
    expect(explainEvent(dataset, claims, 'ev-q')).toContain('Statement by the Kremlin');
  });

  it.each([
    ['ev-cal1', UnknownEventError, ['ev-call']],
    ['ev-', AmbiguousEventError, ['ev-call', 'ev-meet', 'ev-quiet']],
    ['zzz', UnknownEventError, []],
  ])('%j throws %s with suggestions', (id, type, suggestions) => {
    try {
      explainEvent(dataset, claims, id);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(type);
      expect((error as UnknownEventError).suggestions).toEqual(suggestions);
      expect((error as UnknownEventError).eventId).toBe(id);
    }
  });

  it('wrap keeps lines within the width, cutting overlong words', () => {
    const lines = wrap(`${'x'.repeat(250)} short words here`, '  ', 100, '- ');
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    expect(lines.join('').replace(/[\s-]/g, '')).toBe(`${'x'.repeat(250)}shortwordshere`);
  });
});

describe('golden files (fixtures/report)', () => {
  const update = process.env.UPDATE_FIXTURES === '1';
  const { dataset, claims } = buildFixture();
  const later = buildFixture().dataset;
  later.events = later.events.filter((e) => e.id !== 'ev-quiet');
  const outcome = applyDecisions(later, [{ conflict: 'cf-location', value: 'Geneva', by: 'AB', line: 2 }, { conflict: 'cf-gone', value: 'x', line: 3 }], PATH);
  const changes = diffDatasets(dataset, outcome.dataset, outcome);
  const outputs: [string, string][] = [
    ['changes.md', changesMarkdown(changes)],
    ['changes.json', `${JSON.stringify(changes, null, 2)}\n`],
    ['explain.txt', `${explainEvent(dataset, claims, 'ev-call')}\n`],
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

describe('public API of the report and review modules', () => {
  it.each([
    ['../src/report/csv.ts', ['EVENTS_CSV_HEADER', 'csvField', 'csvRow', 'eventsCsv', 'eventsCsvChunks']],
    ['../src/report/markdown.ts', ['reportMarkdown', 'reportMarkdownChunks']],
    ['../src/report/html.ts', ['REPORT_SCRIPT', 'contentSecurityPolicy', 'escapeHtml', 'reportHtml', 'reportHtmlChunks', 'scriptHash']],
    ['../src/review/decisions.ts', ['applyDecisions', 'matchesOption', 'parseDecisions']],
    ['../src/review/changes.ts', ['changesMarkdown', 'changesMarkdownChunks', 'diffDatasets']],
    ['../src/review/explain.ts', ['AmbiguousEventError', 'EXPLAIN_WIDTH', 'UnknownEventError', 'explainEvent', 'findEvent', 'terminalSafe', 'wrap']],
  ])('%s exports %j', async (module, names) => {
    expect(Object.keys(await import(module)).sort()).toEqual([...names].sort());
  });
});
