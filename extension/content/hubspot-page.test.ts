/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';

vi.mock('./page-client', () => ({ publishPageState: vi.fn(), serveContentRequests: vi.fn() }));
const { collectHubspotState } = await import('./hubspot-page');

const goTo = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

describe('collectHubspotState', () => {
  it('reads a contact record from the URL and its e-mail from the record', () => {
    goTo('https://app.hubspot.com/contacts/12345/record/0-1/678/view/1');
    document.body.innerHTML = '<main><p data-selenium-test="contact-email">Jane@Example.com</p></main>';
    expect(collectHubspotState(document)).toEqual({
      site: 'hubspot',
      url: 'https://app.hubspot.com/contacts/12345/record/0-1/678/view/1',
      portalId: '12345',
      view: 'record',
      objectTypeId: '0-1',
      recordId: '678',
      recordEmail: 'jane@example.com',
    });
  });

  it('lists the contacts of a list view, and says "other" elsewhere', () => {
    goTo('https://app.hubspot.com/contacts/12345/objects/0-1/views/all/list');
    document.body.innerHTML =
      '<main><table><tbody><tr><td><a href="/contacts/12345/record/0-1/9">Ada</a></td><td>ada@example.org</td></tr></tbody></table></main>';
    expect(collectHubspotState(document)).toMatchObject({
      view: 'list',
      recordId: null,
      contacts: [{ contactId: '9', name: 'Ada', email: 'ada@example.org' }],
    });
    goTo('https://app.hubspot.com/reports-dashboard/12345/view/1');
    expect(collectHubspotState(document)).toMatchObject({ view: 'other', portalId: '12345', recordId: null });
  });
});
