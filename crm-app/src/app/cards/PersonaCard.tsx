import { hubspot } from '@hubspot/ui-extensions';
import { CampaignsPanel } from './components/CampaignsPanel.tsx';
import { PersonaPanel } from './components/PersonaPanel.tsx';

// Entry point named in persona-card-hsmeta.json: registration only, the card lives in components/.
hubspot.extend<'crm.record.tab'>(() => (
  <>
    <PersonaPanel />
    <CampaignsPanel />
  </>
));
