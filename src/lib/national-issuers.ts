/**
 * Codes that only central bodies put in their document numbers ("35/CT-TTg", "1305/CĐ-BYT",
 * "15-CT/TW"), and who they are: the one list the importer (a cited national document is never
 * the province's own) and the content checks (a national reference is outside the archive) share.
 * Codes are compared folded and upper-cased, as `parseDocNumber` gives them ("BCĐQG" -> "BCDQG").
 */
import { parseDocNumber } from './doc-number.ts';

export const NATIONAL_ISSUERS: Readonly<Record<string, string>> = {
  TTG: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  TW: 'Trung ương Đảng',
  VPCP: 'Văn phòng Chính phủ',
  BYT: 'Bộ Y tế',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  UBTVQH14: 'Ủy ban Thường vụ Quốc hội',
  UBTVQH15: 'Ủy ban Thường vụ Quốc hội',
  BCDQG: 'Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19',
  BCDTW: 'Ban Chỉ đạo Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  UBKTTW: 'Ủy ban Kiểm tra Trung ương',
  CTN: 'Chủ tịch nước',
  TANDTC: 'Tòa án nhân dân tối cao',
  VKSNDTC: 'Viện kiểm sát nhân dân tối cao',
  BCT: 'Bộ Công Thương',
  BGTVT: 'Bộ Giao thông vận tải',
  BGDDT: 'Bộ Giáo dục và Đào tạo',
  BLDTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BTC: 'Bộ Tài chính',
  BQP: 'Bộ Quốc phòng',
  BCA: 'Bộ Công an',
  BNG: 'Bộ Ngoại giao',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BKHDT: 'Bộ Kế hoạch và Đầu tư',
  BNV: 'Bộ Nội vụ',
  BTP: 'Bộ Tư pháp',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BXD: 'Bộ Xây dựng',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
};

const NATIONAL_CODES = new Set(Object.keys(NATIONAL_ISSUERS));

/**
 * One code of a number is a central body's. Ministries are "B" + initials (BYT, BVHTTDL, BGDĐT)
 * even when not listed; provincial codes starting with B are not: the steering committee (BCĐ),
 * standing board (BTV), party caucus (BCS), managing boards (BQL), military command (BCH) and
 * the Tỉnh ủy's own boards ("BTGTU", "BDVTU").
 */
export function isNationalCode(code: string): boolean {
  const c = code.toUpperCase();
  return NATIONAL_CODES.has(c) || (/^B(?!CD|TV|CS|QL|CH)[A-Z]{2,}$/.test(c) && !/TU$/.test(c));
}

/** A number that carries a central body's code ("35/CT-TTg", "58/BVHTTDL-VHCS"). */
export function isNationalNumber(number: string): boolean {
  const parts = parseDocNumber(number);
  return parts ? parts.codes.some(isNationalCode) : false;
}
