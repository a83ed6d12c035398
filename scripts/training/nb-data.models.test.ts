/** The SMS spam corpus as the naive Bayes scripts read it. Needs ../shared/data: `npm run test:models`. */
import { describe, expect, it } from 'vitest';
import { dedupeByText, loadSmsSpam } from './nb-data';

describe('data files', () => {
  it('reads all 5,573 SMS rows (5,170 distinct) with the spilled columns re-joined', () => {
    const rows = loadSmsSpam();
    expect(rows).toHaveLength(5_573);
    expect(rows.filter((r) => r.label === 'spam')).toHaveLength(748);
    expect(dedupeByText(rows)).toHaveLength(5_170);
    const spilled = rows.find((r) => r.text.startsWith('Your free ringtone is waiting'));
    expect(spilled?.text).toContain('PO Box 5249, MK17 92H');
  });
});
