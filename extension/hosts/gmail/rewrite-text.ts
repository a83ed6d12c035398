import { firstProtectedBlock, selectionRangeIn } from './insert-draft';
import type { GmailCompose, InsertResult } from './types';

/** What a rewrite replaces: the rep's selection in the body, else all they wrote above the signature and quote. */
export interface RewriteTarget {
  range: Range;
  text: string;
  whole: boolean;
}

/** Text longer than this is not offered for rewriting (the prompt library refuses more than 6,000 characters). */
const MAX_REWRITE_CHARS = 6_000;

/**
 * The range a rewrite will replace. A selection reaching into the signature is cut before it (as for inserting), so
 * the signature and quoted history are never rewritten; without a selection it is everything above them.
 */
export function rewriteTarget(compose: GmailCompose): RewriteTarget | null {
  const { body } = compose;
  const doc = body.ownerDocument;
  const selected = selectionRangeIn(body, doc.getSelection());
  if (selected && !selected.collapsed && selected.toString().trim()) {
    return bounded({ range: selected, text: selected.toString(), whole: false });
  }
  const range = doc.createRange();
  range.selectNodeContents(body);
  const block = firstProtectedBlock(body);
  if (block) range.setEndBefore(block);
  return compose.bodyText.trim() ? bounded({ range, text: compose.bodyText, whole: true }) : null;
}

function bounded(target: RewriteTarget): RewriteTarget | null {
  return target.text.length <= MAX_REWRITE_CHARS ? target : null;
}

/**
 * Replaces `range` with `text` through the editor's own text insertion (`insertText`), the path typing takes, so
 * Gmail's undo (Ctrl+Z) restores the original. Nothing is parsed as markup: `insertText` inserts plain text only.
 */
export function replaceRange(compose: GmailCompose, range: Range, text: string): InsertResult {
  const { body } = compose;
  if (!body.isConnected || !body.contains(range.startContainer)) return { ok: false, reason: 'compose-closed' };
  if (!text.trim()) return { ok: false, reason: 'empty-text' };
  const doc = body.ownerDocument;
  body.focus();
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  // `execCommand` is deprecated but remains the only way to edit that joins the browser's undo stack.
  return doc.execCommand('insertText', false, text.replace(/\r\n?/g, '\n'))
    ? { ok: true }
    : { ok: false, reason: 'not-editable' };
}
