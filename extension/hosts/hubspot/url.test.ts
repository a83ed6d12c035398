import { describe, expect, it } from 'vitest';
import { contactRecordUrl, parseHubspotUrl } from './url';

const H = 'https://app.hubspot.com';

describe('parseHubspotUrl', () => {
  it('reads portal and contact from record URLs, with any suffix', () => {
    const record = { kind: 'record', portalId: '12345', objectTypeId: '0-1', recordId: '678' };
    expect(parseHubspotUrl(`${H}/contacts/12345/record/0-1/678`)).toEqual(record);
    expect(parseHubspotUrl(`${H}/contacts/12345/record/0-1/678/view/1`)).toEqual(record);
    expect(parseHubspotUrl(`${H}/contacts/12345/record/0-1/678/activity?tab=emails#x`)).toEqual(record);
    // The older contact route and the newer object routes.
    expect(parseHubspotUrl(`${H}/contacts/12345/contact/678`)).toEqual(record);
    expect(parseHubspotUrl(`${H}/contacts/12345/contact/678/`)).toEqual(record);
    expect(parseHubspotUrl(`${H}/record/12345/0-1/678`)).toEqual(record);
    expect(parseHubspotUrl(`${H}/contacts/12345/objects/0-1/678`)).toEqual(record);
  });

  it('keeps other object types apart from contacts', () => {
    expect(parseHubspotUrl(`${H}/contacts/9/record/0-2/55`)).toMatchObject({ kind: 'record', objectTypeId: '0-2' });
    expect(parseHubspotUrl(`${H}/contacts/9/company/55`)).toMatchObject({ kind: 'record', objectTypeId: '0-2' });
    expect(parseHubspotUrl(`${H}/contacts/9/record/2-7001/55`)).toMatchObject({ objectTypeId: '2-7001' });
  });

  it('recognises contact list views', () => {
    expect(parseHubspotUrl(`${H}/contacts/12345/objects/0-1/views/all/list`)).toEqual({
      kind: 'list',
      portalId: '12345',
      objectTypeId: '0-1',
      viewId: 'all',
    });
    expect(parseHubspotUrl(`${H}/contacts/12345/objects/0-1/views/4412/list?query=ada`)).toMatchObject({
      kind: 'list',
      viewId: '4412',
    });
    expect(parseHubspotUrl(`${H}/contacts/12345/objects/0-1`)).toMatchObject({ kind: 'list', viewId: null });
    expect(parseHubspotUrl(`${H}/contacts/12345/contacts/list/view/all`)).toMatchObject({
      kind: 'list',
      viewId: 'all',
    });
  });

  it('says "other" for the rest of HubSpot and null elsewhere', () => {
    expect(parseHubspotUrl(`${H}/reports-dashboard/12345/view/1`)).toEqual({ kind: 'other', portalId: '12345' });
    expect(parseHubspotUrl(`${H}/`)).toEqual({ kind: 'other', portalId: null });
    // Non-numeric ids are not records (a crafted URL must not become a contact id).
    expect(parseHubspotUrl(`${H}/contacts/12345/record/0-1/abc`)).toMatchObject({ kind: 'other' });
    expect(parseHubspotUrl(`${H}/contacts/x1/record/0-1/678`)).toMatchObject({ kind: 'other', portalId: null });
    expect(parseHubspotUrl('https://evil.example/contacts/12345/record/0-1/678')).toBeNull();
    expect(parseHubspotUrl('not a url')).toBeNull();
  });

  it('round-trips the canonical record URL', () => {
    expect(parseHubspotUrl(contactRecordUrl('7', '8'))).toMatchObject({ kind: 'record', portalId: '7', recordId: '8' });
  });
});
