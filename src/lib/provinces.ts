/**
 * The 63 province-level units of 2020–2022: the one list every other module uses for names,
 * slugs, capitals, regions and the 2025 successors. Checked against the reference CSV in tests.
 */
import { foldForMatch, slugify, compareVietnamese } from './vietnamese.ts';

export type ProvinceKind = 'province' | 'city';

export interface ProvinceRecord {
  /** administrative code (Decision 124/2004/QĐ-TTg), two digits */
  code: string;
  /** official short name, NFC, new tone placement */
  name: string;
  /** `city` for the five centrally-run cities */
  kind: ProvinceKind;
  /** the Party committee's name: Tỉnh ủy or Thành ủy */
  partyCommittee: 'Tỉnh ủy' | 'Thành ủy';
  /** capital city (null for centrally-run cities) */
  capital: string | null;
  /** the unit it belongs to since the 2025 reorganisation */
  successor2025: string;
  /** socio-economic region, for grouping lists */
  region: string;
  /** other spellings met in real texts */
  aliases: string[];
}

export interface Province extends ProvinceRecord {
  /** URL slug, e.g. "thanh-hoa" */
  slug: string;
  /** true when the 2025 reorganisation merged it into another unit */
  merged2025: boolean;
}

const RECORDS: ProvinceRecord[] = [
  { code: '01', name: 'Hà Nội', kind: 'city', partyCommittee: 'Thành ủy', capital: null, successor2025: 'Hà Nội', region: 'Đồng bằng sông Hồng', aliases: ['Thủ đô'] },
  { code: '02', name: 'Hà Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hà Giang', successor2025: 'Tuyên Quang', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '04', name: 'Cao Bằng', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Cao Bằng', successor2025: 'Cao Bằng', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '06', name: 'Bắc Kạn', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bắc Kạn', successor2025: 'Thái Nguyên', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '08', name: 'Tuyên Quang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Tuyên Quang', successor2025: 'Tuyên Quang', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '10', name: 'Lào Cai', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Lào Cai', successor2025: 'Lào Cai', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '11', name: 'Điện Biên', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Điện Biên Phủ', successor2025: 'Điện Biên', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '12', name: 'Lai Châu', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Lai Châu', successor2025: 'Lai Châu', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '14', name: 'Sơn La', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Sơn La', successor2025: 'Sơn La', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '15', name: 'Yên Bái', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Yên Bái', successor2025: 'Lào Cai', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '17', name: 'Hòa Bình', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hòa Bình', successor2025: 'Phú Thọ', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '19', name: 'Thái Nguyên', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Thái Nguyên', successor2025: 'Thái Nguyên', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '20', name: 'Lạng Sơn', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Lạng Sơn', successor2025: 'Lạng Sơn', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '22', name: 'Quảng Ninh', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hạ Long', successor2025: 'Quảng Ninh', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '24', name: 'Bắc Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bắc Giang', successor2025: 'Bắc Ninh', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '25', name: 'Phú Thọ', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Việt Trì', successor2025: 'Phú Thọ', region: 'Trung du và miền núi phía Bắc', aliases: [] },
  { code: '26', name: 'Vĩnh Phúc', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Vĩnh Yên', successor2025: 'Phú Thọ', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '27', name: 'Bắc Ninh', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bắc Ninh', successor2025: 'Bắc Ninh', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '30', name: 'Hải Dương', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hải Dương', successor2025: 'Hải Phòng', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '31', name: 'Hải Phòng', kind: 'city', partyCommittee: 'Thành ủy', capital: null, successor2025: 'Hải Phòng', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '33', name: 'Hưng Yên', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hưng Yên', successor2025: 'Hưng Yên', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '34', name: 'Thái Bình', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Thái Bình', successor2025: 'Hưng Yên', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '35', name: 'Hà Nam', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Phủ Lý', successor2025: 'Ninh Bình', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '36', name: 'Nam Định', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Nam Định', successor2025: 'Ninh Bình', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '37', name: 'Ninh Bình', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Ninh Bình', successor2025: 'Ninh Bình', region: 'Đồng bằng sông Hồng', aliases: [] },
  { code: '38', name: 'Thanh Hóa', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Thanh Hóa', successor2025: 'Thanh Hóa', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '40', name: 'Nghệ An', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Vinh', successor2025: 'Nghệ An', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '42', name: 'Hà Tĩnh', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Hà Tĩnh', successor2025: 'Hà Tĩnh', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '44', name: 'Quảng Bình', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Đồng Hới', successor2025: 'Quảng Trị', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '45', name: 'Quảng Trị', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Đông Hà', successor2025: 'Quảng Trị', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '46', name: 'Thừa Thiên Huế', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Huế', successor2025: 'Huế', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: ['Huế', 'TT-Huế', 'Thừa Thiên-Huế'] },
  { code: '48', name: 'Đà Nẵng', kind: 'city', partyCommittee: 'Thành ủy', capital: null, successor2025: 'Đà Nẵng', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '49', name: 'Quảng Nam', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Tam Kỳ', successor2025: 'Đà Nẵng', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '51', name: 'Quảng Ngãi', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Quảng Ngãi', successor2025: 'Quảng Ngãi', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '52', name: 'Bình Định', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Quy Nhơn', successor2025: 'Gia Lai', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '54', name: 'Phú Yên', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Tuy Hòa', successor2025: 'Đắk Lắk', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '56', name: 'Khánh Hòa', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Nha Trang', successor2025: 'Khánh Hòa', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '58', name: 'Ninh Thuận', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Phan Rang-Tháp Chàm', successor2025: 'Khánh Hòa', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '60', name: 'Bình Thuận', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Phan Thiết', successor2025: 'Lâm Đồng', region: 'Bắc Trung Bộ và duyên hải miền Trung', aliases: [] },
  { code: '62', name: 'Kon Tum', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Kon Tum', successor2025: 'Quảng Ngãi', region: 'Tây Nguyên', aliases: ['Kontum'] },
  { code: '64', name: 'Gia Lai', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Pleiku', successor2025: 'Gia Lai', region: 'Tây Nguyên', aliases: [] },
  { code: '66', name: 'Đắk Lắk', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Buôn Ma Thuột', successor2025: 'Đắk Lắk', region: 'Tây Nguyên', aliases: ['Đắc Lắc', 'Đăk Lăk', 'Đắk Lăk', 'Dak Lak'] },
  { code: '67', name: 'Đắk Nông', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Gia Nghĩa', successor2025: 'Lâm Đồng', region: 'Tây Nguyên', aliases: ['Đắc Nông', 'Đăk Nông', 'Dak Nong'] },
  { code: '68', name: 'Lâm Đồng', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Đà Lạt', successor2025: 'Lâm Đồng', region: 'Tây Nguyên', aliases: [] },
  { code: '70', name: 'Bình Phước', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Đồng Xoài', successor2025: 'Đồng Nai', region: 'Đông Nam Bộ', aliases: [] },
  { code: '72', name: 'Tây Ninh', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Tây Ninh', successor2025: 'Tây Ninh', region: 'Đông Nam Bộ', aliases: [] },
  { code: '74', name: 'Bình Dương', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Thủ Dầu Một', successor2025: 'Thành phố Hồ Chí Minh', region: 'Đông Nam Bộ', aliases: [] },
  { code: '75', name: 'Đồng Nai', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Biên Hòa', successor2025: 'Đồng Nai', region: 'Đông Nam Bộ', aliases: [] },
  { code: '77', name: 'Bà Rịa - Vũng Tàu', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bà Rịa', successor2025: 'Thành phố Hồ Chí Minh', region: 'Đông Nam Bộ', aliases: ['Bà Rịa-Vũng Tàu', 'Bà Rịa – Vũng Tàu', 'BR-VT', 'BRVT'] },
  { code: '79', name: 'Thành phố Hồ Chí Minh', kind: 'city', partyCommittee: 'Thành ủy', capital: null, successor2025: 'Thành phố Hồ Chí Minh', region: 'Đông Nam Bộ', aliases: ['TP.HCM', 'TP. HCM', 'TPHCM', 'TP. Hồ Chí Minh', 'TP Hồ Chí Minh', 'Hồ Chí Minh', 'Sài Gòn'] },
  { code: '80', name: 'Long An', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Tân An', successor2025: 'Tây Ninh', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '82', name: 'Tiền Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Mỹ Tho', successor2025: 'Đồng Tháp', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '83', name: 'Bến Tre', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bến Tre', successor2025: 'Vĩnh Long', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '84', name: 'Trà Vinh', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Trà Vinh', successor2025: 'Vĩnh Long', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '86', name: 'Vĩnh Long', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Vĩnh Long', successor2025: 'Vĩnh Long', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '87', name: 'Đồng Tháp', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Cao Lãnh', successor2025: 'Đồng Tháp', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '89', name: 'An Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Long Xuyên', successor2025: 'An Giang', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '91', name: 'Kiên Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Rạch Giá', successor2025: 'An Giang', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '92', name: 'Cần Thơ', kind: 'city', partyCommittee: 'Thành ủy', capital: null, successor2025: 'Cần Thơ', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '93', name: 'Hậu Giang', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Vị Thanh', successor2025: 'Cần Thơ', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '94', name: 'Sóc Trăng', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Sóc Trăng', successor2025: 'Cần Thơ', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '95', name: 'Bạc Liêu', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Bạc Liêu', successor2025: 'Cà Mau', region: 'Đồng bằng sông Cửu Long', aliases: [] },
  { code: '96', name: 'Cà Mau', kind: 'province', partyCommittee: 'Tỉnh ủy', capital: 'Cà Mau', successor2025: 'Cà Mau', region: 'Đồng bằng sông Cửu Long', aliases: [] },];

export const REGIONS = [
  'Trung du và miền núi phía Bắc',
  'Đồng bằng sông Hồng',
  'Bắc Trung Bộ và duyên hải miền Trung',
  'Tây Nguyên',
  'Đông Nam Bộ',
  'Đồng bằng sông Cửu Long',
] as const;

export const PROVINCES: readonly Province[] = RECORDS.map((r) => ({
  ...r,
  slug: slugify(r.name),
  merged2025: r.successor2025 !== r.name,
}));

/** Province names, for the schema's enum. */
export const PROVINCE_NAMES = PROVINCES.map((p) => p.name) as [string, ...string[]];

const byFolded = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const n of [p.name, ...p.aliases]) byFolded.set(foldForMatch(n), p);
}
const bySlug = new Map(PROVINCES.map((p) => [p.slug, p]));

/** Find a province by its name or a known variant, typed with or without diacritics. */
export function findProvince(name: string): Province | undefined {
  return byFolded.get(foldForMatch(name).replace(/^(tinh|thanh pho|tp\.?)\s+/, ''));
}

export function provinceBySlug(slug: string): Province | undefined {
  return bySlug.get(slug);
}

/** The record for a stored (canonical) name; throws on names outside the list. */
export function provinceByName(name: string): Province {
  const p = findProvince(name);
  if (!p) throw new Error(`Unknown province: ${name}`);
  return p;
}

/** "Vĩnh Phúc — nay thuộc tỉnh Phú Thọ" style label for the 2025 reorganisation, or null. */
export function successorLabel(p: Province): string | null {
  if (!p.merged2025) return null;
  const successor = PROVINCES.find((q) => q.name === p.successor2025);
  if (p.successor2025 === 'Huế') return 'nay là thành phố Huế';
  if (p.successor2025 === 'Thành phố Hồ Chí Minh') return 'nay thuộc Thành phố Hồ Chí Minh';
  const prefix = successor?.kind === 'city' ? 'thành phố' : 'tỉnh';
  return `nay thuộc ${prefix} ${p.successor2025}`;
}

export function sortProvinces(list: readonly Province[]): Province[] {
  return [...list].sort((a, b) => compareVietnamese(a.name, b.name));
}
