/**
 * Cleaning keeps the directive's wording and removes only what sites and scrapers added.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clean, isEmptyFormField } from '../../src/lib/import/clean.ts';

describe('clean', () => {
  it('never changes or invents a word: every output word is an input word (property)', () => {
    const word = fc.constantFrom(
      'Ban',
      'Thường',
      'vụ',
      'Tỉnh',
      'ủy',
      'yêu',
      'cầu',
      'phòng,',
      'chống',
      'dịch',
      'COVID-19',
      'số',
      '907-CV/TU',
      'ngày',
      '08/11/2021',
      'Fl',
      'quản',
      'lý',
      '1.',
      '-',
      'V/v',
      'Nguồn:',
      'tỉnh',
      'Hòa',
      'Hoà',
    );
    const line = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const input = lines.join('\n');
        const inWords = new Map<string, number>();
        for (const w of input.split(/\s+/).filter(Boolean)) inWords.set(w, (inWords.get(w) ?? 0) + 1);
        for (const w of clean(input).text.split(/\s+/).filter(Boolean)) {
          expect(inWords.get(w) ?? 0, `"${w}" was not in the input`).toBeGreaterThan(0);
          inWords.set(w, inWords.get(w)! - 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scraper page-date line: removed from the text, kept as a hint', () => {
    const c = clean(' date 2021-11 Tăng cường phòng, chống dịch\n\nNội dung văn bản.');
    expect(c.text).toBe('Tăng cường phòng, chống dịch\n\nNội dung văn bản.');
    expect(c.hints.pageDate).toBe('2021-11');
  });

  it('news posting stamp and TV-site footer are not directive text', () => {
    const c = clean(
      'Tiêu đề bài viết về công văn\n\nThứ Sáu, 18/06/2021, 18:27 [GMT+7]\n\nNội dung công văn.\n\n' +
        'BT/DIENBIENTV.VN\n\nXem lịch phát sóng\n.',
    );
    expect(c.text).toBe('Tiêu đề bài viết về công văn\n\nNội dung công văn.');
    expect(c.hints.publicationDate).toBe('2021-06-18');
    expect(c.hints.publisher).toBe('dienbientv.vn');
  });

  it('empty form fields are dropped, filled ones are text', () => {
    expect(isEmptyFormField('Đến trước: giờ.....')).toBe(true);
    expect(isEmptyFormField('Ngày:/...../20.....')).toBe(true);
    expect(isEmptyFormField('Đến trước: 9 giờ ngày 10/11/2021')).toBe(false);
    expect(isEmptyFormField('Các địa phương ..., đơn vị thực hiện.')).toBe(false);
  });

  it('a body repeated in full is shown once, with a warning', () => {
    const body = [
      'Đoạn một của văn bản về phòng, chống dịch bệnh tại địa phương.',
      'Đoạn hai yêu cầu các sở, ngành thực hiện nghiêm túc các biện pháp.',
      'Đoạn ba giao Sở Y tế theo dõi, hướng dẫn và báo cáo kết quả thực hiện.',
      'Đoạn bốn về công tác tuyên truyền.'.repeat(6),
    ];
    const c = clean([...body, ...body].join('\n'));
    expect(c.text.split('\n')).toEqual(body);
    expect(c.warnings.map((w) => w.code)).toContain('duplicate-body');
  });

  it('a word split by a page break is joined; a heading is not', () => {
    expect(clean('Tăng cường công tác quản\n\nlý, thu dung F0.').text).toBe(
      'Tăng cường công tác quản lý, thu dung F0.',
    );
    expect(clean('KẾT LUẬN CỦA BAN THƯỜNG VỤ\nvề công tác phòng, chống dịch').text).toBe(
      'KẾT LUẬN CỦA BAN THƯỜNG VỤ\nvề công tác phòng, chống dịch',
    );
  });

  it('an OCR look-alike is reported with its line, not rewritten', () => {
    const c = clean('Dòng một.\ntheo dõi các đối tượng Fl, F2 tại nhà.');
    expect(c.text).toContain('Fl, F2');
    expect(c.warnings).toContainEqual(expect.objectContaining({ code: 'ocr-suspect', line: 2 }));
  });

  it('non-breaking and zero-width spaces, odd dashes and quotes are normalised', () => {
    expect(clean('Ban\u00a0Thường\u200b vụ \u2212 “ chính trị \u2014 xã hội ”').text).toBe(
      'Ban Thường vụ - “ chính trị – xã hội ”',
    );
  });
});
