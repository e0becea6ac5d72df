/**
 * The pre-check that keeps windows away from compromise (person-cues.ts): it may only
 * say "no" where compromise itself could not tag anyone, so verdicts never change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compromiseSaysPerson, tagPeople } from '../src/extract/entity/compromise.ts';
import { compromiseMayFindPerson } from '../src/extract/entity/person-cues.ts';

describe('compromiseMayFindPerson', () => {
  const cases: [string, boolean, string][] = [
    ['Captain Nambiar said', true, 'a title its patterns know'],
    ['light on Mr Korkoneas statement', true, 'an Honorific in its lexicon'],
    ['his sister Mahnefah was among', true, 'a pattern word ("sister")'],
    ['said Gilford T. Monrose, a pastor', true, 'an initial'],
    ['the store on Rue de Castiglione', true, 'a particle ("de")'],
    ['strong play by Will Artino to', true, '"Will", capitalized'],
    ['This weekend Doctor Who fans finally', true, 'a multi-word lexicon person'],
    ['Kovalenko told reporters', true, 'a last-name ending its guesser knows'],
    ["D'kai Vanlandingham, 17, of", true, 'a name inside a contraction ("kai")'],
    ['Gérard Bénézat, the insurer', true, 'a name with diacritics'],
    ['passes each year in the', false, 'plain words'],
    ['the will of the people', false, '"will" in lowercase'],
    ['told the U.S. Congress on Monday', false, 'an acronym with dots is one word'],
    ["the Sheriff's office said", false, "a possessive 's is no initial"],
  ];
  for (const [text, expected, why] of cases) {
    it(`${expected ? 'maybe' : 'no'}: ${text} (${why})`, () => expect(compromiseMayFindPerson(text)).toBe(expected));
  }

  it('takes the words already split, as extraction passes them', () => {
    expect(compromiseMayFindPerson(['Captain', 'Nambiar', 'said'])).toBe(true);
    expect(compromiseMayFindPerson(['passes', 'each', 'year'])).toBe(false);
  });
});

describe('the pre-check never hides a person compromise would find', () => {
  // Every ±3-word window around a capitalized word of the seed articles: where the
  // pre-check says no, compromise's full nlp() (all its patterns) finds no one there.
  const sources = new URL('../sources/', import.meta.url);
  const texts = readdirSync(sources).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, sources), 'utf8'));
  it('on the seeds', () => {
    let ruledOut = 0;
    for (const text of texts) {
      for (const line of text.split('\n').slice(0, 60)) {
        const words = [...line.matchAll(/\S+/g)];
        const questions = words.flatMap((w, i) => {
          if (!/^\p{Lu}/u.test(w[0])) return [];
          const from = words[Math.max(0, i - 3)]!;
          const to = words[Math.min(words.length - 1, i + 3)]!;
          const window = { start: from.index, end: to.index + to[0].length };
          return compromiseMayFindPerson(line.slice(window.start, window.end)) ? [] : [{ window, target: { start: w.index, end: w.index + w[0].length } }];
        });
        ruledOut += questions.length;
        // One question per call: windows read alone, as the pre-check judges them.
        for (const q of questions) expect(compromiseSaysPerson(line, [q], true), line.slice(q.window.start, q.window.end)).toEqual([false]);
      }
    }
    expect(ruledOut).toBeGreaterThan(100);
  });
});

describe("the person tagger's own sweep tags exactly as compromise's View.sweep", () => {
  // sweepNet (compromise.ts) gathers each sentence's candidate rules another way; the
  // rules applied, their order and so every tag must stay the same.
  const tagsOf = (text: string, ownSweep: boolean): string =>
    tagPeople(text, false, ownSweep)
      .map((terms) => terms.map((t) => `${t.text}/${[...t.tags].join(',')}`).join(' '))
      .join('\n');
  const sources = new URL('../sources/', import.meta.url);
  const lines = readdirSync(sources)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(new URL(f, sources), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '');

  it('on every seed line', () => {
    const differ = lines.filter((line) => tagsOf(line, true) !== tagsOf(line, false));
    expect(differ).toEqual([]);
  });

  it('on random word strings, with names, titles, initials and commas', () => {
    const words = [...new Set(lines.join(' ').split(/\s+/))].filter((w) => w.length > 0);
    const extra = ['Mr.', 'Dr.', 'sister', 'Captain', 'de', 'van', 'al', 'J.', 'Will', 'Jr.', 'II', 'King', 'Pope', ',', 'and', 'the', 'of'];
    let state = 7;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state % n;
    };
    const texts: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const pieces: string[] = [];
      for (let k = 1 + random(14); k > 0; k--) pieces.push(random(4) === 0 ? extra[random(extra.length)]! : words[random(words.length)]!);
      texts.push(pieces.join(random(3) === 0 ? ', ' : ' '));
    }
    const differ = texts.filter((text) => tagsOf(text, true) !== tagsOf(text, false));
    expect(differ).toEqual([]);
    // not vacuous: many of them hold a person its post-tagger patterns decide about
    expect(texts.filter((text) => /Person/.test(tagsOf(text, true))).length).toBeGreaterThan(200);
  });
});
