/**
 * The real pipeline scored against gold written by reading the articles:
 * the seed dump (fixtures/seed-gold.json) and small multi-outlet dumps
 * (fixtures/reconcile/<case>/expected.json). Prints precision and recall.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import { scoreAgainstGold, type GoldFile } from '../src/reconcile/score.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

async function scoreDump(dir: string, goldFile: string) {
  const ingested = await ingest([dir], { cwd: ROOT });
  const result = await runPipeline(ingested.articles, ingested.problems);
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile;
  return { score: scoreAgainstGold(result.dataset, gold), result };
}

function print(name: string, score: Awaited<ReturnType<typeof scoreDump>>['score']): void {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  console.log(
    `${name}: events P ${pct(score.events.precision)} R ${pct(score.events.recall)} ` +
      `(tp ${score.events.tp}, fp ${score.events.fp}, fn ${score.events.fn}); ` +
      `conflicts P ${pct(score.conflicts.precision)} R ${pct(score.conflicts.recall)} ` +
      `(tp ${score.conflicts.tp}, fp ${score.conflicts.fp}, fn ${score.conflicts.fn}); traps violated ${score.trapsViolated.length}` +
      [...score.events.missed.map((m) => `\n  missed event: ${JSON.stringify(m)}`),
       ...score.conflicts.missed.map((m) => `\n  missed conflict: ${m}`),
       ...score.conflicts.spurious.map((m) => `\n  spurious conflict: ${m}`),
       ...score.trapsViolated.map((m) => `\n  trap: ${m}`)].join(''),
  );
}

describe('seed dump against the reviewer gold', () => {
  it('finds the multi-outlet events and real disagreements, and falls into no trap', async () => {
    const { score } = await scoreDump('sources', path.join(ROOT, 'fixtures/seed-gold.json'));
    print('seed gold', score);
    expect(score.trapsViolated).toEqual([]);
    expect(score.events.recall).toBeGreaterThanOrEqual(0.8);
    expect(score.conflicts.recall).toBeGreaterThanOrEqual(1);
    expect(score.conflicts.precision).toBeGreaterThanOrEqual(0.5);
  });

  it('names the event each article is mainly about', async () => {
    const { result } = await scoreDump('sources', path.join(ROOT, 'fixtures/seed-gold.json'));
    const primary = (stem: string) => {
      const source = result.dataset.sources.find((s) => s.path.includes(stem))!;
      const event = result.dataset.events.find((e) => e.id === source.primaryEvent);
      return event && { type: event.type, date: event.date };
    };
    const march18 = { type: 'phone_call', date: '2025-03-18' };
    expect(primary('000_')).toEqual(march18); // TASS: the call expected "this afternoon"
    expect(primary('001_')).toEqual(march18); // RT: "will hold … on Tuesday"
    expect(primary('003_')).toEqual(march18); // Reuters live blog
    expect(primary('004_')).toEqual({ type: 'phone_call', date: '2025-02-12' }); // Wikipedia
  });
});

const CASES = readdirSync(path.join(ROOT, 'fixtures/reconcile')).sort();

describe.each(CASES)('fixture dump %s', (name) => {
  it('matches its expected events and conflicts', async () => {
    const dir = path.join('fixtures/reconcile', name);
    const { score } = await scoreDump(path.join(dir, 'dump'), path.join(ROOT, dir, 'expected.json'));
    print(name, score);
    expect(score.trapsViolated).toEqual([]);
    expect(score.events.recall).toBe(1);
    expect(score.conflicts.recall).toBe(1);
    expect(score.conflicts.precision).toBe(1);
  });
});
