/**
 * The measures a directive can order, coded after the Oxford COVID-19 Government Response
 * Tracker's indicators and adapted to how Vietnamese directives are written. One list for the
 * importer, the schema, the pages and search.
 */
export const MEASURES = [
  {
    code: 'distancing-ct15',
    name: 'Social distancing under Chỉ thị 15/CT-TTg',
    label: 'Giãn cách xã hội theo Chỉ thị 15',
  },
  {
    code: 'distancing-ct16',
    name: 'Social distancing under Chỉ thị 16/CT-TTg',
    label: 'Giãn cách xã hội theo Chỉ thị 16',
  },
  { code: 'distancing-ct19', name: 'Measures under Chỉ thị 19/CT-TTg', label: 'Biện pháp theo Chỉ thị 19' },
  { code: 'risk-level', name: 'Epidemic level or risk zone', label: 'Cấp độ dịch, vùng nguy cơ' },
  { code: 'lockdown-area', name: 'Area blockade or cordon', label: 'Phong tỏa, cách ly y tế vùng' },
  { code: 'quarantine', name: 'Quarantine or isolation of people', label: 'Cách ly' },
  { code: 'testing', name: 'Testing', label: 'Xét nghiệm' },
  { code: 'vaccination', name: 'Vaccination', label: 'Tiêm vắc xin' },
  { code: 'schools', name: 'Schools closed or reopened', label: 'Trường học' },
  {
    code: 'business-closure',
    name: 'Businesses and services closed or reopened',
    label: 'Dừng, mở lại kinh doanh, dịch vụ',
  },
  { code: 'gatherings', name: 'Limits on gatherings and events', label: 'Hạn chế tụ tập, sự kiện' },
  { code: 'movement', name: 'Movement restrictions and checkpoints', label: 'Hạn chế đi lại, chốt kiểm soát' },
  { code: 'masks-5k', name: 'Masks and the 5K message', label: 'Khẩu trang, 5K' },
  { code: 'health-declaration', name: 'Health declarations and QR check-in', label: 'Khai báo y tế, quét mã QR' },
  { code: 'work-from-home', name: 'Working from home, fewer staff at offices', label: 'Làm việc tại nhà' },
  { code: 'support', name: 'Relief for people and businesses', label: 'Hỗ trợ người dân' },
  { code: 'enforcement', name: 'Inspection and penalties', label: 'Kiểm tra, xử lý vi phạm' },
] as const;

export type MeasureCode = (typeof MEASURES)[number]['code'];
export const MEASURE_CODES = MEASURES.map((m) => m.code) as unknown as [MeasureCode, ...MeasureCode[]];

/** What a directive does with a measure: orders, tightens or extends it, or eases or ends it. */
export const MEASURE_ACTIONS = ['impose', 'lift'] as const;
export type MeasureAction = (typeof MEASURE_ACTIONS)[number];
/** Vietnamese words for the actions, as pages show them. */
export const MEASURE_ACTION_LABELS: Record<MeasureAction, string> = { impose: 'áp dụng', lift: 'nới lỏng, dỡ bỏ' };

/** The measure with this code; undefined for a code not in the list. */
export function findMeasure(code: string): (typeof MEASURES)[number] | undefined {
  return MEASURES.find((m) => m.code === code);
}
