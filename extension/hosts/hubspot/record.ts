import { queryFirst } from '../selector-error';
import { hubspotSelectors as sel } from './selectors';

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}$/i;

/**
 * The e-mail address a contact record shows, from HubSpot's test attributes or a mailto link (never a generated
 * class name); null while the record has not rendered it. Used when the companion backend cannot be asked.
 */
export function readRecordEmail(doc: Document): string | null {
  const main = queryFirst(doc, sel.appMain);
  if (!main) return null;
  const el = queryFirst(main, sel.recordEmail);
  const text = (el?.getAttribute('href')?.replace(/^mailto:/i, '') || el?.textContent || '').trim();
  return EMAIL.test(text) ? text.toLowerCase() : null;
}
