/**
 * Bytes → text without losing anything: the decoded string keeps a BOM as \uFEFF
 * and CRLF as it is, so every offset later stages compute is an offset into the
 * file's own characters.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; warning: { line: number; message: string } | null }
  | { ok: false; message: string };

const SNIFF_BYTES = 8192;

/**
 * Binary if the first 8 KB hold a NUL byte or more than 10% control bytes other than
 * tab, newlines, form feed and escape. (UTF-16 is recognized by its BOM before this.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Index of the first byte that breaks UTF-8 (overlongs, surrogates and values past
 * U+10FFFF included, as the WHATWG decoder rejects them), or -1 when all is valid.
 * One linear pass.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lower || c > upper : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * windows-1252 for 0x80–0x9F (the five undefined bytes map to the C1 control of the
 * same value, as WHATWG does). Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1, turning “smart quotes” into C1 controls, so the table is done here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Decodes a file's bytes; an empty, whitespace-only or binary file is not text. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'empty file' };
  let text: string;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  let warning: { line: number; message: string } | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  } else {
    if (looksBinary(bytes)) return { ok: false, message: 'binary file, skipped' };
    const bad = firstInvalidUtf8(bytes);
    if (bad === -1) {
      encoding = 'utf-8';
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } else {
      encoding = 'windows-1252';
      text = decodeWindows1252(bytes);
      warning = {
        line: lineOfByte(bytes, bad),
        message: `not valid UTF-8 (first bad byte at line ${lineOfByte(bytes, bad)}); decoded as windows-1252`,
      };
    }
  }
  if (text.trim() === '') return { ok: false, message: 'empty file' };
  return { ok: true, text, encoding, warning };
}
