/**
 * Worker thread: analyses the articles the main thread sends, one at a time.
 * Started either from the esbuild bundle of this file (plain JS, fast start) or
 * through worker-boot.mjs, which registers tsx first (see cache.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeTimed } from './cache.ts';
import type { Article } from './types.ts';

parentPort!.on('message', (message: { index: number; article: Article }) => {
  parentPort!.postMessage({ index: message.index, stored: analyzeTimed(message.article) });
});
