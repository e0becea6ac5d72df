/**
 * Loaded before every test file (vitest.config.ts): compromise, which the program loads
 * only before it extracts (compromise-model.ts), so tests may call the extractors directly.
 */
import { loadCompromise } from '../src/extract/entity/compromise-model.ts';

await loadCompromise();
