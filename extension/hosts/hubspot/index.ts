/** The HubSpot adapter: where the user is (from the URL), and which contacts a list view shows. */
export { CONTACT_OBJECT_TYPE, contactRecordUrl, parseHubspotUrl, type HubspotView } from './url';
export { MAX_VISIBLE_CONTACTS, readVisibleContacts, type VisibleContact } from './list';
export { readRecordEmail } from './record';
export { hubspotSelectors, hubspotSite } from './selectors';
export { watchHubspotNavigation } from './watch-navigation';
