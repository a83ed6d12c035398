import { describe, expect, it } from 'vitest';
import { postprocess, splitSubjectLine, stripCodeFences, stripMarkdown, stripWrappingQuotes } from './postprocess';
import { stripPostamble, stripPreamble } from './preamble';

const EMAIL = 'Hi Anna,\n\nYes, Closer supports SSO on the Business plan.\n\nBest,';

describe('stripPreamble', () => {
  it.each([
    ["Sure! Here's a draft reply:\n\n"],
    ['Here is a draft:\n'],
    ['Certainly! Below is a friendlier version of your email:\n\n'],
    ["**Here's the rewritten email:**\n\n"],
    ["Sure!\n\nHere's your reply:\n"],
    ["I've drafted a reply for you:\n\n"],
    ['当然，以下是改写后的邮件：\n\n'],
    ['好的！这是您要的回复草稿：\n'],
    ['以下是翻译：\n'],
  ])('removes %j', (preamble) => {
    expect(stripPreamble(`${preamble}${EMAIL}`)).toBe(EMAIL);
  });

  it('keeps content after a colon on the same line', () => {
    expect(stripPreamble("Here's the translation: Hello Anna, thanks.")).toBe('Hello Anna, thanks.');
    expect(stripPreamble('以下是译文：你好，安娜。')).toBe('你好，安娜。');
  });

  it.each([
    ['a reply that starts with "Sure"', 'Sure, Tuesday at 3pm works for me.\n\nBest,'],
    ['a reply that starts with "Here is"', 'Here is what I propose: a 20-minute call next week.'],
    ['a Chinese reply that starts with 好的', '好的，周二下午三点可以。\n\n祝好'],
    ['a plain email', EMAIL],
    ['a lone "Sure!" with nothing after it', 'Sure!'],
  ])('leaves %s alone', (_label, text) => {
    expect(stripPreamble(text)).toBe(text);
  });
});

describe('stripPostamble', () => {
  it.each([
    ['I hope this helps!'],
    ['Let me know if you would like any changes or a different tone.'],
    ['Feel free to adjust the wording to your style.'],
    ['Note: I kept the original meaning.'],
    ['希望这对您有帮助！'],
    ['如需修改，请告诉我。'],
  ])('removes a closing %j', (postamble) => {
    expect(stripPostamble(`${EMAIL}\n\n${postamble}`)).toBe(EMAIL);
  });

  it('keeps an email that ends with an ordinary request', () => {
    const text = 'Hi Anna,\n\nHappy to help.\n\nLet me know if you need any more information.';
    expect(stripPostamble(text)).toBe(text);
  });

  it('never removes the only paragraph', () => {
    expect(stripPostamble('I hope this helps!')).toBe('I hope this helps!');
  });
});

describe('stripCodeFences', () => {
  it('unwraps a fenced answer with chatter around it', () => {
    expect(stripCodeFences(`Here you go:\n\`\`\`text\n${EMAIL}\n\`\`\`\nEnjoy!`)).toBe(EMAIL);
  });

  it('drops an opening fence that was never closed', () => {
    expect(stripCodeFences(`\`\`\`\n${EMAIL}`)).toBe(EMAIL);
  });

  it('leaves text without fences alone', () => {
    expect(stripCodeFences(EMAIL)).toBe(EMAIL);
  });
});

describe('stripWrappingQuotes', () => {
  it.each([
    ['"Hello there"', 'Hello there'],
    ['“Hello there”', 'Hello there'],
    ['「你好」', '你好'],
    ['"He said "hi" to me"', '"He said "hi" to me"'],
    ['Plain "quoted" word', 'Plain "quoted" word'],
  ])('%s → %s', (input, expected) => {
    expect(stripWrappingQuotes(input)).toBe(expected);
  });
});

describe('stripMarkdown', () => {
  it('removes emphasis, headings and inline code but keeps lists', () => {
    expect(stripMarkdown('## Update\n**Good** news: `SSO` is __live__.\n- one\n- two')).toBe(
      'Update\nGood news: SSO is live.\n- one\n- two',
    );
  });
});

describe('splitSubjectLine', () => {
  it.each([
    ['Subject: Quick question about RevOps\n\nHi Anna,', 'Quick question about RevOps'],
    ['**Subject:** "Faster CRM onboarding"\nHi Anna,', 'Faster CRM onboarding'],
    ['主题：关于CRM的问题\n\n安娜您好，', '关于CRM的问题'],
  ])('splits %j', (text, subject) => {
    const result = splitSubjectLine(text);
    expect(result.subject).toBe(subject);
    expect(result.body).toMatch(/^(Hi Anna,|安娜您好，)$/);
  });

  it('returns the text unchanged without a subject line', () => {
    expect(splitSubjectLine(EMAIL)).toEqual({ body: EMAIL });
  });
});

describe('postprocess', () => {
  it('cleans a chatty plain-text answer', () => {
    const raw = `Sure! Here's a draft reply:\n\n\`\`\`\n**Hi Anna,**\n\nYes, Closer supports SSO.\n\`\`\`\n\nI hope this helps!`;
    expect(postprocess(raw, { format: 'plain' })).toEqual({ text: 'Hi Anna,\n\nYes, Closer supports SSO.' });
  });

  it('keeps Markdown for Markdown outputs', () => {
    const raw = '以下是博客大纲：\n\n# 标题\n## 第一部分\n- **要点**';
    expect(postprocess(raw, { format: 'markdown' }).text).toBe('# 标题\n## 第一部分\n- **要点**');
  });

  it('splits the subject and caps the body length', () => {
    const raw = `Subject: Hello\n\nOne two three four five. Six seven eight nine ten. Eleven twelve.`;
    expect(postprocess(raw, { format: 'plain', subjectLine: true, maxWords: 10 })).toEqual({
      subject: 'Hello',
      text: 'One two three four five. Six seven eight nine ten.',
    });
  });

  it('parses lines for a lines output', () => {
    expect(postprocess('1. A\n2. B\n3. B', { format: 'lines', count: 3 }).lines).toEqual(['A', 'B']);
  });

  it('leaves JSON for the structured helpers', () => {
    expect(postprocess(' {"a":1} ', { format: 'json' })).toEqual({ text: '{"a":1}' });
  });
});
