import { extractCommitments } from './extract-commitments';
import { extractDates } from './extract-dates';
import { extractMeaningClaims } from './extract-meaning';
import { extractNames } from './extract-names';
import { extractNumbers } from './extract-numbers';
import { extractUrls } from './extract-urls';
import type { Mention, ScanMode } from './mention';
import { Occupancy } from './text-utils';

/**
 * Runs the extractors in priority order on prepared text. Order matters: URLs and e-mails first (their digits and
 * words belong to them), then dates (so "12 June" is not the number 12), numbers, commitments, and names last.
 */
export function extractMentions(text: string, mode: ScanMode): Mention[] {
  const occupied = new Occupancy(text.length);
  const out: Mention[] = [];
  extractUrls(text, occupied, out);
  extractDates(text, mode, occupied, out);
  extractNumbers(text, mode, occupied, out);
  // Grounding commitments are read per clause by commitmentFamilies; listing them here would only cost time.
  if (mode === 'draft') extractCommitments(text, occupied, out);
  if (mode === 'draft') extractMeaningClaims(text, occupied, out);
  if (mode === 'draft') extractNames(text, mode, occupied, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
