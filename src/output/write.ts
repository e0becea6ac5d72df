/**
 * Writing an output file from chunks of text, so no output ever has to exist as
 * one string (see serialize.ts). Chunks are gathered up to ~1 MB and written with
 * writeSync: few system calls, bounded memory, and synchronous like the rest of the
 * CLI's writing (no interleaving with other work).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/** Writes `chunks` (or one string) to `file`, replacing it; returns the UTF-8 bytes written. */
export function writeChunks(file: string, chunks: Iterable<string> | string): number {
  const writer = openChunkWriter(file);
  let bytes = 0;
  try {
    if (typeof chunks === 'string') writer.write(chunks);
    else for (const chunk of chunks) writer.write(chunk);
  } finally {
    // Closing flushes: on an error thrown by `chunks`, what was produced is still written.
    bytes = writer.close();
  }
  return bytes;
}

/** A file written piece by piece (e.g. as records are produced), buffered like `writeChunks`. */
export interface ChunkWriter {
  write(chunk: string): void;
  /** Flushes and closes (again: a no-op); returns the UTF-8 bytes written. */
  close(): number;
}

export function openChunkWriter(file: string): ChunkWriter {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let closed = false;
  let buffer: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    const data = Buffer.from(buffer.join(''), 'utf8');
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
    bytes += data.length;
    buffer = [];
    size = 0;
  };
  return {
    write(chunk) {
      buffer.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_AT) flush();
    },
    close() {
      if (closed) return bytes;
      closed = true;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
      return bytes;
    },
  };
}
