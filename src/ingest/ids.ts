import { shortHash } from '../text/hash.ts';

/** An id safe for file names and URLs: runs of other characters become `_`. */
export function sanitizeId(raw: string): string {
  return raw
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|_+$/g, '');
}

/** The file name without folder and last extension (`sources/000_ab.txt` → `000_ab`). */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A sanitized id, or a hash of the fallback parts when nothing usable remains. */
export function idFrom(raw: string, fallbackParts: readonly string[]): string {
  const id = sanitizeId(raw);
  return id !== '' ? id : `a-${shortHash(fallbackParts, 10)}`;
}

/**
 * Makes ids unique in the given (already deterministic) order: the first keeps its
 * id, later ones get `-2`, `-3`, … (skipping suffixes that are taken). Returns the
 * new ids and which positions were renamed.
 */
export function uniqueIds(ids: readonly string[]): { ids: string[]; renamed: { index: number; from: string; to: string }[] } {
  const taken = new Set(ids);
  const seen = new Set<string>();
  const out: string[] = [];
  const renamed: { index: number; from: string; to: string }[] = [];
  ids.forEach((id, index) => {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
      return;
    }
    let k = 2;
    while (taken.has(`${id}-${k}`)) k++;
    const next = `${id}-${k}`;
    taken.add(next);
    seen.add(next);
    out.push(next);
    renamed.push({ index, from: id, to: next });
  });
  return { ids: out, renamed };
}
