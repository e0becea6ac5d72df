/** Boilerplate rules and block classification, each with positive and negative cases. */
import { describe, expect, it } from 'vitest';
import { lineVerdict, isCreditLine, segment } from '../src/segment/index.ts';
import type { Article, BoilerplateKind, InputFormat } from '../src/types.ts';
import { testArticle } from './article-helper.ts';

function article(text: string, format: InputFormat = 'text'): Article {
  return testArticle(text, { format, meta: { language: null } });
}

/** [block text, boilerplate kind or null] for every block of a text. */
function judged(text: string): [string, BoilerplateKind | null][] {
  const seg = segment(article(text));
  return seg.blocks.map((b) => [text.slice(b.start, b.end), b.boilerplate?.kind ?? null]);
}

const LINE_POSITIVE: [string, BoilerplateKind][] = [
  ['FILE PHOTO: Trump and Putin at the G20 in Hamburg, July 7, 2017. REUTERS/Carlos Barria', 'caption'],
  ['People walk past a ticker in New York City, U.S., March 18, 2025. REUTERS/Kylie Cooper', 'caption'],
  ['Leaders at the summit in Paris, November 11, 2018. Francois Mori/Pool via REUTERS', 'caption'],
  ['Photo: Mikhail Metzel', 'credit'],
  ['Photo: Russian President Vladimir Putin at the Kremlin in Moscow', 'caption'],
  ['A crowd gathers in Kyiv. (Photo by Jane Doe/Getty Images)', 'caption'],
  ['Firefighters work at the scene, Kyiv, Ukraine. (AP Photo/Efrem Lukatsky)', 'caption'],
  ['© Mikhail Metzel/TASS', 'credit'],
  ['Carlos Barria/Reuters', 'credit'],
  ['Carlos Barria/Reuters | Ramil Sitdikov, Pool by way of Sputnik by way of Reuters', 'credit'],
  ['Ramil Sitdikov, Pool via Sputnik via Reuters', 'credit'],
  ['Chip Somodevilla/Getty Images', 'credit'],
  ['Our Standards: The Thomson Reuters Trust Principles., opens new tab', 'standards'],
  ['© 2025 Reuters. All rights reserved.', 'standards'],
  ['Copyright 2025 The Associated Press. All rights reserved.', 'standards'],
  ['Kylie is the Deputy Live Pages Editor, helping showcase Reuters multimedia coverage.', 'byline'],
  ['Vanessa Balintec is a Live Page Journalist based in Toronto, Ontario.', 'byline'],
  ['By Guy Faulconbridge and Andrew Osborn', 'byline'],
  ['Reporting by Dmitry Antonov; Editing by Alex Richardson', 'byline'],
  ['Contact: vanessa.balintec@reuters.com', 'byline'],
  ['vanessa.balintec@reuters.com', 'byline'],
  // rules behind a cheap `includes` (via / by way of / Getty Images / @): still found
  ['Leaders meet in Paris on Monday, Jan. 6, 2025, a long caption line here by way of Reuters', 'caption'],
  ['The president arrives at the summit in a long motorcade seen here via AFP', 'caption'],
  ['Protesters gather in Kyiv in the early morning as seen here, Getty Images', 'credit'],
  ['11 hours ago', 'timestamp'],
  ['Updated 3 hours ago', 'timestamp'],
  ['2 min read', 'timestamp'],
  ['Comments', 'comments'],
  ['No comments yet...', 'comments'],
  ['Leave a comment', 'comments'],
  ['Add a comment', 'comments'],
  ['Try Our AI Features', 'promo'],
  ['Explore what Daily8 AI can do for you:', 'promo'],
  ['Sign up for our newsletter', 'promo'],
  ['Subscribe', 'promo'],
  ['Download our app', 'promo'],
  ['Hashtags', 'navigation'],
  ['Share', 'navigation'],
  ['Read our roundup here', 'navigation'],
  ['Skip to content', 'navigation'],
  ['Advertisement', 'navigation'],
  ['Home › World › Europe', 'navigation'],
  ['#Russia #Ukraine #Trump', 'navigation'],
  ['Related Articles', 'related'],
  ['You may also like', 'related'],
  ['More from Reuters', 'related'],
  ['More From The Guardian', 'related'],
  ['Recommended', 'related'],
  ['See also', 'related'],
  ['Infobox', 'infobox'],
];

const LINE_NEGATIVE: string[] = [
  'Putin and Trump discussed the call via a secure line',
  'Putin and Trump met via Zoom',
  'A Reuters/Ipsos poll found that most Americans back the ceasefire.',
  'The footage, obtained via Reuters, shows the damage.',
  'According to a discussion paper seen by Reuters on Friday, the EU should double its aid.',
  'Peskov is the Kremlin spokesman.',
  'Putin is the president of Russia and a former KGB officer.',
  'Trump called the meeting with the Russian president “amazing.”',
  'Eleven hours ago, the Kremlin said the call would take place.',
  'The comments by Peskov were reported by TASS.',
  'Subscribers to the service were notified on Tuesday.',
  'Share prices rose by 6 percent after the call.',
  'Read more about the call in the Kremlin statement, officials said.',
  'MOSCOW | TASS | Russian President Vladimir Putin and his US counterpart Donald Trump are expected to discuss the situation.',
  'Putin has met with five sitting U.S. presidents since he became president of Russia in 2000.',
  'The first meeting between the presidents took place on July 7, 2017, in Hamburg.',
  'TASS also reported that:',
  'Summary',
  'Meetings',
  'Barack Obama',
  'Copyrighted works were discussed at the summit.',
  'Getty Images reported record revenue on Tuesday.',
  'Evan Gershkovich is a Wall Street Journal reporter who was detained in Russia.',
  'More from the call',
  'More on Ukraine later',
];

describe('lineVerdict: positives', () => {
  it.each(LINE_POSITIVE)('%s → %s', (text, kind) => {
    expect(lineVerdict(text)?.kind).toBe(kind);
  });
});

describe('lineVerdict: negatives (content)', () => {
  it.each(LINE_NEGATIVE)('%s', (text) => {
    expect(lineVerdict(text)).toBeNull();
  });
});

describe('isCreditLine', () => {
  it.each([
    ['Carlos Barria/Reuters', true],
    ['Sputnik/Mikhail Klimentyev/Kremlin via REUTERS', true],
    ['Ramil Sitdikov, Pool by way of Sputnik by way of Reuters', true],
    ['Barack Obama', false],
    ['Trump and Putin', false],
    ['The call went via a secure line', false],
    ['Carlos Barria/Reuters said the call was over.', false],
  ] as [string, boolean][])('%s → %s', (text, expected) => {
    expect(isCreditLine(text)).toBe(expected);
  });
});

describe('context rules', () => {
  it('a line ending with a place and full date above a credit is a caption', () => {
    expect(
      judged(
        'Putin speaks during a visit to Moscow State University, in Moscow, Jan. 24, 2025.\nRamil Sitdikov, Pool via Sputnik via Reuters\nThe talks went on for hours, officials said on Friday.',
      ),
    ).toEqual([
      ['Putin speaks during a visit to Moscow State University, in Moscow, Jan. 24, 2025.', 'caption'],
      ['Ramil Sitdikov, Pool via Sputnik via Reuters', 'credit'],
      ['The talks went on for hours, officials said on Friday.', null],
    ]);
  });

  it('a dated sentence not followed by a credit stays content', () => {
    expect(judged('The presidents met in Helsinki, Finland, July 16, 2018.\nThey spoke for two hours.')).toEqual([
      ['The presidents met in Helsinki, Finland, July 16, 2018.', null],
      ['They spoke for two hours.', null],
    ]);
  });

  it('marks the outlet line above a bio and the bio continuation', () => {
    expect(
      judged('The talks ended on Tuesday, the Kremlin said.\nThomson Reuters\nFarouq is a Live Page Journalist.\nHe previously worked in London.'),
    ).toEqual([
      ['The talks ended on Tuesday, the Kremlin said.', null],
      ['Thomson Reuters', 'byline'],
      ['Farouq is a Live Page Journalist.', 'byline'],
      ['He previously worked in London.', 'byline'],
    ]);
  });

  it('infobox fields directly under "Infobox", then content again', () => {
    expect(judged('Infobox\n- Size: 300px\n- Date: February 12, 2025\nThe call was a formal telephone conversation between the two presidents.')).toEqual([
      ['Infobox', 'infobox'],
      ['- Size: 300px', 'infobox'],
      ['- Date: February 12, 2025', 'infobox'],
      ['The call was a formal telephone conversation between the two presidents.', null],
    ]);
  });

  it('key: value list items without an Infobox line are content', () => {
    expect(judged('- Date: February 12, 2025\n- Participants: Trump, Putin')).toEqual([
      ['- Date: February 12, 2025', null],
      ['- Participants: Trump, Putin', null],
    ]);
  });

  it('everything after a related heading is related, up to the next marked-up heading', () => {
    const text = [
      'The leaders spoke for two hours on Tuesday, the Kremlin said.',
      'Related Articles',
      'Putin and Trump discuss Iran',
      'Russian President Vladimir Putin and his US counterpart Donald Trump spoke over the phone on Saturday, the Kremlin said.',
      '== Aftermath ==',
      'Markets rose after the call, traders said.',
    ].join('\n');
    expect(judged(text).map(([, kind]) => kind)).toEqual([null, 'related', 'related', 'related', null, null]);
  });

  it('a wiki "See also" section is related until the next section of the same rank', () => {
    const text = '== See also ==\n- 2025 Budapest Summit\n=== Sub ===\n- Alaska Summit\n== Notes ==\nSome note about the call.';
    expect(judged(text).map(([, kind]) => kind)).toEqual(['related', 'related', 'related', 'related', null, null]);
  });
});

describe('block classification', () => {
  function kinds(text: string): [string, string, number | undefined][] {
    const seg = segment(article(text));
    return seg.blocks.map((b) => [text.slice(b.start, b.end), b.kind, b.level]);
  }

  it('wiki headings with levels, list items, paragraphs and lines', () => {
    const text = [
      '= Title =',
      '== Section ==',
      '===Sub===',
      '- a list item',
      '* another',
      '• third',
      '1. numbered',
      'A long prose line that runs on and on about the telephone conversation between the two presidents today.',
      'Short line here:',
    ].join('\n');
    expect(kinds(text)).toEqual([
      ['= Title =', 'heading', 1],
      ['== Section ==', 'heading', 2],
      ['===Sub===', 'heading', 3],
      ['- a list item', 'list-item', undefined],
      ['* another', 'list-item', undefined],
      ['• third', 'list-item', undefined],
      ['1. numbered', 'list-item', undefined],
      ['A long prose line that runs on and on about the telephone conversation between the two presidents today.', 'paragraph', undefined],
      ['Short line here:', 'line', undefined],
    ]);
  });

  it('title-like lines followed by content are headings; others are not', () => {
    const prose = 'The first meeting between the presidents took place on July 7, 2017, on the sidelines of the G20 summit.';
    const text = ['Meetings', prose, 'BILL CLINTON', 'FILE PHOTO: Putin and Clinton, June 3, 2000. REUTERS/Viktor Korotayev', prose, 'Breaking the silence', prose, 'Carlos Barria/Reuters', prose, 'It ended.', prose, 'Ukraine says no', 'Moscow'].join('\n');
    expect(kinds(text).map(([t, k]) => `${k}:${t.slice(0, 20)}`)).toEqual([
      'heading:Meetings',
      'paragraph:The first meeting be',
      'heading:BILL CLINTON',
      'line:FILE PHOTO: Putin an',
      'paragraph:The first meeting be',
      'heading:Breaking the silence',
      'paragraph:The first meeting be',
      'line:Carlos Barria/Reuter',
      'paragraph:The first meeting be',
      'line:It ended.',
      'paragraph:The first meeting be',
      'line:Ukraine says no',
      'line:Moscow',
    ]);
  });

  it('links blocks to their heading, and sub-headings to their parent', () => {
    const seg = segment(article('= T =\nIntro text that is long enough to be a paragraph, surely.\n== A ==\nText under A, which is a full sentence.\n=== A1 ===\nDeep text.\n== B ==\nText under B.'));
    expect(seg.blocks.map((b) => b.heading)).toEqual([null, 0, 0, 2, 2, 4, 0, 6]);
  });
});
