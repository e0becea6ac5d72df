/**
 * The reviewer's loop through the CLI: run over a dump, decide a conflict,
 * regenerate, add an article, regenerate. Ids stay stable, the decision is
 * applied, refused and stale decisions are reported, the change log says what moved.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';
import type { Dataset } from '../src/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CASE = path.join(ROOT, 'fixtures/reconcile/summit-timezones/dump');

function reconcile(dump: string, out: string, ...flags: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), dump, '--out', out, '--quiet', ...flags], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr };
}

const read = (out: string): Dataset => JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8')) as Dataset;
const changes = (out: string) => JSON.parse(readFileSync(path.join(out, 'changes.json'), 'utf8'));

describe('review loop', () => {
  const work = tempDir('reconcile-loop-');
  const dump = path.join(work, 'dump');
  const out = path.join(work, 'out');
  let first: Dataset;

  beforeAll(() => {
    mkdirSync(dump);
    // Start with two of the three outlets: they disagree on the start time.
    cpSync(path.join(CASE, 'ru-agency.txt'), path.join(dump, 'ru-agency.txt'));
    cpSync(path.join(CASE, 'uk-site.txt'), path.join(dump, 'uk-site.txt'));
    expect(reconcile(dump, out).status).toBe(0);
    first = read(out);
  });

  it('opens a conflict the reviewer can decide', () => {
    expect(first.conflicts).toHaveLength(1);
    expect(first.conflicts[0]).toMatchObject({ attribute: 'start_time', resolution: null });
    expect(changes(out).hasPrevious).toBe(false);
  });

  it('applies a decision, refuses a value no source gives, reports a stale decision', () => {
    const conflict = first.conflicts[0]!;
    writeFileSync(
      path.join(dump, 'decisions.json'),
      JSON.stringify(
        [
          { conflict: conflict.id, value: '2025-06-10T14:00Z', note: 'press service, on the record', by: 'qa' },
          { conflict: 'cf-000000000000', value: 'x', by: 'qa' },
        ],
        null,
        2,
      ),
    );
    const run = reconcile(dump, out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/decisions\.json:\d+: warning: .*stale/);
    const decided = read(out);
    const resolved = decided.conflicts.find((c) => c.id === conflict.id)!;
    expect(resolved.resolution).toMatchObject({ by: 'qa', note: 'press service, on the record' });
    const event = decided.events.find((e) => e.id === conflict.event)!;
    expect(event.attributes.start_time).toMatchObject({ status: 'resolved' });
    const log = changes(out);
    expect(log.decisions.applied).toContain(conflict.id);
    expect(log.decisions.stale.map((s: { conflict: string }) => s.conflict)).toEqual(['cf-000000000000']);
    expect(readFileSync(path.join(out, 'changes.md'), 'utf8')).toContain('cf-000000000000');

    writeFileSync(path.join(dump, 'decisions.json'), JSON.stringify([{ conflict: conflict.id, value: '2025-06-10T16:00Z' }]));
    const refused = reconcile(dump, out, '--timings');
    expect(refused.status).toBe(1);
    // Nothing but the decisions changed since the last run (a start time decided is no event's identity): not reconciled again.
    expect(refused.stderr).toMatch(/reconcile .* \(unchanged inputs: from the cache\)/);
    expect(refused.stderr).toMatch(/decisions\.json:\d+: error: .*no source gives it/);
    expect(read(out).conflicts[0]!.resolution).toBeNull();
  });

  it('keeps every event id when a new article arrives, and logs the change', () => {
    writeFileSync(path.join(dump, 'decisions.json'), JSON.stringify([{ conflict: first.conflicts[0]!.id, value: '2025-06-10T14:00Z', by: 'qa' }]));
    expect(reconcile(dump, out).status).toBe(0);
    cpSync(path.join(CASE, 'us-paper.txt'), path.join(dump, 'us-paper.txt'));
    expect(reconcile(dump, out).status).toBe(0);
    const after = read(out);
    for (const event of first.events) expect(after.events.map((e) => e.id)).toContain(event.id);
    const summit = after.events.find((e) => e.id === first.conflicts[0]!.event)!;
    expect(summit.sources).toHaveLength(3);
    expect(after.conflicts[0]!.id).toBe(first.conflicts[0]!.id);
    expect(after.conflicts[0]!.resolution).not.toBeNull();
    const log = changes(out);
    expect(log.sources.added.map((s: { id: string }) => s.id)).toEqual(['us-paper']);
    expect(log.events.added).toEqual([]);
  });
});
