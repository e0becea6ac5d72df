/**
 * A small JSON syntax scanner that builds no values, used next to JSON.parse for
 * what JSON.parse does not say: where a syntax error is (Node 20's messages often
 * carry no position) and where each record of a record array starts, with the
 * offsets of its keys (so a problem can name the line of `"published"` in entry 3).
 * One linear pass.
 */

export interface RecordLocation {
  /** Offset of the record's first character. */
  start: number;
  /** Offsets of the record's own keys, when it is an object. */
  keys: Map<string, number>;
}

export interface JsonScan {
  /** Offset of the first syntax error, or -1 if the text is valid JSON. */
  errorOffset: number;
  errorMessage: string | null;
  /** The top-level value (with its keys when it is an object, e.g. a single record). */
  root: RecordLocation;
  /** Elements of the top-level array, or of the top-level object's `articles` array. */
  records: RecordLocation[];
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const RECORD_ARRAY_KEYS = new Set(['articles']);

export function scanJson(src: string): JsonScan {
  let i = 0;
  const records: RecordLocation[] = [];
  const n = src.length;

  const fail = (message: string): never => {
    throw new ScanError(i, message);
  };
  const ws = (): void => {
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || (i === 0 && c === 0xfeff)) i++;
      else break;
    }
  };
  const string = (decode = false): string => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        const e = src[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) return fail('invalid \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('invalid escape in string');
        continue;
      }
      if (c === 0x22) {
        i++;
        if (!decode) return '';
        const raw = src.slice(start, i);
        if (!escaped) return raw.slice(1, -1);
        try {
          return JSON.parse(raw) as string;
        } catch {
          i = start;
          return fail('invalid escape in string');
        }
      }
      if (c < 0x20) return fail('unescaped control character in string');
      i++;
    }
    i = start;
    return fail('unterminated string');
  };
  const literal = (): void => {
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 400));
    if (!m) fail(`unexpected ${i < n ? `character ${JSON.stringify(src[i])}` : 'end of input'}`);
    i += m![0].length;
  };
  // record: keys of this value are collected into `into` (one level only)
  const value = (depth: number, role: 'top' | 'record-array' | 'record' | 'other', into?: Map<string, number>): void => {
    ws();
    const c = src[i];
    if (c === '{') {
      i++;
      ws();
      if (src[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail('expected a property name in double quotes');
        const keyStart = i;
        const key = string(true);
        if ((role === 'record' || role === 'top') && into && !into.has(key)) into.set(key, keyStart);
        ws();
        if (src[i] !== ':') fail("expected ':' after property name");
        i++;
        value(depth + 1, role === 'top' && RECORD_ARRAY_KEYS.has(key) ? 'record-array' : 'other');
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === '}') {
          i++;
          return;
        }
        fail("expected ',' or '}' after a property value");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (src[i] === ']') {
        i++;
        return;
      }
      const collect = role === 'top' || role === 'record-array';
      for (;;) {
        ws();
        if (collect) {
          const loc: RecordLocation = { start: i, keys: new Map() };
          records.push(loc);
          value(depth + 1, 'record', loc.keys);
        } else value(depth + 1, 'other');
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ']') {
          i++;
          return;
        }
        fail("expected ',' or ']' after an array element");
      }
    } else if (c === '"') {
      string();
    } else literal();
  };

  const root: RecordLocation = { start: 0, keys: new Map() };
  try {
    ws();
    root.start = i;
    value(0, 'top', root.keys);
    ws();
    if (i < n) fail('unexpected text after the JSON value');
    return { errorOffset: -1, errorMessage: null, root, records };
  } catch (error) {
    if (error instanceof ScanError) return { errorOffset: error.offset, errorMessage: error.message, root, records };
    if (error instanceof RangeError) return { errorOffset: i, errorMessage: 'nested too deeply', root, records };
    throw error;
  }
}
