/**
 * The nearest-story pass again (src/reconcile/stories.ts): it runs a second time after the
 * close-stories pass, so a small story that was as close to two stories (no margin) joins
 * them once those two are one: an arrest report, as close to a trial's opening as to its
 * verdict, joins the trial's story once the opening and the verdict have joined.
 */
import { describe, expect, it } from 'vitest';
import { day, doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

// As in story-close.test.ts: a trial's first day (dated) and its verdict (undated), joined only
// by the close-stories pass (each pair of their reports shares too few words).
const T1 = ['The trial of two men charged in the Brownsville rooftop shooting opened in Brooklyn on Thursday.', 'Jurors were shown video of the gunfire that killed the mother.'];
const T2 = ['Jurors watched video of the Brownsville rooftop gunfire as the trial opened.', 'Prosecutors say the two men fired from a roof at rivals.'];
const V1 = ['A jury found a gang member guilty of killing a Brooklyn mother of twelve.', 'The mother was caught in crossfire from a rooftop, prosecutors said.'];
const V2 = ['Guilty verdict for the gang member who shot a Brownsville mother of twelve in crossfire.', 'Jurors deliberated two days after prosecutors showed video of the gunfire.'];
// Summed-lead similarity ~0.13 to the opening, ~0.14 to the verdict (no margin of 1.2), ~0.17 to
// both together; every pair of reports below 0.15, so no pairwise link joins it.
const ARREST = ['Detectives arrested a third suspect over the death of a mother of twelve.', 'He hid the gun for the men on trial, police said after the verdict.'];

function fixture() {
  const t1 = doc('t1', { outlet: 'T1', published: '2013-04-11' }, T1);
  const t2 = doc('t2', { outlet: 'T2', published: '2013-04-12' }, T2);
  const v1 = doc('v1', { outlet: 'V1', published: '2013-04-12' }, V1);
  const v2 = doc('v2', { outlet: 'V2', published: '2013-04-13' }, V2);
  const a = doc('a', { outlet: 'A', published: '2013-04-13' }, ARREST);
  // The trial and the arrest name the borough (the shared evidence); the verdict names no place.
  const trial = { type: 'attack' as const, time: day('2013-04-11'), place: 'Brooklyn' };
  return [
    { d: t1, m: [mention(t1, 0, { ...trial, trigger: 'shooting' })] },
    { d: t2, m: [mention(t2, 0, { ...trial, trigger: 'gunfire' })] },
    { d: v1, m: [mention(v1, 0, { type: 'death', trigger: 'killing' })] },
    { d: v2, m: [mention(v2, 0, { type: 'death', trigger: 'shot' })] },
    { d: a, m: [mention(a, 0, { type: 'arrest', trigger: 'arrested', place: 'Brooklyn' })] },
  ];
}

describe('nearest story, second pass', () => {
  it('a report as close to two stories joins them once the close-stories pass has made them one, and says why', () => {
    const r = run(fixture());
    expect(r.primaryEvents['t1']).toBe(r.primaryEvents['v1']);
    expect(r.primaryEvents['a']).toBe(r.primaryEvents['t1']);
    const event = r.events.find((e) => e.id === r.primaryEvents['t1'])!;
    const labels = event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label));
    expect(labels.join(' | ')).toMatch(/close stories: summed lead similarity/);
    expect(labels.join(' | ')).toMatch(/nearest story: lead similarity 0\.\d\d to the story's leads, 0\.00 to the next/);
  });
  it('a report that shares no participant, place or rare name with them stays apart even then', () => {
    const f = fixture();
    f[4]!.m[0]!.place = 'Queens';
    const r = run(f);
    expect(r.primaryEvents['t1']).toBe(r.primaryEvents['v1']);
    expect(r.primaryEvents['a']).not.toBe(r.primaryEvents['t1']);
  });
});
