import { describe, expect, it } from 'vitest';
import { docNumberKey, normalizeDocNumber, parseDocNumber } from '../../src/lib/doc-number.ts';

describe('document numbers', () => {
  it('normalises spacing and dashes as scanned or typed', () => {
    expect(normalizeDocNumber('907 -CV/TU')).toBe('907-CV/TU');
    expect(normalizeDocNumber('07 - CĐ/TU')).toBe('07-CĐ/TU');
    expect(normalizeDocNumber('35 / CT–TTg')).toBe('35/CT-TTg');
    expect(normalizeDocNumber('4016/CĐ-CTUBND'.normalize('NFD'))).toBe('4016/CĐ-CTUBND');
  });
  it('compares any spelling of the same number by one key', () => {
    const key = docNumberKey('469-CV/TU');
    expect(key).toBe('469:CV:TU');
    for (const typed of ['469/CV-TU', '469 cv tu', '469 - CV / TU']) expect(docNumberKey(typed)).toBe(key);
    expect(docNumberKey('07-CĐ/TU')).toBe(docNumberKey('7-CD/TU'));
    expect(docNumberKey('35/CT-TTg')).not.toBe(docNumberKey('35/CT-UBND'));
  });
  it('has no key without a serial', () => {
    expect(parseDocNumber('CV/TU')).toBeNull();
    expect(docNumberKey('')).toBeNull();
  });
});
