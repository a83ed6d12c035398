/**
 * A view of the text made for matching: full-width ASCII folded ("１３８" → "138", "＠" → "@"), unusual spaces and
 * dashes unified, and zero-width/control characters dropped (so "a\u200b@b.com" still reads as an address). `map`
 * gives, for every character of the view, its offset in the original, so findings are reported on the original.
 */
export interface CompactText {
  text: string;
  /** map[i] = original offset of view character i; map[text.length] = original length. */
  map: Int32Array;
}

function isDropped(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

function isOddSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isOddDash(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63;
}

/** Builds the matching view and its offset map in one linear pass. */
export function compactText(original: string): CompactText {
  const map = new Int32Array(original.length + 1);
  let out = '';
  let runStart = 0;
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    let mapped = c;
    if (isDropped(c)) mapped = -1;
    else if (c >= 0xff01 && c <= 0xff5e) mapped = c - 0xfee0;
    else if (c === 0xfe6b) mapped = 0x40;
    else if (isOddSpace(c)) mapped = 0x20;
    else if (isOddDash(c)) mapped = 0x2d;
    if (mapped !== c) {
      // Copy the unchanged run in one slice; most text has no character to fold or drop.
      out += original.slice(runStart, i) + (mapped >= 0 ? String.fromCharCode(mapped) : '');
      runStart = i + 1;
    }
    if (mapped >= 0) map[n++] = i;
  }
  out += original.slice(runStart);
  map[n] = original.length;
  return { text: out, map: map.subarray(0, n + 1) };
}
