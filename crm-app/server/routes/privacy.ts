import type { Route } from '../http/router';
import { PRIVACY_POLICY, type PolicyLang } from '../../../shared/common/store/privacy-policy';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** `?lang=zh_CN` (or `zh`) first, then the browser's Accept-Language; English otherwise. */
function pickLang(query: string | null, accept: string | undefined): PolicyLang {
  const wanted = (query ?? accept ?? '').toLowerCase();
  return /^zh|[\s,]zh/.test(wanted) ? 'zh_CN' : 'en';
}

/**
 * `GET /privacy`: the privacy policy the Web Store listing links to, as a static page with no script and a CSP that
 * allows nothing but its own inline style.
 */
export function privacyRoute(): Route {
  return {
    method: 'GET',
    path: '/privacy',
    handler: ({ url, headers }) => {
      const lang = pickLang(url.searchParams.get('lang'), headers['accept-language']);
      const p = PRIVACY_POLICY[lang];
      const sections = p.sections
        .map((s) => `<h2>${escape(s.heading)}</h2>${s.paragraphs.map((t) => `<p>${escape(t)}</p>`).join('')}`)
        .join('');
      const body = `<!doctype html><html lang="${lang === 'zh_CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(p.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2328}</style>
</head><body><main><h1>${escape(p.title)}</h1><p><em>${escape(p.updated)}</em></p>${sections}
<p><a href="?lang=${lang === 'en' ? 'zh_CN' : 'en'}">${lang === 'en' ? '中文' : 'English'}</a></p></main></body></html>`;
      return Promise.resolve({
        status: 200,
        body,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy':
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=3600',
        },
      });
    },
  };
}
