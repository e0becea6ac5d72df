/**
 * The trigger lexicon, table-driven: each row is a sentence and the triggers
 * (type + text) it must yield; negative rows must yield none of the given type.
 */
import { describe, expect, it } from 'vitest';
import { findTriggers, TRIGGER_RULES } from '../src/extract/event/triggers.ts';

const found = (sentence: string) => findTriggers(sentence, 0).map((t) => `${t.type}:${t.text}`);

const POSITIVE: [string, string[]][] = [
  ['The leaders held a phone call on Tuesday.', ['phone_call:phone call']],
  ['Their telephone conversation lasted 90 minutes.', ['phone_call:telephone conversation']],
  ['They had a phone conversation this afternoon.', ['phone_call:phone conversation']],
  ['A telephone discussion will take place between the presidents.', ['phone_call:telephone discussion']],
  ['The leaders spoke by telephone on Friday.', ['phone_call:spoke by telephone']],
  ['Putin and Trump spoke over the phone on Saturday.', ['phone_call:spoke over the phone']],
  ['They spoke by phone twice.', ['phone_call:spoke by phone']],
  ['A White House official said the call started at 10:00 a.m. ET.', ['phone_call:call']],
  ['Trump and Putin have been on the call for more than two hours now.', ['phone_call:call']],
  ['Their calls scheduled for 1300 GMT.', ['phone_call:calls']],
  ['He had a call with Putin.', ['phone_call:call']],
  ['The White House released a readout of the Trump-Putin call.', ['phone_call:call']],
  ['The August phone talk was preceded by a summit.', ['phone_call:phone talk', 'summit:summit']],
  ['The leaders of Russia and the US held another call.', ['phone_call:call']],
  ['Later calls between Putin and Trump were made in March.', ['phone_call:calls']],
  ['The two leaders have been talking since about 10 a.m. ET.', ['conversation:talking']],
  ['The hour-and-a-half conversation was the first direct dialogue.', ['conversation:conversation']],
  ['The discussion lasted 1 hour and 20 minutes.', ['conversation:discussion']],
  ['The talks were held in Istanbul.', ['talks:talks']],
  ['Clinton visited Moscow for talks with Putin.', ['talks:talks']],
  ['Negotiations will begin immediately.', ['talks:Negotiations']],
  ['The first meeting took place on July 7, 2017.', ['meeting:meeting']],
  ["Ukraine's Zelenskiy meeting Finnish leaders.", ['meeting:meeting']],
  ['The presidents met for the third time in Helsinki.', ['meeting:met']],
  ['Zelenskiy will meet Finnish President Alexander Stubb on Wednesday.', ['meeting:meet']],
  ['A 2018 summit in Helsinki was marked by bonhomie.', ['summit:summit']],
  ['Israeli airstrikes pounded Gaza.', ['attack:airstrikes']],
  ['The IDF strikes hit Iran on Friday.', ['attack:strikes']],
  ['A suicide attack hit the market.', ['attack:attack']],
  ['The shelling of the city continued.', ['attack:shelling']],
  ['A man was shot dead in the street.', ['attack:shot']],
  ['Iran could strike American military bases.', ['attack:strike']],
  ['Three people died in the blast.', ['death:died']],
  ['Two soldiers were killed on Monday.', ['death:killed']],
  ['Strikes that killed 78 people.', ['attack:Strikes']],
  ['Police arrested the suspect.', ['arrest:arrested']],
  ['Three Ukrainian ships were detained in the strait.', ['arrest:detained']],
  ['The leaders agreed to continue cooperation.', ['agreement:agreed']],
  ['Ukraine and Finland signed a defense agreement.', ['agreement:signed', 'agreement:agreement']],
  ['The future of the New START treaty was discussed.', ['agreement:treaty']],
  ['They reached a deal with Iran.', ['agreement:deal']],
  ['Zelensky endorsed an unconditional 30-day ceasefire.', ['ceasefire:ceasefire']],
  ['A truce in the de-escalation zone was agreed.', ['ceasefire:truce', 'agreement:agreed']],
  ['Russia and Ukraine will swap 175 prisoners of war.', ['prisoner_exchange:swap']],
  ['The prisoner exchange could be a harbinger.', ['prisoner_exchange:prisoner exchange']],
  ['He arrived to arrange the exchange of American citizen Marc Fogel.', ['prisoner_exchange:exchange']],
  ['Trump won the election in 2016.', ['election:won the election']],
  ['He was elected in 2000.', ['election:elected']],
  ['A strong earthquake hit the coast.', ['disaster:earthquake']],
  ['The wildfire spread overnight.', ['disaster:wildfire']],
  ['A fire broke out in the building.', ['disaster:fire']],
  ['The plane crash killed everyone on board.', ['disaster:crash', 'death:killed']],
  ['Roberts said in a statement issued by the court.', ['statement:statement']],
];

/** Sentences and the event types they must NOT produce. */
const NEGATIVE: [string, string][] = [
  ["Roberts' statement followed Trump's call on Tuesday for the impeachment of Judge Boasberg.", 'phone_call'],
  ['Trump called for the impeachment of the judge.', 'phone_call'],
  ['The calls for a ceasefire grew louder.', 'phone_call'],
  ['Trump praised Putin, calling the invasion "genius".', 'phone_call'],
  ['We call on Russia to stop.', 'phone_call'],
  ['I call upon all parties to remain calm.', 'phone_call'],
  ['It was a close call for the team.', 'phone_call'],
  ['The vote was a wake-up call.', 'phone_call'],
  ['He talks about peace all the time.', 'talks'],
  ['She talks a lot.', 'talks'],
  ['He aimed but didn\'t strike a three-way nuclear deal.', 'attack'],
  ['Trump wants to strike a deal with Putin.', 'attack'],
  ['The workers went on a general strike.', 'attack'],
  ['The two leaders had a detailed and frank exchange of views.', 'prisoner_exchange'],
  ['The Moscow Exchange rose by 6 percent.', 'prisoner_exchange'],
  ['They exchanged congratulations on the anniversary.', 'prisoner_exchange'],
  ['During his first term the leaders held six meetings.', 'meeting'],
  ['They spoke by telephone approximately two dozen times.', 'phone_call'],
  ['The two met multiple times during his first term.', 'meeting'],
  ['The plan failed to meet the deadline.', 'meeting'],
  ['The proposal met with criticism.', 'meeting'],
  ['Beijing has a great deal of power over the situation.', 'agreement'],
  ['We have to deal with the consequences.', 'agreement'],
  ['A Kremlin official said it was a big deal.', 'agreement'],
  ['Roberts responded to Trump\'s attacks on a federal judge.', 'attack'],
  ['He died of a heart attack.', 'attack'],
  ['The cease-fire held overnight.', 'disaster'],
  ['The minister came under fire for the plan.', 'disaster'],
  ['The stock market crash wiped out savings.', 'disaster'],
  ['He faces the death penalty.', 'death'],
  ['A discussion paper by the EU was seen by Reuters.', 'phone_call'],
  ['A discussion paper by the EU was seen by Reuters.', 'meeting'],
  ['A discussion paper by the EU was seen by Reuters.', 'conversation'],
  ['We are talking about a deal.', 'conversation'],
  ['They signed up for the newsletter.', 'agreement'],
];

describe('trigger lexicon: positive cases', () => {
  it.each(POSITIVE)('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});

describe('trigger lexicon: negative cases', () => {
  it.each(NEGATIVE)('%s (no %s)', (sentence, type) => {
    expect(findTriggers(sentence, 0).filter((t) => t.type === type)).toEqual([]);
  });
});

describe('trigger spans', () => {
  it('are absolute and quote the sentence', () => {
    const text = 'Intro. They agreed to a prisoner swap of 10 POWs.';
    const offset = 7;
    for (const t of findTriggers(text.slice(offset), offset)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(findTriggers(text.slice(offset), offset).map((t) => t.type)).toEqual(['agreement', 'prisoner_exchange']);
  });

  it('keep the longest match when rules overlap', () => {
    expect(found('During telephone calls on May 2, the presidents talked.')).toEqual(['phone_call:telephone calls']);
  });

  it('every rule has a unique id', () => {
    const ids = TRIGGER_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
