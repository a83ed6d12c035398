import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import type { ContactCampaignResult } from '../types/campaigns.ts';
import { day } from './campaign-format.ts';
import type { CampaignStrings } from './campaign-strings.ts';

export interface CampaignResultsProps {
  results: ContactCampaignResult[];
  strings: CampaignStrings;
}

/** This contact's campaigns: one row per campaign variant they received. Pure: data arrives through props. */
export function CampaignResults({ results, strings }: CampaignResultsProps) {
  const c = strings.columns;
  return (
    <Table bordered={true}>
      <TableHead>
        <TableRow>
          <TableHeader>{c.campaign}</TableHeader>
          <TableHeader>{c.variant}</TableHeader>
          <TableHeader>{c.sent}</TableHeader>
          <TableHeader>{c.replied}</TableHeader>
          <TableHeader>{c.sentiment}</TableHeader>
          <TableHeader>{c.intent}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((r) => (
          <TableRow key={`${r.campaignId}\u0000${r.variantId}`}>
            <TableCell>{r.campaignName}</TableCell>
            <TableCell>{r.variantName}</TableCell>
            <TableCell>{day(r.sentAt)}</TableCell>
            <TableCell>{r.replied ? strings.yes : strings.no}</TableCell>
            <TableCell>{r.replySentiment ? strings.sentiment[r.replySentiment] : strings.none}</TableCell>
            <TableCell>{r.replyIntent ?? strings.none}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
