import { normalizeForMatch } from './text-utils';

/** Lower case without accents, one character for one ("ł" → "l", "ø" → "o"), so cue offsets index the draft. */
function fold(text: string): string {
  const folded = normalizeForMatch(text).replace(/ł/g, 'l').replace(/ø/g, 'o');
  return folded.length === text.length ? folded : text.toLowerCase();
}

/**
 * Claims that are not numbers, compared by what they mean: an offer (a service included or free), a guarantee, an
 * on-site visit, a commitment. A claim is backed when a grounding clause makes the same kind of statement about the
 * same thing, in any wording of the same language: cue lexicons say what kind of statement a clause makes, and a
 * synonym table maps the words for the usual sales objects (onboarding, training, support, migration, an account
 * manager…) in en, zh, de, fr, es, pt, it, nl, pl, sv, nb and fi to one concept.
 */

export type MeaningGroup = 'offer' | 'guarantee' | 'visit' | 'commit';

/** Cue words per kind of statement; Latin entries are matched at a word start on accent-folded lower case. */
const CUES: Array<[MeaningGroup, RegExp]> = [
  [
    'offer',
    /\b(?:inclu|comprend|comprenn|comprende|comprenden|compreend|contain|bevat|enthalt|umfasst|innehall|omfattar|inneholder|sisalta|comes with|part of the package|covers|at no (?:extra|additional) cost|free|complimentary|inklusive|inkl\b|enthalten|inbegriffen|kostenlos|gratis|ohne aufpreis|compris|inclus|offert|sans (?:frais|supplement)|incluid|incluy|sin coste|sin costo|sem custo|incluid|gratuit|incluso|inclusa|compres|senza costi|inbegrepen|zonder meerprijs|kosteloos|w cenie|wliczon|obejmuje|bezplatn|darmow|bez doplat|ingar|kostnadsfri|inkluder|sisalty|ilmai|maksuton)|包含|包括|含在|免费|不另外收费|不额外收费|赠送/giu,
  ],
  [
    'guarantee',
    /\b(?:guarant|warrant|money-back|refund|garant|zugesichert|rembours|devoluci|devoluc|rimborsat|geld-terug|geld-zuruck|gwarant|zwrot|pengarna-tillbaka|refusjon|takuu|taattu|takaa|sla\b)|保证|保障|退款|服务等级协议|写入合同|承诺(?=.{0,6}(?:可用|响应))/giu,
  ],
  [
    'visit',
    /\b(?:on[- ]site|onsite|visit|come by|come to (?:your|our)|vor ort|besuch|vorbei|ins haus|zu ihnen|zu uns|sur site|se deplacer|dans vos locaux|passera|chez vous|in situ|sus instalaciones|sus oficinas|visita|presencial|ate (?:ai|o seu)|in sede|sopralluogo|da voi|op locatie|langs|bezoek|przyjedzie|przyjechac|odwiedzi|u panstwa|pa plats|besok|till ert kontor|kommer ut|ut til (?:dere|deg)|hos dere|pa besok|paikan paalle|tulee kaymaan|toimistollanne|luonanne)|上门|到现场|现场|到场|派人/giu,
  ],
  [
    'commit',
    /\b(?:commit(?:s|ted|ting|ment)?\b|promis|pledge|verpflicht|zusag|zugesagt|sagen (?:ihnen )?.{0,40}zu\b|engageons|engage|comprometemos|comprometo|compromet|impegn|verbinden ons|beloven|beloofd|zobowiazuj|obiecal|atar oss|lovar|utlovat|forplikter|lover|lovet|sitoudu|lupaa|lupas)|承诺|保证会|一定会/giu,
  ],
];

/**
 * The usual objects of offers and guarantees, one concept per line: word starts (accent-folded, lower case) for Latin
 * scripts and substrings for Chinese. A draft's "Onboarding" and the product facts' "Einrichtung" meet here.
 */
const CONCEPTS: Array<[string, string[]]> = [
  [
    'setup',
    'onboard setup set-up installation implement einricht inbetrieb mise-en-place paramétrage parametrage puesta implantaci configuracao configuração attivazion avviament implementati inricht wdrozen uruchomien inforande uppstart oppstart igangsett kayttoonot 上线 部署 安装 实施 开通'.split(
      ' ',
    ),
  ],
  [
    'training',
    'train schulung formation formaci treinament formazion corso szkolen utbildning opplaering opplæring koulutu 培训'.split(
      ' ',
    ),
  ],
  [
    'support',
    'support assistan soporte atencion suporte atendiment assistenz ondersteun wsparc tuki tuen hotline 技术支持 支持 服务'.split(
      ' ',
    ),
  ],
  [
    'migration',
    'migrat migrac datenubernahme reprise traspaso importac migrazion trasferiment overzet datamigrat przeniesien migracj migrering flytt siirto 迁移 导入'.split(
      ' ',
    ),
  ],
  [
    'manager',
    'success manager account ansprechpartner kundenbetreu interlocuteur charge_de_compte chargee_de_compte gestor gerente referente accountmanager opiekun kundansvar 客户经理 客户成功'.split(
      ' ',
    ),
  ],
  ['sso', 'sso single sign-on single-sign'.split(' ')],
  ['review', 'review business-review quartalsgesprach bilan revision revisao revisione 复盘 回顾'.split(' ')],
  [
    'priority',
    'priorit bevorzugt premium prioritair prioritar voorrang priorytet fortur etusij ensisijai 优先'.split(' '),
  ],
  ['uptime', 'uptime availab verfugbar disponib beschikbaar dostepn tillganglig oppetid kaytettav 可用'.split(' ')],
  ['refund', 'refund money-back rembours devoluci devoluc rimbors geld zwrot pengar refusjon rahat 退款 退'.split(' ')],
  [
    'response',
    'response reaktion reponse respuesta resposta rispost reactie reakcj svarstid svartid vasteai 响应'.split(' '),
  ],
  [
    'integration',
    'integrat schnittstell connecteur integraci integrac integrazion koppeling integracj integrasjon integraat 对接 集成'.split(
      ' ',
    ),
  ],
  [
    'meeting',
    'meeting call check-in status weekly wochentlich hebdomadaire semanal settimanal wekelijks cotygodniow veckovis ukentlig viikoittai 会议'.split(
      ' ',
    ),
  ],
  [
    'engineer',
    'engineer developer entwickler ingenieur ingeniero engenheiro ingegner engineer inzynier utvecklare utvikler kehittaj 工程师 驻场 派驻'.split(
      ' ',
    ),
  ],
  [
    'extension',
    'extend extension verlanger prolong extensi prorog verlenging przedluz forlang forleng pidenn 延长'.split(' '),
  ],
];

const LATIN_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MIN_STEM = 5;
/** Words this long may be compounds; roots this long are specific enough to find inside one. */
const COMPOUND_MIN = 10;
const COMPOUND_ROOT = 7;
/** Longest text read per clause: a "clause" thousands of characters long is not one, and its start says enough. */
const MAX_CLAUSE_CHARS = 2_000;

/** Latin word starts → concept, Han words and multi-word roots → concept; built once. */
const LATIN_ROOTS = new Map<string, string>();
const PHRASE_ROOTS: Array<[string, string]> = [];
for (const [concept, roots] of CONCEPTS)
  for (const root of roots) {
    // "charge_de_compte": several words, matched as a phrase.
    if (/\p{Script=Han}|_/u.test(root)) PHRASE_ROOTS.push([root.replace(/_/g, ' '), concept]);
    else LATIN_ROOTS.set(root, concept);
  }
const ROOT_LENGTHS = [...new Set([...LATIN_ROOTS.keys()].map((r) => r.length))];

/** Pairs of Han characters and Latin word starts too common in sales mail to say what a sentence is about. */
const HAN_STOP_BIGRAMS = new Set([
  '我们',
  '你们',
  '您的',
  '贵司',
  '可以',
  '已经',
  '之前',
  '另外',
  '还有',
  '如果',
  '这个',
  '一下',
]);
const LATIN_STOP_STEMS = [
  'which',
  'their',
  'about',
  'there',
  'these',
  'those',
  'would',
  'could',
  'shoul',
  'every',
  'other',
];

/**
 * The concepts a text talks about: synonym-table concepts, plus five-letter word starts (Han bigrams) for anything
 * else. `others` holds the word starts and bigrams that are not themselves a table concept's words.
 */
export function conceptsOf(text: string): { table: Set<string>; stems: Set<string>; others: Set<string> } {
  // The cue words say what kind of statement it is, not what it is about.
  let folded = fold(text.slice(0, MAX_CLAUSE_CHARS));
  for (const [, re] of CUES) folded = folded.replace(re, ' ');
  const table = new Set<string>();
  const stems = new Set<string>();
  const others = new Set<string>();
  const tokens = new Set(folded.replace(/\p{Script=Han}+/gu, ' ').match(LATIN_TOKEN) ?? []);
  for (const token of tokens) {
    let named = false;
    for (const part of [token, ...(token.includes('-') ? token.split('-') : [])])
      for (const len of ROOT_LENGTHS) {
        const concept = part.length >= len ? LATIN_ROOTS.get(part.slice(0, len)) : undefined;
        if (concept) {
          table.add(concept);
          named = true;
        }
      }
    // Compounds name their object last ("Administratörsutbildning", "Premiumsupport"): long roots inside a word count.
    if (token.length >= COMPOUND_MIN)
      for (let i = 3; i + COMPOUND_ROOT <= token.length; i++)
        for (const len of ROOT_LENGTHS) {
          if (len < COMPOUND_ROOT) continue;
          const concept = LATIN_ROOTS.get(token.slice(i, i + len));
          if (concept) table.add(concept);
        }
    if (token.length >= MIN_STEM && !/^\d/.test(token)) {
      stems.add(token.slice(0, MIN_STEM));
      if (!named) others.add(token.slice(0, MIN_STEM));
    }
  }
  let unnamed = folded;
  for (const [root, concept] of PHRASE_ROOTS)
    if (folded.includes(root)) {
      table.add(concept);
      if (/\p{Script=Han}/u.test(root)) unnamed = unnamed.split(root).join(' ');
    }
  for (const m of folded.matchAll(/\p{Script=Han}{2,}/gu))
    for (let i = 0; i + 1 < m[0].length; i++) {
      const bigram = m[0].slice(i, i + 2);
      if (!HAN_STOP_BIGRAMS.has(bigram)) stems.add(bigram);
    }
  for (const m of unnamed.matchAll(/\p{Script=Han}{2,}/gu))
    for (let i = 0; i + 1 < m[0].length; i++) {
      const bigram = m[0].slice(i, i + 2);
      if (!HAN_STOP_BIGRAMS.has(bigram)) others.add(bigram);
    }
  for (const w of LATIN_STOP_STEMS) {
    stems.delete(w);
    others.delete(w);
  }
  return { table, stems, others };
}

const SERVICE_LEVELS = ['uptime', 'response', 'refund'];

/** True when a text names a service level (uptime, response time, a refund): what an SLA guarantees. */
export function namesServiceLevel(text: string): boolean {
  const { table } = conceptsOf(text);
  return SERVICE_LEVELS.some((c) => table.has(c));
}

/**
 * In grounding, someone coming over is enough for a visit ("un técnico irá ese día", "en tekniker kommer den
 * dagen"); in a draft those verbs are too common to be read as a promise of a visit on their own.
 */
const GROUNDING_COME =
  /\b(?:come|coming|comes|kommt|kommen|komme|kommer|vient|viendra|passera|venir|ira|vai ate|vira|verra|komt|langs|przyjedzie|przyjechac|tulee)\b|派人|过来|到现场|上门/u;
const GROUNDING_PERSON =
  /\b(?:someone|somebody|technician|engineer|jemand|techniker|quelqu'un|technicien|alguien|tecnico|alguem|qualcuno|iemand|monteur|technicus|ktos|technik|serwisant|nagon|noen|tekniker|joku|asentaja)\b|工程师|人/u;

/** The kinds of statement a text makes. */
export function groupsOf(text: string): Set<MeaningGroup> {
  const folded = fold(text.slice(0, MAX_CLAUSE_CHARS));
  const out = new Set<MeaningGroup>();
  if (GROUNDING_COME.test(folded) && GROUNDING_PERSON.test(folded)) out.add('visit');
  for (const [group, re] of CUES) {
    re.lastIndex = 0;
    if (re.test(folded)) out.add(group);
    re.lastIndex = 0;
  }
  return out;
}

/** One grounding clause, read once per check. */
export interface MeaningClause {
  groups: Set<MeaningGroup>;
  table: Set<string>;
  stems: Set<string>;
  others: Set<string>;
}

const CLAUSE_SPLIT = /[!?;。！？\n]|\.(?=\s|$)/u;

/** Splits grounding into clauses and reads what each states. */
export function meaningClauses(text: string, max = 2_000): MeaningClause[] {
  const out: MeaningClause[] = [];
  for (const clause of text.split(CLAUSE_SPLIT)) {
    if (out.length >= max) break;
    if (clause.trim().length < 3) continue;
    const { table, stems, others } = conceptsOf(clause);
    out.push({ groups: groupsOf(clause), table, stems, others });
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * True when some grounding clause backs a claim of kind `group` made in `sentence`. Offers and guarantees need the
 * same object (a synonym-table concept when the sentence names one, otherwise two shared word starts); a visit needs
 * a visit agreed anywhere in the grounding; a commitment needs a clause saying the same thing (the thread's own
 * "we will deliver X by D" backs "we commit to delivering X by D").
 */
export function meaningSupported(
  group: MeaningGroup,
  sentence: string,
  clauses: readonly MeaningClause[],
  cue = '',
): boolean {
  const { table, stems, others } = conceptsOf(sentence);
  // "Closer includes Deal Radar", "包含50个账号": describing what a plan contains is backed by any clause about the same
  // things; "free", "gratis", "免费" promise a price and need an offer in the grounding.
  const describes = group === 'offer' && INCLUDE_CUE.test(fold(cue));
  for (const c of clauses) {
    if (group === 'visit') {
      if (c.groups.has('visit')) return true;
      continue;
    }
    if (group === 'commit') {
      // Most of what is committed to must be in one clause of the thread: "a dedicated success manager for every
      // location" is not backed by "a success manager on the Enterprise plan".
      const shared = overlap(table, c.table) + overlap(stems, c.stems);
      const size = table.size + stems.size;
      if (shared >= 2 && shared >= 0.45 * size) return true;
      continue;
    }
    // Describing a plan ("including the DATEV integration") is backed by a clause about the same thing that offers
    // nothing itself; it must share more than the service's name, or a signature's "客户经理" would back
    // "一对一客户经理也包含在内".
    const compatible =
      c.groups.has(group) ||
      (group === 'guarantee' && c.groups.has('commit')) ||
      (describes && (table.size === 0 || overlap(others, c.others) > 0));
    if (!compatible) continue;
    if (table.size > 0) {
      if (overlap(table, c.table) > 0) return true;
      continue;
    }
    if (stems.size > 0 && overlap(stems, c.stems) >= Math.min(2, Math.ceil(stems.size / 2))) return true;
  }
  return false;
}

const INCLUDE_CUE =
  /^(?:inclu|comes with|part of|covers|inklusive|inkl|enthalten|inbegriffen|compris|inclus|incluid|incluy|incluso|inclusa|compres|inbegrepen|w cenie|wliczon|obejmuje|ingar|inkluder|sisalty|包含|包括|含在)/u;

/** Where cue words sit in a draft, with their group. */
export function findCues(text: string): Array<{ start: number; end: number; group: MeaningGroup }> {
  const source = fold(text);
  const out: Array<{ start: number; end: number; group: MeaningGroup }> = [];
  for (const [group, re] of CUES) {
    re.lastIndex = 0;
    for (const m of source.matchAll(re)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, group });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
