/**
 * "1300 GMT", "at 0900 GMT", "(1400 GMT)": wire-service four-digit clock times, which
 * chrono does not read. A zone is required: a bare "1400" is a count or a year.
 */
import type * as chrono from 'chrono-node';
import { ZONE_TOKEN_SOURCE } from '../zones.ts';
import { TAG } from './shared.ts';

const PATTERN = new RegExp(`(^|[^\\w:.,/-])([01]\\d|2[0-3])([0-5]\\d)(?:\\s*(?:hrs|hours|h))?\\s*(${ZONE_TOKEN_SOURCE})`);

export const hhmmZoneParser: chrono.Parser = {
  pattern: () => PATTERN,
  extract(context, match) {
    const index = match.index! + match[1]!.length;
    const text = match[0].slice(match[1]!.length);
    const result = context.createParsingResult(index, text, { hour: Number(match[2]), minute: Number(match[3]) });
    return result.addTags([`${TAG.rulePrefix}hhmm-zone-parser`, `${TAG.zonePrefix}${match[4]!.replace(/\s+/g, ' ')}`]);
  },
};
