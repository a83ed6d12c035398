import { describe, expect, it } from 'vitest';
import { findProtectedAttributes, mentionsProtectedAttribute } from './protected-attributes';

describe('findProtectedAttributes', () => {
  it.each([
    ['age', 'She is 45 years old'],
    ['age', 'A 52-year-old CFO'],
    ['age', "He's 38."],
    ['age', 'Age: 41'],
    ['age', 'probably in his late 50s'],
    ['age', 'born in 1979'],
    ['age', '今年35岁'],
    ['age', '年龄偏大'],
    ['gender', 'Female executive'],
    ['gender', '性别：男'],
    ['ethnicity', 'Hispanic background'],
    ['ethnicity', '少数民族'],
    ['religion', 'Goes to church every Sunday'],
    ['religion', 'religion matters to him'],
    ['religion', '有宗教信仰'],
    ['health', 'Currently pregnant'],
    ['health', 'diagnosed with diabetes'],
    ['health', '怀孕了'],
    ['health', '正在休病假'],
    ['politics', 'His political views are conservative'],
    ['politics', 'votes for the Greens'],
    ['politics', '是党员'],
    ['sexuality', 'openly gay'],
    ['sexuality', '性取向'],
    ['family', 'Mentioned his wife twice'],
    ['family', 'recently divorced'],
    ['family', '已婚，有两个孩子'],
  ])('flags %s in "%s"', (category, text) => {
    expect(findProtectedAttributes(text).map((m) => m.category)).toContain(category);
  });

  it('reports the matched text so the model knows what to remove', () => {
    expect(findProtectedAttributes('Mentioned his wife twice')).toEqual([{ category: 'family', match: 'his wife' }]);
  });

  it('finds a person-age mention even when a thing-age is in the same text', () => {
    expect(mentionsProtectedAttribute('Their CRM is 10 years old. The buyer is a 52-year-old CFO.')).toBe(true);
  });

  // Ordinary sales text must pass, or every persona draft would be rejected.
  it.each([
    'VP of Sales at a 200-person fintech company',
    'Worried that their CRM is 10 years old and slow',
    'Runs on a 15-year-old ERP system',
    'Prefers short emails in the morning',
    'Asked about SSO; SSO is disabled on their current plan',
    'Invoices aged 30 days are a pain point',
    'Raised concerns about price and contract length',
    'They are 3 months from renewal',
    'Navigating internal politics between IT and sales',
    'Married to their current vendor for years',
    'Email open rates dropped last quarter',
    'Healthcare SaaS buyer, mid-market segment',
    'Christian Müller, Head of Procurement, signs off on budgets',
    'Works with agency partners on paid search',
    'Interested in AI, revenue operations and golf',
    'Stage: evaluation; manages 12 account executives',
    '负责华东区销售的副总裁',
    '担心数据迁移会影响业务',
    '预算在第三季度审批',
    '希望通过微信沟通',
    '公司成立10年，员工约200人',
    '关注售后服务和响应速度',
    '民族品牌出海，主要市场在东南亚',
    '系统已经用了十年，速度很慢',
    '他教会了团队如何使用新工具',
    '知道教程在哪里',
  ])('does not flag "%s"', (text) => {
    expect(findProtectedAttributes(text)).toEqual([]);
  });
});
