/**
 * buildClaims on sentences copied from the seed articles (short excerpts), with
 * hand-built mentions standing in for the time/quantity/entity extractors.
 */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/extract/event/index.ts';
import { buildClaims } from '../src/extract/claims.ts';
import type { Claim } from '../src/types.ts';
import {
  date,
  doc,
  duration,
  minutes,
  org,
  person,
  place,
  quantity,
  time,
  type MentionSpec,
} from './event-helpers.ts';

function claimsOf(text: string, specs: MentionSpec[] = []): Claim[] {
  const { seg, mentions } = doc(text, specs);
  const events = extractEvents(seg, mentions);
  const claims = buildClaims(seg, events, mentions);
  // The span invariant, for every claim of every test.
  for (const c of claims) {
    expect(c.evidence.quote).toBe(text.slice(c.evidence.start, c.evidence.end));
    if (c.attribute === 'participants') {
      // Participants read as the names written ("Trump and Putin"); each is in the quote.
      for (const piece of c.text.split(/, | and /)) expect(c.evidence.quote).toContain(piece);
    } else expect(c.text).toBe(c.evidence.quote);
    expect(c.id).toBe(`a1:${c.evidence.start}-${c.evidence.end}:${c.attribute}`);
    expect(events.some((e) => e.id === c.event)).toBe(true);
  }
  return claims;
}

const pick = (claims: Claim[], attribute: string) => claims.filter((c) => c.attribute === attribute);
const brief = (c: Claim) => ({ attribute: c.attribute, text: c.text, modality: c.modality, attribution: c.attribution });

describe('buildClaims on seed sentences', () => {
  it('"A White House official said the call started at 10:00 a.m. ET." → start_time', () => {
    const claims = claimsOf('A White House official said the call started at 10:00 a.m. ET.', [
      org('White House', 'White House'),
      time('10:00 a.m. ET', '2025-03-18T14:00Z'),
    ]);
    expect(claims.map(brief)).toEqual([{ attribute: 'start_time', text: '10:00 a.m. ET', modality: 'actual', attribution: 'White House official' }]);
    expect(claims[0]!.value).toMatchObject({ utc: '2025-03-18T14:00Z' });
  });

  it('"TASS … said at about 12:35 p.m. ET that it was over." → end_time attributed to TASS', () => {
    const text = 'A White House official said the call started at 10:00 a.m. ET.\nTASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.';
    const claims = claimsOf(text, [
      org('White House', 'White House'),
      org('TASS', 'TASS'),
      time('10:00 a.m. ET', '2025-03-18T14:00Z'),
      time('12:35 p.m. ET', '2025-03-18T16:35Z'),
    ]);
    expect(claims.map(brief)).toEqual([
      { attribute: 'start_time', text: '10:00 a.m. ET', modality: 'actual', attribution: 'White House official' },
      { attribute: 'end_time', text: '12:35 p.m. ET', modality: 'actual', attribution: 'TASS' },
    ]);
    expect(pick(claims, 'end_time')[0]!.value).toMatchObject({ utc: '2025-03-18T16:35Z' });
  });

  it('"The call lasted more than two hours" → duration {120, null}', () => {
    const claims = claimsOf('The call lasted more than two hours', [duration('more than two hours', minutes(120, null, 'more-than'))]);
    expect(claims.map(brief)).toEqual([{ attribute: 'duration', text: 'more than two hours', modality: 'actual', attribution: null }]);
    expect(claims[0]!.value).toMatchObject({ min: 120, max: null, unit: 'minute' });
  });

  it('"The hour-and-a-half conversation held on February 12, 2025, …" → duration 90 and date', () => {
    const text = 'The hour-and-a-half conversation held on February 12, 2025, was the first direct dialogue between the Russian and US leaders.';
    const claims = claimsOf(text, [duration('hour-and-a-half', minutes(90)), date('February 12, 2025', '2025-02-12')]);
    expect(claims.map((c) => [c.attribute, c.text])).toEqual([
      ['duration', 'hour-and-a-half'],
      ['date', 'February 12, 2025'],
    ]);
    expect(pick(claims, 'duration')[0]!.value).toMatchObject({ min: 90, max: 90 });
    expect(pick(claims, 'date')[0]!.value).toMatchObject({ timex: '2025-02-12', granularity: 'day' });
  });

  it('"Their calls scheduled for 1300 GMT" → start_time, planned', () => {
    const claims = claimsOf('Their calls scheduled for 1300 GMT, comes after weeks of intense diplomatic engagement.', [
      time('1300 GMT', '2025-03-18T13:00Z'),
    ]);
    expect(claims.map(brief)).toEqual([{ attribute: 'start_time', text: '1300 GMT', modality: 'planned', attribution: null }]);
  });

  it('"have been talking since about 10 a.m. ET (1400 GMT)" → start_time from both expressions', () => {
    const text = 'President Trump and Vladimir Putin are on a call.\nThe two leaders have been talking since about 10 a.m. ET (1400 GMT).';
    const claims = claimsOf(text, [
      person('Trump', 'Donald Trump'),
      person('Vladimir Putin', 'Vladimir Putin'),
      time('10 a.m. ET', '2025-03-18T14:00Z'),
      time('1400 GMT', '2025-03-18T14:00Z'),
    ]);
    expect(pick(claims, 'start_time').map((c) => [c.text, c.modality])).toEqual([
      ['10 a.m. ET', 'actual'],
      ['1400 GMT', 'actual'],
    ]);
    // "the two leaders" stands for the participants named just before
    expect(pick(claims, 'participants').map((c) => [c.text, c.value])).toEqual([
      ['Trump and Vladimir Putin', ['Donald Trump', 'Vladimir Putin']],
      ['The two leaders', ['Donald Trump', 'Vladimir Putin']],
    ]);
  });

  it('planned 30-45 minutes vs actual 2 hours 15 minutes in one sentence', () => {
    const text =
      'Instead of the planned 30-45 minutes, the negotiations, which also included Russian Foreign Minister Sergey Lavrov and US Secretary of State Rex Tillerson, lasted 2 hours and 15 minutes.';
    const claims = claimsOf(text, [
      duration('30-45 minutes', minutes(30, 45, 'range')),
      person('Sergey Lavrov', 'Sergey Lavrov'),
      person('Rex Tillerson', 'Rex Tillerson'),
      duration('2 hours and 15 minutes', minutes(135)),
    ]);
    expect(pick(claims, 'duration').map((c) => [c.text, c.modality])).toEqual([
      ['30-45 minutes', 'planned'],
      ['2 hours and 15 minutes', 'actual'],
    ]);
  });

  it('"Trump and Putin have been on the call for more than two hours now." → lower-bound duration, actual', () => {
    const claims = claimsOf('Trump and Putin have been on the call for more than two hours now.', [
      person('Trump', 'Donald Trump'),
      person('Putin', 'Vladimir Putin'),
      duration('more than two hours', minutes(120, null, 'more-than')),
    ]);
    expect(pick(claims, 'duration').map((c) => [c.text, c.modality, (c.value as { max: number | null }).max])).toEqual([['more than two hours', 'actual', null]]);
    expect(pick(claims, 'participants')[0]!.value).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('"According to official statements, the conversation lasted about an hour and a half."', () => {
    const text = 'On February 12, 2025, a formal telephone conversation took place between Trump and Putin. According to official statements, the conversation lasted about an hour and a half.';
    const claims = claimsOf(text, [
      date('February 12, 2025', '2025-02-12'),
      person('Trump', 'Donald Trump'),
      person('Putin', 'Vladimir Putin'),
      duration('about an hour and a half', minutes(90, 90, 'about')),
    ]);
    expect(claims.map(brief)).toEqual([
      { attribute: 'date', text: 'February 12, 2025', modality: 'actual', attribution: null },
      { attribute: 'participants', text: 'Trump and Putin', modality: 'actual', attribution: null },
      { attribute: 'duration', text: 'about an hour and a half', modality: 'actual', attribution: 'official statements' },
    ]);
  });

  it('"swap 175 prisoners of war" → count.prisoners_of_war, planned, by the news agency', () => {
    const claims = claimsOf('Russia and Ukraine will swap 175 prisoners of war from each side, the news agency said.', [
      quantity('175 prisoners of war', { min: 175, max: 175, unit: 'prisoners of war', qualifier: 'exact', what: 'prisoners of war' }),
    ]);
    expect(claims.map(brief)).toEqual([{ attribute: 'count.prisoners_of_war', text: '175 prisoners of war', modality: 'planned', attribution: 'news agency' }]);
  });

  it('"strikes that killed 78 people and injured 320 others" → count.killed and count.injured', () => {
    const text = "Washington's support for Israel has made it complicit in the IDF strikes that killed 78 people and injured 320 others in Iran on Friday.";
    const claims = claimsOf(text, [
      quantity('78 people', { min: 78, max: 78, unit: 'people', qualifier: 'exact', what: 'people' }),
      quantity('320 others', { min: 320, max: 320, unit: 'people', qualifier: 'exact', what: 'others' }),
      place('Iran', 'Iran'),
      date('Friday', '2025-06-13'),
    ]);
    expect(claims.map((c) => [c.attribute, c.text])).toEqual([
      ['count.killed', '78 people'],
      ['count.injured', '320 others'],
      ['location', 'Iran'],
      ['date', 'Friday'],
    ]);
  });

  it('does not attach counts about a period ("six meetings") or ungoverned numbers', () => {
    const text = 'During the first term, the leaders held six meetings. The call covered 40 billion euros in aid.';
    const claims = claimsOf(text, [
      quantity('six meetings', { min: 6, max: 6, unit: 'meetings', qualifier: 'exact', what: 'meetings' }),
      quantity('40 billion euros', { min: 4e10, max: 4e10, unit: 'EUR', qualifier: 'exact' }),
    ]);
    expect(claims).toEqual([]);
  });

  it('a value belongs to the nearest trigger before it: the date to the meeting, "in Hamburg" to the summit', () => {
    const text = 'The first meeting between the presidents took place on July 7, 2017, on the sidelines of the G20 summit in Hamburg.';
    const claims = claimsOf(text, [date('July 7, 2017', '2017-07-07'), place('Hamburg', 'Hamburg')]);
    const events = extractEvents(doc(text).seg, []);
    const typeOf = (id: string) => events.find((e) => e.id === id)?.type;
    expect(claims.map((c) => [c.attribute, c.text, typeOf(c.event)])).toEqual([
      ['date', 'July 7, 2017', 'meeting'],
      ['location', 'Hamburg', 'summit'],
    ]);
  });

  it('a date inherited from an earlier sentence is not claimed again', () => {
    const text = 'On February 12, 2025, a formal telephone conversation took place. During the conversation, the leaders discussed Ukraine.';
    const claims = claimsOf(text, [date('February 12, 2025', '2025-02-12')]);
    expect(pick(claims, 'date')).toHaveLength(1);
  });

  it('a time of day with a stated day also dates the event at day granularity', () => {
    const text = 'The call on March 18 started at 10:00 a.m. ET.';
    const claims = claimsOf(text, [
      { phrase: '10:00 a.m. ET', kind: 'time', time: { ...time('x', '2025-03-18T14:00Z').time!, known: { year: false, month: true, day: true, time: true, zone: true } } },
    ]);
    expect(claims.map((c) => [c.attribute, c.text])).toEqual([
      ['date', '10:00 a.m. ET'],
      ['start_time', '10:00 a.m. ET'],
    ]);
    expect(pick(claims, 'date')[0]!.value).toMatchObject({ timex: '2025-03-18', granularity: 'day', utc: null });
  });

  it('an ungoverned time of day is not a start or end time', () => {
    const claims = claimsOf('The call, which Trump mentioned in a post published 9:05 a.m., was long.', [time('9:05 a.m.', '2025-03-18T13:05Z')]);
    expect(claims).toEqual([]);
  });

  it('a statement gets no duration ("For more than two centuries, …")', () => {
    const text = '"For more than two centuries, it has been established that impeachment is not an appropriate response," Roberts said in a statement.';
    const claims = claimsOf(text, [duration('more than two centuries', { min: 73000, max: null, unit: 'day', qualifier: 'more-than' }), person('Roberts', 'John Roberts')]);
    expect(pick(claims, 'duration')).toEqual([]);
  });

  it('an adjectival duration belongs to the trigger it modifies ("30-day ceasefire")', () => {
    const claims = claimsOf('After talks in Jeddah, Zelensky endorsed an unconditional 30-day ceasefire.', [
      duration('30-day', { min: 30, max: 30, unit: 'day', qualifier: 'exact' }),
    ]);
    expect(pick(claims, 'duration').map((c) => [c.text, c.value])).toEqual([['30-day', { min: 30, max: 30, unit: 'day', qualifier: 'exact' }]]);
  });

  it('claims are sorted by position and ids are unique', () => {
    const text = 'Trump and Putin met in Helsinki on July 16, 2018. They spoke one-on-one for more than two hours.';
    const claims = claimsOf(text, [
      person('Trump', 'Donald Trump'),
      person('Putin', 'Vladimir Putin'),
      place('Helsinki', 'Helsinki'),
      date('July 16, 2018', '2018-07-16'),
    ]);
    expect(claims.map((c) => c.attribute)).toEqual(['participants', 'location', 'date']);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });
});
