import { describe, expect, it } from 'vitest';
import { approvePage, enterCodePage, messagePage, pickLang } from './connect-page';
import { normalizeUserCode } from './device-codes';

describe('device sign-in pages', () => {
  it('picks Simplified Chinese from ?lang= or Accept-Language, English otherwise', () => {
    expect(pickLang('zh-CN', 'en-US')).toBe('zh-CN');
    expect(pickLang(null, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLang(null, 'zh-TW')).toBe('zh-CN');
    expect(pickLang(null, 'de-DE,zh;q=0.5')).toBe('en');
    expect(pickLang('fr', undefined)).toBe('en');
  });

  it('escapes what the extension named itself, so a client name cannot inject markup', () => {
    const page = approvePage('en', 'BCDF-GHJK', '<script>alert("x")</script>', 'https://app.hubspot.com', 'tok');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.headers['content-security-policy']).toContain("form-action 'self' https://app.hubspot.com");
    expect(page.headers['content-security-policy']).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
  });

  it('shows the name the requester chose as unverified, with a warning against codes from others', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const body = approvePage(lang, 'BCDF-GHJK', 'Closer for Chrome', 'https://app.hubspot.com', 'tok').body;
      expect(body).toContain(lang === 'en' ? 'not verified' : '未经验证');
      expect(body).toContain(lang === 'en' ? 'Never approve a code someone sent you' : '切勿批准他人发给您的代码');
      expect(body).toContain('name="formToken" value="tok"');
    }
    // Under no-referrer, Chrome sends `Origin: null` with the page's own form posts, which the guard refuses.
    expect(enterCodePage('en').headers['referrer-policy']).toBe('same-origin');
  });

  it('asks for the code by a same-origin POST, never in the link', () => {
    expect(enterCodePage('en').body).toContain('<form method="post" action="/connect/code">');
  });

  it('has every message in both languages', () => {
    for (const key of [
      'unknown',
      'expired',
      'connected',
      'denied',
      'alreadyUsed',
      'crossSite',
      'tooManyTries',
      'staleForm',
    ] as const) {
      const en = messagePage('en', 200, key).body;
      const zh = messagePage('zh-CN', 200, key).body;
      expect(zh).toContain('lang="zh-CN"');
      expect(zh).not.toBe(en.replace('lang="en"', 'lang="zh-CN"'));
    }
    expect(enterCodePage('en', true).status).toBe(400);
    expect(enterCodePage('zh-CN').body).toContain('请输入');
  });

  it('normalizes what a person types into a user code', () => {
    expect(normalizeUserCode('bcdf ghjk')).toBe('BCDF-GHJK');
    expect(normalizeUserCode('BCDF-GHJK')).toBe('BCDF-GHJK');
    expect(normalizeUserCode('BCDFGHJ')).toBeNull();
    expect(normalizeUserCode('BCDF-GHJ1')).toBeNull();
    expect(normalizeUserCode('')).toBeNull();
  });
});
