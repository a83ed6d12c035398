import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NaiveBayes, SALES_INTENTS, spamProbability } from '../../shared/common/ml/naive-bayes/index';
import { evalIntentCli } from './intent-eval';
import { REPO_ROOT } from './nb-data';
import { crossValidate, loadIntents } from './nb-experiments';

function loadShipped(name: string): NaiveBayes {
  return NaiveBayes.fromJSON(JSON.parse(readFileSync(resolve(REPO_ROOT, `public/models/${name}/model.json`), 'utf8')));
}

describe('shipped intent model', () => {
  const model = loadShipped('intent-nb');

  it('has every intent and the reply tokenizer', () => {
    expect(model.labels).toEqual([...SALES_INTENTS]);
    expect(model.tokenizer.stripQuotedReply).toBe(true);
    expect(model.meta.date).toBe('2026-11-28');
  });

  it.each([
    ['Please remove me from your mailing list.', 'unsubscribe'],
    ['Automatic reply: I am out of the office until Monday with limited access to email.', 'out_of_office'],
    ['Delivery Status Notification (Failure)\n550 5.1.1 User unknown', 'bounce'],
    ['Tuesday at 3pm works for a call, send me an invite.', 'meeting_request'],
    ["I'm not the right person, please talk to our head of sales, Maria.", 'referral'],
    ['Too expensive for us, we have no budget.', 'objection_price'],
    ['退订', 'unsubscribe'],
    ['自动回复：我正在休假，下周一回来。', 'out_of_office'],
    ['很抱歉您发送的邮件被退回，收件人邮箱地址不存在。', 'bounce'],
    ['可以，周四下午两点开个视频会议吧。', 'meeting_request'],
    ['太贵了，今年没有预算。', 'objection_price'],
  ])('%s → %s', (text, intent) => {
    expect(model.predict(text).label).toBe(intent);
  });

  it('ignores our quoted outreach', () => {
    const reply =
      'Remove me please.\n\nOn Mon, Oct 6, 2025 at 2:11 PM Sam <sam@closer.ai> wrote:\n> Can we book a demo call?';
    const p = model.predict(reply);
    expect(p.label).toBe('unsubscribe');
    expect(p.features.map((f) => f.token)).toContain('remove');
  });
});

describe('shipped spam model', () => {
  const model = loadShipped('spam-nb');

  it('scores obvious spam high and ordinary mail low', () => {
    expect(
      spamProbability(model, 'WINNER!! You have won a £1000 cash prize. Call 09061701461 now to claim.'),
    ).toBeGreaterThan(0.9);
    expect(spamProbability(model, 'Hi Tom, are we still on for lunch tomorrow? Let me know.')).toBeLessThan(0.1);
    const empty = spamProbability(model, '');
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(0.5);
  });
});

describe('held-out accuracy', () => {
  it('intents: 5-fold accuracy stays near the measured 79.6% (floor 76%)', () => {
    const cv = crossValidate(loadIntents());
    expect(cv.overall.accuracy).toBeGreaterThanOrEqual(0.76);
    expect(cv.overall.macroF1).toBeGreaterThanOrEqual(0.76);
    expect(cv.byLanguage.en.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(cv.byLanguage.zh.accuracy).toBeGreaterThanOrEqual(0.78);
  });
});

describe('eval:intent CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-intent-'));
  const runInProcess = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = evalIntentCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
    return { code, out, err: err.join('\n') };
  };

  it('prints one JSON line', () => {
    writeFileSync(
      join(dir, 'ok.tsv'),
      'text\tintent\nPlease unsubscribe me\tunsubscribe\n我在休假，下周回来\tout_of_office\n',
    );
    const { code, out } = runInProcess(['ok.tsv']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] ?? '')).toEqual({ n: 2, accuracy: 1, macro_f1: 1 });
  });

  it('rejects a missing argument, a missing file and an empty file', () => {
    expect(runInProcess([]).code).toBe(2);
    expect(runInProcess(['nope.tsv']).err).toContain('cannot read');
    writeFileSync(join(dir, 'empty.tsv'), 'text\tintent\n');
    expect(runInProcess(['empty.tsv']).err).toContain('no examples');
  });

  it('exits 2 with the offending lines on stderr for unknown intents (real process)', () => {
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, 'text\tintent\nhello\tgreeting\n');
    let error: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'scripts/training/eval-intent.ts'), file], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      error = err as typeof error;
    }
    expect(error.status).toBe(2);
    expect(error.stderr).toContain('line 2: unknown intent "greeting"');
  });
});
