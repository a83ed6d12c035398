/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { watchHubspotNavigation } from './watch-navigation';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('watchHubspotNavigation', () => {
  it('reports the URL at once, after pushState (seen through the title change) and after popstate', async () => {
    document.head.innerHTML = '<title>Contacts | HubSpot</title>';
    history.replaceState({}, '', '/contacts/1/objects/0-1/views/all/list');
    const seen: string[] = [];
    const stop = watchHubspotNavigation(window, (url) => seen.push(new URL(url).pathname));
    expect(seen).toEqual(['/contacts/1/objects/0-1/views/all/list']);

    // HubSpot's router: pushState, then a new title.
    history.pushState({}, '', '/contacts/1/record/0-1/9');
    document.title = 'Ada | Contacts | HubSpot';
    await flush();
    expect(seen.at(-1)).toBe('/contacts/1/record/0-1/9');

    history.replaceState({}, '', '/contacts/1/record/0-1/10');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen.at(-1)).toBe('/contacts/1/record/0-1/10');

    // The same URL twice is one change; after stop nothing is reported.
    window.dispatchEvent(new PopStateEvent('popstate'));
    const count = seen.length;
    stop();
    history.replaceState({}, '', '/contacts/1/record/0-1/11');
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.title = 'Other';
    await flush();
    expect(seen).toHaveLength(count);
  });
});
