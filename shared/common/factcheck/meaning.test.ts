import { describe, expect, it } from 'vitest';
import { factCheck } from './check';

const flagged = (draft: string, grounding: string[]): string[] =>
  factCheck(draft, grounding).unsupported.map((u) => u.text);

describe('greetings, honorifics and sign-offs in other languages are not claims', () => {
  it.each([
    ['Olá Rafael,', 'Abraços,\nMariana'],
    ['Hei Ingrid,', 'Vennlig hilsen\nHenrik'],
    ['Grüezi Herr Brandt,', 'Freundliche Grüsse\nMartin'],
    ['Guten Tag Herr Brandt,', 'Mit freundlichen Grüßen\nMartin'],
    ['Estimado Sr. Navarro:', 'Atentamente,\nPablo'],
    ['Bonjour Madame Garnier,', 'Bien cordialement,\nClaire'],
    ['Dzień dobry Agnieszka,', 'Pozdrawiam,\nMagda'],
    ['Moi Mikko!', 'Ystävällisin terveisin,\nJussi'],
    ['Beste Sanne,', 'Met vriendelijke groet,\nLotte'],
    ['王总，您好：', '顺祝商祺\n周晓峰'],
  ])('%s … %s', (greeting, signoff) => {
    const grounding = [
      'CRM (recipient): Rafael Monteiro; Ingrid Hansen; Jonas Brandt; Diego Navarro; Élodie Garnier; Agnieszka Nowak; Mikko Korhonen; Sanne de Vries; 王伟。',
      'Sender: Mariana, Henrik, Martin, Pablo, Claire, Magda, Jussi, Lotte, 周晓峰.',
    ];
    expect(flagged(`${greeting}\n\nDanke.\n\n${signoff}`, grounding)).toEqual([]);
  });

  it('does not take German common nouns for names, but still finds an unknown company', () => {
    const grounding = ['Produktinfos: Alle Pakete enthalten die Einrichtung. Zertifizierter Partner: DATEV.'];
    expect(flagged('Die Einrichtung ist bereits im Preis enthalten, ohne Aufpreis.', grounding)).toEqual([]);
    expect(flagged('Unsere Anbindung an Oracle ist für Sie zertifiziert.', grounding)).toEqual(['Oracle']);
  });
});

describe('claims that are not numbers, by meaning', () => {
  const DE = ['Produktinfos: Alle Pakete enthalten die Einrichtung und eine Schulung für Administratoren.'];
  it('backs a paraphrased included service and flags one the product facts do not offer', () => {
    expect(flagged('Das Onboarding ist bereits im Preis enthalten.', DE)).toEqual([]);
    expect(flagged('Außerdem: die Migration Ihrer Bestandsdaten ist ebenfalls inklusive.', DE)).toEqual(['inklusive']);
  });

  it('flags a guarantee that was never given, in French and Chinese', () => {
    const fr = ['SLA : disponibilité de 99,9 % par mois, garantie contractuellement.'];
    expect(flagged('Nous vous garantissons une disponibilité de 99,9 %.', fr)).toEqual([]);
    expect(flagged('Vous profitez aussi d’une garantie satisfait ou remboursé de 30 jours.', fr)).not.toEqual([]);
    expect(flagged('而且我们保证一小时内响应。', ['服务等级协议：每月可用性99.9%。'])).toContain('保证');
  });

  it('flags an on-site visit when the thread agreed a video call', () => {
    expect(
      flagged('Am 12.05. besucht Sie unser Techniker vor Ort.', ['Verlauf: Eine Videokonferenz am 12.05.2026 reicht.']),
    ).not.toEqual([]);
    expect(
      flagged('Am 12.05. ist unser Techniker wie besprochen bei Ihnen vor Ort.', [
        'Verlauf: Kann am 12.05.2026 jemand zu uns kommen? Ja, ein Techniker kommt an dem Tag vorbei.',
      ]),
    ).toEqual([]);
  });

  it('finds the object of a compound word and the verb forms of "include"', () => {
    const sv = ['Produktfakta: Alla paket innehåller utbildning för administratörer.'];
    expect(flagged('Administratörsutbildning ingår redan i priset.', sv)).toEqual([]);
    expect(flagged('Datamigrering ingår också.', sv)).toEqual(['ingår']);
    const pt = ['Ficha do produto: Todos os planos incluem a migração de dados.'];
    expect(flagged('A importação dos seus dados já está incluída no preço.', pt)).toEqual([]);
  });

  it('does not let a job title in a signature back an included service', () => {
    const grounding = ['产品资料：所有套餐均包含系统部署和上线培训。', '发件人：孙丽，星桥数据客户经理。'];
    expect(flagged('一对一客户经理也包含在内。', grounding)).not.toEqual([]);
    expect(flagged('系统部署也包含在内。', grounding)).toEqual([]);
  });

  it('reads a promised service level as a guarantee the SLA backs', () => {
    const sla = ['产品资料：服务等级协议：每月可用性99.9%，写入合同。'];
    expect(flagged('合同里承诺系统可用性达到99.9%。', sla)).toEqual([]);
    expect(flagged('我们还承诺首月派驻一名工程师。', sla)).toContain('承诺');
    expect(flagged('We commit to 99.9% uptime.', ['SLA: 99.9% monthly uptime, guaranteed in the contract.'])).toEqual(
      [],
    );
  });

  it('does not read an earlier promise reported, or a contract term, as a new promise', () => {
    const thread = ['往来邮件：马浩：我们承诺8月6日前完成与钉钉的对接。'];
    expect(flagged('如之前承诺的，钉钉对接会在8月6日前完成。', thread)).toEqual([]);
    const price = ['Fiche produit : 20 € par utilisateur et par mois ; remise de 10 % sur les contrats annuels.'];
    expect(flagged('Avec la remise de 10 % pour un engagement annuel, cela fait 18 € par mois.', price)).toEqual([]);
    expect(flagged('With a 12-month commitment the price is $18.', ['12-month contracts: $18 per user.'])).toEqual([]);
  });

  it('backs "commit to" when the thread made the commitment, not an extra one', () => {
    const thread = [
      'Thread: Tom: We will deliver the HubSpot integration by October 7, 2026, as promised on the call.',
    ];
    expect(flagged('We commit to delivering the HubSpot integration by October 7.', thread)).toEqual([]);
    expect(flagged('We also commit to weekly check-in calls until launch.', thread)).not.toEqual([]);
    // Words of the sentence before ("October") do not make the next promise the thread's.
    expect(
      flagged('The rollout ends by October 7. We also commit to weekly check-in calls until launch.', thread),
    ).toContain('commit to');
  });
});
