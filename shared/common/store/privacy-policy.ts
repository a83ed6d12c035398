/**
 * The privacy policy, one text for the three places that show it: the backend's `/privacy` page, the extension's
 * options page, and the Web Store listing (`store/listing/`). Plain paragraphs, so each place renders it its own way.
 */
export type PolicyLang = 'en' | 'zh_CN';

export interface PolicySection {
  heading: string;
  paragraphs: string[];
}

export interface PrivacyPolicy {
  title: string;
  updated: string;
  sections: PolicySection[];
}

const UPDATED = '2026-12-07';

export const PRIVACY_POLICY: Record<PolicyLang, PrivacyPolicy> = {
  en: {
    title: 'Closer privacy policy',
    updated: `Last updated ${UPDATED}`,
    sections: [
      {
        heading: 'Your mail stays on your device',
        paragraphs: [
          'Closer reads the Gmail conversation you have open and the HubSpot record you are looking at to analyse them, suggest replies and flag facts to check. This analysis runs in your browser, with models stored on your device. The text of your messages is not sent to us or to anyone else.',
          'What Closer keeps (analysed messages, drafts, personas, settings) is stored in your browser profile. The options page shows it in plain words and lets you export it or delete all of it.',
        ],
      },
      {
        heading: 'What leaves your device, and only when you ask',
        paragraphs: [
          'Models: when you download a language model, its weights are fetched from the model host shown on the options page. The program code that runs them is inside the extension.',
          'HubSpot: if you connect HubSpot, the persona and campaign results you approve are sent to the Closer backend, which writes them to your HubSpot portal. Nothing is sent before you approve it. Every request the extension makes is listed on the options page, with its time, destination and purpose.',
        ],
      },
      {
        heading: 'What the Closer backend stores',
        paragraphs: [
          "The backend stores your HubSpot portal id, its access tokens (encrypted), the personas and campaign results you approved, and the sign-in of each connected device. It does not store mail. Disconnecting HubSpot in the portal's settings deletes the tokens.",
        ],
      },
      {
        heading: 'What we never do',
        paragraphs: [
          'No advertising, no analytics, no selling or sharing of data, no use of your data to train models. Closer is not used to decide credit or lending.',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['Questions or requests about your data: write to the support address on the store listing.'],
      },
    ],
  },
  zh_CN: {
    title: 'Closer 隐私政策',
    updated: `最后更新：${UPDATED}`,
    sections: [
      {
        heading: '您的邮件留在您的设备上',
        paragraphs: [
          'Closer 读取您打开的 Gmail 对话和正在查看的 HubSpot 记录，用于分析、建议回复和提示需要核实的内容。这些分析在您的浏览器中运行，使用存储在您设备上的模型。邮件正文不会发送给我们或任何其他人。',
          'Closer 保存的内容（已分析的邮件、草稿、客户画像、设置）存储在您的浏览器配置文件中。选项页面会用通俗的语言列出这些数据，并可导出或全部删除。',
        ],
      },
      {
        heading: '哪些数据会离开您的设备（仅在您要求时）',
        paragraphs: [
          '模型：下载语言模型时，模型权重从选项页面显示的模型主机获取。运行模型的程序代码已包含在扩展程序中。',
          'HubSpot：如果您连接 HubSpot，您批准的客户画像和营销活动结果会发送到 Closer 后端，再写入您的 HubSpot 账户。未经您批准，不会发送任何内容。扩展程序发出的每个请求都会在选项页面中列出时间、目的地和用途。',
        ],
      },
      {
        heading: 'Closer 后端存储的内容',
        paragraphs: [
          '后端存储您的 HubSpot 账户 ID、访问令牌（已加密）、您批准的客户画像和营销活动结果，以及每台已连接设备的登录信息。后端不存储邮件。在 HubSpot 设置中断开连接会删除令牌。',
        ],
      },
      {
        heading: '我们绝不会做的事',
        paragraphs: [
          '不投放广告，不做分析统计，不出售或共享数据，不使用您的数据训练模型。Closer 不用于信贷或借贷决策。',
        ],
      },
      {
        heading: '联系方式',
        paragraphs: ['关于您数据的问题或请求：请发送至商店页面上的支持邮箱。'],
      },
    ],
  },
};

/** The policy as Markdown, for the store listing. */
export function policyMarkdown(lang: PolicyLang): string {
  const p = PRIVACY_POLICY[lang];
  const body = p.sections.map((s) => `## ${s.heading}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n');
  return `# ${p.title}\n\n_${p.updated}_\n\n${body}\n`;
}
