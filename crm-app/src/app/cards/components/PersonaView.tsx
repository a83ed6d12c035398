import {
  DescriptionList,
  DescriptionListItem,
  EmptyState,
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
import { formatDay, formatPercent } from '../utils/format.ts';
import { LoadError } from './LoadError.tsx';
import type { PersonaStrings } from './persona-strings.ts';

export interface PersonaViewProps {
  state: PersonaState;
  onRetry: () => void;
  strings: PersonaStrings;
}

/** Renders one persona state. Pure: all data arrives through props. */
export function PersonaView({ state, onRetry, strings }: PersonaViewProps) {
  switch (state.status) {
    case 'loading':
      return <LoadingSpinner label={strings.loading} layout="centered" />;
    case 'empty':
      return (
        <EmptyState title={strings.emptyTitle} layout="vertical">
          <Text>{strings.emptyBody}</Text>
        </EmptyState>
      );
    case 'error':
      return (
        <LoadError
          title={strings.errorTitle}
          message={strings.errors[state.kind]}
          retryLabel={strings.retry}
          onRetry={state.kind === 'no-record' ? undefined : onRetry}
        />
      );
    case 'ready': {
      const { persona } = state;
      return (
        <>
          <DescriptionList direction="row">
            <DescriptionListItem label={strings.persona}>
              <Text format={{ fontWeight: 'bold' }}>{persona.label}</Text>
            </DescriptionListItem>
            <DescriptionListItem label={strings.confidence}>
              <Text>{formatPercent(persona.confidence)}</Text>
            </DescriptionListItem>
            <DescriptionListItem label={strings.origin}>
              <Text>{strings.origins[persona.origin]}</Text>
            </DescriptionListItem>
            <DescriptionListItem label={strings.lastUpdate}>
              <Text>{formatDay(persona.updatedAt)}</Text>
            </DescriptionListItem>
          </DescriptionList>
          {persona.summary ? <Text>{persona.summary}</Text> : null}
          {persona.fields.length === 0 ? (
            <Text variant="microcopy">{strings.noFields}</Text>
          ) : (
            <Table bordered={true}>
              <TableHead>
                <TableRow>
                  <TableHeader>{strings.field}</TableHeader>
                  <TableHeader>{strings.value}</TableHeader>
                  <TableHeader>{strings.confidence}</TableHeader>
                  <TableHeader>{strings.source}</TableHeader>
                  <TableHeader>{strings.lastUpdate}</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {persona.fields.map((field) => (
                  <TableRow key={field.name}>
                    <TableCell>{strings.fields[field.name]}</TableCell>
                    <TableCell>{field.value}</TableCell>
                    <TableCell>{formatPercent(field.confidence)}</TableCell>
                    <TableCell>{strings.sources[field.source]}</TableCell>
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
