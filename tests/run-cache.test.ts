/**
 * The review loop's shortcut (src/run-cache.ts): a rerun with the same articles and code
 * skips analysis, events and reconciliation and keeps mentions.jsonl, and writes what the
 * long way writes, byte for byte; anything else goes the long way.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';
import { fileDigest, runKey } from '../src/run-cache.ts';
import type { Dataset } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CASE = path.join(ROOT, 'fixtures/reconcile/summit-timezones/dump');
const OUTPUT_FILES = ['changes.json', 'changes.md', 'claims.jsonl', 'events.csv', 'events.json', 'mentions.jsonl', 'report.html', 'report.md'];
const SKIPPED = 'analysis, events   skipped: the same articles and code as the last run';

function reconcile(dump: string, out: string): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), dump, '--out', out, '--quiet', '--timings'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr };
}

const outputs = (out: string): Record<string, string> =>
  Object.fromEntries(OUTPUT_FILES.map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
const runRecord = (out: string): string => path.join(out, '.cache', 'reconcile', 'run.json');

describe('run cache (the review loop)', () => {
  it('a rerun with the same articles and code skips to the outputs, with the same bytes as the long way, decisions applied', () => {
    const work = tempDir('reconcile-run-');
    const dump = path.join(work, 'dump');
    cpSync(CASE, dump, { recursive: true });
    const [short, long] = [path.join(work, 'short'), path.join(work, 'long')];
    for (const out of [short, long]) {
      const first = reconcile(dump, out);
      expect(first.status).toBe(0);
      expect(first.stderr).not.toContain(SKIPPED);
      expect(existsSync(runRecord(out))).toBe(true);
    }
    // The reviewer decides the conflict; decisions.json is not an article, so the articles are the same.
    const dataset = JSON.parse(readFileSync(path.join(short, 'events.json'), 'utf8')) as Dataset;
    expect(dataset.conflicts.length).toBeGreaterThan(0);
    writeFileSync(path.join(dump, 'decisions.json'), JSON.stringify([{ conflict: dataset.conflicts[0]!.id, value: dataset.conflicts[0]!.values[0]!.value, by: 'qa' }]));

    expect(reconcile(dump, short).stderr).toContain(SKIPPED);
    rmSync(runRecord(long)); // no record: the long way, through the article and reconciliation caches
    expect(reconcile(dump, long).stderr).not.toContain(SKIPPED);
    const [viaShortcut, viaLongWay] = [outputs(short), outputs(long)];
    for (const name of OUTPUT_FILES) expect(viaShortcut[name], name).toBe(viaLongWay[name]);
    const decided = JSON.parse(viaShortcut['events.json']!) as Dataset;
    expect(decided.conflicts[0]!.resolution).not.toBeNull();
  });

  it('goes the long way when mentions.jsonl was changed (and writes it again), or an article was', () => {
    const work = tempDir('reconcile-run-');
    const dump = path.join(work, 'dump');
    const out = path.join(work, 'out');
    cpSync(CASE, dump, { recursive: true });
    expect(reconcile(dump, out).status).toBe(0);
    const mentions = readFileSync(path.join(out, 'mentions.jsonl'), 'utf8');

    appendFileSync(path.join(out, 'mentions.jsonl'), '{"edited":true}\n');
    expect(reconcile(dump, out).stderr).not.toContain(SKIPPED);
    expect(readFileSync(path.join(out, 'mentions.jsonl'), 'utf8')).toBe(mentions);
    expect(reconcile(dump, out).stderr).toContain(SKIPPED);

    appendFileSync(path.join(dump, 'uk-site.txt'), '\nThe leaders are expected to meet again next month.\n');
    expect(reconcile(dump, out).stderr).not.toContain(SKIPPED);
    expect(readFileSync(path.join(out, 'mentions.jsonl'), 'utf8')).not.toBe(mentions);
    expect(reconcile(dump, out).stderr).toContain(SKIPPED);

    // A reconciliation entry that is no longer the recorded run's (another run replaced it) is not used.
    writeFileSync(path.join(out, '.cache', 'reconcile', 'last.json'), '{}');
    expect(reconcile(dump, out).stderr).not.toContain(SKIPPED);
  });

  it('the run key covers every article, its metadata and their order; the digest is the bytes of the file', () => {
    const a = testArticle('The summit began at 10:00.', { id: 'a', meta: { published: '2025-06-10' } });
    const b = testArticle('Talks ended after two hours.', { id: 'b', meta: { published: '2025-06-10' } });
    const key = runKey([a, b]);
    expect(runKey([a, b])).toBe(key);
    expect(runKey([b, a])).not.toBe(key);
    expect(runKey([a])).not.toBe(key);
    expect(runKey([a, { ...b, sha256: '0'.repeat(64) }])).not.toBe(key);
    expect(runKey([a, { ...b, meta: { ...b.meta, published: '2025-06-11' } }])).not.toBe(key);

    const file = path.join(tempDir('reconcile-run-'), 'f.jsonl');
    writeFileSync(file, 'x'.repeat(3 << 20));
    const digest = fileDigest(file)!;
    expect(digest.bytes).toBe(3 << 20);
    expect(digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    appendFileSync(file, 'y');
    expect(fileDigest(file)!.sha256).not.toBe(digest.sha256);
    expect(fileDigest(path.join(file, 'missing'))).toBeNull();
  });
});
