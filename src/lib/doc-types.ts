/**
 * Document types of Vietnamese administrative and Party documents, with the codes used in
 * their numbers ("469-CV/TU": CV is Công văn). One list for the importer, schema, filters and UI.
 */
export const DOC_TYPES = [
  { name: 'Công văn', code: 'CV', plural: 'Công văn' },
  { name: 'Thông báo', code: 'TB', plural: 'Thông báo' },
  { name: 'Thông báo kết luận', code: 'TB', plural: 'Thông báo kết luận' },
  { name: 'Công điện', code: 'CĐ', plural: 'Công điện' },
  { name: 'Điện', code: '', plural: 'Điện' },
  { name: 'Chỉ thị', code: 'CT', plural: 'Chỉ thị' },
  { name: 'Nghị quyết', code: 'NQ', plural: 'Nghị quyết' },
  { name: 'Kết luận', code: 'KL', plural: 'Kết luận' },
  { name: 'Kế hoạch', code: 'KH', plural: 'Kế hoạch' },
  { name: 'Quyết định', code: 'QĐ', plural: 'Quyết định' },
  { name: 'Hướng dẫn', code: 'HD', plural: 'Hướng dẫn' },
  { name: 'Thông tri', code: 'TT', plural: 'Thông tri' },
  { name: 'Quy định', code: 'QĐ', plural: 'Quy định' },
  { name: 'Kịch bản', code: '', plural: 'Kịch bản' },
  { name: 'Văn bản', code: '', plural: 'Văn bản khác' },
] as const;

export type DocTypeName = (typeof DOC_TYPES)[number]['name'];
export const DOC_TYPE_NAMES = DOC_TYPES.map((t) => t.name) as unknown as [DocTypeName, ...DocTypeName[]];

/** The type a number's code stands for ("CV" -> Công văn); undefined for unknown codes. */
export function docTypeFromCode(code: string): DocTypeName | undefined {
  const c = code.normalize('NFC').toUpperCase();
  const map: Record<string, DocTypeName> = {
    CV: 'Công văn',
    TB: 'Thông báo',
    CĐ: 'Công điện',
    CD: 'Công điện',
    CT: 'Chỉ thị',
    NQ: 'Nghị quyết',
    KL: 'Kết luận',
    KH: 'Kế hoạch',
    QĐ: 'Quyết định',
    QD: 'Quyết định',
    HD: 'Hướng dẫn',
    TT: 'Thông tri',
    KB: 'Kịch bản', // provincial contingency plans ("220/KB-UBND")
  };
  return map[c];
}
