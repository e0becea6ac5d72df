/**
 * Conflicts flag where OUTLETS disagree: single-article differences, live-blog
 * updates, places without a hierarchy, participant sets. Table-driven, positive and
 * negative cases, on hand-built mentions and claims.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/reconcile/index.ts';
import { outletsDisagree } from '../src/reconcile/conflicts.ts';
import type { ValueGroup } from '../src/reconcile/merge.ts';
import { liveBlogPosts, postAt } from '../src/reconcile/posts.ts';
import { placeRelation } from '../src/reconcile/values.ts';
import type { Claim, EventMention } from '../src/types.ts';
import { at, claim, day, doc, mention, PUTIN, qty, TRUMP, type Doc } from './reconcile-helpers.ts';

const TP = [TRUMP, PUTIN];

function run(parts: { d: Doc; m: EventMention[]; c: Claim[] }[]) {
  return reconcile({ articles: parts.map((p) => p.d.article), events: parts.flatMap((p) => p.m), claims: parts.flatMap((p) => p.c) });
}

// ─── 1. One article is not a discrepancy between outlets ────────────────────

describe('single-article differences are not reported', () => {
  it('"Instead of the planned 30-45 minutes, … lasted 2 hours and 15 minutes": no finding, actual value kept', () => {
    const d = doc('tass', { outlet: 'TASS', published: '2025-03-18' }, [
      'The first meeting took place on July 7, 2017. Instead of the planned 30-45 minutes, the negotiations lasted 2 hours and 15 minutes.',
    ]);
    const e = mention(d, 0, { type: 'meeting', time: day('2017-07-07'), participants: TP, trigger: 'meeting' });
    const r = run([{ d, m: [e], c: [
      claim(d, e, 'duration', qty(30, 45, 'minute', 'range'), '30-45 minutes', { modality: 'planned' }),
      claim(d, e, 'duration', qty(135, 135, 'minute'), '2 hours and 15 minutes'),
    ] }]);
    expect(r.conflicts).toEqual([]);
    expect(r.events[0]!.attributes.duration).toMatchObject({ value: { min: 135, max: 135 }, status: 'single-source' });
  });

  it('a planned time from one outlet vs the actual from another is scheduled-vs-actual, low', () => {
    const a = doc('rt', { outlet: 'RT', published: '2025-03-18' }, ['Their call is scheduled for 1300 GMT on Tuesday.']);
    const b = doc('reu', { outlet: 'Reuters', published: '2025-03-18' }, ['The call started at 10:00 a.m. ET on Tuesday.']);
    const ea = mention(a, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP, modality: 'planned', trigger: 'call' });
    const eb = mention(b, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP, trigger: 'call' });
    const r = run([
      { d: a, m: [ea], c: [claim(a, ea, 'start_time', at('2025-03-18T13:00Z', '13:00', 'GMT'), '1300 GMT')] },
      { d: b, m: [eb], c: [claim(b, eb, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET')] },
    ]);
    expect(r.conflicts.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['start_time', 'scheduled-vs-actual', 'low']]);
  });

  it('… but not when the planning outlet states the actual time too', () => {
    const a = doc('rt', { outlet: 'RT', published: '2025-03-18' }, ['The call, scheduled for 1300 GMT, began at 14:00 GMT.']);
    const b = doc('reu', { outlet: 'Reuters', published: '2025-03-18' }, ['The call started at 10:00 a.m. ET on Tuesday.']);
    const ea = mention(a, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP, trigger: 'call' });
    const eb = mention(b, 0, { type: 'phone_call', time: day('2025-03-18'), participants: TP, trigger: 'call' });
    const r = run([
      { d: a, m: [ea], c: [
        claim(a, ea, 'start_time', at('2025-03-18T13:00Z', '13:00', 'GMT'), '1300 GMT', { modality: 'planned' }),
        claim(a, ea, 'start_time', at('2025-03-18T14:00Z', '14:00', 'GMT'), '14:00 GMT'),
      ] },
      { d: b, m: [eb], c: [claim(b, eb, 'start_time', at('2025-03-18T14:00Z', '10:00', 'America/New_York'), '10:00 a.m. ET')] },
    ]);
    expect(r.conflicts).toEqual([]);
  });

  it.each([
    ['one article, two tolls, no post times', [['a', 12], ['a', 15]], false],
    ['two outlets, 12 vs 15', [['a', 12], ['b', 15]], true],
    ['an outlet with an old figure next to the figure another outlet gives', [['a', 12], ['a', 15], ['b', 15]], false],
    ['a third outlet giving both does not hide a real disagreement', [['a', 12], ['b', 15], ['c', 12], ['c', 15]], true],
  ] as const)('tolls: %s → contradiction %s', (_label, figures, expected) => {
    const ids = [...new Set(figures.map(([s]) => s))];
    const docs = new Map(ids.map((id) => [id, doc(id, { outlet: id.toUpperCase(), published: '2025-04-02' }, [
      `${id === 'a' ? 'An earthquake in Van killed' : id === 'b' ? 'Rescuers say the quake left' : 'Officials counted'} ${figures.filter(([s]) => s === id).map(([, n]) => `${n} people`).join(', or by another count ')} ${id === 'b' ? 'dead in eastern Turkey' : 'on Wednesday'}.`,
    ])]));
    const mentions = new Map(ids.map((id) => [id, mention(docs.get(id)!, 0, { type: 'disaster', time: day('2025-04-02'), place: 'Van', trigger: 'people' })]));
    const r = run(ids.map((id) => ({
      d: docs.get(id)!,
      m: [mentions.get(id)!],
      c: figures.filter(([s]) => s === id).map(([, n]) => claim(docs.get(id)!, mentions.get(id)!, 'count.killed', qty(n, n, 'person'), `${n} people`)),
    })));
    expect(r.events).toHaveLength(1);
    expect(r.conflicts.map((c) => c.kind)).toEqual(expected ? ['contradiction'] : []);
  });

  it.each([
    ['A | B', [['a'], ['b']], true],
    ['A | A', [['a'], ['a']], false],
    ['A | A,B', [['a'], ['a', 'b']], false],
    ['A | B | A,B (each outlet also gives the shared value)', [['a'], ['b'], ['a', 'b']], false],
    ['A,C | B,C', [['a', 'c'], ['b', 'c']], true],
  ] as const)('outletsDisagree %s → %s', (_label, sides, expected) => {
    const groups: ValueGroup[] = sides.map((sources) => ({
      value: 'x',
      claims: sources.map((source) => ({ source }) as Claim),
    }));
    expect(outletsDisagree(groups)).toBe(expected);
  });
});

// ─── 2. Live blogs: post order and outdated reports ─────────────────────────

describe('live-blog posts', () => {
  it.each([
    ['newest first', ['Live: strikes', 'Updated 14:05', '14:05 At least 35 killed.', '09:10 At least 20 killed.'], [[2, 1], [3, 0]]],
    ['oldest first', ['Live', '09:10 First.', '11:45 Second.', '14:05 Third.'], [[1, 0], [2, 1], [3, 2]]],
    ['past midnight, newest first', ['Live', '00:10 Later.', '23:50 Earlier.', '23:30 Earliest.'], [[1, 2], [2, 1], [3, 0]]],
    ['a.m./p.m., list markers, headings', ['Live', '- 9:10 a.m. First.', '### 2:05 p.m. Second.'], [[1, 0], [2, 1]]],
  ] as const)('%s', (_label, lines, expected) => {
    const d = doc('blog', { outlet: 'Blog', published: '2025-05-01' }, lines);
    const posts = liveBlogPosts(d.article)!;
    expect(posts).not.toBeNull();
    for (const [line, order] of expected) expect(postAt(posts, d.lineStarts[line]! + 3)!.order).toBe(order);
  });

  it.each([
    ['one time line only', ['Live', 'Updated 14:05', '14:05 At least 35 killed.']],
    ['times inside sentences', ['The call began at 10:00 and ended at 12:35.', 'Officials met at 14:00.']],
    ['numbers that are not clock times', ['2025 was a year.', '10.5 million people voted.', '24:00 is not a time here']],
  ] as const)('not a live blog: %s', (_label, lines) => {
    expect(liveBlogPosts(doc('x', { outlet: 'X', published: '2025-05-01' }, lines).article)).toBeNull();
  });

  it('text before the first post belongs to no post', () => {
    const d = doc('blog', { outlet: 'Blog', published: '2025-05-01' }, ['Strikes kill at least 35', '14:05 A.', '09:10 B.']);
    expect(postAt(liveBlogPosts(d.article)!, 3)).toBeNull();
  });
});

function liveblog(lines: readonly string[], toll: { line: number; value: ReturnType<typeof qty>; text: string }[], wire?: { value: ReturnType<typeof qty>; text: string }) {
  const blog = doc('live', { outlet: 'City Live', published: '2025-05-01' }, lines);
  const parts = [{
    d: blog,
    m: [] as EventMention[],
    c: [] as Claim[],
  }];
  for (const t of toll) {
    const m = mention(blog, t.line, { type: 'attack', time: day('2025-05-01'), place: 'Dnipro', trigger: 'killed' });
    parts[0]!.m.push(m);
    parts[0]!.c.push(claim(blog, m, 'count.killed', t.value, t.text));
  }
  if (wire) {
    const w = doc('wire', { outlet: 'Eastern Wire', published: '2025-05-01' }, [`Missile strikes on Dnipro on Thursday killed ${wire.text}, the governor said.`]);
    const m = mention(w, 0, { type: 'attack', time: day('2025-05-01'), place: 'Dnipro', trigger: 'strikes' });
    parts.push({ d: w, m: [m], c: [claim(w, m, 'count.killed', wire.value, wire.text)] });
  }
  return run(parts);
}

describe('outdated-report: a live blog replacing its own running value', () => {
  const NEWEST_FIRST = [
    'Live: missile strikes on Dnipro',
    'Updated 14:05',
    '14:05 At least 35 killed in the strikes, the governor said.',
    '13:30 The air raid alert has been going on for more than two hours now.',
    '09:10 At least 20 killed in the strikes on Dnipro this morning, medics say.',
  ];
  it('"at least 20" (09:10) → "at least 35" (14:05), the wire agrees with the latest: outdated-report, low', () => {
    const r = liveblog(NEWEST_FIRST, [
      { line: 2, value: qty(35, null, 'person', 'at-least'), text: 'At least 35 killed' },
      { line: 4, value: qty(20, null, 'person', 'at-least'), text: 'At least 20 killed' },
    ], { value: qty(35, null, 'person', 'at-least'), text: 'at least 35 people' });
    expect(r.events).toHaveLength(1);
    expect(r.conflicts.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['count.killed', 'outdated-report', 'low']]);
    const [c] = r.conflicts;
    expect(c!.values.map((v) => [v.text, v.sources])).toEqual([['At least 20 killed', ['live']], ['At least 35 killed', ['live']]]);
    expect(c!.message).toContain('earlier ≥20');
    expect(c!.message).toContain('latest ≥35');
    expect(r.events[0]!.attributes['count.killed']).toMatchObject({ value: { min: 35, max: null }, status: 'agreed' });
    expect(r.events[0]!.attributes['count.killed']!.claims.every((id) => !id.includes('At least 20'))).toBe(true);
  });

  it('disjoint exact values: the later post wins the canonical value even without a wire', () => {
    const r = liveblog(['Live', '09:10 20 killed so far.', '14:05 35 killed now.'], [
      { line: 1, value: qty(20, 20, 'person'), text: '20 killed' },
      { line: 2, value: qty(35, 35, 'person'), text: '35 killed' },
    ]);
    expect(r.conflicts.map((c) => [c.kind, c.severity])).toEqual([['outdated-report', 'low']]);
    expect(r.events[0]!.attributes['count.killed']!.value).toMatchObject({ min: 35, max: 35 });
  });

  it.each([
    ['the same figure restated later', [[1, 35], [2, 35]], ['Live', '09:10 At least 35 killed.', '14:05 Still at least 35 killed.']],
    ['a later, lower lower bound (a vaguer restatement, not an update)', [[1, 35], [2, 20]], ['Live', '09:10 At least 35 killed.', '14:05 At least 20 killed.']],
    ['no post times: an ordinary article with two figures', [[1, 20], [2, 35]], ['Strikes on Dnipro', 'At least 20 killed, medics said.', 'At least 35 killed, the governor said.']],
  ] as const)('no finding: %s', (_label, figures, lines) => {
    const r = liveblog(lines, figures.map(([line, n]) => ({ line, value: qty(n, null, 'person', 'at-least'), text: `${n} killed` })));
    expect(r.conflicts).toEqual([]);
  });

  it('a wire disagreeing with the blog\'s latest value is still a contradiction between outlets', () => {
    const r = liveblog(NEWEST_FIRST, [
      { line: 2, value: qty(35, 35, 'person'), text: '35 killed' },
      { line: 4, value: qty(20, 20, 'person'), text: '20 killed' },
    ], { value: qty(50, 50, 'person'), text: '50 people' });
    expect(r.conflicts.map((c) => c.kind).sort()).toEqual(['contradiction', 'outdated-report']);
  });
});

// ─── 4. Location without a place hierarchy ──────────────────────────────────

describe('places', () => {
  it.each([
    ['Helsinki', 'Helsinki, Finland', 'same'],
    ['Kiev', 'Kyiv', 'same'],
    ['Ukraine', 'Kyiv', 'unknown'],
    ['Finland', 'Helsinki', 'unknown'],
    ['Elysee Palace', 'Buenos Aires', 'unknown'],
    ['Europe', 'Geneva', 'unknown'],
    ['Hamburg', 'Helsinki', 'different'],
    ['Finland', 'Sweden', 'different'],
  ] as const)('%s / %s → %s', (a, b, relation) => {
    expect(placeRelation(a, b)).toBe(relation);
  });

  function located(places: { id: string; place: string; attribution?: string }[]) {
    return run(places.map((p) => {
      const d = doc(p.id, { outlet: p.id.toUpperCase(), published: '2025-02-18' }, [`Diplomats met in ${p.place} on Tuesday.`]);
      const m = mention(d, 0, { type: 'meeting', time: day('2025-02-18'), participants: ['Marco Rubio', 'Sergey Lavrov'], trigger: 'met' });
      return { d, m: [m], c: [claim(d, m, 'location', p.place, p.place, { attribution: p.attribution ?? null })] };
    }));
  }

  it('a country and its city from two outlets: no conflict, the more specific name is kept', () => {
    const r = located([{ id: 'a', place: 'Ukraine' }, { id: 'b', place: 'Kyiv' }]);
    expect(r.conflicts).toEqual([]);
  });
  it('two cities from independent outlets: a contradiction, medium at most', () => {
    const r = located([{ id: 'a', place: 'Riyadh' }, { id: 'b', place: 'Istanbul' }]);
    expect(r.conflicts.map((c) => [c.attribute, c.kind, c.severity])).toEqual([['location', 'contradiction', 'medium']]);
  });
  it('two cities resting on one origin ("the Kremlin said" in both): no finding', () => {
    const r = located([{ id: 'a', place: 'Riyadh', attribution: 'the Kremlin' }, { id: 'b', place: 'Istanbul', attribution: 'the Kremlin' }]);
    expect(r.conflicts).toEqual([]);
  });
  it('one article naming "Ukraine" in one sentence and "Kyiv" in another: no finding', () => {
    const d = doc('wiki', { outlet: 'Wikipedia', published: '2025-11-01' }, [
      'Trump announced negotiations to end military action in Ukraine.',
      'The talks caused alarm in Kyiv.',
    ]);
    const m1 = mention(d, 0, { type: 'talks', trigger: 'negotiations' });
    const m2 = mention(d, 1, { type: 'talks', trigger: 'talks' });
    const r = run([{ d, m: [m1, m2], c: [claim(d, m1, 'location', 'Ukraine', 'Ukraine'), claim(d, m2, 'location', 'Kyiv', 'Kyiv')] }]);
    expect(r.conflicts).toEqual([]);
  });
});

// ─── 5. Participants: union with provenance ─────────────────────────────────

describe('participants', () => {
  it('two names from one outlet and three from another: the union, per-name provenance, no conflict', () => {
    const a = doc('a', { outlet: 'A', published: '2025-02-18' }, ['Rubio and Lavrov met in Riyadh on Tuesday.']);
    const b = doc('b', { outlet: 'B', published: '2025-02-18' }, ['Rubio, Lavrov and Witkoff met in Riyadh on Tuesday.']);
    const ma = mention(a, 0, { type: 'meeting', time: day('2025-02-18'), participants: ['Marco Rubio', 'Sergey Lavrov'], trigger: 'met' });
    const mb = mention(b, 0, { type: 'meeting', time: day('2025-02-18'), participants: ['Marco Rubio', 'Sergey Lavrov', 'Steve Witkoff'], trigger: 'met' });
    const r = run([
      { d: a, m: [ma], c: [claim(a, ma, 'participants', ['Marco Rubio', 'Sergey Lavrov'], 'Rubio and Lavrov')] },
      { d: b, m: [mb], c: [claim(b, mb, 'participants', ['Marco Rubio', 'Sergey Lavrov', 'Steve Witkoff'], 'Rubio, Lavrov and Witkoff')] },
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.conflicts).toEqual([]);
    const e = r.events[0]!;
    expect(e.participants).toEqual(['Marco Rubio', 'Sergey Lavrov', 'Steve Witkoff']);
    expect(e.attributes.participants).toMatchObject({
      value: ['Marco Rubio', 'Sergey Lavrov', 'Steve Witkoff'],
      status: 'agreed',
      provenance: { 'Marco Rubio': ['a', 'b'], 'Sergey Lavrov': ['a', 'b'], 'Steve Witkoff': ['b'] },
    });
  });

  it('disjoint participant sets are kept apart by matching, not reported as a conflict', () => {
    const a = doc('a', { outlet: 'A', published: '2017-07-07' }, ['Trump and Putin met on Friday.']);
    const b = doc('b', { outlet: 'B', published: '2017-07-07' }, ['Merkel and Macron met on Friday.']);
    const ma = mention(a, 0, { type: 'meeting', time: day('2017-07-07'), participants: TP, trigger: 'met' });
    const mb = mention(b, 0, { type: 'meeting', time: day('2017-07-07'), participants: ['Angela Merkel', 'Emmanuel Macron'], trigger: 'met' });
    const r = run([{ d: a, m: [ma], c: [] }, { d: b, m: [mb], c: [] }]);
    expect(r.events).toHaveLength(2);
    expect(r.conflicts).toEqual([]);
  });
});

// ─── Matching: one sentence, two kinds of event ─────────────────────────────

describe('two kinds of event in one sentence', () => {
  it('"the first call took place on November 14, 2016, following Trump\'s victory in the election" is two events', () => {
    const d = doc('tass', { outlet: 'TASS', published: '2025-03-18' }, [
      'The first telephone conversation took place on November 14, 2016, following the victory in the election.',
    ]);
    const call = mention(d, 0, { type: 'phone_call', time: day('2016-11-14'), participants: TP, trigger: 'telephone' });
    const election = { ...mention(d, 0, { type: 'election', time: day('2016-11-14'), participants: TP, trigger: 'election' }), id: 'tass:m999' };
    const r = run([{ d, m: [call, election], c: [] }]);
    expect(r.events.map((e) => e.type).sort()).toEqual(['election', 'phone_call']);
  });
  it('same family in one sentence still merges ("talks … the summit")', () => {
    const d = doc('x', { outlet: 'X', published: '2018-07-16' }, ['The talks at the summit in Helsinki lasted two hours.']);
    const talks = mention(d, 0, { type: 'talks', time: day('2018-07-16'), participants: TP, trigger: 'talks' });
    const summit = { ...mention(d, 0, { type: 'summit', time: day('2018-07-16'), participants: TP, trigger: 'summit' }), id: 'x:m999' };
    expect(run([{ d, m: [talks, summit], c: [] }]).events).toHaveLength(1);
  });
});
