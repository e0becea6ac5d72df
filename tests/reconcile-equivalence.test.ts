/**
 * Steps rewritten to cost less on big dumps must decide exactly as before: ScoreTable
 * (compare.ts), the candidate pairs' scores read from packed profiles, is `matchScore` of
 * the mentions' profiles for every pair in both orders; outletsDisagree (conflicts.ts),
 * counting each source once, is its pairwise definition; clusterMentions orders links of
 * whole-half scores (counted in an array) as it orders any others.
 */
import { describe, expect, it } from 'vitest';
import { matchScore, profileMention, ScoreTable } from '../src/reconcile/compare.ts';
import { clusterMentions, LinkTable } from '../src/reconcile/cluster.ts';
import { outletsDisagree } from '../src/reconcile/conflicts.ts';
import type { ValueGroup } from '../src/reconcile/merge.ts';
import type { Claim, EventMention, EventType, Modality, TimeValue } from '../src/types.ts';
import { randomInts } from './random-helper.ts';

const TYPES: readonly EventType[] = ['phone_call', 'meeting', 'summit', 'talks', 'attack', 'death', 'arrest', 'election'];
const DATES = ['2025-03-18', '2025-03-19', '2025-03-17', '2025-03', '2025-04', '2025', '2024-03-18', '2024', '2025-12-31', '2026-01-01'];
const ZONES = [null, '', 'Europe/Moscow', 'America/New_York', 'UTC'];
const INSTANTS = [null, '2025-03-18T14:00Z', '2025-03-18T15:00Z', '2025-03-18T14:00:00Z', 'not an instant'];
const CASTS = [[], ['Donald Trump'], ['Donald Trump', 'Vladimir Putin'], ['donald  TRUMP', 'Donald Trump'], ['Vladimir Putin', 'Barack Obama'], ['Barack Obama'], ['Emmanuel Macron', 'Donald Trump', 'Vladimir Putin']];
const PLACES = [null, '', 'Helsinki', 'Helsinki, Finland', 'Finland', 'Hamburg', 'Germany', 'Lagos', 'the White House'];
const MODALITIES: readonly Modality[] = ['actual', 'planned', 'hypothetical', 'negated'];

function randomMentions(seed: number, count: number): EventMention[] {
  const pick = randomInts(seed);
  const one = <T>(list: readonly T[]): T => list[pick(list.length)]!;
  return Array.from({ length: count }, (_, i): EventMention => {
    const date = one([...DATES, null]);
    const utc = one(INSTANTS);
    const time: TimeValue | null =
      date === null && utc === null
        ? null
        : {
            timex: date ?? 'x',
            granularity: 'day',
            date,
            utc,
            known: { year: pick(3) > 0, month: pick(2) > 0, day: pick(2) > 0, time: utc !== null, zone: false },
            zone: one(ZONES),
          };
    return {
      id: `m${i}`,
      source: `a${pick(6)}`,
      start: 0,
      end: 1,
      type: one(TYPES),
      trigger: { start: 0, end: 1 },
      triggerText: 'x',
      sentence: pick(4),
      block: 0,
      participants: [...one(CASTS)],
      time,
      timeSpan: null,
      place: one(PLACES),
      modality: one(MODALITIES),
      attribution: null,
    };
  });
}

describe('ScoreTable', () => {
  it.each([1, 2, 3])('scores every pair of a varied set as matchScore does (seed %i)', (seed) => {
    const mentions = randomMentions(seed, 150);
    const profiles = mentions.map(profileMention);
    const table = new ScoreTable(mentions);
    for (let i = 0; i < mentions.length; i++) {
      for (let j = 0; j < mentions.length; j++) expect(table.score(i, j)).toBe(matchScore(profiles[i]!, profiles[j]!));
    }
  });

  it('tells adjacent days in different zones from other different days', () => {
    const mentions = randomMentions(7, 2);
    const time = (date: string, zone: string): TimeValue => ({
      timex: date,
      granularity: 'day',
      date,
      utc: null,
      known: { year: true, month: true, day: true, time: false, zone: false },
      zone,
    });
    const [a, b] = [mentions[0]!, mentions[1]!];
    const pairs: [TimeValue, TimeValue][] = [
      [time('2025-03-18', 'Europe/Moscow'), time('2025-03-19', 'America/New_York')],
      [time('2025-03-18', 'Europe/Moscow'), time('2025-03-20', 'America/New_York')],
      [time('2025-03-18', 'UTC'), time('2025-03-19', 'UTC')],
    ];
    for (const [x, y] of pairs) {
      const both = [{ ...a, time: x }, { ...b, time: y }];
      const [pa, pb] = both.map(profileMention);
      expect(new ScoreTable(both).score(0, 1)).toBe(matchScore(pa!, pb!));
    }
  });
});

describe('outletsDisagree (conflicts.ts) counts each source once', () => {
  it('agrees with the pairwise definition on random value groups', () => {
    const pick = randomInts(11);
    // The definition it replaced: at least two groups each have a source no other group names.
    const pairwise = (groups: readonly ValueGroup[]): boolean => {
      const sets = groups.map((g) => new Set(g.claims.map((c) => c.source)));
      return sets.filter((own, i) => [...own].some((s) => sets.every((other, j) => j === i || !other.has(s)))).length >= 2;
    };
    for (let round = 0; round < 2000; round++) {
      const groups: ValueGroup[] = Array.from({ length: 1 + pick(5) }, () => ({
        value: { min: 1, max: 1, unit: 'person', qualifier: 'exact' },
        claims: Array.from({ length: 1 + pick(4) }, () => ({ source: `s${pick(6)}` }) as Claim),
      }));
      expect(outletsDisagree(groups)).toBe(pairwise(groups));
    }
  });
});

describe('clusterMentions orders links by score the same way for any scores', () => {
  it('whole halves (counted in an array) and other scores (in a map) give the same clusters and links', () => {
    const mentions = randomMentions(5, 120);
    const pick = randomInts(13);
    const pairs: [number, number, number][] = [];
    for (let a = 0; a < mentions.length; a++) for (let b = a + 1; b < mentions.length; b++) if (pick(6) === 0) pairs.push([a, b, 4 + pick(16) / 2]);
    const table = (shift: number): LinkTable => {
      const links = new LinkTable();
      // A third added to every score keeps their order but makes none a whole number of halves.
      for (const [a, b, score] of pairs) links.add(a, b, score + shift);
      return links;
    };
    const [halves, other] = [clusterMentions(mentions, table(0)), clusterMentions(mentions, table(1 / 3))];
    expect(other.clusters).toEqual(halves.clusters);
    expect(other.applied.map((l) => [l.a, l.b])).toEqual(halves.applied.map((l) => [l.a, l.b]));
    expect(halves.applied.length).toBeGreaterThan(mentions.length / 2);
  });
});
