/**
 * Quality rules of event mentions, table-driven (positive and negative rows):
 * participants are actors (people first, never media or speakers), group
 * references resolve in the current context (else the article's primary pair),
 * venues are places attached to the trigger, and a definite description with no
 * date of its own is the article's primary event.
 */
import { describe, expect, it } from 'vitest';
import { extractEvents, primaryPair, sentenceViews } from '../src/extract/event/index.ts';
import { findTriggers } from '../src/extract/event/triggers.ts';
import { isMedia, sentenceParticipants } from '../src/extract/event/participants.ts';
import { isVenue } from '../src/extract/event/anchors.ts';
import { date, doc, org, person, place, time, type MentionSpec } from './event-helpers.ts';

const first = (text: string, specs: MentionSpec[], type?: string) => {
  const { seg, mentions } = doc(text, specs);
  const events = extractEvents(seg, mentions);
  return type ? events.find((e) => e.type === type) : events[0];
};

describe('participants are the actors', () => {
  const rows: { text: string; specs: MentionSpec[]; type: string; expected: string[] }[] = [
    {
      text: 'The White House released a statement on the Trump Putin call.',
      specs: [org('White House', 'White House'), person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin')],
      type: 'phone_call',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
    {
      text: 'Axios described the phone call between Trump and Putin as a thaw.',
      specs: [org('Axios', 'Axios'), person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin')],
      type: 'phone_call',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
    {
      text: 'Trump spoke of his call with Putin on Truth Social.',
      specs: [person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), org('Truth Social', 'Truth Social')],
      type: 'phone_call',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
    {
      text: 'Trump and Putin met at the G20 summit, the Pentagon said.',
      specs: [person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), org('G20', 'G20'), org('Pentagon', 'Pentagon')],
      type: 'meeting',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
    {
      // No person: organizations are the actors, media still are not.
      text: 'NATO and the EU held a meeting, Reuters reported.',
      specs: [org('NATO', 'NATO'), org('EU', 'European Union'), org('Reuters', 'Reuters')],
      type: 'meeting',
      expected: ['European Union', 'NATO'],
    },
    {
      text: 'The prisoner exchange was described by The New York Times as a turning point.',
      specs: [org('The New York Times', 'New York Times')],
      type: 'prisoner_exchange',
      expected: [],
    },
    {
      text: 'A White House official declined to describe how the meeting went.',
      specs: [org('White House', 'White House')],
      type: 'meeting',
      expected: [],
    },
    {
      text: 'Peskov also revealed that Trump and Putin agreed to meet.',
      specs: [person('Peskov', 'Dmitry Peskov'), person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin')],
      type: 'meeting',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
    {
      text: 'According to CNN, the telephone conversation between Putin and Trump, along with the statements of NATO, caused alarm.',
      specs: [org('CNN', 'CNN'), person('Putin', 'Vladimir Putin'), person('Trump', 'Donald Trump'), org('NATO', 'NATO')],
      type: 'phone_call',
      expected: ['Donald Trump', 'Vladimir Putin'],
    },
  ];
  it.each(rows)('$text', ({ text, specs, type, expected }) => {
    expect(first(text, specs, type)?.participants).toEqual(expected);
  });

  it.each([
    ['Axios', true], ['The New York Times', true], ['TASS', true], ['Truth Social', true], ['Kyiv Post', true], ['Fox News', true],
    ['NATO', false], ['White House', false], ['Kremlin', false], ['OPEC+', false], ['European Union', false],
  ])('isMedia(%s) = %s', (name, expected) => {
    expect(isMedia(name)).toBe(expected);
  });

  it('keeps organizations only when no person is named', () => {
    const { seg, mentions } = doc('Trump, NATO and OPEC+ met.', [person('Trump', 'Donald Trump'), org('NATO', 'NATO'), org('OPEC+', 'OPEC+')]);
    expect(sentenceParticipants(mentions, null).names).toEqual(['Donald Trump']);
    expect(sentenceParticipants(mentions.filter((m) => m.kind === 'organization'), null).names).toEqual(['NATO', 'OPEC+']);
    expect(seg.sentences).toHaveLength(1);
  });
});

describe('group references resolve in the current context', () => {
  const callArticle = [
    'Trump and Putin held a phone call on Tuesday.',
    'The call between Trump and Putin lasted two hours.',
    'Biden and Putin met in Geneva in 2021.',
    'They both used careful pleasantries to describe their talks.',
    'Putin called them constructive.',
    'Biden said there was no substitute for face-to-face discussions.',
    'The two leaders have been talking since about 10 a.m. ET (1400 GMT).',
    'Peskov said there was a certain understanding between the two leaders, based on a phone call they held on February 12.',
  ].join('\n');
  const specs: MentionSpec[] = [
    person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Tuesday', '2025-03-18'),
    person('Trump', 'Donald Trump', 1), person('Putin', 'Vladimir Putin', 1),
    person('Biden', 'Joe Biden'), person('Putin', 'Vladimir Putin', 2), place('Geneva', 'Geneva'), date('2021', '2021'),
    person('Putin', 'Vladimir Putin', 3), person('Biden', 'Joe Biden', 1),
    time('10 a.m. ET', '2025-03-18T14:00Z'), time('1400 GMT', '2025-03-18T14:00Z'),
    person('Peskov', 'Dmitry Peskov'), date('February 12', '2025-02-12'),
  ];
  const { seg, mentions } = doc(callArticle, specs);
  const events = extractEvents(seg, mentions);
  const at = (phrase: string, type: string) => {
    const start = callArticle.indexOf(phrase);
    return events.find((e) => e.start <= start && start < e.end && e.type === type);
  };

  it.each([
    ['They both used careful pleasantries', 'talks', ['Joe Biden', 'Vladimir Putin']], // same paragraph context: the Geneva meeting
    ['The two leaders have been talking', 'phone_call', ['Donald Trump', 'Vladimir Putin']], // distant Biden antecedent loses to the primary pair
    ['Peskov said', 'phone_call', ['Donald Trump', 'Vladimir Putin']],
  ])('"%s…" (%s) → %j', (phrase, type, expected) => {
    expect(at(phrase, type)?.participants).toEqual(expected);
  });

  it('"have been talking" in a call story is a phone call', () => {
    expect(at('The two leaders have been talking', 'phone_call')?.triggerText).toBe('talking');
    expect(at('The two leaders have been talking', 'talks')).toBeUndefined();
  });

  it('finds the primary pair as the most frequent person pair of call/meeting sentences', () => {
    const views = sentenceViews(seg, mentions);
    const triggers = views.map((v) => findTriggers(v.text, v.sentence.start));
    expect(primaryPair(views, triggers, null)).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('has no primary pair when no pair is named twice', () => {
    const one = doc('Biden and Putin met in Geneva.\nThe two leaders have been talking by phone.', [person('Biden', 'Joe Biden'), person('Putin', 'Vladimir Putin')]);
    const views = sentenceViews(one.seg, one.mentions);
    expect(primaryPair(views, views.map((v) => findTriggers(v.text, v.sentence.start)), null)).toBeNull();
  });

  it('a plural group needs an antecedent with two or more: "the presidents" skips a meeting of one', () => {
    const text = [
      'Trump and Putin held a phone call on Monday.', 'Trump and Putin held a meeting in Paris on May 1.',
      'Trump cancelled a meeting on May 2.', 'The next meeting between the presidents took place on June 28.',
    ].join('\n');
    const { seg, mentions } = doc(text, [
      person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Monday', '2025-03-17'),
      person('Trump', 'Donald Trump', 1), person('Putin', 'Vladimir Putin', 1), place('Paris', 'Paris'), date('May 1', '2025-05-01'),
      person('Trump', 'Donald Trump', 2), date('May 2', '2025-05-02'), date('June 28', '2025-06-28'),
    ]);
    const next = extractEvents(seg, mentions).find((e) => e.time?.timex === '2025-06-28')!;
    expect(next.participants).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('a definite "the possible meeting between the leaders" does not take the date of someone else\'s meeting', () => {
    const text = [
      'Trump and Putin held a phone call on February 12.', 'Trump and Putin spoke by phone again.',
      'On February 18, Rubio and Lavrov met in Saudi Arabia.', 'Markets rose.', 'Analysts were surprised.',
      'Axios described the possible meeting between the leaders as a thaw.',
    ].join('\n');
    const { seg, mentions } = doc(text, [
      person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('February 12', '2025-02-12'),
      person('Trump', 'Donald Trump', 1), person('Putin', 'Vladimir Putin', 1),
      date('February 18', '2025-02-18'), person('Rubio', 'Marco Rubio'), person('Lavrov', 'Sergey Lavrov'), place('Saudi Arabia', 'Saudi Arabia'),
      org('Axios', 'Axios'),
    ]);
    const possible = extractEvents(seg, mentions).find((e) => e.type === 'meeting' && e.triggerText === 'meeting')!;
    expect(possible.participants).toEqual(['Donald Trump', 'Vladimir Putin']);
    expect(possible.time?.timex ?? null).toBeNull();
  });

  it('organizations around a definite "the conversation" of the story are topics: the primary pair is its cast', () => {
    const text = [
      'Trump and Putin held a phone call on February 12.', 'Trump and Putin spoke by phone about Ukraine.',
      'Hegseth, commenting on the conversation, emphasized that NATO members must pay.',
    ].join('\n');
    const { seg, mentions } = doc(text, [
      person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('February 12', '2025-02-12'),
      person('Trump', 'Donald Trump', 1), person('Putin', 'Vladimir Putin', 1), person('Hegseth', 'Pete Hegseth'), org('NATO', 'NATO'),
    ]);
    const start = text.indexOf('Hegseth');
    const e = extractEvents(seg, mentions).find((x) => x.start <= start && start < x.end)!;
    expect(e.attribution).toBe('Pete Hegseth');
    expect(e.participants).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  it('a close antecedent of the same kind wins: "the two will hold formal talks" after their meeting', () => {
    const text = 'Zelenskiy will meet Stubb on Wednesday.\nAfter a welcoming ceremony in Helsinki, the two will hold formal talks.';
    const e = first(text, [person('Zelenskiy', 'Volodymyr Zelenskyy'), person('Stubb', 'Alexander Stubb'), date('Wednesday', '2025-03-19'), place('Helsinki', 'Helsinki')], 'talks');
    expect(e?.participants).toEqual(['Alexander Stubb', 'Volodymyr Zelenskyy']);
    expect(e?.place).toBe('Helsinki');
  });
});

describe('venue, not topic', () => {
  const rows: { text: string; specs: MentionSpec[]; type: string; expected: string | null }[] = [
    { text: 'The two presidents met in Helsinki.', specs: [place('Helsinki', 'Helsinki')], type: 'meeting', expected: 'Helsinki' },
    { text: 'The summit took place in Helsinki.', specs: [place('Helsinki', 'Helsinki')], type: 'summit', expected: 'Helsinki' },
    { text: 'They met for the third time on July 16, 2018, in Helsinki.', specs: [place('Helsinki', 'Helsinki')], type: 'meeting', expected: 'Helsinki' },
    { text: 'Trump and Putin talked at the G20 summit in Osaka.', specs: [place('Osaka', 'Osaka')], type: 'summit', expected: 'Osaka' },
    { text: 'Delegates led by Rubio and Lavrov met in Saudi Arabia.', specs: [place('Saudi Arabia', 'Saudi Arabia')], type: 'meeting', expected: 'Saudi Arabia' },
    { text: 'In Geneva, the two leaders held talks.', specs: [place('Geneva', 'Geneva')], type: 'talks', expected: 'Geneva' },
    { text: 'The strikes that killed 78 people hit targets in Iran.', specs: [place('Iran', 'Iran')], type: 'attack', expected: 'Iran' },
    { text: 'Trump announced immediate negotiations to end military action in Ukraine.', specs: [place('Ukraine', 'Ukraine')], type: 'talks', expected: null },
    { text: 'The rapid initiation of negotiations with Russia and the open demands have caused alarm in Kyiv.', specs: [place('Kyiv', 'Kyiv')], type: 'talks', expected: null },
    { text: 'The leaders discussed the situation in Ukraine during the call.', specs: [place('Ukraine', 'Ukraine')], type: 'phone_call', expected: null },
    { text: 'The talks were about the war in Ukraine.', specs: [place('Ukraine', 'Ukraine')], type: 'talks', expected: null },
  ];
  it.each(rows)('$text → $expected', ({ text, specs, type, expected }) => {
    expect(first(text, specs, type)?.place ?? null).toBe(expected);
  });

  it('isVenue needs the place attached to the trigger', () => {
    const s = 'talks to end the war in Ukraine';
    expect(isVenue(s, 0, { start: 0, end: 5 }, { start: s.indexOf('Ukraine'), end: s.length })).toBe(false);
    const t = 'talks in Istanbul';
    expect(isVenue(t, 0, { start: 0, end: 5 }, { start: t.indexOf('Istanbul'), end: t.length })).toBe(true);
  });
});

describe('a definite description with no date of its own is the primary event', () => {
  const text = [
    '= February 2025 Putin–Trump phone call =',
    'The February 2025 Putin–Trump call was a telephone conversation between Trump and Putin.',
    'The conversation lasted an hour and a half, the first since the invasion of Ukraine in February 2022.',
    '== Course ==',
    'On February 12, 2025, a telephone conversation took place between Trump and Putin.',
    'On February 18, Rubio and Lavrov met in Saudi Arabia.',
    '== Reactions ==',
    'According to The Times, the 90-minute conversation was proof of a failure.',
    'Later, a call between Trump and Putin was held on March 18.',
    'Commentators said the call mattered.',
  ].join('\n');
  const specs: MentionSpec[] = [
    date('February 2025', '2025-02'), person('Putin', 'Vladimir Putin'), person('Trump', 'Donald Trump'),
    date('February 2025', '2025-02', 1), person('Putin', 'Vladimir Putin', 1), person('Trump', 'Donald Trump', 1),
    person('Trump', 'Donald Trump', 2), person('Putin', 'Vladimir Putin', 2),
    date('February 2022', '2022-02'),
    date('February 12, 2025', '2025-02-12'), person('Trump', 'Donald Trump', 3), person('Putin', 'Vladimir Putin', 3),
    date('February 18', '2025-02-18'), person('Rubio', 'Marco Rubio'), person('Lavrov', 'Sergey Lavrov'), place('Saudi Arabia', 'Saudi Arabia'),
    org('The Times', 'The Times'),
    person('Trump', 'Donald Trump', 4), person('Putin', 'Vladimir Putin', 4), date('March 18', '2025-03-18'),
  ];
  const { seg, mentions } = doc(text, specs);
  // Headings as the segmenter marks them.
  seg.blocks.forEach((b) => {
    if (text.slice(b.start, b.end).startsWith('=')) b.kind = 'heading';
  });
  let heading: number | null = null;
  seg.blocks.forEach((b) => {
    if (b.kind === 'heading') heading = b.index;
    else b.heading = heading;
  });
  const events = extractEvents(seg, mentions);
  const dateOf = (phrase: string) => {
    const start = text.indexOf(phrase);
    return events.find((e) => e.start <= start && start < e.end && e.type === 'phone_call')?.time?.timex ?? null;
  };

  it.each([
    ['The conversation lasted', '2025-02'], // "since … February 2022" opens a period, it does not date the call
    ['On February 12, 2025', '2025-02-12'],
    ['According to The Times', '2025-02-12'], // primary event, refined by the Course section
    ['Later, a call', '2025-03-18'],
    ['Commentators said the call', '2025-03-18'], // the most recent dated one in the same section wins
  ])('"%s…" → %s', (phrase, expected) => {
    expect(dateOf(phrase)).toBe(expected);
  });

  it('never dates the definite description with the Saudi meeting', () => {
    const start = text.indexOf('According to The Times');
    const call = events.find((e) => e.start <= start && start < e.end)!;
    expect(call.type).toBe('phone_call');
    expect(call.time?.timex).not.toBe('2025-02-18');
  });
});
