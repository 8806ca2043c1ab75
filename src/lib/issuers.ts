/**
 * Issuing bodies, without the place ("Ban Thường vụ Tỉnh ủy", not "... Tỉnh ủy Thanh Hóa"):
 * the one list the importer, schema and filters share. The place lives in `province`.
 */
export const ISSUERS = [
  'Ban Chấp hành Tỉnh ủy',
  'Ban Thường vụ Tỉnh ủy',
  'Thường trực Tỉnh ủy',
  'Tỉnh ủy',
  'Ban Chấp hành Thành ủy',
  'Ban Thường vụ Thành ủy',
  'Thường trực Thành ủy',
  'Thành ủy',
  'UBND tỉnh',
  'Chủ tịch UBND tỉnh',
  'UBND thành phố',
  'Chủ tịch UBND thành phố',
  'Ban Chỉ đạo phòng, chống dịch tỉnh',
  'Ban Chỉ đạo phòng, chống dịch thành phố',
  'Văn phòng UBND tỉnh',
  'Văn phòng UBND thành phố',
  'HĐND tỉnh',
  'HĐND thành phố',
] as const;

export type Issuer = (typeof ISSUERS)[number];
export const ISSUER_NAMES = ISSUERS as unknown as [Issuer, ...Issuer[]];

/** Party bodies vs. state bodies: the two branches a reader tells apart at a glance. */
export function issuerBranch(issuer: Issuer): 'party' | 'state' {
  return /ủy$|Tỉnh ủy|Thành ủy/.test(issuer) && !/UBND|HĐND/.test(issuer) ? 'party' : 'state';
}
