/**
 * Alias and transliteration table: data, not code. Each entry lists the spellings
 * news outlets use for one entity and the canonical form we display.
 *
 * Lookups go through `foldText` (case and diacritics) first, then `nameKey`
 * (transliteration endings), so variants that only differ by "-iy"/"-yy" need no row.
 * Bare surnames are listed only when they are distinctive in world news.
 */
import { foldText, nameKey } from './fold.ts';
import { memoized } from './memo.ts';

export type EntityKind = 'person' | 'place' | 'organization';

export interface AliasEntry {
  canonical: string;
  kind: EntityKind;
  variants: readonly string[];
  /** Variants that are a bare surname: they may be linked only to this person. */
  surnames?: readonly string[];
}

export const ALIASES: readonly AliasEntry[] = [
  // ── People ──
  {
    canonical: 'Volodymyr Zelenskyy',
    kind: 'person',
    variants: ['Volodymyr Zelensky', 'Volodymyr Zelenskiy', 'Volodymyr Zelenskyi', 'Vladimir Zelensky', 'Vladimir Zelenskiy', 'Volodimir Zelensky'],
    surnames: ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Zelenskyi', 'Zelenskii'],
  },
  { canonical: 'Vladimir Putin', kind: 'person', variants: ['Vladimir Vladimirovich Putin', 'V. Putin'], surnames: ['Putin'] },
  { canonical: 'Donald Trump', kind: 'person', variants: ['Donald J. Trump', 'Donald John Trump'], surnames: ['Trump'] },
  { canonical: 'Joe Biden', kind: 'person', variants: ['Joseph Biden', 'Joseph R. Biden', 'Joseph R. Biden Jr.'], surnames: ['Biden'] },
  { canonical: 'Steve Witkoff', kind: 'person', variants: ['Steven Witkoff', 'Steven Charles Witkoff'], surnames: ['Witkoff'] },
  { canonical: 'Sergey Lavrov', kind: 'person', variants: ['Sergei Lavrov', 'Sergey Viktorovich Lavrov'], surnames: ['Lavrov'] },
  { canonical: 'Dmitry Peskov', kind: 'person', variants: ['Dmitri Peskov', 'Dmitriy Peskov'], surnames: ['Peskov'] },
  { canonical: 'Yury Ushakov', kind: 'person', variants: ['Yuri Ushakov', 'Yuriy Ushakov'], surnames: ['Ushakov'] },
  { canonical: 'Marco Rubio', kind: 'person', variants: [], surnames: ['Rubio'] },
  { canonical: 'Emmanuel Macron', kind: 'person', variants: [], surnames: ['Macron'] },
  { canonical: 'Recep Tayyip Erdogan', kind: 'person', variants: ['Recep Erdogan', 'Tayyip Erdogan', 'Recep Tayyip Erdoğan'], surnames: ['Erdogan', 'Erdoğan'] },
  { canonical: 'Xi Jinping', kind: 'person', variants: ['Xi'], surnames: [] },
  { canonical: 'Olaf Scholz', kind: 'person', variants: [], surnames: ['Scholz'] },
  { canonical: 'Keir Starmer', kind: 'person', variants: [], surnames: ['Starmer'] },
  { canonical: 'Ursula von der Leyen', kind: 'person', variants: [], surnames: [] },
  { canonical: 'Benjamin Netanyahu', kind: 'person', variants: [], surnames: ['Netanyahu'] },
  { canonical: 'Alexander Stubb', kind: 'person', variants: ['Aleksandr Stubb'], surnames: ['Stubb'] },
  { canonical: 'Kirill Dmitriev', kind: 'person', variants: ['Kirill Dmitriyev'], surnames: [] },
  { canonical: 'Andriy Yermak', kind: 'person', variants: ['Andrii Yermak', 'Andrey Yermak', 'Andrei Yermak'], surnames: ['Yermak'] },
  { canonical: 'Mike Waltz', kind: 'person', variants: ['Michael Waltz'], surnames: [] },
  { canonical: 'Pete Hegseth', kind: 'person', variants: ['Peter Hegseth'], surnames: ['Hegseth'] },
  { canonical: 'Alexander Lukashenko', kind: 'person', variants: ['Aleksandr Lukashenko', 'Alyaksandr Lukashenka'], surnames: ['Lukashenko'] },
  { canonical: 'Mohammed bin Salman', kind: 'person', variants: ['Mohammad bin Salman', 'Muhammad bin Salman', 'MBS'], surnames: [] },

  // ── Places ──
  { canonical: 'Kyiv', kind: 'place', variants: ['Kiev', 'Kyyiv', 'Kiyv'] },
  { canonical: 'Kharkiv', kind: 'place', variants: ['Kharkov'] },
  { canonical: 'Odesa', kind: 'place', variants: ['Odessa'] },
  { canonical: 'Lviv', kind: 'place', variants: ['Lvov', 'Lwów'] },
  { canonical: 'Donetsk', kind: 'place', variants: [] },
  { canonical: 'Da Nang', kind: 'place', variants: ['Danang', 'Đà Nẵng'] },
  { canonical: 'Turkey', kind: 'place', variants: ['Türkiye', 'Turkiye', 'Republic of Turkey'] },
  { canonical: 'United States', kind: 'place', variants: ['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'United States of America', 'America', 'the United States'] },
  { canonical: 'United Kingdom', kind: 'place', variants: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  { canonical: 'Russia', kind: 'place', variants: ['Russian Federation', 'RUS'] },
  { canonical: 'Ukraine', kind: 'place', variants: ['UKR'] },
  { canonical: 'Belarus', kind: 'place', variants: ['Byelorussia'] },
  { canonical: 'Moldova', kind: 'place', variants: [] },
  { canonical: 'Beijing', kind: 'place', variants: ['Peking'] },
  { canonical: 'Mumbai', kind: 'place', variants: ['Bombay'] },
  { canonical: 'Myanmar', kind: 'place', variants: ['Burma'] },
  { canonical: 'Czech Republic', kind: 'place', variants: ['Czechia'] },
  { canonical: "Côte d'Ivoire", kind: 'place', variants: ['Ivory Coast'] },
  { canonical: 'North Korea', kind: 'place', variants: ['DPRK'] },
  { canonical: 'South Korea', kind: 'place', variants: ['Republic of Korea'] },
  { canonical: 'St. Petersburg', kind: 'place', variants: ['Saint Petersburg', 'St Petersburg'] },
  { canonical: 'Washington', kind: 'place', variants: ['Washington, D.C.', 'Washington D.C.'] },
  { canonical: 'Netherlands', kind: 'place', variants: ['Holland', 'the Netherlands'] },
  { canonical: 'United Arab Emirates', kind: 'place', variants: ['UAE'] },

  // ── Organizations ──
  { canonical: 'RT', kind: 'organization', variants: ['Russia Today'] },
  { canonical: 'European Union', kind: 'organization', variants: ['EU', 'E.U.'] },
  { canonical: 'United Nations', kind: 'organization', variants: ['UN', 'U.N.'] },
  { canonical: 'NATO', kind: 'organization', variants: ['North Atlantic Treaty Organization'] },
  { canonical: 'Associated Press', kind: 'organization', variants: ['AP'] },
  { canonical: 'Reuters', kind: 'organization', variants: ['REUTERS'] },
  { canonical: 'TASS', kind: 'organization', variants: ['Tass', 'ITAR-TASS'] },
  { canonical: 'European Commission', kind: 'organization', variants: ['EU Commission'] },
  { canonical: 'Central Intelligence Agency', kind: 'organization', variants: ['CIA'] },
  { canonical: 'Federal Bureau of Investigation', kind: 'organization', variants: ['FBI'] },
  { canonical: 'State Department', kind: 'organization', variants: ['US State Department', 'U.S. State Department', 'Department of State'] },
  { canonical: 'Pentagon', kind: 'organization', variants: ['Department of Defense', 'Defense Department'] },
  { canonical: 'Fox News', kind: 'organization', variants: ['Fox News Channel'] },
  { canonical: 'Moscow Exchange', kind: 'organization', variants: ['MOEX'] },
  { canonical: 'ABC News', kind: 'organization', variants: ['ABC'] },
];

interface AliasHit {
  canonical: string;
  kind: EntityKind;
}

/** Exact-folded lookups (case + diacritics) for every variant, canonical and surname. */
const byFolded = new Map<string, AliasHit>();
/** Transliteration-folded lookups for full person names only (too loose for short acronyms). */
const byNameKey = new Map<string, AliasHit>();
/** Bare-surname lookups (folded key) → the one person it may denote. */
const bySurname = new Map<string, AliasHit>();

for (const entry of ALIASES) {
  const hit: AliasHit = { canonical: entry.canonical, kind: entry.kind };
  for (const form of [entry.canonical, ...entry.variants]) {
    byFolded.set(foldText(form), hit);
    if (entry.kind === 'person' && form.includes(' ')) byNameKey.set(nameKey(form), hit);
  }
  for (const surname of entry.surnames ?? []) bySurname.set(nameKey(surname), hit);
}

/** Names repeat within and across articles, and folding them is most of a lookup's cost. */
const MEMO_LIMIT = 50_000;

/** The alias table's entry for a full name or variant (not a bare surname), if any. */
export const lookupAlias = memoized(
  (name: string): AliasHit | undefined => byFolded.get(foldText(name)) ?? (name.includes(' ') ? byNameKey.get(nameKey(name)) : undefined),
  MEMO_LIMIT,
);

/** The person a bare surname denotes in the alias table ("Zelenskiy" → Volodymyr Zelenskyy). */
export const lookupSurname = memoized((surname: string): AliasHit | undefined => bySurname.get(nameKey(surname)), MEMO_LIMIT);

/**
 * Canonical display form of a name: the alias table's canonical form when any
 * variant matches (case-insensitive, diacritics folded, transliteration endings
 * folded for full person names), else the input with whitespace collapsed.
 */
export function canonicalName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return lookupAlias(trimmed)?.canonical ?? trimmed;
}
