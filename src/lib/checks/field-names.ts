/**
 * Vietnamese names of the frontmatter fields, as an archivist sees them on the directive page
 * and in CONTRIBUTING.md. Keep in step with src/lib/directive-schema.ts (a test checks that
 * every schema field has a name here).
 */
export const FIELD_NAMES_VI: Record<string, string> = {
  title: 'Tiêu đề',
  number: 'Số hiệu',
  docType: 'Loại văn bản',
  date: 'Ngày ban hành',
  dateSource: 'Nguồn của ngày ban hành',
  issuer: 'Cơ quan ban hành',
  province: 'Tỉnh, thành phố',
  signer: 'Người ký',
  signerRole: 'Chức vụ người ký',
  subject: 'Trích yếu (V/v)',
  recipients: 'Nơi nhận',
  urgency: 'Độ khẩn',
  references: 'Văn bản được dẫn chiếu',
  measures: 'Biện pháp',
  'measures.code': 'Mã biện pháp',
  'measures.action': 'Áp dụng hay nới lỏng',
  'measures.evidence': 'Câu trích dẫn biện pháp',
  'measures.scope': 'Phạm vi áp dụng',
  'measures.from': 'Áp dụng từ ngày',
  'measures.to': 'Áp dụng đến ngày',
  'measures.confidence': 'Độ tin cậy của biện pháp',
  summary: 'Tóm tắt',
  source: 'Nguồn',
  'source.raw': 'Tệp gốc',
  'source.sha256': 'Mã SHA-256 của tệp gốc',
  'source.publisher': 'Nơi đăng tải',
  'source.encoding': 'Bảng mã của tệp gốc',
  'references.number': 'Số hiệu văn bản được dẫn chiếu',
  'references.docType': 'Loại văn bản được dẫn chiếu',
  'references.date': 'Ngày của văn bản được dẫn chiếu',
  confidence: 'Độ tin cậy',
  review: 'Cần kiểm tra',
  'review.field': 'Trường cần kiểm tra',
  'review.reason': 'Lý do cần kiểm tra',
  reviewed: 'Đã kiểm tra',
  importHash: 'Mã kiểm tra khi nhập',
};

/** "Ngày ban hành (date)", "Tệp gốc (source.raw)", "Văn bản được dẫn chiếu số 2 (references[1].number)". */
export function describeField(path: readonly PropertyKey[]): string {
  const named = path.filter((p) => typeof p === 'string').join('.');
  const technical = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  const vi = FIELD_NAMES_VI[named] ?? FIELD_NAMES_VI[String(path[0])] ?? named;
  const index = path.find((p) => typeof p === 'number');
  const ordinal = typeof index === 'number' ? ` thứ ${index + 1}` : '';
  return `«${vi}${ordinal}» (${technical || 'frontmatter'})`;
}
