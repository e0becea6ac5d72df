/**
 * The seed gold file is well-formed (anchors quote the raw sources exactly) and the
 * scorer counts matches, misses, false alarms and trap violations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreAgainstGold, type DatasetLike, type GoldFile, type ScoredEvent } from '../src/reconcile/score.ts';

const gold = JSON.parse(readFileSync('fixtures/seed-gold.json', 'utf8')) as GoldFile;
const sourceText = (id: string): string => readFileSync(`sources/${id}.txt`, 'utf8');

describe('seed gold', () => {
  it('anchors quote the raw text exactly', () => {
    for (const pair of gold.traps.mustNotMerge) {
      for (const d of pair) {
        expect(d.anchor).toBeDefined();
        expect(sourceText(d.anchor!.source).slice(d.anchor!.start, d.anchor!.end)).toBe(d.anchor!.quote);
      }
    }
  });

  it('refers only to its own event keys and the five sources', () => {
    const keys = new Set(gold.events.map((e) => e.key));
    const sources = new Set(['000_d399de622995a746', '001_7830fd96dda5ed9d', '002_9fc321f774faf36d', '003_cd1cb9dd255ad211', '004_3b2c78bd5656ba1c']);
    for (const e of gold.events) for (const s of e.sources) expect(sources.has(s)).toBe(true);
    for (const c of gold.conflicts) expect(keys.has(c.event)).toBe(true);
    for (const f of gold.traps.mustNotFlag) expect(keys.has(f.event)).toBe(true);
    expect(gold.events.filter((e) => !e.optional).every((e) => e.sources.length >= 2)).toBe(true);
  });
});

/** A system dataset that reproduces the gold exactly, with mentions at the anchors. */
function perfect(): DatasetLike & { events: ScoredEvent[] } {
  const anchorsFor = (key: string): string[] => {
    const out: string[] = [];
    for (const pair of gold.traps.mustNotMerge) {
      for (const d of pair) {
        const g = gold.events.find((e) => e.key === key)!;
        if (d.anchor && d.type && d.date === g.date && d.type === g.type) out.push(`${d.anchor.source}:m${d.anchor.start}`);
      }
    }
    return out;
  };
  const events = gold.events.map((g, i) => ({
    id: `ev-${i}`,
    type: g.type,
    date: g.date,
    participants: g.participants,
    sources: g.sources,
    mentions: anchorsFor(g.key),
    mergeReasons: [],
  }));
  const conflicts = gold.conflicts.map((c, i) => ({
    id: `cf-${i}`,
    event: events[gold.events.findIndex((e) => e.key === c.event)]!.id,
    attribute: c.attribute,
    kind: c.kind,
  }));
  return { events, conflicts, sources: [] };
}

/** Required (non-optional) gold events: the seed gold grows when a review finds one it missed. */
const REQUIRED = gold.events.filter((g) => !g.optional).length;

describe('scoreAgainstGold', () => {
  it('a perfect dataset scores 1/1 with no trap violated', () => {
    const report = scoreAgainstGold(perfect(), gold);
    expect(report.events).toMatchObject({ tp: REQUIRED, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(report.conflicts).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.trapsViolated).toEqual([]);
  });

  it('counts a missing event, a spurious multi-source event and a false alarm', () => {
    const data = perfect();
    data.events = data.events.filter((e) => e.date !== '2025-02-18');
    data.events.push({ id: 'ev-x', type: 'attack', date: '2025-03-18', participants: [], sources: ['a', 'b'] });
    const callId = data.events.find((e) => e.date === '2025-03-18' && e.type === 'phone_call')!.id;
    (data.conflicts as { id: string; event: string; attribute: string; kind: string }[]).push({ id: 'cf-x', event: callId, attribute: 'duration', kind: 'contradiction' });
    const report = scoreAgainstGold(data, gold);
    expect(report.events).toMatchObject({ tp: REQUIRED - 1, fp: 1, fn: 1, missed: ['meeting-2025-02-18-saudi-arabia'], spurious: ['ev-x'] });
    expect(report.conflicts.fp).toBe(1);
    expect(report.trapsViolated).toEqual([expect.stringContaining('flagged: call-2025-03-18 duration as contradiction')]);
  });

  it('reports a merge of Feb 12, 2018 and Feb 12, 2025 through the anchors', () => {
    const data = perfect();
    const y2018 = data.events.find((e) => e.date === '2018-02-12')!;
    const y2025 = data.events.find((e) => e.date === '2025-02-12' && e.type === 'phone_call')!;
    y2025.mentions = [...y2025.mentions!, ...y2018.mentions!];
    const report = scoreAgainstGold(data, gold);
    expect(report.trapsViolated).toEqual([expect.stringContaining('Feb 12, 2018 call')]);
  });

  it('maps system source ids to gold ids through source paths', () => {
    const data = perfect();
    data.events = data.events.map((e) => ({ ...e, sources: e.sources.map((s) => `x-${s}`) }));
    const report = scoreAgainstGold({ ...data, sources: gold.events.flatMap((e) => e.sources).map((s) => ({ id: `x-${s}`, path: `sources/${s}.txt` })) }, gold);
    expect(report.events.tp).toBe(REQUIRED);
  });
});
