/**
 * Follow-ups on close leads (src/reconcile/stories.ts): a small story with no date of its
 * own, published outside a bigger story's window (a retrospective a year on), joins it when
 * it is its nearest story and its leads are as close to the story's as CLOSE_LEADS_SIMILARITY,
 * even when it names nobody few articles name. A look-alike that dates an event of its own
 * (a new fire at the same place) stays apart: the date guard, not the leads, tells them apart.
 */
import { describe, expect, it } from 'vitest';
import type { EventMention } from '../src/types.ts';
import { day, doc, mention, PALMER_1, PALMER_2, reconcileDocs as run, WASILLA_1, WASILLA_2 } from './reconcile-helpers.ts';

// Summed-lead similarity to the Palmer story ~0.46 (CLOSE_LEADS_SIMILARITY is 0.35).
const CLOSE = ['A year after fire destroyed the historic Matanuska warehouse, Palmer has lost its landmark for good.', 'Owners said the building was a total loss and will not be rebuilt.'];
// Nearest to the Palmer story by a margin, but only ~0.24.
const LOOSE = ['Owners of the Matanuska building in Palmer say it will not be rebuilt.', 'The town has lost its oldest warehouse.'];

function fixture(lines: readonly string[], time: EventMention['time'] = null, trigger = 'fire') {
  const p1 = doc('p1', { outlet: 'P1', published: '2012-08-08' }, PALMER_1);
  const p2 = doc('p2', { outlet: 'P2', published: '2012-08-08' }, PALMER_2);
  const w1 = doc('w1', { outlet: 'W1', published: '2008-12-13' }, WASILLA_1);
  const w2 = doc('w2', { outlet: 'W2', published: '2008-12-14' }, WASILLA_2);
  // A year later: far outside any window.
  const u = doc('u', { outlet: 'U', published: '2013-08-07' }, lines);
  // The owner is named by three of five articles: a shared cast, not a rare person (no follow-up by name).
  const palmer = { type: 'disaster' as const, time: day('2012-08-07'), participants: ['Matanuska Maid'] };
  const wasilla = { type: 'disaster' as const, time: day('2008-12-12'), participants: ['Wasilla Bible Church'] };
  return [
    { d: p1, m: [mention(p1, 0, { ...palmer, trigger: 'fire' })] },
    { d: p2, m: [mention(p2, 0, { ...palmer, trigger: 'burned' })] },
    { d: w1, m: [mention(w1, 0, { ...wasilla, trigger: 'fire' })] },
    { d: w2, m: [mention(w2, 0, { ...wasilla, trigger: 'fire' })] },
    { d: u, m: [mention(u, 0, { type: 'disaster', trigger, participants: ['Matanuska Maid'], time })] },
  ];
}

function labelsOf(r: ReturnType<typeof run>, id: string): string {
  const event = r.events.find((e) => e.id === r.primaryEvents[id])!;
  return event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label)).join(' | ');
}

describe('follow-ups on close leads', () => {
  it('an undated report a year on whose leads are very close to the story joins it, and says why', () => {
    const r = run(fixture(CLOSE));
    expect(r.primaryEvents['p1']).toBe(r.primaryEvents['p2']);
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['p1']);
    expect(r.primaryEvents['w1']).not.toBe(r.primaryEvents['p1']);
    expect(labelsOf(r, 'p1')).toMatch(/follow-up: lead similarity 0\.\d\d to the story's leads, 0\.\d\d to the next, close leads/);
    expect(r.conflicts).toEqual([]);
  });
  it('merely close leads are not enough out of the window (in it they are)', () => {
    const r = run(fixture(LOOSE, null, 'rebuilt'));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
    const f = fixture(LOOSE, null, 'rebuilt');
    f[4]!.d.article.meta.published = '2012-08-09';
    const inWindow = run(f);
    expect(inWindow.primaryEvents['u']).toBe(inWindow.primaryEvents['p1']);
  });
  it('a look-alike that dates an event of its own (a new fire a year on) stays apart, with no date conflict', () => {
    const r = run(fixture(CLOSE, day('2013-08-06')));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
    expect(r.conflicts).toEqual([]);
  });
  it('a look-alike with a month of its own in another year stays apart', () => {
    const r = run(fixture(CLOSE, day('2013-08')));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
});
