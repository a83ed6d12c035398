/**
 * Non-inclusive terms and what to write instead. Our own short list (no dependency); it flags, the writer decides.
 * Keys are lower case; values are the suggestion shown in each language.
 */
export const INCLUSIVE_EN: Record<string, string> = {
  guys: 'everyone / team / folks',
  'you guys': 'you all / your team',
  'hey guys': 'hi everyone',
  manpower: 'workforce / staff',
  'man-hours': 'person-hours',
  'man hours': 'person-hours',
  manned: 'staffed',
  mankind: 'humanity',
  blacklist: 'blocklist / denylist',
  blacklisted: 'blocked',
  whitelist: 'allowlist',
  whitelisted: 'allowed',
  'master/slave': 'primary/replica',
  chairman: 'chair / chairperson',
  salesman: 'salesperson / sales rep',
  salesmen: 'salespeople / sales reps',
  businessman: 'businessperson',
  businessmen: 'businesspeople',
  spokesman: 'spokesperson',
  middleman: 'intermediary',
  'ladies and gentlemen': 'everyone',
  'he or she': 'they',
  grandfathered: 'legacy / exempt',
  'sanity check': 'quick check',
  crazy: 'surprising / wild',
  insane: 'remarkable',
  lame: 'weak',
  dummy: 'placeholder / sample',
};

export const INCLUSIVE_ZH: Record<string, string> = {
  黑名单: '屏蔽列表 / 拒绝列表',
  白名单: '允许列表',
  美女: '您 / 同事',
  帅哥: '您 / 同事',
  老外: '外籍人士 / 海外客户',
  兄弟们: '各位 / 大家',
  哥们: '您 / 朋友',
  剩女: '（删除该词）',
};
