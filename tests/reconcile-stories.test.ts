/**
 * Story linking (src/reconcile/stories.ts): articles that tell the same story get the
 * same primary event even when nothing dates it; vetoes keep different events apart.
 */
import { describe, expect, it } from 'vitest';
import { commonPeople, leadText, linkStories } from '../src/reconcile/stories.ts';
import type { EventMention } from '../src/types.ts';
import { day, doc, type Doc, mention, reconcileDocs as run } from './reconcile-helpers.ts';

/** A doc with no publication date (most ECB+-style archive articles). */
function undatedDoc(id: string, lines: readonly string[]): Doc {
  const d = doc(id, { outlet: id.toUpperCase(), published: '2000-01-01' }, lines);
  d.article.meta.published = null;
  return d;
}

const JACKMAN = [
  'Hugh Jackman will host the 81st Academy Awards ceremony in Hollywood.',
  'The Australian actor was picked by producers Bill Condon and Laurence Mark to host the Oscars.',
];
const JACKMAN_2 = [
  'Producers picked Hugh Jackman to host the Academy Awards ceremony, the Oscars said.',
  'Jackman, an Australian actor, hosted the Tony Awards before.',
];
const QUAKE = [
  'A strong earthquake struck the coast of Chile on Sunday, toppling buildings in Concepcion.',
  'Rescuers searched the rubble for survivors as aftershocks shook the region.',
];

function primaryOf(result: ReturnType<typeof run>, id: string): string | null {
  return result.primaryEvents[id] ?? null;
}

describe('story linking: same story, undated', () => {
  const a = undatedDoc('a', JACKMAN);
  const b = undatedDoc('b', JACKMAN_2);
  const c = undatedDoc('c', QUAKE);
  const ma = mention(a, 0, { type: 'other', trigger: 'host' });
  const mb = mention(b, 0, { type: 'other', trigger: 'picked' });
  const mc = mention(c, 0, { type: 'disaster', trigger: 'earthquake' });

  it('two reports of the same announcement share a primary event, with an explained reason', () => {
    const r = run([{ d: a, m: [ma] }, { d: b, m: [mb] }, { d: c, m: [mc] }]);
    expect(primaryOf(r, 'a')).not.toBeNull();
    expect(primaryOf(r, 'a')).toBe(primaryOf(r, 'b'));
    const event = r.events.find((e) => e.id === primaryOf(r, 'a'))!;
    const labels = event.mergeReasons.flatMap((x) => x.reasons.map((y) => y.label)).join(' | ');
    expect(labels).toMatch(/same story: lead similarity 0\.\d\d/);
  });
  it('an unrelated story stays apart', () => {
    const r = run([{ d: a, m: [ma] }, { d: b, m: [mb] }, { d: c, m: [mc] }]);
    expect(primaryOf(r, 'c')).not.toBe(primaryOf(r, 'a'));
  });
  it('every article reporting an event keeps a primary event even when it names nobody and no date', () => {
    const r = run([{ d: c, m: [mc] }]);
    expect(primaryOf(r, 'c')).not.toBeNull();
  });
});

describe('story linking: vetoes', () => {
  const a = undatedDoc('a', JACKMAN);
  const b = undatedDoc('b', JACKMAN_2);
  const cases: [string, Partial<EventMention>, Partial<EventMention>][] = [
    ['different days', { time: day('2009-02-22') }, { time: day('2009-03-01') }],
    ['different years', { time: day('2009') }, { time: day('2014') }],
    ['casts with nobody in common, neither named up front by the other', { participants: ['Bill Condon'] }, { participants: ['Ellen DeGeneres'] }],
  ];
  it.each(cases)('%s keep similar stories apart', (_label, extraA, extraB) => {
    const ma = { ...mention(a, 0, { type: 'other', trigger: 'host' }), ...extraA };
    const mb = { ...mention(b, 0, { type: 'other', trigger: 'picked' }), ...extraB };
    const r = run([{ d: a, m: [ma] }, { d: b, m: [mb] }]);
    expect(primaryOf(r, 'a')).not.toBe(primaryOf(r, 'b'));
  });
  it('casts with nobody in common link when one headline or first sentence names the other cast', () => {
    // The headline and first sentence (up to the first full stop) are read. The report whose only
    // participant found was the trainer is still the fight its headline names.
    const fight = undatedDoc('f', ['Klitschko stops Tony Thompson to retain heavyweight titles in Bern', 'Trainer Emanuel Steward turned 68 on Saturday.']);
    const trainer = undatedDoc('t', ['Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern on Saturday', 'Klitschko sang for trainer Emanuel Steward.']);
    const mf = mention(fight, 0, { type: 'other', trigger: 'stops', participants: ['Tony Thompson'] });
    const mt = mention(trainer, 1, { type: 'other', trigger: 'sang', participants: ['Emanuel Steward'] });
    const r = run([{ d: fight, m: [mf] }, { d: trainer, m: [mt] }]);
    expect(primaryOf(r, 'f')).toBe(primaryOf(r, 't'));
    // Named only further down (a recalled earlier arrest of a teammate): a different story.
    const other = undatedDoc('o', [
      'Charger Jamal Williams arrested on suspicion of drunken driving in San Diego',
      'Williams was stopped on Route 94.',
      'Teammate Vincent Jackson was arrested on suspicion of drunken driving in January.',
    ]);
    const first = undatedDoc('j', ['Charger Vincent Jackson arrested on suspicion of drunken driving in San Diego', 'He will play on Sunday.']);
    const mo = mention(other, 0, { type: 'arrest', trigger: 'arrested', participants: ['Jamal Williams'] });
    const mj = mention(first, 0, { type: 'arrest', trigger: 'arrested', participants: ['Vincent Jackson'] });
    const r2 = run([{ d: other, m: [mo] }, { d: first, m: [mj] }]);
    expect(primaryOf(r2, 'o')).not.toBe(primaryOf(r2, 'j'));
  });
  it('an undated report joins a dated story on very close leads alone, not on merely close ones', () => {
    // No shared participant, place or rare name: lead similarity ≥ CLOSE_LEADS_SIMILARITY is evidence enough.
    const dated = doc('d', { outlet: 'D', published: '2013-06-09' }, ['Son suspected of killing mother and sister had begged to stay locked up in hospital', 'Police said the bodies were found on Saturday.']);
    const close = doc('p', { outlet: 'P', published: '2013-06-09' }, ['Double murder: son suspected of killing mother and sister had begged to stay locked up', 'Neighbours were shocked.']);
    const md = mention(dated, 1, { type: 'death', trigger: 'found', time: day('2013-06-08') });
    const mp = mention(close, 0, { type: 'death', trigger: 'killing' });
    const r = run([{ d: dated, m: [md] }, { d: close, m: [mp] }]);
    expect(primaryOf(r, 'p')).toBe(primaryOf(r, 'd'));
    const loose = doc('q', { outlet: 'Q', published: '2013-06-09' }, ['A son is held over the killing of his mother at home', 'Neighbours were shocked.']);
    const mq = mention(loose, 0, { type: 'death', trigger: 'killing' });
    const r2 = run([{ d: dated, m: [md] }, { d: loose, m: [mq] }]);
    expect(primaryOf(r2, 'q')).not.toBe(primaryOf(r2, 'd'));
  });
  it('an undated report with a publication date does not join a dated event by story alone', () => {
    // Different leads (one blocking word in common) and nothing shared: the story is too weak.
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const published = doc('p', { outlet: 'P', published: '2009-12-14' }, ['The ceremony drew record ratings, producers said.', 'Viewers praised the show.']);
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12') });
    const mp = mention(published, 0, { type: 'other', trigger: 'drew' });
    const r = run([{ d: dated, m: [md] }, { d: published, m: [mp] }]);
    expect(primaryOf(r, 'd')).not.toBe(primaryOf(r, 'p'));
  });
  const strongCases: [string, string, boolean][] = [
    ['published two days after the event', '2009-12-14', true],
    ['published on the day of the event', '2009-12-12', true],
    ['published a week after the event', '2009-12-19', false],
    ['published before the event', '2009-12-05', false],
  ];
  it.each(strongCases)('an undated report with the same story, %s (%s): joins %s', (_label, published, joins) => {
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const report = doc('p', { outlet: 'P', published }, JACKMAN_2);
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12') });
    const mp = mention(report, 0, { type: 'other', trigger: 'picked' });
    const r = run([{ d: dated, m: [md] }, { d: report, m: [mp] }]);
    expect(primaryOf(r, 'd') === primaryOf(r, 'p')).toBe(joins);
    if (joins) expect(r.events.find((e) => e.id === primaryOf(r, 'd'))!.date).toBe('2009-12-12');
  });
  it('an undated report naming the same rare person joins on some lead overlap; without the person it needs close leads', () => {
    // Lead similarity ~0.16: below STRONG_SIMILARITY, above RARE_PARTICIPANT_SIMILARITY.
    const profile = ['Jackman is a song-and-dance man who starred in Wolverine and on Broadway.', 'Producers think the Australian could lift the ratings of the Oscars telecast.'];
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const report = doc('p', { outlet: 'P', published: '2009-12-14' }, profile);
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12'), participants: ['Hugh Jackman'] });
    const named = mention(report, 0, { type: 'other', trigger: 'starred', participants: ['Hugh Jackman'] });
    const r = run([{ d: dated, m: [md] }, { d: report, m: [named] }]);
    expect(primaryOf(r, 'p')).toBe(primaryOf(r, 'd'));
    const unnamed = mention(report, 0, { type: 'other', trigger: 'starred' });
    const r2 = run([{ d: dated, m: [md] }, { d: report, m: [unnamed] }]);
    expect(primaryOf(r2, 'p')).not.toBe(primaryOf(r2, 'd'));
  });
  it('an undated report that fits two dated stories with different dates joins neither', () => {
    const first = doc('d', { outlet: 'D', published: '2009-12-12' }, JACKMAN);
    const second = doc('e', { outlet: 'E', published: '2009-12-14' }, JACKMAN);
    const report = doc('p', { outlet: 'P', published: '2009-12-14' }, JACKMAN_2);
    const md = mention(first, 0, { type: 'other', trigger: 'host', time: day('2009-12-12') });
    const me = mention(second, 0, { type: 'other', trigger: 'host', time: day('2009-12-14') });
    const mp = mention(report, 0, { type: 'other', trigger: 'picked' });
    const r = run([{ d: first, m: [md] }, { d: second, m: [me] }, { d: report, m: [mp] }]);
    expect(primaryOf(r, 'p')).not.toBe(primaryOf(r, 'd'));
    expect(primaryOf(r, 'p')).not.toBe(primaryOf(r, 'e'));
  });
  it('a chain of undated reports cannot carry a late report into a dated story', () => {
    // u (no publication date) alone joins the dated story; l, published months later, matches
    // u best, and the group of both is checked as a whole: l is outside the story's window.
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const u = undatedDoc('u', JACKMAN_2);
    const late = doc('l', { outlet: 'L', published: '2010-03-01' }, JACKMAN_2);
    const cast = { participants: ['Hugh Jackman'] };
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12'), ...cast });
    const mu = mention(u, 0, { type: 'other', trigger: 'picked', ...cast });
    const ml = mention(late, 0, { type: 'other', trigger: 'picked', ...cast });
    const alone = run([{ d: dated, m: [md] }, { d: u, m: [mu] }]);
    expect(primaryOf(alone, 'u')).toBe(primaryOf(alone, 'd'));
    const r = run([{ d: dated, m: [md] }, { d: u, m: [mu] }, { d: late, m: [ml] }]);
    expect(primaryOf(r, 'l')).not.toBe(primaryOf(r, 'd'));
  });
  it('an undated story joins when its first report fits, even if a follow-up came out later', () => {
    // Follow-up coverage ("nominated to be surgeon general", days on) tells the same story: the two
    // reports link first (closest leads), then join the dated story through the first one.
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const first = doc('f', { outlet: 'F', published: '2009-12-14' }, JACKMAN_2);
    const later = doc('l', { outlet: 'L', published: '2009-12-17' }, JACKMAN_2);
    const cast = { participants: ['Hugh Jackman'] };
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12'), ...cast });
    const mf = mention(first, 0, { type: 'other', trigger: 'picked', ...cast });
    const ml = mention(later, 0, { type: 'other', trigger: 'picked', ...cast });
    const r = run([{ d: dated, m: [md] }, { d: first, m: [mf] }, { d: later, m: [ml] }]);
    expect(primaryOf(r, 'f')).toBe(primaryOf(r, 'd'));
    expect(primaryOf(r, 'l')).toBe(primaryOf(r, 'd'));
    const alone = run([{ d: dated, m: [md] }, { d: later, m: [ml] }]);
    expect(primaryOf(alone, 'l')).not.toBe(primaryOf(alone, 'd'));
  });
  it('an article with no event of its own reports the one story its lead tells', () => {
    const dated = doc('d', { outlet: 'D', published: '2009-12-13' }, JACKMAN);
    const quake = doc('q', { outlet: 'Q', published: '2009-12-13' }, QUAKE);
    const silent = doc('s', { outlet: 'S', published: '2009-12-14' }, JACKMAN_2);
    const md = mention(dated, 0, { type: 'other', trigger: 'host', time: day('2009-12-12') });
    const mq = mention(quake, 0, { type: 'disaster', trigger: 'earthquake', time: day('2009-12-13') });
    const r = run([{ d: dated, m: [md] }, { d: quake, m: [mq] }, { d: silent, m: [] }]);
    expect(primaryOf(r, 's')).toBe(primaryOf(r, 'd'));
    // Published long after the event: not a report of it.
    const late = doc('l', { outlet: 'L', published: '2010-03-01' }, JACKMAN_2);
    const r2 = run([{ d: dated, m: [md] }, { d: late, m: [] }]);
    expect(primaryOf(r2, 'l')).toBeNull();
    // Two stories fit: neither.
    const second = doc('e', { outlet: 'E', published: '2009-12-13' }, JACKMAN);
    const me = mention(second, 0, { type: 'other', trigger: 'host', time: day('2009-12-13') });
    const r3 = run([{ d: dated, m: [md] }, { d: second, m: [me] }, { d: silent, m: [] }]);
    expect(primaryOf(r3, 'd')).not.toBe(primaryOf(r3, 'e'));
    expect(primaryOf(r3, 's')).toBeNull();
  });
  it('the same day on both sides links and says so', () => {
    const ma = mention(a, 0, { type: 'other', trigger: 'host', time: day('2008-12-12') });
    const mb = mention(b, 0, { type: 'other', trigger: 'picked', time: day('2008-12-12') });
    const { links } = linkStories([a.article, b.article], [[ma], [mb]], new Map([['a', 0], ['b', 1]]));
    expect(links).toHaveLength(1);
    expect(links[0]!.reasons.map((x) => x.label)).toContain('same date 2008-12-12');
  });
  it('blocking compares nothing when the leads share no word', () => {
    const c = undatedDoc('c', QUAKE);
    const ma = mention(a, 0, { type: 'other', trigger: 'host' });
    const mc = mention(c, 0, { type: 'disaster', trigger: 'earthquake' });
    expect(linkStories([a.article, c.article], [[ma], [mc]], new Map([['a', 0], ['c', 1]]))).toEqual({ links: [], followUps: [] });
  });
});

describe('leadText', () => {
  it('is the title and the start of the body, cut at a line end', () => {
    const long = undatedDoc('l', [JACKMAN[0]!, ...Array.from({ length: 40 }, (_, i) => `Line ${i} of filler text about other things.`)]);
    long.article.meta.title = 'Jackman to host';
    const lead = leadText(long.article);
    expect(lead.startsWith('Jackman to host\nHugh Jackman')).toBe(true);
    expect(lead.length).toBeLessThanOrEqual(1200 + 20);
    expect(lead.endsWith('\n')).toBe(true);
  });
});

describe('commonPeople', () => {
  it.each([
    [['jamal williams'], ['charger jamal williams'], ['jamal williams']],
    [['charger jamal williams'], ['jamal williams'], ['charger jamal williams']],
    [['williams'], ['jamal williams'], []], // a bare surname is not enough
    [['jamal williams'], ['serena williams'], []],
    [['anna keller', 'boris volkov'], ['boris volkov'], ['boris volkov']],
  ])('%j and %j share %j', (a, b, shared) => {
    expect(commonPeople(new Set(a), new Set(b))).toEqual(shared);
  });
});

describe('follow-up stories: one story, separate events', () => {
  const VERDICT = [
    'Jury convicts Warren Jeffs of sexual assault in San Angelo.',
    'The polygamist sect leader Warren Jeffs now faces life in prison, prosecutors in San Angelo said.',
  ];
  const SENTENCE = [
    'Warren Jeffs sentenced to life in prison in San Angelo.',
    'Jurors in San Angelo took less than an hour to sentence the polygamist sect leader Warren Jeffs.',
  ];
  const verdict = doc('verdict', { outlet: 'AP', published: '2011-08-04' }, VERDICT);
  const sentence = doc('sentence', { outlet: 'Reuters', published: '2011-08-09' }, SENTENCE);
  const quake = undatedDoc('quake', QUAKE);
  const mq = mention(quake, 0, { type: 'disaster', trigger: 'earthquake' });
  const reports = (verdictDate: string, sentenceDate: string, type: EventMention['type'] = 'other', places: [string | null, string | null] = [null, null]) => [
    { d: verdict, m: [mention(verdict, 0, { type, trigger: 'convicts', participants: ['Warren Jeffs'], time: day(verdictDate), place: places[0] })] },
    { d: sentence, m: [mention(sentence, 0, { type, trigger: 'sentenced', participants: ['Warren Jeffs'], time: day(sentenceDate), place: places[1] })] },
    { d: quake, m: [mq] },
  ];
  const eventOf = (r: ReturnType<typeof run>, id: string) => r.events.find((e) => e.id === primaryOf(r, id))!;

  it('a verdict and the sentencing days later stay two dated events of one story, with the reason', () => {
    const r = run(reports('2011-08-04', '2011-08-09'));
    const [a, b] = [eventOf(r, 'verdict'), eventOf(r, 'sentence')];
    expect(a.id).not.toBe(b.id);
    expect([a.date, b.date]).toEqual(['2011-08-04', '2011-08-09']);
    expect(a.story).toBe(b.story);
    expect(a.story).toBe(`st-${a.id.slice(3)}`); // named after its first event
    expect(eventOf(r, 'quake').story).not.toBe(a.story);
    expect(r.primaryStories).toMatchObject({ verdict: a.story, sentence: a.story });
    expect(r.stories).toHaveLength(1);
    const story = r.stories[0]!;
    expect(story).toMatchObject({ id: a.story, events: [a.id, b.id], sources: ['sentence', 'verdict'] });
    expect(story.links).toHaveLength(1);
    expect(story.links[0]!.reasons[0]!.label).toMatch(/^follow-up: lead similarity 0\.\d\d, naming warren jeffs, dates 5 days apart$/);
    // No date conflict: the two events were never merged.
    expect(r.conflicts).toEqual([]);
  });
  it('dates more than FOLLOW_UP_DAYS apart are two stories', () => {
    const r = run(reports('2008-08-04', '2011-08-09'));
    expect(eventOf(r, 'verdict').story).not.toBe(eventOf(r, 'sentence').story);
    expect(r.stories).toEqual([]);
  });
  it('two different cities are two stories; a city and its region may be one', () => {
    const apart = run(reports('2011-08-04', '2011-08-09', 'other', ['Houston', 'Chicago']));
    expect(eventOf(apart, 'verdict').story).not.toBe(eventOf(apart, 'sentence').story);
    const near = run(reports('2011-08-04', '2011-08-09', 'other', ['Houston', 'Texas']));
    expect(eventOf(near, 'verdict').story).toBe(eventOf(near, 'sentence').story);
  });
  it('calls and meetings are never follow-ups of each other (the same leaders call again and again)', () => {
    const r = run(reports('2011-08-04', '2011-08-09', 'phone_call'));
    expect(eventOf(r, 'verdict').story).not.toBe(eventOf(r, 'sentence').story);
  });
  // Riots on a later night: nobody named, one place, leads close (~0.5).
  const NIGHT_1 = ['Riot breaks out in Flatbush after a vigil for a teenager shot by police.', 'Protesters threw bottles at officers in Flatbush.'];
  const NIGHT_2 = ['Second night of rioting in Flatbush after a vigil for the teenager shot by police.', 'Officers arrested protesters in Flatbush.'];
  const OTHER_NIGHT = ['Protesters in Flatbush marched peacefully on Sunday.', 'Organisers thanked the community for the calm.'];
  const night1 = doc('night1', { outlet: 'AP', published: '2013-03-12' }, NIGHT_1);
  const night2 = doc('night2', { outlet: 'Reuters', published: '2013-03-14' }, NIGHT_2);
  const nights = (secondDate: string, second = night2, trigger = 'rioting') => [
    { d: night1, m: [mention(night1, 0, { type: 'attack', trigger: 'Riot', time: day('2013-03-11'), place: 'Flatbush' })] },
    { d: second, m: [mention(second, 0, { type: 'attack', trigger, time: day(secondDate), place: 'Flatbush' })] },
    { d: quake, m: [mq] },
  ];
  it('close leads and a shared place make a later night one story without a rare person, within FOLLOW_UP_CLOSE_DAYS', () => {
    const r = run(nights('2013-03-13'));
    const [a, b] = [eventOf(r, 'night1'), eventOf(r, 'night2')];
    expect(a.id).not.toBe(b.id);
    expect(a.story).toBe(b.story);
    expect(r.stories[0]!.links[0]!.reasons[0]!.label).toMatch(/^follow-up: lead similarity 0\.\d\d, close leads, dates 2 days apart$/);
    expect(r.conflicts).toEqual([]);
    // Months apart: two stories (a riot at the same place next year is another story).
    const later = run(nights('2013-09-13'));
    expect(eventOf(later, 'night1').story).not.toBe(eventOf(later, 'night2').story);
    // Leads that are not close: two stories.
    const calm = doc('night2', { outlet: 'Reuters', published: '2013-03-14' }, OTHER_NIGHT);
    const loose = run(nights('2013-03-13', calm, 'marched'));
    expect(eventOf(loose, 'night1').story).not.toBe(eventOf(loose, 'night2').story);
  });
  it('linkStories returns follow-ups apart from the links that join groups', () => {
    const found = linkStories([verdict.article, sentence.article, quake.article], [[reports('2011-08-04', '2011-08-09')[0]!.m[0]!], [reports('2011-08-04', '2011-08-09')[1]!.m[0]!], [mq]], new Map([['verdict', 0], ['sentence', 1], ['quake', 2]]));
    expect(found.links).toEqual([]);
    expect(found.followUps.map((l) => [l.a, l.b])).toEqual([[0, 1]]);
  });
});
