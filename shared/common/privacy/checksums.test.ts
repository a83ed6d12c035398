import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './checksums';
import { compactText } from './compact';
import { foldWidth } from './fold-width';

describe('luhnValid', () => {
  it('accepts published test card numbers and rejects a changed digit', () => {
    for (const n of ['4111111111111111', '5500000000000004', '378282246310005', '6011111111111117']) {
      expect(luhnValid(n)).toBe(true);
      const last = Number(n.at(-1));
      expect(luhnValid(n.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
  });
});

describe('ibanValid', () => {
  it('accepts valid IBANs in any case and rejects wrong checksums or lengths', () => {
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('gb29nwbk60161331926819')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('XX00')).toBe(false);
  });
});

describe('foldWidth and compactText', () => {
  it('folds full-width ASCII without moving offsets', () => {
    const text = '电话１３８＠ｘ';
    expect(foldWidth(text)).toBe('电话138@x');
    expect(foldWidth(text)).toHaveLength(text.length);
  });

  it('maps every view character back to its original offset', () => {
    const original = 'a\u200bb\u00a0c—d';
    const view = compactText(original);
    expect(view.text).toBe('ab c-d');
    expect([...view.map]).toEqual([0, 2, 3, 4, 5, 6, 7]);
  });
});
