/**
 * Sizing Node's heap to the dump. V8's default limit (about 4 GB on a large machine)
 * holds a few hundred thousand short articles; past it a run dies at the end of
 * extraction or in reconciliation with V8's "JavaScript heap out of memory", after
 * minutes of work and with nothing written. The CLI instead estimates, from the input
 * size, the heap a run needs, and when the current limit is too small it restarts
 * itself once with a bigger one (up to `RAM_SHARE` of the machine's memory), or warns
 * up front when even that will not do.
 *
 * The estimate: live heap after a forced collection peaked at 21× the input bytes at
 * 20k synthetic articles (9 MB → 192 MB), 16× at 100k (45 MB → 739 MB) and 14× at 300k
 * (136 MB → 1.97 GB, one-off probe per phase, see README "Speed and scale"); real news
 * runs lower (longer texts per article). `BYTES_PER_INPUT_BYTE` takes the high end, and
 * the limit asked for leaves `HEADROOM` above it, as the collector needs room to work.
 */

/** Live heap per byte of input, at the high end of what was measured. */
export const BYTES_PER_INPUT_BYTE = 21;
/** The program itself, its libraries and the smallest dumps. */
export const BASE_HEAP_BYTES = 256 * 1024 * 1024;
/** Heap limit asked for, relative to the estimated live heap. */
export const HEADROOM = 1.5;
/** Never ask for more than this share of the machine's memory. */
export const RAM_SHARE = 0.8;

/**
 * Past this estimated live heap, the heap grows by at most HEAP_GROWING_PERCENT after each
 * full collection instead of V8's own factor (up to 4× when collections are cheap next to
 * the work, as they are here): peak memory then stays nearer what the run really holds.
 * Measured on 100,000 synthetic articles (45 MB, one thread, `--no-cache`, same machine,
 * runs one after another): V8's factor 1.30 GB peak RSS and 156 s CPU; 50% 0.92 GB and
 * 163 s; 35% 0.85 GB; 20% 0.78 GB and 177 s. At 1,000,000 (50%): 11.1 → 6.78 GB. Where
 * the machine is small for the dump, less growth buys room: the percent is lowered so that
 * the estimate grown by it fits RAM_SHARE of the machine, down to MIN_GROWING_PERCENT (more
 * collections, more CPU; below that the plan warns anyway). Small dumps keep V8's factor:
 * their heap is small, and every collection saved is speed.
 */
export const LARGE_HEAP_BYTES = 1024 * 1024 * 1024;
export const HEAP_GROWING_PERCENT = 50;
export const MIN_GROWING_PERCENT = 10;

/**
 * The heap's growth after a full collection (percent) for a run needing `neededBytes` on a
 * machine of `totalMemoryBytes`; null: V8's own.
 */
export function heapGrowingPercent(neededBytes: number, totalMemoryBytes: number): number | null {
  if (neededBytes < LARGE_HEAP_BYTES) return null;
  const room = Math.floor(((totalMemoryBytes * RAM_SHARE) / neededBytes - 1) * 100);
  return Math.max(MIN_GROWING_PERCENT, Math.min(HEAP_GROWING_PERCENT, room));
}

/** The live heap a run over `inputBytes` of input is estimated to need (see above). */
export function neededHeapBytes(inputBytes: number): number {
  return BASE_HEAP_BYTES + BYTES_PER_INPUT_BYTE * inputBytes;
}

export type HeapPlan =
  | { action: 'enough'; neededBytes: number }
  /** Restart with `--max-old-space-size=limitMb`. */
  | { action: 'raise'; neededBytes: number; limitMb: number }
  /** The machine may not hold the run: say so, and go on with what there is. */
  | { action: 'warn'; neededBytes: number; advice: string };

export interface HeapContext {
  inputBytes: number;
  /** V8's current heap limit (v8.getHeapStatistics().heap_size_limit). */
  heapLimitBytes: number;
  /** os.totalmem(). */
  totalMemoryBytes: number;
  /** The user chose the limit (--max-old-space-size in NODE_OPTIONS or on node's command line). */
  limitChosen: boolean;
}

const MB = 1024 * 1024;

/** What to do about the heap for a run over `inputBytes` of input. Pure. */
export function planHeap(context: HeapContext): HeapPlan {
  const neededBytes = neededHeapBytes(context.inputBytes);
  const wanted = Math.ceil((neededBytes * HEADROOM) / MB);
  if (neededBytes <= context.heapLimitBytes) return { action: 'enough', neededBytes };
  if (context.limitChosen) {
    return { action: 'warn', neededBytes, advice: `the heap limit set with --max-old-space-size is ${formatBytes(context.heapLimitBytes)}: raise it to ${wanted} (MB)` };
  }
  const ceilingMb = Math.floor((context.totalMemoryBytes * RAM_SHARE) / MB);
  if (ceilingMb * MB < neededBytes) {
    return { action: 'warn', neededBytes, advice: `this machine has ${formatBytes(context.totalMemoryBytes)} of memory: run it on a bigger one, or split the dump` };
  }
  return { action: 'raise', neededBytes, limitMb: Math.min(wanted, ceilingMb) };
}

/** Whether node was started with an explicit heap limit (flags or NODE_OPTIONS). */
export function heapLimitChosen(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const flag = /--max[-_]old[-_]space[-_]size/;
  return execArgv.some((a) => flag.test(a)) || flag.test(nodeOptions ?? '');
}

/** "120 KB", "432 MB", "9.1 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  if (bytes < 1024 * MB) return `${Math.round(bytes / MB)} MB`;
  return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
}
