import { queryFirst } from '../selector-error';
import { isAfter } from './dom';
import { gmailSelectors as sel } from './selectors';

/**
 * The Send button of a compose, found by position (see `gmailSelectors.sendButtonCandidate`): the first button
 * after the body that has a text label and is immediately followed by the "more send options" drop-down. Labels
 * and tooltips are localised, so they are never compared; only their presence is. Null when neither this rule nor
 * the dated class fallback finds one (then only Ctrl/Cmd+Enter sends are detected, and `selfCheck` says so).
 */
export function findSendButton(compose: Element, body: Element): Element | null {
  const partner = sel.sendButtonPartner.join(', ');
  for (const candidate of compose.querySelectorAll(sel.sendButtonCandidate.join(', '))) {
    if (!isAfter(body, candidate)) continue;
    if (!(candidate.textContent ?? '').trim()) continue;
    if (candidate.nextElementSibling?.matches(partner)) return candidate;
  }
  return queryFirst(compose, sel.sendButtonLegacy);
}
