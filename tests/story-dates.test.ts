/**
 * Story linking across dates (src/reconcile/stories.ts): when an undated story may join a
 * dated one. A story dated only by a month or a year is matched by publication, not day by
 * day; a copy of a report's text joins it whenever it was published; an undated report
 * naming nobody is ambiguous only between stories its lead is strongly linked to.
 */
import { describe, expect, it } from 'vitest';
import { day, doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

describe('a story dated only by a year or a month', () => {
  const TRIAL = ['Video of the 2011 rooftop shooting of Zurana Horton was shown to jurors in Brooklyn.', 'The mother of twelve was caught in crossfire, prosecutors said.'];
  const REPORT = ['Jurors saw footage of the rooftop shooting that killed Zurana Horton, a mother of twelve.', 'Prosecutors played the video on the first day of the trial.'];
  const fixture = (published: string) => {
    const dated = doc('d', { outlet: 'D', published: '2013-04-12' }, TRIAL);
    const report = doc('p', { outlet: 'P', published }, REPORT);
    const cast = { type: 'attack' as const, participants: ['Zurana Horton'] };
    return [
      { d: dated, m: [mention(dated, 0, { ...cast, trigger: 'shooting', time: day('2011') })] },
      { d: report, m: [mention(report, 0, { ...cast, trigger: 'shooting' })] },
    ];
  };
  it('an undated report joins it when both came out within days (the year is a recalled date, not the news)', () => {
    const r = run(fixture('2013-04-13'));
    expect(r.primaryEvents['p']).toBe(r.primaryEvents['d']);
  });
  it('an undated report published months after the dated story stays apart', () => {
    const r = run(fixture('2013-06-30'));
    expect(r.primaryEvents['p']).not.toBe(r.primaryEvents['d']);
  });
});

describe('copies of one text', () => {
  const SHOOTING = ['A suspended worker shot two colleagues dead at the Kraft plant in northeast Philadelphia, police said.', 'She had been escorted from the building minutes before.'];
  const REWRITE = ['Police say a worker who had been suspended returned to a Philadelphia factory and killed two co-workers.', 'The shooting happened late on Thursday.'];
  const fixture = (lines: readonly string[]) => {
    const dated = doc('d', { outlet: 'D', published: '2010-09-10' }, SHOOTING);
    const later = doc('c', { outlet: 'C', published: '2010-10-01' }, lines);
    return [
      { d: dated, m: [mention(dated, 0, { type: 'attack', trigger: 'shot', time: day('2010-09-09') })] },
      { d: later, m: [mention(later, 0, { type: 'attack', trigger: lines === SHOOTING ? 'shot' : 'killed' })] },
    ];
  };
  it('a copy published weeks later reports the same event (a wire story run again)', () => {
    const r = run(fixture(SHOOTING));
    expect(r.primaryEvents['c']).toBe(r.primaryEvents['d']);
  });
  it('a rewrite of the story published weeks later stays apart (outside the publication window)', () => {
    const r = run(fixture(REWRITE));
    expect(r.primaryEvents['c']).not.toBe(r.primaryEvents['d']);
  });
});

describe('an undated report naming nobody', () => {
  const JACKMAN = ['Hugh Jackman will host the 81st Academy Awards ceremony in Hollywood.', 'The Australian actor was picked by producers Bill Condon and Laurence Mark to host the Oscars.'];
  const JACKMAN_2 = ['Producers picked Hugh Jackman to host the Academy Awards ceremony, the Oscars said.', 'Jackman, an Australian actor, hosted the Tony Awards before.'];
  const BUDGET = ['The city council approved the new budget after a long debate.', 'Councillors voted nine to four.'];
  it('is not ambiguous because of an unrelated event of its kind in its window', () => {
    const d = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const q = doc('q', { outlet: 'Q', published: '2009-12-13' }, BUDGET);
    const p = doc('p', { outlet: 'P', published: '2009-12-14' }, JACKMAN_2);
    const r = run([
      { d, m: [mention(d, 0, { type: 'other', trigger: 'host', time: day('2009-12-12') })] },
      { d: q, m: [mention(q, 0, { type: 'other', trigger: 'approved', time: day('2009-12-13') })] },
      { d: p, m: [mention(p, 0, { type: 'other', trigger: 'picked' })] },
    ]);
    expect(r.primaryEvents['p']).toBe(r.primaryEvents['d']);
    expect(r.primaryEvents['p']).not.toBe(r.primaryEvents['q']);
  });
});
