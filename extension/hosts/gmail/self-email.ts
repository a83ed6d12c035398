import { queryFirst } from '../selector-error';
import { docOf, emailsIn } from './dom';
import { gmailSelectors as sel } from './selectors';

export interface SelfEmail {
  email: string;
  /** Where it was read, so `selfCheck` can tell a sturdy source from the title fallback. */
  source: 'account' | 'compose' | 'title';
}

/**
 * The rep's own address. Tried in order: an attribute in the account bar, a compose's hidden "from" field, then
 * `document.title` ("Inbox - rep@example.com - Gmail"), whose words are localised but whose address is not. The
 * last address of the title is taken, because a subject shown before it may contain one too.
 */
export function readSelfEmail(root: ParentNode): SelfEmail | null {
  const doc = docOf(root);
  const account = queryFirst(doc, sel.accountArea);
  // The account bar is missing while Gmail loads and in pop-out windows.
  const chip = account ? queryFirst(account, sel.accountEmail) : null;
  const fromChip = chip && emailsIn(attrs(chip))[0];
  if (fromChip) return { email: fromChip, source: 'account' };

  const from = queryFirst(root, sel.composeFrom) ?? queryFirst(doc, sel.composeFrom);
  const fromInput = from && emailsIn((from as HTMLInputElement).value ?? '')[0];
  if (fromInput) return { email: fromInput, source: 'compose' };

  const inTitle = emailsIn(doc.title ?? '').pop();
  return inTitle ? { email: inTitle, source: 'title' } : null;
}

function attrs(el: Element): string {
  return [el.getAttribute('data-email'), el.getAttribute('email'), el.getAttribute('data-hovercard-id')].join(' ');
}
