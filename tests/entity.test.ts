import { describe, expect, it } from 'vitest';
import type { Article, Mention } from '../src/types.ts';
import { canonicalName, extractEntities, resolveAcrossArticles } from '../src/extract/entity/index.ts';
import { bodySentences } from './sentences-helper.ts';
import { testArticle } from './article-helper.ts';

function article(text: string, id = 'a'): Article {
  return testArticle(text, { id });
}

function entities(text: string, id = 'a'): Mention[] {
  const a = article(text, id);
  return extractEntities(a, bodySentences(a));
}

type Expected = { text: string; kind: Mention['kind']; value?: string; rule?: string };

const positives: { name: string; input: string; expected: Expected[] }[] = [
  {
    name: 'title stripped: President',
    input: 'President Donald Trump spoke on Tuesday.',
    expected: [{ text: 'Donald Trump', kind: 'person', value: 'Donald Trump', rule: 'title-pattern' }],
  },
  {
    name: 'title stripped: Chief Justice, with a place before it',
    input: 'Yesterday U.S. Chief Justice John Roberts issued a statement.',
    expected: [
      { text: 'U.S.', kind: 'place', value: 'United States' },
      { text: 'John Roberts', kind: 'person', value: 'John Roberts', rule: 'title-pattern' },
    ],
  },
  {
    name: 'title stripped: organization + Spokesman',
    input: 'He was quoted by Kremlin Spokesman Dmitry Peskov on Monday.',
    expected: [
      { text: 'Kremlin', kind: 'organization', value: 'Kremlin' },
      { text: 'Dmitry Peskov', kind: 'person', value: 'Dmitry Peskov', rule: 'title-pattern' },
    ],
  },
  {
    name: 'lowercase title before the name',
    input: 'The statement came from spokesperson Jane Okafor, who declined to comment.',
    expected: [{ text: 'Jane Okafor', kind: 'person', rule: 'title-pattern' }],
  },
  {
    name: 'multiword title with "of"',
    input: 'It included US Secretary of State Rex Tillerson and others.',
    expected: [
      { text: 'US', kind: 'place', value: 'United States' },
      { text: 'Rex Tillerson', kind: 'person', rule: 'title-pattern' },
    ],
  },
  {
    name: 'Middle East Steven Witkoff → place + Steve Witkoff',
    input: 'The envoy to the Middle East Steven Witkoff arrived in Moscow.',
    expected: [
      { text: 'Middle East', kind: 'place', value: 'Middle East' },
      { text: 'Steven Witkoff', kind: 'person', value: 'Steve Witkoff' },
      { text: 'Moscow', kind: 'place', value: 'Moscow' },
    ],
  },
  {
    name: 'surname linked within the article',
    input: 'Russian President Vladimir Putin met reporters. Later, Putin said the talks went well.',
    expected: [
      { text: 'Vladimir Putin', kind: 'person', value: 'Vladimir Putin' },
      { text: 'Putin', kind: 'person', value: 'Vladimir Putin', rule: 'surname-link' },
    ],
  },
  {
    name: "possessive: Trump's call → Trump only",
    input: 'Donald Trump won. Critics attacked Trump’s call for calm.',
    expected: [
      { text: 'Donald Trump', kind: 'person' },
      { text: 'Trump', kind: 'person', value: 'Donald Trump', rule: 'surname-link' },
    ],
  },
  {
    name: 'bare surname via alias table',
    input: 'Later that day Zelenskiy endorsed the plan.',
    expected: [{ text: 'Zelenskiy', kind: 'person', value: 'Volodymyr Zelenskyy', rule: 'alias' }],
  },
  {
    name: 'Kiev and Kyiv are one place',
    input: 'Officials in Kiev agreed. Kyiv later confirmed it.',
    expected: [
      { text: 'Kiev', kind: 'place', value: 'Kyiv' },
      { text: 'Kyiv', kind: 'place', value: 'Kyiv' },
    ],
  },
  {
    name: 'Da Nang and Danang',
    input: 'The summit in Da Nang, Vietnam ended. Photos from Danang followed.',
    expected: [
      { text: 'Da Nang', kind: 'place', value: 'Da Nang' },
      { text: 'Vietnam', kind: 'place', value: 'Vietnam' },
      { text: 'Danang', kind: 'place', value: 'Da Nang' },
    ],
  },
  {
    name: 'Türkiye → Turkey, Russian Federation → Russia',
    input: 'A meeting in Türkiye followed talks with the Russian Federation.',
    expected: [
      { text: 'Türkiye', kind: 'place', value: 'Turkey' },
      { text: 'Russian Federation', kind: 'place', value: 'Russia' },
    ],
  },
  {
    name: 'organizations from the gazetteer',
    input: 'The Kremlin and the White House both told TASS and Reuters that NATO was not invited.',
    expected: [
      { text: 'Kremlin', kind: 'organization', value: 'Kremlin' },
      { text: 'White House', kind: 'organization', value: 'White House' },
      { text: 'TASS', kind: 'organization', value: 'TASS' },
      { text: 'Reuters', kind: 'organization', value: 'Reuters' },
      { text: 'NATO', kind: 'organization', value: 'NATO' },
    ],
  },
  {
    name: '"X Foreign Ministry" and "X Region" patterns',
    input: 'He headed the Russian Foreign Ministry department. Troops left the Belgorod Region, and the Zhytomyr Province.',
    expected: [
      { text: 'Russian Foreign Ministry', kind: 'organization', rule: 'org-pattern' },
      { text: 'Belgorod Region', kind: 'place' },
      { text: 'Zhytomyr Province', kind: 'place', rule: 'place-pattern' },
    ],
  },
  {
    name: 'Russia Today is an organization (RT)',
    input: 'The report was published by Russia Today on Friday.',
    expected: [{ text: 'Russia Today', kind: 'organization', value: 'RT' }],
  },
  {
    name: 'two surnames side by side are two people',
    input: 'Donald Trump and Vladimir Putin spoke. The White House released a statement on the Trump Putin call.',
    expected: [
      { text: 'Trump', kind: 'person', value: 'Donald Trump' },
      { text: 'Putin', kind: 'person', value: 'Vladimir Putin' },
    ],
  },
  {
    name: 'all-caps heading name, then its surname',
    input: 'BILL CLINTON\nClinton visited Moscow for talks in June 2000.',
    expected: [
      { text: 'BILL CLINTON', kind: 'person', value: 'Bill Clinton', rule: 'given-name' },
      { text: 'Clinton', kind: 'person', value: 'Bill Clinton', rule: 'surname-link' },
    ],
  },
  {
    name: 'King with particles, then "of" + place',
    input: 'King Salman bin Abdulaziz Al Saud of Saudi Arabia joined the call.',
    expected: [
      { text: 'Salman bin Abdulaziz Al Saud', kind: 'person', rule: 'title-pattern' },
      { text: 'Saudi Arabia', kind: 'place' },
    ],
  },
];

describe('extractEntities: positive cases', () => {
  it.each(positives)('$name', ({ input, expected }) => {
    const found = entities(input);
    for (const e of expected) {
      const hit = found.find((m) => m.text === e.text && m.kind === e.kind);
      expect(hit, `${e.kind} "${e.text}" in ${JSON.stringify(found.map((m) => [m.kind, m.text]))}`).toBeDefined();
      if (e.value !== undefined) expect(hit!.value).toBe(e.value);
      if (e.rule !== undefined) expect(hit!.rule).toBe(e.rule);
    }
  });
});

const negatives: { name: string; input: string; absent: { text: string; kind?: Mention['kind'] }[] }[] = [
  { name: '"Russia Today" is not a person', input: 'Russia Today\n11 hours ago\n- Russia Today\nPutin and Trump discuss Iran.', absent: [{ text: 'Russia Today', kind: 'person' }, { text: 'Today' }] },
  { name: '"District Judge" is not a place', input: 'He called for the impeachment of U.S. District Judge James Boasberg.', absent: [{ text: 'District Judge' }, { text: 'District' }, { text: 'Judge' }] },
  { name: '"State Rex" is not a place', input: 'It included US Secretary of State Rex Tillerson.', absent: [{ text: 'State Rex' }, { text: 'State' }, { text: 'Secretary of State Rex Tillerson' }] },
  { name: '"January" is not a person', input: 'Donald Trump returned to the White House in January, and January was busy.', absent: [{ text: 'January' }, { text: 'January,' }] },
  { name: "Trump's call: call is not an entity", input: "Donald Trump spoke. Roberts' statement followed Trump's call on Tuesday.", absent: [{ text: 'call' }, { text: "Trump's" }, { text: "Trump's call" }, { text: 'Tuesday' }] },
  { name: 'sentence-initial common words are not people', input: 'Meetings\nAgreements were reached in Syria. Nevertheless, talks went on.', absent: [{ text: 'Meetings' }, { text: 'Agreements' }, { text: 'Nevertheless' }] },
  { name: 'demonyms and titles alone are nothing', input: 'The Russian President said the Foreign Minister would attend.', absent: [{ text: 'Russian' }, { text: 'President' }, { text: 'Foreign Minister' }, { text: 'Russian President' }] },
  { name: '"Thomson" is not a person', input: 'Our Standards: The Thomson Reuters Trust Principles.', absent: [{ text: 'Thomson', kind: 'person' }] },
  { name: 'pronoun "us" is not the United States', input: 'He told us that the talks went well.', absent: [{ text: 'us' }] },
  { name: 'machine-reworded "White Home" is not guessed', input: 'Trump mentioned on the White Home on Thursday.', absent: [{ text: 'White Home', kind: 'organization' }] },
  { name: 'a hyphenated demonym is not a person', input: 'He spoke about the Russo-Ukrainian war.', absent: [{ text: 'Russo' }] },
];

describe('extractEntities: negative cases', () => {
  it.each(negatives)('$name', ({ input, absent }) => {
    const found = entities(input);
    for (const a of absent) {
      expect(found.filter((m) => m.text === a.text && (a.kind === undefined || m.kind === a.kind))).toEqual([]);
    }
  });
});

describe('extractEntities: invariants', () => {
  const text = 'MOSCOW | TASS | Russian President Vladimir Putin and his US counterpart Donald Trump will talk, Kremlin Spokesman Dmitry Peskov said. Putin’s aide agreed.';
  it('every span is the exact slice, sorted, non-overlapping and deterministic', () => {
    const a = article(text);
    const first = extractEntities(a, bodySentences(a));
    const second = extractEntities(a, bodySentences(a));
    expect(second).toEqual(first);
    for (const [i, m] of first.entries()) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(['person', 'place', 'organization']).toContain(m.kind);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(first[i - 1]!.end);
    }
  });
  it("compromise modes agree on what the cheap rules find", () => {
    const a = article(text);
    const never = extractEntities(a, bodySentences(a), { compromise: 'never' }).map((m) => m.text);
    const filtered = extractEntities(a, bodySentences(a)).map((m) => m.text);
    expect(filtered).toEqual(expect.arrayContaining(never));
  });
});

describe('canonicalName', () => {
  it.each([
    ['Zelensky', 'Zelensky'], // a bare surname is not a full-name alias
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
    ['volodymyr zelenskiy', 'Volodymyr Zelenskyy'],
    ['Vladimir Zelensky', 'Volodymyr Zelenskyy'],
    ['Steven Witkoff', 'Steve Witkoff'],
    ['Sergei Lavrov', 'Sergey Lavrov'],
    ['Dmitri Peskov', 'Dmitry Peskov'],
    ['Yuri Ushakov', 'Yury Ushakov'],
    ['Kiev', 'Kyiv'],
    ['DANANG', 'Da Nang'],
    ['Turkiye', 'Turkey'],
    ['Türkiye', 'Turkey'],
    ['U.S.', 'United States'],
    ['USA', 'United States'],
    ['America', 'United States'],
    ['Britain', 'United Kingdom'],
    ['U.K.', 'United Kingdom'],
    ['Russian Federation', 'Russia'],
    ['Jane  Okafor', 'Jane Okafor'],
  ])('%s → %s', (input, output) => {
    expect(canonicalName(input)).toBe(output);
  });
});

describe('resolveAcrossArticles', () => {
  const per = [
    entities('Ukraine’s president Volodymyr Zelenskiy will meet Finnish leaders. Zelenskiy said so.', 'reuters'),
    entities('Trump criticized Ukraine’s President Volodymyr Zelenskyy on Thursday.', 'abc'),
    entities('After talks in Jeddah, Zelensky publicly endorsed a ceasefire. Darchiev attended. Envoy Mark Darchiev spoke.', 'rt'),
    entities('Officials say Marta Kowalczyk will attend. Kowalczyk declined to comment.', 'x1'),
    entities('Minister Marta Kowalczyk spoke. Minister Marta Kowalczik repeated it. Then Kowalczik left.', 'x2'),
    entities('Minister Olena Shevchenko spoke. Shevchenko left. Minister Olena Schevchenko returned.', 'x3'),
  ];
  const resolved = resolveAcrossArticles(per);
  const values = (i: number, text: string): unknown[] => resolved[i]!.filter((m) => m.text === text).map((m) => m.value);

  it('Zelensky / Zelenskiy / Zelenskyy → one canonical name', () => {
    expect(values(0, 'Volodymyr Zelenskiy')).toEqual(['Volodymyr Zelenskyy']);
    expect(values(0, 'Zelenskiy')).toEqual(['Volodymyr Zelenskyy']);
    expect(values(1, 'Volodymyr Zelenskyy')).toEqual(['Volodymyr Zelenskyy']);
    expect(values(2, 'Zelensky')).toEqual(['Volodymyr Zelenskyy']);
  });
  it('near spellings with the same first name join the most frequent form (Dice ≥ 0.8)', () => {
    expect(values(5, 'Olena Schevchenko')).toEqual(['Olena Shevchenko']); // Dice 0.84
    expect(values(5, 'Shevchenko')).toEqual(['Olena Shevchenko']);
  });
  it('below the threshold spellings stay apart (Kowalczyk/Kowalczik: Dice 0.75)', () => {
    expect(values(4, 'Marta Kowalczik')).toEqual(['Marta Kowalczik']);
    expect(values(3, 'Kowalczyk')).toEqual(['Marta Kowalczyk']);
  });
  it('is pure: inputs untouched, same output twice', () => {
    const copy = JSON.parse(JSON.stringify(per));
    expect(resolveAcrossArticles(per)).toEqual(resolved);
    expect(per).toEqual(copy);
  });
  it('leaves places and organizations alone and keeps spans', () => {
    for (const [i, mentions] of resolved.entries()) {
      expect(mentions.map((m) => [m.start, m.end, m.kind])).toEqual(per[i]!.map((m) => [m.start, m.end, m.kind]));
    }
  });
  it('different first names are not merged by similarity', () => {
    const r = resolveAcrossArticles([
      entities('Minister Anna Novak spoke.', 'p'),
      entities('Minister Boris Novak spoke.', 'q'),
    ]);
    expect(r[0]![0]!.value).toBe('Anna Novak');
    expect(r[1]![0]!.value).toBe('Boris Novak');
  });
});
