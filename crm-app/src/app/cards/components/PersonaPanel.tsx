import { useExtensionContext } from '@hubspot/ui-extensions';
import { usePersona } from '../hooks/usePersona.ts';
import { PersonaView } from './PersonaView.tsx';

/** The card's content: the current contact's persona, read from the extension context. */
export function PersonaPanel() {
  const context = useExtensionContext<'crm.record.tab'>();
  const { state, reload } = usePersona(context.crm.objectId);
  return <PersonaView state={state} onRetry={reload} />;
}
