import {
  Alert,
  Button,
  Divider,
  ErrorState,
  Flex,
  Heading,
  LoadingSpinner,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { SettingsState } from '../hooks/useSettings.ts';
import type { SettingsResponse } from '../types/settings.ts';
import type { SettingsStrings } from './settings-strings.ts';

export interface SettingsViewProps {
  state: SettingsState;
  onReload: () => void;
  strings: SettingsStrings;
}

/** Renders one settings state. Pure: all data arrives through props. */
export function SettingsView({ state, onReload, strings }: SettingsViewProps) {
  switch (state.status) {
    case 'loading':
      return <LoadingSpinner label={strings.loading} layout="centered" />;
    case 'error':
      return (
        <ErrorState title={strings.errorTitle}>
          <Text>{strings.errors[state.kind]}</Text>
          <Button variant="secondary" onClick={onReload}>
            {strings.retry}
          </Button>
        </ErrorState>
      );
    case 'ready':
      return (
        <Flex direction="column" gap="md">
          <Connection settings={state.settings} strings={strings} />
          <Divider />
          <Properties properties={state.settings.properties} strings={strings} />
          <Divider />
          <Features settings={state.settings} strings={strings} />
          <Text variant="microcopy">{strings.privacy}</Text>
          <Button variant="secondary" onClick={onReload}>
            {strings.refresh}
          </Button>
        </Flex>
      );
  }
}

function Connection({ settings, strings }: { settings: SettingsResponse; strings: SettingsStrings }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>{strings.connectionHeading}</Heading>
      <StatusTag variant={settings.connected ? 'success' : 'danger'}>
        {settings.connected ? strings.connected : strings.notConnected}
      </StatusTag>
      {settings.connected && settings.installedAt ? (
        <Text>{strings.installedOn(settings.installedAt.slice(0, 10))}</Text>
      ) : null}
      {settings.connected ? null : <Text>{strings.notConnectedHelp}</Text>}
    </Flex>
  );
}

function Properties({ properties, strings }: { properties: SettingsResponse['properties']; strings: SettingsStrings }) {
  const missing = properties.checked ? properties.items.filter((item) => !item.exists).length : 0;
  return (
    <Flex direction="column" gap="xs">
      <Heading>{strings.propertiesHeading}</Heading>
      {properties.checked ? (
        <Text>{strings.propertiesSummary(properties.items.length - missing, properties.items.length)}</Text>
      ) : (
        <Alert title={strings.uncheckedTitle} variant="warning">
          {strings.unchecked[properties.reason]}
        </Alert>
      )}
      {missing > 0 ? (
        <Alert title={strings.missingTitle} variant="danger">
          {strings.missingHelp}
        </Alert>
      ) : null}
      <Table bordered={true}>
        <TableHead>
          <TableRow>
            <TableHeader>{strings.propertyLabel}</TableHeader>
            <TableHeader>{strings.propertyName}</TableHeader>
            <TableHeader>{strings.propertyStatus}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {properties.items.map((item) => (
            <TableRow key={item.name}>
              <TableCell>{item.label}</TableCell>
              <TableCell>{item.name}</TableCell>
              <TableCell>
                <StatusTag variant={item.exists === null ? 'default' : item.exists ? 'success' : 'danger'}>
                  {item.exists === null ? strings.unknown : item.exists ? strings.present : strings.missing}
                </StatusTag>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}

function Features({ settings, strings }: { settings: SettingsResponse; strings: SettingsStrings }) {
  const rows: [string, string][] = [
    [strings.contactProperties, strings.contactPropertiesUse],
    [strings.notes, strings.notesUse],
    [strings.loggedEmails, strings.loggedEmailsUse[settings.loggedEmails]],
    [strings.customObject, strings.customObjectUse[settings.campaignResults.customObject]],
  ];
  return (
    <Flex direction="column" gap="xs">
      <Heading>{strings.featuresHeading}</Heading>
      <Table bordered={true}>
        <TableHead>
          <TableRow>
            <TableHeader>{strings.feature}</TableHeader>
            <TableHeader>{strings.use}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([feature, how]) => (
            <TableRow key={feature}>
              <TableCell>{feature}</TableCell>
              <TableCell>{how}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}
