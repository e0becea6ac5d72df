/**
 * Stories joined after pairwise linking (src/reconcile/stories.ts): two stories whose
 * coverage began within days and whose summed leads are close, though no pair of their
 * reports is; and the nearest-story cast veto, lifted when the small story's lead names
 * the other story's cast further down.
 */
import { describe, expect, it } from 'vitest';
import { day, doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

function labelsOf(r: ReturnType<typeof run>, id: string): string {
  const event = r.events.find((e) => e.id === r.primaryEvents[id])!;
  return event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label)).join(' | ');
}

describe('close stories', () => {
  // A trial's first day (dated) and its verdict (undated): each pair of reports shares too
  // few words or no rare name, the two stories' summed leads are close.
  const T1 = ['The trial of two men charged in the Brownsville rooftop shooting opened in Brooklyn on Thursday.', 'Jurors were shown video of the gunfire that killed the mother.'];
  const T2 = ['Jurors watched video of the Brownsville rooftop gunfire as the trial opened.', 'Prosecutors say the two men fired from a roof at rivals.'];
  const V1 = ['A jury found a gang member guilty of killing a Brooklyn mother of twelve.', 'The mother was caught in crossfire from a rooftop, prosecutors said.'];
  const V2 = ['Guilty verdict for the gang member who shot a Brownsville mother of twelve in crossfire.', 'Jurors deliberated two days after prosecutors showed video of the gunfire.'];
  const fixture = (verdictPublished: readonly [string, string]) => {
    const t1 = doc('t1', { outlet: 'T1', published: '2013-04-11' }, T1);
    const t2 = doc('t2', { outlet: 'T2', published: '2013-04-12' }, T2);
    const v1 = doc('v1', { outlet: 'V1', published: verdictPublished[0] }, V1);
    const v2 = doc('v2', { outlet: 'V2', published: verdictPublished[1] }, V2);
    const trial = { type: 'attack' as const, time: day('2013-04-11') };
    return [
      { d: t1, m: [mention(t1, 0, { ...trial, trigger: 'shooting' })] },
      { d: t2, m: [mention(t2, 0, { ...trial, trigger: 'gunfire' })] },
      { d: v1, m: [mention(v1, 0, { type: 'death', trigger: 'killing' })] },
      { d: v2, m: [mention(v2, 0, { type: 'death', trigger: 'shot' })] },
    ];
  };
  it('two stories whose coverage began within days and whose summed leads are close are one, and say why', () => {
    const r = run(fixture(['2013-04-12', '2013-04-13']));
    expect(r.primaryEvents['t1']).toBe(r.primaryEvents['t2']);
    expect(r.primaryEvents['v1']).toBe(r.primaryEvents['v2']);
    expect(r.primaryEvents['v1']).toBe(r.primaryEvents['t1']);
    expect(labelsOf(r, 't1')).toMatch(/close stories: summed lead similarity 0\.\d\d, first reports published within 4 days/);
  });
  it('a story whose coverage began weeks later stays apart', () => {
    const r = run(fixture(['2013-04-24', '2013-04-25']));
    expect(r.primaryEvents['v1']).toBe(r.primaryEvents['v2']);
    expect(r.primaryEvents['v1']).not.toBe(r.primaryEvents['t1']);
  });
});

describe('nearest story: the cast veto reads the small story\'s whole lead', () => {
  const S1 = ['Three people died when protesters set fire to the Marfin Bank branch in Athens.', 'The bank employees were trapped inside the burning building.'];
  const S2 = ['Three bank employees were killed as rioters torched the Marfin Bank in central Athens.', 'Firefighters found them trapped in the burning building.'];
  const LEAD_NAMES = ['Prime Minister George Papandreou condemned the deadly riot in Athens.', 'Three employees were trapped when the Marfin Bank branch was set on fire.'];
  const LEAD_SILENT = ['Prime Minister George Papandreou condemned the deadly riot in Athens.', 'Three employees were trapped when a bank branch was set on fire.'];
  const fixture = (lines: readonly string[]) => {
    const s1 = doc('s1', { outlet: 'S1', published: '2010-05-05' }, S1);
    const s2 = doc('s2', { outlet: 'S2', published: '2010-05-05' }, S2);
    const l = doc('l', { outlet: 'L', published: '2010-05-05' }, lines);
    const bank = { type: 'death' as const, participants: ['Marfin Bank'], place: 'Athens' };
    return [
      { d: s1, m: [mention(s1, 0, { ...bank, trigger: 'died' })] },
      { d: s2, m: [mention(s2, 0, { ...bank, trigger: 'killed' })] },
      { d: l, m: [mention(l, 0, { type: 'death', trigger: 'deadly', participants: ['George Papandreou'], place: 'Athens' })] },
    ];
  };
  it('a report whose lead names the story\'s cast below its first sentence joins it', () => {
    const r = run(fixture(LEAD_NAMES));
    expect(r.primaryEvents['s1']).toBe(r.primaryEvents['s2']);
    expect(r.primaryEvents['l']).toBe(r.primaryEvents['s1']);
  });
  it('a report naming nobody of the story\'s cast stays apart', () => {
    const r = run(fixture(LEAD_SILENT));
    expect(r.primaryEvents['l']).not.toBe(r.primaryEvents['s1']);
  });
});
