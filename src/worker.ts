/**
 * Worker thread: analyses the articles the main thread sends, one at a time.
 * Started either from the esbuild bundle of this file (plain JS, fast start) or
 * through worker-boot.mjs, which registers tsx first (see cache.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeTimed } from './cache.ts';
import { loadCompromise } from './extract/entity/compromise-model.ts';
import type { Article } from './types.ts';

const ready = loadCompromise();

// Messages are handled in the order they come: each waits for the same load, then runs to the end.
parentPort!.on('message', async (message: { index: number; article: Article }) => {
  await ready;
  parentPort!.postMessage({ index: message.index, stored: analyzeTimed(message.article) });
});
