import { SelectorError, queryFirst } from '../selector-error';
import { findComposes } from './compose';
import { gmailSelectors as sel } from './selectors';
import { readSelfEmail } from './self-email';
import { findSendButton } from './send-button';
import { findThreadSubject, readThread } from './thread';
import type { FeatureCheck, GmailCompose } from './types';

/**
 * Which adapter features work on the page as it is now, for the panel to switch off what would fail. A feature
 * whose element is absent because of the view (no thread open, no compose open) is off with a detail saying so; a
 * feature whose element should be there but is not (a layout change) is off with the selectors that were tried.
 * Cheap: the thread is read with tiny text caps.
 */
export function selfCheck(root: ParentNode): FeatureCheck[] {
  const composes = findComposes(root);
  return [checkThread(root), checkCompose(composes), checkInsert(composes), checkSend(composes), checkSelf(root)];
}

function checkThread(root: ParentNode): FeatureCheck {
  if (!findThreadSubject(root)) return { feature: 'thread', ok: false, idle: true, detail: 'no thread open' };
  try {
    const thread = readThread(root, { maxBodyChars: 200, maxQuotedChars: 0, maxTotalChars: 2_000 });
    return { feature: 'thread', ok: true, detail: `${thread.messages.length} messages` };
  } catch (err) {
    if (err instanceof SelectorError) return { feature: 'thread', ok: false, detail: err.message };
    throw err;
  }
}

function checkCompose(composes: GmailCompose[]): FeatureCheck {
  if (composes.length === 0) return { feature: 'compose', ok: false, idle: true, detail: 'no compose open' };
  const missing = composes.filter((c) => c.kind !== 'inline' && !queryFirst(c.element, sel.composeTo));
  if (missing.length > 0) {
    return { feature: 'compose', ok: false, detail: `no To field (tried ${sel.composeTo.join(' | ')})` };
  }
  return { feature: 'compose', ok: true, detail: composes.map((c) => c.kind).join(', ') };
}

function checkInsert(composes: GmailCompose[]): FeatureCheck {
  if (composes.length === 0) return { feature: 'insert', ok: false, idle: true, detail: 'no compose open' };
  const editable = composes.every((c) => c.body.getAttribute('contenteditable') !== 'false');
  return editable
    ? { feature: 'insert', ok: true, detail: 'compose body editable' }
    : { feature: 'insert', ok: false, detail: 'compose body is not editable' };
}

function checkSend(composes: GmailCompose[]): FeatureCheck {
  if (composes.length === 0) return { feature: 'sendDetection', ok: false, idle: true, detail: 'no compose open' };
  const without = composes.filter((c) => !findSendButton(c.element, c.body));
  if (without.length > 0) {
    const kinds = without.map((c) => c.kind).join(', ');
    return { feature: 'sendDetection', ok: false, detail: `no Send button in ${kinds}: only Ctrl/Cmd+Enter detected` };
  }
  return { feature: 'sendDetection', ok: true, detail: 'Send button and Ctrl/Cmd+Enter' };
}

function checkSelf(root: ParentNode): FeatureCheck {
  const self = readSelfEmail(root);
  return self
    ? { feature: 'selfEmail', ok: true, detail: `from ${self.source}` }
    : { feature: 'selfEmail', ok: false, detail: 'no address in the account bar, a compose or the title' };
}
