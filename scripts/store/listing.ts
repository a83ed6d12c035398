/**
 * `npm run store:listing`: writes the Web Store listing, one Markdown file per language under `store/listing/`,
 * from its sources: the descriptions below, the permission justifications (`store/permissions.json`, which
 * check:store also reads) and the privacy policy the backend serves at `/privacy`. A test keeps the committed files
 * equal to what this prints, so the listing never says something the product does not.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { justificationsSchema } from './check-rules';
import { policyMarkdown, type PolicyLang } from '../../shared/common/store/privacy-policy';

/** The store's limit for the short description ("summary"). */
export const SHORT_MAX_CHARS = 132;

export const DESCRIPTIONS: Record<PolicyLang, { short: string; long: string[] }> = {
  en: {
    short: 'An AI assistant for sales in Gmail and HubSpot that runs on your device: your mail never leaves it.',
    long: [
      'Closer reads the conversation you have open in Gmail and tells you who you are writing to, what they asked and what to check before you answer. It drafts replies in your style and language, scores them as you type, and inserts the one you choose.',
      'Everything runs on your device: language models are downloaded once and run in your browser with WebGPU, and the smaller models for intent and sentiment are inside the extension. Without a model, the analysis still works; only drafting needs one.',
      'Connect HubSpot if you want to: the personas and campaign results you approve are written to your portal, and a HubSpot card shows them next to each contact. Nothing is sent before you approve it, and every request is listed on the options page.',
      'Works in English and Simplified Chinese.',
    ],
  },
  zh_CN: {
    short: '在您设备上运行的 Gmail 与 HubSpot 销售 AI 助手：邮件始终留在您的设备上。',
    long: [
      'Closer 读取您在 Gmail 中打开的对话，告诉您对方是谁、提出了什么问题，以及回复前需要核实什么。它会以您的风格和语言起草回复，在您输入时评分，并插入您选择的版本。',
      '一切都在您的设备上运行：语言模型只需下载一次，通过 WebGPU 在浏览器中运行;用于意图和情感分析的小模型已内置在扩展程序中。没有语言模型时分析仍可使用，只有起草回复需要模型。',
      '您可以选择连接 HubSpot：您批准的客户画像和营销活动结果会写入您的 HubSpot 账户，并在每个联系人旁的 HubSpot 卡片中显示。未经您批准不会发送任何内容，每个请求都会在选项页面中列出。',
      '支持英文和简体中文。',
    ],
  },
};

const HEADINGS: Record<PolicyLang, { short: string; long: string; permissions: string; privacy: string; url: string }> =
  {
    en: {
      short: 'Short description',
      long: 'Description',
      permissions: 'Permission justifications',
      privacy: 'Privacy policy',
      url: 'Privacy policy URL: `<CLOSER_PUBLIC_ORIGIN>/privacy`',
    },
    zh_CN: {
      short: '简短说明',
      long: '详细说明',
      permissions: '权限说明',
      privacy: '隐私政策',
      url: '隐私政策网址:`<CLOSER_PUBLIC_ORIGIN>/privacy?lang=zh_CN`',
    },
  };

export function listingMarkdown(lang: PolicyLang, permissionsJson: string): string {
  const justifications = justificationsSchema.parse(JSON.parse(permissionsJson));
  const h = HEADINGS[lang];
  const d = DESCRIPTIONS[lang];
  const perms = Object.entries(justifications)
    .map(([name, text]) => `- \`${name}\`: ${text[lang]}`)
    .join('\n');
  const policy = policyMarkdown(lang).replace(/^#/gm, '###');
  return [
    `# Closer: Chrome Web Store listing (${lang})`,
    `## ${h.short}\n\n${d.short}`,
    `## ${h.long}\n\n${d.long.join('\n\n')}`,
    `## ${h.permissions}\n\n${perms}`,
    `## ${h.privacy}\n\n${h.url}\n\n${policy.trim()}`,
    '',
  ].join('\n\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '../..');
  const permissions = readFileSync(join(root, 'store/permissions.json'), 'utf8');
  mkdirSync(join(root, 'store/listing'), { recursive: true });
  for (const lang of ['en', 'zh_CN'] as const)
    writeFileSync(join(root, 'store/listing', `${lang}.md`), listingMarkdown(lang, permissions));
  console.log('store:listing: wrote store/listing/en.md and store/listing/zh_CN.md');
}
