import type { ClaimKind, LocalizedText } from './types';

const UNSUPPORTED: Record<ClaimKind, LocalizedText> = {
  number: {
    en: 'This figure does not appear in the thread, CRM or product facts.',
    zh: '该数字在邮件往来、CRM 或产品资料中找不到。',
  },
  money: {
    en: 'No matching amount in the thread, CRM or product facts.',
    zh: '邮件往来、CRM 或产品资料中没有相符的金额。',
  },
  percent: {
    en: 'No matching percentage in the thread, CRM or product facts.',
    zh: '邮件往来、CRM 或产品资料中没有相符的百分比。',
  },
  date: {
    en: 'This date or time is not confirmed anywhere in the thread or CRM.',
    zh: '该日期或时间在邮件往来或 CRM 中没有得到确认。',
  },
  name: {
    en: 'This name is not mentioned in the thread, CRM or product facts.',
    zh: '该名称在邮件往来、CRM 或产品资料中没有出现。',
  },
  url: {
    en: 'This link is not one of the known links.',
    zh: '该链接不在已知链接之中。',
  },
  commitment: {
    en: 'This promise is not backed by the product facts or the thread.',
    zh: '该承诺没有产品资料或邮件往来的依据。',
  },
};

const SUPPORTED: LocalizedText = { en: 'Backed by the grounding.', zh: '有依据。' };

/** One-line explanation for a checked claim. */
export function reasonFor(kind: ClaimKind, supported: boolean): LocalizedText {
  return supported ? SUPPORTED : UNSUPPORTED[kind];
}
