/**
 * Nearest story (src/reconcile/stories.ts), the evidence and date fit added in round 8:
 * an undated report published alongside the dated story's own first report fits it even
 * out of the event's window; a report that found no place of its own may name the story's
 * place in its lead; the nearest-story pass runs again after the close-stories pass.
 */
import { describe, expect, it } from 'vitest';
import type { EventMention } from '../src/types.ts';
import { day, doc, mention, PALMER_1, PALMER_2, reconcileDocs as run, undatedDoc, WASILLA_1, WASILLA_2 } from './reconcile-helpers.ts';

// Two reports of a warehouse fire in Palmer on August 7 (published on the 10th and 11th),
// two of a church fire in Wasilla, and a lone undated report that reads like the Palmer story.
function fixture(lone: readonly string[], published: string, loneMention: Partial<EventMention>) {
  const p1 = doc('p1', { outlet: 'P1', published: '2012-08-10' }, PALMER_1);
  const p2 = doc('p2', { outlet: 'P2', published: '2012-08-11' }, PALMER_2);
  const w1 = doc('w1', { outlet: 'W1', published: '2008-12-13' }, WASILLA_1);
  const w2 = doc('w2', { outlet: 'W2', published: '2008-12-14' }, WASILLA_2);
  const u = undatedDoc('u', lone, published);
  // The owner is named by three of five articles: a shared cast, not a rare one (no follow-up rule).
  const palmer = { type: 'disaster' as const, time: day('2012-08-07'), participants: ['Matanuska Maid'], place: 'Palmer' };
  const wasilla = { type: 'disaster' as const, time: day('2008-12-12'), participants: ['Wasilla Bible Church'], place: 'Wasilla' };
  return [
    { d: p1, m: [mention(p1, 0, { ...palmer, trigger: 'fire' })] },
    { d: p2, m: [mention(p2, 0, { ...palmer, trigger: 'burned' })] },
    { d: w1, m: [mention(w1, 0, { ...wasilla, trigger: 'fire' })] },
    { d: w2, m: [mention(w2, 0, { ...wasilla, trigger: 'fire' })] },
    { d: u, m: [{ ...mention(u, 1, { type: 'disaster', trigger: 'fire' }), ...loneMention }] },
  ];
}

const LONE = ['Owners of the Matanuska building say it was uninsured.', 'The fire left the town without its oldest warehouse.'];

describe('nearest story: date fit and evidence', () => {
  it("an undated report published with the story's first reports fits it, five days after the event", () => {
    const r = run(fixture(LONE, '2012-08-12', { participants: ['Matanuska Maid'] }));
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['p1']);
  });
  it("but not when it came out more than the window after the story's first report", () => {
    const r = run(fixture(LONE, '2012-08-16', { participants: ['Matanuska Maid'] }));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
  it("a report with no participant or place of its own joins on the story's place named in its lead", () => {
    const lone = ['Owners of the Matanuska building in Palmer say it was uninsured.', 'The fire left the town without its oldest warehouse.'];
    const r = run(fixture(lone, '2012-08-09', {}));
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['p1']);
  });
  it('without that place in its lead it shares no evidence and stays apart', () => {
    const r = run(fixture(LONE, '2012-08-09', {}));
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['p1']);
  });
});
