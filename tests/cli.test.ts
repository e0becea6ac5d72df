/** The command line as users call it: exit statuses, outputs, stderr, byte-identical reruns. */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir as scratchDir } from './temp-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT_FILES = ['changes.json', 'changes.md', 'claims.jsonl', 'events.csv', 'events.json', 'mentions.jsonl', 'report.html', 'report.md'];

function run(args: string[], cwd = ROOT, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return scratchDir('reconcile-cli-');
}

function readOutputs(dir: string): Record<string, string> {
  return Object.fromEntries(OUTPUT_FILES.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

describe('reconcile CLI', () => {
  it('reconciles the seed dump: exit 0, every output file, silent when stderr is not a terminal', () => {
    const out = tempDir();
    const result = run(['sources', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(OUTPUT_FILES);
    const dataset = JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8'));
    expect(dataset.version).toBe(1);
    expect(dataset.sources).toHaveLength(5);
  });

  it('gives byte-identical outputs on a rerun, from the cache or without it', () => {
    const first = tempDir();
    const second = tempDir();
    expect(run(['sources', '--out', first]).status).toBe(0);
    const fresh = readOutputs(first);
    expect(run(['sources', '--out', first]).status).toBe(0); // now from the cache, with a previous dataset
    expect(run(['sources', '--out', second, '--no-cache', '--jobs', '1']).status).toBe(0);
    // Worker threads forced on (the seeds are far below the size that starts them by default).
    const third = tempDir();
    expect(run(['sources', '--out', third, '--no-cache', '--jobs', '2'], ROOT, { NEWS_RECONCILE_WORKER_MIN_CHARS: '1' }).status).toBe(0);
    const cached = readOutputs(first);
    const uncached = readOutputs(second);
    const threaded = readOutputs(third);
    for (const name of OUTPUT_FILES.filter((n) => !n.startsWith('changes'))) {
      expect(cached[name], name).toBe(fresh[name]);
      expect(uncached[name], name).toBe(fresh[name]);
      expect(threaded[name], name).toBe(fresh[name]);
    }
    expect(threaded['changes.json']).toBe(uncached['changes.json']); // both first runs in their folder
  });

  it('exit 1 when some inputs are rejected, each problem on stderr as path:line: message', () => {
    const dir = tempDir();
    const dump = path.join(dir, 'dump');
    mkdirSync(dump);
    cpSync(path.join(ROOT, 'sources/000_d399de622995a746.txt'), path.join(dump, 'tass.txt'));
    writeFileSync(path.join(dump, 'empty.txt'), '');
    writeFileSync(
      path.join(dump, 'feed.jsonl'),
      '{"id":"a1","title":"Quake","maintext":"An earthquake struck on Monday.","date_publish":"2024-01-01 10:00:00","source_domain":"example.com"}\n{broken\n',
    );
    const out = path.join(dir, 'out');
    const result = run([dump, '--out', out, '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: error: /);
    expect(result.stderr).toMatch(/feed\.jsonl:2: error: /);
    const dataset = JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8'));
    expect(dataset.sources.map((s: { id: string }) => s.id)).toContain('a1');
    expect(dataset.problems.some((p: { path: string; line: number }) => p.path.endsWith('feed.jsonl') && p.line === 2)).toBe(true);
  });

  it('exit 2 and nothing written when there is no readable input or the arguments are bad', () => {
    const out = path.join(tempDir(), 'out');
    const missing = run(['no/such/folder', '--out', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/folder/);
    expect(() => readdirSync(out)).toThrow();
    const bad = run(['--jobs', 'zero']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--jobs/);
  });

  it('explains one event from the terminal', () => {
    const out = tempDir();
    expect(run(['sources', '--out', out]).status).toBe(0);
    const dataset = JSON.parse(readFileSync(path.join(out, 'events.json'), 'utf8'));
    const event = dataset.events[0];
    const shown = run(['explain', event.id, '--out', out]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(event.id);
    expect(shown.stdout).toContain(event.title);
    const unknown = run(['explain', 'ev-nope', '--out', out]);
    expect(unknown.status).toBe(2);
  });
});
