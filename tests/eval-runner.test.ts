/** The evaluation's in-process pipeline runner on two tiny records (no dataset). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../scripts/lib/pipeline-runner.ts';
import { tempDir } from './temp-helper.ts';

const work = tempDir('eval-runner-test-');

describe('pipeline runner', () => {
  it('runs records as a JSONL dump and reports each article’s primary event (or null)', async () => {
    const runner = await loadPipeline({ workDir: work, cacheDir: null, jobs: 1 });
    expect(typeof runner).not.toBe('string');
    if (typeof runner === 'string') return;
    const run = await runner.runRecords('tiny', [
      { id: 'r1', title: 'Quake', maintext: 'A magnitude 6.1 earthquake struck Lombok on Sunday, killing 14 people, officials said.', date_publish: '2018-07-30', source_domain: 'a.example', url: null },
      { id: 'r2', title: 'Weather', maintext: 'It was sunny.', date_publish: '2018-07-30', source_domain: 'b.example', url: null },
    ]);
    expect([...run.primaryEvents.keys()].sort()).toEqual(['r1', 'r2']);
    expect(run.dataset.sources.map((s) => s.published)).toEqual(['2018-07-30', '2018-07-30']);
    for (const e of run.primaryEvents.values()) expect(e === null || typeof e === 'string').toBe(true);
    expect(run.primaryEvents.get('r2')).toBeNull();
  });
});
