/**
 * Where the source files are (the extraction cache hashes them; worker threads start from
 * them), and where the launcher put the worker's bundle. Run through tsx, this module's own
 * folder and no worker bundle; run from a bundle (src/bundles.mjs builds them), which lives
 * elsewhere, what the bundler baked in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __NEWS_RECONCILE_SRC_DIR__: string | undefined;
declare const __NEWS_RECONCILE_WORKER_BUNDLE__: string | undefined;

export const SRC_DIR: string =
  typeof __NEWS_RECONCILE_SRC_DIR__ === 'string' ? __NEWS_RECONCILE_SRC_DIR__ : path.dirname(fileURLToPath(import.meta.url));

/**
 * File URL of the worker bundle built next to the CLI's bundle (same sources), or null when
 * not started from that bundle (tsx, tests): cache.ts then asks src/bundles.mjs for it.
 */
export const LAUNCHER_WORKER_BUNDLE: string | null =
  typeof __NEWS_RECONCILE_WORKER_BUNDLE__ === 'string' ? __NEWS_RECONCILE_WORKER_BUNDLE__ : null;
