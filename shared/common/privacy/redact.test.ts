import { describe, expect, it } from 'vitest';
import { PiiInputError } from './errors';
import { MAX_REDACT_CHARS, redactPii } from './redact';
import type { PiiKind } from './types';

/** The substrings of `text` reported as `kind`. */
function found(text: string, kind?: PiiKind): string[] {
  return redactPii(text)
    .findings.filter((f) => !kind || f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe('redactPii: e-mail', () => {
  it.each([
    ['Write to tom.becker@closer.ai today', 'tom.becker@closer.ai'],
    ['Mail: Anna_Vogel+sales@northwind-payroll.de.', 'Anna_Vogel+sales@northwind-payroll.de'],
    ['reach me at tom at closer dot ai', 'tom at closer dot ai'],
    ['reach me at tom AT closer DOT com please', 'tom AT closer DOT com'],
    ['tom(at)closer.ai', 'tom(at)closer.ai'],
    ['tom [at] closer [dot] ai', 'tom [at] closer [dot] ai'],
    ['tom {at} mail {dot} closer {dot} io', 'tom {at} mail {dot} closer {dot} io'],
    ['spaced: tom @ closer . ai', 'tom @ closer . ai'],
    ['邮箱：wangming@huachen.cn，谢谢', 'wangming@huachen.cn'],
    ['邮箱 wangming艾特huachen点com', 'wangming艾特huachen点com'],
    ['full width: ｔｏｍ＠ｃｌｏｓｅｒ．ａｉ', 'ｔｏｍ＠ｃｌｏｓｅｒ．ａｉ'],
    ['zero width: tom\u200b@closer.ai', 'tom\u200b@closer.ai'],
  ])('finds the address in %j', (text, expected) => {
    expect(found(text, 'email')).toEqual([expected]);
  });

  it('does not take web addresses or "at" phrases for e-mail', () => {
    expect(found('Meet us at closer.ai/pricing or at the booth at 3pm.')).toEqual([]);
  });
});

describe('redactPii: phone', () => {
  it.each([
    ['Call (415) 555-0199 today', '(415) 555-0199'],
    ['Call 415.555.0199 today', '415.555.0199'],
    ['Call 415-555-0199.', '415-555-0199'],
    ['UK office +44 20 7946 0958', '+44 20 7946 0958'],
    ['Intl 0044 20 7946 0958', '0044 20 7946 0958'],
    ['compact +14155550199', '+14155550199'],
    ['手机 138-0013-8000', '138-0013-8000'],
    ['手机13800138000', '13800138000'],
    ['手机 138 0013 8000', '138 0013 8000'],
    ['电话 +86 138 0013 8000', '+86 138 0013 8000'],
    ['座机 010-12345678', '010-12345678'],
    ['全角 １３８００１３８０００', '１３８００１３８０００'],
    ['tel: 555-0199', '555-0199'],
  ])('finds the number in %j', (text, expected) => {
    expect(found(text, 'phone')).toEqual([expected]);
  });

  it.each([
    'The plan is $1,200,000 per year, or ¥80,000元.',
    'Dates: 2024-03-15, 03/15/2024, 15.03.2024 and 12月15日.',
    'We processed 1200 orders from 350 carriers in Q3 2024.',
    'Order #123456789 ships on 15:00 Friday; SKU 4521-88.',
    'Version 4.2.1 of SOC 2, ISO 27001, 99.9% uptime, 24/7.',
    '45 reps × 49 USD = 2205 USD; 5万元; 3,000多家企业.',
  ])('leaves ordinary numbers alone: %j', (text) => {
    expect(redactPii(text).findings).toEqual([]);
  });
});

describe('redactPii: card', () => {
  it.each([
    ['Visa 4111 1111 1111 1111 exp 12/26', '4111 1111 1111 1111'],
    ['MC 5500-0000-0000-0004.', '5500-0000-0000-0004'],
    ['Amex 378282246310005', '378282246310005'],
    ['卡号4111111111111111', '4111111111111111'],
    ['full width ４１１１ １１１１ １１１１ １１１１', '４１１１ １１１１ １１１１ １１１１'],
  ])('finds the card in %j', (text, expected) => {
    expect(found(text, 'card')).toEqual([expected]);
  });

  it('rejects numbers that fail the Luhn check or have no issuer prefix', () => {
    expect(found('4111 1111 1111 1112 and 1234 5678 9012 3456', 'card')).toEqual([]);
  });
});

describe('redactPii: IBAN', () => {
  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'DE89 3704 0044 0532 0130 00'],
    ['GB29NWBK60161331926819', 'GB29NWBK60161331926819'],
    ['fr1420041010050500013m02606', 'fr1420041010050500013m02606'],
    ['账号：DE89370400440532013000。', 'DE89370400440532013000'],
  ])('finds the IBAN in %j', (text, expected) => {
    expect(found(text, 'iban')).toEqual([expected]);
  });

  it('rejects an IBAN whose checksum fails', () => {
    expect(found('DE89 3704 0044 0532 0130 01', 'iban')).toEqual([]);
  });
});

describe('redactPii: address', () => {
  it.each([
    ['Visit us at 221B Baker Street, London.', '221B Baker Street, London'],
    ['HQ: 1600 Amphitheatre Pkwy, Mountain View, CA 94043', '1600 Amphitheatre Pkwy, Mountain View, CA 94043'],
    ['Ship to 350 Fifth Avenue, Suite 3300', '350 Fifth Avenue, Suite 3300'],
    ['地址：上海市浦东新区世纪大道100号环球金融中心25楼。', '上海市浦东新区世纪大道100号环球金融中心25楼'],
    ['在北京市朝阳区建国路88号见', '北京市朝阳区建国路88号'],
    ['深圳市南山区科技园南区高新南七道20号', '深圳市南山区科技园南区高新南七道20号'],
  ])('finds the address in %j', (text, expected) => {
    expect(found(text, 'address')).toEqual([expected]);
  });

  it('does not take dates or counts for addresses', () => {
    expect(found('5月15号见，我们有3号方案和20 new leads on 5 Main topics.', 'address')).toEqual([]);
  });
});

describe('redactPii: output', () => {
  it('replaces every finding with its placeholder and reports offsets into the input', () => {
    const text = 'Tom: tom@closer.ai, +1 415 555 0142, card 4111 1111 1111 1111, IBAN GB29NWBK60161331926819.';
    const result = redactPii(text);
    expect(result.text).toBe('Tom: [EMAIL], [PHONE], card [CARD], IBAN [IBAN].');
    expect(result.findings.map((f) => f.kind)).toEqual(['email', 'phone', 'card', 'iban']);
    for (const f of result.findings) expect(f.end).toBeGreaterThan(f.start);
    const starts = result.findings.map((f) => f.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('keeps offsets right around dropped zero-width characters', () => {
    const text = 'a\u200bb tom@\u200bcloser.ai z';
    const [f] = redactPii(text).findings;
    expect(text.slice(f?.start, f?.end)).toBe('tom@\u200bcloser.ai');
    expect(redactPii(text).text).toBe('a\u200bb [EMAIL] z');
  });

  it('only looks for the kinds asked for', () => {
    const text = 'tom@closer.ai or (415) 555-0199';
    expect(redactPii(text, { kinds: ['phone'] }).text).toBe('tom@closer.ai or [PHONE]');
  });
});

describe('redactPii: bad input', () => {
  it('handles empty, emoji-only, mixed-script, HTML and control-character text', () => {
    expect(redactPii('')).toEqual({ text: '', findings: [] });
    expect(redactPii('😀🎉👍🏽').findings).toEqual([]);
    expect(redactPii('Hi 王总, ¿qué tal? Привет').findings).toEqual([]);
    expect(redactPii('<a href="mailto:tom@closer.ai">mail</a>').text).toBe('<a href="mailto:[EMAIL]">mail</a>');
    expect(redactPii('\u0000\u0007\u001b call 415-555-\u00000199').findings.map((f) => f.kind)).toEqual(['phone']);
  });

  it('throws a typed error for non-strings and oversize input instead of redacting part of it', () => {
    expect(() => redactPii(42 as unknown as string)).toThrow(PiiInputError);
    try {
      redactPii('x'.repeat(MAX_REDACT_CHARS + 1));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PiiInputError);
      expect((err as PiiInputError).code).toBe('too_large');
    }
  });

  it.each([
    ['letters', 'a'.repeat(1_000_000)],
    ['digits', '1'.repeat(1_000_000)],
    ['digit groups', '12 '.repeat(333_334)],
    ['at signs', 'a@a.'.repeat(250_000)],
    ['chinese road numbers', '路1号'.repeat(333_334)],
    ['emoji', '😀'.repeat(500_000)],
    ['mixed PII', 'Call +86 138 0013 8000 or tom@closer.ai, 221B Baker Street. '.repeat(16_000)],
  ])('finishes 1 MB of %s quickly (hang guard)', (_name, text) => {
    const t0 = performance.now();
    redactPii(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
