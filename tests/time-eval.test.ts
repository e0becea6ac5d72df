/**
 * Temporal extraction on the seed articles against hand labels (fixtures/time/seed-labels.json,
 * labelled before measuring): TempEval-3-style relaxed-span and value scores.
 * Labelling guidelines: TimeML DATE/TIME expressions in content text (captions, credits,
 * bios, infobox and "See also" skipped); durations and "now" not labelled; spans leave
 * out leading prepositions; anaphoric ones ("two days before") labelled with their
 * anchored value even though the extractor does not produce them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../src/extract/time/index.ts';
import { scoreTemporal, type ScoredMention } from '../src/extract/time/eval.ts';
import { isBoilerplateLine, makeArticle, splitSentences } from './time-helpers.ts';

const SEEDS = [
  { id: '000_d399de622995a746', published: '2025-03-18', timezone: 'Europe/Moscow' },
  { id: '003_cd1cb9dd255ad211', published: '2025-03-18', timezone: 'America/New_York' },
  { id: '004_3b2c78bd5656ba1c', published: '2025-11-01', timezone: 'UTC' },
];

const gold: ScoredMention[] = JSON.parse(readFileSync('fixtures/time/seed-labels.json', 'utf8'));

const system: ScoredMention[] = SEEDS.flatMap((seed) => {
  const text = readFileSync(`sources/${seed.id}.txt`, 'utf8');
  const article = makeArticle(text, seed.published, seed.timezone, seed.id);
  return extractTimes(article, splitSentences(text, isBoilerplateLine)).map((m) => {
    expect(m.text).toBe(text.slice(m.start, m.end));
    return { source: m.source, start: m.start, end: m.end, text: m.text, value: String(m.value) };
  });
});

describe('temporal extraction on the seeds (hand labels)', () => {
  const score = scoreTemporal(gold, system);
  const pct = (x: number) => (100 * x).toFixed(1);

  it('prints the scores', () => {
    console.log(
      [
        `gold ${score.gold}, system ${score.system}, matched ${score.matched}, value-correct ${score.valueCorrect}`,
        `span  P ${pct(score.span.precision)}  R ${pct(score.span.recall)}  F1 ${pct(score.span.f1)}`,
        `value P ${pct(score.value.precision)}  R ${pct(score.value.recall)}  F1 ${pct(score.value.f1)}  accuracy on matched ${pct(score.valueAccuracy)}`,
        `missed: ${score.missed.map((m) => `${m.source.slice(0, 3)}:"${m.text}"`).join(', ')}`,
        `spurious: ${score.spurious.map((m) => `${m.source.slice(0, 3)}:"${m.text}"=${m.value}`).join(', ')}`,
        `wrong value: ${score.wrongValue.map((w) => `"${w.gold.text}" ${w.gold.value}≠${w.system.value}`).join(', ')}`,
      ].join('\n'),
    );
  });

  it('gold labels quote the sources exactly', () => {
    for (const g of gold) {
      const text = readFileSync(`sources/${g.source}.txt`, 'utf8');
      expect(text.slice(g.start, g.end)).toBe(g.text);
    }
  });

  it('reaches the floors: span F1 ≥ 0.85, value F1 ≥ 0.8', () => {
    expect(score.span.f1).toBeGreaterThanOrEqual(0.85);
    expect(score.value.f1).toBeGreaterThanOrEqual(0.8);
  });
});

describe('scoreTemporal', () => {
  const g = (start: number, end: number, value: string): ScoredMention => ({ source: 's', start, end, value });
  it('matches overlapping spans once, counts equal values', () => {
    const s = scoreTemporal([g(0, 10, 'A'), g(20, 30, 'B'), g(40, 45, 'C')], [g(2, 8, 'A'), g(25, 35, 'X'), g(50, 60, 'D')]);
    expect([s.matched, s.valueCorrect, s.missed.length, s.spurious.length]).toEqual([2, 1, 1, 1]);
    expect(s.span.f1).toBeCloseTo(2 / 3);
    expect(s.value.f1).toBeCloseTo(1 / 3);
  });
  it('does not match across sources or on touching spans', () => {
    const s = scoreTemporal([g(0, 10, 'A')], [{ ...g(0, 10, 'A'), source: 't' }, g(10, 12, 'A')]);
    expect(s.matched).toBe(0);
  });
});
