import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../http/router';
import { PRIVACY_POLICY } from '../../../shared/common/store/privacy-policy';
import { privacyRoute } from './privacy';

const get = (query: string, acceptLanguage?: string) =>
  privacyRoute().handler({
    url: new URL(`http://localhost/privacy${query}`),
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  } as unknown as RequestContext);

describe('GET /privacy', () => {
  it('serves the policy as a script-free page in English by default', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers?.['content-security-policy']).toContain("default-src 'none'");
    const html = String(res.body);
    expect(html).toContain(PRIVACY_POLICY.en.title);
    for (const s of PRIVACY_POLICY.en.sections) expect(html).toContain(s.heading);
    expect(html).not.toMatch(/<script/i);
  });

  it('answers in Chinese for ?lang=zh_CN or a Chinese browser', async () => {
    expect(String((await get('?lang=zh_CN')).body)).toContain(PRIVACY_POLICY.zh_CN.title);
    expect(String((await get('', 'zh-CN,zh;q=0.9,en;q=0.8')).body)).toContain(PRIVACY_POLICY.zh_CN.title);
    expect(String((await get('', 'en-US,en;q=0.9')).body)).toContain(PRIVACY_POLICY.en.title);
  });

  it('has the same sections in both languages', () => {
    expect(PRIVACY_POLICY.zh_CN.sections.length).toBe(PRIVACY_POLICY.en.sections.length);
  });
});
