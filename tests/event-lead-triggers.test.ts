/** The extended trigger lexicon and the headline/lead fallback (LEAD_RULES, type `other`). */
import { describe, expect, it } from 'vitest';
import { findTriggers, LEAD_RULES } from '../src/extract/event/triggers.ts';
import { extractEvents } from '../src/extract/event/index.ts';
import { day, doc } from './event-helpers.ts';

const main = (s: string) => findTriggers(s, 0).map((t) => `${t.type}:${t.text}`);
const lead = (s: string) => findTriggers(s, 0, LEAD_RULES).map((t) => `${t.type}:${t.text}`);

describe('main lexicon: news events', () => {
  it.each([
    ['The Indian navy has captured 23 pirates.', ['arrest:captured']],
    ['A man was stabbed outside the bar.', ['attack:stabbed']],
    ['The CEO was gunned down at the party.', ['attack:gunned down']],
    ['Hit and run outside the store leaves woman dead', ['disaster:Hit and run', 'death:dead']],
    ['Her husband murdered her in 2004.', ['death:murdered']],
    ['He watched his brother fall to his death.', ['death:fall to his death']],
    ['Police shot and killed the suspect.', ['attack:shot']],
    ['Bettie Page succumbed to complications from a heart attack.', ['death:succumbed to']],
    ['Police are investigating a fire at a Waitrose supermarket.', ['disaster:fire']],
    ['Fire at Waitrose supermarket may have been arson', ['disaster:Fire']],
  ])('%s', (sentence, expected) => expect(main(sentence)).toEqual(expected));
  it.each([
    'The film captured the imagination of a generation.',
    'The project reached a dead end.',
    'It was a happy accident.',
    'She reads murder mysteries.',
    'Troops fire at the protesters.',
    // A charge names the crime in a legal step; the killing is reported (and dated) elsewhere.
    'He was charged with first-degree murder.',
    'The accountant was arraigned Wednesday on murder and other charges.',
    'He faces murder charges in the case.',
    'The driver was charged with criminally negligent homicide.',
  ])('no event: %s', (sentence) => expect(main(sentence).filter((t) => !t.startsWith('statement'))).toEqual([]));
  it.each([
    ['The murder of the shopkeeper shocked the town.', ['death:murder']],
    ['The man will stand trial for the Allentown homicide.', ['death:homicide']],
  ])('the crime itself stays an event: %s', (sentence, expected) => expect(main(sentence)).toEqual(expected));
});

describe('lead lexicon: events without a type of their own', () => {
  it.each([
    ['Warren Jeffs convicted of child sexual assault', ['other:convicted']],
    ['Ellen DeGeneres to host the Oscars', ['other:host']],
    ['Sixers fired coach Maurice Cheeks', ['other:fired']],
    ['Obama to Name Dr. Sanjay Gupta Surgeon General', ['other:Name']],
    ['Microsoft acquired the startup for $2 billion', ['other:acquired']],
    ['Dr. Sanjay Gupta has been approached by the Obama transition team', ['other:approached']],
    ["Obama has asked neurosurgeon Sanjay Gupta, CNN's medical correspondent, to serve as surgeon general", ['other:asked neurosurgeon Sanjay Gupta, CNN\'s medical correspondent, to serve']],
    ['Gupta is the leading contender to become surgeon general', ['other:leading contender']],
    ['Gupta is under serious consideration for the post', ['other:under serious consideration']],
    ['Matt Smith will take over the title role in Doctor Who', ['other:take over']],
    ["Matt Smith is stepping into Doctor Who's title role", ['other:stepping into']],
    ['INS Sukanya foils piracy attempt in the Gulf of Aden', ['other:foils']],
    ['Navy intercepts pirate ships', ['other:intercepts']],
    ['The 76ers have parted ways with coach Maurice Cheeks', ['other:parted ways']],
    ['Maurice Cheeks is out as Philadelphia 76ers head coach', ['other:is out as']],
    ['The team relieved Maurice Cheeks of his duties', ['other:relieved Maurice Cheeks of his duties']],
    // Kinds of news ECB+ train showed with no trigger: offers, care, rules undone, outages, thefts, results.
    ['The Angels have made an eight-year offer to Mark Teixeira', ['other:offer']],
    ['Herald: Sox Make Offer To Teixeira', ['other:Make Offer']],
    ['Tara Reid has checked herself into rehab', ['other:checked herself into']],
    ['Tara Reid has entered a rehab program', ['other:entered a rehab']],
    ['President Obama Overturns Endangered Species Rule', ['other:Overturns']],
    ['Undersea internet cables severed near the Egyptian coast', ['other:severed']],
    ['SEACOM experienced an outage this morning', ['other:outage']],
    ['Robbers in drag steal 80 million euros from a Paris diamond store', ['other:Robbers', 'other:steal']],
    ['Daring Diamond Heist in Downtown Paris', ['other:Heist']],
    ['Chiefs lose 20-13 to the Colts', ['other:lose 20-13']],
    ['Hansbrough breaks UNC career scoring record', ['other:breaks UNC career scoring record']],
    // Round 4: a planned release, a record broken several words on, a candidate floated.
    ['Microsoft to release patch for Internet Explorer', ['other:release']],
    ["Hansbrough broke Phil Ford's 30-year hold on the all-time North Carolina scoring record", ["other:broke Phil Ford's 30-year hold on the all-time North Carolina scoring record"]],
    ['Sanjay Gupta was mentioned as a candidate for surgeon general', ['other:mentioned as a candidate']],
  ])('%s', (sentence, expected) => expect(lead(sentence)).toEqual(expected));
  it.each([
    'The company offers a wide range of services.',
    'He lost his temper.',
    'The gunman fired shots into the crowd.',
    'The boat was named after his daughter.',
    'We are on the way to host of problems.',
    'The judge asked reporters to leave the courtroom.',
    'The company said in a press release.',
    'He was considered as a player, not a coach.',
  ])('no event: %s', (sentence) => expect(lead(sentence)).toEqual([]));
});

describe('lead fallback in extractEvents', () => {
  it('an article whose lead names no typed event gets its headline event', () => {
    const { seg, mentions } = doc('Warren Jeffs convicted of sexual assault\nThe jury deliberated for three hours.\n');
    const events = extractEvents(seg, mentions);
    expect(events.map((e) => [e.type, e.triggerText])).toEqual([['other', 'convicted']]);
  });
  it('does not fire when the lead has a typed event', () => {
    const { seg, mentions } = doc('A man was arrested after the shooting.\nHe was charged with murder.\n');
    expect(extractEvents(seg, mentions).map((e) => e.type)).not.toContain('other');
  });
  it('takes the first news verb of the lead even when a later lead sentence has a typed event', () => {
    const { seg, mentions } = doc('The 76ers fired coach Maurice Cheeks on Saturday.\nThe team signed Elton Brand in July.\n');
    const events = extractEvents(seg, mentions);
    expect(events.map((e) => [e.type, e.triggerText])).toEqual([['other', 'fired'], ['agreement', 'signed']]);
  });
  it('a relative date cannot date an event when the article has no publication date', () => {
    const text = 'Two men were arrested last night in the murder of a deputy.\n';
    const relative = (published: string | null) => {
      const { seg, mentions } = doc(text, [{ phrase: 'last night', kind: 'date', time: { ...day('1999-12-31'), known: { year: true, month: true, day: true, time: false, zone: false } } }]);
      const article = { ...seg.article, meta: { ...seg.article.meta, published } };
      return extractEvents({ ...seg, article }, mentions.map((m) => ({ ...m, rule: 'chrono:ENCasualDateParser' }))).map((e) => e.time?.date ?? null);
    };
    expect(relative(null)).toEqual([null, null]);
    expect(relative('2000-01-01')).toEqual(['1999-12-31', '1999-12-31']);
  });
  it('never reads body sentences', () => {
    const { seg, mentions } = doc('Sunny weather today.\nMore sun tomorrow.\nClouds later.\nThe mayor resigned in 1990.\n');
    expect(extractEvents(seg, mentions)).toEqual([]);
  });
});
