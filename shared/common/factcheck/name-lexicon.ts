/**
 * Word lists for finding names. General knowledge of email English and Chinese, not fitted to any test draft:
 * capitalised words that open sentences, acronyms every business email uses, Chinese surnames, titles and
 * organisation suffixes, and a small gazetteer of Chinese cities and platforms (Chinese has no capital letters).
 */

const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Words that are capitalised because they open a sentence or a greeting/sign-off, never because they are names; in
 * English and in the sentence openers (articles, pronouns, conjunctions) of de, fr, es, pt, it, nl, pl, sv, nb, fi.
 */
export const COMMON_CAPITALISED = list(`
a about above according actually after afterwards again all also although always am an and another any anyway
apologies appreciate are as at attached based be because been before being below best both but by can cheers
could congrats congratulations curious dear did do does don't during each either even ever every everything feel
few finally first following for from further given glad good great greetings had happy has have having he hello
her here hey hi his hope hopefully how however i if imagine in instead is it it's its just kind last lastly let
let's looking lots many may maybe me meanwhile might more moreover most much my next no none not nothing now of
off often ok okay on once one only or other others otherwise our out over overall per perhaps please plus quick
quickly rather really regarding regards reply re sadly see separately she should since so some someone something
sometimes sorry speak still such sure talk thank thanks that that's the their them then there there's these they
this those though thus to today together tomorrow too totally unfortunately until unless up us very warm warmly
was we we'd we'll we're we've well were what what's whatever when whenever where whether which while who whoever
whom whose why will with within without would yes yesterday yet you you'd you'll you're you've your yours
sincerely respectfully best regards cheers hallo hola bonjour ciao salut saludos gracias grüße beste viele
liebe mit freundlichen cordialement merci bien saluti morning afternoon evening fyi ps p.s btw note important
update reminder recap summary agenda action next steps question questions answer thoughts idea ideas worth
der die das den dem des ein eine einen einem einer wir ich sie es er ihr unser unsere damit dann daher dazu zudem
außerdem ausserdem zusätzlich auch aber und oder wie wenn falls bei mit für von zum zur im am als so schon mehr
abzüglich aufs anbei gern gerne danke vielen herzlichen passt melden soll sind ist gibt alles
le la les un une des nous vous je il elle ce cette cet ces et mais ou donc comme pour avec sur dans de du au aux
par puis ainsi aussi enfin en tout toutes facturé seriez n'hésitez
el los las una unos unas nosotros usted ustedes yo con para por como pero también además entonces todo todos
eso esto esta este estos le les quedo me nos se
o os as um uma uns umas nós você vocês eu com para por como mas também além então tudo isso isto esta este no na
nos nas do da dos das ao fico podemos
il lo gli uno una noi voi io con per come ma anche inoltre quindi tutto tutti questo questa ci vi le sono siamo
de het een wij we ik jij jullie u zij met voor als maar ook daarnaast dan alles dit deze zoals zullen laat zal
ja my wy pan pani państwo oraz ale też także ponadto dodatkowo jak dla wszystko czy w na z do to jest jesteśmy
zgodnie potwierdzam
jag vi ni de en ett den det och men också dessutom som för med på till allt då hör ska
jeg dere et og men også i tillegg som for med på til alt da si skal
minä me te he ja mutta myös lisäksi kuten kaikki kun jos hintaan saatte sopisiko kerro vahvistan
`);

/** Acronyms and generic capitalised terms that carry no checkable fact on their own. */
export const GENERIC_CAPITALISED = list(`
I I'm I'd I'll I've OK AI ML CEO CFO CTO COO CIO CISO CMO CPO CSO VP SVP EVP AVP GM MD HR IT PR QA UX UI CRM
ERP ROI KPI KPIs SLA SLAs API APIs SDK SaaS B2B B2C SMB SMBs SME SMEs SDR SDRs BDR BDRs AE AEs CSM CSMs AM PM
PT ET CT MT CET CEST GMT UTC BST EST EDT PST PDT CST CDT IST JST SGT HKT EOD EOW COB ASAP FYI FAQ FAQs PDF PS
RE FW FWD USD EUR GBP CNY RMB JPY US USA UK EU NDA MSA SOW RFP RFI POC PoC MVP OKR OKRs TBD Q&A Mr Mrs Ms Dr
Prof Mr. Mrs. Ms. Dr. Prof. Zoom Teams Meet Webex Inc Ltd LLC Sie Ihnen Ihr Ihre Ihrer Ihrem Ihren Ihres Du Dir
Dich Euch Vous Usted Ustedes Você Lei Państwa Państwo Pan Pani SLA CRM PLN SEK NOK BRL CHF
`);

/**
 * German capitalises every noun, so in German text a capitalised word after an article, a possessive, a preposition
 * with article, a number or an inflected adjective is a noun, not a name ("die Einrichtung", "Ihre Lizenzen").
 */
export const GERMAN_NOUN_LEFT = list(`
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner unser unsere unseren
unserem unserer ihr ihre ihren ihrem ihrer ihres sie ihnen jede jeder jedes jeden jedem diese dieser diesem diesen
dieses alle allen im am zum zur vom beim ins ans pro je mit ohne für bei nach von zu auf per inklusive inkl inkl.
als ab bis um über unter vor durch gegen samt plus zzgl zzgl. abzüglich dank laut wegen trotz während
`);

/** Endings of German common nouns ("Einrichtung", "Verfügbarkeit", "Partnerschaft"); names rarely end so. */
export const GERMAN_NOUN_SUFFIX =
  /(?:ung|ungen|heit|keit|schaft|tion|sion|tät|ment|nis|tum|ismus|ling|chen|lein|ur|ik|ie|ei|zeit|jahr|monat|woche|tag|preis|paket|gerät|termin|team|vertrag|rabatt|lizenz|lizenzen|kunden|nutzer|betrag|gespräch|angebot|grüße|grüsse|fragen|frage)$/;

/** A cheap test for German text: enough of its most frequent function words. */
export function looksGerman(text: string): boolean {
  const hits = text.match(
    /\b(?:und|der|die|das|nicht|mit|für|wir|sie|ihnen|ist|sind|bei|auf|zu|den|dem|ein|eine|ihre)\b/gi,
  );
  return (hits?.length ?? 0) >= 2;
}

/** Greeting words: the capitalised word after them is a name even at the start of a line ("Hi Sarah"). */
export const GREETINGS = list(`
hi hello hey dear hallo hola bonjour ciao salut morning afternoon evening greetings good
guten tag morgen grüezi grüß gruezi servus moin liebe lieber sehr geehrte geehrter hoi
bonsoir cher chère chers madame monsieur
estimada estimado estimados buenos buenas días tardes querida querido
olá ola oi prezada prezado prezados bom boa dia tarde caros caro cara
buongiorno buonasera salve gentile gentili egregio egregia carissimo
beste geachte goedemorgen goedemiddag goedenavond dag
dzień dobry cześć witam witaj szanowny szanowna szanowni
hej hejsan tjena god hei heisann moi terve hyvä huomenta päivää
`);

/** Sign-off words, dropped wherever they lead a line ("Best Regards", "Beste Grüße", "Kind regards"). */
export const SIGN_OFFS = list(`
best regards regard cheers thanks thank sincerely warmly warm warmest kind many talk speak soon yours respectfully
saludos gracias grüße gruß beste viele liebe mit freundlichen herzliche cordialement salutations merci bien saluti
freundliche grüsse grüssen grüßen lg vg mfg bis bald
bien à vous belle journée bonne amitiés
un saludo saludos cordiales atentamente abrazo abrazos
abraços abraço atenciosamente cumprimentos obrigado obrigada
cordiali distinti un saluto presto buona giornata grazie
met vriendelijke groet groeten hartelijke groetjes
pozdrawiam poważaniem serdecznie pozdrowienia
med vänliga hälsningar vänlig hälsning mvh vennlig hilsen hilsen ystävällisin terveisin parhain
`);

/** Honorifics stripped from the front of a name ("Dr. Weber" is looked up as "Weber"). */
export const HONORIFICS = list(`
Mr Mrs Ms Miss Dr Prof Sir Mr. Mrs. Ms. Dr. Prof. Herr Frau Hr. Fr. Madame Monsieur Mme Mme. M. Mlle Sr Sr. Sra
Sra. Srta. Don Doña Dona Dott Dott. dott dott. Dott.ssa Sig Sig. Sig.ra Signor Signora Ing. heer mevrouw Dhr. Mevr.
Pan Pani Panie Państwo Pana
`);

/** Company-form words ignored when comparing organisation names ("Acme Corp" ≈ "Acme"). */
export const CORPORATE_SUFFIXES = list(`
inc inc. incorporated ltd ltd. limited llc llp plc gmbh ag sa sas bv nv kg co co. corp corp. corporation company
group holdings holding
`);

/** Common Chinese surnames (single character), used to find "王总", "张伟先生". */
export const HAN_SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);

/** Titles that follow a Chinese surname; longest first so "总经理" wins over "经理". */
export const HAN_TITLES = [
  '董事长',
  '总经理',
  '总裁',
  '总监',
  '经理',
  '主任',
  '主管',
  '先生',
  '女士',
  '小姐',
  '老师',
  '博士',
  '教授',
  '院长',
  '校长',
  '老板',
  '总',
];

/** Role words that look like "surname + given name" before a title ("项目经理" is not Mr Xiang). */
export const HAN_ROLE_WORDS = list(
  `项目 产品 销售 客户 技术 市场 运营 采购 财务 部门 区域 大区 总部 门店 店长 副 行政 人事 商务 渠道 品牌 研发 质量 安全 信息 数据 客服`,
);

/** Endings of Chinese organisation names; longest first. */
export const HAN_ORG_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团',
  '公司',
  '科技',
  '物流',
  '快递',
  '银行',
  '保险',
  '证券',
  '医疗',
  '医院',
  '教育',
  '餐饮',
  '零售',
  '制造',
  '实业',
  '控股',
  '传媒',
  '咨询',
  '软件',
  '网络',
  '电子',
  '汽车',
  '地产',
  '食品',
  '药业',
  '能源',
  '航空',
  '总部',
];

/** What may follow an industry word when it is a generic noun ("物流行业"), not the end of a name. */
export const HAN_GENERIC_FOLLOWERS =
  /^(行业|领域|企业|公司|团队|系统|方案|部门|服务|成本|业务|场景|客户|数据|费用|模式|平台|机构|产品)/;

/** Two-character cores that are descriptions, not names ("头部公司", "我们公司"). */
export const HAN_GENERIC_CORES = list(`
头部 大型 中型 小型 中小 上市 国内 国外 海外 本地 当地 全国 其他 同类 同行 合作 知名 领先 传统 互联网 科技 物流 医疗
教育 金融 零售 制造 餐饮 连锁 外资 国有 民营 私营 一家 多家 这家 那家 每家 我们 你们 他们 贵司 我司 本司 该司 客户
用户 企业 行业 保险 银行 快递 公司 集团 家的 的的 子公 分公 母公 总公 新的 老的 大的 小的 所有 各家 这些 那些 不少 很多 许多
`);

/** Characters that cannot sit inside a Chinese name; the name starts after the last of them. */
export const HAN_FUNCTION_CHARS = new Set([
  ...'的了在是和与及或为给对向从把被让用到于等个家位名些这那该贵本我你您他她它们其各每多少很都也就还又再已将会能可要想请由以之而且并但如若因所此使吗呢吧啊',
]);

/** Chinese cities and regions, a gazetteer because Chinese names carry no capital letters. */
export const HAN_PLACES = [
  '北京',
  '上海',
  '天津',
  '重庆',
  '深圳',
  '广州',
  '杭州',
  '苏州',
  '南京',
  '无锡',
  '宁波',
  '成都',
  '武汉',
  '西安',
  '长沙',
  '郑州',
  '合肥',
  '青岛',
  '厦门',
  '福州',
  '济南',
  '大连',
  '沈阳',
  '哈尔滨',
  '长春',
  '昆明',
  '贵阳',
  '南宁',
  '南昌',
  '石家庄',
  '太原',
  '东莞',
  '佛山',
  '珠海',
  '香港',
  '澳门',
  '台北',
  '新加坡',
  '东京',
  '首尔',
  '纽约',
  '伦敦',
  '硅谷',
];

/** Widely used Chinese platforms and business software that drafts name as integrations or channels. */
export const HAN_PLATFORMS = [
  '企业微信',
  '微信',
  '钉钉',
  '飞书',
  '支付宝',
  '淘宝',
  '天猫',
  '京东',
  '抖音',
  '快手',
  '小红书',
  '美团',
  '拼多多',
  '用友',
  '金蝶',
  '销售易',
  '纷享销客',
  '百度',
  '阿里云',
  '腾讯云',
  '华为云',
];
