/**
 * Event dating takes a date only from the trigger's own clause (src/extract/event/anchors.ts),
 * and person names read from title-case headlines are cleaned (participants.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/extract/event/index.ts';
import { headlineNameCleaner, isTitleCase, type NameSighting } from '../src/extract/event/participants.ts';
import { date, doc, person } from './event-helpers.ts';

describe('event dating: only a time tied to the trigger', () => {
  // [label, sentence, date text, its value, trigger, expected date of that trigger's event (null: undated)]
  const cases: [string, string, string, string, string, string | null][] = [
    ['"on X" right after', 'The Indian Navy arrested 23 pirates on Saturday in the Gulf of Aden.', 'Saturday', '2008-12-13', 'arrested', '2008-12-13'],
    ['"X\'s" before', "Tuesday's earthquake toppled buildings.", 'Tuesday', '2013-03-12', 'earthquake', '2013-03-12'],
    ['same clause, no preposition', 'Maurice Cheeks was fired Saturday as coach of the team.', 'Saturday', '2008-12-13', 'fired', '2008-12-13'],
    ['relative clause on the event noun', 'Police investigate a shooting that killed two on Tuesday.', 'Tuesday', '2016-06-14', 'shooting', '2016-06-14'],
    ['a date in a "who" clause is another event', "The team decided to fire O'Brien, who was hired by the club on April 21, 2004.", 'April 21, 2004', '2004-04-21', 'fire', null],
    ['a date before ", and" belongs to the first clause', 'She received the award in 1998, and was elected to the board later.', '1998', '1998', 'elected', null],
    ['"after" opens another event', 'He was arrested after the 2004 election that ousted the mayor.', '2004', '2004', 'arrested', null],
    ['a later passive predicate takes its own time', 'Results of the test given when Williams was arrested were released Wednesday.', 'Wednesday', '2009-04-01', 'arrested', null],
    ['the trigger\'s own passive keeps its time', 'Williams was arrested early Feb. 1 on state Route 94.', 'Feb. 1', '2009-02-01', 'arrested', '2009-02-01'],
    ['a byline date dates the page, not the event', 'Posted in Hit and Run Accidents on Friday, September 20, 2013.', 'Friday, September 20, 2013', '2013-09-20', 'Hit and Run', null],
    ['a noun trigger keeps the time of its own passive', 'The talks were scheduled Friday in Geneva.', 'Friday', '2009-04-03', 'talks', '2009-04-03'],
    ['"filed" in the sentence is no byline', 'Police filed charges and arrested the man on Friday.', 'Friday', '2009-04-03', 'arrested', '2009-04-03'],
    ['a law-firm blog byline', 'On behalf of Roe & Doe, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.', 'Friday, September 20, 2013', '2013-09-20', 'Hit and Run', null],
    ['a WordPress byline', 'This entry was posted in Shootings by Jane Roe on Friday, September 20, 2013.', 'Friday, September 20, 2013', '2013-09-20', 'Shootings', null],
  ];
  it.each(cases)('%s', (_label, text, dateText, value, trigger, expected) => {
    const { seg, mentions } = doc(text, [date(dateText, value)]);
    const event = extractEvents(seg, mentions).find((e) => e.triggerText.toLowerCase() === trigger.toLowerCase());
    expect(event, `no event for ${trigger}`).toBeDefined();
    expect(event!.time?.date ?? null).toBe(expected);
  });
});

describe('isTitleCase', () => {
  it.each([
    ["Chargers' Jamal Williams Arrested For DUI", true],
    ["Philadelphia 76ers Fire Coach Jim O'Brien, Hire Maurice Cheeks", true],
    ['Jamal Williams was arrested early Sunday on suspicion of drunk driving.', false],
    ['Jackson Wins', false], // too short to tell
  ] as const)('%s → %s', (text, expected) => {
    expect(isTitleCase(text)).toBe(expected);
  });
});

describe('headlineNameCleaner', () => {
  const seen = (name: string, text: string, inTitleCase: boolean): NameSighting => ({ name, text, inTitleCase });
  const body = 'Jamal Williams was arrested on Sunday. The team may fire its coach. Jim O\'Brien said little. Elton Brand signed.';
  const cleaner = headlineNameCleaner(
    [
      seen('Jamal Williams Arrested', 'Jamal Williams Arrested', true),
      seen('Chargers Jamal Williams', 'Chargers Jamal Williams', true),
      seen('Jamal Williams', 'Jamal Williams', false),
      seen('Fire Coach Jim', 'Fire Coach Jim', true),
      seen("Jim O'Brien", "Jim O'Brien", false),
      seen('Nominates Regina Benjamin', 'Nominates Regina Benjamin', true),
      seen('Name', 'Name', true),
      seen('Elton Brand', 'Elton Brand', false),
      seen('Maurice Cheeks', 'Maurice Cheeks', true),
      // A bare "Jim" in prose resolved to the long canonical name confirms nothing.
      seen('Fire Coach Jim', 'Jim', false),
    ],
    body,
  );
  it.each([
    ['Jamal Williams Arrested', 'Jamal Williams'], // trailing verb; the confirmed name inside
    ['Chargers Jamal Williams', 'Jamal Williams'], // the confirmed name inside
    ['Fire Coach Jim', "Jim O'Brien"], // common words trimmed, then the one confirmed name containing "Jim"
    ['Nominates Regina Benjamin', 'Regina Benjamin'], // a verb at the start
    ['Name', ''], // a lone common word names nobody
    ['Elton Brand', 'Elton Brand'], // confirmed in prose: kept even though "brand" is a verb
    ['Maurice Cheeks', 'Maurice Cheeks'], // only in the headline, but nothing common at its edges
    ['Someone Else', 'Someone Else'], // never seen: untouched
  ])('%s → %s', (name, expected) => {
    expect(cleaner(name)).toBe(expected);
  });
  it('cleans participants of a headline event in extractEvents', () => {
    const text = "Chargers' Jamal Williams Arrested For DUI\nJamal Williams was arrested early Sunday on suspicion of drunk driving.";
    const { seg, mentions } = doc(text, [person('Jamal Williams Arrested', 'Jamal Williams Arrested'), person('Jamal Williams', 'Jamal Williams', 1)]);
    const events = extractEvents(seg, mentions);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.participants).toEqual(['Jamal Williams']);
  });
});
