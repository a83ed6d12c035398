import {
  Button,
  Divider,
  EmptyState,
  Heading,
  LoadingSpinner,
  Text,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useBackendResource } from '../hooks/useBackendResource.ts';
import { ContactCampaignsResponseSchema, TeamResultsResponseSchema } from '../types/campaigns.ts';
import { CampaignResults } from './CampaignResults.tsx';
import { LoadError } from './LoadError.tsx';
import { CAMPAIGN_STRINGS, languageOf } from './campaign-strings.ts';
import { SentimentTrend } from './SentimentTrend.tsx';
import { TeamResults } from './TeamResults.tsx';

/**
 * The card's campaign section: this contact's campaign results and reply-sentiment trend, and on request the team's
 * results per campaign and variant. hubspot.fetch adds the portal id to every request; the backend checks the
 * signature HubSpot puts on it.
 */
export function CampaignsPanel() {
  const context = useExtensionContext<'crm.record.tab'>();
  const language = languageOf(context.user?.locale);
  const strings = CAMPAIGN_STRINGS[language];
  const contactId = context.crm?.objectId;
  const path =
    contactId === undefined || String(contactId) === ''
      ? undefined
      : `/v1/card/campaigns?contactId=${encodeURIComponent(String(contactId))}`;
  const { state, reload } = useBackendResource(path, ContactCampaignsResponseSchema);
  const [showTeam, setShowTeam] = useState(false);

  let body;
  switch (state.status) {
    case 'loading':
      body = <LoadingSpinner label={strings.loading} layout="centered" />;
      break;
    case 'error':
      body = (
        <LoadError
          title={strings.errorTitle}
          message={strings.errors[state.kind]}
          retryLabel={strings.retry}
          onRetry={state.kind === 'no-record' ? undefined : reload}
        />
      );
      break;
    case 'ready':
      body =
        state.data.results.length === 0 ? (
          <EmptyState title={strings.emptyTitle} layout="vertical">
            <Text>{strings.emptyBody}</Text>
          </EmptyState>
        ) : (
          <>
            <CampaignResults results={state.data.results} strings={strings} />
            <SentimentTrend weeks={state.data.sentimentTrend} strings={strings} />
          </>
        );
      break;
  }

  return (
    <>
      <Divider />
      <Heading>{strings.heading}</Heading>
      {body}
      <Button variant="secondary" onClick={() => setShowTeam((shown) => !shown)}>
        {showTeam ? strings.hideTeam : strings.showTeam}
      </Button>
      {showTeam ? <TeamView language={language} /> : null}
    </>
  );
}

/** Mounted only when asked for, so the team query runs only for users who look at it. */
function TeamView({ language }: { language: 'en' | 'zh' }) {
  const strings = CAMPAIGN_STRINGS[language];
  const { state, reload } = useBackendResource('/v1/card/team-results', TeamResultsResponseSchema);
  return (
    <>
      <Heading>{strings.teamHeading}</Heading>
      <TeamResults state={state} strings={strings} language={language} onRetry={reload} />
    </>
  );
}
