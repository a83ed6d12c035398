import { describe, expect, it } from 'vitest';
import { factCheck } from './check';
import { FactCheckInputError } from './errors';

const PRODUCT =
  'Product facts: Closer Pro costs 5,000 USD per year. Every plan includes a free 14-day trial. Uptime 99.9%. Pricing: https://closer.ai/pricing';
const CRM = 'CRM: Sarah Chen, VP Operations, Acme Logistics Inc. 45 reps. Go-live 15 March. Call on Tuesday at 14:00.';
const ZH =
  '产品信息：云帆CRM 专业版 199元/用户/月，年付享9折，客户顺达物流成交率提升25%。CRM：王明，华辰物流。续约截止 12月15日。';

function unsupported(draft: string, grounding: string[]): string[] {
  return factCheck(draft, grounding).unsupported.map((u) => u.text);
}

describe('factCheck: supported claims that look different from the grounding', () => {
  it.each([
    'Hi Sarah, Closer Pro is $5k a year.',
    'Hi Sarah, Closer Pro is $5,000 per year.',
    'Hi Sarah, Closer Pro is 5000 dollars per year.',
    'Acme’s 45 reps go live on March 15.',
    'We can talk Tuesday at 2pm.',
    'Every plan includes a free two-week trial.',
    'Uptime is 99.9 percent.',
    'Pricing is at closer.ai/pricing/.',
    'Acme Logistics and Ms. Chen agreed.',
    'You can try it free for two weeks.',
    'Closer Pro is free for two weeks.',
  ])('%s', (draft) => {
    expect(unsupported(draft, [PRODUCT, CRM])).toEqual([]);
  });

  it.each([
    '王总您好，专业版每用户每月１９９元，年付九折。',
    '顺达物流成交率提升了百分之二十五，华辰物流请在12月15日前确认。',
  ])('%s', (draft) => {
    expect(unsupported(draft, [ZH])).toEqual([]);
  });
});

describe('factCheck: unsupported claims of each kind', () => {
  it.each([
    ['money', 'Closer Pro is $4,000 per year.', '$4,000'],
    ['percent', 'Uptime is 99.99%.', '99.99%'],
    ['number', 'Your 60 reps will love it.', '60'],
    ['date', 'We go live on March 20.', 'March 20'],
    ['name', 'Teams like Gong use it.', 'Gong'],
    ['url', 'See closer.ai/case-studies/acme.', 'closer.ai/case-studies/acme'],
    ['commitment', 'We guarantee a 3x ROI.', 'guarantee'],
    ['commitment', 'Onboarding is free for Acme.', 'free'],
  ])('%s: %s', (kind, draft, text) => {
    const result = factCheck(draft, [PRODUCT, CRM]);
    const flag = result.unsupported.find((u) => u.text.includes(text));
    expect(flag?.kind).toBe(kind);
    expect(draft.slice(flag?.start, flag?.end)).toBe(flag?.text);
    expect(flag?.reason.en.length).toBeGreaterThan(0);
    expect(flag?.reason.zh.length).toBeGreaterThan(0);
  });

  it.each([
    ['刘总您好，年付八折。', ['刘总', '八折']],
    ['我们的客户速通快递成交率提升了30%。', ['速通快递', '30%']],
    // An on-site visit (上门) is a claim of its own: nothing in ZH offers one.
    ['我们保证上线后免费上门培训。', ['保证', '免费', '上门']],
  ])('%s', (draft, expected) => {
    expect(unsupported(draft, [ZH])).toEqual(expected);
  });

  it('checks against nothing when grounding is empty, flagging every claim', () => {
    const draft = 'Closer Pro is $5k for Acme from March 15.';
    const result = factCheck(draft, []);
    expect(result.unsupported.length).toBe(result.claims.length);
    expect(result.claims.length).toBeGreaterThan(0);
  });

  it('merges overlapping flags into one span', () => {
    const result = factCheck('We commit to a 1-hour response.', [PRODUCT]);
    for (let i = 1; i < result.unsupported.length; i++)
      expect(result.unsupported[i]?.start).toBeGreaterThanOrEqual(result.unsupported[i - 1]?.end ?? 0);
  });
});

describe('factCheck: bad input', () => {
  it('returns a defined result for empty, emoji-only, mixed-script, HTML and control-character drafts', () => {
    for (const draft of [
      '',
      '😀🎉',
      'Hola 王总 Привет',
      '<div><b>Hi</b> <br/>there</div>',
      '\u0000\u0008\u001b\u007f',
    ]) {
      const result = factCheck(draft, [PRODUCT]);
      expect(result.truncated).toBe(false);
      expect(result.analysedChars).toBe(draft.length);
      expect(Array.isArray(result.unsupported)).toBe(true);
    }
  });

  it('ignores markup but checks the text around it', () => {
    expect(unsupported('<p>Closer Pro is <b>$4,000</b> per year.</p>', [PRODUCT])).toEqual(['$4,000']);
  });

  it('throws a typed error for non-string drafts or non-array grounding', () => {
    expect(() => factCheck(null as unknown as string, [])).toThrow(FactCheckInputError);
    expect(() => factCheck('x', 'grounding' as unknown as string[])).toThrow(FactCheckInputError);
  });

  it('truncates long drafts and says so', () => {
    const draft = 'Closer Pro is $4,000. '.repeat(5_000);
    const result = factCheck(draft, [PRODUCT], { maxDraftChars: 1_000 });
    expect(result.truncated).toBe(true);
    expect(result.analysedChars).toBe(1_000);
    expect(Math.max(...result.unsupported.map((u) => u.end))).toBeLessThanOrEqual(1_000);
  });

  it.each([
    ['letters', 'a'.repeat(1_000_000)],
    ['digit groups', '12 '.repeat(333_334)],
    ['capitalised words', 'Acme '.repeat(200_000)],
    ['commitments', 'free '.repeat(200_000)],
    ['chinese', '王总经理公司物流'.repeat(125_000)],
    ['emoji', '😀'.repeat(500_000)],
    ['mixed', 'Hi Sarah, 王总 $5,000 百分之二十 https://x.com/a <b>b</b> 3/15 \u0000 '.repeat(15_000)],
  ])('finishes 1 MB of %s in draft and grounding quickly (hang guard)', (_name, text) => {
    const t0 = performance.now();
    const result = factCheck(text, [text]);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(result.truncated).toBe(true);
  });
});
