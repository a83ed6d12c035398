/**
 * `npm run -s eval:nb-public`: naive Bayes on public data, printed as JSON:
 * - Parakweet email sentences "does it ask for something" (train file → test file);
 * - SMS spam, de-duplicated, seeded stratified 80/20 split. Exit code 1 if spam test accuracy < 97%.
 */
import { NB_SEED, evaluateParakweet, evaluateSpam, round, summary } from './nb-experiments';

const SPAM_TARGET = 0.97;

const parakweet = evaluateParakweet();
const spam = evaluateSpam();
const spamRow = spam.report.perLabel.spam;
const pass = spam.report.accuracy >= SPAM_TARGET;

console.log(
  JSON.stringify(
    {
      parakweet: {
        train: parakweet.train,
        ...summary(parakweet.report),
        majority_baseline: round(parakweet.majorityBaseline),
      },
      sms_spam: {
        seed: NB_SEED,
        train: spam.train,
        ...summary(spam.report),
        spam_precision: round(spamRow?.precision ?? 0),
        spam_recall: round(spamRow?.recall ?? 0),
        target_accuracy: SPAM_TARGET,
        pass,
      },
    },
    null,
    2,
  ),
);
if (!pass) {
  console.error(`spam test accuracy ${spam.report.accuracy.toFixed(4)} is below the ${SPAM_TARGET} target`);
  process.exitCode = 1;
}
