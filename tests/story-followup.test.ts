/**
 * Follow-ups (src/reconcile/stories.ts): a small story published outside a bigger one's
 * window (the sentencing months after a shooting) joins it when it is its nearest story,
 * names a person of that story's cast few articles name, and no date contradicts.
 */
import { describe, expect, it } from 'vitest';
import type { EventMention } from '../src/types.ts';
import { day, doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

// Two reports of a deputy shot in Lakewood (dated), two of a warehouse fire in Palmer, and a
// lone undated report, months later, of the gunman's sentencing.
const SHOT_1 = ['A sheriff deputy was shot and killed in Lakewood on Friday; Jose Orozco was arrested.', 'The deputy had served for six years.'];
const SHOT_2 = ['Lakewood mourns the sheriff deputy shot dead outside his home on Friday.', 'Hundreds attended a vigil for the deputy.'];
const FIRE_1 = ['A fire destroyed the historic Matanuska warehouse in Palmer on Tuesday night.', 'Firefighters fought the blaze until dawn.'];
const FIRE_2 = ['The Matanuska warehouse, a Palmer landmark, burned down overnight.', 'Fire crews said the building was a total loss.'];
const LATER = ['Jose Orozco sentenced to death for killing the Lakewood sheriff deputy.', 'The jury took two days to decide.'];

function fixture(later: { published: string; participants?: string[]; time?: EventMention['time']; type?: EventMention['type'] }) {
  const s1 = doc('s1', { outlet: 'S1', published: '2005-06-25' }, SHOT_1);
  const s2 = doc('s2', { outlet: 'S2', published: '2005-06-26' }, SHOT_2);
  const f1 = doc('f1', { outlet: 'F1', published: '2012-08-08' }, FIRE_1);
  const f2 = doc('f2', { outlet: 'F2', published: '2012-08-08' }, FIRE_2);
  const u = doc('u', { outlet: 'U', published: later.published }, LATER);
  const shot = { type: 'attack' as const, time: day('2005-06-24') };
  const fire = { type: 'disaster' as const, time: day('2012-08-07'), participants: ['Matanuska Maid'] };
  return [
    { d: s1, m: [mention(s1, 0, { ...shot, trigger: 'shot', participants: ['Jerry Ortiz', 'Jose Orozco'] })] },
    { d: s2, m: [mention(s2, 0, { ...shot, trigger: 'shot', participants: ['Jerry Ortiz'] })] },
    { d: f1, m: [mention(f1, 0, { ...fire, trigger: 'fire' })] },
    { d: f2, m: [mention(f2, 0, { ...fire, trigger: 'burned' })] },
    { d: u, m: [mention(u, 0, { type: later.type ?? 'death', trigger: 'killing', participants: later.participants ?? ['Jose Orozco'], time: later.time ?? null })] },
  ];
}

describe('follow-ups', () => {
  it('a later report naming a rare person of the story joins it, and says why', () => {
    const r = run(fixture({ published: '2007-04-04' }));
    expect(r.primaryEvents['s1']).toBe(r.primaryEvents['s2']);
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['s1']);
    expect(r.primaryEvents['f1']).not.toBe(r.primaryEvents['s1']);
    const event = r.events.find((e) => e.id === r.primaryEvents['s1'])!;
    const labels = event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label)).join(' | ');
    expect(labels).toMatch(/follow-up: lead similarity 0\.\d\d to the story's leads, 0\.\d\d to the next, naming jose orozco/);
    expect(r.conflicts).toEqual([]);
  });
  it('the order does not matter: the bigger story may be the follow-up', () => {
    const r = run(fixture({ published: '2004-01-10' }));
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['s1']);
  });
  it('a person many articles name is no evidence (the topic, or two events of one person)', () => {
    const f = fixture({ published: '2007-04-04' });
    f[1]!.m[0]!.participants = ['Jerry Ortiz', 'Jose Orozco'];
    f[2]!.m[0]!.participants = ['Matanuska Maid', 'Jose Orozco'];
    const r = run(f);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['s1']);
  });
  it('a later report naming nobody of the story stays apart', () => {
    const r = run(fixture({ published: '2007-04-04', participants: ['Jane Roe'] }));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['s1']);
  });
  it('a call or a meeting is no follow-up: the same people call and meet again and again', () => {
    const r = run(fixture({ published: '2007-04-04', type: 'meeting' }));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['s1']);
  });
  it('a later report with a date of its own that contradicts the story stays apart (no date conflict is made)', () => {
    const r = run(fixture({ published: '2007-04-04', time: day('2007-03-31') }));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['s1']);
    expect(r.conflicts).toEqual([]);
  });
});
