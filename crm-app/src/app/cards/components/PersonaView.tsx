import {
  Button,
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PersonaState } from '../hooks/usePersona.ts';
import type { PersonaFieldName, PersonaSource } from '../types/persona.ts';
import { formatDay, formatPercent } from '../utils/format.ts';

/** What the user reads for each failure; raw error text goes to the logger, not the screen. */
const ERROR_MESSAGES: Record<Extract<PersonaState, { status: 'error' }>['kind'], string> = {
  timeout: 'Closer did not answer in time.',
  network: 'Closer could not be reached.',
  http: 'Closer could not load this persona.',
  'invalid-response': 'Closer sent an answer this card does not understand. Try updating the app.',
  'no-record': 'Open this card on a contact record to see its persona.',
};

export const FIELD_LABELS: Record<PersonaFieldName, string> = {
  role: 'Role',
  seniority: 'Seniority',
  companyContext: 'Company context',
  goals: 'Goals',
  painPoints: 'Pain points',
  objectionsHeard: 'Objections heard',
  interests: 'Interests',
  preferredTone: 'Preferred tone',
  preferredChannel: 'Preferred channel',
  bestTimeToReach: 'Best time to reach',
  buyingStage: 'Buying stage',
  segment: 'Segment',
};

export const SOURCE_LABELS: Record<PersonaSource, string> = {
  thread: 'Email thread',
  crm: 'CRM field',
  inferred: 'Inferred',
  rules: 'Rules',
};

const ORIGIN_LABELS = { llm: 'On-device model, approved', rules: 'Rules (no model), approved' } as const;

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
          <Text>Closer shows a persona here once someone approved one in the Closer extension.</Text>
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
    case 'ready': {
      const { persona } = state;
      return (
        <>
          <DescriptionList direction="row">
            <DescriptionListItem label="Persona">
              <Text format={{ fontWeight: 'bold' }}>{persona.label}</Text>
            </DescriptionListItem>
            <DescriptionListItem label="Confidence">
              <Text>{formatPercent(persona.confidence)}</Text>
            </DescriptionListItem>
            <DescriptionListItem label="Origin">
              <Text>{ORIGIN_LABELS[persona.origin]}</Text>
            </DescriptionListItem>
            <DescriptionListItem label="Last update">
              <Text>{formatDay(persona.updatedAt)}</Text>
            </DescriptionListItem>
          </DescriptionList>
          {persona.summary ? <Text>{persona.summary}</Text> : null}
          {persona.fields.length === 0 ? (
            <Text variant="microcopy">No fields were approved for this persona yet.</Text>
          ) : (
            <Table bordered={true}>
              <TableHead>
                <TableRow>
                  <TableHeader>Field</TableHeader>
                  <TableHeader>Value</TableHeader>
                  <TableHeader>Confidence</TableHeader>
                  <TableHeader>Source</TableHeader>
                  <TableHeader>Last update</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {persona.fields.map((field) => (
                  <TableRow key={field.name}>
                    <TableCell>{FIELD_LABELS[field.name]}</TableCell>
                    <TableCell>{field.value}</TableCell>
                    <TableCell>{formatPercent(field.confidence)}</TableCell>
                    <TableCell>{SOURCE_LABELS[field.source]}</TableCell>
                    <TableCell>{formatDay(field.updatedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      );
    }
  }
}
