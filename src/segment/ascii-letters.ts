/**
 * Unicode property classes, cheaper to compile for text whose letters are ASCII.
 *
 * V8 compiles a regex up to three times (bytecode, then native code for one-byte and for
 * two-byte text), and under /iu it first closes every class over case folding: a pattern like
 * `(?:\s+[\p{L}'’-]+){0,3}?` costs milliseconds each time (the lead lexicon's rule for "checked into rehab":
 * ~25 ms in all, ~4 ms with [A-Za-z]). The lead lexicon, the trigger guards, the modality and
 * anchor cues and the boilerplate rules hold a few dozen of them, in text that is nearly all
 * ASCII letters (the lead lexicon's cold pass on the benchmark corpus: 0.17 → 0.14 s CPU).
 *
 * In text with no letter, combining mark or digit beyond ASCII (curly quotes, dashes and any
 * other symbol allowed), \p{L}, \p{Lu}, \p{N} and \p{M} hold exactly the characters of
 * [A-Za-z], [A-Z], [0-9] and nothing, under /u and under /iu alike (case folding relates no
 * other character to them: tests/segment-ascii-letters.test.ts checks every code point). A
 * copy of the pattern with those classes and the same flags finds the same matches there;
 * any other text reads the original pattern.
 */

const NON_ASCII = /[^\x00-\x7f]/;
/** A letter, a mark or a digit beyond ASCII (U+0345, which /iu folds onto a letter, is a mark). */
const NON_ASCII_LETTER = /(?=[^\x00-\x7f])[\p{L}\p{M}\p{N}]/u;

/** The last text asked about and its answer: the anchors ask about one sentence for each of its mentions. */
let lastText = '';
let lastAnswer = true;

/** Are all the letters and digits of `text` ASCII (and it holds no combining mark)? */
export function hasOnlyAsciiLetters(text: string): boolean {
  if (text !== lastText) {
    lastAnswer = !NON_ASCII.test(text) || !NON_ASCII_LETTER.test(text);
    lastText = text;
  }
  return lastAnswer;
}

/** What each supported property class becomes, inside brackets (marks have no ASCII member). */
const ASCII_MEMBERS: ReadonlyMap<string, string> = new Map([
  ['L', 'A-Za-z'],
  ['Lu', 'A-Z'],
  ['N', '0-9'],
  ['M', ''],
]);

/**
 * The pattern with \p{L}, \p{Lu}, \p{N} and \p{M} cut to their ASCII members (same flags;
 * \p{M} alone becomes `[]`, which matches nothing), or null when it holds none of them or
 * another property class (\P{…}, \p{Ll}, …) it cannot cut.
 */
export function asciiLetterVariant(pattern: RegExp): RegExp | null {
  const source = pattern.source;
  let out = '';
  let inClass = false;
  let replaced = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'P') return null;
      if (next === 'p') {
        const close = source.indexOf('}', i);
        const members = ASCII_MEMBERS.get(source.slice(i + 3, close));
        if (source[i + 2] !== '{' || close < 0 || members === undefined) return null;
        out += inClass ? members : `[${members}]`;
        replaced = true;
        i = close;
        continue;
      }
      out += c + (next ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return replaced ? new RegExp(out, pattern.flags) : null;
}

/** A /iu pattern with letter classes and its ASCII copy, read by `patternFor`. */
export interface LetterPattern {
  unicode: RegExp;
  ascii: RegExp;
}

/** The pattern and its ASCII copy (the pattern itself when there is nothing to cut). */
export function letterPattern(pattern: RegExp): LetterPattern {
  return { unicode: pattern, ascii: asciiLetterVariant(pattern) ?? pattern };
}

/** The pattern to run on `text` (or on any part of it): the ASCII copy when its letters are all ASCII. */
export function patternFor(pattern: LetterPattern, asciiLetters: boolean): RegExp {
  return asciiLetters ? pattern.ascii : pattern.unicode;
}
