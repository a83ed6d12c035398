import { i18n } from '#i18n';
import type { GmailPageState } from '../../messaging/page-state';
import type { Analysis } from './use-analysis';
import { ContactPersona } from './ContactPersona';
import { signatureFacts } from '../../../shared/common/text/signature-facts';

type Thread = NonNullable<GmailPageState['thread']>;

/** Who the rep is talking to: the other side's latest sender, with how they last came across. */
export function ContactCard({ thread, analysis }: { thread: Thread; analysis: Map<string, Analysis> }) {
  const theirs = thread.messages.filter((m) => m.from.email !== thread.selfEmail);
  const last = theirs.at(-1);
  if (!last) return null;
  const a = analysis.get(last.id);
  const domain = last.from.email.split('@')[1] ?? '';
  // The newest signature this sender put under a message: its title, company and phone, offered as facts.
  const signed = theirs.findLast((m) => m.from.email === last.from.email && m.signatureText);
  const facts = signed ? signatureFacts(signed.signatureText, signed.from.name) : null;
  const factList = facts ? [facts.title, facts.company, facts.phone].filter(Boolean) : [];
  return (
    <section className="contact" aria-labelledby="contact-h" data-testid="contact">
      <h2 id="contact-h">{last.from.name || last.from.email}</h2>
      <p className="muted">
        {last.from.email}
        {domain ? ` · ${domain}` : ''} · {i18n.t('gmail.messagesFromThem', [String(theirs.length)])}
      </p>
      {a && (
        <p>
          {a.intent ? `${i18n.t('gmail.intent')} ${i18n.t(`intents.${a.intent.label}` as 'intents.interested')}` : ''}
          {a.sentiment ? ` · ${i18n.t('gmail.sentiment')} ${i18n.t(`gmail.sentiments.${a.sentiment.label}`)}` : ''}
        </p>
      )}
      {factList.length > 0 && facts && (
        <p data-testid="signature-facts">
          {i18n.t('gmail.signatureFacts', [''])}
          {(['title', 'company', 'phone'] as const)
            .filter((k) => facts[k])
            .map((k, i) => (
              <span key={k}>
                {i > 0 ? ' · ' : ''}
                <span data-fact={k}>{facts[k]}</span>
              </span>
            ))}
        </p>
      )}
      <ContactPersona email={last.from.email} />
    </section>
  );
}
