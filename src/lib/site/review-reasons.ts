/**
 * How sure a directive page is, in plain Vietnamese for readers: the page's status (checked by
 * an archivist or not) and, for each field the importer flagged under `review:`, its reason.
 * The importer writes its reasons in English for archivists (src/lib/import/); each known
 * reason is matched by a pattern here and said again in Vietnamese. A reason no pattern knows is
 * still shown (never hidden), with a Vietnamese lead and the importer's words marked lang="en".
 */
import { findMeasure, MEASURE_ACTION_LABELS, type MeasureAction } from '../measures.ts';
import type { DirectiveData } from '../directive-schema.ts';
import { dateSourceNote } from './dates.ts';
import { FIELD_NAMES_VI } from '../checks/field-names.ts';

/**
 * Vietnamese names of the frontmatter fields, as the page labels them: the one list of field
 * names (checks/field-names.ts), with the wording readers see where it differs from the
 * archivists' (no "(V/v)", the importer called "máy đọc").
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(FIELD_NAMES_VI).filter(([k]) => !k.includes('.'))),
  subject: 'Trích yếu',
  references: 'Văn bản dẫn chiếu',
  confidence: 'Độ tin cậy của máy đọc',
  review: 'Ghi chú cần kiểm tra',
  reviewed: 'Trạng thái kiểm tra',
  importHash: 'Dấu kiểm của lần nhập',
};

/** "Số hiệu" for "number"; an unknown field keeps its name. */
export function fieldLabel(field: string): string {
  const top = field.split('.')[0]!;
  return FIELD_LABELS[field] ?? FIELD_LABELS[top] ?? field;
}

export interface ReviewNote {
  field: string;
  /** the field's Vietnamese label */
  label: string;
  /** the reason in Vietnamese */
  text: string;
  /** the importer's own words, when no pattern knew them (shown marked as English) */
  original: string | null;
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

// One rule per reason the importer writes (src/lib/import/extract.ts, pipeline.ts). Anchored
// loosely (no $) so a reason the importer extends with a clause still reads.
const RULES: Rule[] = [
  [
    /^no issue date in the text; month of the publication date/i,
    () => 'Văn bản không ghi ngày ban hành; đây là tháng báo đăng tin, không phải ngày ban hành.',
  ],
  [
    /^no issue date; month of the latest date the text reports \((.+?)\)/i,
    (m) =>
      `Văn bản không ghi ngày ban hành; đây là tháng của mốc thời gian muộn nhất văn bản nêu (${m[1]}), ngày ban ` +
      `hành có thể muộn hơn.`,
  ],
  [
    /the date of the meeting or event the text opens with/i,
    () => 'Có thể là ngày của cuộc họp hoặc sự kiện mà văn bản nêu ở đầu; ngày ban hành có thể muộn hơn một chút.',
  ],
  [
    /^the text gives "(.+?)" without a year; year taken from the same date written in full/i,
    (m) => `Văn bản ghi “${m[1]}” không kèm năm; năm lấy từ chỗ khác trong văn bản ghi đủ ngày này.`,
  ],
  [
    /^the text gives "(.+?)" without a year; year taken from the publication date/i,
    (m) => `Văn bản ghi “${m[1]}” không kèm năm; năm suy ra từ ngày đăng tin.`,
  ],
  [/^the text gives "(.+?)" without a year/i, (m) => `Văn bản ghi “${m[1]}” không kèm năm; năm do máy suy ra.`],
  [/^the dateline gives the month only/i, () => 'Dòng địa danh, ngày tháng chỉ ghi tháng, không ghi ngày.'],
  [
    /^two numbers could be this document's own: (.+)/i,
    (m) => `Có hai số hiệu có thể là của chính văn bản này: ${m[1]}.`,
  ],
  [
    /^no type named; a "V\/v" subject line marks a công văn/i,
    () => 'Văn bản không ghi tên loại; dòng “V/v” cho thấy đây là công văn.',
  ],
  [
    /^the text only says "văn bản"; its symbol suggests (.+)/i,
    (m) => `Văn bản chỉ tự gọi là “văn bản”; ký hiệu trong số hiệu gợi ý đây là ${m[1]}.`,
  ],
  [/^the text only says "văn bản"/i, () => 'Văn bản chỉ tự gọi là “văn bản”, không ghi tên loại.'],
  [
    /^issued by a district or commune body/i,
    () => 'Do cơ quan cấp huyện hoặc cấp xã ban hành; lưu trữ chỉ giữ văn bản cấp tỉnh.',
  ],
  [/^several provinces are named as issuers/i, () => 'Văn bản nêu nhiều tỉnh, thành phố là nơi ban hành.'],
  [/^inferred from the place "(.+?)"/i, (m) => `Tỉnh, thành phố suy ra từ địa danh “${m[1]}”.`],
  [
    /^the only province the text names/i,
    () => 'Tỉnh, thành phố duy nhất văn bản nhắc đến; văn bản không ghi rõ nơi ban hành.',
  ],
  [
    /^the text names several provinces \((.+?)\) and not the issuer's/i,
    (m) => `Văn bản nêu nhiều tỉnh, thành phố (${m[1]}) nhưng không nêu tỉnh của cơ quan ban hành.`,
  ],
  [/^from the portal address (.+)/i, (m) => `Tỉnh, thành phố suy ra từ địa chỉ trang tin ${m[1]}.`],
  [
    /^([a-z0-9-]+) \((impose|lift)\): (\d+)% sure/i,
    (m) =>
      `Biện pháp “${findMeasure(m[1]!)?.label ?? m[1]}” ` +
      `(${MEASURE_ACTION_LABELS[m[2] as MeasureAction] ?? m[2]}): máy đọc chỉ chắc ${m[3]}%; cần xem chính ` +
      `văn bản có yêu cầu biện pháp này không.`,
  ],
  [
    /^the text has no headline or title block/i,
    () => 'Văn bản không có tiêu đề; tiêu đề được ghép từ loại, số hiệu và cơ quan ban hành.',
  ],
  [
    /^read from who speaks in the text \("(.+?)"\)/i,
    (m) => `Cơ quan ban hành suy ra từ người phát biểu trong bài (“${m[1]}”), không từ câu ban hành văn bản.`,
  ],
  [
    /^the text does not say plainly that it issues this number/i,
    () => 'Bài không nói rõ đây là số hiệu của chính văn bản này; có thể là số của văn bản được dẫn chiếu.',
  ],
  [/^the title block gives only the type/i, () => 'Phần tiêu đề chỉ ghi loại văn bản, chưa có trích yếu.'],
  [
    /^named only in the page's chrome \("(.+?)"\)/i,
    (m) => `Tỉnh, thành phố chỉ thấy ở phần khung của trang tin (“${m[1]}”), không có trong nội dung.`,
  ],
  [
    /^read beside the number (\S+), which may not be this document's own/i,
    (m) => `Đọc bên cạnh số hiệu ${m[1]}, có thể không phải số hiệu của chính văn bản này.`,
  ],
  [
    /^read from the number's symbol only/i,
    () => 'Cơ quan ban hành chỉ suy ra từ ký hiệu trong số hiệu; văn bản không ghi tên cơ quan.',
  ],
  [
    /^the text says "(.+?)"; the day is the one named before it/i,
    (m) => `Văn bản ghi “${m[1]}”; ngày ban hành lấy theo ngày được nêu ngay trước đó.`,
  ],
  [
    /^the text names the steering committee, but the number's symbol \((.+?)\) is the People's Committee's/i,
    (m) => `Văn bản nêu Ban Chỉ đạo, nhưng ký hiệu số hiệu (${m[1]}) là của Ủy ban nhân dân.`,
  ],
  [
    /^a dateline printed after the text/i,
    () => 'Dòng địa danh, ngày tháng nằm sau nội dung, không ở phần đầu văn bản.',
  ],
  [
    /^the number line reads "(.+?)", letters a scan mistakes for digits; read as (\S+?):/i,
    (m) =>
      `Dòng số hiệu ghi “${m[1]}”, có chữ cái mà bản quét dễ nhầm với chữ số; máy đọc thành ${m[2]}: cần đối ` +
      `chiếu với bản quét.`,
  ],
  [
    /^the dateline reads "(.+?)", letters a scan mistakes for digits/i,
    (m) => `Dòng ngày tháng ghi “${m[1]}”, có chữ cái mà bản quét dễ nhầm với chữ số: cần đối chiếu ngày với bản quét.`,
  ],
  [/^not certain: read from "(.+)"$/i, (m) => `Máy đọc chưa chắc chắn; thông tin được đọc từ “${m[1]}”.`],
  [/^low confidence/i, () => 'Máy đọc chưa chắc chắn về thông tin này.'],
];

/** One importer reason in Vietnamese; `original` keeps the English when no rule knows it. */
export function reasonInVietnamese(reason: string): { text: string; original: string | null } {
  const r = reason.trim();
  for (const [re, say] of RULES) {
    const m = re.exec(r);
    if (m) return { text: say(m), original: null };
  }
  return { text: 'Máy đọc đánh dấu thông tin này cần người đối chiếu với bản gốc.', original: r || null };
}

/** The reader's note for a date that is not the document's own ("ngày đăng báo, …"), or null. */
export function dateSourceLabel(source: DirectiveData['dateSource']): string | null {
  if (source === 'publication') return 'ngày đăng báo, không phải ngày ban hành';
  if (source === 'inferred') return 'ngày suy ra từ các mốc thời gian trong văn bản, không phải ngày ban hành';
  return null;
}

export interface Confidence {
  reviewed: boolean;
  /** "Đã kiểm tra" / "Chưa kiểm tra" */
  status: string;
  /** one sentence on what the status means */
  explanation: string;
  /** the flagged fields, in the order of the page's metadata (on a checked page: only the date's source) */
  notes: ReviewNote[];
  /** on a checked page, what the importer had flagged before the check */
  checkedNotes: ReviewNote[];
  /** notes by field, for the metadata rows */
  byField: Map<string, ReviewNote[]>;
}

const FIELD_ORDER = ['number', 'docType', 'issuer', 'province', 'date', 'subject', 'title', 'signer'];

export function pageConfidence(d: Pick<DirectiveData, 'reviewed' | 'review' | 'dateSource'>): Confidence {
  const flags: ReviewNote[] = d.review.map((r) => ({
    field: r.field,
    label: fieldLabel(r.field),
    ...reasonInVietnamese(r.reason),
  }));
  // Once an archivist has checked the page, the importer's doubts are history, not warnings.
  const notes: ReviewNote[] = d.reviewed ? [] : [...flags];
  // A date taken from the news report, or inferred, is said beside the date even without a flag.
  const dateNote = dateSourceNote(d.dateSource);
  if (dateNote && !notes.some((n) => n.field === 'date')) {
    notes.push({ field: 'date', label: fieldLabel('date'), text: dateNote, original: null });
  }
  const rank = (f: string) => {
    const i = FIELD_ORDER.indexOf(f);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  notes.sort((a, b) => rank(a.field) - rank(b.field));
  const byField = new Map<string, ReviewNote[]>();
  for (const n of notes) byField.set(n.field, [...(byField.get(n.field) ?? []), n]);
  const flagged = notes.length;
  return d.reviewed
    ? {
        reviewed: true,
        status: 'Đã kiểm tra',
        explanation: 'Thông tin văn bản đã được người làm lưu trữ đối chiếu với bản gốc.',
        notes,
        checkedNotes: flags,
        byField,
      }
    : {
        reviewed: false,
        status: 'Chưa kiểm tra',
        explanation:
          `Thông tin văn bản do máy đọc từ bản gốc và chưa được người đối ` +
          `chiếu${flagged ? `; ${flagged} thông tin được đánh dấu cần kiểm tra` : ''}. Nội dung văn bản được ` +
          `giữ nguyên như bản gốc.`,
        notes,
        checkedNotes: [],
        byField,
      };
}
