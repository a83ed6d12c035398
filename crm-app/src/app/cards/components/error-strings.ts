/**
 * What every part of the card says when the backend cannot be read, per language; each view adds its own texts for
 * an HTTP error and for a card opened without a record.
 */
import type { BackendErrorKind } from '../utils/fetchFromBackend.ts';

export type CardLanguage = 'en' | 'zh';
export type CardErrorKind = BackendErrorKind | 'no-record';

export const TRANSPORT_ERRORS: Record<CardLanguage, Record<Exclude<BackendErrorKind, 'http'>, string>> = {
  en: {
    timeout: 'Closer did not answer in time.',
    network: 'Closer could not be reached.',
    'invalid-response': 'Closer sent an answer this card does not understand. Try updating the app.',
  },
  zh: {
    timeout: 'Closer 未能及时响应。',
    network: '无法连接到 Closer。',
    'invalid-response': 'Closer 返回的数据无法识别，请尝试更新应用。',
  },
};
