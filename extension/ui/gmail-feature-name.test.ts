/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../hosts/gmail/load-fixture';
import { selfCheck } from '../hosts/gmail/self-check';
import { layoutFaults } from './gmail-feature-name';

// WXT's fake browser has no i18n: stand in for the message lookup so the test sees which message was asked for.
vi.mock('#i18n', () => ({ i18n: { t: (key: string) => `«${key}»` } }));

describe('layoutFaults', () => {
  it('shows nothing on the inbox with no conversation or reply box open', () => {
    loadFixture('gmail-2026-11-inbox-shell.html');
    const checks = selfCheck(document);
    expect(checks.filter((c) => !c.ok).map((c) => c.feature)).toEqual([
      'thread',
      'collapsed',
      'quotedHistory',
      'signature',
      'compose',
      'insert',
      'sendDetection',
    ]);
    expect(layoutFaults(checks)).toEqual([]);
  });

  it('names a broken feature for a person, never by its id', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    document.querySelector('[aria-label="More send options"]')!.remove();
    document.querySelector('.aoO')!.classList.remove('aoO');
    expect(layoutFaults(selfCheck(document))).toEqual(['«gmail.feature.sendDetection»']);
  });
});
