/**
 * The logic of `npm run -s eval:intent -- FILE.tsv` (scripts/training/eval-intent.ts), importable without side effects so it
 * can be tested in-process.
 */
import { resolve } from 'node:path';
import { SALES_INTENTS, classificationReport, createIntentModel } from '../../shared/common/ml/naive-bayes/index';
import { DataFileError, readLabelledTsv } from './nb-data';
import { loadIntents, predictAll, summary, trainModel } from './nb-experiments';

/** Where the CLI writes and which directory relative paths start from. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/**
 * Trains on the project's own set, scores FILE and writes one JSON line `{"n","accuracy","macro_f1"}`. Returns the
 * exit code: 0, or 2 with a message on `err` for a missing argument, an unreadable file or unknown intent ids.
 */
export function evalIntentCli(args: readonly string[], io: CliIo): number {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) {
    io.err('usage: npm run -s eval:intent -- FILE.tsv   (header: text<TAB>intent)');
    return 2;
  }
  try {
    const path = resolve(io.cwd, file);
    const test = readLabelledTsv(path, SALES_INTENTS);
    if (test.length === 0) throw new DataFileError(`${path}: no examples after the header`);
    const model = trainModel(createIntentModel(), loadIntents());
    const report = classificationReport(
      test.map((e) => e.label),
      predictAll(model, test),
    );
    io.out(JSON.stringify(summary(report)));
    return 0;
  } catch (err) {
    if (!(err instanceof DataFileError)) throw err;
    io.err(err.message);
    return 2;
  }
}
