/**
 * Primary events: an article's news outweighs the earlier events it recalls. A mention
 * dated more than BACKGROUND_DAYS before publication ("elected in 1995", "a hurricane
 * in 2005") is background and keeps a quarter of its weight.
 */
import { describe, expect, it } from 'vitest';
import { isBackground, mentionWeight, primaryEvents } from '../src/reconcile/primary.ts';
import { reconcile } from '../src/reconcile/index.ts';
import { day, doc, mention } from './reconcile-helpers.ts';

describe('background mentions', () => {
  const d = doc('a', { outlet: 'X', published: '2009-07-13' }, [
    'Obama names Benjamin surgeon general',
    'He announced the nomination today.',
    'Benjamin was elected to the board in 1995.',
    'She rebuilt the clinic after a hurricane in 2005.',
  ]);

  it('is a dated mention wholly before publication by more than 30 days, at its own granularity', () => {
    const at = (date: string) => mention(d, 2, { type: 'election', time: day(date) });
    expect(isBackground(at('1995'), '2009-07-13')).toBe(true);
    expect(isBackground(at('2009-05'), '2009-07-13')).toBe(true);
    expect(isBackground(at('2009-06-01'), '2009-07-13')).toBe(true);
    // Recent, current-year or current-month dates and undated mentions are the news.
    expect(isBackground(at('2009-06-20'), '2009-07-13')).toBe(false);
    expect(isBackground(at('2009'), '2009-07-13')).toBe(false);
    expect(isBackground(mention(d, 2, { type: 'election' }), '2009-07-13')).toBe(false);
    // Without a publication date nothing is background.
    expect(isBackground(at('1995'), null)).toBe(false);
  });

  it('keeps a quarter of its weight', () => {
    const m = mention(d, 3, { type: 'disaster', time: day('2005') });
    expect(mentionWeight(m, '2009-07-13')).toBeCloseTo(mentionWeight(m) / 4);
  });

  it('does not outweigh the undated news', () => {
    const nomination = mention(d, 1, { type: 'other', trigger: 'announced', modality: 'planned', block: 5 });
    const hurricane = mention(d, 3, { type: 'disaster', time: day('2005'), block: 3 });
    const election = mention(d, 2, { type: 'election', time: day('1995'), block: 2 });
    // Sentences 2–4, none in the lead: the background at sentences 2 and 3 wins on position alone
    // (election 0.71 > nomination 0.42), not once it is known to be background (0.18).
    const mentions = [{ ...nomination, sentence: 4 }, hurricane, election];
    const eventOf = new Map([
      [nomination.id, 'nomination'],
      [hurricane.id, 'hurricane'],
      [election.id, 'election'],
    ]);
    expect(primaryEvents(['a'], mentions, eventOf, [])).toEqual({ a: 'election' });
    expect(primaryEvents(['a'], mentions, eventOf, [], new Map([['a', '2009-07-13']]))).toEqual({ a: 'nomination' });
  });

  it('is applied by reconcile with each article’s publication date', () => {
    const news = mention(d, 0, { type: 'other', trigger: 'names', participants: ['Regina Benjamin'], block: 4 });
    const recalled = mention(d, 3, { type: 'disaster', time: day('2005-08-29'), place: 'Bayou La Batre', block: 2 });
    const events = [{ ...news, sentence: 4 }, { ...recalled, sentence: 2 }];
    const typeOfPrimary = (published: string | null) => {
      const article = { ...d.article, meta: { ...d.article.meta, published } };
      const result = reconcile({ articles: [article], events, claims: [] });
      return result.events.find((e) => e.id === result.primaryEvents.a)?.type;
    };
    expect(typeOfPrimary('2009-07-13')).toBe('other');
    expect(typeOfPrimary(null)).toBe('disaster');
  });
});

describe('ties', () => {
  it('go to the event more articles report, then to the one mentioned first', () => {
    // Article a names an arrest and a fire in one lead sentence: equal weight. Article b reports
    // only the fire, so a is about the fire; alone, a's first mention (the arrest) wins.
    const a = doc('a', { outlet: 'X', published: '2013-09-14' }, ['Police arrest man after fire destroys store', 'More text.']);
    const b = doc('b', { outlet: 'Y', published: '2013-09-14' }, ['Fire destroys store', 'More text.']);
    const arrest = mention(a, 0, { type: 'arrest', trigger: 'arrest' });
    const fireA = { ...mention(a, 0, { type: 'disaster', trigger: 'fire' }), id: 'a:fire', start: a.lineStarts[0]! + 20 };
    const fireB = mention(b, 0, { type: 'disaster', trigger: 'Fire' });
    const eventOf = new Map([
      [arrest.id, 'arrest'],
      [fireA.id, 'fire'],
      [fireB.id, 'fire'],
    ]);
    expect(mentionWeight(arrest)).toBe(mentionWeight(fireA));
    expect(primaryEvents(['a', 'b'], [arrest, fireA, fireB], eventOf, [])).toEqual({ a: 'fire', b: 'fire' });
    expect(primaryEvents(['a'], [arrest, fireA], eventOf, [])).toEqual({ a: 'arrest' });
  });
});
