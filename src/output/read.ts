/**
 * Reading back an output this program wrote, without ever holding it as one string.
 *
 * `events.json` of a 100k-article dump passes V8's maximum string length (~512 MB),
 * so `JSON.parse(readFileSync(…))` fails and every event id of the rerun starts
 * afresh. Here the file is read in chunks, and a top-level object is parsed one
 * member at a time; a member whose value is an array (sources, events, conflicts,
 * problems) is parsed one element at a time. Only one element is ever text.
 * One linear pass over the characters; same result as JSON.parse on valid JSON.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 1 << 20;

/** The chunks of a file, decoded as UTF-8 (a character split across chunks is kept whole). */
export function* fileTextChunks(file: string, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(chunkBytes);
    for (let read = readSync(fd, buffer, 0, chunkBytes, null); read > 0; read = readSync(fd, buffer, 0, chunkBytes, null)) {
      const text = decoder.write(buffer.subarray(0, read));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/**
 * A JSON object given as chunks of text, parsed member by member (and array members
 * element by element). Throws a SyntaxError when the text is not one JSON object.
 */
export function parseObjectChunks(chunks: Iterable<string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // Where we are: before the object, reading a key, a value, an array value's
  // elements, after an array value, or after the object.
  type State = 'start' | 'key' | 'value' | 'element' | 'afterArray' | 'end';
  let state = 'start' as State;
  let nest = 0; // brackets opened inside the current key, value or element
  let inString = false;
  let escaped = false;
  let key = '';
  let array: unknown[] = [];
  let pieces: string[] = [];
  let blank = true; // nothing but whitespace captured so far

  const take = (chunk: string, from: number, to: number): string => {
    pieces.push(chunk.slice(from, to));
    const text = pieces.join('');
    pieces = [];
    blank = true;
    return text;
  };

  for (const chunk of chunks) {
    let from = 0; // start of the uncaptured part of this chunk
    let nextBackslash = -2; // position of the next backslash in the chunk (-1: none), found lazily
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        // Jump to the string's end: most of the text is inside strings.
        if (escaped) {
          escaped = false;
          continue;
        }
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf('\\', i);
        const quote = chunk.indexOf('"', i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          i = nextBackslash;
          escaped = true;
        } else if (quote === -1) i = chunk.length;
        else {
          i = quote;
          inString = false;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (state === 'start' || state === 'afterArray' || state === 'end') {
        if (state === 'start' && c === 0x7b) state = 'key';
        else if (state === 'afterArray' && c === 0x2c) state = 'key';
        else if (state === 'afterArray' && c === 0x7d) state = 'end';
        else throw new SyntaxError(`unexpected "${chunk[i]}" in a JSON object`);
        from = i + 1;
        blank = true;
        continue;
      }
      if (c === 0x22) inString = true;
      if (nest > 0) {
        if (c === 0x7b || c === 0x5b) nest++;
        else if (c === 0x7d || c === 0x5d) nest--;
        blank = false;
        continue;
      }
      if (state === 'key') {
        if (c === 0x3a) {
          key = JSON.parse(take(chunk, from, i)) as string;
          state = 'value';
          from = i + 1;
        } else if (c === 0x7d && blank && Object.keys(result).length === 0) {
          state = 'end'; // {}
          from = i + 1;
        } else blank = false;
        continue;
      }
      if (state === 'value') {
        if (c === 0x5b && blank) {
          pieces = [];
          array = [];
          setOwn(result, key, array);
          state = 'element';
          from = i + 1;
        } else if (c === 0x2c || c === 0x7d) {
          setOwn(result, key, JSON.parse(take(chunk, from, i)));
          state = c === 0x2c ? 'key' : 'end';
          from = i + 1;
        } else {
          if (c === 0x7b || c === 0x5b) nest++;
          blank = false;
        }
        continue;
      }
      // state === 'element'
      if (c === 0x2c || c === 0x5d) {
        const wasBlank = blank;
        const text = take(chunk, from, i);
        if (!wasBlank) array.push(JSON.parse(text));
        else if (c === 0x2c || array.length > 0) throw new SyntaxError('empty element in a JSON array');
        if (c === 0x5d) state = 'afterArray';
        from = i + 1;
      } else {
        if (c === 0x7b || c === 0x5b) nest++;
        blank = false;
      }
    }
    if (state === 'key' || state === 'value' || state === 'element') pieces.push(chunk.slice(from));
  }
  if (state !== 'end' || inString) throw new SyntaxError('unexpected end of JSON input');
  return result;
}

/** A JSON object file read in chunks (see the module comment). */
export function readJsonObjectFile(file: string): Record<string, unknown> {
  return parseObjectChunks(fileTextChunks(file));
}

/** The values of a JSON Lines file, read in chunks (blank lines skipped). */
export function* readJsonLines<T>(file: string, chunkBytes = CHUNK_BYTES): Generator<T> {
  // The unfinished line's pieces, joined once its end is read (a line may span many chunks).
  let pending: string[] = [];
  for (const chunk of fileTextChunks(file, chunkBytes)) {
    const lines = chunk.split('\n');
    if (lines.length === 1) {
      pending.push(chunk);
      continue;
    }
    lines[0] = pending.join('') + lines[0];
    pending = [lines.pop()!];
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
  }
  const rest = pending.join('');
  if (rest.trim()) yield JSON.parse(rest) as T;
}

/** As JSON.parse does: "__proto__" is an own key like any other, never the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
