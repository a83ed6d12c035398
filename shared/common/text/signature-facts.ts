/**
 * Facts a signature states about its sender: job title, company and phone. Heuristic, line by line: the sender's
 * own name is skipped, a phone is a run of digits with the usual separators, a title is a line (or a part of a line
 * split at "|", "·" or ",") naming a role, a company is a part ending in a legal form or following a title.
 */
export interface SignatureFacts {
  title: string | null;
  company: string | null;
  phone: string | null;
}

const PHONE = /(?:\+|\b)\d[\d\s().-]{6,18}\d\b/;
const ROLE =
  /\b(?:chief|head|director|manager|executive|officer|president|vp|vice president|founder|co-founder|lead|engineer|specialist|consultant|partner|analyst|representative|coordinator|administrator|architect|owner|ceo|cfo|cto|coo|cmo|sales|marketing|finance|procurement|operations|buyer|associate)\b|经理|总监|主管|总裁|工程师|销售|采购|创始人/i;
const COMPANY =
  /\b(?:inc|ltd|llc|gmbh|co|corp|corporation|limited|plc|ag|sa|bv|srl|pty|group|company)\b\.?$|有限公司|集团$/i;
const SPLIT = /\s*(?:\||·|•|,|，)\s*/;

export function signatureFacts(signature: string, senderName = ''): SignatureFacts {
  const facts: SignatureFacts = { title: null, company: null, phone: null };
  const name = senderName.trim().toLowerCase();
  for (const raw of signature.split('\n').slice(0, 12)) {
    const line = raw.trim();
    if (!line || line.length > 200) continue;
    const phone = PHONE.exec(line);
    if (phone && !facts.phone && (line.match(/\d/g)?.length ?? 0) >= 7) {
      facts.phone = phone[0].trim();
      continue;
    }
    if (/@|https?:|www\./i.test(line)) continue;
    let afterTitle = false;
    for (const part of line.split(SPLIT)) {
      if (!part || part.toLowerCase() === name) continue;
      if (!facts.title && ROLE.test(part) && !COMPANY.test(part)) {
        facts.title = part;
        afterTitle = true;
      } else if (!facts.company && (COMPANY.test(part) || afterTitle)) {
        facts.company = part;
      }
    }
  }
  return facts;
}
