import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RUN_V8_FLAGS, tuneV8ForRun } from '../src/v8-flags.ts';

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
