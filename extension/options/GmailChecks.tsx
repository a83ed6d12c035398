import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../messaging/client';
import type { ResultOf } from '../../shared/common/protocol/define';
import type { Methods } from '../messaging/methods';
import { gmailEvidence } from '../hosts/gmail/selectors';
import { featureName } from '../ui/gmail-feature-name';

/** The Gmail self-check as the last open Gmail tab reported it: which features work on this layout. */
export function GmailChecks() {
  const [report, setReport] = useState<ResultOf<Methods, 'page.gmailChecks'> | undefined>(undefined);
  useEffect(() => {
    request('page.gmailChecks', {}).then(setReport, () => setReport(null));
  }, []);
  return (
    <section aria-labelledby="gmail-checks-h" data-testid="gmail-checks">
      <h2 id="gmail-checks-h">{i18n.t('options.gmailChecks')}</h2>
      <p className="muted" data-testid="gmail-evidence-date">
        {i18n.t('options.gmailEvidence', [gmailEvidence.date, gmailEvidence.fixtures])}
      </p>
      {report === null && <p className="muted">{i18n.t('options.gmailChecksNone')}</p>}
      {report && (
        <ul>
          {report.checks.map((c) => (
            <li key={c.feature} data-ok={c.ok} data-idle={c.idle === true}>
              {c.ok ? '✓' : c.idle ? '–' : '✗'} {featureName(c.feature)}:{' '}
              {i18n.t(c.ok ? 'options.check.ok' : c.idle ? 'options.check.idle' : 'options.check.fault')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
