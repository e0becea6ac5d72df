/** Temporal extraction: table-driven positive cases (negatives in time-negative.test.ts). */
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../src/extract/time/index.ts';
import { offsetAtWallTime, resolveZone, wallTimeToUtc } from '../src/extract/time/zones.ts';
import type { Mention } from '../src/types.ts';
import { makeArticle, splitSentences } from './time-helpers.ts';

function extract(text: string, published: string | null = '2025-03-18', timezone: string | null = 'America/New_York'): Mention[] {
  const article = makeArticle(text, published, timezone);
  const mentions = extractTimes(article, splitSentences(text));
  for (const m of mentions) expect(m.text).toBe(text.slice(m.start, m.end));
  return mentions;
}

const brief = (m: Mention) => [m.text, m.value];

describe('relative expressions against the publication date (2025-03-18, a Tuesday)', () => {
  it.each([
    ['The Kremlin will hold talks on Tuesday.', 'Tuesday', '2025-03-18'],
    ['Peskov said on Friday that talks went well.', 'Friday', '2025-03-14'],
    ['The judge ruled on Saturday.', 'Saturday', '2025-03-15'],
    ['Zelenskiy will meet Stubb on Wednesday.', 'Wednesday', '2025-03-19'],
    ['They met on Wednesday.', 'Wednesday', '2025-03-12'],
    ['They will meet next Tuesday.', 'next Tuesday', '2025-03-25'],
    ['They met last Friday.', 'last Friday', '2025-03-14'],
    ['Putin and Trump will talk this afternoon.', 'this afternoon', '2025-03-18TAF'],
    ['Ukraine agreed last week.', 'last week', '2025-W11'],
    ['The talks are next week.', 'next week', '2025-W13'],
    ['He spoke today.', 'today', '2025-03-18'],
    ['It happened yesterday.', 'yesterday', '2025-03-17'],
    ['Finland signed a deal earlier this month.', 'earlier this month', '2025-03'],
    ['The EU gave 20 billion euros last year.', 'last year', '2024'],
    ['Aid will double this year.', 'this year', '2025'],
    ['It happened three days ago.', 'three days ago', '2025-03-15'],
  ])('%s', (text, span, value) => {
    expect(extract(text).map(brief)).toEqual([[span, value]]);
  });

  it('keeps deictic dates implied, not stated', () => {
    const [m] = extract('He spoke today.');
    expect(m!.time!.known).toEqual({ year: false, month: false, day: false, time: false, zone: false });
  });

  it('resolves against a date-time publication in the article zone', () => {
    // 02:00Z on the 19th is still the 18th in New York
    expect(extract('He spoke today.', '2025-03-19T02:00:00Z').map(brief)).toEqual([['today', '2025-03-18']]);
  });
});

describe('clock times with zones (TIMEX wall time, utc instant)', () => {
  it.each([
    ['The talks start at 1300 GMT.', '1300 GMT', '2025-03-18T13:00', '2025-03-18T13:00Z', 'UTC'],
    ['Talks began at 0900 GMT.', '0900 GMT', '2025-03-18T09:00', '2025-03-18T09:00Z', 'UTC'],
    ['The call started at 10:00 a.m. ET.', '10:00 a.m. ET', '2025-03-18T10:00', '2025-03-18T14:00Z', 'America/New_York'],
    ['TASS said at about 12:35 p.m. ET that it was over.', '12:35 p.m. ET', '2025-03-18T12:35', '2025-03-18T16:35Z', 'America/New_York'],
    ['The call started at 17:00 Moscow time.', '17:00 Moscow time', '2025-03-18T17:00', '2025-03-18T14:00Z', 'Europe/Moscow'],
    ['It began at 9 a.m. EST.', '9 a.m. EST', '2025-03-18T09:00', '2025-03-18T14:00Z', '-05:00'],
    ['It began at 9 a.m. EDT.', '9 a.m. EDT', '2025-03-18T09:00', '2025-03-18T13:00Z', '-04:00'],
    ['The meeting is at 15:00 MSK.', '15:00 MSK', '2025-03-18T15:00', '2025-03-18T12:00Z', 'Europe/Moscow'],
    ['Sirens sounded at 10:00 Kyiv time.', '10:00 Kyiv time', '2025-03-18T10:00', '2025-03-18T08:00Z', 'Europe/Kyiv'],
  ])('%s', (text, span, timex, utc, zone) => {
    const [m, ...rest] = extract(text);
    expect(rest).toEqual([]);
    expect([m!.text, m!.kind, m!.value, m!.time!.utc, m!.time!.zone, m!.time!.known.zone]).toEqual([span, 'time', timex, utc, zone, true]);
  });

  it('"10 a.m. ET (1400 GMT)" gives both, and they agree', () => {
    const ms = extract('The two leaders have been talking since about 10 a.m. ET (1400 GMT).');
    expect(ms.map((m) => [m.text, m.time!.utc])).toEqual([
      ['10 a.m. ET', '2025-03-18T14:00Z'],
      ['1400 GMT', '2025-03-18T14:00Z'],
    ]);
  });

  it('ET follows DST: January is EST', () => {
    expect(extract('It began at 10 a.m. ET.', '2025-01-20')[0]!.time!.utc).toBe('2025-01-20T15:00Z');
  });

  it('a clock time takes the date of its own sentence', () => {
    const ms = extract('The call began at 14:00 Kiev time on March 18, 2024.');
    expect(ms.map(brief)).toEqual([
      ['14:00 Kiev time', '2024-03-18T14:00'],
      ['March 18, 2024', '2024-03-18'],
    ]);
    expect(ms[0]!.time!.utc).toBe('2024-03-18T12:00Z');
  });

  it('a clock time without a written zone uses the article zone, known.zone false', () => {
    const [m] = extract('It happened on December 15th, 2008, 7:35 am.');
    expect([m!.text, m!.value, m!.time!.utc, m!.time!.known]).toEqual([
      'December 15th, 2008, 7:35 am',
      '2008-12-15T07:35',
      '2008-12-15T12:35Z',
      { year: true, month: true, day: true, time: true, zone: false },
    ]);
  });
});

describe('absolute dates and granularity', () => {
  it.each([
    ['It was Feb. 12.', 'Feb. 12', '2025-02-12'],
    ['On 12 February 2025 they spoke.', '12 February 2025', '2025-02-12'],
    ['Published 2025-03-18 in Moscow.', '2025-03-18', '2025-03-18'],
    ['On March 18, 2025, they spoke.', 'March 18, 2025', '2025-03-18'],
    ['By mid-March the talks stalled.', 'mid-March', '2025-03'],
    ['In late 2024 the war escalated.', 'late 2024', '2024'],
    ['He became president in 2000.', '2000', '2000'],
    ['Clinton visited Moscow in June 2000.', 'June 2000', '2000-06'],
    ['The invasion in February 2022 changed it.', 'February 2022', '2022-02'],
    ['They will meet in March.', 'March', '2025-03'],
    ['They met in December.', 'December', '2024-12'],
    ['A 2018 summit in Helsinki was marked by bonhomie.', '2018', '2018'],
    ['He won the 2016 U.S. election.', '2016', '2016'],
  ])('%s', (text, span, value) => {
    expect(extract(text).map(brief)).toEqual([[span, value]]);
  });

  it('a day-level date never pretends to be a time', () => {
    const [m] = extract('On March 18, 2025, they spoke.');
    expect(m!.kind).toBe('date');
    expect(m!.time).toMatchObject({ granularity: 'day', utc: null, date: '2025-03-18', zone: null });
    expect(m!.time!.known).toEqual({ year: true, month: true, day: true, time: false, zone: false });
  });

  it('year ranges: "2017-2021" with endTime, "since 2000"', () => {
    const [range] = extract("During Trump's first term in 2017-2021 they met six times.");
    expect([range!.text, range!.value, range!.endTime?.timex, range!.time!.granularity]).toEqual(['2017-2021', '2017', '2021', 'year']);
    expect(extract('Putin has met five presidents since 2000.').map(brief)).toEqual([['2000', '2000']]);
  });

  it('a list takes the year at its end', () => {
    const ms = extract('During telephone calls on May 2, November 21, and December 15, 2017, they spoke.');
    expect(ms.map(brief)).toEqual([
      ['May 2', '2017-05-02'],
      ['November 21', '2017-11-21'],
      ['December 15, 2017', '2017-12-15'],
    ]);
    expect(ms[0]!.rule).toContain('list-year');
  });

  it('sets: "every Tuesday"', () => {
    expect(extract('They talk every Tuesday.').map((m) => [m.text, m.kind, m.value])).toEqual([['every Tuesday', 'set', 'XXXX-WXX-2']]);
  });
});

describe('year-less dates take the narrative year', () => {
  const values = (text: string, published: string | null = '2025-03-18') => extract(text, published).map(brief);

  it.each([
    ['On November 7, 2024, Putin congratulated Trump.\nOn November 9, an adviser spoke.', '2025-11-01', ['November 9', '2024-11-09']],
    ['They met on November 25, 2018. Nevertheless, on December 1, they talked.', '2025-03-18', ['December 1', '2018-12-01']],
    ['On December 15, 2017, they spoke. On December 17 of that year, Putin thanked Trump.', '2025-03-18', ['December 17 of that year', '2017-12-17']],
    ['On May 3, 2019, they spoke. On July 31 of the same year, they spoke again.', '2025-03-18', ['July 31 of the same year', '2019-07-31']],
    ['Putin in 2009 was prime minister.\nObama held talks with Putin in July that year.', '2025-03-18', ['July that year', '2009-07']],
    ['The call took place on February 12, 2025.\nOn February 12, at a meeting at NATO, Hegseth spoke.', '2025-11-01', ['February 12', '2025-02-12']],
  ])('%s', (text, published, last) => {
    expect(values(text, published).at(-1)).toEqual(last);
  });

  it('no narrative year: the most recent past occurrence relative to publication', () => {
    expect(values('They last spoke on February 12.')).toEqual([['February 12', '2025-02-12']]);
    expect(values('They spoke on October 16.', '2025-11-01')).toEqual([['October 16', '2025-10-16']]);
  });

  it('a deictic time brings the narrative back to the present', () => {
    const text = 'Biden and Putin met in Geneva in 2021.\nThe leaders have been talking since 10 a.m. ET.\nPeskov cited a call they held on February 12.';
    expect(values(text).at(-1)).toEqual(['February 12', '2025-02-12']);
  });

  it('a narrative year goes stale after a few blocks or at a heading', () => {
    const far = 'They met on June 1, 2018.\nA.\nB.\nC.\nThey last spoke on February 12.';
    expect(values(far).at(-1)).toEqual(['February 12', '2025-02-12']);
    const heading = 'They met on June 1, 2018.\n== Later calls ==\nThey spoke on February 12.';
    expect(values(heading).at(-1)).toEqual(['February 12', '2025-02-12']);
  });

  it('a bare year bounding a range does not move the narrative there', () => {
    const valencia = 'Patel was arrested on November 15, 2019. It was the second such incident since 2000. They met on January 9.';
    expect(values(valencia, '2019-11-16').at(-1)).toEqual(['January 9', '2019-01-09']);
    for (const bound of ['since 2000', 'until 2030', 'by 2025', 'before 2010', 'as of 2019', 'from 2000', 'by the end of 2025'])
      expect(values(`Prices have risen ${bound}.\nThey met on February 12.`).at(-1)).toEqual(['February 12', '2025-02-12']);
    // a year the story is in still sets it
    expect(values('In 2019, prices rose.\nThey met on February 12.').at(-1)).toEqual(['February 12', '2019-02-12']);
    expect(values('Inflation peaked in the summer of 2019.\nThey met on February 12.').at(-1)).toEqual(['February 12', '2019-02-12']);
    expect(values('He lost the 2016 election.\nThey met on February 12.').at(-1)).toEqual(['February 12', '2016-02-12']);
  });

  it('a future-cued year-less date is never before its narrative anchor', () => {
    const valencia =
      'Patel was arrested on November 15, 2019 after a 4-day search. It was the second such incident since 2000. Patel said a second meeting was planned for January 19.';
    expect(values(valencia, '2019-11-16').at(-1)).toEqual(['January 19', '2020-01-19']);
    expect(values('They met on November 25, 2018. A new meeting was planned for March 3.').at(-1)).toEqual(['March 3', '2019-03-03']);
    // after the anchor the narrative year stands; without a cue, the past reading
    expect(values('They met on November 25, 2018. A new meeting was planned for December 3.').at(-1)).toEqual(['December 3', '2018-12-03']);
    expect(values('They met on November 25, 2018. They had met on March 3.').at(-1)).toEqual(['March 3', '2018-03-03']);
    expect(values('They met on November 25, 2018. They met again; the next talks were planned for March 3.').at(-1)).toEqual(['March 3', '2019-03-03']);
    // a bare narrative year has no day to anchor to
    expect(values('In 2015, the council was expected to vote on March 3.').at(-1)).toEqual(['March 3', '2015-03-03']);
    // a deictic date anchors at publication
    expect(values('Talks began today. A vote is scheduled for January 19.', '2019-11-16').at(-1)).toEqual(['January 19', '2020-01-19']);
  });

  it("the writer's own future is never before publication", () => {
    expect(values('They met on November 25, 2018. They will meet again on March 3.').at(-1)).toEqual(['March 3', '2026-03-03']);
    expect(values('The show was relaunched in 2005.\nThe new Doctor will appear in the Christmas special on December 25.').at(-1)).toEqual(['December 25', '2025-12-25']);
    // a narrative ahead of publication keeps its year
    expect(values('In 2027, the games will open on July 5.').at(-1)).toEqual(['July 5', '2027-07-05']);
    // a clause of its own before a semicolon does not lend its "will"
    expect(values('This will be their second call since January 2025; the first occurred on February 12.').at(-1)).toEqual(['February 12', '2025-02-12']);
  });

  it('a future cue in the clause a reporting verb introduces still counts', () => {
    expect(values('Officials said the talks will resume on Thursday.')).toEqual([['Thursday', '2025-03-20']]);
    expect(values('Officials said the talks resumed on Thursday.')).toEqual([['Thursday', '2025-03-13']]);
    expect(values('The talks, planned for weeks, were held on Thursday.')).toEqual([['Thursday', '2025-03-13']]);
    expect(values('A hearing will be held on Thursday.')).toEqual([['Thursday', '2025-03-20']]);
  });

  it("a reported future is the speaker's, not the writer's: no publication anchor", () => {
    expect(values('In 2015, Obama said he will visit Cuba on March 20.').at(-1)).toEqual(['March 20', '2015-03-20']);
    const plant = 'The plant closed on October 2, 2019. Managers said then that workers will be paid until December 31.';
    expect(values(plant).at(-1)).toEqual(['December 31', '2019-12-31']);
    // the narrative's own day still anchors it
    const hearing = 'He was arrested on November 15, 2019. Prosecutors said a hearing will be held on January 19.';
    expect(values(hearing).at(-1)).toEqual(['January 19', '2020-01-19']);
    // the writer's own "will" (real-news cases)
    const party =
      'Besides the ruling Democratic Party, the Party of Industrialists and Entrepreneurs (PPPT) – founded in 2012 – will be seeking seats in the December 15 election.';
    expect(values(party, '2013-09-26').at(-1)).toEqual(['December 15', '2013-12-15']);
    expect(values('The Red Sox made an offer on December 15, 2008.\nTeixeira will be 29 in April.', '2008-12-15').at(-1)).toEqual(['April', '2009-04']);
    expect(values('A plea and case management hearing will be held on September 6.', '2013-06-12')).toEqual([['September 6', '2013-09-06']]);
  });

  it('a cue of another clause, or cancelled by a past verb before the date, is no cue', () => {
    const quake = 'The quake struck on November 25, 2018. ';
    for (const [sentence, day] of [
      ['Rescuers, who are to blame for delays, found him on January 5.', ['January 5', '2018-01-05']],
      ['The flight was delayed due to fog on March 3.', ['March 3', '2018-03-03']],
      ['The planned merger collapsed on January 5.', ['January 5', '2018-01-05']],
      ['The scheduled hearing took place on January 5.', ['January 5', '2018-01-05']],
      ['A draft plan to allow drilling was sidelined on January 5.', ['January 5', '2018-01-05']],
    ] as const)
      expect(values(quake + sentence).at(-1)).toEqual(day);
    const lohan = 'Lindsay Lohan was sentenced on December 2, 2011. The actress, who is to star in a film, was seen on February 3.';
    expect(values(lohan, '2012-02-10').at(-1)).toEqual(['February 3', '2011-02-03']);
    expect(values('Rescuers could not reach him due to low light levels on Saturday.')).toEqual([['Saturday', '2025-03-15']]);
    expect(values('It was a blow to plans to push through cuts demanded by lenders in exchange for aid unveiled on Sunday.')).toEqual([['Sunday', '2025-03-16']]);
  });

  it('a real cue still counts around adjectives, participles and past clauses before it', () => {
    const lohan = 'Lindsay Lohan was sentenced on December 2, 2011. She is due to return to court on February 3.';
    expect(values(lohan, '2011-12-03').at(-1)).toEqual(['February 3', '2012-02-03']);
    expect(values('The actress is to star in a film that opens on March 3.')).toEqual([['March 3', '2026-03-03']]);
    expect(values('He will attend the scheduled hearing on Thursday.')).toEqual([['Thursday', '2025-03-20']]);
    expect(values('The talks, which were planned for weeks, will resume on Thursday.')).toEqual([['Thursday', '2025-03-20']]);
    expect(values('The flight will be delayed due to fog on Thursday.')).toEqual([['Thursday', '2025-03-20']]);
    expect(values('He will appear in court, charged with murder, on March 3.')).toEqual([['March 3', '2026-03-03']]);
    expect(values('He will visit the United States on March 3.')).toEqual([['March 3', '2026-03-03']]);
    expect(values('The witness is expected to testify in targeted hearings on Monday.')).toEqual([['Monday', '2025-03-24']]);
    expect(values('The witness is expected to testify after threatened jurors are replaced on Monday.')).toEqual([['Monday', '2025-03-24']]);
    const court = 'The men were arrested on December 20, 2008.\nTheir first court appearance is scheduled for Creston Provincial Court on Jan. 21.';
    expect(values(court, null).at(-1)).toEqual(['Jan. 21', '2009-01-21']);
  });

  it('a second future-cued date keeps the anchor the narrative stated', () => {
    const arrest = 'He was arrested on November 15, 2019. Prosecutors said a hearing is scheduled for January 19. ';
    expect(values(arrest + 'A second hearing is scheduled for January 25.', '2019-11-16').slice(1)).toEqual([
      ['January 19', '2020-01-19'],
      ['January 25', '2020-01-25'],
    ]);
    expect(values(arrest + 'The trial is expected to last until February 2.', '2019-11-16').at(-1)).toEqual(['February 2', '2020-02-02']);
    // a date moved to the next year is no anchor itself: December stays in the narrative year
    expect(values(arrest + 'The trial is scheduled for December 5.', '2019-11-16').at(-1)).toEqual(['December 5', '2019-12-05']);
  });

  it('a day stated before the mention that set the narrative year is no anchor', () => {
    expect(values('The deal was signed on November 25, 2018.\nIn 2018, the council planned to vote on March 3.').at(-1)).toEqual(['March 3', '2018-03-03']);
    expect(values('The deal was signed on November 25, 2018. In 2018, the council planned to vote on March 3.').at(-1)).toEqual(['March 3', '2018-03-03']);
    expect(values('In 2018, the deal was signed on November 25. The council planned to vote on March 3.').at(-1)).toEqual(['March 3', '2019-03-03']);
  });

  it('"last" and "next" right before a month settle its tense', () => {
    expect(values('The defense will be hard to fix after the draft last April.', '2012-12-23')).toEqual([['April', '2012-04']]);
    expect(values('She leads the ceremony next March.', '2013-08-02')).toEqual([['March', '2014-03']]);
  });

  it('without a publication date: explicit dates resolve, year-less ones stay partial, deictic ones are dropped', () => {
    const ms = extract('They met on June 1, 2018. Later they spoke on February 12.\nHe said on Friday that it was over today.', null);
    expect(ms.map(brief)).toEqual([
      ['June 1, 2018', '2018-06-01'],
      ['February 12', '2018-02-12'],
    ]);
    expect(extract('They spoke on February 12.', null).map((m) => [m.value, m.time!.date, m.time!.known.year])).toEqual([['XXXX-02-12', null, false]]);
  });
});

describe('zones', () => {
  it.each([
    ['ET', { year: 2025, month: 3, day: 18, hour: 10, minute: 0 }, '2025-03-18T14:00Z'],
    ['ET', { year: 2025, month: 1, day: 18, hour: 10, minute: 0 }, '2025-01-18T15:00Z'],
    ['Moscow time', { year: 2025, month: 3, day: 18, hour: 17, minute: 0 }, '2025-03-18T14:00Z'],
    ['Europe/Moscow', { year: 2010, month: 7, day: 1, hour: 12, minute: 0 }, '2010-07-01T08:00Z'],
    ['Washington time', { year: 2025, month: 7, day: 1, hour: 12, minute: 0 }, '2025-07-01T16:00Z'],
    ['London time', { year: 2025, month: 7, day: 1, hour: 12, minute: 0 }, '2025-07-01T11:00Z'],
    ['Beijing time', { year: 2025, month: 7, day: 1, hour: 12, minute: 0 }, '2025-07-01T04:00Z'],
    ['CEST', { year: 2025, month: 7, day: 1, hour: 12, minute: 0 }, '2025-07-01T10:00Z'],
    ['+03:00', { year: 2025, month: 3, day: 18, hour: 12, minute: 0 }, '2025-03-18T09:00Z'],
    ['GMT+3', { year: 2025, month: 3, day: 18, hour: 12, minute: 0 }, '2025-03-18T09:00Z'],
  ])('%s at %o', (name, wall, utc) => {
    expect(wallTimeToUtc(resolveZone(name)!, wall)).toBe(utc);
  });

  it('unknown names are null; a wall time in the DST gap takes the offset after the change', () => {
    expect(resolveZone('Mars/Olympus')).toBeNull();
    expect(resolveZone('Atlantis time')).toBeNull();
    expect(offsetAtWallTime({ iana: 'America/New_York' }, { year: 2025, month: 3, day: 9, hour: 2, minute: 30 })).toBe(-240);
  });
});

describe('public API', () => {
  it('pins the exports', async () => {
    expect(Object.keys(await import('../src/extract/time/index.ts')).sort()).toEqual(
      ['extractTimes', 'offsetAtWallTime', 'referenceOf', 'resolveZone', 'scoreTemporal', 'wallTimeToUtc'].sort(),
    );
  });
});

describe('ECB+ review: explicit dates win, clock times take the date written with them', () => {
  it.each([
    // a weekday written with a full date is only a check: the explicit date wins
    ['He was arrested early morning on Sunday, February 1, 2009.', '2009-02-17', ['morning on Sunday, February 1, 2009', '2009-02-01TMO']],
    ['It happened on the morning of Sunday, February 1, 2009.', '2009-02-17', ['morning of Sunday, February 1, 2009', '2009-02-01TMO']],
    ['The crash came in the evening on March 3, 2009.', '2009-03-10', ['evening on March 3, 2009', '2009-03-03TEV']],
    ['It happened Sunday, February 1, 2009.', '2009-02-17', ['Sunday, February 1, 2009', '2009-02-01']],
  ])('%s', (text, published, expected) => {
    expect(extract(text, published, 'UTC').map(brief)).toEqual([expected]);
  });

  it.each([
    // "a. m." with a space: the whole of it is the span; the date after it (even across the sentence break after "m.") is the day
    ['Williams was arrested around 1:30 a. m. Feb. 1 on state Route 94.', '2009-04-02', ['1:30 a. m.', '2009-02-01T01:30']],
    ['Police were called at 10:30 p. m. on Feb. 1, officials said.', '2009-04-02', ['10:30 p. m.', '2009-02-01T22:30']],
    // a weekday after the clock time gives its day, not the publication date
    ['The gunman walked in around 10 a. m. Monday, he said.', '2007-04-12', ['10 a. m.', '2007-04-09T10:00']],
    ['She was hit around 5 a. m. Sunday morning in the Bronx.', '2013-09-19', ['5 a. m.', '2013-09-15T05:00']],
    ['She had parked her car around 7 p. m. Friday at the temple.', '2013-09-14', ['7 p. m.', '2013-09-13T19:00']],
  ])('%s', (text, published, expected) => {
    expect(extract(text, published, 'UTC').map(brief)[0]).toEqual(expected);
  });

  it('a clock time without a date takes the explicit date of its sentence', () => {
    expect(extract('On Feb. 1, 2009, he was stopped at 1:30 a.m. on Route 94.', '2009-04-02', 'UTC').map(brief)).toEqual([
      ['Feb. 1, 2009', '2009-02-01'],
      ['1:30 a.m.', '2009-02-01T01:30'],
    ]);
  });

  it('the date after a clock time is used only when nothing but "on" or a comma stands between them', () => {
    const text = 'The shop opened at 9 a. m. The protest started Monday.';
    expect(extract(text, '2007-04-12', 'UTC').map(brief)).toEqual([
      ['9 a. m.', '2007-04-12T09:00'],
      ['Monday', '2007-04-09'],
    ]);
  });
});
