import { createHash } from 'node:crypto';

/** sha256 hex of a string encoded as UTF-8. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A short stable id from any parts: the first `length` hex chars of their sha256. */
export function shortHash(parts: readonly (string | number)[], length = 12): string {
  return sha256(parts.join('\u0000')).slice(0, length);
}
