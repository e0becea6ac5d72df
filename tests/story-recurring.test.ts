/**
 * Nearest story and recurring events (src/reconcile/stories.ts): the same two leaders call
 * each other again and again, so a small story of a call joins a bigger story of a call
 * only when they share two participants, as for pairwise links; one shared participant,
 * place or rare name is no evidence of the same call.
 */
import { describe, expect, it } from 'vitest';
import { day, doc, mention, PUTIN, reconcileDocs as run, TRUMP } from './reconcile-helpers.ts';

// Two calls between the same leaders five weeks apart, three reports each.
const FEBRUARY = [
  ['Trump and Putin hold lengthy phone call on Ukraine peace talks.', 'The leaders agreed that negotiating teams would start work immediately.'],
  ['Trump says he spoke with Putin by phone about ending the war in Ukraine.', 'Both leaders invited each other to visit, the White House said.'],
  ['Putin and Trump discuss Ukraine peace talks in a phone call.', 'Negotiating teams will meet soon, the Kremlin said.'],
];
const MARCH = [
  ['Trump and Putin agree on energy infrastructure ceasefire in phone call.', 'Strikes on power plants and refineries are to stop for thirty days.'],
  ['Putin tells Trump in a call he will halt strikes on energy infrastructure, but not a full ceasefire.', 'The Kremlin said the pause on power plants covers thirty days.'],
  ['Energy infrastructure ceasefire agreed in Trump-Putin phone call.', 'Power plants and refineries will not be targeted for thirty days.'],
];
// A report of a call with no date of its own, published the day after the March call.
const LONE = ['Kremlin: Putin ordered the army to stop striking energy infrastructure after the phone call.', 'Refineries and power plants are spared for thirty days.'];

function fixture(loneParticipants: string[]) {
  const story = (prefix: string, texts: string[][], published: string, date: string) =>
    texts.map((lines, k) => {
      const d = doc(`${prefix}${k + 1}`, { outlet: `${prefix.toUpperCase()}${k + 1}`, published }, lines);
      return { d, m: [mention(d, 0, { type: 'phone_call', trigger: lines[0]!.includes('phone') ? 'phone' : 'call', time: day(date), participants: [TRUMP, PUTIN] })] };
    });
  const lone = doc('u', { outlet: 'U', published: '2025-03-19' }, LONE);
  return {
    february: story('f', FEBRUARY, '2025-02-12', '2025-02-12'),
    march: story('m', MARCH, '2025-03-18', '2025-03-18'),
    lone: { d: lone, m: [mention(lone, 0, { type: 'phone_call', trigger: 'phone', participants: loneParticipants })] },
  };
}

describe('nearest story of a recurring event (a call)', () => {
  it('an undated call report naming one of the two leaders joins neither call', () => {
    const f = fixture([PUTIN]);
    const r = run([...f.february, ...f.march, f.lone]);
    const [february, march] = [r.primaryEvents['f1'], r.primaryEvents['m1']];
    expect(new Set(['f2', 'f3'].map((id) => r.primaryEvents[id]))).toEqual(new Set([february]));
    expect(new Set(['m2', 'm3'].map((id) => r.primaryEvents[id]))).toEqual(new Set([march]));
    expect(february).not.toBe(march);
    expect(r.primaryEvents['u']).not.toBe(february);
    expect(r.primaryEvents['u']).not.toBe(march);
  });
  it('naming both leaders, it joins the call whose dates it fits', () => {
    const f = fixture([PUTIN, TRUMP]);
    const r = run([...f.february, ...f.march, f.lone]);
    expect(r.primaryEvents['u']).toBe(r.primaryEvents['m1']);
    expect(r.primaryEvents['u']).not.toBe(r.primaryEvents['f1']);
  });
});
