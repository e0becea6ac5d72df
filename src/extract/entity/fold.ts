/**
 * String folding for name matching (never for display).
 *
 * - `foldText`: lowercase, strip diacritics, unify apostrophes, collapse spaces.
 *   "Türkiye" → "turkiye", "Zelens’kyi" → "zelens'kyi".
 * - `nameKey`: `foldText` plus transliteration folding per word, so the usual
 *   Russian/Ukrainian romanizations meet: "-iy"/"-yy"/"-y"/"-ii"/"-i" endings → "i",
 *   "kh" → "h", "ie" → "i", dots dropped. "Zelenskiy", "Zelenskyy", "Zelensky" → "zelenski";
 *   "Dmitry"/"Dmitri"/"Dmitriy" → "dmitri"; "Sergey"/"Sergei" → "sergei".
 */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘`´]/g;
const SPACES = /\s+/g;
const DOTS = /\./g;
const WORD_ENDING = /(?:iy|yy|ii|y|i)$/;
const KH = /kh/g;
const IE = /ie/g;

/** Printable ASCII without a backtick, double space or leading/trailing space: folding only lowercases it. */
function plainAscii(text: string): boolean {
  const last = text.length - 1;
  let previous = 32; // a leading space counts as a double one
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x60 || (c === 32 && (previous === 32 || i === last))) return false;
    previous = c;
  }
  return true;
}

export function foldText(text: string): string {
  // Fast path: most tokens and names.
  if (plainAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/** One word's transliteration-folded form. */
export function wordKey(word: string): string {
  const folded = foldText(word).replace(DOTS, '');
  if (folded.length < 4) return folded; // "Xi", "Li", "Al": too short to fold safely
  return folded.replace(KH, 'h').replace(IE, 'i').replace(WORD_ENDING, 'i');
}

/** A whole name's matching key: words folded one by one, joined by single spaces. */
export function nameKey(name: string): string {
  return foldText(name)
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map(wordKey)
    .join(' ');
}
