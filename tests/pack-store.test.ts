/**
 * The caches' store (src/pack-store.ts): entries by key in a few segment files, what a
 * run finds again, what survives a crash or a corrupt line, and what compaction keeps.
 */
import { appendFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir as scratchDir } from './temp-helper.ts';
import { KEEP_DAYS, MAX_SEGMENTS, PackStore } from '../src/pack-store.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 12);
const tempDir = (): string => scratchDir('reconcile-pack-');
const segments = (dir: string, ext = '.pack'): string[] => readdirSync(dir).filter((f) => f.endsWith(ext)).sort();

/** One run: opens the store, reads `get`, writes `put`, finishes; returns what it read and finish's report. */
function run(dir: string, { get = [], put = {}, now = NOW }: { get?: string[]; put?: Record<string, unknown>; now?: number }) {
  const store = PackStore.open(dir, { now });
  const found = Object.fromEntries(get.map((key) => [key, store.get(key)]));
  for (const [key, value] of Object.entries(put)) store.put(key, value);
  return { found, ...store.finish() };
}

describe('pack store', () => {
  it('finds what earlier runs stored, in whichever segment, and nothing else', () => {
    const dir = path.join(tempDir(), 'cache');
    expect(run(dir, { get: ['a1'] }).found).toEqual({ a1: null }); // no folder yet
    expect(run(dir, { put: { a1: { n: 1, text: 'tab\there, newline\nthere, ünïcödé' } } }).written).toBe(1);
    run(dir, { put: { b2: [1, 2, 3] } });
    expect(segments(dir)).toHaveLength(2);
    expect(run(dir, { get: ['a1', 'b2', 'c3'] }).found).toEqual({ a1: { n: 1, text: 'tab\there, newline\nthere, ünïcödé' }, b2: [1, 2, 3], c3: null });
    expect(() => PackStore.open(dir).put('has space', 1)).toThrow(/invalid key/);
  });

  it('holds thousands of entries, and entries longer than its read and write buffers', () => {
    const dir = tempDir();
    const put: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) put[`k${i.toString(16).padStart(8, '0')}`] = { i };
    put.big = 'x'.repeat(5_000_000);
    run(dir, { put });
    const store = PackStore.open(dir);
    expect(store.size).toBe(5001);
    for (let i = 0; i < 5000; i += 7) expect(store.get(`k${i.toString(16).padStart(8, '0')}`)).toEqual({ i });
    expect((store.get('big') as string).length).toBe(5_000_000);
    store.finish();
  });

  it('a torn last line, a corrupt line and a half-written segment are misses, not errors', () => {
    const dir = tempDir();
    run(dir, { put: { good: 1, broken: 2 } });
    const [pack] = segments(dir);
    const file = path.join(dir, pack!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(broken\t\d+\t).*/, '$1{"cut'));
    appendFileSync(file, `torn\t${Math.floor(NOW / DAY)}\t{"no":"newline"}`);
    writeFileSync(path.join(dir, 'zzz.open'), `open\t${Math.floor(NOW / DAY)}\t1\n`);
    const second = run(dir, { get: ['good', 'broken', 'torn', 'open'], put: { broken: 3 } });
    expect(second.found).toEqual({ good: 1, broken: null, torn: null, open: null });
    // The corrupt entry is skipped for the good one written after it.
    expect(run(dir, { get: ['broken'] }).found).toEqual({ broken: 3 });
  });

  it('removes a half-written segment left for more than a day', () => {
    const dir = tempDir();
    const [stale, fresh] = [path.join(dir, 'a.open'), path.join(dir, 'b.open')];
    writeFileSync(stale, '');
    writeFileSync(fresh, '');
    utimesSync(stale, new Date(NOW - 3 * DAY), new Date(NOW - 3 * DAY));
    utimesSync(fresh, new Date(NOW), new Date(NOW));
    run(dir, {});
    expect(segments(dir, '.open')).toEqual(['b.open']);
  });

  it(`compacts into one segment when more than ${MAX_SEGMENTS} pile up, keeping every entry`, () => {
    const dir = tempDir();
    for (let i = 0; i < MAX_SEGMENTS; i++) expect(run(dir, { put: { [`e${i}`]: i } }).compacted).toBe(false);
    expect(segments(dir)).toHaveLength(MAX_SEGMENTS);
    const keys = Array.from({ length: MAX_SEGMENTS + 1 }, (_, i) => `e${i}`);
    const last = run(dir, { get: keys.slice(0, 3), put: { [`e${MAX_SEGMENTS}`]: MAX_SEGMENTS } });
    expect(last.compacted).toBe(true);
    expect(segments(dir)).toHaveLength(1);
    expect(run(dir, { get: keys }).found).toEqual(Object.fromEntries(keys.map((k, i) => [k, i])));
  });

  it(`drops entries no run has used for ${KEEP_DAYS} days, and keeps the days of those in use true`, () => {
    const dir = tempDir();
    const day = (n: number): number => NOW + n * DAY;
    run(dir, { put: { kept: 'k', dropped: 'd', 'back-later': 'b' }, now: day(0) });
    // Used on day 1 (its day is still true: no rewrite); on day 3 its day is refreshed by a compaction.
    expect(run(dir, { get: ['kept', 'back-later'], now: day(1) }).compacted).toBe(false);
    expect(run(dir, { get: ['kept'], now: day(3) }).compacted).toBe(true);
    // Day 8: `dropped` was last used on day 0, `back-later` on day 1: both past KEEP_DAYS; `kept` used on day 3 is not.
    const late = run(dir, { get: ['kept'], now: day(KEEP_DAYS + 1) });
    expect(late.compacted).toBe(true);
    expect(run(dir, { get: ['kept', 'dropped', 'back-later'], now: day(KEEP_DAYS + 1) }).found).toEqual({ kept: 'k', dropped: null, 'back-later': null });
  });

  it('keeps entries another run may still want: used within KEEP_DAYS, though not by this run', () => {
    const dir = tempDir();
    run(dir, { put: { a: 1, b: 2 } });
    for (let i = 0; i < MAX_SEGMENTS; i++) run(dir, { put: { [`n${i}`]: i }, now: NOW + 2 * DAY });
    expect(segments(dir)).toHaveLength(1); // compacted along the way
    expect(run(dir, { get: ['a', 'b'], now: NOW + 2 * DAY }).found).toEqual({ a: 1, b: 2 });
  });

  it('a folder that cannot be written only stores nothing', () => {
    const base = tempDir();
    const notADir = path.join(base, 'file');
    writeFileSync(notADir, 'in the way');
    const result = run(path.join(notADir, 'cache'), { get: ['a'], put: { a: 1 } });
    expect(result).toEqual({ found: { a: null }, written: 0, compacted: false });
  });
});
