import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmailSite } from '../../hosts/gmail/selectors';
import { startPanel } from '../../content/start-panel';
import { startGmailPage } from '../../content/gmail-page';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPanel(ctx, gmailSite);
    startGmailPage(ctx);
  },
});
