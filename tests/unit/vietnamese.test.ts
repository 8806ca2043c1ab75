import { describe, expect, it } from 'vitest';
import {
  foldDiacritics,
  foldForMatch,
  normalizeVietnamese,
  slugify,
  toNewTonePlacement,
  compareVietnamese,
} from '../../src/lib/vietnamese.ts';

describe('tone placement', () => {
  it('moves old-style marks on open oa/oe/uy syllables to the new place', () => {
    expect(toNewTonePlacement('Thanh Hoá')).toBe('Thanh Hóa');
    expect(toNewTonePlacement('Khánh Hoà, Hoà Bình')).toBe('Khánh Hòa, Hòa Bình');
    expect(toNewTonePlacement('Uỷ ban nhân dân, thuỷ lợi, xoè')).toBe('Ủy ban nhân dân, thủy lợi, xòe');
    expect(toNewTonePlacement('HOÀ BÌNH')).toBe('HÒA BÌNH');
  });
  it('leaves syllables the two styles agree on', () => {
    // closed syllables and "qu"/"gi" clusters are spelled the same in both styles
    for (const word of ['hoàng', 'thuyết', 'quý', 'Quý', 'khoảng', 'toàn', 'hóa']) {
      expect(toNewTonePlacement(word)).toBe(word);
    }
  });
  it('composes decomposed input before placing tones', () => {
    const nfd = 'Thanh Hoá'.normalize('NFD');
    expect(normalizeVietnamese(nfd)).toBe('Thanh Hóa');
  });
});

describe('folding and slugs', () => {
  it('strips every diacritic including đ', () => {
    expect(foldDiacritics('Đinh Tiến Dũng đồng chí')).toBe('Dinh Tien Dung dong chi');
    expect(foldForMatch('  ĐÀ   NẴNG ')).toBe('da nang');
    expect(foldForMatch('Thanh Hoá')).toBe(foldForMatch('thanh hóa'));
  });
  it('makes readable ASCII slugs', () => {
    expect(slugify('Thừa Thiên Huế')).toBe('thua-thien-hue');
    expect(slugify('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(slugify('469-CV/TU')).toBe('469-cv-tu');
    expect(slugify('Thông báo kết luận')).toBe('thong-bao-ket-luan');
  });
  it('sorts names in Vietnamese alphabetical order', () => {
    const names = ['Đà Nẵng', 'Gia Lai', 'Cần Thơ', 'Điện Biên', 'Dak'];
    expect([...names].sort(compareVietnamese)).toEqual(['Cần Thơ', 'Dak', 'Đà Nẵng', 'Điện Biên', 'Gia Lai']);
  });
});
