/**
 * Claim quality rules, table-driven: one attribute name per casualty whatever the
 * wording, participants read as the names written, venue-only location claims,
 * and a zone conversion in parentheses that agrees with its time.
 */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/extract/event/index.ts';
import { buildClaims, casualtyAttribute, joinAsWritten } from '../src/extract/claims.ts';
import type { Claim, QuantityValue, TimeValue } from '../src/types.ts';
import { date, doc, person, place, quantity, time, type MentionSpec } from './event-helpers.ts';

function claimsOf(text: string, specs: MentionSpec[] = []): Claim[] {
  const { seg, mentions } = doc(text, specs);
  const claims = buildClaims(seg, extractEvents(seg, mentions), mentions);
  for (const c of claims) expect(c.evidence.quote).toBe(text.slice(c.evidence.start, c.evidence.end));
  return claims;
}

const people = (n: number, what?: string, qualifier: QuantityValue['qualifier'] = 'exact'): QuantityValue => ({
  min: n, max: qualifier === 'at-least' ? null : n, unit: 'person', qualifier, ...(what ? { what } : {}),
});

describe('casualty counts: one attribute per outcome', () => {
  const rows: [string, MentionSpec, string | null][] = [
    ['Missile strikes killed at least 35 people.', quantity('at least 35 people', people(35, 'people', 'at-least')), 'count.killed'],
    ['The attack, killing 12 people, shocked the city.', quantity('12 people', people(12, 'people')), 'count.killed'],
    ['In the attack 12 people were killed.', quantity('12 people', people(12, 'people')), 'count.killed'],
    ['At least 35 killed in the strikes.', quantity('At least 35 killed', people(35, 'killed', 'at-least')), 'count.killed'],
    ['Earthquake leaves 15 dead.', quantity('15 dead', people(15, 'dead')), 'count.killed'],
    ['The earthquake death toll rose to 15.', quantity('15', { min: 15, max: 15, unit: 'count', qualifier: 'exact' }), 'count.killed'],
    ['In the earthquake at least 12 died.', quantity('at least 12', { min: 12, max: null, unit: 'count', qualifier: 'at-least' }), 'count.killed'],
    ['The earthquake caused 15 deaths.', quantity('15 deaths', { min: 15, max: 15, unit: 'death', qualifier: 'exact', what: 'deaths' }), 'count.killed'],
    ['The attack injured 40 people.', quantity('40 people', people(40, 'people')), 'count.injured'],
    ['After the attack 40 wounded were taken to hospital.', quantity('40 wounded', people(40, 'wounded')), 'count.injured'],
    ['In the attack 40 people were wounded.', quantity('40 people', people(40, 'people')), 'count.injured'],
    // negatives: no casualty wording, or not a casualty event
    ['The attack involved 40 drones.', quantity('40 drones', { min: 40, max: 40, unit: 'drone', qualifier: 'exact', what: 'drones' }), null],
    ['The meeting drew 15 dead-tired delegates.', quantity('15', { min: 15, max: 15, unit: 'count', qualifier: 'exact' }), null],
  ];
  it.each(rows)('%s → %s', (text, spec, expected) => {
    const counts = claimsOf(text, [spec]).filter((c) => c.attribute.startsWith('count.'));
    expect(counts.map((c) => c.attribute)).toEqual(expected ? [expected] : []);
  });

  it.each([
    ['killing', 'killed'], ['dead', 'killed'], ['died', 'killed'], ['deaths', 'killed'],
    ['wounded', 'injured'], ['hurt', 'injured'], ['detained', 'arrested'], ['missing', 'missing'], ['drones', null],
  ])('casualtyAttribute(%s) = %s', (word, expected) => {
    expect(casualtyAttribute(word)).toBe(expected);
  });
});

describe('participants claims read as the names written', () => {
  it.each([
    [['Trump'], 'Trump'],
    [['Trump', 'Putin'], 'Trump and Putin'],
    [['Rubio', 'Lavrov', 'the two'], 'Rubio, Lavrov and the two'],
    [['Putin', 'Putin'], 'Putin'],
  ])('joinAsWritten(%j) = %s', (pieces, expected) => {
    expect(joinAsWritten(pieces)).toBe(expected);
  });

  it('"Vladimir Putin held a separate conversation with Donald Trump" → text "Vladimir Putin and Donald Trump", evidence the covering span', () => {
    const text = 'Vladimir Putin held a separate phone conversation with Donald Trump.';
    const [c] = claimsOf(text, [person('Vladimir Putin', 'Vladimir Putin'), person('Donald Trump', 'Donald Trump')]).filter((x) => x.attribute === 'participants');
    expect(c!.text).toBe('Vladimir Putin and Donald Trump');
    expect(c!.evidence.quote).toBe('Vladimir Putin held a separate phone conversation with Donald Trump');
    expect(c!.value).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('a group phrase is written as such', () => {
    const text = 'Trump and Putin held a phone call on Tuesday.\nThe two leaders discussed the war during the call.';
    const claims = claimsOf(text, [person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Tuesday', '2025-03-18')]);
    expect(claims.filter((c) => c.attribute === 'participants').map((c) => c.text)).toEqual(['Trump and Putin', 'The two leaders']);
  });
});

describe('location claims only for venues', () => {
  it.each([
    ['The two presidents met in Helsinki.', place('Helsinki', 'Helsinki'), 'Helsinki'],
    ['The meeting was held in Helsinki.', place('Helsinki', 'Helsinki'), 'Helsinki'],
    ['Trump announced immediate negotiations to end military action in Ukraine.', place('Ukraine', 'Ukraine'), null],
    ['The demands in the talks have caused alarm in Kyiv.', place('Kyiv', 'Kyiv'), null],
    ['During the call they discussed the situation in Ukraine.', place('Ukraine', 'Ukraine'), null],
  ] as [string, MentionSpec, string | null][])('%s → %s', (text, spec, expected) => {
    const locations = claimsOf(text, [spec]).filter((c) => c.attribute === 'location').map((c) => c.value);
    expect(locations).toEqual(expected ? [expected] : []);
  });
});

describe('zone conversions in parentheses', () => {
  it('"talking since about 10 a.m. ET (1400 GMT)": two start_time claims with one UTC instant', () => {
    const text = 'Trump and Putin held a phone call on Tuesday.\nThe two leaders have been talking since about 10 a.m. ET (1400 GMT).';
    const claims = claimsOf(text, [
      person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Tuesday', '2025-03-18'),
      time('10 a.m. ET', '2025-03-18T14:00Z'), time('1400 GMT', '2025-03-18T14:00Z'),
    ]);
    const starts = claims.filter((c) => c.attribute === 'start_time');
    expect(starts.map((c) => c.text)).toEqual(['10 a.m. ET', '1400 GMT']);
    expect(new Set(starts.map((c) => (c.value as TimeValue).utc))).toEqual(new Set(['2025-03-18T14:00Z']));
    expect(new Set(starts.map((c) => c.event)).size).toBe(1);
  });

  it('an unrelated parenthetical time is not a start time', () => {
    const text = 'The call was planned (the 1400 GMT slot was taken).';
    const claims = claimsOf(text, [time('1400 GMT', '2025-03-18T14:00Z')]);
    expect(claims.filter((c) => c.attribute === 'start_time')).toEqual([]);
  });
});
