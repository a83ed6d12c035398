import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDERS,
  resolveTokenizerOptions,
  stripHtml,
  stripQuotedReply,
  tokenize,
  tokenizeDetailed,
} from './index';

describe('tokenize: English', () => {
  it('lower-cases, keeps apostrophes inside words and drops punctuation', () => {
    expect(tokenize("Hi Tom, I'm NOT interested... Thanks!")).toEqual([
      'hi',
      'tom',
      "i'm",
      'not',
      'interested',
      'thanks',
    ]);
  });

  it('treats typographic apostrophes like ASCII ones', () => {
    expect(tokenize('don’t')).toEqual(["don't"]);
  });

  it('adds bigrams only within a clause', () => {
    expect(tokenize('not interested, thanks a lot', { wordBigrams: true })).toEqual([
      'not',
      'interested',
      'not interested',
      'thanks',
      'a',
      'thanks a',
      'lot',
      'a lot',
    ]);
  });

  it('keeps accented and other-script words whole', () => {
    expect(tokenize('École CAFÉ Привет')).toEqual(['école', 'café', 'привет']);
  });

  it('emits ? and ! only when asked', () => {
    expect(tokenize('Why? Now!')).toEqual(['why', 'now']);
    expect(tokenize('Why？ Now!', { punctuation: true })).toEqual(['why', PLACEHOLDERS.question, 'now', '<!>']);
  });
});

describe('tokenize: Chinese', () => {
  it('emits character unigrams and bigrams, split at punctuation', () => {
    expect(tokenize('您好，谢谢')).toEqual(['您', '好', '您好', '谢', '谢', '谢谢']);
  });

  it('can skip bigrams', () => {
    expect(tokenize('退订', { cjkBigrams: false })).toEqual(['退', '订']);
  });

  it('splits mixed scripts without spaces', () => {
    expect(tokenize('hello世界abc')).toEqual(['hello', '世', '界', '世界', 'abc']);
  });

  it('normalises full-width letters and digits (NFKC)', () => {
    expect(tokenize('ＣＲＭ系统１２３')).toEqual(['crm', '系', '统', '系统', PLACEHOLDERS.number]);
  });

  it('keeps astral Han characters (extension B) whole', () => {
    expect(tokenize('𠀀好')).toEqual(['𠀀', '好', '𠀀好']);
  });
});

describe('tokenize: placeholders', () => {
  it('replaces URLs, bare domains, emails, numbers, currency and emoji', () => {
    const tokens = tokenize(
      'See https://acme.com/x?y=1 or www.acme.io, acme.com/pricing; mail Jo.Doe@Acme.co.uk £5,000 😀',
    );
    expect(tokens).toEqual(['see', '<url>', 'or', '<url>', '<url>', 'mail', '<email>', '<money>', '<num>', '<emoji>']);
  });

  it('tells long numbers (phones, codes) from short ones', () => {
    expect(tokenize('call 08452810075 or 555-1234 at 10:30')).toEqual([
      'call',
      '<longnum>',
      'or',
      '<longnum>',
      'at',
      '<num>',
    ]);
  });

  it('stops a URL at Chinese text and punctuation', () => {
    expect(tokenize('请访问https://closer.ai了解，谢谢')).toEqual([
      '请',
      '访',
      '请访',
      '问',
      '访问',
      '<url>',
      '了',
      '解',
      '了解',
      '谢',
      '谢',
      '谢谢',
    ]);
  });

  it('replaces over-long words', () => {
    expect(tokenize('x'.repeat(100))).toEqual([PLACEHOLDERS.longWord]);
  });
});

describe('tokenize: bad and adversarial input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['punctuation', '...!?,;'],
    ['control characters', '\u0000\u0001\u0007\u001b'],
  ])('gives no tokens for %s', (_name, input) => {
    expect(tokenize(input)).toEqual([]);
  });

  it('gives no tokens for non-strings', () => {
    expect(tokenize(undefined)).toEqual([]);
    expect(tokenize(null)).toEqual([]);
    expect(tokenize(42)).toEqual([]);
    expect(tokenize({ toString: () => 'x' })).toEqual([]);
  });

  it('maps emoji-only text to emoji placeholders', () => {
    expect(tokenize('😀🎉👍🏽')).toEqual(['<emoji>', '<emoji>', '<emoji>']);
  });

  it('removes zero-width characters used to split words', () => {
    expect(tokenize('fr\u200Bee mo\u00ADney')).toEqual(['free', 'money']);
  });

  it('turns control characters into separators', () => {
    expect(tokenize('wor\u0000ld')).toEqual(['wor', 'ld']);
  });

  it('strips HTML but keeps <email> addresses in angle brackets', () => {
    expect(tokenize('<div class="x"><p>Hello&nbsp;<b>world</b> &amp; co</p></div><!-- hidden --> <jo@x.com>')).toEqual([
      'hello',
      'world',
      'co',
      '<email>',
    ]);
  });

  it('survives lone surrogates', () => {
    expect(tokenize('ok\uD800 fine\uDC00')).toEqual(['ok', 'fine']);
  });

  it('bounds the work on 1 MB inputs of pathological shapes', () => {
    const inputs = [
      'a'.repeat(1_000_000),
      'abc.def@'.repeat(130_000),
      '<a '.repeat(350_000),
      '<!--'.repeat(250_000),
      'ab.'.repeat(350_000),
      '中文'.repeat(500_000),
      'On x\n'.repeat(200_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      const result = tokenizeDetailed(input, { wordBigrams: true, stripQuotedReply: true });
      expect(performance.now() - started).toBeLessThan(500);
      expect(result.truncated).toBe(true);
      expect(result.tokens.length).toBeLessThanOrEqual(5_000);
    }
  });

  it('caps the token count', () => {
    const result = tokenizeDetailed('word '.repeat(100), { maxTokens: 10 });
    expect(result.tokens).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('clamps nonsense limits', () => {
    const o = resolveTokenizerOptions({ maxChars: -5, maxTokens: Number.NaN });
    expect(o.maxChars).toBe(1);
    expect(o.maxTokens).toBe(5_000);
    expect(resolveTokenizerOptions({ maxChars: 1e12 }).maxChars).toBe(200_000);
  });
});

describe('stripQuotedReply', () => {
  it('drops > lines and everything from a Gmail attribution (even wrapped)', () => {
    const reply =
      'Yes, Thursday works.\n\nOn Tue, Mar 3, 2026 at 10:02 AM Jane Doe <jane@acme.com>\nwrote:\n> Want a demo?';
    expect(stripQuotedReply(reply)).toBe('Yes, Thursday works.');
  });

  it('cuts at Outlook and Chinese client headers', () => {
    expect(stripQuotedReply('OK\n\nFrom: Jane\nSent: Monday\nTo: Tom\nSubject: demo')).toBe('OK');
    expect(stripQuotedReply('好的\n\n在 2025年9月3日 14:20，黄磊 <h@x.com> 写道：\n> 您好')).toBe('好的');
    expect(stripQuotedReply('转给同事了\n---------- 转发的邮件 ----------\n发件人：x')).toBe('转给同事了');
  });

  it('keeps the text when nothing would remain', () => {
    const onlyQuote = '> quoted only\n> more';
    expect(stripQuotedReply(onlyQuote)).toBe(onlyQuote);
  });

  it('leaves "On …" sentences that are not attributions', () => {
    expect(stripQuotedReply('On Monday I am free.\nThanks')).toBe('On Monday I am free.\nThanks');
  });
});

describe('stripHtml', () => {
  it('decodes numeric entities and ignores invalid code points', () => {
    expect(stripHtml('&#20320;&#x597D; &#xD800;')).toBe('你好  ');
  });
});
