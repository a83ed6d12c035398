import {
  Heading,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { ResourceState } from '../hooks/useBackendResource.ts';
import type { TeamResultsResponse } from '../types/campaigns.ts';
import { percent, rateWithInterval } from './campaign-format.ts';
import type { CampaignStrings, CardLanguage } from './campaign-strings.ts';
import { LoadError } from './LoadError.tsx';

export interface TeamResultsProps {
  state: ResourceState<TeamResultsResponse>;
  strings: CampaignStrings;
  language: CardLanguage;
  onRetry: () => void;
}

/** The team view: per campaign and variant, sends and rates with 90% intervals, and the verdict on a winner. */
export function TeamResults({ state, strings, language, onRetry }: TeamResultsProps) {
  switch (state.status) {
    case 'loading':
      return <LoadingSpinner label={strings.teamLoading} layout="centered" />;
    case 'error':
      return (
        <LoadError
          title={strings.teamErrorTitle}
          message={strings.errors[state.kind]}
          retryLabel={strings.retry}
          onRetry={onRetry}
        />
      );
    case 'ready': {
      const { campaigns, minSends } = state.data;
      if (campaigns.length === 0) return <Text>{strings.teamEmpty}</Text>;
      const c = strings.columns;
      return (
        <>
          <Text variant="microcopy">{strings.teamNote(minSends)}</Text>
          {campaigns.map((campaign) => (
            <TeamCampaign key={campaign.campaignId} campaign={campaign} strings={strings} language={language} c={c} />
          ))}
        </>
      );
    }
  }
}

function TeamCampaign({
  campaign,
  strings,
  language,
  c,
}: {
  campaign: TeamResultsResponse['campaigns'][number];
  strings: CampaignStrings;
  language: CardLanguage;
  c: CampaignStrings['columns'];
}) {
  return (
    <>
      <Heading>{campaign.campaignName}</Heading>
      <Table bordered={true}>
        <TableHead>
          <TableRow>
            <TableHeader>{c.variant}</TableHeader>
            <TableHeader>{c.sends}</TableHeader>
            <TableHeader>{c.replyRate}</TableHeader>
            <TableHeader>{c.positiveRate}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {campaign.variants.map((v) => (
            <TableRow key={v.variantId}>
              <TableCell>{v.variantName}</TableCell>
              <TableCell>{String(v.sends)}</TableCell>
              <TableCell>{percent(v.replyRate)}</TableCell>
              <TableCell>{rateWithInterval(v.positiveRate, v.positiveInterval)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text format={campaign.winner ? { fontWeight: 'bold' } : {}}>{campaign.verdict.text[language]}</Text>
    </>
  );
}
