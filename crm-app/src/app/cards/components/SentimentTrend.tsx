import { BarChart, Text } from '@hubspot/ui-extensions';
import type { SentimentWeek } from '../types/campaigns.ts';
import type { CampaignStrings } from './campaign-strings.ts';

export interface SentimentTrendProps {
  weeks: SentimentWeek[];
  strings: CampaignStrings;
}

const LABELS = ['negative', 'neutral', 'positive'] as const;

/**
 * Counts of this contact's classified replies per week and sentiment, as a stacked bar chart (weeks with few replies
 * read better as bars than as a line that pretends to interpolate).
 */
export function SentimentTrend({ weeks, strings }: SentimentTrendProps) {
  if (weeks.length === 0) return <Text variant="microcopy">{strings.trendEmpty}</Text>;
  const data = weeks.flatMap((w) =>
    LABELS.filter((label) => w[label] > 0).map((label) => ({
      week: w.week,
      sentiment: strings.sentiment[label],
      replies: w[label],
    })),
  );
  return (
    <BarChart
      data={data}
      axes={{
        x: { field: 'week', fieldType: 'category', label: strings.trendWeek },
        y: { field: 'replies', fieldType: 'linear', label: strings.trendReplies },
        options: {
          groupFieldByColor: 'sentiment',
          stacking: true,
          colors: {
            [strings.sentiment.negative]: 'orange',
            [strings.sentiment.neutral]: 'blue',
            [strings.sentiment.positive]: 'green',
          },
        },
      }}
      options={{ title: strings.trendHeading, showLegend: true, showTooltips: true }}
    />
  );
}
