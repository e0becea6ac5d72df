/**
 * Modality cues (event level and value level) and attribution phrases, table-driven.
 */
import { describe, expect, it } from 'vitest';
import { eventModality, valueModality } from '../src/extract/event/modality.ts';
import { findAttribution } from '../src/extract/event/attribution.ts';
import type { Mention, Modality } from '../src/types.ts';

/** Modality of the first occurrence of `trigger` in `sentence`. */
function modalityOf(sentence: string, trigger: string): Modality {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`no ${trigger}`);
  return eventModality(sentence, start, start + trigger.length);
}

const EVENT_MODALITY: [string, string, Modality][] = [
  // actual
  ['The call lasted more than two hours.', 'call', 'actual'],
  ['The presidents met for the third time on July 16, 2018, in Helsinki.', 'met', 'actual'],
  ["Ukraine's Zelenskiy meeting Finnish leaders.", 'meeting', 'actual'],
  ['A separate White House official declined to describe how the call went.', 'call', 'actual'],
  ['Iran could target US bases as part of its retaliation after being attacked by Israel.', 'attacked', 'actual'],
  // planned
  ['Putin and Trump will hold their second direct phone conversation on Tuesday.', 'phone conversation', 'planned'],
  ['Putin and Trump are expected to discuss the situation in Ukraine during their telephone conversation this afternoon.', 'telephone conversation', 'planned'],
  ['A telephone discussion will take place between the presidents.', 'telephone discussion', 'planned'],
  ['Their calls scheduled for 1300 GMT, comes after weeks of engagement.', 'calls', 'planned'],
  ['The meeting is planned for next week.', 'meeting', 'planned'],
  ['The summit is to take place in Paris.', 'summit', 'planned'],
  ['The next full-scale summit was to take place on November 11, 2018, in Paris.', 'summit', 'planned'],
  ['Donald Trump announced an upcoming personal meeting with Vladimir Putin.', 'meeting', 'planned'],
  ['They agreed to meet on December 1, 2018, in Buenos Aires.', 'meet', 'planned'],
  ['Russia and Ukraine will swap 175 prisoners of war.', 'swap', 'planned'],
  ['These negotiations will begin immediately in the Middle East.', 'negotiations', 'planned'],
  ['Trump said he would meet Putin soon.', 'meet', 'planned'],
  ["The leaders' call is scheduled for Tuesday.", 'call', 'planned'],
  // negated
  ['No agreements were announced as a result of the summit.', 'agreements', 'negated'],
  ['However, two days before, Trump canceled the meeting.', 'meeting', 'negated'],
  ['The French authorities asked to cancel the meeting.', 'meeting', 'negated'],
  ['The meeting was canceled by the American side.', 'meeting', 'negated'],
  ['The two leaders did not meet in Paris.', 'meet', 'negated'],
  ['He aimed but didn\u2019t strike a three-way nuclear deal.', 'deal', 'negated'],
  ['These interactions compensated for the absence of a full-format meeting.', 'meeting', 'negated'],
  ['The summit did not take place.', 'summit', 'negated'],
  // hypothetical
  ['The conversation could possibly lead to a ceasefire in the Ukraine conflict.', 'ceasefire', 'hypothetical'],
  ['Iran could strike American military bases.', 'strike', 'hypothetical'],
  ['Any dialogue between the two would mark the first time they have spoken.', 'dialogue', 'hypothetical'],
  ['If the talks fail, sanctions follow.', 'talks', 'hypothetical'],
  ['A meeting may take place in Riyadh.', 'meeting', 'hypothetical'],
  ['The BBC noted that a possible meeting between the leaders would mark a shift.', 'meeting', 'hypothetical'],
];

describe('event modality', () => {
  it.each(EVENT_MODALITY)('%s [%s] → %s', (sentence, trigger, expected) => {
    expect(modalityOf(sentence, trigger)).toBe(expected);
  });
});

describe('value modality: governed by its own words', () => {
  const sentence =
    'Instead of the planned 30-45 minutes, the negotiations, which also included Lavrov and Tillerson, lasted 2 hours and 15 minutes.';
  const at = (phrase: string) => sentence.indexOf(phrase);

  it('the planned length is planned, the lasted length actual, in one sentence', () => {
    const event = modalityOf(sentence, 'negotiations');
    expect(event).toBe('actual');
    expect(valueModality(sentence, at('30-45 minutes'), event)).toBe('planned');
    expect(valueModality(sentence, at('2 hours and 15 minutes'), event)).toBe('actual');
  });

  const VALUES: [string, string, Modality, Modality][] = [
    ['Their calls scheduled for 1300 GMT.', '1300 GMT', 'actual', 'planned'],
    ['The call is expected to last an hour.', 'an hour', 'actual', 'planned'],
    ['The meeting, set for 3 p.m., was delayed.', '3 p.m.', 'actual', 'planned'],
    ['The talks could last two days.', 'two days', 'actual', 'hypothetical'],
    ['The call, expected to be short, lasted 90 minutes.', '90 minutes', 'planned', 'actual'],
    ['The call started at 10:00 a.m. ET.', '10:00 a.m. ET', 'actual', 'actual'],
    ['They will talk on Tuesday.', 'Tuesday', 'planned', 'planned'],
    ['They spoke for more than two hours (longer than planned).', 'more than two hours', 'actual', 'actual'],
  ];
  it.each(VALUES)('%s [%s] event %s → %s', (s, phrase, event, expected) => {
    expect(valueModality(s, s.indexOf(phrase), event)).toBe(expected);
  });
});

/** Entity mentions for a sentence at offset 0. */
function entity(sentence: string, phrase: string, kind: 'person' | 'organization', value: string): Mention {
  const start = sentence.indexOf(phrase);
  return { source: 't', kind, start, end: start + phrase.length, text: phrase, value, sentence: 0, rule: 'test' };
}

const ATTRIBUTION: [string, [string, 'person' | 'organization', string][], string | null][] = [
  ['Putin agreed to a proposal by Trump, the Kremlin said.', [['Kremlin', 'organization', 'Kremlin']], 'Kremlin'],
  ['A White House official said the call started at 10:00 a.m. ET.', [['White House', 'organization', 'White House']], 'White House official'],
  ['According to TASS, the call lasted two hours.', [['TASS', 'organization', 'TASS']], 'TASS'],
  ['The call lasted two hours, according to TASS.', [], 'TASS'],
  [
    'The presidents are expected to talk this afternoon, Kremlin Spokesman Dmitry Peskov told reporters.',
    [['Kremlin', 'organization', 'Kremlin'], ['Dmitry Peskov', 'person', 'Dmitry Peskov']],
    'Dmitry Peskov',
  ],
  ['"All of this will have to be discussed," Peskov told reporters.', [['Peskov', 'person', 'Dmitry Peskov']], 'Dmitry Peskov'],
  ['Roberts said in a statement issued by the court.', [['Roberts', 'person', 'John Roberts']], 'John Roberts'],
  ['Russia and Ukraine will swap 175 prisoners of war from each side, the news agency said.', [], 'news agency'],
  ['According to official statements, the conversation lasted about an hour and a half.', [], 'official statements'],
  ['TASS also reported that:', [['TASS', 'organization', 'TASS']], 'TASS'],
  ['TASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.', [['TASS', 'organization', 'TASS']], 'TASS'],
  ['The White House would not confirm whether the call has ended, an official said.', [], 'official'],
  [
    'According to the press secretary of the Russian president, Dmitry Peskov, these interactions compensated for it.',
    [['Dmitry Peskov', 'person', 'Dmitry Peskov']],
    'Dmitry Peskov',
  ],
  ['Iran could target US bases, Fars news agency has reported.', [], 'Fars news agency'],
  ['"It could be a deal his predecessor never struck," said Joseph Webster, a senior fellow.', [['Joseph Webster', 'person', 'Joseph Webster']], 'Joseph Webster'],
  // no attribution: the outlet speaks
  ['The call lasted more than two hours.', [], null],
  ['Trump and Putin have been on the call for more than two hours now.', [], null],
  ['He said he would go.', [], null],
  ['A separate White House official declined to describe how the call went.', [], null],
];

describe('attribution', () => {
  it.each(ATTRIBUTION)('%s → %s', (sentence, entities, expected) => {
    const mentions = entities.map(([phrase, kind, value]) => entity(sentence, phrase, kind, value));
    const found = findAttribution(sentence, 0, mentions);
    expect(found?.name ?? null).toBe(expected);
    if (found) expect(found.span.end).toBeGreaterThan(found.span.start);
  });

  it('reports the speaker span in absolute offsets', () => {
    const prefix = 'Earlier text. ';
    const sentence = 'Putin agreed, the Kremlin said.';
    const found = findAttribution(sentence, prefix.length);
    expect((prefix + sentence).slice(found!.span.start, found!.span.end)).toBe('the Kremlin');
  });
});
