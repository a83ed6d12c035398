import { SelectorError, queryFirst } from '../selector-error';
import { findComposes } from './compose';
import { gmailSelectors as sel } from './selectors';
import { readSelfEmail } from './self-email';
import { findSendButton } from './send-button';
import { findThreadSubject, readThread } from './thread';
import type { FeatureCheck, GmailCompose, GmailThread } from './types';

/**
 * Which adapter features work on the page as it is now, for the panel to switch off what would fail. A feature
 * whose element is absent because of the view (no thread open, no compose open) is off with a detail saying so; a
 * feature whose element should be there but is not (a layout change) is off with the selectors that were tried.
 * Cheap: the thread is read with tiny text caps.
 */
export function selfCheck(root: ParentNode): FeatureCheck[] {
  const composes = findComposes(root);
  const { check, thread } = checkThread(root);
  return [
    check,
    ...checkReading(thread, check),
    checkCompose(composes),
    checkInsert(composes),
    checkSend(composes),
    checkSelf(root),
  ];
}

function checkThread(root: ParentNode): { check: FeatureCheck; thread: GmailThread | null } {
  if (!findThreadSubject(root))
    return { check: { feature: 'thread', ok: false, idle: true, detail: 'no thread open' }, thread: null };
  try {
    const thread = readThread(root, { maxBodyChars: 200, maxQuotedChars: 200, maxTotalChars: 4_000 });
    const folded = thread.folded > 0 ? `, ${thread.folded} folded by Gmail` : '';
    return { check: { feature: 'thread', ok: true, detail: `${thread.messages.length} messages${folded}` }, thread };
  } catch (err) {
    if (err instanceof SelectorError)
      return { check: { feature: 'thread', ok: false, detail: err.message }, thread: null };
    throw err;
  }
}

/**
 * Collapsed rows, quoted history and signatures on this thread's layout. Off only when the page shows the element
 * should be there and it was not found: collapsed rows without a snippet, or collapsed rows while the newest
 * expanded message quotes nothing (their text cannot be recovered).
 */
function checkReading(thread: GmailThread | null, threadCheck: FeatureCheck): FeatureCheck[] {
  if (!thread) {
    // With no conversation open these wait, as the thread does; with a broken thread they are off with it.
    return (['collapsed', 'quotedHistory', 'signature'] as const).map((feature) => ({
      feature,
      ok: false,
      ...(threadCheck.idle ? { idle: true } : {}),
      detail: threadCheck.detail,
    }));
  }
  const collapsed = thread.messages.filter((m) => m.collapsed);
  const expanded = thread.messages.filter((m) => !m.collapsed);
  const snippets = collapsed.filter((m) => m.snippet).length;
  const collapsedCheck: FeatureCheck =
    collapsed.length > 0 && snippets === 0
      ? {
          feature: 'collapsed',
          ok: false,
          detail: `no snippet in ${collapsed.length} collapsed rows (tried ${sel.messageSnippetLegacy.join(' | ')})`,
        }
      : { feature: 'collapsed', ok: true, detail: `${collapsed.length} collapsed rows, ${snippets} with a snippet` };
  const quoting = expanded.filter((m) => m.quotedText).length;
  const quotedCheck: FeatureCheck =
    collapsed.length > 0 && quoting === 0
      ? {
          feature: 'quotedHistory',
          ok: false,
          detail: `no quoted history to recover ${collapsed.length} collapsed messages from (tried ${sel.quoted.join(' | ')})`,
        }
      : {
          feature: 'quotedHistory',
          ok: true,
          detail: `${quoting} of ${expanded.length} expanded messages quote earlier ones`,
        };
  const signed = expanded.filter((m) => m.signatureText).length;
  const signatureCheck: FeatureCheck = {
    feature: 'signature',
    ok: true,
    detail: `${signed} of ${expanded.length} expanded messages carry a marked signature`,
  };
  return [collapsedCheck, quotedCheck, signatureCheck];
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
