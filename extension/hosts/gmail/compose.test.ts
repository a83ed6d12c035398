/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findComposes } from './compose';
import { loadFixture } from './load-fixture';

describe('findComposes', () => {
  it('finds the inline reply of the thread view', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const composes = findComposes(document);
    expect(composes).toHaveLength(1);
    const [reply] = composes;
    expect(reply).toMatchObject({
      kind: 'inline',
      // Reply all: both chips of the PeopleKit To field.
      to: ['jordan.lee@example.net', 'priya.shah@example.net'],
      subject: 'Re: Pilot pricing for Q1',
      bodyText: '',
    });
    expect(reply!.element.getAttribute('role')).toBe('region');
    expect(reply!.body.getAttribute('g_editable')).toBe('true');
  });

  it('finds a new message and a docked reply, with chips and an address still being typed', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const [created, reply] = findComposes(document);
    expect(created).toMatchObject({
      kind: 'new',
      to: ['alex.kim@example.org', 'morgan.diaz@example.org', 'ops@example.org'],
      subject: 'Closer for the Example Org sales team',
      // What the rep wrote: no signature.
      bodyText: 'Hi Alex,\n\nFollowing up on our call:',
    });
    expect(created!.element.getAttribute('role')).toBe('dialog');
    expect(reply).toMatchObject({ kind: 'reply', to: ['jordan.lee@example.net'], subject: 'Re: Pilot pricing for Q1' });
    // Neither the signature nor the quoted history count as the rep's text.
    expect(reply!.bodyText).toBe('');
  });

  it('recognises a pop-out window', () => {
    loadFixture('gmail-2026-11-compose-popout.html');
    const [popout, ...others] = findComposes(document);
    expect(others).toHaveLength(0);
    expect(popout).toMatchObject({
      kind: 'popout',
      to: ['jordan.lee@example.net', 'priya.shah@example.net'],
      subject: 'Re: Pilot pricing for Q1',
    });
    expect(popout!.bodyText).toBe('Hi Jordan, hi Priya,\n\nThe price is fixed for 12 months.');
  });

  it('reads a pre-2021 To field (an input holding the addresses) and dedupes case-insensitively', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const dialog = document.querySelector('[role="dialog"]')!;
    const field = dialog.querySelector('div[name="to"]')!;
    const legacy = document.createElement('textarea');
    legacy.name = 'to';
    legacy.value = 'Alex Kim <Alex.Kim@example.org>, finance@example.org';
    field.replaceWith(legacy);
    expect(findComposes(document)[0]!.to).toEqual(['Alex.Kim@example.org', 'finance@example.org']);
  });

  it('falls back to the recipient summary of a collapsed inline reply', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const region = document.querySelector('[role="region"]')!;
    const summary = document.createElement('div');
    summary.innerHTML = '<span email="jordan.lee@example.net" name="Jordan Lee">Jordan Lee</span>';
    region.querySelector('[name="to"]')!.replaceWith(summary);
    // The fixture's own summary (div.aoD.hl) lists both; this test's replaces the field with one.
    region.querySelector('.hl')!.remove();
    expect(findComposes(document)[0]!.to).toEqual(['jordan.lee@example.net']);
  });

  it('finds nothing when no compose is open', () => {
    loadFixture('gmail-2026-11-inbox-shell.html');
    expect(findComposes(document)).toEqual([]);
  });
});
