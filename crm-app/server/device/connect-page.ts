/**
 * The /connect pages of the device sign-in, in English and Simplified Chinese (chosen from Accept-Language or
 * `?lang=`). Self-contained: no external assets, inline CSS allowed only by its hash, and a CSP that lets forms go
 * only to this server and HubSpot's authorize page (Chrome applies form-action to the redirect after a POST too).
 */
import { createHash } from 'node:crypto';

export type Lang = 'en' | 'zh-CN';

const TEXT = {
  en: {
    title: 'Connect Closer to HubSpot',
    enterCode: 'Enter the code shown in the Closer extension.',
    codeLabel: 'Code',
    continue: 'Continue',
    checkCode: 'Check that this code matches the one shown in the extension:',
    client: 'Name the requester gave (not verified)',
    onlyYours: 'Approve only a code that your own Closer extension shows you. Never approve a code someone sent you.',
    crossSite: 'This form can only be sent from this page. Open the connect page yourself and try again.',
    tooManyTries: 'Too many wrong codes from this network. Wait ten minutes, then try again.',
    staleForm: 'This page has expired. Enter the code again.',
    approve: 'Approve and sign in with HubSpot',
    deny: 'Deny',
    approveHint: 'You will choose the HubSpot account on the next page.',
    unknown: 'This code is not valid. Check it, or start again from the extension.',
    expired: 'This code has expired. Start again from the extension.',
    connected: 'Connected — return to the extension.',
    connectedHint: 'You can close this tab.',
    denied: 'Denied. The extension was not connected.',
    alreadyUsed: 'This code has already been used.',
    invalidInput: 'Enter the 8-letter code, e.g. BCDF-GHJK.',
  },
  'zh-CN': {
    title: '将 Closer 连接到 HubSpot',
    enterCode: '请输入 Closer 扩展程序中显示的代码。',
    codeLabel: '代码',
    continue: '继续',
    checkCode: '请确认此代码与扩展程序中显示的代码一致：',
    client: '请求方自称的名称（未经验证）',
    onlyYours: '只批准您自己的 Closer 扩展程序显示的代码。切勿批准他人发给您的代码。',
    crossSite: '此表单只能从本页面提交。请自行打开连接页面后重试。',
    tooManyTries: '此网络输入错误代码的次数过多。请等待十分钟后重试。',
    staleForm: '此页面已过期。请重新输入代码。',
    approve: '批准并使用 HubSpot 登录',
    deny: '拒绝',
    approveHint: '下一页将让您选择 HubSpot 帐户。',
    unknown: '此代码无效。请核对，或在扩展程序中重新开始。',
    expired: '此代码已过期。请在扩展程序中重新开始。',
    connected: '已连接 — 请返回扩展程序。',
    connectedHint: '您可以关闭此标签页。',
    denied: '已拒绝。扩展程序未连接。',
    alreadyUsed: '此代码已被使用。',
    invalidInput: '请输入 8 个字母的代码，例如 BCDF-GHJK。',
  },
} as const;
export type TextKey = keyof (typeof TEXT)['en'];

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f8fa;color:#33475b}
main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin-top:0}.code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.15em;text-align:center;
padding:.75rem;border:2px dashed #7c98b6;border-radius:6px}.row{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button{font:inherit;padding:.6rem 1rem;border-radius:4px;border:1px solid #7c98b6;background:#fff;cursor:pointer}
button.primary{background:#ff7a59;border-color:#ff7a59;color:#fff}button:focus-visible,input:focus-visible{outline:3px solid #0091ae;outline-offset:2px}
input{font:inherit;padding:.5rem;border:1px solid #7c98b6;border-radius:4px;text-transform:uppercase}
.error{color:#b3261e}.ok{color:#00794f}.muted{color:#516f90;font-size:.9rem}`;
const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

export function pickLang(query: string | null, acceptLanguage: string | undefined): Lang {
  if (query === 'zh-CN' || query === 'en') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface PageResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function page(lang: Lang, status: number, content: string, formTargets: string[]): PageResponse {
  const t = TEXT[lang];
  const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(t.title)}</title>
<style>${CSS}</style></head><body><main><h1>${escape(t.title)}</h1>${content}</main></body></html>`;
  return {
    status,
    body,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': [
        "default-src 'none'",
        `style-src 'sha256-${CSS_HASH}'`,
        `form-action ${["'self'", ...formTargets].join(' ')}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
      'x-content-type-options': 'nosniff',
      // same-origin, not no-referrer: under no-referrer Chrome sends `Origin: null` with the page's own form posts,
      // which the same-origin check (connect-guard.ts) refuses. Other sites still get no referrer.
      'referrer-policy': 'same-origin',
      'content-language': lang,
    },
  };
}

/** The form asking for a code (no code in the URL, or one that is not a code). */
export function enterCodePage(lang: Lang, invalid = false): PageResponse {
  const t = TEXT[lang];
  return page(
    lang,
    invalid ? 400 : 200,
    `${invalid ? `<p class="error" role="alert">${escape(t.invalidInput)}</p>` : ''}
<form method="post" action="/connect/code"><p><label for="code">${escape(t.enterCode)}</label></p>
<input type="hidden" name="lang" value="${lang}">
<div class="row"><input id="code" name="code" autocomplete="one-time-code" maxlength="9" required autofocus
 aria-label="${escape(t.codeLabel)}"><button class="primary" type="submit">${escape(t.continue)}</button></div></form>`,
    [],
  );
}

/**
 * The code the person typed, with Approve (starts HubSpot OAuth) and Deny. Both forms carry `formToken`, bound to
 * this browser's cookie and this code (connect-guard.ts). The requester chose its client name, so it is shown as
 * unverified.
 */
export function approvePage(
  lang: Lang,
  userCode: string,
  clientName: string | null,
  authorizeOrigin: string,
  formToken: string,
) {
  const t = TEXT[lang];
  const hidden = `<input type="hidden" name="code" value="${escape(userCode)}"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="formToken" value="${escape(formToken)}">`;
  return page(
    lang,
    200,
    `<p>${escape(t.checkCode)}</p><p class="code" aria-label="${escape(t.codeLabel)}">${escape(userCode)}</p>
${clientName ? `<p class="muted">${escape(t.client)}: <q>${escape(clientName)}</q></p>` : ''}
<p class="error">${escape(t.onlyYours)}</p>
<div class="row"><form method="post" action="/connect/approve">${hidden}<button class="primary" type="submit" autofocus>${escape(t.approve)}</button></form>
<form method="post" action="/connect/deny">${hidden}<button type="submit">${escape(t.deny)}</button></form></div>
<p class="muted">${escape(t.approveHint)}</p>`,
    [authorizeOrigin],
  );
}

/** A final message: connected, denied, or why the code cannot be used. */
export function messagePage(lang: Lang, status: number, key: TextKey, ok = false): PageResponse {
  const t = TEXT[lang];
  const hint = key === 'connected' ? `<p class="muted">${escape(t.connectedHint)}</p>` : '';
  return page(lang, status, `<p class="${ok ? 'ok' : 'error'}" role="status">${escape(t[key])}</p>${hint}`, []);
}
