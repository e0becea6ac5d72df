/**
 * Nearest story (src/reconcile/stories.ts), the evidence and date fit added in round 8:
 * an undated report published alongside the dated story's own first report fits it even
 * out of the event's window; a report that found no place of its own may name the story's
 * place in its lead; the nearest-story pass runs again after the close-stories pass.
 */
import { describe, expect, it } from 'vitest';
import type { EventMention } from '../src/types.ts';
import { day, doc, type Doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

function undatedDoc(id: string, published: string | null, lines: readonly string[]): Doc {
  const d = doc(id, { outlet: id.toUpperCase(), published: '2000-01-01' }, lines);
  d.article.meta.published = published;
  return d;
}

// Two reports of a warehouse fire in Palmer on August 7 (published on the 10th and 11th),
// two of a church fire in Wasilla, and a lone undated report that reads like the Palmer story.
const PALMER_1 = ['A fire destroyed the historic Matanuska warehouse in Palmer on Tuesday night.', 'Firefighters from three stations fought the blaze until dawn.'];
const PALMER_2 = ['The Matanuska warehouse, a Palmer landmark, burned down overnight.', 'Fire crews said the building was a total loss.'];
const WASILLA_1 = ['A fire gutted a church in Wasilla on Friday evening.', 'Investigators suspect arson, police said.'];
const WASILLA_2 = ['Arson is suspected in the Wasilla church fire, police said.', 'The congregation will meet in a school.'];

function fixture(lone: readonly string[], published: string, loneMention: Partial<EventMention>) {
  const p1 = doc('p1', { outlet: 'P1', published: '2012-08-10' }, PALMER_1);
  const p2 = doc('p2', { outlet: 'P2', published: '2012-08-11' }, PALMER_2);
  const w1 = doc('w1', { outlet: 'W1', published: '2008-12-13' }, WASILLA_1);
  const w2 = doc('w2', { outlet: 'W2', published: '2008-12-14' }, WASILLA_2);
  const u = undatedDoc('u', published, lone);
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
