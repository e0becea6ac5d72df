/**
 * Where the source files are (the extraction cache hashes them; worker threads start from
 * them). Run through tsx, this module's own folder; run from a bundle (src/launch.mjs, or the
 * worker bundle cache.ts builds), which lives elsewhere, the folder the bundler baked in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __NEWS_RECONCILE_SRC_DIR__: string | undefined;

export const SRC_DIR: string =
  typeof __NEWS_RECONCILE_SRC_DIR__ === 'string' ? __NEWS_RECONCILE_SRC_DIR__ : path.dirname(fileURLToPath(import.meta.url));
