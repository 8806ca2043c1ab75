/**
 * The relevance test set: queries people type, each with the directive(s) that must come first.
 * A directive is named by its metadata (province, and number or type when the province has
 * several), not by its file name, so the set holds whatever the importer names the seeds.
 * Corpus: the five seeds (content/) plus tests/fixtures/search-content.
 */
export interface DocRef {
  province: string;
  number?: string | null;
  docType?: string;
}
export interface RelevanceQuery {
  q: string;
  /** any of these first is right */
  first: DocRef[];
  /** what the query exercises */
  kind: 'place' | 'person' | 'number' | 'topic' | 'phrase' | 'spelling';
  /** send the query decomposed (NFD), as some keyboards and PDFs produce it */
  nfd?: boolean;
}

// Seeds
const TH469: DocRef = { province: 'Thanh Hóa', number: '469-CV/TU' };
const NT: DocRef = { province: 'Ninh Thuận' };
const DB240: DocRef = { province: 'Điện Biên' };
const VP907: DocRef = { province: 'Vĩnh Phúc' };
const HN_DIEN: DocRef = { province: 'Hà Nội', docType: 'Điện' };
// Fixtures
const DN05: DocRef = { province: 'Đà Nẵng' };
const HN25: DocRef = { province: 'Hà Nội', number: '25/KH-UBND' };
const TB45: DocRef = { province: 'Thái Bình' };
const HCM07: DocRef = { province: 'Thành phố Hồ Chí Minh' };
const KH1120: DocRef = { province: 'Khánh Hòa' };
const BG02: DocRef = { province: 'Bắc Giang' };
const QN2210: DocRef = { province: 'Quảng Ninh' };
const CT180: DocRef = { province: 'Cần Thơ' };
const HD03: DocRef = { province: 'Hải Dương' };
const NA100: DocRef = { province: 'Nghệ An' };
const DNI1500: DocRef = { province: 'Đồng Nai' };
const TH470: DocRef = { province: 'Thanh Hóa', number: '470/KH-UBND' };
const LC469: DocRef = { province: 'Lào Cai' };

export const RELEVANCE_SET: RelevanceQuery[] = [
  // Places: provinces with and without diacritics, old tone placement, case, đ, towns in the text
  { q: 'vinh phuc', first: [VP907], kind: 'place' },
  { q: 'Vĩnh Phúc', first: [VP907], kind: 'place' },
  { q: 'Vĩnh Phúc', first: [VP907], kind: 'spelling', nfd: true },
  { q: 'thanh hoa', first: [TH469, TH470], kind: 'place' },
  { q: 'Thanh Hoá', first: [TH469, TH470], kind: 'spelling' },
  { q: 'THANH HÓA', first: [TH469, TH470], kind: 'spelling' },
  { q: 'ninh thuan', first: [NT], kind: 'place' },
  { q: 'Phan Rang-Tháp Chàm', first: [NT], kind: 'place' },
  { q: 'dien bien', first: [DB240], kind: 'place' },
  { q: 'Điện Biên', first: [DB240], kind: 'place' },
  { q: 'ha noi', first: [HN_DIEN, HN25], kind: 'place' },
  { q: 'da nang', first: [DN05], kind: 'place' },
  { q: 'Đà Nẵng', first: [DN05], kind: 'place' },
  { q: 'dong nai', first: [DNI1500], kind: 'place' },
  { q: 'khanh hoa', first: [KH1120], kind: 'place' },
  { q: 'Khánh Hoà', first: [KH1120], kind: 'spelling' },
  { q: 'bac giang khu cong nghiep', first: [BG02], kind: 'place' },
  { q: 'kinh mon', first: [HD03], kind: 'place' },
  { q: 'hai duong', first: [HD03], kind: 'place' },
  { q: 'can tho', first: [CT180], kind: 'place' },
  { q: 'nghe an', first: [NA100], kind: 'place' },
  { q: 'thanh pho ho chi minh', first: [HCM07], kind: 'place' },
  { q: 'quang ninh', first: [QN2210], kind: 'place' },
  { q: 'thai binh', first: [TB45], kind: 'place' },
  { q: 'lao cai', first: [LC469], kind: 'place' },
  { q: 'Sông Lô Yên Lạc', first: [VP907], kind: 'place' },
  { q: 'hon ro', first: [KH1120], kind: 'place' },
  { q: 'Biên Hòa Long Thành', first: [DNI1500], kind: 'place' },
  // People
  { q: 'dinh tien dung', first: [HN_DIEN], kind: 'person' },
  { q: 'Đinh Tiến Dũng', first: [HN_DIEN], kind: 'person' },
  { q: 'nguyen duc thanh', first: [NT], kind: 'person' },
  { q: 'Phạm Hoàng Anh', first: [VP907], kind: 'person' },
  { q: 'pham hoang anh', first: [VP907], kind: 'person' },
  { q: 'Nguyễn Long Biên', first: [NT], kind: 'person' },
  { q: 'tran dinh dat', first: [DNI1500], kind: 'person' },
  { q: 'le anh duong', first: [BG02], kind: 'person' },
  { q: 'Nguyễn Khắc Toàn', first: [KH1120], kind: 'person' },
  // Document numbers, typed every way
  { q: '469-CV/TU', first: [TH469], kind: 'number' },
  { q: '469/CV-TU', first: [TH469], kind: 'number' },
  // a state công văn's number carries no type code: Lào Cai's 469/UBND-VX is a công văn 469 too
  { q: 'CV 469', first: [TH469, LC469], kind: 'number' },
  { q: 'công văn 469', first: [TH469, LC469], kind: 'number' },
  { q: 'công văn 469 Lào Cai', first: [LC469], kind: 'number' },
  { q: '469 Lào Cai', first: [LC469], kind: 'number' },
  { q: 'công văn số 469 Thanh Hóa', first: [TH469], kind: 'number' },
  { q: '469 cv tu', first: [TH469], kind: 'number' },
  { q: '907-CV/TU', first: [VP907], kind: 'number' },
  { q: 'cong van 907', first: [VP907], kind: 'number' },
  { q: '240-CV/TU', first: [DB240], kind: 'number' },
  { q: 'CV 240', first: [DB240], kind: 'number' },
  { q: '25/KH-UBND', first: [HN25], kind: 'number' },
  { q: 'chỉ thị 05', first: [DN05], kind: 'number' },
  { q: '100-KL/TU', first: [NA100], kind: 'number' },
  { q: '469/UBND-VX', first: [LC469], kind: 'number' },
  { q: '470/KH-UBND', first: [TH470], kind: 'number' },
  { q: 'kế hoạch 180', first: [CT180], kind: 'number' },
  { q: '323-TB/TU', first: [NT], kind: 'number' },
  { q: '1120-CV/TU', first: [KH1120], kind: 'number' },
  // Topics and multi-syllable words
  { q: 'F0 tại nhà', first: [HCM07], kind: 'topic' },
  { q: 'f0 tai nha', first: [HCM07], kind: 'topic' },
  { q: 'tiêm vắc xin cho trẻ em', first: [HN25], kind: 'topic' },
  { q: 'tiem vac xin cho tre em', first: [HN25], kind: 'topic' },
  { q: 'Tết Nguyên đán', first: [TB45], kind: 'topic' },
  { q: 'tet nguyen dan', first: [TB45], kind: 'topic' },
  { q: 'tổ liên gia tự quản', first: [VP907], kind: 'topic' },
  { q: 'to lien gia', first: [VP907], kind: 'topic' },
  { q: 'đi chợ bằng phiếu', first: [DN05], kind: 'topic' },
  { q: 'di cho bang phieu', first: [DN05], kind: 'topic' },
  { q: 'giãn cách xã hội toàn thành phố', first: [DN05], kind: 'topic' },
  { q: 'phong toả', first: [HD03], kind: 'spelling' },
  { q: 'test nhanh kháng nguyên', first: [CT180], kind: 'topic' },
  { q: 'khai thác thủy sản', first: [KH1120], kind: 'spelling' },
  { q: 'học sinh đi học trực tiếp', first: [NA100], kind: 'topic' },
  { q: 'Omicron Nhâm Dần', first: [HN_DIEN], kind: 'topic' },
  { q: 'cảng cá', first: [KH1120], kind: 'topic' },
  { q: 'pháo hoa', first: [TB45], kind: 'topic' },
  { q: 'cách ly y tế tập trung 14 ngày', first: [LC469], kind: 'topic' },
  { q: 'vùng xanh', first: [QN2210], kind: 'topic' },
  { q: 'diễn biến mới của dịch bệnh', first: [QN2210], kind: 'topic' },
  { q: '98 ca dương tính', first: [TH469], kind: 'topic' },
  { q: '4 tại chỗ', first: [DB240, HN_DIEN], kind: 'topic' },
  { q: 'tiêm mũi 3', first: [TH470], kind: 'topic' },
  // Quoted phrases
  { q: '"tổ liên gia" vĩnh phúc', first: [VP907], kind: 'phrase' },
  { q: '"đi chợ"', first: [DN05], kind: 'phrase' },
  { q: '"test nhanh"', first: [CT180], kind: 'phrase' },
];
