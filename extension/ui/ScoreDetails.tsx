import type { ReactNode } from 'react';
import type { ResultOf } from '../../shared/common/protocol/define';
import type { Methods } from '../messaging/methods';
import { uiLang } from './ui-lang';

export type DraftScore = ResultOf<Methods, 'host.scoreDraft'>;

/**
 * One draft check, as the Gmail reply and the content studio both show it: the total on a meter, the claims nothing
 * supports (each with its reason, and an optional action such as "show it in the compose"), and every criterion's
 * reason. Labels and test ids come from the caller, so each surface keeps its own wording and hooks.
 */
export function ScoreDetails({
  score,
  labels,
  testIds,
  Heading,
  claimAction,
}: {
  score: DraftScore;
  labels: { total: string; claims: string; noClaims: string };
  testIds: { total: string; claims: string; criteria?: string };
  Heading: 'h3' | 'h4';
  claimAction?: (claim: DraftScore['unsupported'][number]) => ReactNode;
}) {
  const lang = uiLang();
  return (
    <>
      <p data-testid={testIds.total} data-total={score.total}>
        <meter min={0} max={100} low={50} high={75} optimum={100} value={score.total} /> {labels.total}
      </p>
      <Heading>{labels.claims}</Heading>
      {score.unsupported.length === 0 ? (
        <p className="muted">{labels.noClaims}</p>
      ) : (
        <ul data-testid={testIds.claims}>
          {score.unsupported.map((c, i) => (
            <li key={`${c.start}-${i}`} data-claim={c.text}>
              <q>{c.text}</q> — {c.reason[lang]}
              {claimAction && <> {claimAction(c)}</>}
            </li>
          ))}
        </ul>
      )}
      <ul className="criteria" {...(testIds.criteria ? { 'data-testid': testIds.criteria } : {})}>
        {score.criteria.map((c) => (
          <li key={c.id} data-status={c.status}>
            <span aria-hidden="true">{c.status === 'pass' ? '✓' : '⚠'}</span> {c.reason[lang]}
          </li>
        ))}
      </ul>
    </>
  );
}
