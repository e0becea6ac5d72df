/** Heap sizing for big dumps (src/heap.ts): when the CLI restarts itself with a bigger heap, and when it warns. */
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-helper.ts';
import { BASE_HEAP_BYTES, BYTES_PER_INPUT_BYTE, HEAP_GROWING_PERCENT, heapGrowingPercent, heapLimitChosen, MIN_GROWING_PERCENT, neededHeapBytes, planHeap } from '../src/heap.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe('heapGrowingPercent', () => {
  const machine = 23.5 * GB;

  it("keeps V8's own growth for ordinary dumps and slows it from an estimated 1 GB of heap", () => {
    expect(heapGrowingPercent(neededHeapBytes(2.2 * MB), machine)).toBeNull(); // the benchmark corpus
    expect(heapGrowingPercent(neededHeapBytes(9 * MB), machine)).toBeNull(); // 20k short articles
    expect(heapGrowingPercent(neededHeapBytes(45 * MB), machine)).toBe(HEAP_GROWING_PERCENT); // 100k
    expect(heapGrowingPercent(neededHeapBytes(452 * MB), machine)).toBe(HEAP_GROWING_PERCENT); // 1M: 9.7 GB grown 50% fits
  });

  it('grows less where the machine is small for the dump, never below the minimum', () => {
    const needed = neededHeapBytes(452 * MB); // a million short articles, ~9.7 GB
    const growth = heapGrowingPercent(needed, 16 * GB)!;
    expect(growth).toBeLessThan(HEAP_GROWING_PERCENT);
    expect(needed * (1 + growth / 100)).toBeLessThanOrEqual(16 * GB * 0.8);
    expect(needed * (1 + (growth + 1) / 100)).toBeGreaterThan(16 * GB * 0.8);
    expect(heapGrowingPercent(needed, 8 * GB)).toBe(MIN_GROWING_PERCENT);
  });
});

describe('planHeap', () => {
  const machine = { heapLimitBytes: 4.3 * GB, totalMemoryBytes: 23.5 * GB, limitChosen: false };

  it('leaves the default heap alone for ordinary dumps', () => {
    expect(planHeap({ ...machine, inputBytes: 2.2 * MB }).action).toBe('enough');
    expect(planHeap({ ...machine, inputBytes: 136 * MB }).action).toBe('enough'); // 300k short articles
  });

  it('asks for the estimate plus headroom when the default heap is too small (a million short articles)', () => {
    const plan = planHeap({ ...machine, inputBytes: 452 * MB });
    expect(plan.action).toBe('raise');
    const needed = BASE_HEAP_BYTES + BYTES_PER_INPUT_BYTE * 452 * MB;
    expect(plan.neededBytes).toBe(needed);
    if (plan.action === 'raise') expect(plan.limitMb).toBe(Math.ceil((needed * 1.5) / MB));
  });

  it('never asks for more than 80% of the machine', () => {
    const plan = planHeap({ ...machine, inputBytes: 800 * MB });
    expect(plan).toMatchObject({ action: 'raise', limitMb: Math.floor((23.5 * GB * 0.8) / MB) });
  });

  it('warns when the machine cannot hold the run, or when the user chose a smaller limit', () => {
    const tooBig = planHeap({ ...machine, inputBytes: 2 * GB });
    expect(tooBig.action).toBe('warn');
    if (tooBig.action === 'warn') expect(tooBig.advice).toMatch(/this machine has 23\.5 GB of memory/);
    const chosen = planHeap({ ...machine, limitChosen: true, heapLimitBytes: 0.2 * GB, inputBytes: 2.2 * MB });
    expect(chosen.action).toBe('warn');
    if (chosen.action === 'warn') expect(chosen.advice).toMatch(/raise it to \d+ \(MB\)/);
  });
});

describe('heapLimitChosen', () => {
  it('sees the flag on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(heapLimitChosen(['--max-old-space-size=8000'], undefined)).toBe(true);
    expect(heapLimitChosen([], '--require x --max_old_space_size=8000')).toBe(true);
    expect(heapLimitChosen(['--import', 'tsx'], '--enable-source-maps')).toBe(false);
  });
});

describe('the CLI', () => {
  it('warns up front when a chosen heap limit is below the estimate, and still runs', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const out = tempDir('heap-');
    const run = spawnSync(process.execPath, ['--max-old-space-size=200', '--import', 'tsx', 'src/cli.ts', 'sources', '--out', out, '--no-cache', '--quiet', '--jobs', '1'], { encoding: 'utf8' });
    expect(run.stderr).toMatch(/reconcile: warning: \d+ KB of input needs about \d+ MB of heap, and the run may stop for lack of memory; the heap limit set with --max-old-space-size is \d+ MB: raise it to \d+ \(MB\)/);
    expect(run.status).toBe(0);
  }, 120_000);
});
