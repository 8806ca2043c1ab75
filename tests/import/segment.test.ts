/**
 * The segmenter on the layouts legal databases and scans produce (after cleaning): header,
 * number line and dateline from run-together or tabled columns, a metadata table scraped cell by
 * cell, the database's own title line, the enacting formula, the subject under a type title.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/import/clean.ts';
import { segment } from '../../src/lib/import/segment.ts';

const seg = (text: string) => segment(clean(text).text);

describe('segment', () => {
  it('reads the header, number line and dateline of a tabled or run-together header', () => {
    for (const top of [
      'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH KIÊN GIANG | Độc lập - Tự do - Hạnh phúc |\n' +
        'Số: 120/UBND-VX | Kiên Giang, ngày 3 tháng 8 năm 2021 |',
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KIÊN GIANG Độc lập - Tự do - Hạnh phúc\n' +
        'Số: 120/UBND-VX Kiên Giang, ngày 3 tháng 8 năm 2021',
    ]) {
      const s = seg(
        `${top}\nV/v tăng cường phòng, chống dịch\nỦy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện nghiêm ` +
          `các biện pháp phòng, chống dịch COVID-19 theo quy định.`,
      );
      expect(s.header).toEqual([
        'ỦY BAN NHÂN DÂN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH KIÊN GIANG',
        'Độc lập - Tự do - Hạnh phúc',
      ]);
      expect(s.numberLine).toBe('Số: 120/UBND-VX');
      expect(s.dateline).toBe('Kiên Giang, ngày 3 tháng 8 năm 2021');
      expect(s.subjectLine).toBe('V/v tăng cường phòng, chống dịch');
    }
  });

  it('reads a metadata table scraped cell by cell, and the database title above it', () => {
    const s = seg(
      'Kế hoạch 88/KH-UBND năm 2021 về xét nghiệm diện rộng do tỉnh Bắc Giang ban hành\n' +
        'Số hiệu: | 88/KH-UBND | Loại văn bản: | Kế hoạch |\nNơi ban hành: | Tỉnh Bắc Giang | Ngày ban hành: ' +
        '| 20/05/2021 |\nThực hiện chỉ đạo của Ban Chỉ đạo quốc gia, Ủy ban nhân dân tỉnh ban hành kế hoạch ' +
        'xét nghiệm diện rộng cho người dân các huyện có dịch.',
    );
    expect(s.meta).toEqual({
      'Số hiệu': '88/KH-UBND',
      'Loại văn bản': 'Kế hoạch',
      'Nơi ban hành': 'Tỉnh Bắc Giang',
      'Ngày ban hành': '20/05/2021',
    });
    expect(s.databaseTitle).toBe('Kế hoạch 88/KH-UBND năm 2021 về xét nghiệm diện rộng do tỉnh Bắc Giang ban hành');
    expect(s.body.join('\n')).not.toContain('năm 2021 về xét nghiệm');
  });

  it('finds the enacting formula before Điều 1 and keeps it in the body', () => {
    const s = seg(
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\nCăn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007 và các ' +
        'văn bản hướng dẫn thi hành có liên quan;\nQUYẾT ĐỊNH:\nĐiều 1. Áp dụng biện pháp cách ly y tế.',
    );
    expect(s.enactingFormula).toBe('QUYẾT ĐỊNH:');
    expect(s.header).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH');
    expect(s.body).toContain('QUYẾT ĐỊNH:');
    // "QUYẾT ĐỊNH:" not followed by an article is no formula
    expect(seg('Văn bản nêu rõ.\nQUYẾT ĐỊNH:\nCác sở thực hiện.').enactingFormula).toBeNull();
  });

  it('takes a sentence-case subject under a type title into the title, not a basis or a list item', () => {
    expect(
      seg(
        'KẾ HOẠCH\nTriển khai tiêm vắc xin đợt 5\nThực hiện chỉ đạo của Bộ Y tế, Ủy ban nhân dân tỉnh ban hành ' +
          'kế hoạch tiêm vắc xin cho người dân trên địa bàn.',
      ).titleLines,
    ).toEqual(['KẾ HOẠCH', 'Triển khai tiêm vắc xin đợt 5']);
    expect(
      seg(
        'KẾ HOẠCH\nCăn cứ Quyết định số 3355/QĐ-BYT của Bộ Y tế\nThực hiện chỉ đạo của Bộ Y tế, Ủy ban nhân dân ' +
          'tỉnh ban hành kế hoạch tiêm vắc xin cho người dân.',
      ).titleLines,
    ).toEqual(['KẾ HOẠCH']);
  });

  it('a capitals headline that cites a number is no header', () => {
    const s = seg(
      'HÀ NAM TẠM DỪNG CHỢ THEO CÔNG VĂN SỐ 2105/UBND-VP\n\nNgày 3/8/2021, UBND tỉnh Hà Nam ban hành Công văn số ' +
        '2105/UBND-VP yêu cầu các địa phương tạm dừng hoạt động chợ truyền thống.',
    );
    expect(s.header).toEqual([]);
    expect(s.headline).toBe('HÀ NAM TẠM DỪNG CHỢ THEO CÔNG VĂN SỐ 2105/UBND-VP');
  });
});
