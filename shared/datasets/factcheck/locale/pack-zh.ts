import { groupNumber, otherDay, weekday, wrongFigure, type Day, type Pick } from './build-common';
import type { Pack } from './packs-types';

const HAN = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const WD = ['一', '二', '三', '四', '五', '六', '日'];

/** 42000 → "4.2万元" / "42,000元" / "¥42,000" / "人民币42000元". */
function yuan(p: Pick, n: number): string {
  const style = p.int(0, 3);
  if (style === 0 && n >= 10_000 && Math.round(n / 1000) * 1000 === n) return `${n / 10_000}万元`;
  if (style === 1) return `¥${groupNumber(n, ',', '.')}`;
  if (style === 2) return `人民币${groupNumber(n, '', '.')}元`;
  return `${groupNumber(n, ',', '.')}元`;
}
const dateZh = (p: Pick, d: Day): string => (p.chance(0.5) ? `${d.m}月${d.d}日` : `${d.y}年${d.m}月${d.d}日`);
const small = (n: number): string => (n <= 10 ? (HAN[n] ?? String(n)) : String(n));

export const ZH: Pack = {
  lang: 'zh',
  count: 66,
  people: [
    { first: '伟', last: '王' },
    { first: '静', last: '李' },
    { first: '磊', last: '张' },
    { first: '芳', last: '陈' },
    { first: '强', last: '刘' },
    { first: '敏', last: '赵' },
  ],
  senders: [
    { first: '晓峰', last: '周' },
    { first: '丽', last: '孙' },
    { first: '浩', last: '马' },
  ],
  companies: ['顺达物流', '华康医疗', '蓝海教育', '金禾食品', '恒远制造'],
  titles: ['运营总监', 'IT经理', '采购负责人', '销售副总裁'],
  vendors: [
    ['云帆科技', '云帆CRM'],
    ['智仓软件', '智仓WMS'],
    ['星桥数据', '星桥营销云'],
  ],
  partners: ['钉钉', '企业微信', '金蝶'],
  fakePartners: ['用友', '飞书', '华为云'],
  prices: [99, 199, 299, 1200, 3800],
  unitPrices: [21_000, 8_500, 12_000, 36_000],
  services: [
    ['上线培训', '使用培训'],
    ['数据迁移', '历史数据导入'],
    ['7×24小时技术支持', '全天候技术支持'],
    ['专属客户成功经理', '一对一客户经理'],
    ['系统部署', '安装部署'],
    ['季度业务复盘', '每季度的业务回顾'],
  ],
  money: (p, n) => yuan(p, n),
  count_: (n) => groupNumber(n, ',', '.'),
  date: dateZh,
  time: (p, h, m) =>
    p.chance(0.5)
      ? `${h >= 12 ? '下午' : '上午'}${h > 12 ? h - 12 : h}点${m === 30 ? '半' : m ? `${m}分` : ''}`
      : `${h}:${String(m).padStart(2, '0')}`,
  greet: (p, s) =>
    p.one([
      `${s.recipient.last}总，您好：`,
      `${s.recipient.last}${s.recipient.first}您好，`,
      `尊敬的${s.recipient.last}经理：`,
      `${s.recipient.last}${s.recipient.first}，你好！`,
    ]),
  signoff: (p, s) => `${p.one(['祝好，', '此致\n敬礼', '谢谢！', '顺祝商祺'])}\n${s.sender.last}${s.sender.first}`,
  close: (p) =>
    p.one(['您看下周方便通个电话吗？', '如有疑问，随时联系我。', '需要的话我可以把合同模板发给您。', '期待您的回复。']),
  crm: (s) => `CRM（收件人）：${s.recipient.last}${s.recipient.first}，${s.title}，${s.company}。`,
  senderLine: (s) => `发件人：${s.sender.last}${s.sender.first}，${s.vendor}客户经理。`,
  threadLabel: (s) => `往来邮件（${s.recipient.last}${s.recipient.first}，${s.company}）：`,
  productLabel: (s) => `产品资料（${s.vendor}）：`,
  claims: {
    price: (p, s, ok) => {
      const v = ok ? s.price : wrongFigure(p, s.price);
      const m = ZH.money(p, v);
      return {
        text: p.one([`${s.product}每个账号每月${m}。`, `${s.product}的标准价是${m}/用户/月。`]),
        bad: ok ? [] : [m],
        product: [`${s.product}：每用户每月${s.price}元。`],
      };
    },
    total: (p, s, ok) => {
      const v = ok ? s.seats * s.price : wrongFigure(p, s.seats * s.price);
      const m = ZH.money(p, v);
      return {
        text: p.one([`按贵司${s.seats}个账号计算，每月合计${m}。`, `${s.seats}位用户，每月一共${m}。`]),
        bad: ok ? [] : [m],
        product: [`${s.product}：每用户每月${s.price}元。`],
        thread: [`我们第一期需要${s.seats}个账号。`],
        derived: true,
      };
    },
    annual: (p, s, ok) => {
      const v = ok ? s.seats * s.price * 12 : wrongFigure(p, s.seats * s.price * 12);
      const m = ZH.money(p, v);
      return {
        text: p.one([`按年付费的话，${s.seats}个账号一年是${m}。`, `全年费用合计${m}。`]),
        bad: ok ? [] : [m],
        product: [`${s.product}按月计费，每用户每月${s.price}元，也可按年支付。`],
        thread: [`我们共有${s.seats}名销售需要开通。`],
        derived: true,
      };
    },
    discount: (p, s, ok) => {
      const d = ok ? s.discount : s.discount + 10;
      const v = Math.round(s.price * (1 - d / 100) * 100) / 100;
      const m = ZH.money(p, v);
      const zhe = (100 - d) % 10 === 0 ? `${small((100 - d) / 10)}折` : `${d}%的折扣`;
      const phrase = p.chance(0.5) ? zhe : `优惠${d}%`;
      return {
        text: `签年度合同可享受${phrase}，折后每用户每月${m}。`,
        bad: ok ? [] : [phrase, m],
        product: [`${s.product}：每用户每月${s.price}元；签订年度合同优惠${s.discount}%。`],
        derived: true,
      };
    },
    quarter: (p, s, ok) => {
      const v = ok ? s.seats * s.price * 3 : wrongFigure(p, s.seats * s.price * 3);
      const m = ZH.money(p, v);
      return {
        text: `如果按季度结算，每季度${m}。`,
        bad: ok ? [] : [m],
        product: [`${s.product}：每用户每月${s.price}元，支持按月或按季度结算。`],
        thread: [`我们大概有${s.seats}个人要用。`],
        derived: true,
      };
    },
    perUnit: (p, s, ok) => {
      const v = ok ? s.unitPrice : wrongFigure(p, s.unitPrice);
      const m = ZH.money(p, v);
      const units = s.units <= 10 ? `${small(s.units)}台` : `${s.units}台`;
      return {
        text: p.one([`${units}设备算下来每台${m}。`, `折合每台${m}。`]),
        bad: ok ? [] : [m],
        product: [`硬件套装：${s.units}台扫码终端，合计${s.units * s.unitPrice}元。`],
        derived: true,
      };
    },
    included: (p, s, ok) => {
      const [a, b] = s.services.map((i) => ZH.services[i]!) as [[string, string], [string, string]];
      const other = ZH.services[s.otherService]!;
      const product = [`所有套餐均包含${a[0]}和${b[0]}。`];
      if (ok)
        return {
          text: p.one([`价格里已经包含了${a[1]}。`, `${b[1]}也都含在套餐里，不另外收费。`]),
          bad: [],
          product,
          nonNumeric: true,
        };
      const phrase = p.one([`免费提供${other[1]}`, `${other[1]}也包含在内`]);
      return { text: `另外，我们还${phrase}。`, bad: [phrase], product, nonNumeric: true };
    },
    guarantee: (p, s, ok) => {
      const product = [`${s.product}服务等级协议：每月可用性${s.uptime}%，写入合同。`];
      if (ok) return { text: `合同里承诺系统可用性达到${s.uptime}%。`, bad: [], product, nonNumeric: true };
      const phrase = p.one([`不满意${s.moneyBackDays}天内全额退款`, `保证一小时内响应`]);
      return { text: `而且我们${phrase}。`, bad: [phrase], product, nonNumeric: true };
    },
    visit: (p, s, ok) => {
      const date = dateZh(p, s.visitDay);
      if (ok)
        return {
          text: `按之前约定，我们的工程师${date}上门安装。`,
          bad: [],
          thread: [
            `${s.recipient.last}${s.recipient.first}：${s.visitDay.m}月${s.visitDay.d}日能否派人到现场调试设备？${s.sender.last}${s.sender.first}：可以，当天安排工程师到现场。`,
          ],
          nonNumeric: true,
        };
      const phrase = p.one(['工程师会上门', '安排技术人员到现场']);
      return {
        text: `${date}${phrase}帮您完成配置。`,
        bad: [phrase],
        thread: [
          `${s.recipient.last}${s.recipient.first}：${s.visitDay.m}月${s.visitDay.d}日线上视频会议完成配置即可。`,
        ],
        nonNumeric: true,
      };
    },
    deadline: (p, s, ok) => {
      const d = ok ? s.deadline : otherDay(p, s.deadline);
      const date = dateZh(p, d);
      return {
        text: p.one([`我们会在${date}前完成全部上线。`, `系统将于${date}正式上线。`]),
        bad: ok ? [] : [date],
        thread: [
          `${s.recipient.last}${s.recipient.first}：我们必须在${s.deadline.y}年${s.deadline.m}月${s.deadline.d}日之前上线。${s.sender.last}${s.sender.first}：没问题，这个时间可以保证。`,
        ],
      };
    },
    commit: (p, s, ok) => {
      const thread = [
        `${s.sender.last}${s.sender.first}：我们承诺${s.deadline.m}月${s.deadline.d}日前完成与钉钉的对接。`,
      ];
      if (ok)
        return {
          text: `如之前承诺的，钉钉对接会在${dateZh(p, s.deadline)}前完成。`,
          bad: [],
          thread,
          nonNumeric: true,
        };
      const phrase = p.one(['承诺首月派驻一名工程师', '承诺免费延长三个月服务期']);
      return { text: `我们还${phrase}。`, bad: [phrase], thread, nonNumeric: true };
    },
    customers: (p, s, ok) => {
      const v = ok ? s.customers : wrongFigure(p, s.customers);
      const c = p.chance(0.5) && v % 100 === 0 ? `${v}多家` : `${groupNumber(v, ',', '.')}家`;
      return {
        text: `目前已有${c}企业在使用${s.product}。`,
        bad: ok ? [] : [c],
        product: [`客户数：${s.customers}家企业。`],
      };
    },
    meeting: (p, s, ok) => {
      const h = ok ? s.meetHour : s.meetHour + 2;
      const t = ZH.time(p, h, s.meetMinute);
      return {
        text: `确认一下，我们${s.meetDay.m}月${s.meetDay.d}日（周${WD[weekday(s.meetDay) - 1]}）${t}开会。`,
        bad: ok ? [] : [t],
        thread: [
          `${s.recipient.last}${s.recipient.first}：${s.meetDay.m}月${s.meetDay.d}日${s.meetHour}:${String(s.meetMinute).padStart(2, '0')}可以。`,
        ],
      };
    },
    partner: (p, s, ok) => {
      const name = ok ? s.partner : s.fakePartner;
      return {
        text: `我们是${name}的官方合作伙伴，对接由我们负责维护。`,
        bad: ok ? [] : [name],
        product: [`认证合作伙伴：${s.partner}。`],
      };
    },
  },
};
