import { describe, expect, it } from 'vitest';
import { parseQuery, MAX_QUERY_LENGTH } from '../../src/lib/search/query.ts';
import {
  detectNumber,
  numberMatches,
  citationsIn,
  numberTokens,
  numberQueryToken,
  typedCiteToken,
} from '../../src/lib/search/intent.ts';

describe('parseQuery', () => {
  it('folds đ and tone marks for the index, keeps the typed spelling for ranking', () => {
    const q = parseQuery('Đinh Tiến Dũng');
    expect(q.indexQuery).toBe('dinh tien dung');
    expect(q.terms.map((t) => t.norm)).toEqual(['đinh', 'tiến', 'dũng']);
  });

  it('treats old and new tone placement, NFD and case as the same word', () => {
    const a = parseQuery('THANH HOÁ thuỷ sản');
    const b = parseQuery('thanh hóa thủy sản'.normalize('NFD'));
    expect(a.terms.map((t) => t.norm)).toEqual(b.terms.map((t) => t.norm));
    expect(a.terms.map((t) => t.norm)).toEqual(['thanh', 'hóa', 'thủy', 'sản']);
  });

  it('extracts quoted phrases, also with typographic quotes and an unbalanced quote', () => {
    expect(parseQuery('"tổ liên gia" vĩnh phúc').phrases.map((p) => p.map((s) => s.norm).join(' '))).toEqual([
      'tổ liên gia',
    ]);
    expect(parseQuery('“F0 tại nhà”').phrases.map((p) => p.map((s) => s.fold).join(' '))).toEqual(['f0 tai nha']);
    const open = parseQuery('vĩnh phúc "tổ liên gia');
    expect(open.phrases.map((p) => p.map((s) => s.norm).join(' '))).toEqual(['tổ liên gia']);
    expect(open.terms).toHaveLength(5);
  });

  it('names the province a query is about, with or without diacritics, not a look-alike with other marks', () => {
    expect(parseQuery('vinh phuc').provinces.map((p) => p.province)).toEqual(['Vĩnh Phúc']);
    expect(parseQuery('dien bien').provinces.map((p) => p.province)).toEqual(['Điện Biên']);
    expect(parseQuery('diễn biến phức tạp').provinces).toEqual([]);
    expect(parseQuery('F0 thanh pho ho chi minh').provinces.map((p) => p.province)).toEqual(['Thành phố Hồ Chí Minh']);
  });

  it("a numeral beside a province is a number and a place, not a phrase with the province's first word", () => {
    for (const q of ['2100 Hòa Bình', 'hoa binh 2100']) {
      const units = parseQuery(q).units;
      expect(units.map((u) => u.kind).sort(), q).toEqual(['province', 'word']);
    }
    // beside an ordinary word it still stands with it ("mũi 3", "14 ngày")
    expect(
      parseQuery('mũi 3 Hòa Bình')
        .units.find((u) => u.kind === 'phrase')
        ?.alternatives?.[0]?.map((w) => w.norm),
    ).toEqual(['mũi', '3']);
  });

  it('survives hostile input: long, punctuation only, HTML, emoji, control characters', () => {
    const long = 'phòng chống dịch '.repeat(500);
    expect(parseQuery(long).text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parseQuery(long).indexQuery.split(' ').length).toBeLessThanOrEqual(12);
    expect(parseQuery('!!! ??? ... ///').terms).toEqual([]);
    expect(parseQuery('!!! ??? ... ///').indexQuery).toBe('');
    const html = parseQuery('<img src=x onerror=alert(1)>');
    expect(html.indexQuery).not.toMatch(/[<>=()]/);
    expect(parseQuery('😷🦠 vắc xin').indexQuery).toBe('vac xin');
    expect(() => parseQuery('\u0000\u202e""""')).not.toThrow();
    expect(parseQuery(undefined as unknown as string).terms).toEqual([]);
  });
});

describe('document number intent', () => {
  it.each([
    ['469-CV/TU', '469', ['CV', 'TU']],
    ['469/CV-TU', '469', ['CV', 'TU']],
    ['469 cv tu', '469', ['CV', 'TU']],
    ['số 907 -CV/TU', '907', ['CV', 'TU']],
    ['35/CT-TTg', '35', ['CT', 'TTG']],
    ['CV 469', '469', ['CV']],
    ['công văn 469', '469', ['CV']],
    ['Công văn số 240', '240', ['CV']],
    ['chỉ thị 16', '16', ['CT']],
    // a state body's code first, as a state công văn's number has it
    ['2100/UBND-KGVX', '2100', ['UBND', 'KGVX']],
    ['1803/BCĐ-VX', '1803', ['BCD', 'VX']],
  ])('%s -> serial %s, codes %j', (text, serial, codes) => {
    const n = detectNumber(text);
    expect(n?.serial).toBe(serial);
    expect(n?.codes).toEqual(codes);
  });

  it("reads the numbers a text cites, a state body's among them, not dates or F0/F1", () => {
    const text =
      'Thực hiện Công văn số 2100/UBND-KGVX, Công văn 1803/BCĐ-VX và Chỉ thị 16/CT-TTg ngày 31/3/2020; F0/F1 cách ly.';
    expect(citationsIn(text).numbers.map((n) => n.toUpperCase())).toEqual([
      '2100-UBND-KGVX',
      '1803-BCĐ-VX',
      '16-CT-TTG',
    ]);
  });

  it("reads the type a text names before a state body's number, and only there", () => {
    const text =
      'Thực hiện Công văn số 2100/UBND-KGVX, CV 3738/UBND-VP, Thông báo kết luận số 12/UBND-VX, ' +
      'văn bản số 1803/BCĐ-VX, Công văn 2621/SGTVT-TT, ngày 12/3-2021 và Công văn số 469-CV/TU.';
    const typed = citationsIn(text).typed;
    expect(typed.map((c) => [c.number.toUpperCase(), c.docType])).toEqual([
      ['2100-UBND-KGVX', 'Công văn'],
      ['3738-UBND-VP', 'Công văn'],
      ['12-UBND-VX', 'Thông báo kết luận'],
      ['2621-SGTVT-TT', 'Công văn'],
    ]);
    // what "công văn 2100" asks the index for
    expect(typedCiteToken(typed[0]!)).toBe(`dc${numberQueryToken(detectNumber('công văn 2100')!).slice(2)}`);
  });

  it('does not mistake dates, counts or F0 for a number', () => {
    for (const text of [
      'F0 tại nhà',
      'tiêm 2 mũi',
      'ngày 24-11-2021',
      'COVID-19',
      '12 đến 17 tuổi',
      'Tết Nguyên đán',
    ]) {
      expect(detectNumber(text), text).toBeNull();
    }
  });

  it('matches a directive by its own number however it is typed, and not other types with the same serial', () => {
    expect(numberMatches(detectNumber('469/CV-TU')!, '469-CV/TU')).toBe(true);
    expect(numberMatches(detectNumber('CV 469')!, '469-CV/TU')).toBe(true);
    expect(numberMatches(detectNumber('CV 469')!, '469/UBND-VX')).toBe(false);
    // a type named before the serial: a number without a type code is checked by the directive's type
    expect(numberMatches(detectNumber('công văn 2100')!, '2100/UBND-KGVX', 'Công văn')).toBe(true);
    expect(numberMatches(detectNumber('CV 2100')!, '2100/VPUBND-KGVX', 'Công văn')).toBe(true);
    expect(numberMatches(detectNumber('công văn 2100')!, '2100/UBND-KGVX', 'Kế hoạch')).toBe(false);
    expect(numberMatches(detectNumber('công điện 03')!, '03', 'Công điện')).toBe(true);
    // a number with a type code must carry the one named, whatever the directive's type
    expect(numberMatches(detectNumber('công văn 2100')!, '2100/KH-UBND', 'Công văn')).toBe(false);
    expect(numberMatches(detectNumber('469-CV/TU')!, '470/KH-UBND')).toBe(false);
    expect(numberMatches(detectNumber('907-CV/TU')!, null)).toBe(false);
  });

  it('asks the index for a token the indexer wrote for that number', () => {
    const written = numberTokens('907 -CV/TU');
    for (const typed of ['907-CV/TU', '907/cv-tu', 'CV 907', 'công văn 907', 'số 907']) {
      expect(written, typed).toContain(numberQueryToken(detectNumber(typed)!));
    }
    expect(numberTokens(null)).toEqual([]);
  });
});
