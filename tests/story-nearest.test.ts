/**
 * Nearest story (src/reconcile/stories.ts): a story of one to three articles left over
 * after pairwise linking joins the one bigger story its leads are clearly closest to,
 * with a shared participant, place or rare name, when no date or cast contradicts.
 */
import { describe, expect, it } from 'vitest';
import type { EventMention } from '../src/types.ts';
import { day, doc, mention, PALMER_1, PALMER_2, reconcileDocs as run, undatedDoc, WASILLA_1, WASILLA_2 } from './reconcile-helpers.ts';

// Two reports of a warehouse fire in Palmer (dated), two of a dairy fire in Wasilla (dated
// another day), and a lone undated report that reads like the Palmer story.
const LONE = ['Owners of the Matanuska building say it was uninsured.', 'The fire left the town without its oldest warehouse.'];

function fixture(loneMention: Partial<EventMention> = {}) {
  const p1 = doc('p1', { outlet: 'P1', published: '2012-08-08' }, PALMER_1);
  const p2 = doc('p2', { outlet: 'P2', published: '2012-08-08' }, PALMER_2);
  const w1 = doc('w1', { outlet: 'W1', published: '2008-12-13' }, WASILLA_1);
  const w2 = doc('w2', { outlet: 'W2', published: '2008-12-14' }, WASILLA_2);
  const lone = undatedDoc('u', LONE);
  // Each owner is named by three articles: evidence of a shared cast, not a rare one.
  const palmer = { type: 'disaster' as const, time: day('2012-08-07'), participants: ['Matanuska Maid'] };
  const wasilla = { type: 'disaster' as const, time: day('2008-12-12'), participants: ['Wasilla Bible Church'] };
  return {
    p1: { d: p1, m: [mention(p1, 0, { ...palmer, trigger: 'fire' })] },
    p2: { d: p2, m: [mention(p2, 0, { ...palmer, trigger: 'burned' })] },
    w1: { d: w1, m: [mention(w1, 0, { ...wasilla, trigger: 'fire' })] },
    w2: { d: w2, m: [mention(w2, 0, { ...wasilla, trigger: 'fire' })] },
    u: { d: lone, m: [{ ...mention(lone, 1, { type: 'disaster', trigger: 'fire', participants: ['Matanuska Maid'] }), ...loneMention }] },
  };
}

describe('nearest story', () => {
  it('a lone undated report joins the bigger story its lead is clearly closest to, and says why', () => {
    const f = fixture();
    const r = run([f.p1, f.p2, f.w1, f.w2, f.u]);
    expect(r.primaryEvents['p1']).toBe(r.primaryEvents['p2']);
    expect(r.primaryEvents['w1']).toBe(r.primaryEvents['w2']);
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['p1']);
    const event = r.events.find((e) => e.id === r.primaryEvents['p1'])!;
    const labels = event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label)).join(' | ');
    expect(labels).toMatch(/nearest story: lead similarity 0\.\d\d to the story's leads, 0\.\d\d to the next/);
  });
  it('a story of one article is no target: the report must join a story several articles tell', () => {
    const f = fixture();
    // A third article naming the owner keeps it a common name (no pairwise rare-participant link).
    f.w1.m[0]!.participants = ['Wasilla Bible Church', 'Matanuska Maid'];
    const r = run([f.p1, f.w1, f.w2, f.u]);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
  it('a report whose cast shares nobody with the story stays apart', () => {
    const f = fixture({ participants: ['Jane Roe'] });
    f.p1.m[0]!.participants = ['John Doe'];
    f.p2.m[0]!.participants = ['John Doe'];
    const r = run([f.p1, f.p2, f.w1, f.w2, f.u]);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
  it('a report published well after the story dates stays apart', () => {
    const f = fixture();
    f.u.d.article.meta.published = '2012-09-30';
    const r = run([f.p1, f.p2, f.w1, f.w2, f.u]);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
  it('a report as close to two stories joins neither', () => {
    const f = fixture();
    const both = undatedDoc('u', ['Owners of the Matanuska warehouse and of the Wasilla church say both were uninsured.', 'Insurers declined to comment on either fire.']);
    const u = { d: both, m: [mention(both, 1, { type: 'disaster', trigger: 'fire', participants: ['Matanuska Maid', 'Wasilla Bible Church'] })] };
    const r = run([f.p1, f.p2, f.w1, f.w2, u]);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['w1']);
  });
});
