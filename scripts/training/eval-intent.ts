/**
 * `npm run -s eval:intent -- FILE.tsv`: trains the intent model on the project's own labelled set, classifies FILE
 * (header `text<TAB>intent`, `\n` in text = line break) and prints one JSON line `{"n","accuracy","macro_f1"}`.
 * Unknown intent ids or an unreadable file: message on stderr, exit code 2.
 */
import { evalIntentCli } from './intent-eval';

process.exitCode = evalIntentCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // npm runs scripts from the package root; a relative path is meant from where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
