import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseHubspotUrl, readRecordEmail, readVisibleContacts, watchHubspotNavigation } from '../hosts/hubspot';
import { hubspotSelectors } from '../hosts/hubspot/selectors';
import { queryFirst } from '../hosts/selector-error';
import type { HubspotPageState } from '../messaging/page-state';
import { publishPageState, serveContentRequests } from './page-client';

/** Quiet time before a list view is read again: HubSpot renders rows in bursts. */
const SETTLE_MS = 250;

/** The HubSpot page as plain data: ids from the URL, and on list views the contacts shown. */
export function collectHubspotState(doc: Document): HubspotPageState {
  const url = doc.location.href;
  const view = parseHubspotUrl(url);
  const base = { site: 'hubspot' as const, url, portalId: view?.portalId ?? null };
  if (view?.kind === 'record')
    return {
      ...base,
      view: 'record',
      objectTypeId: view.objectTypeId,
      recordId: view.recordId,
      recordEmail: readRecordEmail(doc),
    };
  if (view?.kind === 'list')
    return {
      ...base,
      view: 'list',
      objectTypeId: view.objectTypeId,
      recordId: null,
      contacts: readVisibleContacts(doc),
    };
  return { ...base, view: 'other', objectTypeId: null, recordId: null };
}

/**
 * Follows the HubSpot page: publishes its state on each navigation (no polling), and on list views again after a
 * burst of DOM changes in the main region (rows arrive after the route changes). Answers `content.republish`.
 */
export function startHubspotPage(ctx: ContentScriptContext, doc: Document = document): void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = (force = false) => {
    const state = collectHubspotState(doc);
    const key = JSON.stringify(state);
    if (!force && key === last) return;
    last = key;
    void publishPageState(state).catch(() => undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => publish(), SETTLE_MS);
  };

  let observed: Element | null = null;
  const observer = new MutationObserver(() => {
    // Ids come from the URL; the DOM only adds list rows and, once, the record's e-mail.
    const kind = parseHubspotUrl(doc.location.href)?.kind;
    if (kind === 'list' || (kind === 'record' && !readRecordEmail(doc))) schedule();
  });
  const bind = () => {
    const main = queryFirst(doc, hubspotSelectors.appMain) ?? doc.body;
    if (main === observed) return;
    observer.disconnect();
    observed = main;
    observer.observe(main, { childList: true, subtree: true });
  };
  // The main region appears after HubSpot's bundle loads; until then watch body, then only main.
  const bodyObserver = new MutationObserver(() => {
    if (observed === doc.body && queryFirst(doc, hubspotSelectors.appMain)) {
      bind();
      schedule();
    }
  });
  bodyObserver.observe(doc.body, { childList: true });
  bind();

  const stop = watchHubspotNavigation(window, () => {
    bind();
    publish();
    schedule();
  });
  const stopServing = serveContentRequests({
    'content.republish': () => {
      publish(true);
      return { ok: true as const };
    },
    'content.insertDraft': () => ({ ok: false, reason: 'HubSpot pages have no compose' }),
    'content.selectText': () => ({ ok: false }),
    'content.expandFolded': () => ({ ok: false }),
    'content.readSelection': () => ({ ok: false }),
    'content.replaceText': () => ({ ok: false, reason: 'HubSpot pages have no compose' }),
    'content.setSubject': () => ({ ok: false }),
  });
  ctx.onInvalidated(() => {
    stop();
    stopServing();
    observer.disconnect();
    bodyObserver.disconnect();
    clearTimeout(timer);
  });
}
