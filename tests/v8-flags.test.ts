import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth, RUN_V8_FLAGS, tuneV8ForRun } from '../src/v8-flags.ts';

describe('tuneV8ForRun', () => {
  it('sets flags this Node version knows (V8 only prints "unrecognized flag" for the others)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of RUN_V8_FLAGS) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      expect(known).toContain(`--${name} `);
    }
    expect(tuneV8ForRun({})).toEqual(RUN_V8_FLAGS);
  });

  it('leaves V8 alone when NEWS_RECONCILE_V8_DEFAULTS=1', () => {
    expect(tuneV8ForRun({ NEWS_RECONCILE_V8_DEFAULTS: '1' })).toEqual([]);
  });
});

describe('limitHeapGrowth', () => {
  it('sets a flag this Node version knows, for large dumps only', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(known).toContain('--heap-growing-percent ');
    expect(limitHeapGrowth(null, {}, [])).toBeNull();
    expect(limitHeapGrowth(50, {}, [])).toBe('--heap-growing-percent=50');
  });

  it('leaves the heap alone when the user chose its growth, or asked for V8 defaults', () => {
    expect(limitHeapGrowth(50, { NEWS_RECONCILE_V8_DEFAULTS: '1' }, [])).toBeNull();
    expect(limitHeapGrowth(50, {}, ['--heap-growing-percent=20'])).toBeNull();
    expect(limitHeapGrowth(50, { NODE_OPTIONS: '--heap_growing_percent=10' }, [])).toBeNull();
  });
});
