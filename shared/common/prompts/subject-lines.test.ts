import { describe, expect, it } from 'vitest';
import { parseSubjectLines } from './subject-lines';

describe('parseSubjectLines', () => {
  it('strips numbering, bullets, quotes, labels and length notes', () => {
    const text = [
      'Here are 5 subject lines for your email:',
      '',
      '1. "Quick question about your CRM"',
      '2) **Faster onboarding for Acme**',
      '- Subject: SSO is ready when you are',
      '• Option 4: “Cut data entry in half?” (31 characters)',
      '5、「关于单点登录的问题」',
      '',
      'Let me know if you would like a different tone.',
    ].join('\n');
    expect(parseSubjectLines(text, 5)).toEqual([
      'Quick question about your CRM',
      'Faster onboarding for Acme',
      'SSO is ready when you are',
      'Cut data entry in half?',
      '关于单点登录的问题',
    ]);
  });

  it('returns exactly n when there are more', () => {
    const text = Array.from({ length: 8 }, (_, i) => `${i + 1}. Subject idea ${i + 1}`).join('\n');
    expect(parseSubjectLines(text, 3)).toEqual(['Subject idea 1', 'Subject idea 2', 'Subject idea 3']);
  });

  it('dedupes ignoring case, spacing and punctuation, and never pads', () => {
    const text = '1. Quick question\n2. quick  question!\n3. "Quick question"\n4. Another angle';
    expect(parseSubjectLines(text, 4)).toEqual(['Quick question', 'Another angle']);
  });

  it('parses Chinese numbering and a Chinese preamble', () => {
    const text = '当然，以下是三个邮件主题：\n一、提升销售效率的新方法\n二、关于CRM迁移\n三、提升销售效率的新方法';
    expect(parseSubjectLines(text, 3)).toEqual(['提升销售效率的新方法', '关于CRM迁移']);
  });

  it('keeps a numbered subject that starts like chatter', () => {
    expect(parseSubjectLines("1. Here's the email guide you asked for\n2. Next steps", 2)).toEqual([
      "Here's the email guide you asked for",
      'Next steps',
    ]);
  });

  it('keeps unnumbered subjects that merely start like chatter', () => {
    expect(parseSubjectLines("Here's how Acme cut onboarding time\nSure-fire ways to shorten sales cycles", 2)).toEqual(
      ["Here's how Acme cut onboarding time", 'Sure-fire ways to shorten sales cycles'],
    );
  });

  it('ignores code fences and empty answers', () => {
    expect(parseSubjectLines('```\n1. A\n2. B\n```', 2)).toEqual(['A', 'B']);
    expect(parseSubjectLines('', 3)).toEqual([]);
  });
});
