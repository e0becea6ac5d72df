/**
 * Runs a child process under a wall-time and memory budget, watching its peak
 * resident set (VmHWM from /proc, Linux) so a run that would take the machine down
 * is stopped and reported instead.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the child after this long. */
  timeoutMs?: number;
  /** Kill the child when its resident set exceeds this many kilobytes. */
  rssLimitKB?: number;
  /** Called with each chunk of the child's stderr (progress). */
  onStderr?: (chunk: string) => void;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Highest VmHWM seen while polling (kilobytes); 0 when /proc is not available. */
  polledPeakRssKB: number;
  killedFor: 'timeout' | 'memory' | null;
}

/** Reads VmHWM (peak resident set, kB) of a process from /proc; null when unavailable. */
export function peakRssOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let killedFor: ChildResult['killedFor'] = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk);
    });
    const poll = setInterval(() => {
      const rss = child.pid === undefined ? null : peakRssOf(child.pid);
      if (rss !== null) peak = Math.max(peak, rss);
      if (options.rssLimitKB !== undefined && peak > options.rssLimitKB && killedFor === null) {
        killedFor = 'memory';
        child.kill('SIGKILL');
      }
    }, 250);
    const timer =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            if (killedFor === null) killedFor = 'timeout';
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ code, signal, wallMs: performance.now() - started, stdout, stderr, polledPeakRssKB: peak, killedFor });
    });
  });
}

/** Parses `--timings` lines of the CLI (`  extract.time   123.4 ms`) into a record. */
export function parseStageTimings(stderr: string): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const match of stderr.matchAll(/^\s+([\w.-]+)\s+([\d.]+) ms\s*$/gm)) timings[match[1]!] = Number(match[2]);
  return timings;
}

/** Parses the output of `/usr/bin/time -f '%e %M'`: elapsed seconds and max RSS in kB. */
export function parseGnuTime(text: string): { wallMs: number; maxRssKB: number } | null {
  const match = /([\d.]+)\s+(\d+)\s*$/.exec(text.trim());
  return match ? { wallMs: Number(match[1]) * 1000, maxRssKB: Number(match[2]) } : null;
}

/** Every line of stdout that starts with `marker`, parsed as JSON, in order. */
export function jsonLines<T>(stdout: string, marker: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(marker))
    .map((l) => JSON.parse(l.slice(marker.length)) as T);
}

/** The last line of stdout that starts with `marker`, parsed as JSON. */
export function lastJsonLine<T>(stdout: string, marker: string): T | null {
  return jsonLines<T>(stdout, marker).at(-1) ?? null;
}

/** What went wrong in a child, in one line: the first line naming an error, else the last lines. */
export function errorSummary(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('npm warn'));
  const named = lines.find((l) => /\b\w*Error\b|FATAL|heap out of memory/.test(l));
  return (named ?? lines.slice(-2).join(' ⏎ ')).slice(0, 300);
}
