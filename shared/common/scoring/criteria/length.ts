import type { ScoringContext } from '../context';
import { criterion, describeTarget } from '../criterion';
import type { Criterion } from '../types';

/** Cold sales emails that get replies are short: 50–200 words, or 80–400 Chinese characters. */
const LENGTH_TARGET = { en: { min: 50, max: 200 }, zh: { min: 80, max: 400 } };
/** Reading speed: about 238 English words or 300 Chinese characters a minute. */
const PER_MINUTE = { en: 238, zh: 300 };
const READING_TARGET = { max: 60 };

/** Body length and estimated reading time. */
export function lengthCriteria(ctx: ScoringContext): Criterion[] {
  const target = LENGTH_TARGET[ctx.language];
  const unitEn = ctx.language === 'zh' ? 'characters' : 'words';
  const unitZh = ctx.language === 'zh' ? '字' : '个词';
  const n = ctx.units;
  const tooShort = target.min !== undefined && n < target.min;
  const length = criterion('length', n, target, 150, {
    en:
      n === 0
        ? 'The body is empty.'
        : tooShort
          ? `${n} ${unitEn}: too short to say why you are writing (target ${describeTarget(target)}).`
          : n > target.max
            ? `${n} ${unitEn}: long for a first email; cut to ${target.max} or fewer.`
            : `${n} ${unitEn}: a good length (target ${describeTarget(target)}).`,
    zh:
      n === 0
        ? '正文为空。'
        : tooShort
          ? `${n} ${unitZh}：太短，说不清来意（目标 ${describeTarget(target)}）。`
          : n > target.max
            ? `${n} ${unitZh}：作为首封邮件偏长，建议删减到 ${target.max} 以内。`
            : `${n} ${unitZh}：长度合适（目标 ${describeTarget(target)}）。`,
  });
  const seconds = Math.round((n / PER_MINUTE[ctx.language]) * 60);
  const reading = criterion('reading_time', seconds, READING_TARGET, 60, {
    en:
      seconds <= READING_TARGET.max
        ? `About ${seconds} s to read: fits a quick scan.`
        : `About ${seconds} s to read: most prospects skim for under a minute.`,
    zh:
      seconds <= READING_TARGET.max
        ? `阅读约 ${seconds} 秒，便于快速浏览。`
        : `阅读约 ${seconds} 秒，多数客户只会花不到一分钟浏览。`,
  });
  return [length, reading];
}
