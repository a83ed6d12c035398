import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';
import type { PersonaProfile } from '../../../shared/common/recommend';
import { errorMessage } from './catalogue-client';
import { RecommendationList, methodText } from '../../ui/RecommendationList';

type Answer = ResultOf<Methods, 'recommend.forContact'>;
const LIST_FIELDS = ['interests', 'painPoints', 'goals'] as const;
const TEXT_FIELDS = ['buyingStage', 'segment', 'role'] as const;

const splitList = (text: string) =>
  text
    .split(/[;；\n]/)
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 12);

/** Try the recommender on a persona typed here, or on the persona stored for a contact's email. */
export function RecommendForPersona() {
  const emailId = useId();
  const baseId = useId();
  const [email, setEmail] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const persona: PersonaProfile = {};
    for (const f of LIST_FIELDS) if (splitList(values[f] ?? '').length) persona[f] = splitList(values[f] ?? '');
    for (const f of TEXT_FIELDS) if (values[f]?.trim()) persona[f] = values[f].trim();
    setBusy(true);
    try {
      setAnswer(await request('recommend.forContact', email.trim() ? { email: email.trim() } : { persona }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cat-rec-h">
      <h3 id="cat-rec-h">{i18n.t('catalogue.recommend.title')}</h3>
      <p className="muted">{i18n.t('catalogue.recommend.help')}</p>
      <form className="ask" onSubmit={(e) => void submit(e)} data-testid="recommend-form">
        <label htmlFor={emailId}>{i18n.t('catalogue.recommend.email')}</label>
        <input id={emailId} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        {[...LIST_FIELDS, ...TEXT_FIELDS].map((f) => (
          <div key={f}>
            <label htmlFor={`${baseId}-${f}`}>
              {i18n.t(`catalogue.recommend.${f}`)}
              {(LIST_FIELDS as readonly string[]).includes(f) && (
                <span className="muted"> ({i18n.t('catalogue.recommend.listHint')})</span>
              )}
            </label>
            <input
              id={`${baseId}-${f}`}
              data-testid={`recommend-${f}`}
              value={values[f] ?? ''}
              disabled={email.trim() !== ''}
              onChange={(e) => setValues({ ...values, [f]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit" disabled={busy} data-testid="recommend-run">
          {i18n.t('catalogue.recommend.run')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <div role="status" data-testid="recommend-answer" data-method={answer.method}>
          <p className="muted" data-testid="recommend-method">
            {methodText(answer.method)}
          </p>
          {answer.personaSource === 'none' ? (
            <p>{i18n.t('catalogue.recommend.noPersona')}</p>
          ) : answer.catalogueSize === 0 ? (
            <p>{i18n.t('catalogue.recommend.emptyCatalogue')}</p>
          ) : answer.results.length === 0 ? (
            <p>{i18n.t('catalogue.recommend.none')}</p>
          ) : (
            <RecommendationList results={answer.results} />
          )}
        </div>
      )}
    </section>
  );
}
