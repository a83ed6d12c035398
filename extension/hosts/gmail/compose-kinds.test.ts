/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findComposes } from './compose';
import { findSendButton } from './send-button';
import { loadFixture, type GmailFixture } from './load-fixture';

/** Every compose kind on the fixtures rebuilt from public evidence (2026-12): kind, PeopleKit recipients, subject, Send. */
function only(name: GmailFixture) {
  loadFixture(name);
  const composes = findComposes(document);
  expect(composes).toHaveLength(1);
  return composes[0]!;
}

describe('compose kinds on the 2026-12 fixtures', () => {
  it('reads a new message popup: one PeopleKit chip, the subject, nothing written yet', () => {
    const c = only('gmail-2026-12-compose-new.html');
    expect(c).toMatchObject({
      kind: 'new',
      to: ['alex.kim@example.org'],
      subject: 'Closer for the Example Org sales team',
      bodyText: '',
    });
    // No `name=to` input exists any more: the address came from the chip.
    expect(document.querySelector('input[name="to"], textarea[name="to"]')).toBeNull();
  });

  it('reads a new message in full screen the same way', () => {
    const c = only('gmail-2026-12-compose-fullscreen.html');
    expect(c).toMatchObject({ kind: 'new', to: ['alex.kim@example.org'], bodyText: '' });
  });

  it('reads an inline reply: the chip, the subject, not the signature', () => {
    const c = only('gmail-2026-12-compose-inline-reply.html');
    expect(c).toMatchObject({
      kind: 'inline',
      to: ['dana.cole@example.net'],
      subject: 'Re: Charged twice for November',
      bodyText: '',
    });
  });

  it('reads an inline forward: no recipient yet, the forwarded message kept out of the rep text', () => {
    const c = only('gmail-2026-12-compose-forward.html');
    expect(c).toMatchObject({ kind: 'inline', to: [], subject: 'Fwd: Charged twice for November', bodyText: '' });
  });

  it('reads a pop-out reply window', () => {
    const c = only('gmail-2026-12-compose-popout.html');
    expect(c).toMatchObject({
      kind: 'popout',
      to: ['jordan.lee@example.net', 'priya.shah@example.net'],
      subject: 'Re: Pilot pricing for Q1',
      bodyText: 'Hi Jordan, hi Priya,\n\nThe price is fixed for 12 months.',
    });
  });

  it.each<GmailFixture>([
    'gmail-2026-12-compose-new.html',
    'gmail-2026-12-compose-fullscreen.html',
    'gmail-2026-12-compose-inline-reply.html',
    'gmail-2026-12-compose-forward.html',
    'gmail-2026-12-compose-popout.html',
  ])('finds the Send button of %s, whose label carries bidi marks, not "More send options"', (name) => {
    const c = only(name);
    const send = findSendButton(c.element, c.body);
    expect(send?.textContent).toBe('Send');
    expect(send?.getAttribute('aria-label')).toBe('Send \u202a(Ctrl-Enter)\u202c');
  });
});
