/**
 * The settings page's texts in English and Simplified Chinese, chosen from the HubSpot user's locale like the card's.
 * Plain tables, so a missing translation is a type error.
 */
import type { PropertyCheckReason, SettingsResponse } from '../types/settings.ts';
import type { LoadErrorKind } from '../utils/loadSettings.ts';

export type SettingsLanguage = 'en' | 'zh';

export function languageOf(locale: string | undefined): SettingsLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

type CustomObjectUse = SettingsResponse['campaignResults']['customObject'];
type LoggedEmailsUse = SettingsResponse['loggedEmails'];

export interface SettingsStrings {
  loading: string;
  errorTitle: string;
  retry: string;
  refresh: string;
  /** What the user reads for each failure; the raw error goes to the logger. */
  errors: Record<LoadErrorKind, string>;
  connectionHeading: string;
  connected: string;
  notConnected: string;
  installedOn: (day: string) => string;
  notConnectedHelp: string;
  propertiesHeading: string;
  propertiesSummary: (present: number, total: number) => string;
  propertyLabel: string;
  propertyName: string;
  propertyStatus: string;
  present: string;
  missing: string;
  unknown: string;
  missingTitle: string;
  missingHelp: string;
  uncheckedTitle: string;
  unchecked: Record<PropertyCheckReason, string>;
  featuresHeading: string;
  feature: string;
  use: string;
  contactProperties: string;
  contactPropertiesUse: string;
  notes: string;
  notesUse: string;
  loggedEmails: string;
  loggedEmailsUse: Record<LoggedEmailsUse, string>;
  customObject: string;
  customObjectUse: Record<CustomObjectUse, string>;
  privacy: string;
}

const en: SettingsStrings = {
  loading: 'Loading Closer settings',
  errorTitle: 'Settings unavailable',
  retry: 'Try again',
  refresh: 'Check again',
  errors: {
    timeout: 'Closer did not answer in time.',
    network: 'Closer could not be reached.',
    http: 'Closer could not load the settings for this account.',
    'invalid-response': 'Closer sent an answer this page does not understand. Try updating the app.',
  },
  connectionHeading: 'Connection',
  connected: 'Connected',
  notConnected: 'Not connected',
  installedOn: (day) => `Installed on ${day}.`,
  notConnectedHelp:
    'Closer is not connected to this HubSpot account. Install the app again, then sign in from the options page of the Closer extension.',
  propertiesHeading: 'Contact properties',
  propertiesSummary: (present, total) => `${present} of ${total} Closer properties exist in this account.`,
  propertyLabel: 'Property',
  propertyName: 'Internal name',
  propertyStatus: 'Status',
  present: 'Present',
  missing: 'Missing',
  unknown: 'Unknown',
  missingTitle: 'Some properties are missing',
  missingHelp:
    'Personas cannot be synced to contacts while a property is missing. Reconnect the app: setup recreates missing properties and leaves the others alone.',
  uncheckedTitle: 'Properties not checked',
  unchecked: {
    'not-connected': 'Connect the app to check its properties.',
    'rate-limited': 'HubSpot’s rate limit is reached for now. Check again in a few seconds.',
    'hubspot-unavailable': 'HubSpot did not answer the property check. Check again later.',
    timeout: 'HubSpot took too long to list the properties. Check again later.',
  },
  featuresHeading: 'HubSpot features in use',
  feature: 'Feature',
  use: 'How Closer uses it',
  contactProperties: 'Contact properties',
  contactPropertiesUse: 'Every tier: the approved persona and campaign roll-ups on each contact.',
  notes: 'Notes',
  notesUse: 'Every tier: one note on the contact’s timeline per campaign result.',
  loggedEmails: 'Logged emails',
  loggedEmailsUse: {
    'in-use': 'Read when a rep opens a contact in Closer, as context for its persona; never stored by Closer.',
    'not-granted': 'Not granted to Closer in this account: contacts are read with their notes only.',
  },
  customObject: 'Custom object “Closer campaign result”',
  customObjectUse: {
    'in-use': 'In use (Enterprise): each result is also a record you can report on.',
    unavailable: 'Not available on this account’s tier: results are kept as notes.',
    'not-set-up': 'Not set up yet: reconnect the app to detect what this account allows.',
  },
  privacy:
    'Email text never leaves the rep’s computer: Closer syncs only the persona fields and campaign outcomes a rep approved.',
};

const zh: SettingsStrings = {
  loading: '正在加载 Closer 设置',
  errorTitle: '无法显示设置',
  retry: '重试',
  refresh: '重新检查',
  errors: {
    timeout: 'Closer 未能及时响应。',
    network: '无法连接到 Closer。',
    http: 'Closer 无法加载此账户的设置。',
    'invalid-response': 'Closer 返回了本页面无法识别的内容，请尝试更新应用。',
  },
  connectionHeading: '连接',
  connected: '已连接',
  notConnected: '未连接',
  installedOn: (day) => `安装于 ${day}。`,
  notConnectedHelp: 'Closer 尚未连接到此 HubSpot 账户。请重新安装应用，然后在 Closer 扩展的选项页面登录。',
  propertiesHeading: '联系人属性',
  propertiesSummary: (present, total) => `此账户中存在 ${present} / ${total} 个 Closer 属性。`,
  propertyLabel: '属性',
  propertyName: '内部名称',
  propertyStatus: '状态',
  present: '存在',
  missing: '缺失',
  unknown: '未知',
  missingTitle: '部分属性缺失',
  missingHelp: '属性缺失时，客户画像无法同步到联系人。请重新连接应用：设置会重新创建缺失的属性，不会改动其他属性。',
  uncheckedTitle: '未检查属性',
  unchecked: {
    'not-connected': '连接应用后即可检查其属性。',
    'rate-limited': '暂时达到 HubSpot 的速率限制，请几秒后重新检查。',
    'hubspot-unavailable': 'HubSpot 未响应属性检查，请稍后重新检查。',
    timeout: 'HubSpot 列出属性的时间过长，请稍后重新检查。',
  },
  featuresHeading: '使用的 HubSpot 功能',
  feature: '功能',
  use: 'Closer 的用法',
  contactProperties: '联系人属性',
  contactPropertiesUse: '所有版本：在每个联系人上保存已批准的客户画像和营销活动汇总。',
  notes: '备注',
  notesUse: '所有版本：每条营销活动结果在联系人时间线上记一条备注。',
  loggedEmails: '已记录的邮件',
  loggedEmailsUse: {
    'in-use': '销售代表在 Closer 中打开联系人时读取，作为客户画像的参考；Closer 不会保存。',
    'not-granted': '此账户未授权 Closer 读取：联系人只读取其备注。',
  },
  customObject: '自定义对象“Closer 营销活动结果”',
  customObjectUse: {
    'in-use': '已使用（企业版）：每条结果同时是一条可用于报表的记录。',
    unavailable: '此账户的版本不支持：结果以备注形式保存。',
    'not-set-up': '尚未设置：请重新连接应用，以检测此账户支持的功能。',
  },
  privacy: '邮件正文不会离开销售代表的电脑：Closer 只同步代表批准的客户画像字段和营销活动结果。',
};

export const SETTINGS_STRINGS: Record<SettingsLanguage, SettingsStrings> = { en, zh };
