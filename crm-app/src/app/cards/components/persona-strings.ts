/**
 * The persona view's texts in English and Simplified Chinese, chosen from the HubSpot user's locale (as the campaign
 * views' are). Plain tables, so a missing translation is a type error.
 */
import type { PersonaFieldName, PersonaSource } from '../types/persona.ts';
import { type CardErrorKind, type CardLanguage, TRANSPORT_ERRORS } from './error-strings.ts';

export interface PersonaStrings {
  loading: string;
  emptyTitle: string;
  emptyBody: string;
  errorTitle: string;
  retry: string;
  /** What the user reads for each failure; raw error text goes to the logger, not the screen. */
  errors: Record<CardErrorKind, string>;
  persona: string;
  confidence: string;
  origin: string;
  lastUpdate: string;
  noFields: string;
  field: string;
  value: string;
  source: string;
  origins: Record<'llm' | 'rules', string>;
  fields: Record<PersonaFieldName, string>;
  sources: Record<PersonaSource, string>;
}

const en: PersonaStrings = {
  loading: 'Loading persona',
  emptyTitle: 'No persona yet',
  emptyBody: 'Closer shows a persona here once someone approved one in the Closer extension.',
  errorTitle: 'Persona unavailable',
  retry: 'Try again',
  errors: {
    ...TRANSPORT_ERRORS.en,
    http: 'Closer could not load this persona.',
    'no-record': 'Open this card on a contact record to see its persona.',
  },
  persona: 'Persona',
  confidence: 'Confidence',
  origin: 'Origin',
  lastUpdate: 'Last update',
  noFields: 'No fields were approved for this persona yet.',
  field: 'Field',
  value: 'Value',
  source: 'Source',
  origins: { llm: 'On-device model, approved', rules: 'Rules (no model), approved' },
  fields: {
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
  },
  sources: { thread: 'Email thread', crm: 'CRM field', inferred: 'Inferred', rules: 'Rules' },
};

const zh: PersonaStrings = {
  loading: '正在加载客户画像',
  emptyTitle: '暂无客户画像',
  emptyBody: '有人在 Closer 扩展中批准客户画像后，它会显示在这里。',
  errorTitle: '无法显示客户画像',
  retry: '重试',
  errors: {
    ...TRANSPORT_ERRORS.zh,
    http: 'Closer 无法加载此客户画像。',
    'no-record': '请在联系人记录上打开此卡片以查看客户画像。',
  },
  persona: '客户画像',
  confidence: '置信度',
  origin: '来源方式',
  lastUpdate: '最近更新',
  noFields: '此客户画像尚无已批准的字段。',
  field: '字段',
  value: '值',
  source: '依据',
  origins: { llm: '设备端模型生成，已批准', rules: '规则生成（无模型），已批准' },
  fields: {
    role: '职位',
    seniority: '职级',
    companyContext: '公司背景',
    goals: '目标',
    painPoints: '痛点',
    objectionsHeard: '提出过的异议',
    interests: '兴趣',
    preferredTone: '偏好语气',
    preferredChannel: '偏好渠道',
    bestTimeToReach: '最佳联系时间',
    buyingStage: '购买阶段',
    segment: '客户分群',
  },
  sources: { thread: '邮件往来', crm: 'CRM 字段', inferred: '推断', rules: '规则' },
};

export const PERSONA_STRINGS: Record<CardLanguage, PersonaStrings> = { en, zh };
