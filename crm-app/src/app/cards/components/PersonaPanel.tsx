import { useExtensionContext } from '@hubspot/ui-extensions';
import { usePersona } from '../hooks/usePersona.ts';
import { languageOf } from './campaign-strings.ts';
import { PERSONA_STRINGS } from './persona-strings.ts';
import { PersonaView } from './PersonaView.tsx';

/** The card's content: the current contact's persona, read from the extension context, in the user's language. */
export function PersonaPanel() {
  const context = useExtensionContext<'crm.record.tab'>();
  const { state, reload } = usePersona(context.crm.objectId);
  return <PersonaView state={state} onRetry={reload} strings={PERSONA_STRINGS[languageOf(context.user?.locale)]} />;
}
