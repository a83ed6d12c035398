/**
 * The campaign views' texts in English and Simplified Chinese, chosen from the HubSpot user's locale. Kept as plain
 * tables so a missing translation is a type error.
 */
import { type CardErrorKind, type CardLanguage, TRANSPORT_ERRORS } from './error-strings.ts';

export type { CardLanguage };

export function languageOf(locale: string | undefined): CardLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

type Column =
  'campaign' | 'variant' | 'sent' | 'replied' | 'sentiment' | 'intent' | 'sends' | 'replyRate' | 'positiveRate';

export interface CampaignStrings {
  heading: string;
  loading: string;
  emptyTitle: string;
  emptyBody: string;
  errorTitle: string;
  teamErrorTitle: string;
  retry: string;
  errors: Record<CardErrorKind, string>;
  columns: Record<Column, string>;
  yes: string;
  no: string;
  none: string;
  sentiment: Record<'negative' | 'neutral' | 'positive', string>;
  trendHeading: string;
  trendEmpty: string;
  trendWeek: string;
  trendReplies: string;
  showTeam: string;
  hideTeam: string;
  teamHeading: string;
  teamLoading: string;
  teamEmpty: string;
  teamNote: (minSends: number) => string;
}

const en: CampaignStrings = {
  heading: 'Campaign results',
  loading: 'Loading campaign results',
  emptyTitle: 'No campaign results yet',
  emptyBody: 'Closer lists this contact’s campaigns here once a rep sent them a campaign from the Closer extension.',
  errorTitle: 'Campaign results unavailable',
  teamErrorTitle: 'Team results unavailable',
  retry: 'Try again',
  errors: {
    ...TRANSPORT_ERRORS.en,
    http: 'Closer could not load the campaign results.',
    'no-record': 'Open this card on a contact record to see its campaign results.',
  },
  columns: {
    campaign: 'Campaign',
    variant: 'Variant',
    sent: 'Sent',
    replied: 'Replied',
    sentiment: 'Reply sentiment',
    intent: 'Reply intent',
    sends: 'Sends',
    replyRate: 'Reply rate',
    positiveRate: 'Positive replies (90% interval)',
  },
  yes: 'Yes',
  no: 'No',
  none: '—',
  sentiment: { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' },
  trendHeading: 'Reply sentiment by week',
  trendEmpty: 'No classified replies yet, so there is no sentiment trend.',
  trendWeek: 'Week',
  trendReplies: 'Replies',
  showTeam: 'Show team results',
  hideTeam: 'Hide team results',
  teamHeading: 'Team results',
  teamLoading: 'Loading team results',
  teamEmpty: 'No campaign results from the team yet.',
  teamNote: (minSends: number) =>
    `Rates are per send, over every rep. A winner is named only when each variant has at least ${minSends} sends and its interval lies above the others.`,
};

const zh: CampaignStrings = {
  heading: '营销活动结果',
  loading: '正在加载营销活动结果',
  emptyTitle: '暂无营销活动结果',
  emptyBody: '销售代表通过 Closer 扩展向该联系人发送营销活动后，结果会显示在这里。',
  errorTitle: '无法显示营销活动结果',
  teamErrorTitle: '无法显示团队结果',
  retry: '重试',
  errors: {
    ...TRANSPORT_ERRORS.zh,
    http: 'Closer 无法加载营销活动结果。',
    'no-record': '请在联系人记录上打开此卡片以查看营销活动结果。',
  },
  columns: {
    campaign: '营销活动',
    variant: '版本',
    sent: '发送时间',
    replied: '已回复',
    sentiment: '回复情绪',
    intent: '回复意图',
    sends: '发送数',
    replyRate: '回复率',
    positiveRate: '积极回复率（90% 区间）',
  },
  yes: '是',
  no: '否',
  none: '—',
  sentiment: { negative: '消极', neutral: '中性', positive: '积极' },
  trendHeading: '每周回复情绪',
  trendEmpty: '暂无已分类的回复，因此没有情绪趋势。',
  trendWeek: '周',
  trendReplies: '回复数',
  showTeam: '查看团队结果',
  hideTeam: '隐藏团队结果',
  teamHeading: '团队结果',
  teamLoading: '正在加载团队结果',
  teamEmpty: '团队暂无营销活动结果。',
  teamNote: (minSends: number) =>
    `比率按发送次数计算，涵盖所有销售代表。只有当每个版本至少发送 ${minSends} 次且其区间高于其他版本时，才会判定胜出者。`,
};

export const CAMPAIGN_STRINGS: Record<CardLanguage, CampaignStrings> = { en, zh };
