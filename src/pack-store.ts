/**
 * A cache folder of JSON entries by key, kept in a few large files ("segments") rather
 * than a file per entry.
 *
 * Why: a rerun of 100k articles read two small files per article (its analysis and its
 * event-stage entry). On the 2-core VM this project is measured on, those 200k opens and
 * reads took 19–26 s of a 61 s rerun: the page cache does not keep them from one run to
 * the next, and each small read then waits on the disk. The same 355 MB read as one file
 * takes a fraction of a second. A file per entry also left 200k inodes behind.
 *
 * A segment is a sequence of lines `key \t day \t json \n`: JSON.stringify never writes a
 * raw newline, and `day` (days since 1970) is the last day the entry is known to have been
 * used. A store, opened for one run:
 *   1. scans every `*.pack` segment once, sequentially, keeping per entry only its key's
 *      hash, its place and its day (~30 bytes; the text stays on disk);
 *   2. reads an entry when asked (`get`: one positioned read, no open or close);
 *   3. appends what the run computed (`put`) to a segment of its own, named `*.open` while
 *      it is written and renamed `*.pack` when complete, so no run reads a half-written one;
 *   4. compacts when due (`finish`): every segment rewritten as one, holding the entries
 *      this run used (their day set to today) and those it did not use but some run used
 *      within KEEP_DAYS.
 * Compaction is due when segments pile up (more than MAX_SEGMENTS), when entries unused for
 * KEEP_DAYS take a quarter of the bytes, or when an entry this run used carries a day
 * before yesterday (so days stay true: an entry goes once no run has used it for 6–7 days,
 * as the file-per-entry cache did by modification time).
 *
 * What cannot be read is a miss, never an error: a torn or corrupt line, a segment that
 * cannot be opened, a folder that cannot be written (the next run is only slower). Two runs
 * sharing a folder each write their own segment; a compaction removes only the segments
 * it read.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Days an entry no run has used is kept (articles left out of one run, then back). */
export const KEEP_DAYS = 7;
/** Segments a folder may hold before they are compacted into one (each run that computes something adds one). */
export const MAX_SEGMENTS = 8;

const DAY_MS = 86_400_000;
const TAB = 9;
const NEWLINE = 10;
const READ_CHUNK = 1 << 22;
const WRITE_BUFFER = 1 << 20;
/** A key: printable ASCII without spaces or tabs (the stores' keys are hex digests). */
const KEY = /^[\x21-\x7e]+$/;

/** Per-entry flags. */
const UNUSED = 0;
const USED = 1;
/** Found corrupt: dropped at the next compaction. */
const BAD = 2;

export interface PackStoreOptions {
  /** The time of the run (tests); default Date.now(). */
  now?: number;
}

/** What `finish` did: entries written by this run, and whether the folder was compacted into one segment. */
export interface PackFinish {
  written: number;
  compacted: boolean;
}

interface Segment {
  file: string;
  fd: number;
}

interface Writer {
  file: string;
  fd: number;
  buffer: Buffer;
  filled: number;
  entries: number;
}

export class PackStore {
  private readonly today: number;
  private readonly segments: Segment[] = [];
  // One row per entry found by the scan, in scan order.
  private count = 0;
  private hashes = new Float64Array(1024);
  private segmentOf = new Int32Array(1024);
  private starts = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private days = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  /** Entries in the order this run used them: compaction writes them so, and the next run reads them in order. */
  private usedOrder: number[] = [];
  /** Open addressing over the entries: entry index + 1 per slot, 0 when empty. */
  private table = new Int32Array(0);
  private scratch = Buffer.allocUnsafe(1 << 16);
  private writer: Writer | null = null;
  private writable = true;

  private constructor(
    private readonly dir: string,
    now: number,
  ) {
    this.today = Math.floor(now / DAY_MS);
  }

  /** Opens the folder's segments (none when the folder does not exist yet). */
  static open(dir: string, options: PackStoreOptions = {}): PackStore {
    const store = new PackStore(dir, options.now ?? Date.now());
    store.scan();
    return store;
  }

  /** Entries the scan found (duplicates and corrupt ones included). */
  get size(): number {
    return this.count;
  }

  /** The entry stored under `key`, or null when there is none that can be read. */
  get<T>(key: string): T | null {
    if (this.count === 0 || !KEY.test(key)) return null;
    const keyBytes = Buffer.from(key, 'latin1'); // ASCII: its bytes are its characters
    const hash = hashBytes(keyBytes, 0, keyBytes.length);
    const mask = this.table.length - 1;
    for (let slot = slotOf(hash, mask); this.table[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = this.table[slot]! - 1;
      if (this.hashes[entry] !== hash || this.flags[entry] === BAD) continue;
      const value = this.read<T>(entry, keyBytes);
      if (value === undefined) continue; // another key with the same hash, or a corrupt line
      if (this.flags[entry] === UNUSED) this.usedOrder.push(entry);
      this.flags[entry] = USED;
      return value;
    }
    return null;
  }

  /** Stores `value` under `key`, in this run's segment (written as it fills, complete at `finish`). */
  put(key: string, value: unknown): void {
    if (!KEY.test(key)) throw new Error(`pack store: invalid key ${JSON.stringify(key)}`);
    if (!this.writable) return;
    try {
      const writer = (this.writer ??= this.startSegment());
      append(writer, `${key}\t${this.today}\t${JSON.stringify(value)}\n`);
      writer.entries++;
    } catch {
      this.abandonWriter(); // a cache that cannot be written only makes the next run slower
    }
  }

  /** Completes this run's segment, compacts the folder when due (see the module header) and closes everything. */
  finish(): PackFinish {
    let written = 0;
    let added: Segment | null = null;
    if (this.writer) {
      try {
        flush(this.writer);
        closeSync(this.writer.fd);
        const file = this.writer.file.replace(/\.open$/, '.pack');
        renameSync(this.writer.file, file);
        written = this.writer.entries;
        added = { file, fd: -1 };
      } catch {
        this.abandonWriter();
      }
      this.writer = null;
    }
    let compacted = false;
    try {
      if (this.writable && this.compactionDue(added !== null)) compacted = this.compact(added);
    } catch {
      // left as it was: the segments are all still valid
    }
    for (const segment of this.segments) closeQuietly(segment.fd);
    this.segments.length = 0;
    return { written, compacted };
  }

  // ─── Scanning ───────────────────────────────────────────────────────────────

  private scan(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).sort();
    } catch {
      names = []; // no folder yet
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      if (name.endsWith('.open')) removeIfOlderThan(file, this.today - 1); // left by a run that crashed
      if (!name.endsWith('.pack')) continue;
      let fd: number;
      try {
        fd = openSync(file, 'r');
      } catch {
        continue;
      }
      this.segments.push({ file, fd });
      this.scanSegment(this.segments.length - 1, fd);
    }
    this.buildTable();
  }

  /** Reads a segment line by line; a line without two tabs, a day or its newline is skipped. */
  private scanSegment(segment: number, fd: number): void {
    let buffer = Buffer.allocUnsafe(READ_CHUNK);
    let filled = 0; // bytes in `buffer`
    let base = 0; // file offset of buffer[0]
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2); // one line longer than the buffer
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, filled, buffer.length - filled, base + filled);
      } catch {
        return;
      }
      if (n === 0) return; // what is left has no newline: a torn last line
      filled += n;
      let lineStart = 0;
      for (let end = buffer.indexOf(NEWLINE, lineStart); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, lineStart)) {
        this.addLine(segment, buffer, lineStart, end, base);
        lineStart = end + 1;
      }
      buffer.copy(buffer, 0, lineStart, filled);
      base += lineStart;
      filled -= lineStart;
    }
  }

  private addLine(segment: number, buffer: Buffer, start: number, end: number, base: number): void {
    const keyEnd = buffer.indexOf(TAB, start);
    if (keyEnd <= start || keyEnd >= end) return;
    const dayEnd = buffer.indexOf(TAB, keyEnd + 1);
    if (dayEnd <= keyEnd + 1 || dayEnd >= end) return;
    let day = 0;
    for (let i = keyEnd + 1; i < dayEnd; i++) {
      const digit = buffer[i]! - 48;
      if (digit < 0 || digit > 9) return;
      day = day * 10 + digit;
    }
    if (this.count === this.hashes.length) this.grow();
    const i = this.count++;
    this.hashes[i] = hashBytes(buffer, start, keyEnd);
    this.segmentOf[i] = segment;
    this.starts[i] = base + start;
    this.lengths[i] = end - start;
    this.days[i] = day;
    this.flags[i] = UNUSED;
  }

  private grow(): void {
    const size = this.hashes.length * 2;
    const widen = <A extends Float64Array | Int32Array | Uint8Array>(from: A, to: A): A => (to.set(from), to);
    this.hashes = widen(this.hashes, new Float64Array(size));
    this.segmentOf = widen(this.segmentOf, new Int32Array(size));
    this.starts = widen(this.starts, new Float64Array(size));
    this.lengths = widen(this.lengths, new Int32Array(size));
    this.days = widen(this.days, new Int32Array(size));
    this.flags = widen(this.flags, new Uint8Array(size));
  }

  private buildTable(): void {
    let size = 16;
    while (size < this.count * 2) size *= 2;
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = slotOf(this.hashes[i]!, mask);
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = i + 1;
    }
  }

  // ─── Reading ────────────────────────────────────────────────────────────────

  /** The line of `entry`, in `this.scratch` (grown as needed); its length, or -1 when it cannot be read. */
  private readLine(entry: number): number {
    const length = this.lengths[entry]!;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    try {
      const fd = this.segments[this.segmentOf[entry]!]!.fd;
      return readSync(fd, this.scratch, 0, length, this.starts[entry]!) === length ? length : -1;
    } catch {
      return -1;
    }
  }

  /** The entry's value if its line holds `key` (undefined otherwise; a corrupt line is marked BAD). */
  private read<T>(entry: number, key: Buffer): T | undefined {
    const length = this.readLine(entry);
    if (length < 0) return undefined;
    const line = this.scratch;
    if (length <= key.length || line[key.length] !== TAB || line.compare(key, 0, key.length, 0, key.length) !== 0) return undefined;
    const jsonStart = line.indexOf(TAB, key.length + 1) + 1;
    try {
      return JSON.parse(line.toString('utf8', jsonStart, length)) as T;
    } catch {
      this.flags[entry] = BAD;
      return undefined;
    }
  }

  // ─── Writing and compaction ─────────────────────────────────────────────────

  private startSegment(): Writer {
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${segmentName()}.open`);
    return { file, fd: openSync(file, 'wx'), buffer: Buffer.allocUnsafe(WRITE_BUFFER), filled: 0, entries: 0 };
  }

  private abandonWriter(): void {
    this.writable = false;
    if (!this.writer) return;
    closeQuietly(this.writer.fd);
    rmSync(this.writer.file, { force: true });
    this.writer = null;
  }

  private compactionDue(added: boolean): boolean {
    if (this.segments.length + (added ? 1 : 0) > MAX_SEGMENTS) return true;
    let total = 0;
    let dropped = 0;
    for (let i = 0; i < this.count; i++) {
      total += this.lengths[i]! + 1;
      if (this.flags[i] === USED) {
        if (this.days[i]! < this.today - 1) return true; // its day would no longer be true
      } else if (!this.keptUnused(i)) dropped += this.lengths[i]! + 1;
    }
    return dropped > 0 && dropped * 4 >= total;
  }

  /** An entry this run did not use that compaction keeps: readable, and used by some run within KEEP_DAYS. */
  private keptUnused(entry: number): boolean {
    return this.flags[entry] === UNUSED && this.today - this.days[entry]! < KEEP_DAYS;
  }

  /**
   * Rewrites every segment as one: the entries this run used (in the order it used them,
   * their day set to today), then this run's own segment, then the unused entries kept.
   * The old segments are removed only once the new one is complete.
   */
  private compact(added: Segment | null): boolean {
    const writer = this.startSegment();
    try {
      for (const entry of this.usedOrder) {
        const length = this.readLine(entry);
        if (length < 0) continue;
        const keyEnd = this.scratch.indexOf(TAB);
        const jsonStart = this.scratch.indexOf(TAB, keyEnd + 1);
        appendBytes(writer, this.scratch, 0, keyEnd + 1);
        append(writer, String(this.today));
        appendBytes(writer, this.scratch, jsonStart, length);
        append(writer, '\n');
      }
      if (added) copyFile(added.file, writer);
      for (let entry = 0; entry < this.count; entry++) {
        if (!this.keptUnused(entry)) continue;
        const length = this.readLine(entry);
        if (length < 0) continue;
        appendBytes(writer, this.scratch, 0, length);
        append(writer, '\n');
      }
      flush(writer);
      closeSync(writer.fd);
    } catch (error) {
      closeQuietly(writer.fd);
      rmSync(writer.file, { force: true });
      throw error;
    }
    renameSync(writer.file, writer.file.replace(/\.open$/, '.pack'));
    for (const segment of [...this.segments, ...(added ? [added] : [])]) rmSync(segment.file, { force: true });
    return true;
  }
}

// ─── Helpers ──────────────────────────────────────────────────────────────────

/** 52 bits of two FNV-1a-style hashes of a key's bytes (a line's, or a looked-up key's). A hash match is checked against the line. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = start; i < end; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

/** The table slot of a hash: its high 32 bits (the first hash), masked. */
function slotOf(hash: number, mask: number): number {
  return Math.floor(hash / 0x100000) & mask;
}

/** Segments sort by name in the order they were written. */
function segmentName(): string {
  const random = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${Date.now().toString(36).padStart(9, '0')}-${process.pid.toString(36)}-${random}`;
}

function append(writer: Writer, text: string): void {
  const bytes = Buffer.byteLength(text);
  if (writer.filled + bytes > writer.buffer.length) flush(writer);
  if (bytes > writer.buffer.length) {
    writeAll(writer.fd, Buffer.from(text));
    return;
  }
  writer.filled += writer.buffer.write(text, writer.filled);
}

function appendBytes(writer: Writer, bytes: Buffer, start: number, end: number): void {
  if (writer.filled + (end - start) > writer.buffer.length) flush(writer);
  if (end - start > writer.buffer.length) {
    writeAll(writer.fd, bytes.subarray(start, end));
    return;
  }
  writer.filled += bytes.copy(writer.buffer, writer.filled, start, end);
}

function flush(writer: Writer): void {
  writeAll(writer.fd, writer.buffer.subarray(0, writer.filled));
  writer.filled = 0;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

function copyFile(file: string, writer: Writer): void {
  flush(writer);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, writer.buffer, 0, writer.buffer.length, null); n > 0; n = readSync(fd, writer.buffer, 0, writer.buffer.length, null)) {
      writeAll(writer.fd, writer.buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

function closeQuietly(fd: number): void {
  if (fd < 0) return;
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function removeIfOlderThan(file: string, day: number): void {
  try {
    if (statSync(file).mtimeMs < day * DAY_MS) rmSync(file, { force: true });
  } catch {
    // gone meanwhile
  }
}
