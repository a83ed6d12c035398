import { i18n } from '#i18n';
import type { FormatIssue } from '../../../shared/common/studio';
import { ScoreDetails, type DraftScore } from '../../ui/ScoreDetails';

export type Score = DraftScore;

export function issueText(issue: FormatIssue): string {
  switch (issue.code) {
    case 'too_long':
      return issue.label
        ? i18n.t('studio.check.issue.tooLong', [issue.label, String(issue.chars), String(issue.max)])
        : i18n.t('studio.check.issue.tooLongWhole', [String(issue.chars), String(issue.max)]);
    case 'too_many_hashtags':
      return i18n.t('studio.check.issue.tooManyHashtags', [String(issue.count), String(issue.max)]);
    case 'too_many_emoji':
      return i18n.t('studio.check.issue.tooManyEmoji', [String(issue.count), String(issue.max)]);
    case 'missing_line':
      return i18n.t('studio.check.issue.missingLine', [issue.label]);
    case 'sections':
      return i18n.t('studio.check.issue.sections', [String(issue.count), String(issue.min), String(issue.max)]);
    case 'no_scenes':
      return i18n.t('studio.check.issue.noScenes');
    case 'voiceover_too_long':
      return i18n.t('studio.check.issue.voiceoverTooLong', [String(issue.words), String(issue.max)]);
    case 'banned_word':
      return i18n.t('studio.check.issue.bannedWord', [issue.word]);
  }
}

/** The score, claims nothing supports (each with its reason), and the format and brand-voice issues. */
export function StudioCheck({
  score,
  scoring,
  error,
  issues,
}: {
  score: Score | null;
  scoring: boolean;
  error: string | null;
  issues: FormatIssue[];
}) {
  return (
    <section aria-labelledby="studio-check-h" data-testid="studio-check">
      <h3 id="studio-check-h">{i18n.t('studio.check.title')}</h3>
      {scoring && (
        <p className="muted" role="status">
          {i18n.t('studio.check.scoring')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {i18n.t('studio.check.error', [error])}
        </p>
      )}
      {score && (
        <ScoreDetails
          score={score}
          Heading="h4"
          labels={{
            total: i18n.t('studio.check.total', [String(Math.round(score.total))]),
            claims: i18n.t('studio.check.claims'),
            noClaims: i18n.t('studio.check.noClaims'),
          }}
          testIds={{ total: 'studio-score', claims: 'studio-claims' }}
        />
      )}
      <h4>{i18n.t('studio.check.format')}</h4>
      {issues.length === 0 ? (
        <p className="muted">{i18n.t('studio.check.formatOk')}</p>
      ) : (
        <ul data-testid="studio-issues">
          {issues.map((issue, i) => (
            <li key={i} data-code={issue.code}>
              ⚠ {issueText(issue)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
