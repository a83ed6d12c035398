/**
 * Benchmarks factCheck (no generator) on 200-word drafts in English, German and Chinese with realistic grounding and
 * prints one JSON line {"en_ms","de_ms","zh_ms","p95_ms","runs","budget_ms"}: medians of many timed runs after a
 * warm-up, grounding index included. Exits 1 when any median is above the 20 ms budget of the live check.
 */
import { factCheck } from '../../shared/common/factcheck/check';
import { runBench } from './runner';

const BUDGET_MS = 20;
const WARMUP = 50;
const RUNS = 300;

const EN = [
  'Hi Sarah,',
  'Thanks for the call on Tuesday. As promised, Tallyline Pro is $49 per user per month, and for your 25 users that comes to $1,225 a month.',
  'Billed annually, that is $14,700 per year, and with the 15% discount for annual terms each seat comes down to $41.65.',
  'Onboarding sessions are part of the package at no extra cost, and the price already covers training for your admins.',
  'Availability of 99.9% is guaranteed in writing. As agreed, our engineer will be on site with you on April 5, 2026.',
  'We commit to delivering the HubSpot integration by October 7, and everything will be live by October 7, 2026.',
  'More than 1,200 companies already use Tallyline Pro, and we are a certified Salesforce partner.',
  'Confirming our call on Monday, October 5, 2026, at 2:30 pm with Priya Raman and the Northgate Freight team.',
];
const DE = [
  'Guten Tag Herr Brandt,',
  'Terminfix Pro liegt bei 12,50 € pro Nutzer im Monat. Für Ihre 15 Nutzer sind das 187,50 € im Monat, aufs Jahr gerechnet 2.250 EUR.',
  'Mit 10 % Rabatt für den Jahresvertrag kostet eine Lizenz nur noch 11,25 € monatlich. Das Onboarding ist bereits im Preis enthalten.',
  'Wir garantieren Ihnen vertraglich eine Verfügbarkeit von 99,9 %. Wie besprochen ist unser Techniker am 25.09.2026 bei Ihnen vor Ort.',
  'Damit steht unser Termin am Dienstag, 21.04.2026, um 14.30 Uhr. Der Rollout ist spätestens am 18. Mai abgeschlossen.',
  'Wir verpflichten uns, die HubSpot-Schnittstelle bis zum 18.05.2026 zu liefern. Als zertifizierter DATEV-Partner pflegen wir sie selbst.',
  'Mehr als 1.200 Kunden arbeiten mit Terminfix Pro, darunter Stadtwerke und Kliniken in ganz Deutschland und der Schweiz.',
  'Beste Grüße\nMartin',
];
const ZH = [
  '王总，您好：',
  '云帆CRM每个账号每月299元，按贵司150个账号计算，每月合计¥44,850，按年付费一年是53.82万元。签年度合同可享受九折，折后每用户每月269.10元。',
  '价格里已经包含了使用培训，全天候技术支持也都含在套餐里，不另外收费。合同里承诺系统可用性达到99.9%。',
  '按之前约定，我们的工程师6月12日上门安装，两台设备算下来每台2.1万元。我们会在2026年6月30日前完成全部上线。',
  '确认一下，我们7月13日（周一）下午2点半开会。目前已有3000多家企业在使用云帆CRM，我们是钉钉的官方合作伙伴。',
];
const GROUNDING_EN = [
  'Thread (Sarah Whitfield, Northgate Freight): We would start with 25 users. We need the rollout completed by October 7, 2026. Can someone come to our warehouse on April 5, 2026? Tom: Yes, an engineer will visit you that day. Tom: We will deliver the HubSpot integration by October 7, 2026. Sarah: October 5, 2026 at 14:30 suits me.',
  'Product facts (Tallyline): Tallyline Pro costs $49 per user per month; annual contracts get 15% off. Every plan includes onboarding and admin training. SLA: 99.9% monthly uptime, guaranteed in the contract. 1,200 customers. Certified integration partner: Salesforce.',
  'CRM (recipient): Sarah Whitfield, Head of Operations, Northgate Freight. Colleague: Priya Raman.',
  'Sender: Tom Becker, Account Executive at Tallyline.',
];
const GROUNDING_DE = [
  'Verlauf (Jonas Brandt, Stadtwerke Nordheim): Wir brauchen zunächst 15 Lizenzen. Kann am 25.09.2026 jemand zu uns kommen? Martin: Ja, ein Techniker kommt vorbei. Der 21.04.2026 um 14:30 Uhr passt mir. Wir müssen bis zum 18.05.2026 live sein. Martin: Wir liefern die HubSpot-Schnittstelle bis zum 18.05.2026.',
  'Produktinfos (Terminfix): Terminfix Pro kostet 12,50 € pro Nutzer und Monat, bei Jahresvertrag 10 % Rabatt. Alle Pakete enthalten die Einrichtung. SLA: 99,9 % Verfügbarkeit, vertraglich zugesichert. 1.200 Unternehmen nutzen Terminfix Pro. Zertifizierter Integrationspartner: DATEV.',
  'CRM (Empfänger): Jonas Brandt, IT-Leiter, Stadtwerke Nordheim.',
  'Absender: Martin Keller, Vertrieb bei Terminfix.',
];
const GROUNDING_ZH = [
  '往来邮件（王伟，顺达物流）：我们第一期需要150个账号。6月12日能否派人到现场调试设备？可以，当天安排工程师到现场。我们必须在2026年6月30日之前上线。7月13日14:30可以。',
  '产品资料（云帆科技）：云帆CRM：每用户每月299元；签订年度合同优惠10%。所有套餐均包含上线培训和7×24小时技术支持。服务等级协议：每月可用性99.9%。客户数：3000家企业。认证合作伙伴：钉钉。硬件套装：2台扫码终端，合计42000元。',
  'CRM（收件人）：王伟，运营总监，顺达物流。',
  '发件人：周晓峰，云帆科技客户经理。',
];

const words = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
/** Repeats the body's sentences until the draft has 200 words (Chinese: 200 words ≈ 400 characters). */
function draftOf(lines: string[], han: boolean): string {
  let out = lines.join('\n');
  let i = 1;
  const size = (s: string): number => (han ? s.length / 2 : words(s));
  while (size(out) < 200) out += `\n${lines[i++ % lines.length]}`;
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(draft: string, grounding: string[]): number[] {
  for (let i = 0; i < WARMUP; i++) factCheck(draft, grounding);
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    factCheck(draft, grounding);
    out.push(performance.now() - t0);
  }
  return out;
}

runBench('factcheck', () => {
  const en = time(draftOf(EN, false), GROUNDING_EN);
  const de = time(draftOf(DE, false), GROUNDING_DE);
  const zh = time(draftOf(ZH, true), GROUNDING_ZH);
  const all = [...en, ...de, ...zh].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 100) / 100;
  const figures = {
    en_ms: r(median(en)),
    de_ms: r(median(de)),
    zh_ms: r(median(zh)),
    p95_ms: r(all[Math.floor(all.length * 0.95)] as number),
    runs: RUNS,
    budget_ms: BUDGET_MS,
  };
  return {
    figures,
    targets: {
      [`median per language <= ${BUDGET_MS} ms (en ${figures.en_ms}, de ${figures.de_ms}, zh ${figures.zh_ms})`]:
        Math.max(figures.en_ms, figures.de_ms, figures.zh_ms) <= BUDGET_MS,
    },
  };
});
