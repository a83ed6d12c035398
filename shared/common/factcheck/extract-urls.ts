import type { Mention } from './mention';
import type { Occupancy } from './text-utils';

// Every quantifier is bounded and each pattern can only start at the beginning of a run (look-behind), so a 1 MB line
// of letters costs linear time.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const URL_SCHEME = /(?<![A-Za-z0-9])https?:\/\/[^\s<>"'“”‘’()[\]{}，。、；：！？）（\p{Script=Han}]{1,2000}/giu;
const TLDS = 'com|ai|io|cn|net|org|co|de|app|dev|so|me|us|uk|eu|jp|hk|sg|fr|info|biz|tech|xyz';
const HOST = `(?<![\\w@./-])(?:www\\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?){0,4}`;
const PATH_CHARS = `[^\\s<>"'“”‘’()[\\]{}，。、；：！？）（\\p{Script=Han}]`;
/** A bare host needs a well-known TLD ("closer.ai"); with a path any alphabetic TLD will do ("quill.legal/book"). */
const URL_BARE = new RegExp(
  `${HOST}\\.(?:(?:${TLDS})(?![a-z0-9-])(?:/${PATH_CHARS}{0,2000})?|[a-z]{2,24}/${PATH_CHARS}{0,2000})`,
  'giu',
);
const TRAILING_PUNCT = /[.,;:!?'"’”)\]]+$/;

/** "https://www.Closer.ai/pricing/?utm=x" → "closer.ai/pricing": the form URLs are compared in. */
export function normalizeUrl(raw: string): { normalized: string; host: string; hasPath: boolean } {
  let url = raw.toLowerCase().replace(/^https?:\/\//, '');
  url = url.replace(/[?#].*$/, '').replace(/^www\./, '');
  url = url.replace(/\/+$/, '');
  const slash = url.indexOf('/');
  const host = slash < 0 ? url : url.slice(0, slash);
  return { normalized: url, host, hasPath: slash >= 0 };
}

/** Finds URLs (claims) and e-mail addresses (taken so their parts are not read as names or numbers). */
export function extractUrls(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    occupied.take(start, start + m[0].length);
  }
  for (const re of [URL_SCHEME, URL_BARE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const raw = m[0].replace(TRAILING_PUNCT, '');
      const end = start + raw.length;
      if (raw.length < 4 || !occupied.isFree(start, end)) continue;
      occupied.take(start, end);
      out.push({ start, end, kind: 'url', fact: { type: 'url', ...normalizeUrl(raw) } });
    }
  }
}
