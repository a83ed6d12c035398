import {
  Button,
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import type { PersonaState } from '../hooks/usePersona.ts';

/** What the user reads for each failure; raw error text goes to the logger, not the screen. */
const ERROR_MESSAGES: Record<Extract<PersonaState, { status: 'error' }>['kind'], string> = {
  timeout: 'Closer did not answer in time.',
  network: 'Closer could not be reached.',
  http: 'Closer could not load this persona.',
  'invalid-response': 'Closer sent an answer this card does not understand. Try updating the app.',
  'no-record': 'Open this card on a contact record to see its persona.',
};

export interface PersonaViewProps {
  state: PersonaState;
  onRetry: () => void;
}

/** Renders one persona state. Pure: all data arrives through props. */
export function PersonaView({ state, onRetry }: PersonaViewProps) {
  switch (state.status) {
    case 'loading':
      return <LoadingSpinner label="Loading persona" layout="centered" />;
    case 'empty':
      return (
        <EmptyState title="No persona yet" layout="vertical">
          <Text>Closer builds a persona once it has seen emails with this contact.</Text>
        </EmptyState>
      );
    case 'error':
      return (
        <ErrorState title="Persona unavailable">
          <Text>{ERROR_MESSAGES[state.kind]}</Text>
          {state.kind === 'no-record' ? null : (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          )}
        </ErrorState>
      );
    case 'ready':
      return (
        <DescriptionList direction="column">
          <DescriptionListItem label="Persona">
            <Text format={{ fontWeight: 'bold' }}>{state.persona.label}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Summary">
            <Text>{state.persona.summary}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Confidence">
            <Text>{`${Math.round(state.persona.confidence * 100)}%`}</Text>
          </DescriptionListItem>
        </DescriptionList>
      );
  }
}
