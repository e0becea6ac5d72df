/**
 * extractEvents on small hand-built articles: types, ids, participants, time,
 * place, de-duplication, boilerplate skipping.
 */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/extract/event/index.ts';
import { date, doc, org, person, place, time } from './event-helpers.ts';

describe('extractEvents', () => {
  it('builds a phone call with participants, date, modality and a stable id', () => {
    const text = 'On February 12, 2025, a formal telephone conversation took place between Trump and Putin.';
    const { seg, mentions } = doc(text, [date('February 12, 2025', '2025-02-12'), person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin')]);
    const [event, ...rest] = extractEvents(seg, mentions);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      id: `a1:e${text.indexOf('telephone conversation')}`,
      source: 'a1',
      type: 'phone_call',
      triggerText: 'telephone conversation',
      participants: ['Donald Trump', 'Vladimir Putin'],
      modality: 'actual',
      attribution: null,
      place: null,
    });
    expect(event!.time?.timex).toBe('2025-02-12');
    expect(text.slice(event!.timeSpan!.start, event!.timeSpan!.end)).toBe('February 12, 2025');
    expect(text.slice(event!.trigger.start, event!.trigger.end)).toBe(event!.triggerText);
    expect(text.slice(event!.start, event!.end)).toBe(text);
  });

  it('prefers the time linked to the trigger ("held on X") over a nearer unlinked one', () => {
    const text = 'In January, Peskov said a phone call they held on February 12 went well.';
    const { seg, mentions } = doc(text, [date('January', '2025-01'), date('February 12', '2025-02-12'), person('Peskov', 'Dmitry Peskov')]);
    const [event] = extractEvents(seg, mentions);
    expect(event!.time?.timex).toBe('2025-02-12');
  });

  it('finds the place after "in", not the topic ("the situation in Ukraine")', () => {
    const text = 'The presidents met for the third time on July 16, 2018, in Helsinki to discuss the situation in Ukraine.';
    const { seg, mentions } = doc(text, [date('July 16, 2018', '2018-07-16'), place('Helsinki', 'Helsinki'), place('Ukraine', 'Ukraine')]);
    const [event] = extractEvents(seg, mentions);
    expect(event).toMatchObject({ type: 'meeting', place: 'Helsinki' });
    expect(event!.time?.timex).toBe('2018-07-16');
  });

  it('ignores a place that is only a topic', () => {
    const text = 'The leaders discussed the war in Ukraine during the call.';
    const { seg, mentions } = doc(text, [place('Ukraine', 'Ukraine')]);
    expect(extractEvents(seg, mentions)[0]!.place).toBeNull();
  });

  it('keeps one mention per type per sentence ("The call … the conversation")', () => {
    const text = 'The call was long and the conversation was frank, but no agreement followed.';
    const { seg, mentions } = doc(text);
    const events = extractEvents(seg, mentions);
    expect(events.map((e) => `${e.type}:${e.triggerText}`)).toEqual(['phone_call:call', 'agreement:agreement']);
    expect(events[1]!.modality).toBe('negated');
  });

  it('leaves the speaker out of the participants and records the attribution', () => {
    const text = 'Putin and Trump are expected to discuss Ukraine during their telephone conversation, Kremlin Spokesman Dmitry Peskov told reporters.';
    const { seg, mentions } = doc(text, [
      person('Putin', 'Vladimir Putin'),
      person('Trump', 'Donald Trump'),
      org('Kremlin', 'Kremlin'),
      person('Dmitry Peskov', 'Dmitry Peskov'),
    ]);
    const [event] = extractEvents(seg, mentions);
    expect(event).toMatchObject({ participants: ['Donald Trump', 'Vladimir Putin'], attribution: 'Dmitry Peskov', modality: 'planned' });
  });

  it('resolves "the two leaders" to the latest event of the same kind', () => {
    const text = 'Trump and Putin held a phone call on Tuesday. The two leaders discussed a ceasefire during the call.';
    const { seg, mentions } = doc(text, [person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Tuesday', '2025-03-18')]);
    const events = extractEvents(seg, mentions);
    const second = events.find((e) => e.type === 'phone_call' && e.sentence === 1)!;
    expect(second.participants).toEqual(['Donald Trump', 'Vladimir Putin']);
    // "during the call": a definite reference inherits the date of the call just reported
    expect(second.time?.timex).toBe('2025-03-18');
    expect(text.slice(second.timeSpan!.start, second.timeSpan!.end)).toBe('Tuesday');
  });

  it('does not inherit a date for an indefinite new event', () => {
    const text = 'Trump and Putin held a phone call on Tuesday. They held another call later.';
    const { seg, mentions } = doc(text, [person('Trump', 'Donald Trump'), person('Putin', 'Vladimir Putin'), date('Tuesday', '2025-03-18')]);
    const events = extractEvents(seg, mentions);
    expect(events[1]!.time).toBeNull();
  });

  it('reads an ambiguous conversation as a phone call or a meeting from context', () => {
    const text = [
      'Trump and Putin spoke by phone on Tuesday.',
      'The conversation lasted two hours.',
      'Months later they met in Helsinki.',
      'They held a brief conversation on the sidelines of the summit.',
    ].join('\n');
    const { seg, mentions } = doc(text);
    const types = extractEvents(seg, mentions).map((e) => `${e.type}:${e.triggerText}`);
    expect(types).toEqual(['phone_call:spoke by phone', 'phone_call:conversation', 'meeting:met', 'meeting:conversation', 'summit:summit']);
  });

  it('turns "it was over" into an end of the latest conversation', () => {
    const text = 'A White House official said the call started at 10:00 a.m. ET.\nTASS, the Russia news agency, said at about 12:35 p.m. ET that it was over.';
    const { seg, mentions } = doc(text, [org('White House', 'White House'), org('TASS', 'TASS'), time('10:00 a.m. ET', '2025-03-18T14:00Z'), time('12:35 p.m. ET', '2025-03-18T16:35Z')]);
    const events = extractEvents(seg, mentions);
    expect(events.map((e) => [e.type, e.triggerText, e.attribution])).toEqual([
      ['phone_call', 'call', 'White House official'],
      ['phone_call', 'it was over', 'TASS'],
    ]);
  });

  it('skips sentences in boilerplate blocks', () => {
    const text = 'FILE PHOTO: Trump meets Putin in Helsinki, July 16, 2018.\nThe call lasted two hours.';
    const { seg, mentions } = doc(text, [], { boilerplateLines: [0] });
    expect(extractEvents(seg, mentions).map((e) => e.triggerText)).toEqual(['call']);
  });

  it('produces no events for sentences with only negative cues', () => {
    const text = [
      "Roberts' statement followed Trump's call on Tuesday for the impeachment of Judge Boasberg.",
      'Trump praised Putin, calling the invasion "genius".',
      'The two leaders had a frank exchange of views.',
      'He talks about the war every day.',
    ].join('\n');
    const { seg, mentions } = doc(text);
    expect(extractEvents(seg, mentions)).toEqual([]);
  });

  it('does not inherit a date across a newly dated sentence', () => {
    const text = [
      'On December 29, 2019, during a phone call, Putin thanked Trump.',
      'On April 10, 2020, the presidents spoke twice in one day.',
      'A few hours later, the Saudi king joined the conversation.',
    ].join('\n');
    const { seg, mentions } = doc(text, [date('December 29, 2019', '2019-12-29'), date('April 10, 2020', '2020-04-10')]);
    const last = extractEvents(seg, mentions).at(-1)!;
    expect([last.type, last.triggerText, last.time]).toEqual(['phone_call', 'conversation', null]);
  });

  it('does not inherit a bare time of day as the date of a later mention', () => {
    const text = 'The call started at 10:00 a.m. ET.\nAn official declined to describe how the call went.';
    const { seg, mentions } = doc(text, [time('10:00 a.m. ET', '2025-03-18T14:00Z')]);
    expect(extractEvents(seg, mentions).map((e) => e.time?.timex ?? null)).toEqual(['2025-03-18T14:00', null]);
  });

  it('leaves out the reporting outlet and an organization that names the gathering', () => {
    const text = 'MOSCOW | TASS | Putin and Trump held talks on the sidelines of the G20 summit.';
    const { seg, mentions } = doc(text, [org('TASS', 'TASS'), person('Putin', 'Vladimir Putin'), person('Trump', 'Donald Trump'), org('G20', 'G20')]);
    seg.article.meta.outlet = 'TASS';
    const events = extractEvents(seg, mentions);
    expect(events.map((e) => [e.type, e.participants])).toEqual([
      ['talks', ['Donald Trump', 'Vladimir Putin']],
      ['summit', ['Donald Trump', 'Vladimir Putin']],
    ]);
  });

  it('resolves "the two leaders" only to the same type for conversations', () => {
    const text = 'Biden and Putin met in Geneva in 2021.\nThe two leaders have been talking by phone since 10 a.m.';
    const { seg, mentions } = doc(text, [person('Biden', 'Joe Biden'), person('Putin', 'Vladimir Putin')]);
    const call = extractEvents(seg, mentions).find((e) => e.type === 'phone_call')!;
    expect(call.participants).toEqual([]);
  });

  it('is deterministic and ordered by position', () => {
    const text = 'The call lasted two hours. Russia and Ukraine will swap 175 prisoners of war. Talks resume Monday.';
    const { seg, mentions } = doc(text);
    const a = extractEvents(seg, mentions);
    const b = extractEvents(seg, [...mentions].reverse());
    expect(a).toEqual(b);
    expect(a.map((e) => e.trigger.start)).toEqual([...a.map((e) => e.trigger.start)].sort((x, y) => x - y));
  });
});
