/**
 * src/launch.mjs, how `npm start` and `npm run reconcile` start the CLI: from a bundle built
 * once per version of the sources (the worker threads' bundle next to it), with the same
 * results as tsx src/cli.ts, and tsx as the fallback.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const COMPARED = ['events.json', 'claims.jsonl', 'mentions.jsonl', 'events.csv', 'report.md', 'report.html', 'changes.json'];

function launch(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'src/launch.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function viaTsx(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('src/launch.mjs', () => {
  it('builds the bundle once, reuses it, and gives what tsx src/cli.ts gives', () => {
    const bundles = tempDir('reconcile-bundles-');
    const env = { NEWS_RECONCILE_BUNDLE_DIR: bundles };
    const [first, second, reference] = [tempDir('reconcile-launch-'), tempDir('reconcile-launch-'), tempDir('reconcile-tsx-')];
    expect(launch(['sources', '--out', first, '--no-cache', '--quiet'], env).status).toBe(0);
    const built = readdirSync(bundles).sort();
    expect(built).toHaveLength(2);
    expect(built[0]).toMatch(/^cli-[0-9a-f]{16}\.mjs$/);
    expect(built[1]).toBe(built[0]!.replace('cli-', 'worker-'));
    const builtAt = built.map((name) => statSync(path.join(bundles, name)).mtimeMs);
    expect(launch(['sources', '--out', second, '--no-cache', '--quiet'], env).status).toBe(0);
    expect(readdirSync(bundles).sort()).toEqual(built);
    expect(built.map((name) => statSync(path.join(bundles, name)).mtimeMs)).toEqual(builtAt); // reused, not rebuilt
    expect(viaTsx(['sources', '--out', reference, '--no-cache', '--quiet']).status).toBe(0);
    for (const name of COMPARED) {
      expect(readFileSync(path.join(first, name), 'utf8'), name).toBe(readFileSync(path.join(reference, name), 'utf8'));
      expect(readFileSync(path.join(second, name), 'utf8'), name).toBe(readFileSync(path.join(reference, name), 'utf8'));
    }
  });

  it('passes exit statuses and messages through, from the bundle and from the tsx fallback', () => {
    const bundles = tempDir('reconcile-bundles-');
    const expected = viaTsx(['--no-such-option']);
    expect(expected.status).not.toBe(0);
    expect(expected.stderr).toContain('--no-such-option');
    const modes: Record<string, string>[] = [{ NEWS_RECONCILE_BUNDLE_DIR: bundles }, { NEWS_RECONCILE_BUNDLE_DIR: bundles, NEWS_RECONCILE_BUNDLE: '0' }];
    for (const env of modes) {
      const result = launch(['--no-such-option'], env);
      expect(result.status).toBe(expected.status);
      expect(result.stderr).toBe(expected.stderr);
    }
  });

  it('starts worker threads from the bundle it built next to the CLI, and removes stale bundles of both kinds', () => {
    const bundles = tempDir('reconcile-bundles-');
    const hourAgo = new Date(Date.now() - 3_600_000);
    const stale = ['cli-0123456789abcdef.mjs', 'worker-0123456789abcdef.mjs', 'worker-0123456789abcdef.mjs.4242.tmp'];
    for (const name of [...stale, 'notes.txt']) {
      writeFileSync(path.join(bundles, name), '');
      utimesSync(path.join(bundles, name), hourAgo, hourAgo);
    }
    const out = tempDir('reconcile-launch-');
    const env = { NEWS_RECONCILE_BUNDLE_DIR: bundles, NEWS_RECONCILE_WORKER_MIN_CHARS: '1', NEWS_RECONCILE_DEBUG_THREADS: '1' };
    const result = launch(['sources', '--out', out, '--no-cache', '--quiet', '--jobs', '2'], env);
    expect(result.status).toBe(0);
    const built = readdirSync(bundles).filter((name) => name !== 'notes.txt').sort();
    expect(built).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}\.mjs$/), expect.stringMatching(/^worker-[0-9a-f]{16}\.mjs$/)]);
    expect(readdirSync(bundles)).toContain('notes.txt'); // not a bundle: left alone
    expect(result.stderr).toMatch(new RegExp(`^threads: 1 started .*, from file://.*/${built[1]!.replace('.', '\\.')}$`, 'm'));
    expect(JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8')).sources).toHaveLength(5);
  });

  it('started through tsx, builds only the worker threads\' bundle, where the launcher would, and starts them from it', () => {
    const bundles = tempDir('reconcile-bundles-');
    const out = tempDir('reconcile-launch-');
    const env = { NEWS_RECONCILE_BUNDLE_DIR: bundles, NEWS_RECONCILE_BUNDLE: '0', NEWS_RECONCILE_WORKER_MIN_CHARS: '1', NEWS_RECONCILE_DEBUG_THREADS: '1' };
    const result = launch(['sources', '--out', out, '--no-cache', '--quiet', '--jobs', '2'], env);
    expect(result.status).toBe(0);
    const built = readdirSync(bundles);
    expect(built).toEqual([expect.stringMatching(/^worker-[0-9a-f]{16}\.mjs$/)]);
    // 0 or 1: the first build may take longer than the main thread needs for the five seeds.
    expect(result.stderr).toMatch(new RegExp(`^threads: [01] started .*, from file://.*/${built[0]!.replace('.', '\\.')}$`, 'm'));
    expect(JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8')).sources).toHaveLength(5);
  });

  it('falls back to tsx when told to, building nothing', () => {
    const bundles = tempDir('reconcile-bundles-');
    const out = tempDir('reconcile-launch-');
    expect(launch(['sources', '--out', out, '--quiet'], { NEWS_RECONCILE_BUNDLE_DIR: bundles, NEWS_RECONCILE_BUNDLE: '0' }).status).toBe(0);
    expect(readdirSync(bundles)).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8')).sources).toHaveLength(5);
  });
});
