/**
 * Recognises the chatter small models put around an answer: a leading "Sure! Here's a draft:" or "当然，以下是改写后的
 * 邮件：", and a closing "I hope this helps!" or "希望对您有帮助". A line counts as a preamble only when it both starts
 * like one and talks about the answer (draft, email, version…), so "Sure, Tuesday works" stays.
 */

const STARTER_EN =
  /^(?:(?:sure|certainly|of course|absolutely|okay|ok|great|no problem|happy to help)[!.,]?\s+)?(?:here(?:'s|’s| is| are)|below (?:is|are)|i(?:'ve|’ve| have) (?:drafted|written|prepared|rewritten|translated|created|put together|revised)|this is|the following is)\b/i;
const META_EN =
  /\b(?:draft|e-?mail|reply|response|version|translation|rewrite|rewritten|subject|post|tweet|outline|script|message|copy|text|options|ideas|variants|suggestions|lines)\b/i;
const STARTER_ZH =
  /^(?:(?:当然|好的|没问题|可以)[！!，,。.～~]?\s*)?(?:以下是|下面是|这是|这里是|我为您|我为你|为您|为你)/;
const META_ZH = /草稿|邮件|回复|版本|翻译|译文|改写|主题|标题|帖子|文案|大纲|脚本|内容|消息|正文/;
const INTERJECTION_ONLY =
  /^(?:sure|certainly|of course|absolutely|okay|ok|great|no problem|当然|好的|没问题)[!.！。~～]*$/i;

/** Remarks after the answer: "I hope this helps!", "Feel free to adjust…", "希望对您有帮助". */
const POSTAMBLE =
  /^(?:(?:i )?hope (?:this|that|it) helps|let me know if you(?:'d|’d| would) like (?:me to (?:adjust|change|make|tweak|revise)|any (?:changes|adjustments|edits|tweaks)|another version|a different (?:version|tone))|feel free to (?:adjust|tweak|modify|customi[sz]e|edit|change)|\(?note:|i(?:'ve|’ve| have) (?:kept|used|made|tried|added|removed|included)|this (?:draft|version|rewrite|translation) (?:keeps|uses|is|has|maintains|addresses)|希望(?:这|以上|对你|对您)|如(?:需|果需要|有需要)(?:修改|调整|进一步)|如果您?需要(?:修改|调整|其他)|(?:注|备注|说明)[:：])/i;

/** Markdown decoration around a line, for matching only. */
const unwrapLine = (line: string) => line.replace(/^[#>*_\s]+|[*_\s]+$/g, '');

/** "Here's a draft" / "以下是改写后的邮件": starts like chatter and talks about the answer. */
function introducesAnswer(prefix: string): boolean {
  return (STARTER_EN.test(prefix) && META_EN.test(prefix)) || (STARTER_ZH.test(prefix) && META_ZH.test(prefix));
}

/** True for a line that introduces the answer rather than being part of it. */
export function isPreambleLine(line: string): boolean {
  const bare = unwrapLine(line);
  if (INTERJECTION_ONLY.test(bare)) return true;
  const colon = bare.search(/[:：]/);
  return introducesAnswer(colon < 0 ? bare : bare.slice(0, colon));
}

/** True for a closing remark about the answer ("Feel free to adjust…"). */
export function isPostambleLine(line: string): boolean {
  return POSTAMBLE.test(unwrapLine(line));
}

/** Removes a leading "Sure! Here's a draft:" / "当然，以下是改写后的邮件：" line (or up to its colon), repeatedly. */
export function stripPreamble(text: string): string {
  let out = text.trimStart();
  for (let i = 0; i < 3; i++) {
    const newline = out.indexOf('\n');
    const firstLine = newline < 0 ? out : out.slice(0, newline);
    const rest = newline < 0 ? '' : out.slice(newline + 1);
    const bare = unwrapLine(firstLine);
    if (INTERJECTION_ONLY.test(bare) && rest.trim()) {
      out = rest.trimStart();
      continue;
    }
    const colon = bare.search(/[:：]/);
    if (colon < 0 || colon > 200) break;
    if (!introducesAnswer(bare.slice(0, colon))) break;
    const after = unwrapLine(bare.slice(colon + 1));
    out = (after && rest ? `${after}\n${rest}` : after || rest).trimStart();
  }
  return out;
}

/** Removes trailing "I hope this helps" / "Feel free to adjust" paragraphs (never the whole text). */
export function stripPostamble(text: string): string {
  let out = text.trimEnd();
  for (let i = 0; i < 2; i++) {
    const split = out.search(/\n\s*\n(?![\s\S]*\n\s*\n)/);
    if (split < 0) break;
    const last = unwrapLine(out.slice(split).trim());
    if (!POSTAMBLE.test(last)) break;
    out = out.slice(0, split).trimEnd();
  }
  return out;
}
