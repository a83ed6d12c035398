import { defineContentScript } from 'wxt/utils/define-content-script';
import { hubspotSite } from '../../hosts/hubspot/selectors';
import { startPanel } from '../../content/start-panel';
import { startHubspotPage } from '../../content/hubspot-page';

export default defineContentScript({
  matches: ['https://app.hubspot.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPanel(ctx, hubspotSite);
    startHubspotPage(ctx);
  },
});
