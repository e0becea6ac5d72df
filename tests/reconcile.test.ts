/**
 * Reconciliation on hand-built event mentions and claims that mirror the seed dump
 * and the fixtures in fixtures/reconcile/: traps, agreement across units and zones,
 * conflict kinds and severities, id stability with `previous`, determinism.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput, type ReconcileResult } from '../src/reconcile/index.ts';
import { compareMentions, matchScore, MATCH_THRESHOLD, profileMention } from '../src/reconcile/compare.ts';
import { candidatePairs } from '../src/reconcile/blocking.ts';
import { valuesCompatible } from '../src/reconcile/values.ts';
import type { CanonicalEvent, Claim, Dataset, EventMention } from '../src/types.ts';
import { at, claim, day, doc, mention, OBAMA, PUTIN, qty, TRUMP, type Doc } from './reconcile-helpers.ts';

// ─── A seed-like dump: five outlets on the 2025 Trump–Putin calls ───────────

function seedLike() {
  const tass = doc('tass', { outlet: 'TASS', published: '2025-03-18', timezone: 'Europe/Moscow' }, [
    'Putin and Trump are expected to discuss Ukraine during their telephone conversation this afternoon, Peskov said.',
    'A telephone discussion will take place between the presidents.',
    'This will be their second exchange; the first occurred on February 12.',
    'The first meeting took place on July 7, 2017, in Hamburg. Instead of the planned 30-45 minutes, the negotiations lasted 2 hours and 15 minutes.',
    'The presidents met for the third time on July 16, 2018, in Helsinki.',
    'During a conversation on February 12, 2018, the leaders discussed the Palestinian-Israeli settlement.',
    'The hour-and-a-half conversation held on February 12, 2025, was the first direct dialogue.',
  ]);
  const rt = doc('rt', { outlet: 'RT', published: '2025-03-18', timezone: 'Europe/Moscow' }, [
    'Trump-Putin phone call: What has changed since the last time they talked?',
    'Putin and Trump will hold their second direct phone conversation in as many months on Tuesday.',
    'Their calls scheduled for 1300 GMT, comes after weeks of intense diplomatic engagement.',
    "Here's an overview of key developments since Putin and Trump last spoke on February 12.",
    'On February 18, senior diplomats from Russia and the US met in Saudi Arabia.',
  ]);
  const reuters = doc('reuters', { outlet: 'Reuters', published: '2025-03-18', timezone: 'America/New_York' }, [
    'Summary',
    "- President Trump and Vladimir Putin's call is over",
    '- The call lasted more than two hours',
    'A White House official said the call started at 10:00 a.m. ET.',
    'TASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.',
    "Roberts' statement followed Trump's call on Tuesday for the impeachment of U.S. District Judge James Boasberg.",
    'Trump and Putin have been on the call for more than two hours now.',
    'The two met multiple times during Trump\'s first term as president.',
    'Obama held breakfast talks with Putin outside Moscow on July 7, 2009.',
    'A 2018 summit in Helsinki was marked by bonhomie.',
    'The two leaders have been talking since about 10 a.m. ET (1400 GMT).',
    'Peskov said there was a certain understanding based on a phone call they held on February 12.',
  ]);
  const abc = doc('abc', { outlet: 'ABC News', published: '2025-01-25', timezone: 'America/New_York' }, [
    'Both sides have indicated that a cellphone call between Trump and Putin is seen as a first step.',
    'Trump said on Thursday he would like to meet Putin soon.',
    'At a summit with Putin held in Helsinki in 2018, Trump drew bipartisan criticism.',
  ]);
  const wiki = doc('wiki', { outlet: 'Wikipedia', published: '2025-11-01', timezone: 'UTC' }, [
    'The February 2025 Putin–Trump call was a telephone conversation that took place on February 12, 2025.',
    'The conversation is said to have lasted an hour and a half.',
    'According to The Times, the 90-minute conversation was proof of the failure of attempts to isolate Russia.',
    'On February 18, American delegates and Russian delegates met in Saudi Arabia.',
    'Later calls between Putin and Trump were made in March 18, May 19, June 4.',
  ]);
  const TP = [TRUMP, PUTIN];
  const m = {
    tassLead: mention(tass, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP, modality: 'planned' }),
    tassWill: mention(tass, 1, { type: 'phone_call', participants: TP, modality: 'planned' }),
    tassFeb12: mention(tass, 2, { type: 'phone_call', time: day('2025-02-12', { knownYear: false }) }),
    tassHamburg: mention(tass, 3, { type: 'meeting', time: day('2017-07-07'), participants: TP, place: 'Hamburg' }),
    tassHelsinki: mention(tass, 4, { type: 'meeting', time: day('2018-07-16'), participants: TP, place: 'Helsinki' }),
    tassFeb2018: mention(tass, 5, { type: 'phone_call', time: day('2018-02-12'), participants: TP }),
    tassFeb2025: mention(tass, 6, { type: 'phone_call', time: day('2025-02-12'), participants: TP }),
    rtTitle: mention(rt, 0, { type: 'phone_call', participants: TP }),
    rtLead: mention(rt, 1, { type: 'phone_call', time: day('2025-03-18'), participants: TP, modality: 'planned' }),
    rtFeb12: mention(rt, 3, { type: 'phone_call', time: day('2025-02-12', { knownYear: false }), participants: TP }),
    rtSaudi: mention(rt, 4, { type: 'meeting', time: day('2025-02-18', { knownYear: false }), place: 'Saudi Arabia' }),
    reutersOver: mention(reuters, 1, { type: 'phone_call', participants: TP }),
    reutersLasted: mention(reuters, 2, { type: 'phone_call' }),
    reutersStarted: mention(reuters, 3, { type: 'phone_call', time: at('2025-03-18T14:00Z', '10:00', 'America/New_York'), attribution: 'A White House official' }),
    reutersOverAt: mention(reuters, 4, { type: 'phone_call', time: day('2025-03-18'), attribution: 'TASS' }),
    reutersImpeach: mention(reuters, 5, { type: 'statement', time: day('2025-03-18'), participants: [TRUMP, 'James Boasberg'] }),
    reutersNow: mention(reuters, 6, { type: 'phone_call', participants: TP }),
    reutersLookBack: mention(reuters, 7, { type: 'meeting', participants: TP }),
    reutersObama: mention(reuters, 8, { type: 'talks', time: day('2009-07-07'), participants: [OBAMA, PUTIN] }),
    reutersHelsinki: mention(reuters, 9, { type: 'summit', time: day('2018'), place: 'Helsinki' }),
    reutersTalking: mention(reuters, 10, { type: 'phone_call', time: at('2025-03-18T14:00Z', '10:00', 'America/New_York') }),
    reutersFeb12: mention(reuters, 11, { type: 'phone_call', time: day('2025-02-12', { knownYear: false }), participants: TP, attribution: 'Peskov' }),
    abcCall: mention(abc, 0, { type: 'phone_call', participants: TP, modality: 'planned' }),
    abcHelsinki: mention(abc, 2, { type: 'summit', time: day('2018'), participants: TP, place: 'Helsinki' }),
    wikiFeb12: mention(wiki, 0, { type: 'phone_call', time: day('2025-02-12'), participants: TP }),
    wikiLasted: mention(wiki, 1, { type: 'phone_call' }),
    wikiTimes: mention(wiki, 2, { type: 'phone_call', attribution: 'The Times' }),
    wikiSaudi: mention(wiki, 3, { type: 'meeting', time: day('2025-02-18', { knownYear: false }), place: 'Saudi Arabia' }),
    wikiMar18: mention(wiki, 4, { type: 'phone_call', time: day('2025-03-18', { knownYear: false }), participants: TP }),
  };
  const claims: Claim[] = [
    claim(tass, m.tassHamburg, 'duration', qty(30, 45, 'minute', 'range'), '30-45 minutes', { modality: 'planned' }),
    claim(tass, m.tassHamburg, 'duration', qty(135, 135, 'minute'), '2 hours and 15 minutes'),
    claim(tass, m.tassFeb2025, 'duration', qty(90, 90, 'minute'), 'hour-and-a-half'),
    claim(rt, m.rtLead, 'start_time', at('2025-03-18T13:00Z', '13:00', 'GMT'), '1300 GMT', { line: 2 }),
    claim(reuters, m.reutersLasted, 'duration', qty(120, null, 'minute', 'more-than'), 'more than two hours'),
    claim(reuters, m.reutersStarted, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET'),
    claim(reuters, m.reutersOverAt, 'end_time', at('2025-03-18T16:35Z', '12:35', 'America/New_York'), '12:35 p.m. ET'),
    claim(reuters, m.reutersNow, 'duration', qty(120, null, 'minute', 'more-than'), 'more than two hours now'),
    claim(reuters, m.reutersTalking, 'start_time', at('2025-03-18T14:00Z', '14:00', 'GMT'), '1400 GMT'),
    claim(wiki, m.wikiLasted, 'duration', qty(90, 90, 'minute', 'about'), 'an hour and a half'),
    claim(wiki, m.wikiTimes, 'duration', qty(90, 90, 'minute'), '90-minute'),
  ];
  const input: ReconcileInput = { articles: [tass, rt, reuters, abc, wiki].map((d) => d.article), events: Object.values(m), claims };
  const docs: Record<string, Doc> = { tass, rt, reuters, abc, wiki };
  return { input, docs, m };
}

function eventOf(result: ReconcileResult, mentionId: string): CanonicalEvent {
  const event = result.events.find((e) => e.mentions.includes(mentionId));
  if (!event) throw new Error(`no event has ${mentionId}`);
  return event;
}

function together(result: ReconcileResult, a: EventMention, b: EventMention): boolean {
  return eventOf(result, a.id).id === eventOf(result, b.id).id;
}

describe('reconcile: the seed-like dump', () => {
  const { input, m } = seedLike();
  const result = reconcile(input);

  it.each([
    ['TASS lead (planned) + RT lead + Reuters start + Wikipedia "Later calls"', m.tassLead, m.rtLead],
    ['Reuters "call started" joins the 2025-03-18 call', m.tassLead, m.reutersStarted],
    ['Wikipedia "March 18" joins it', m.tassLead, m.wikiMar18],
    ['undated "call is over" joins its article\'s dominant call', m.reutersStarted, m.reutersOver],
    ['undated "on the call for more than two hours now" too', m.reutersStarted, m.reutersNow],
    ['Feb 12 2025 across TASS, RT, Reuters, Wikipedia', m.tassFeb2025, m.rtFeb12],
    ['… and Reuters "a phone call they held on February 12"', m.tassFeb2025, m.reutersFeb12],
    ['… and Wikipedia', m.tassFeb2025, m.wikiFeb12],
    ['undated Wikipedia "lasted an hour and a half" joins the Feb 12 call', m.wikiFeb12, m.wikiLasted],
    ['Helsinki 2018: TASS meeting + Reuters "A 2018 summit in Helsinki"', m.tassHelsinki, m.reutersHelsinki],
    ['Helsinki 2018: + ABC', m.tassHelsinki, m.abcHelsinki],
    ['Saudi Arabia 2025-02-18: RT + Wikipedia', m.rtSaudi, m.wikiSaudi],
  ])('merges: %s', (_label, a, b) => {
    expect(together(result, a, b)).toBe(true);
  });

  it.each([
    ['Feb 12 2018 call ≠ Feb 12 2025 call', m.tassFeb2018, m.tassFeb2025],
    ['Feb 12 2025 call ≠ Mar 18 2025 call (same leaders, weeks apart)', m.tassFeb2025, m.tassLead],
    ['Putin–Obama July 7 2009 ≠ Hamburg July 7 2017', m.reutersObama, m.tassHamburg],
    ['look-back "the two met multiple times" ≠ the current call', m.reutersLookBack, m.reutersStarted],
    ['Trump\'s "call for the impeachment" ≠ the phone call', m.reutersImpeach, m.reutersStarted],
    ['a planned undated call in a January story ≠ the March call', m.abcCall, m.tassLead],
    ['… nor the February call', m.abcCall, m.tassFeb2025],
    ['TASS "a telephone discussion will take place" ≠ the (earlier) Feb 12 call', m.tassWill, m.tassFeb2025],
    ['Hamburg 2017 ≠ Helsinki 2018', m.tassHamburg, m.tassHelsinki],
  ])('keeps apart: %s', (_label, a, b) => {
    expect(together(result, a, b)).toBe(false);
  });

  it('the planned TASS lead keeps its planned mention but the event is dated and titled', () => {
    const call = eventOf(result, m.tassLead.id);
    expect(call.date).toBe('2025-03-18');
    expect(call.type).toBe('phone_call');
    expect(call.title).toBe('Phone call between Donald Trump and Vladimir Putin');
    expect(call.sources).toEqual(['reuters', 'rt', 'tass', 'wiki']);
    expect(together(result, m.tassWill, m.tassLead)).toBe(true);
  });

  it('Helsinki is a summit dated 2018-07-16 in Helsinki', () => {
    const summit = eventOf(result, m.tassHelsinki.id);
    expect(summit).toMatchObject({ type: 'summit', date: '2018-07-16', location: 'Helsinki' });
    expect(summit.title).toBe('Summit between Donald Trump and Vladimir Putin in Helsinki');
    expect(summit.sources).toEqual(['abc', 'reuters', 'tass']);
  });

  it('durations agree across units: "hour-and-a-half", "an hour and a half", "90-minute"', () => {
    const feb = eventOf(result, m.tassFeb2025.id);
    expect(feb.attributes.duration).toMatchObject({ value: { min: 90, max: 90 }, status: 'agreed' });
    expect(feb.attributes.duration!.claims).toHaveLength(3);
    expect(result.conflicts.filter((c) => c.event === feb.id)).toEqual([]);
  });

  it('"more than two hours" fits 10:00–12:35 ET; the planned 1300 GMT is scheduled-vs-actual, low', () => {
    const call = eventOf(result, m.tassLead.id);
    expect(call.attributes.duration).toMatchObject({ value: { min: 120, max: null } });
    expect(call.attributes.start_time!.value).toMatchObject({ utc: '2025-03-18T14:00Z' });
    expect(call.attributes.start_time!.status).not.toBe('conflict');
    const found = result.conflicts.filter((c) => c.event === call.id);
    expect(found.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['start_time', 'scheduled-vs-actual', 'low']]);
    const texts = found[0]!.values.map((v) => v.text).sort();
    expect(texts).toEqual(['10:00 a.m. ET', '1300 GMT']);
    expect(found[0]!.resolution).toBeNull();
  });

  it('the planned 30-45 minutes is not the actual duration (Hamburg: 2 h 15); TASS states both, so no finding', () => {
    const hamburg = eventOf(result, m.tassHamburg.id);
    expect(hamburg.attributes.duration!.value).toMatchObject({ min: 135, max: 135 });
    expect(hamburg.attributes.duration!.modality).toBeUndefined();
    expect(result.conflicts.filter((c) => c.event === hamburg.id)).toEqual([]);
  });

  it('raises no high or medium conflict anywhere on the seed-like dump', () => {
    expect(result.conflicts.filter((c) => c.severity !== 'low')).toEqual([]);
  });

  it('every link above threshold carries labelled reasons', () => {
    const call = eventOf(result, m.tassLead.id);
    expect(call.mergeReasons.length).toBeGreaterThan(0);
    for (const link of call.mergeReasons) {
      expect(link.reasons.length).toBeGreaterThan(0);
      for (const r of link.reasons) {
        // Weight-free labels: the formatter prints `label +w`, so a weight in the label would print twice.
        expect(r.label).not.toMatch(/[:+\u2212]\s*[\d.]+$|: 0$/);
        expect(typeof r.weight).toBe('number');
      }
    }
  });

  it('primary events: each article\'s main story', () => {
    const call = eventOf(result, m.tassLead.id).id;
    expect(result.primaryEvents.tass).toBe(call);
    expect(result.primaryEvents.rt).toBe(call);
    expect(result.primaryEvents.reuters).toBe(call);
    expect(result.primaryEvents.wiki).toBe(eventOf(result, m.tassFeb2025.id).id);
    expect(result.primaryEvents.abc).toBe(eventOf(result, m.abcCall.id).id);
  });

  it('claims point at canonical event ids, in input order', () => {
    const ids = new Set(result.events.map((e) => e.id));
    expect(result.claims.map((c) => c.id)).toEqual(input.claims.map((c) => c.id));
    for (const c of result.claims) expect(ids.has(c.event)).toBe(true);
  });

  it('attributes cite existing claims and conflicts quote raw text', () => {
    const byId = new Map(input.claims.map((c) => [c.id, c]));
    for (const e of result.events) for (const a of Object.values(e.attributes)) for (const id of a.claims) expect(byId.has(id)).toBe(true);
    const texts = new Map(input.articles.map((a) => [a.id, a.text]));
    for (const c of result.conflicts)
      for (const v of c.values) for (const ev of v.evidence) expect(ev.quote).toBe(texts.get(ev.source)!.slice(ev.start, ev.end));
  });
});

// ─── Comparison weights (table-driven) ──────────────────────────────────────

/** "same type phone_call: +2": the table's notation for a weight-free label and its weight. */
function labelWithWeight(r: { label: string; weight: number }): string {
  const w = r.weight === 0 ? '0' : r.weight > 0 ? `+${r.weight}` : `\u2212${-r.weight}`;
  return `${r.label}: ${w}`;
}

describe('compareMentions', () => {
  const a = doc('a', { outlet: 'A', published: '2025-03-18' }, ['x one', 'x two']);
  const b = doc('b', { outlet: 'B', published: '2025-03-18' }, ['y one', 'y two']);
  const TP = [TRUMP, PUTIN];
  it.each([
    ['same call, same day, same people', { type: 'phone_call', time: day('2025-03-18'), participants: TP }, { type: 'phone_call', time: day('2025-03-18'), participants: TP }, true, ['same type phone_call: +2', 'same date 2025-03-18: +4', 'participants 2/2: +3']],
    ['same day+month, different year', { type: 'phone_call', time: day('2018-02-12'), participants: TP }, { type: 'phone_call', time: day('2025-02-12'), participants: TP }, false, ['different year 2018 vs 2025: \u221210']],
    ['weeks apart', { type: 'phone_call', time: day('2025-02-12'), participants: TP }, { type: 'phone_call', time: day('2025-03-18'), participants: TP }, false, ['different date 2025-02-12 vs 2025-03-18: \u22128']],
    ['day vs month compatible', { type: 'phone_call', time: day('2025-03-18'), participants: TP }, { type: 'phone_call', time: day('2025-03'), participants: TP }, true, ['date granularity day vs month compatible: +1']],
    ['same place', { type: 'summit', time: day('2018'), place: 'Helsinki' }, { type: 'summit', time: day('2018-07-16'), place: 'Helsinki', participants: TP }, true, ['same place Helsinki: +2']],
    ['same day, two cities', { type: 'attack', time: day('2025-03-18'), place: 'Lagos' }, { type: 'attack', time: day('2025-03-18'), place: 'Hamburg' }, false, ['different place Lagos vs Hamburg: \u22123']],
    ['same day, two cities, same people', { type: 'meeting', time: day('2025-03-18'), place: 'Lagos', participants: TP }, { type: 'meeting', time: day('2025-03-18'), place: 'Hamburg', participants: TP }, true, ['participants 2/2: +3']],
    ['times agree in UTC', { type: 'phone_call', time: at('2025-03-18T14:00Z', '10:00', 'ET') }, { type: 'phone_call', time: at('2025-03-18T14:00Z', '17:00', 'Europe/Moscow') }, true, ['times agree in UTC 14:00Z: +2']],
    ['different types', { type: 'phone_call', time: day('2025-03-18'), participants: TP }, { type: 'meeting', time: day('2025-03-18'), participants: TP }, false, ['different types phone_call vs meeting: \u22124']],
    ['different counterpart', { type: 'meeting', time: day('2017'), participants: TP }, { type: 'meeting', time: day('2017'), participants: [OBAMA, PUTIN] }, false, ['participants differ Donald Trump vs Barack Obama: \u22123']],
  ] as const)('%s', (_label, x, y, match, labels) => {
    const people = (v: object): string[] => [...((v as { participants?: readonly string[] }).participants ?? [])];
    const result = compareMentions(mention(a, 0, { ...x, participants: people(x) }), mention(b, 0, { ...y, participants: people(y) }));
    expect(result.score >= MATCH_THRESHOLD).toBe(match);
    for (const label of labels) expect(result.reasons.map(labelWithWeight)).toContain(label);
  });

  it('the score of two profiles is the sum of the labelled reasons, for every pair of a varied set', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Event ${i} happened.`);
    const d = doc('mix', { outlet: 'X', published: '2025-03-18' }, lines);
    const types = ['phone_call', 'meeting', 'summit', 'attack'] as const;
    const dates = [day('2025-03-18'), day('2025-03-18', { knownYear: false }), day('2025-03'), day('2025'), day('2024-03-18'), day('2025-03-19', { zone: 'Europe/Moscow' }), day('2025-03-18', { zone: 'America/New_York' }), at('2025-03-18T14:00Z', '10:00', 'ET'), at('2025-03-18T15:00Z', '11:00', 'ET'), null];
    const casts = [[], [TRUMP], [TRUMP, PUTIN], [PUTIN, OBAMA], ['Donald  TRUMP']];
    const places = [null, 'Helsinki', 'Helsinki, Finland', 'Hamburg', 'Finland'];
    const mentions = lines.map((_, i) =>
      mention(i % 3 === 0 ? d : b, i % 3 === 0 ? i % 60 : i % 2, {
        type: types[i % 4]!,
        time: dates[i % dates.length]!,
        participants: casts[i % casts.length]!,
        place: places[(i * 7) % places.length]!,
        modality: i % 5 === 0 ? 'planned' : 'actual',
      }),
    );
    const profiles = mentions.map(profileMention);
    for (let i = 0; i < mentions.length; i++) {
      for (let j = 0; j < mentions.length; j++) {
        const compared = compareMentions(mentions[i]!, mentions[j]!);
        const sum = Math.round(compared.reasons.reduce((s, r) => s + r.weight, 0) * 100) / 100;
        expect(matchScore(profiles[i]!, profiles[j]!)).toBe(compared.score);
        expect(compared.score).toBe(sum);
      }
    }
  });

  it('same article, different sentences: +0.5', () => {
    const r = compareMentions(mention(a, 0, { type: 'phone_call' }), mention(a, 1, { type: 'phone_call' }));
    expect(r.reasons).toContainEqual({ label: 'same article, different sentences', weight: 0.5 });
  });
});

describe('blocking', () => {
  it('compares only within blocks and grows linearly', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `Event ${i} happened.`);
    const d = doc('big', { outlet: 'X', published: '2025-01-01' }, lines);
    const types = ['phone_call', 'meeting', 'attack', 'election'] as const;
    const mentions = lines.map((_, i) =>
      mention(d, i, {
        type: types[i % 4]!,
        time: day(`${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`),
        participants: [`Person ${i % 7}`, `Person ${(i + 3) % 11}`],
      }),
    );
    const pairs = candidatePairs(mentions);
    expect(pairs.length).toBeLessThan(600 * 80);
    expect(pairs.length).toBeLessThan((600 * 599) / 2 / 3);
    for (const [i, j] of pairs) expect(i).toBeLessThan(j);
  });
});

// ─── Values: agreement across units and zones ───────────────────────────────

describe('values', () => {
  it.each([
    ['"an hour and a half" = "90-minute"', qty(90, 90, 'minute'), qty(90, 90, 'minute'), true],
    ['"about 90 minutes" ≈ 95 minutes', qty(90, 90, 'minute', 'about'), qty(95, 95, 'minute'), true],
    ['"more than two hours" fits 155 minutes', qty(120, null, 'minute', 'more-than'), qty(155, 155, 'minute'), true],
    ['"more than two hours" does not fit 90 minutes', qty(120, null, 'minute', 'more-than'), qty(90, 90, 'minute'), false],
    ['planned 30-45 minutes vs 135', qty(30, 45, 'minute', 'range'), qty(135, 135, 'minute'), false],
    ['"at least 12" fits 15', qty(12, null, 'person', 'at-least'), qty(15, 15, 'person'), true],
    ['12 vs 15', qty(12, 12, 'person'), qty(15, 15, 'person'), false],
    ['10:00 ET = 17:00 Moscow', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), at('2025-03-18T14:00Z', '17:00', 'Europe/Moscow'), true],
    ['15:00 GMT ≠ 14:00Z', at('2025-03-18T15:00Z', '15:00', 'GMT'), at('2025-03-18T14:00Z', '10:00', 'America/New_York'), false],
    ['"this afternoon" (date only) contains 14:00Z', day('2025-03-18'), at('2025-03-18T14:00Z', '10:00', 'America/New_York'), true],
    ['Helsinki vs Helsinki, Finland', 'Helsinki', 'Helsinki, Finland', true],
    ['Hamburg vs Helsinki', 'Hamburg', 'Helsinki', false],
  ] as const)('%s', (_label, x, y, ok) => {
    expect(valuesCompatible(x, y)).toBe(ok);
  });
});

// ─── Conflicts: the fixture cases ───────────────────────────────────────────

function disaster(outlets: { id: string; line: string; value: ReturnType<typeof qty>; text: string; attribution?: string }[]) {
  const docs = outlets.map((o) => doc(o.id, { outlet: o.id.toUpperCase(), published: '2025-04-02' }, [o.line]));
  const events = docs.map((d) => mention(d, 0, { type: 'disaster', time: day('2025-04-02'), place: 'Van' }));
  const claims = outlets.map((o, i) => claim(docs[i]!, events[i]!, 'count.dead', o.value, o.text, { attribution: o.attribution ?? null }));
  return reconcile({ articles: docs.map((d) => d.article), events, claims });
}

describe('conflicts: death tolls (fixture earthquake-tolls)', () => {
  it('12 vs 15 from independent outlets is a high contradiction; "at least 12" agrees with both', () => {
    const r = disaster([
      { id: 'a', line: 'An earthquake in Van killed 12 people on Wednesday, the governor said.', value: qty(12, 12, 'person'), text: '12 people', attribution: 'the governor' },
      { id: 'b', line: 'Rescuers said 15 people died when the quake struck eastern Turkey.', value: qty(15, 15, 'person'), text: '15 people', attribution: 'rescuers' },
      { id: 'c', line: 'At least 12 were killed as buildings collapsed.', value: qty(12, null, 'person', 'at-least'), text: 'At least 12' },
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.conflicts).toHaveLength(1);
    const [c] = r.conflicts;
    expect(c).toMatchObject({ attribute: 'count.dead', kind: 'contradiction', severity: 'high' });
    expect(c!.values.flatMap((v) => v.sources).sort()).toEqual(['a', 'b']);
    expect(r.events[0]!.attributes['count.dead']!.status).toBe('conflict');
    expect(c!.id).toMatch(/^cf-[0-9a-f]{12}$/);
  });

  it('no conflict when all agree', () => {
    const r = disaster([
      { id: 'a', line: 'The quake killed 12 people.', value: qty(12, 12, 'person'), text: '12 people' },
      { id: 'b', line: 'Officials counted twelve dead after the quake.', value: qty(12, 12, 'person'), text: 'twelve dead' },
      { id: 'c', line: 'At least 12 were killed.', value: qty(12, null, 'person', 'at-least'), text: 'At least 12' },
    ]);
    expect(r.conflicts).toEqual([]);
    expect(r.events[0]!.attributes['count.dead']).toMatchObject({ value: { min: 12, max: 12 }, status: 'agreed' });
  });

  it('two copies of one text never conflict with each other', () => {
    const r = disaster([
      { id: 'a', line: 'The earthquake in the eastern province of Van killed 12 people on Wednesday morning, officials said.', value: qty(12, 12, 'person'), text: '12 people' },
      { id: 'b', line: 'The earthquake in the eastern province of Van killed 15 people on Wednesday morning, officials said.', value: qty(15, 15, 'person'), text: '15 people' },
    ]);
    expect(r.conflicts).toEqual([]);
  });

  it('the same attribution in two outlets is one origin: medium, not high', () => {
    const r = disaster([
      { id: 'a', line: 'The quake killed 12 people, the Kremlin said.', value: qty(12, 12, 'person'), text: '12 people', attribution: 'the Kremlin' },
      { id: 'b', line: 'According to the Kremlin, 15 people died in the disaster.', value: qty(15, 15, 'person'), text: '15 people', attribution: 'the Kremlin' },
    ]);
    expect(r.conflicts.map((c) => [c.kind, c.severity])).toEqual([['contradiction', 'medium']]);
  });
});

function summit(times: { id: string; value: ReturnType<typeof at>; text: string; line: string }[]) {
  const docs = times.map((t) => doc(t.id, { outlet: t.id.toUpperCase(), published: '2025-06-10' }, [t.line]));
  const events = docs.map((d) => mention(d, 0, { type: 'summit', time: day('2025-06-10'), participants: ['Leader A', 'Leader B'], place: 'Geneva' }));
  const claims = times.map((t, i) => claim(docs[i]!, events[i]!, 'start_time', t.value, t.text));
  return reconcile({ articles: docs.map((d) => d.article), events, claims });
}

describe('conflicts: start times in different zones (fixture summit-timezones)', () => {
  const et = { id: 'us', value: at('2025-06-10T14:00Z', '10:00', 'America/New_York'), text: '10:00 a.m. ET', line: 'The summit began at 10:00 a.m. ET.' };
  const msk = { id: 'ru', value: at('2025-06-10T14:00Z', '17:00', 'Europe/Moscow'), text: '17:00 Moscow time', line: 'Talks opened at 17:00 Moscow time.' };
  it('10:00 ET and 17:00 Moscow time agree on 14:00Z', () => {
    const r = summit([et, msk]);
    expect(r.conflicts).toEqual([]);
    expect(r.events[0]!.attributes.start_time).toMatchObject({ value: { utc: '2025-06-10T14:00Z' }, status: 'agreed' });
  });
  it('a third outlet saying 15:00 GMT is a high contradiction', () => {
    const r = summit([et, msk, { id: 'uk', value: at('2025-06-10T15:00Z', '15:00', 'GMT'), text: '15:00 GMT', line: 'The leaders sat down at 15:00 GMT.' }]);
    expect(r.conflicts.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['start_time', 'contradiction', 'high']]);
    expect(r.conflicts[0]!.values[0]!.sources).toEqual(['ru', 'us']); // the better-supported side first
  });
  it('the same wall time read in another zone is a different-time-reference', () => {
    const r = summit([et, { id: 'uk', value: at('2025-06-10T10:00Z', '10:00', 'UTC', { knownZone: false }), text: '10:00', line: 'Leaders sat down in Geneva from 10:00, officials said.' }]);
    expect(r.conflicts.map((c) => [c.kind, c.severity])).toEqual([['different-time-reference', 'medium']]);
  });
});

describe('conflicts: a live blog updating a count (fixture liveblog-toll)', () => {
  const blog = doc('blog', { outlet: 'Live', published: '2025-05-01' }, [
    'Live: strikes on the city',
    '09:10 At least 20 killed in the strikes, medics say.',
    '11:45 At least 35 killed in the strikes, according to the health ministry.',
    '12:00 The strikes have been going on for more than two hours now.',
    '13:30 The strikes lasted more than two hours in all.',
  ]);
  const e1 = mention(blog, 1, { type: 'attack', time: day('2025-05-01') });
  const e2 = mention(blog, 2, { type: 'attack', time: day('2025-05-01') });
  const e3 = mention(blog, 3, { type: 'attack' });
  const e4 = mention(blog, 4, { type: 'attack' });
  it('a rising "at least" count is an outdated-report, low; the running duration is no finding', () => {
    const r = reconcile({
      articles: [blog.article],
      events: [e1, e2, e3, e4],
      claims: [
        claim(blog, e1, 'count.killed', qty(20, null, 'person', 'at-least'), 'At least 20 killed'),
        claim(blog, e2, 'count.killed', qty(35, null, 'person', 'at-least'), 'At least 35 killed'),
        claim(blog, e3, 'duration', qty(120, null, 'minute', 'more-than'), 'more than two hours now'),
        claim(blog, e4, 'duration', qty(120, null, 'minute', 'more-than'), 'more than two hours'),
      ],
    });
    expect(r.events).toHaveLength(1);
    expect(r.conflicts.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['count.killed', 'outdated-report', 'low']]);
    expect(r.events[0]!.attributes['count.killed']!.value).toMatchObject({ min: 35, max: null });
  });
  it('disjoint exact values in one article are an outdated-report too, not a contradiction', () => {
    const r = reconcile({
      articles: [blog.article],
      events: [e1, e2],
      claims: [
        claim(blog, e1, 'count.killed', qty(20, 20, 'person'), '20 killed'),
        claim(blog, e2, 'count.killed', qty(35, 35, 'person'), '35 killed'),
      ],
    });
    expect(r.conflicts.map((c) => [c.kind, c.severity])).toEqual([['outdated-report', 'low']]);
  });
});

describe('conflicts: duration against start and end times', () => {
  it('"lasted 30 minutes" (one outlet) contradicts 10:00–12:35 ET (another)', () => {
    const d = doc('d', { outlet: 'D', published: '2025-03-18' }, ['The call started at 10:00 a.m. ET and ended at 12:35 p.m. ET.']);
    const f = doc('f', { outlet: 'F', published: '2025-03-18' }, ['The phone call on Tuesday lasted 30 minutes.']);
    const e = mention(d, 0, { type: 'phone_call', time: day('2025-03-18'), participants: [TRUMP, PUTIN] });
    const g = mention(f, 0, { type: 'phone_call', time: day('2025-03-18'), participants: [TRUMP, PUTIN], trigger: 'phone' });
    const r = reconcile({
      articles: [d.article, f.article],
      events: [e, g],
      claims: [
        claim(d, e, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET'),
        claim(d, e, 'end_time', at('2025-03-18T16:35Z', '12:35', 'America/New_York'), '12:35 p.m. ET'),
        claim(f, g, 'duration', qty(30, 30, 'minute'), '30 minutes'),
      ],
    });
    expect(r.conflicts.map((c) => [c.attribute, c.kind])).toEqual([['duration', 'contradiction']]);
  });
  it('one article giving all three is its own business: no finding', () => {
    const d = doc('d', { outlet: 'D', published: '2025-03-18' }, ['The call started at 10:00 a.m. ET, ended at 12:35 p.m. ET and lasted 30 minutes.']);
    const e = mention(d, 0, { type: 'phone_call', time: day('2025-03-18'), participants: [TRUMP, PUTIN] });
    const r = reconcile({
      articles: [d.article],
      events: [e],
      claims: [
        claim(d, e, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET'),
        claim(d, e, 'end_time', at('2025-03-18T16:35Z', '12:35', 'America/New_York'), '12:35 p.m. ET'),
        claim(d, e, 'duration', qty(30, 30, 'minute'), '30 minutes'),
      ],
    });
    expect(r.conflicts).toEqual([]);
  });
});

// ─── Undated mentions ───────────────────────────────────────────────────────

describe('undated mentions need strong evidence', () => {
  const TP = [TRUMP, PUTIN];
  const a = doc('a', { outlet: 'A', published: '2025-03-18' }, ['Trump and Putin spoke by phone on Tuesday.', 'x']);
  const b = doc('b', { outlet: 'B', published: '2025-03-19' }, ['Analysis: what Trump and Putin agreed in their phone call.']);
  const c = doc('c', { outlet: 'C', published: '2025-03-20' }, ['Trump and Putin talk by phone again on Thursday.']);
  const dated = mention(a, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP });
  const undated = mention(b, 0, { type: 'phone_call', participants: TP, trigger: 'phone' });
  it('joins the only call with those participants within ±3 days of publication', () => {
    const r = reconcile({ articles: [a.article, b.article], events: [dated, undated], claims: [] });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.mergeReasons[0]!.reasons.map((x) => x.label).join(' | ')).toContain('no date; the only phone_call');
  });
  it('stays apart when two such calls are in the window', () => {
    const other = mention(c, 0, { type: 'phone_call', time: day('2025-03-20'), participants: TP });
    const r = reconcile({ articles: [a.article, b.article, c.article], events: [dated, undated, other], claims: [] });
    expect(r.events).toHaveLength(3);
    expect(r.events.find((e) => e.mentions.includes(undated.id))!.date).toBeNull();
  });
  it('stays apart with a single participant', () => {
    const lone = mention(b, 0, { type: 'phone_call', participants: [TRUMP], trigger: 'phone' });
    const r = reconcile({ articles: [a.article, b.article], events: [dated, lone], claims: [] });
    expect(r.events).toHaveLength(2);
  });

  describe('a headline is today\'s news, not a stale event recalled in the body', () => {
    const d = doc('h', { outlet: 'H', published: '2009-02-03' }, [
      'CHARGERS RECEIVER ARRESTED',
      'Jamal Williams was arrested early Sunday on suspicion of drunk driving.',
      'He is the second Charger in a month.',
      'Vincent Jackson was arrested Jan. 6 on a similar charge.',
    ]);
    const headline = mention(d, 0, { type: 'arrest', trigger: 'ARRESTED' });
    const williams = mention(d, 1, { type: 'arrest', trigger: 'arrested', participants: ['Jamal Williams'] });
    const jackson = mention(d, 3, { type: 'arrest', trigger: 'arrested', time: day('2009-01-06'), participants: ['Vincent Jackson'] });
    const eventOf = (r: ReconcileResult, m: EventMention): string | undefined => r.events.find((e) => e.mentions.includes(m.id))?.id;
    it('does not join the stale event when the article tells of a newer one of the same kind', () => {
      const r = reconcile({ articles: [d.article], events: [headline, williams, jackson], claims: [] });
      expect(eventOf(r, headline)).not.toBe(eventOf(r, jackson));
      expect(r.primaryEvents['h']).not.toBe(eventOf(r, jackson));
    });
    it('still joins the article\'s dated event when nothing newer of its kind is told', () => {
      const r = reconcile({ articles: [d.article], events: [headline, jackson], claims: [] });
      expect(eventOf(r, headline)).toBe(eventOf(r, jackson));
    });
  });

  describe('an event the article recalls deep in its body is not what its undated mentions report', () => {
    const lines = [
      'Posted 11/27/2005',
      'A strong earthquake struck southern Iran on Sunday.',
      'The quake was felt across the Gulf.',
      'Villagers slept in tents.',
      'Aid workers arrived by boat.',
      'Several buildings collapsed.',
      'A quake in February killed more than 600 people in Kerman province.',
    ];
    const d = doc('q', { outlet: 'Q', published: '2005-11-27' }, lines);
    const eventOf = (r: ReconcileResult, m: EventMention): string | undefined => r.events.find((e) => e.mentions.includes(m.id))?.id;
    const today = mention(d, 2, { type: 'disaster', trigger: 'quake' });
    it('undated mentions do not join a background event first named past the opening', () => {
      const february = mention(d, 6, { type: 'disaster', trigger: 'quake', time: day('2005-02-22') });
      const r = reconcile({ articles: [d.article], events: [today, february], claims: [] });
      expect(eventOf(r, today)).not.toBe(eventOf(r, february));
      expect(r.primaryEvents['q']).toBe(eventOf(r, today));
    });
    it('they still join it when the article names it at the top (a verdict on last year\'s shooting)', () => {
      const d2 = doc('q2', { outlet: 'Q', published: '2005-11-27' }, [...lines.slice(0, 2), 'The February quake killed more than 600 people.', ...lines.slice(3)]);
      const headline = mention(d2, 1, { type: 'disaster', trigger: 'earthquake' });
      const february = mention(d2, 2, { type: 'disaster', trigger: 'quake', time: day('2005-02-22') });
      const r = reconcile({ articles: [d2.article], events: [headline, february], claims: [] });
      expect(eventOf(r, headline)).toBe(eventOf(r, february));
    });
  });
});

// ─── Ids and determinism ────────────────────────────────────────────────────

function asDataset(result: ReconcileResult): Dataset {
  return { version: 1, sources: [], events: result.events, stories: result.stories, conflicts: result.conflicts, problems: [] };
}

describe('stable ids', () => {
  it('event ids survive a new article that refines the event (with `previous`)', () => {
    const { input, m } = seedLike();
    const first = reconcile(input);
    const late = doc('late', { outlet: 'AP', published: '2025-03-19', timezone: 'America/New_York' }, [
      'Trump, Putin and Peskov were on the phone call that began at 10:00 a.m. ET on March 18.',
    ]);
    const lateCall = mention(late, 0, { type: 'phone_call', time: at('2025-03-18T14:00Z', '10:00', 'America/New_York'), participants: [TRUMP, PUTIN, 'Dmitry Peskov'], trigger: 'phone' });
    const second = reconcile({
      ...input,
      articles: [...input.articles, late.article],
      events: [...input.events, lateCall],
      claims: [...input.claims, claim(late, lateCall, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET')],
      previous: asDataset(first),
    });
    const before = eventOf(first, m.tassLead.id);
    const after = eventOf(second, m.tassLead.id);
    expect(after.participants).toContain('Dmitry Peskov');
    expect(after.mentions).toContain(lateCall.id);
    expect(after.id).toBe(before.id);
    for (const e of first.events) expect(second.events.map((x) => x.id)).toContain(e.id);
    // Without `previous` the id would follow the new participants.
    const fresh = reconcile({ ...input, articles: [...input.articles, late.article], events: [...input.events, lateCall] });
    expect(eventOf(fresh, m.tassLead.id).id).not.toBe(before.id);
  });

  it('conflict ids derive from event id + attribute', () => {
    const { input } = seedLike();
    const r = reconcile(input);
    const ids = r.conflicts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^cf-[0-9a-f]{12}$/);
    for (const id of r.events.map((e) => e.id)) expect(id).toMatch(/^ev-[0-9a-f]{12}$/);
  });
});

describe('determinism', () => {
  it('same input in another order gives the same events, conflicts and primary events', () => {
    const { input } = seedLike();
    const a = reconcile(input);
    const b = reconcile({ ...input, events: [...input.events].reverse(), claims: [...input.claims].reverse(), articles: [...input.articles].reverse() });
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(JSON.stringify(b.conflicts)).toBe(JSON.stringify(a.conflicts));
    expect(JSON.stringify(b.primaryEvents)).toBe(JSON.stringify(a.primaryEvents));
  });
  it('two runs are identical', () => {
    const { input } = seedLike();
    expect(JSON.stringify(reconcile(input))).toBe(JSON.stringify(reconcile(input)));
  });
});
