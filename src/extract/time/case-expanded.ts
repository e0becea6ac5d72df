/**
 * chrono's "… ago" and "… later" patterns, written without the `i` flag.
 *
 * V8 compiles a regex to machine code on its second run, and these two (a number and
 * a unit, repeated up to eleven times, case-insensitive) are by far chrono's costliest
 * to compile: 95–150 ms each on the benchmark machine, plus ~10 ms each for two-byte
 * text, paid once per thread (ingest does not use them, so extract.time pays it). With
 * each letter written as a two-letter class ("[aA][gG][oO]") and no `i` flag, the same
 * patterns compile in 25–30 ms.
 *
 * The patterns are the same: without the `u` flag, `i` only makes a pattern character
 * match every character with the same Canonicalize value (ECMA-262 §22.2.2.7.3), and for
 * an ASCII letter those are exactly its two cases (a non-ASCII character whose upper
 * case is ASCII keeps its own value, e.g. "ſ", the Kelvin sign); ASCII non-letters match
 * only themselves either way; `\s`, `\d`, `\w`, `\b` and their negations do not depend
 * on `i` without `u`. So a source made only of ASCII characters, with no letters inside
 * brackets and no escapes but those and escaped punctuation, matches the same text
 * with the same groups once its letters are spelled out. Any other source is kept as
 * it is (`caseExpanded` returns the regex itself). tests/time-case-expanded.test.ts
 * checks both on random strings.
 */
import * as chrono from 'chrono-node';

/** The parsers (by class name) whose patterns are worth spelling out. */
export const COSTLY_TO_COMPILE: ReadonlySet<string> = new Set(['ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']);

const CLASS_ESCAPES = 'sSdDwW';
const ASSERTION_ESCAPES = 'bB';

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * The source of `pattern` with every letter outside brackets as a two-case class, or
 * null when the source has anything the rewrite is not proven for (see the header).
 */
export function caseExpandedSource(source: string): string | null {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c.charCodeAt(0) > 0x7f) return null;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || next.charCodeAt(0) > 0x7f || isDigit(next)) return null; // back-references, octal
      if (isLetter(next) && !CLASS_ESCAPES.includes(next) && !ASSERTION_ESCAPES.includes(next)) return null; // \u, \x, \c, \k, \n, …
      out += c + next;
      i += 1;
      continue;
    }
    if (c === '[') {
      const end = classEnd(source, i);
      if (end === -1) return null;
      out += source.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '(' && source.startsWith('(?<', i) && isLetter(source[i + 3] ?? '')) return null; // a named group
    out += isLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** The index of the "]" closing the class opened at `start`, or -1 when the class holds a letter or an unproven escape. */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i]!;
    if (c.charCodeAt(0) > 0x7f || isLetter(c)) return -1;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || next.charCodeAt(0) > 0x7f || isDigit(next)) return -1;
      if (isLetter(next) && !CLASS_ESCAPES.includes(next)) return -1; // \b is a backspace in a class, \u…: not proven
      i += 1;
      continue;
    }
    if (c === ']' && i > start + 1) return i;
    if (c === ']') return -1; // "[]" and "[]…]": not worth proving
  }
  return -1;
}

/** `pattern` without the `i` flag and with its letters spelled out, or `pattern` itself when that is not proven the same. */
export function caseExpanded(pattern: RegExp): RegExp {
  const { flags } = pattern;
  if (!flags.includes('i') || flags.includes('u') || flags.includes('v')) return pattern;
  const source = caseExpandedSource(pattern.source);
  return source === null ? pattern : new RegExp(source, flags.replace('i', ''));
}

const expanded = new WeakMap<RegExp, RegExp>();
const wrappers = new WeakMap<chrono.Parser, chrono.Parser>();

/**
 * The parser with its pattern case-expanded (same matches, same extraction; one wrapper
 * per parser); other parsers as they are.
 */
export function withCheapPattern(parser: chrono.Parser): chrono.Parser {
  if (!COSTLY_TO_COMPILE.has(parser.constructor?.name ?? '')) return parser;
  let wrapper = wrappers.get(parser);
  if (!wrapper) {
    wrapper = {
      pattern(context) {
        const original = parser.pattern(context);
        let pattern = expanded.get(original);
        if (!pattern) expanded.set(original, (pattern = caseExpanded(original)));
        return pattern;
      },
      extract: (context, match) => parser.extract(context, match),
    };
    wrappers.set(parser, wrapper);
  }
  return wrapper;
}

/** chrono.casual with the costly patterns case-expanded: the same results (for the repairs that re-read a date). */
export const casualChrono: chrono.Chrono = new chrono.Chrono({
  parsers: chrono.casual.parsers.map(withCheapPattern),
  refiners: chrono.casual.refiners,
});
