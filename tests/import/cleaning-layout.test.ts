/**
 * The page-layout and chrome parts of cleaning, stage by stage: page breaks rejoined (the
 * sentence and a split syllable), legal databases' pipe rows split into cells, chrome lines
 * recognised by how portals build pages, look-alike letters read as plain ones.
 */
import { describe, expect, it } from 'vitest';
import { markFormFeeds, rejoinPageBreaks, splitPipeRows } from '../../src/lib/import/page-layout.ts';
import {
  isBreadcrumb,
  isChromeLine,
  isRelatedDocumentEntry,
  isShareOrLogin,
  isTeaserRun,
  mixedCaseCapitals,
} from '../../src/lib/import/chrome.ts';
import { clean } from '../../src/lib/import/clean.ts';

const lines = (t: string): string[] =>
  markFormFeeds(t)
    .split('\n')
    .map((l) => l.trim());

describe('page breaks', () => {
  it('a syllable split by a form feed is rejoined without a space', () => {
    expect(rejoinPageBreaks(lines('thực hiện theo quy đ\f\nịnh của Bộ Y tế.')).lines).toEqual([
      'thực hiện theo quy định của Bộ Y tế.',
    ]);
    expect(rejoinPageBreaks(lines('thực hiện theo quy đị\f\nnh, bảo đảm')).lines).toEqual([
      'thực hiện theo quy định, bảo đảm',
    ]);
  });
  it('a sentence split by a page-number line is rejoined with a space; the number goes', () => {
    for (const mark of ['- 2 -', '– 12 –', 'Trang 2/3', 'Trang 2']) {
      expect(rejoinPageBreaks(['các sở, ngành thực hiện và', '', mark, '', 'báo cáo kết quả.']).lines).toEqual([
        'các sở, ngành thực hiện và báo cáo kết quả.',
      ]);
    }
  });
  it('a bare page number counts only beside a form feed; a break between sentences stays a paragraph break', () => {
    expect(rejoinPageBreaks(lines('Đoạn một kết thúc.\f\n2\nĐoạn hai bắt đầu.')).lines).toEqual([
      'Đoạn một kết thúc.',
      '',
      'Đoạn hai bắt đầu.',
    ]);
    expect(rejoinPageBreaks(['Số ca mắc:', '2', 'trong ngày.']).lines).toEqual(['Số ca mắc:', '2', 'trong ngày.']);
  });
  it('the cleaner reports the joins and keeps a heading apart', () => {
    const c = clean(
      'Ủy ban nhân dân tỉnh yêu cầu thực hiện theo quy đ\f\nịnh hiện hành.\n\n- 2 -\n\nII. KẾT LUẬN\nCác sở thực hiện.',
    );
    expect(c.text).toBe(
      'Ủy ban nhân dân tỉnh yêu cầu thực hiện theo quy định hiện hành.\n\nII. KẾT LUẬN\nCác sở thực hiện.',
    );
    expect(c.warnings.map((w) => w.code)).toContain('page-break-joined');
  });
});

describe('pipe tables', () => {
  it('a scraped header row becomes one line per cell; table rules vanish; prose with a bar stays', () => {
    expect(
      splitPipeRows([
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
        '|---|---|',
        'Số: 24/CT-UBND | Sơn La, ngày 24 tháng 7 năm 2021 |',
      ]),
    ).toEqual([
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 24/CT-UBND',
      'Sơn La, ngày 24 tháng 7 năm 2021',
    ]);
    expect(splitPipeRows(['21:14 | 07/09/2021'])).toEqual(['21:14 | 07/09/2021']);
  });
});

describe('chrome', () => {
  it('breadcrumbs, share and login links, database banners are chrome; directive text is not', () => {
    for (const l of [
      'Trang chủ > Thời sự > Chính trị',
      'Trang chủ » Tin tức',
      'Home / Tin tức / Y tế',
      'Thời sự > Trong tỉnh > Y tế',
    ])
      expect(isBreadcrumb(l), l).toBe(true);
    for (const l of ['Facebook Zalo In bài viết', 'Chia sẻ', 'Đăng nhập | Đăng ký', 'Facebook', 'Zalo'])
      expect(isShareOrLogin(l), l).toBe(true);
    expect(
      isChromeLine('Để sử dụng toàn bộ tiện ích nâng cao của Hệ thống, vui lòng lựa chọn và đăng ký gói cước.'),
    ).toBe(true);
    expect(isChromeLine('error image error image')).toBe(true);
    for (const l of [
      'Chia sẻ thông tin kịp thời với người dân về tình hình dịch bệnh.',
      'Trang thiết bị y tế được bổ sung.',
      'In ấn tài liệu tuyên truyền',
      'Các sở, ngành rà soát văn bản liên quan.',
    ])
      expect(isChromeLine(l), l).toBe(false);
  });
  it("a legal database's related-documents list is recognised by the counter glued to the type", () => {
    expect(isRelatedDocumentEntry('- 1Luật Phòng, chống bệnh truyền nhiễm 2007')).toBe(true);
    expect(isRelatedDocumentEntry('- 4Quyết định 3421/QĐ-UBND năm 2021 phê duyệt phương án')).toBe(true);
    expect(isRelatedDocumentEntry('- 1. Quyết định số 3421/QĐ-UBND')).toBe(false);
  });
  it('related-news teasers are a run of cut-off headlines at the end', () => {
    const body = [
      'Nội dung văn bản.',
      'Tin một về dịch bệnh tại địa phương, người dân cần…',
      'Tin hai về tiêm chủng cho trẻ em từ 12 đến…',
    ];
    expect(isTeaserRun(body)).toBe(1);
    expect(isTeaserRun(['Nội dung văn bản.', 'Một câu kết thúc bằng dấu ba chấm...'])).toBe(2);
  });
  it('TCVN3 capitals with tone marks that decode mixed-case are reported with their line', () => {
    expect(mixedCaseCapitals('Dòng một\nTĂNG CƯờNG CÔNG TÁC')).toEqual([
      expect.objectContaining({ code: 'mixed-case-capitals', line: 2 }),
    ]);
    expect(mixedCaseCapitals('TĂNG CƯỜNG công tác; Tỉnh ủy; COVID-19; iPhone')).toEqual([]);
  });
});

describe('look-alike letters', () => {
  it('are read as plain letters in the cleaned text, with a warning; plain text gets none', () => {
    const c = clean('Hᴀ̀ Nᴏ̣̂ɪ 𝐭𝐡𝐮̛̣𝐜 𝐡𝐢𝐞̣̂𝐧 giãn cách');
    expect(c.text).toBe('HÀ NỘI thực hiện giãn cách');
    expect(c.warnings.map((w) => w.code)).toContain('lookalike-letters');
    expect(clean('Hà Nội thực hiện giãn cách').warnings.map((w) => w.code)).not.toContain('lookalike-letters');
  });
});

describe('posting stamps', () => {
  it('are read in the forms portals print them, and removed from the text', () => {
    for (const stamp of [
      'Thứ năm, ngày 05/08/2021 - 10:30',
      'Đăng ngày: 05/08/2021',
      '10:30 | 05/08/2021',
      '05/08/2021 10:30 (GMT+7)',
      'Cập nhật lúc 10:30, Thứ Năm, 05/08/2021 (GMT+7)',
      'Cập nhật: 05/8/2021',
      'Tin: Thu Hà | 10:30 | 05/08/2021',
      'Thứ Năm | 05/08/2021',
      '• Cập nhật: Thứ năm, 5/8/2021 | 9:32:43 PM',
      '05/08/2021 15:53    4792',
      '05/08/2021 15:53 | 4792 lượt xem',
    ]) {
      const c = clean(`Tiêu đề bài viết về công văn mới\n${stamp}\nNội dung văn bản dài hơn.`);
      expect(c.hints.publicationDate, stamp).toBe('2021-08-05');
      expect(c.text).not.toContain('05/08/2021');
    }
    expect(clean('Tiêu đề\nNgày 05/08/2021, UBND tỉnh ban hành công văn.').hints.publicationDate).toBeNull();
    // a line of the text that starts with a date and a count is not a stamp
    expect(clean('Tiêu đề\n05/08/2021 4792 ca mắc mới').hints.publicationDate).toBeNull();
  });
});
