/**
 * Follows HubSpot's single-page navigation without polling. HubSpot routes with `history.pushState`, which fires no
 * event a content script can see, so three signals are combined: the Navigation API's `currententrychange` (fires
 * for pushState too, in every world of the page), `popstate` (back/forward), and a MutationObserver on `<title>`,
 * which HubSpot rewrites on each route change (a fallback for browsers without the Navigation API). `onChange`
 * gets the URL at once, then each time it changes.
 */
export function watchHubspotNavigation(
  win: Window,
  onChange: (url: string) => void,
  options: { signal?: AbortSignal } = {},
): () => void {
  const controller = new AbortController();
  let last: string | null = null;
  const update = () => {
    if (controller.signal.aborted) return;
    const url = win.location.href;
    if (url === last) return;
    last = url;
    onChange(url);
  };

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', update, { signal: controller.signal });
  win.addEventListener('popstate', update, { signal: controller.signal });
  win.addEventListener('hashchange', update, { signal: controller.signal });
  const titleObserver = new MutationObserver(update);
  const head = win.document.head ?? win.document.documentElement;
  titleObserver.observe(head, { childList: true, subtree: true, characterData: true });
  controller.signal.addEventListener('abort', () => titleObserver.disconnect(), { once: true });

  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  update();
  return () => controller.abort();
}
