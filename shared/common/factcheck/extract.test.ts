import { describe, expect, it } from 'vitest';
import { extractClaims } from './check';
import type { ClaimKind } from './types';

function claims(text: string, kind?: ClaimKind): string[] {
  return extractClaims(text)
    .filter((c) => !kind || c.kind === kind)
    .map((c) => c.text);
}

describe('extractClaims', () => {
  it('finds money in many notations', () => {
    const text =
      'Prices: $5,000, 5000 USD, $5k, €8, EUR 8, 45,000 dollars, ¥199, 199元, 2.4万元, 人民币80,000元, 99 美元, $1.8 million.';
    expect(claims(text, 'money')).toEqual([
      '$5,000',
      '5000 USD',
      '$5k',
      '€8',
      'EUR 8',
      '45,000 dollars',
      '¥199',
      '199元',
      '2.4万元',
      '人民币80,000元',
      '99 美元',
      '$1.8 million',
    ]);
  });

  it('finds percentages, including 百分之 and 折/成', () => {
    expect(claims('Cut by 32%, 15 percent, 40 per cent, 百分之二十五, 打九折, 节省两成.', 'percent')).toEqual([
      '32%',
      '15 percent',
      '40 per cent',
      '百分之二十五',
      '九折',
      '两成',
    ]);
  });

  it('finds dates and times in English and Chinese', () => {
    const text =
      'We go live on March 15, renew on 2024-09-30, meet 12 June at 10:00, call at 3pm, deliver by Friday and in Q3; ' +
      '上线日期2024年6月1日，3月20日，周五前，下周三下午3点，12月15日前确认。';
    expect(claims(text, 'date')).toEqual([
      'March 15',
      '2024-09-30',
      '12 June',
      '10:00',
      '3pm',
      'by Friday',
      'Q3',
      '2024年6月1日',
      '3月20日',
      '周五前',
      '下周三',
      '下午3点',
      '12月15日前',
    ]);
  });

  it('leaves proposals and greetings out: dates in questions, "Happy Friday", a 15-minute call', () => {
    expect(claims('Happy Friday! Would Thursday at 2pm work for a 15-minute call? 请问周四下午三点方便吗？')).toEqual(
      [],
    );
  });

  it('finds numbers, durations, multipliers and phone numbers', () => {
    const text =
      'We have 45 reps, onboarding takes six weeks, a 14-day trial, 3x faster, twice as fast, 五千多家企业, 12个校区. Call (415) 555-0199.';
    expect(claims(text, 'number')).toEqual([
      '45',
      'six weeks',
      '14-day',
      '3x',
      'twice',
      '五千多家',
      '12个',
      '(415) 555-0199',
    ]);
  });

  it('skips list markers and identifiers', () => {
    expect(claims('Next steps:\n1. Review\n2. Sign\nWe run S/4HANA.', 'number')).toEqual([]);
  });

  it('finds English names, but not words capitalised only because they open a sentence', () => {
    const text =
      'Hi Sarah,\n\nThanks for the call. Teams like Brightline Freight and Condé Nast use Lumen Analytics, and Dr. Weber agreed.\n\nBest regards,\nTom';
    expect(claims(text, 'name')).toEqual([
      'Sarah',
      'Brightline Freight',
      'Condé Nast',
      'Lumen Analytics',
      'Weber',
      'Tom',
    ]);
  });

  it('finds Chinese names: honorifics, organisations, role + name, places, platforms and quoted names', () => {
    const text = '王总您好，我们的老客户速通快递和IT负责人李强都在北京，已接入飞书，附上《销售增长白皮书》。';
    expect(claims(text, 'name')).toEqual(['王总', '速通快递', '李强', '北京', '飞书', '《销售增长白皮书》']);
  });

  it('finds URLs with and without a scheme, but not e-mail domains', () => {
    expect(claims('Book at quill.legal/book; the firm site is quill.legal.', 'url')).toEqual(['quill.legal/book']);
    expect(
      claims(
        'See https://closer.ai/pricing, www.lumenanalytics.com/demo/ or yunfan.cn/cases. Mail tom@closer.ai.',
        'url',
      ),
    ).toEqual(['https://closer.ai/pricing', 'www.lumenanalytics.com/demo/', 'yunfan.cn/cases']);
  });

  it('finds commitments, but not "feel free" or "as promised"', () => {
    const text =
      'As promised, feel free to ask. We guarantee uptime, onboarding is free, no credit card needed, refunds in 30 days. 我们承诺免费培训，不满意包退。';
    expect(claims(text, 'commitment')).toEqual([
      'guarantee',
      'free',
      'no credit card needed',
      'refunds',
      '承诺',
      '免费',
      '包退',
    ]);
  });

  it('reports spans into the original text, also around full-width digits and HTML', () => {
    const text = '<p>专业版每用户每月１９９元</p>';
    const [claim] = extractClaims(text);
    expect(claim?.kind).toBe('money');
    expect(text.slice(claim?.start, claim?.end)).toBe('１９９元');
  });
});
