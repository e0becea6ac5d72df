/**
 * Pre-filters of event extraction may only skip text their regexes cannot match:
 * checked on every sentence of the seed articles and on many random strings built
 * from the words (in random case) the patterns react to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTriggers, LEAD_RULES, needleText, ruleMayMatch, TRIGGER_RULES, type TriggerRule } from '../src/extract/event/triggers.ts';
import { splitSentences } from '../src/segment/sentences.ts';
import { mayHoldAccordingTo } from '../src/extract/event/attribution.ts';
import { isTitleCase, isTitleCaseUnicode } from '../src/extract/event/participants.ts';
import { randomInts } from './random-helper.ts';

/** Every sentence of the seed articles, line by line. */
const seedSentences: string[] = (() => {
  const dir = new URL('../sources/', import.meta.url);
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const span of splitSentences(text, 0, text.length)) out.push(text.slice(span.start, span.end));
  }
  return out;
})();

/** Random strings of `words` and separators, each word in random case, some with "ſ" or the Kelvin sign. */
export function randomTexts(words: readonly string[], count: number, seed: number): string[] {
  const random = randomInts(seed);
  const separators = ['', ' ', ' ', ' ', '  ', '-', ',', '.', '"', '“', '”', "'", '’', '\n', ' (', ') '];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let k = 1 + random(8); k > 0; k--) {
      let word = words[random(words.length)]!;
      const casing = random(8);
      if (casing === 0) word = word.toUpperCase();
      else if (casing === 1) word = word.charAt(0).toUpperCase() + word.slice(1);
      else if (casing === 2) word = word.replace(/s/, 'ſ').replace(/k/, '\u212a');
      text += word + separators[random(separators.length)]!;
    }
    texts.push(text);
  }
  return texts;
}

/** The words of the trigger lexicon's patterns: every run of letters in their sources. */
function patternWords(rules: readonly TriggerRule[]): string[] {
  const words = new Set<string>();
  for (const rule of rules) for (const w of rule.pattern.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-zA-Z]{2,}/g) ?? []) words.add(w.toLowerCase());
  const phrases = ['succumbed to', 'succumbs to', 'passed away', 'fell to his death', 'plunged to their deaths', 'was found dead', 'shot dead', 'exchanged two prisoners', 'swap of 90 POWs', 'opened fire', 'phone call', 'spoke by phone', 'have been talking', 'the discussion', 'said in a statement', 'issued a joint statement', 'hit-and-run', 'taken into custody', 'gunned down', 'cessation of hostilities', 'won the vote',
    'made an offer', 'withdrew their bid', 'checked into rehab', 'admitted to hospital', 'entered a clinic', 'passed the bill', 'power cuts', 'went down', 'knocked out', 'made off with', 'pleaded not guilty'];
  for (const p of phrases) words.add(p);
  for (const w of ['a', 'the', 'two', 'six', '12', 'of', 'to', 'on', 'in', 'by', 'up', 'he', 'said', 'was', 'and', 'Putin', 'Trump', 'é', 'İ']) words.add(w);
  return [...words];
}

const withoutNeedles = (rules: readonly TriggerRule[]): TriggerRule[] => rules.map(({ needles: _needles, ...rule }) => rule);

describe('trigger needles', () => {
  const allRules = [...TRIGGER_RULES, ...LEAD_RULES];
  const texts = [...seedSentences, ...randomTexts(patternWords(allRules), 30000, 20261121)];

  it('every main-lexicon rule lists needles', () => {
    expect(TRIGGER_RULES.filter((r) => !r.needles?.length).map((r) => r.id)).toEqual([]);
    // Needles are looked up by their pairs of adjacent letters a–z.
    expect(TRIGGER_RULES.flatMap((r) => r.needles ?? []).filter((n) => !/^[a-z]{2,}$/.test(n))).toEqual([]);
  });

  it('never rules out a sentence a rule matches', () => {
    const missed: string[] = [];
    let matched = 0;
    for (const text of texts) {
      const lower = needleText(text);
      for (const rule of allRules) {
        const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', ''));
        if (!pattern.test(text)) continue;
        matched++;
        if (!ruleMayMatch(rule, lower)) missed.push(`${rule.id}: ${text}`);
      }
    }
    expect(matched).toBeGreaterThan(20000);
    // Each rule with needles is exercised.
    const unmatched = allRules.filter((rule) => rule.needles).filter((rule) => !texts.some((t) => new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '')).test(t)));
    expect(unmatched.map((r) => r.id)).toEqual([]);
    expect(missed).toEqual([]);
  });

  it('finds the same triggers as the lexicon without needles', () => {
    const plain = withoutNeedles(TRIGGER_RULES);
    const plainLead = withoutNeedles(LEAD_RULES);
    const differ: string[] = [];
    for (const text of texts) {
      if (JSON.stringify(findTriggers(text, 7)) !== JSON.stringify(findTriggers(text, 7, plain))) differ.push(text);
      if (JSON.stringify(findTriggers(text, 7, LEAD_RULES)) !== JSON.stringify(findTriggers(text, 7, plainLead))) differ.push(`lead: ${text}`);
    }
    expect(differ).toEqual([]);
  });

  it('reads the long s as a possible "s"', () => {
    // The pattern is /iu: "ſwaps" is "swaps" to it.
    expect(needleText('an ſwap of prisoners')).toBeNull();
    expect(findTriggers('an ſwap of prisoners', 0).map((t) => t.rule)).toEqual(['exchange-of-captives']);
    for (const text of ['The \u212aILLED man was found dead', 'talkſ were held', 'an exchange of \u212aIDNAPPED hostages']) {
      expect(findTriggers(text, 0)).toEqual(findTriggers(text, 0, withoutNeedles(TRIGGER_RULES)));
    }
  });
});

describe('attribution gate', () => {
  // The ACCORDING_TO pattern of attribution.ts.
  const accordingTo = /\baccording\s+to\s+(?<who>[^,;:.!?“”"()]+?)(?=\s*(?:[,;:!?“”"()]|\.\s|\.$|$))/iu;
  const texts = [...seedSentences, ...randomTexts(['according to', 'ACCORDING TO', 'according', 'accordingly', 'to', 'TASS', 'the', 'Kremlin', 'said', 'é', 'ACCORDİNG', 'ac', 'cording', 'ſ'], 30000, 7)];

  it('never skips a sentence "according to" matches', () => {
    let matched = 0;
    const missed: string[] = [];
    for (const text of texts) {
      if (!accordingTo.test(text)) continue;
      matched++;
      if (!mayHoldAccordingTo(text)) missed.push(text);
    }
    expect(matched).toBeGreaterThan(3000);
    expect(missed).toEqual([]);
  });
});

describe('title case', () => {
  it('reads ASCII text as the Unicode reading does', () => {
    const words = ['Chargers', "Jamal's", 'Williams', 'Arrested', 'for', 'DUI', 'the', 'a', 'x-ray', 'Fire', 'Coach', 'JIM', 'up', '12', "O'Brien", '-', "'", 'Well-Known', 'news'];
    const texts = [...seedSentences, ...randomTexts(words, 30000, 11), 'Ünited Nations Séance Élysée', 'Putin’s Talks With Trump'];
    const differ = texts.filter((t) => isTitleCase(t) !== isTitleCaseUnicode(t));
    expect(texts.filter((t) => isTitleCaseUnicode(t)).length).toBeGreaterThan(3000);
    expect(differ).toEqual([]);
  });
});
