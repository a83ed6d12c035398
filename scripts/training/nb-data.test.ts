import { describe, expect, it } from 'vitest';
import { SALES_INTENTS } from '../../shared/common/ml/naive-bayes/index';
import { DataFileError, detectLanguage, escapeTsvText, parseCsv, parseLabelledTsv, unescapeTsvText } from './nb-data';
import { loadIntents } from './nb-experiments';

describe('labelled TSV', () => {
  it('parses the header, escapes and the label after the last tab', () => {
    const tsv = '\uFEFFtext\tintent\r\nline one\\nline two\tinterested\r\nodd\ttab\tbounce\n\n';
    expect(parseLabelledTsv(tsv, SALES_INTENTS)).toEqual([
      { text: 'line one\nline two', label: 'interested' },
      { text: 'odd\ttab', label: 'bounce' },
    ]);
  });

  it('round-trips escaping', () => {
    const text = 'a\\nb\nc\td\\';
    expect(unescapeTsvText(escapeTsvText(text))).toBe(text);
  });

  it('reports every unknown intent with its line number', () => {
    const tsv = 'text\tintent\nhi\tfoo\nok\tinterested\nbye\tbar\nno tab here\n';
    expect(() => parseLabelledTsv(tsv, SALES_INTENTS, 'f.tsv')).toThrow(
      /f\.tsv:\nline 2: unknown intent "foo"\nline 4: unknown intent "bar"\nline 5: no TAB/,
    );
  });

  it('requires the header', () => {
    expect(() => parseLabelledTsv('hello\tinterested\n')).toThrow(DataFileError);
  });
});

describe('CSV', () => {
  it('handles quotes, doubled quotes, commas, CRLF and line breaks in fields', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n"multi\nline",x,\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['multi\nline', 'x', ''],
    ]);
  });
});

describe('data files', () => {
  it('the sales-intents set has at least 60 replies per intent, about half in Chinese', () => {
    const examples = loadIntents();
    for (const intent of SALES_INTENTS) {
      const mine = examples.filter((e) => e.label === intent);
      expect(mine.length).toBeGreaterThanOrEqual(60);
      const zh = mine.filter((e) => detectLanguage(e.text) === 'zh').length;
      expect(zh / mine.length).toBeGreaterThan(0.4);
      expect(zh / mine.length).toBeLessThan(0.6);
    }
    expect(new Set(examples.map((e) => e.text)).size).toBe(examples.length);
  });

  it('detects the language of a reply', () => {
    expect(detectLanguage('Not interested, thanks')).toBe('en');
    expect(detectLanguage('系统退信：您发送到 sales@qihang-tech.cn 的邮件未能成功投递。')).toBe('zh');
    expect(detectLanguage('退信 550 User not found: purchase@huadong-group.cn')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});
