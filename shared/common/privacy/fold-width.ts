/**
 * Length-preserving width folding: full-width ASCII (U+FF01–U+FF5E, e.g. "１３８", "＠") becomes its ASCII twin and the
 * ideographic space becomes a space. Every UTF-16 code unit maps to exactly one code unit, so offsets found in the
 * folded text are valid offsets into the original — which is why this is used instead of NFKC.
 */
export function foldWidth(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped = -1;
    if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0;
    else if (code === 0x3000) mapped = 0x20;
    if (mapped >= 0) {
      out += text.slice(runStart, i) + String.fromCharCode(mapped);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
