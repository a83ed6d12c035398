import { queryFirst } from '../selector-error';
import { hubspotSelectors as sel } from './selectors';
import { CONTACT_OBJECT_TYPE, HUBSPOT_ORIGIN, parseHubspotUrl } from './url';

/** One contact visible in a list view, as far as the page shows it. */
export interface VisibleContact {
  contactId: string;
  name: string;
  email: string | null;
}

/** Most contacts one list read returns: a view shows at most a few hundred rows. */
export const MAX_VISIBLE_CONTACTS = 500;

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/i;

/** The first e-mail address in a row, read text node by text node: cells' texts run together in `textContent`. */
function emailIn(row: Element): string | null {
  const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const found = EMAIL.exec(n.nodeValue ?? '')?.[0];
    if (found) return found.toLowerCase();
  }
  return null;
}

/**
 * The contacts a list view shows, in page order and without duplicates. Each contact comes from a link to its record
 * (the id is parsed from the href, as everywhere in this adapter); its e-mail from the same row when one is shown.
 */
export function readVisibleContacts(doc: Document): VisibleContact[] {
  const main = queryFirst(doc, sel.appMain) ?? doc.body;
  const seen = new Set<string>();
  const found: VisibleContact[] = [];
  for (const link of main.querySelectorAll<HTMLAnchorElement>(sel.contactLinks.join(','))) {
    // Relative links are app links: resolve them against HubSpot's origin, whatever the document's base is.
    const view = parseHubspotUrl(new URL(link.getAttribute('href') ?? '', HUBSPOT_ORIGIN).href);
    if (view?.kind !== 'record' || view.objectTypeId !== CONTACT_OBJECT_TYPE || seen.has(view.recordId)) continue;
    seen.add(view.recordId);
    const row = link.closest(sel.row.join(','));
    const email = row ? emailIn(row) : null;
    found.push({ contactId: view.recordId, name: (link.textContent ?? '').trim().slice(0, 200), email });
    if (found.length >= MAX_VISIBLE_CONTACTS) break;
  }
  return found;
}
