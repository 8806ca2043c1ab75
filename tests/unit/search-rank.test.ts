import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/lib/search/query.ts';
import { rankAll, rerank, type Candidate } from '../../src/lib/search/rank.ts';
import { excerpt, highlight } from '../../src/lib/search/excerpt.ts';

// Sentences from the seed directives (Thanh Hóa 469-CV/TU, Ninh Thuận's Thông báo, Điện Biên
// 240-CV/TU, Hà Nội's Điện) and the search fixtures.
const doc = (url: string, province: string, text: string, number: string | null = null, indexRank = 0): Candidate => ({
  url,
  title: text.split('\n')[0]!,
  number,
  province,
  text,
  indexRank,
});
const thanhHoa = doc(
  '/th/',
  'Thanh Hóa',
  'Tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch\n' +
    'Chỉ tính riêng ngày 24-11-2021, tỉnh Thanh Hóa đã ghi nhận 98 ca dương tính.',
  '469-CV/TU',
  1,
);
const ninhThuan = doc(
  '/nt/',
  'Ninh Thuận',
  'Thông báo kết luận\nđồng chí Nguyễn Đức Thanh chủ trì; đẩy mạnh xã hội hóa công tác xét nghiệm.',
  null,
  0,
);
const dienBien = doc(
  '/db/',
  'Điện Biên',
  'Tiếp tục tăng cường các biện pháp phòng, chống dịch\nTỉnh ủy Điện Biên vừa có công văn số 240-CV/TU.',
  '240-CV/TU',
  2,
);
const quangNinh = doc(
  '/qn/',
  'Quảng Ninh',
  'Chủ động ứng phó với diễn biến mới\nDịch bệnh có diễn biến phức tạp; theo dõi sát diễn biến dịch.',
  '2210-CV/TU',
  0,
);
const haNoi = doc(
  '/hn/',
  'Hà Nội',
  'Tăng cường phòng, chống dịch dịp Tết\nBí thư Thành ủy Hà Nội Đinh Tiến Dũng ký ban hành Điện.',
  null,
  3,
);
const caoBang = doc(
  '/cb/',
  'Cao Bằng',
  'Hoạt động tuyên truyền\nHoàn thành hoạt động tuyên truyền tại thành phố.',
  null,
  0,
);

const urls = (q: string, cands: Candidate[]) => rerank(parseQuery(q), cands).map((s) => s.candidate.url);

describe('rerank', () => {
  it('puts syllables standing together above the same syllables scattered (Thanh Hóa vs "Thanh … xã hội hóa")', () => {
    expect(urls('Thanh Hóa', [ninhThuan, thanhHoa])[0]).toBe('/th/');
    expect(urls('thanh hoa', [ninhThuan, thanhHoa])[0]).toBe('/th/');
  });

  it('does not count a syllable that only starts another word ("hoa" in "hoạt", "thanh" in "thành")', () => {
    expect(urls('thanh hoa', [caoBang, thanhHoa])).toEqual(['/th/']);
  });

  it('favours the named province when a folded query is ambiguous (dien bien: Điện Biên vs diễn biến)', () => {
    expect(urls('dien bien', [quangNinh, dienBien])[0]).toBe('/db/');
    // typed with the marks of "diễn biến", the province is not meant
    expect(urls('diễn biến', [dienBien, quangNinh])[0]).toBe('/qn/');
  });

  it('folds đ: "dinh tien dung" finds Đinh Tiến Dũng', () => {
    expect(urls('dinh tien dung', [thanhHoa, haNoi, dienBien])[0]).toBe('/hn/');
  });

  it('puts the directive with that number first, however the number is typed', () => {
    for (const q of ['240-CV/TU', '240/CV-TU', 'CV 240', 'công văn 240']) {
      expect(urls(q, [thanhHoa, quangNinh, dienBien])[0], q).toBe('/db/');
    }
  });

  it('does not count as found a candidate in which a quoted phrase does not stand together', () => {
    expect(urls('"dương tính" thanh hóa', [thanhHoa, ninhThuan])).toEqual(['/th/']);
    expect(rankAll(parseQuery('"tính dương"'), [thanhHoa]).map((s) => s.complete)).toEqual([false]);
  });

  it('ranks a match with the typed diacritics above a folded-only one', () => {
    const hoa = doc('/a/', 'Nghệ An', 'Hòa giải\nhòa giải ở cơ sở', null, 0);
    const hoa2 = doc('/b/', 'Nghệ An', 'Hóa chất\nhóa chất khử khuẩn', null, 0);
    expect(urls('hóa', [hoa, hoa2])[0]).toBe('/b/');
    expect(urls('hòa', [hoa2, hoa])[0]).toBe('/a/');
  });
});

describe('excerpt and highlight', () => {
  it('marks whole syllables that match once folded, never a word the query only starts', () => {
    const segs = highlight('Hóa chất khử khuẩn: hoạt động của ngành hóa chất', parseQuery('hoa chat'));
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Hóa', 'chất', 'hóa', 'chất']);
    expect(segs.map((s) => s.text).join('')).toBe('Hóa chất khử khuẩn: hoạt động của ngành hóa chất');
  });

  it('marks a name, a variant or a number only where it stands whole, not its words elsewhere', () => {
    const marks = (text: string, q: string) =>
      highlight(text, parseQuery(q))
        .filter((s) => s.mark)
        .map((s) => s.text);
    expect(marks('Tỉnh Thanh Hóa: hoạt động thành phố', 'thanh hoa')).toEqual(['Thanh', 'Hóa']);
    expect(marks('Hà Nam phối hợp với Quảng Nam và Hà Nội', 'Hà Nam')).toEqual(['Hà', 'Nam']);
    expect(marks('Cách ly tập trung, không theo cách cũ', 'cách ly')).toEqual(['Cách', 'ly']);
    // the type name and the serial apart: "Công văn số 907", never the "Công" of "Công an"
    expect(marks('Công văn số 907/UBND-VP gửi Công an tỉnh, văn phòng', 'công văn 907')).toEqual([
      'Công',
      'văn',
      '907',
    ]);
    expect(marks('Theo Công văn 469-CV/TU, số 469', '469-CV/TU')).toEqual(['469', 'CV', 'TU']);
  });

  it('keeps document text as text: markup in a document comes back as a plain segment', () => {
    const segs = highlight('<b>liên gia</b> tổ liên gia', parseQuery('liên gia'));
    expect(segs.map((s) => s.text).join('')).toBe('<b>liên gia</b> tổ liên gia');
  });

  it('shows the part of a long text where the query words stand together', () => {
    const filler = 'các cấp ủy đảng chính quyền tiếp tục thực hiện nghiêm '.repeat(10);
    const text = `tổ chức ${filler} hoạt động của tổ liên gia tự quản ${filler}`;
    const segs = excerpt(text, parseQuery('tổ liên gia'), 20);
    const shown = segs.map((s) => s.text).join('');
    expect(shown).toContain('tổ liên gia');
    expect(shown.startsWith('…')).toBe(true);
  });
});
