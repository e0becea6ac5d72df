/**
 * The floor in a process of its own, so the benchmark can run one alone and then two
 * at the same time: how much a second core gives this kind of work on this machine.
 *
 *   node --import tsx scripts/lib/floor-child.ts TEXTS.json
 *
 * TEXTS.json is a CorpusText[]; prints one line `FLOOR-REPORT {json}` (a FloorResult).
 */
import { readFileSync } from 'node:fs';
import type { CorpusText } from './corpus.ts';
import { FLOOR_MARKER, runFloor } from './floor.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-child.ts TEXTS.json');
const texts = JSON.parse(readFileSync(file, 'utf8')) as CorpusText[];
runFloor(texts.slice(0, 1)); // lazy library set-up is not counted, as in the benchmark's own floor
process.stdout.write(`${FLOOR_MARKER}${JSON.stringify(runFloor(texts))}\n`);
