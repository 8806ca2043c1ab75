/**
 * Import step: the measures a directive itself orders or lifts, coded with the list in
 * src/lib/measures.ts, each with the sentence that orders it (exactly as in the text), the area
 * and the dates when the text gives them, and a confidence.
 *
 * Pure: text in, measures out. The text is read sentence by sentence; parts of a sentence that
 * do not order anything are masked before the per-code rules run:
 * - the legal basis ("Căn cứ …", "Thực hiện Chỉ thị 16/CT-TTg …, UBND tỉnh yêu cầu"),
 * - what national bodies ordered ("Thủ tướng Chính phủ yêu cầu …", "Theo phân nhóm của Ban Chỉ
 *   đạo quốc gia, …") and the subjects of national documents ("Công điện 1305/CĐ-BYT về việc
 *   tăng cường xét nghiệm"),
 * - background ("đã thực hiện", "thời gian qua"), goals, exemptions ("trừ …"), slogans and the
 *   standard lists of principles ("phát hiện, cách ly, khoanh vùng, dập dịch").
 * Page chrome (photo captions, related-news headlines, teasers) is skipped before that. Rules are
 * data (MEASURE_RULES): each names the code, the action and a pattern on folded text (no
 * diacritics, lower case), so "giãn cách", "gian cach" and the typo "giản cách" read the same.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { foldKeepLength, toNFC } from '../vietnamese.ts';
import type { DirectiveMeasure } from '../directive-schema.ts';
import type { MeasureAction, MeasureCode } from '../measures.ts';

/** Where a passage comes from: the body, or the headline/title (a summary, so less sure). */
export type PassageKind = 'body' | 'title';

export interface MeasureText {
  /** the body's blocks (paragraphs, list items) as plain text, in order */
  blocks: string[];
  /** headline of a report, or the title lines / "V/v" subject of an official layout, as written */
  titles?: string[];
  /** the document's issue date ("2021-07-12" or "2021-07"): the year for dates written without one */
  date?: string | null;
}

export interface MeasureRule {
  /** a name that says what the rule reads, for tests and debugging */
  name: string;
  code: MeasureCode;
  action: MeasureAction;
  /** on folded text (foldKeepLength: lower case, no diacritics, đ -> d) */
  pattern: RegExp;
}

// ------------------------------------------------------------------ the rules

/** "Chỉ thị 16/CT-TTg", "Chỉ thị số 16", "Chỉ thị 16-CT/TTg", "CT16"; not "Chỉ thị 16/CT-UBND". */
const ctRef = (n: number): string =>
  `(?:chi thi|\\bct)\\s*(?:so\\s*)?${n}(?![\\d.,/-]\\d)(?:\\s*\\+)?` +
  `(?!\\s*[/-]\\s*(?:20\\d\\d\\s*[/-]\\s*)?ct\\s*[/-]\\s*(?!tt)[a-z])(?!\\s*[/-]\\s*20\\d\\d)`;
const CT_LIFT =
  '(?:ket thuc|cham dut|bai bo|(?<!ap |su )dung|ngung|khong (?:con )?(?:ap d[ux]ng|thuc hien)|go bo|do bo|ra khoi)';
const ctRules = (code: MeasureCode, n: number): MeasureRule[] => [
  {
    name: `${code}: ends or stops Chỉ thị ${n}`,
    code,
    action: 'lift',
    pattern: new RegExp(
      `${CT_LIFT}\\s+(?:viec\\s+)?(?:ap d[ux]ng\\s+|thuc hien\\s+)?(?:cac\\s+)?(?:bien phap\\s+)?` +
        `(?:gian cach(?: xa hoi)?\\s+)?(?:theo\\s+)?(?:tinh than\\s+)?${ctRef(n)}`,
    ),
  },
  {
    name: `${code}: moves from Chỉ thị ${n} to another`,
    code,
    action: 'lift',
    pattern: new RegExp(
      `\\btu\\s+(?:viec\\s+)?(?:thuc hien\\s+|ap d[ux]ng\\s+)?(?:gian cach(?: xa hoi)?\\s+)?(?:theo\\s+)?` +
        `(?:tinh than\\s+)?${ctRef(n)}[^;]{0,80}?\\b(?:sang|len|xuong)\\b`,
    ),
  },
  { name: `${code}: names Chỉ thị ${n}/CT-TTg`, code, action: 'impose', pattern: new RegExp(ctRef(n)) },
];

const BUSINESS =
  '(?:cac cho\\b|cho (?:truyen thong|dau moi|dan sinh|tam|coc|que)|co so|c[ux]a hang|c[ux]a hieu|hang quan' +
  '|quan an|nha hang|dich vu|kinh doanh|karaoke|massage|mat xa|quan bar|\\bbar\\b|vu truong|phong tap' +
  '|gym|an uong|bi-?a|internet|tro choi dien tu|spa|tham my|rap chieu phim|cho dem|sieu thi' +
  '|trung tam thuong mai|quan ca phe|cafe|ca phe|di tich|co so ton giao|khu du lich|diem du lich' +
  '|khu vui choi|cat toc|lam dep|co so luu tru|khach san|nha nghi|homestay)';
const GATHER =
  '(?:lien hoan|tiec tung|an uong tap the|tu tap|tap trung dong nguoi|hoat dong tap trung' +
  '|tap trung (?:tu|tren|qua) \\d+|hoi hop|le hoi|su kien|dam cuoi|dam tang|tiec cuoi|nghi le ton giao' +
  '|sinh hoat ton giao|hoat dong ton giao|dai hoi|hoi nghi|dong nguoi)';
const NOT = '(?<!khong |chua |khong duoc |chua duoc |cam )';

export const MEASURE_RULES: readonly MeasureRule[] = [
  ...ctRules('distancing-ct15', 15),
  ...ctRules('distancing-ct16', 16),
  ...ctRules('distancing-ct19', 19),
  {
    name: 'distancing-ct16: "ai ở đâu ở đó"',
    code: 'distancing-ct16',
    action: 'impose',
    pattern: /\bai o dau (?:o|yen)(?: yen)? (?:do|day|cho do)\b/,
  },
  {
    name: 'distancing-ct16: family isolated from family',
    code: 'distancing-ct16',
    action: 'impose',
    pattern: /gia dinh cach ly voi gia dinh/,
  },

  {
    name: 'risk-level: an area at a level ("cấp độ 3", "thuộc cấp độ 1")',
    code: 'risk-level',
    action: 'impose',
    pattern:
      /\b(?:o|thuoc|la|len|xuong|ve|muc|duy tri|ap d[ux]ng|cong bo)\s+(?:muc\s+)?cap (?:do\s+)?(?:dich\s+)?[1-4i]\b/,
  },
  {
    name: 'risk-level: measures by level ("theo từng cấp độ", "tương ứng với mức độ nguy cơ")',
    code: 'risk-level',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:theo|tuong ung(?: voi)?|dap ung|phu hop voi)\s+(?:cac\s+|tung\s+|voi\s+)*` +
        '(?:cap do|muc do nguy co|muc nguy co)',
    ),
  },
  {
    name: 'risk-level: "nguy cơ rất cao", "nguy cơ cao" as a classification',
    code: 'risk-level',
    action: 'impose',
    pattern: new RegExp(
      String.raw`\b(?:muc(?: do)?|vung|dia ban|dia phuong) (?:co )?nguy co (?:rat cao|cao)\b` +
        String.raw`|nguy co rat cao(?:\s+\d|\s*:|\s+va nguy co cao)`,
    ),
  },
  {
    name: 'risk-level: declares or assesses the level',
    code: 'risk-level',
    action: 'impose',
    pattern: /(?:cong bo|xac dinh|danh gia|dieu chinh|nang|ha)\s+(?:muc\s+)?cap do(?: dich)?\b/,
  },
  {
    name: 'risk-level: a colour zone ("là vùng đỏ")',
    code: 'risk-level',
    action: 'impose',
    pattern: /\b(?:la|thuoc|xac dinh|cong bo|chuyen sang|chuyen thanh)\s+(?:la\s+)?["“]?vung (?:do|cam|vang|xanh)\b/,
  },

  {
    name: 'lockdown-area: lifts a blockade',
    code: 'lockdown-area',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:go|do|go bo|do bo|ket thuc|cham dut|bai bo)\\s+(?:viec\\s+)?` +
        `(?:phong toa|cach ly y te (?:vung|doi voi|khu|tai))`,
    ),
  },
  {
    name: 'lockdown-area: blockade ("phong tỏa tạm thời", "phong tỏa thôn")',
    code: 'lockdown-area',
    action: 'impose',
    pattern: new RegExp(
      '(?<!bien phap |cac bien phap |khoanh vung, |go |do |go bo |do bo |dang thuc hien )' +
        String.raw`phong toa\s+(?:tam thoi|toan bo|khu|thon|xom|ap|to|xa|phuong|khoi|duong|hem|ngo|chung cu` +
        '|benh vien|khu vuc|dia ban)',
    ),
  },
  {
    name: 'lockdown-area: a cordon ("thiết lập vùng cách ly", "cách ly y tế khu dân cư")',
    code: 'lockdown-area',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:thiet lap|lap|thanh lap)\s+(?:cac\s+)?vung cach ly` +
        '|cach ly y te (?:vung|doi voi (?:khu|thon|xa|ap|to)' +
        String.raw`|(?:toan bo\s+)?(?:khu dan cu|khu pho|thon|xom|ap|to dan pho|xa|phuong|chung cu` +
        String.raw`|dia ban))|khoanh vung,? (?:cach ly|phong toa)\s+(?:khu|thon|ap|xa|to|dia ban|toan bo)` +
        String.raw`|cach ly (?:toan bo\s+)?(?:thon|xom|ap|khu pho|to dan pho|khu dan cu|chung cu` +
        String.raw`|toa nha|khu vuc)\b`,
    ),
  },

  {
    name: 'quarantine: ends or eases quarantine',
    code: 'quarantine',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:(?<!ap |su |tuyen )dung|ngung|bai bo|bo|khong (?:con )?(?:phai|yeu cau|ap d[ux]ng))\\s+` +
        `(?:viec\\s+)?(?:thuc hien\\s+|ap d[ux]ng\\s+)?(?:cac|cach) ly` +
        `(?!\\s+(?:xa hoi|toan xa hoi|(?:y te\\s+)?(?:doi voi\\s+)?(?:toan bo\\s+)?` +
        `(?:vung|thon|xom|ap|khu|to dan pho|xa|phuong|chung cu|toa nha|dia ban)\\b))` +
        `|(?:rut ngan|giam)\\s+(?:thoi gian|so ngay)\\s+cach ly`,
    ),
  },
  {
    name: 'quarantine: isolation of people ("cách ly tập trung", "cách ly theo quy định")',
    code: 'quarantine',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?<!vung |chot |gia dinh |\bap |\bxa |huyen |tinh |phuong |thon |khu vuc )cach ly` +
        String.raw`(?!\s+(?:xa hoi|toan xa hoi|voi\b|(?:toan bo\s+)?` +
        String.raw`(?:thon|xom|ap|khu pho|to dan pho|khu dan cu|chung cu|toa nha|khu vuc)\b` +
        '|y te (?:vung|doi voi (?:khu|thon|xa|ap|to)|khu dan cu|khu pho|thon|xom|ap|to dan pho|xa' +
        '|phuong|chung cu|dia ban)))',
    ),
  },

  {
    name: 'testing: stops testing or the need for a test',
    code: 'testing',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:(?<!ap |su |tuyen )dung|ngung|bai bo|khong (?:con )?(?:phai|yeu cau|bat buoc))\\s+(?:viec\\s+)?` +
        `(?:to chuc\\s+|thuc hien\\s+|co\\s+|xuat trinh\\s+)?(?:giay\\s+)?(?:xet nghiem|test nhanh)` +
        `|bo (?:yeu cau|quy dinh)\\s+(?:xuat trinh\\s+|co\\s+)?(?:giay\\s+)?(?:xet nghiem|test nhanh)`,
    ),
  },
  {
    name: 'testing: tests ordered ("xét nghiệm diện rộng", "test nhanh", "lấy mẫu")',
    code: 'testing',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:xet nghiem|test nhanh|\bpcr\b|lay mau` +
        '|(?:xet nghiem|to chuc|tang cuong|trien khai) sang loc' +
        String.raw`|sang loc (?:dien rong|cong dong|nguy co))(?!\s+(?:duong tinh|cho ket qua duong))`,
    ),
  },

  {
    name: 'vaccination: vaccination ordered',
    code: 'vaccination',
    action: 'impose',
    pattern: /tiem (?:vac ?xin|vaccine?|chung|phong covid|mui|bo sung|nhac)|chien dich tiem/,
  },

  {
    name: 'schools: back to school',
    code: 'schools',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?<!chua di |khong di |chua duoc di |chua cho hoc sinh di )` +
        `(?:di hoc tro lai|tro lai truong|quay lai truong|hoc truc tiep(?: tro lai)?` +
        `|mo cu[ax] (?:lai )?truong|to chuc day (?:va hoc )?truc tiep|hoc tap trung tro lai)`,
    ),
  },
  {
    name: 'schools: pupils off school, online teaching',
    code: 'schools',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:hoc sinh|sinh vien|tre mam non|tre em)[^.;]{0,60}?\bnghi (?:hoc|tet som|tet)` +
        String.raw`|cho (?:hoc sinh|tre)[^.;]{0,30}\bnghi\b|nghi hoc` +
        '|hoc (?:truc tuyen|online|qua truyen hinh)' +
        '|day (?:va hoc )?(?:hoc )?(?:truc tuyen|online)' +
        '|tam dung (?:viec )?(?:den truong|day hoc truc tiep|day va hoc)' +
        '|dong cu[ax] truong|hoc sinh nghi',
    ),
  },

  {
    name: 'business-closure: reopens or eases businesses',
    code: 'business-closure',
    action: 'lift',
    pattern: new RegExp(
      `${BUSINESS}[^.;]{0,80}?${NOT}(?:duoc\\s+(?:phep\\s+)?)?(?:mo cu[ax]|hoat dong|kinh doanh|don khach` +
        `|phuc vu)\\s+(?:tro )?lai|${NOT}(?:cho phep|duoc phep)\\s+(?:cac\\s+)?` +
        `(?:mo cu[ax]|hoat dong tro lai)[^.;]{0,60}?${BUSINESS}` +
        `|${NOT}(?:mo cu[ax]|hoat dong) tro lai[^.;]{0,40}?${BUSINESS}` +
        `|noi long[^.;]{0,60}?(?:dich vu|kinh doanh|san xuat)|ban hang an uong tai cho (?:tro lai|duoc)`,
    ),
  },
  {
    name: 'business-closure: closes or suspends businesses and services',
    code: 'business-closure',
    action: 'impose',
    pattern: new RegExp(
      `(?:tam dung|(?<!ap |su |tuyen )dung|ngung|tam ngung|dong cu[ax]|tam dong cu[ax]` +
        `|khong (?:duoc )?(?:mo cu[ax]|hoat dong))\\s+(?:hoat dong\\s+|kinh doanh\\s+)?(?:tat ca\\s+)?` +
        `(?:cac\\s+|mot so\\s+)?(?:hoat dong,?\\s+)?${BUSINESS}|(?:dich vu|hoat dong|co so)[^.;]{0,30}khong ` +
        `(?:phai la )?(?:mat hang )?thiet yeu|khong (?:ban hang )?an uong tai cho` +
        `|chi (?:duoc )?ban (?:hang )?mang ve|khong de (?:cac )?c[ux]a hang[^.;]{0,80}hoat dong` +
        `|${BUSINESS}[^.;]{0,60}(?:tam dung|ngung|dong cu[ax]) hoat dong`,
    ),
  },

  {
    name: 'gatherings: allows gatherings again',
    code: 'gatherings',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:cho phep|duoc(?: phep)?)\\s+(?:to chuc\\s+)?(?:lai\\s+)?(?:cac\\s+)?(?:hoat dong\\s+)?${GATHER}`,
    ),
  },
  {
    name: 'gatherings: limits gatherings and events',
    code: 'gatherings',
    action: 'impose',
    pattern: new RegExp(
      `(?:khong|han che|tranh|(?<!ap |su |tuyen )dung|tam dung|ngung|cam|hoan|tam hoan|gioi han|khong duoc` +
        `|khong de xay ra)\\s+(?:(?:viec|to chuc|tat ca|cac|toi da|hoat dong|nhung|moi)\\s+){0,5}${GATHER}` +
        `|(?:tap trung|tu tap)\\s+(?:dong nguoi\\s+)?(?:qua|tren|tu)\\s+\\d+\\s+nguoi|dam cuoi, dam tang` +
        `|khong tap trung (?:qua|dong|tren)`,
    ),
  },

  {
    name: 'movement: stops checkpoints or travel limits',
    code: 'movement',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:tam dung|(?<!ap |su |tuyen )dung|ngung|giai the|do bo|go bo|bai bo|ket thuc)\\s+` +
        `(?:hoat dong\\s+)?(?:c[ux]a\\s+)?(?:cac\\s+)?(?:\\d+\\s+)?chot` +
        `|${NOT}(?:cho phep|khoi phuc|duoc)\\s+(?:hoat dong\\s+)?(?:van tai|xe khach|xe buyt|taxi|di lai` +
        `|luu thong)[^.;]{0,30}(?:tro lai|binh thuong)?` +
        `|(?:van tai hanh khach|xe khach|xe buyt)[^.;]{0,40}${NOT}hoat dong tro lai`,
    ),
  },
  {
    name: 'movement: checkpoints, stay-at-home, travel limits, curfew',
    code: 'movement',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:lap|thanh lap|thiet lap|duy tri|bo tri|tang cuong)\s+(?:ngay\s+)?(?:cac\s+)?` +
        String.raw`(?:\d+\s+)?chot|chot (?:kiem soat|kiem dich|cach ly|phong,? chong dich)` +
        String.raw`|han che (?:toi da\s+)?(?:viec\s+)?(?:nguoi dan\s+)?` +
        '(?:di lai|ra khoi nha|ra duong|ra ngoai|di chuyen|ra,? vao|nguoi ra|den cac)' +
        String.raw`|(?:khong|khong duoc(?: phep)?|chi duoc)\s+ra (?:duong|khoi nha|ngoai)` +
        '|chi ra (?:ngoai|khoi nha|duong)|nguoi dan ra duong' +
        '|khong (?:tro ve|ve que|di den|den) [^.;]{0,40}khi khong (?:that su |that )?can thiet' +
        String.raw`|(?:(?<!ap |su |tuyen )dung|tam dung|ngung|han che)\s+(?:hoat dong\s+)?` +
        String.raw`(?:van tai|van chuyen) hanh khach|(?:(?<!ap |su |tuyen )dung|tam dung|ngung)\s+` +
        String.raw`(?:hoat dong\s+)?(?:cac\s+)?(?:tuyen\s+)?(?:xe khach|xe buyt|taxi|xe om|chuyen bay|tau)` +
        String.raw`|kiem soat (?:chat che\s+)?(?:viec\s+)?(?:nguoi|phuong tien)` +
        '(?: va phuong tien)? ra,? vao|gioi nghiem',
    ),
  },

  {
    name: 'masks-5k: masks and the 5K message',
    code: 'masks-5k',
    action: 'impose',
    pattern: /deo khau trang|khau trang (?:bat buoc|noi cong cong)|\b5k\b/,
  },
  {
    name: 'health-declaration: health declarations, QR check-in',
    code: 'health-declaration',
    action: 'impose',
    pattern: new RegExp(
      'khai bao y te|to khai y te|khai bao (?:dien tu|bat buoc|trung thuc' +
        '|thong tin (?:suc khoe|y te)|di bien|tam tru)' +
        String.raw`|(?:thuc hien|phai)\s+(?:nghiem\s+)?(?:viec\s+)?khai bao(?!\s+ve\b)` +
        '|khai bao (?:voi|cho|tai) (?:co quan |co so |tram |nganh |can bo )?y te|quet ma qr|ma qr' +
        '|pc-?covid|bluezone|ncovi|vncovid|so suc khoe dien tu',
    ),
  },
  {
    name: 'work-from-home: staff back at their offices',
    code: 'work-from-home',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:tro lai|quay lai|quay tro lai)\\s+lam viec(?:\\s+binh thuong)?\\s+(?:tai|o)\\s+` +
        `(?:co quan|cong so|tru so|don vi)|(?:ket thuc|dung|cham dut)\\s+(?:viec\\s+)?(?:bo tri\\s+)?` +
        `(?:can bo[^.;]{0,20})?lam viec (?:tai|o) nha|lam viec (?:truc tiep|binh thuong) tai ` +
        `(?:co quan|cong so) tro lai`,
    ),
  },
  {
    name: 'work-from-home: working from home, fewer staff at offices',
    code: 'work-from-home',
    action: 'impose',
    pattern: new RegExp(
      'lam viec (?:tai|o) nha|lam viec tu xa|lam viec truc tuyen' +
        String.raw`|giam (?:toi da\s+)?(?:so\s+)?(?:luong\s+)?(?:can bo|cong chuc|nguoi|nhan vien)` +
        '[^.;]{0,40}(?:den|lam viec tai|tai) (?:co quan|cong so|tru so)|lam viec luan phien' +
        '|bo tri luan phien',
    ),
  },
  {
    name: 'support: relief for people and businesses',
    code: 'support',
    action: 'impose',
    pattern: new RegExp(
      String.raw`ho tro (?:cho\s+)?(?:nguoi dan|nguoi lao dong|ho gia dinh|ho ngheo|doanh nghiep` +
        '|khan cap|luong thuc|gao|tien|kinh phi|nhu yeu pham|cac doi tuong' +
        '|nguoi (?:gap )?kho khan|nguoi co hoan canh)|cung (?:ung|cap)[^.;]{0,30}' +
        '(?:luong thuc|thuc pham|nhu yeu pham)|goi ho tro|tui an sinh|cuu tro|phat gao' +
        '|khong de (?:nguoi dan|ai) (?:bi )?(?:thieu doi|doi)',
    ),
  },
  {
    name: 'enforcement: inspection and penalties',
    code: 'enforcement',
    action: 'impose',
    pattern: new RegExp(
      String.raw`xu ly nghiem|xu phat|xu ly (?:cac\s+)?(?:truong hop|to chuc|ca nhan|hanh vi` +
        String.raw`|doi tuong)?\s*vi pham|cuong che|(?:tang cuong|day manh)\s+(?:cong tac\s+|luc luong\s+)?` +
        '(?:tuan tra|thanh tra|kiem tra, xu ly|kiem tra, (?:kiem soat, )?giam sat (?:va )?xu ly)' +
        '|chiu trach nhiem truoc',
    ),
  },

  // more wordings of the same measures, seen across provinces' directives and reports
  {
    name: 'distancing: a Chỉ thị replaced by another ("thay cho Chỉ thị 16")',
    code: 'distancing-ct16',
    action: 'lift',
    pattern: new RegExp(
      `thay (?:the )?cho\\s+(?:viec\\s+)?(?:ap d[ux]ng\\s+|thuc hien\\s+)?(?:gian cach(?: xa hoi)?\\s+)?` +
        `(?:theo\\s+)?${ctRef(16)}`,
    ),
  },
  {
    name: 'distancing-ct15: replaced by another',
    code: 'distancing-ct15',
    action: 'lift',
    pattern: new RegExp(
      `thay (?:the )?cho\\s+(?:viec\\s+)?(?:ap d[ux]ng\\s+|thuc hien\\s+)?(?:gian cach(?: xa hoi)?\\s+)?` +
        `(?:theo\\s+)?${ctRef(15)}`,
    ),
  },
  {
    name: 'distancing-ct19: replaced by another',
    code: 'distancing-ct19',
    action: 'lift',
    pattern: new RegExp(`thay (?:the )?cho\\s+(?:viec\\s+)?(?:ap d[ux]ng\\s+|thuc hien\\s+)?(?:theo\\s+)?${ctRef(19)}`),
  },
  {
    name: 'business-closure: a list of places closed',
    code: 'business-closure',
    action: 'impose',
    pattern: new RegExp(
      `(?:tam dung|(?<!ap |su )dung|ngung|dong cu[ax]|tam dong cu[ax])\\s+(?:hoat dong\\s+)?` +
        `(?:cac\\s+)?[^.;]{0,40}?${BUSINESS}|${BUSINESS}[^.;]{0,60}(?:tam dung|ngung|dong cu[ax]` +
        `|(?<!ap |su )dung)\\s+(?:hoat dong|don khach|phuc vu|kinh doanh|ban hang)`,
    ),
  },
  {
    name: 'business-closure: fewer customers at once',
    code: 'business-closure',
    action: 'impose',
    pattern: new RegExp(
      '(?:nha hang|quan an|co so kinh doanh|c[ux]a hang|sieu thi|cho)[^.;]{0,40}' +
        String.raw`(?:khong qua|toi da|giam) \d+ ?(?:%|khach|nguoi)|giam \d+ ?% (?:luong|so) khach`,
    ),
  },
  {
    name: 'risk-level: measures of a level ("biện pháp hành chính cấp độ 3")',
    code: 'risk-level',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:bien phap|hanh chinh|ap d[ux]ng|dieu chinh|xac dinh|cong bo)[^.;]{0,25}?\bcap ` +
        String.raw`(?:do )?(?:dich )?[1-4]\b|theo \d\s+cap do`,
    ),
  },
  {
    name: 'lockdown-area: lifts a blockade order or a cordon of a place',
    code: 'lockdown-area',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}(?:go|do|go bo|do bo|ket thuc|cham dut|bai bo)\\s+(?:lenh\\s+|viec\\s+)?` +
        `(?:phong toa|cach ly y te|vung cach ly)\\s*(?:tam thoi\\s+)?(?:doi voi\\s+)?(?:toan bo\\s+)?` +
        `(?:thon|xom|ap|khu|to dan pho|xa|phuong|chung cu|toa nha|dia ban|vung|tai)`,
    ),
  },
  {
    name: 'quarantine: exempts from quarantine',
    code: 'quarantine',
    action: 'lift',
    pattern: new RegExp(`${NOT}(?:mien|khong)\\s+(?:thuc hien\\s+)?cach ly (?:tap trung|tai nha|doi voi|y te tai)`),
  },
  {
    name: 'testing: exempts from testing',
    code: 'testing',
    action: 'lift',
    pattern: new RegExp(`${NOT}mien\\s+(?:xet nghiem|test)`),
  },
  {
    name: 'vaccination: vaccinating a group',
    code: 'vaccination',
    action: 'impose',
    pattern: new RegExp(
      String.raw`\btiem cho (?:tre|nguoi|hoc sinh|cac doi tuong|cong nhan|toan bo)` +
        '|tiem chung (?:mo rong )?(?:vac ?xin|cho|mui)|tiem vac|phu (?:song|kin) vac ?xin',
    ),
  },
  {
    name: 'schools: schools closed, teaching at a distance',
    code: 'schools',
    action: 'impose',
    pattern: new RegExp(
      String.raw`truong hoc[^.;]{0,40}?\b(?:tam )?dong cu[ax]` +
        '|(?:tam )?dong cu[ax] (?:cac )?(?:truong|co so giao duc)' +
        '|(?:day|hoc) (?:hoc )?(?:tu xa|qua internet|qua mang)|tam dung (?:hoat dong )?day hoc',
    ),
  },
  {
    name: 'business-closure: no eating in, take-away only',
    code: 'business-closure',
    action: 'impose',
    pattern: /khong (?:phuc vu|ban) (?:hang )?(?:an uong )?tai cho|chi (?:phuc vu|ban) (?:mang ve|mang di|truc tuyen)/,
  },
  {
    name: 'business-closure: eating in allowed again',
    code: 'business-closure',
    action: 'lift',
    pattern: new RegExp(`${NOT}duoc (?:phep )?(?:ban|phuc vu) (?:hang )?(?:an uong )?tai cho`),
  },
  {
    name: 'gatherings: a list of events stopped ("tạm dừng các hoạt động văn hóa, lễ hội, sự kiện")',
    code: 'gatherings',
    action: 'impose',
    pattern: new RegExp(
      String.raw`(?:tam dung|(?<!ap |su )dung|ngung|han che|khong to chuc|cam|hoan|tam hoan)\s+` +
        String.raw`(?:to chuc\s+)?(?:cac\s+)?(?:hoat dong\s+)?[^.;]{0,40}?` +
        '(?:le hoi|su kien|tap trung dong nguoi|tu tap|hoi hop|dam cuoi|tiec cuoi|nghi le)',
    ),
  },
  {
    name: 'gatherings: weddings and events capped at a number',
    code: 'gatherings',
    action: 'impose',
    pattern: new RegExp(
      '(?:dam cuoi|dam tang|tiec cuoi|hoi nghi|su kien|le hoi|nghi le)[^.;]{0,40}' +
        String.raw`(?:khong qua|toi da|duoi|khong vuot qua) \d+ (?:nguoi|khach)`,
    ),
  },
  {
    name: 'movement: no going out, no travel',
    code: 'movement',
    action: 'impose',
    pattern: new RegExp(
      'cam (?:nguoi dan )?ra duong|khong (?:duoc )?di chuyen ' +
        '(?:ra khoi|den|khoi|ra ngoai|giua)|(?:tam dung|dung|ngung|han che) (?:viec )?' +
        String.raw`(?:di lai|luu thong|ra,? vao)\b`,
    ),
  },
  {
    name: 'movement: not leaving the area unless necessary',
    code: 'movement',
    action: 'impose',
    pattern: new RegExp(
      'khong (?:duoc )?(?:di )?(?:ra khoi|roi khoi|roi) ' +
        '(?:dia ban|tinh|thanh pho|huyen|noi cu tru|dia phuong)' +
        '|(?:han che|khong) (?:di )?(?:ra khoi|roi khoi|den) [^.;]{0,40}(?:khi|neu) khong ' +
        '(?:that su |that )?can thiet',
    ),
  },
  {
    name: 'enforcement: heads answerable for outbreaks',
    code: 'enforcement',
    action: 'impose',
    pattern: new RegExp(
      'chiu trach nhiem (?:neu|khi) (?:de )?(?:xay ra|lay|dich)' +
        '|(?:xu ly|ky luat|kiem diem) (?:trach nhiem )?(?:nguoi dung dau|can bo|dang vien)',
    ),
  },
  {
    name: 'movement: checkpoints removed',
    code: 'movement',
    action: 'lift',
    pattern: new RegExp(
      `${NOT}\\bbo (?:cac )?chot|${NOT}cho phep (?:nguoi dan )?(?:di lai|luu thong|di chuyen) (?:binh thuong|tro lai)`,
    ),
  },
  {
    name: 'support: relief amounts',
    code: 'support',
    action: 'impose',
    pattern: /ho tro (?:moi nguoi |moi ho )?(?:\d[\d.,]*\s*(?:dong|trieu|nghin|000)|mot lan)|muc ho tro|chi ho tro/,
  },
  {
    name: 'enforcement: checks that rules are kept',
    code: 'enforcement',
    action: 'impose',
    pattern: /kiem tra, (?:giam sat|kiem soat)(?:, [a-z ]+)? viec (?:chap hanh|thuc hien|tuan thu)/,
  },
];

// ------------------------------------------------------------------ masks (what orders nothing)

/** National bodies: what they order is only quoted, unless a local body orders it. */
const NATIONAL =
  '(?:thu tuong(?: chinh phu)?|chinh phu|bo y te|bo truong|ban chi dao quoc gia|bcd quoc gia|bcdqg' +
  '|van phong chinh phu|ban bi thu|bo chinh tri|tong bi thu|trung uong|quoc hoi' +
  '|bo (?:giao duc|cong an|giao thong|quoc phong|noi vu|cong thuong|van hoa|lao dong))';
const NATIONAL_NUMBER =
  '\\d+\\s*[/-]\\s*(?:\\d{4}\\s*[/-]\\s*)?(?:ct|cd|nq|tb|qd|cv|bcd|hd|kl|tt)?\\s*[/-]?\\s*' +
  '(?:ttg|cp|vpcp|byt|bcdqg|bcd-?qg|tw|bct|qh|bgddt|bca|bgtvt)\\b';
/** Local issuers and order verbs: where a local order starts after a basis clause. */
const LOCAL_START =
  '(?:ubnd|uy ban|chu tich|pho chu tich|ban thuong vu|thuong truc|ban chi dao (?!quoc gia)|bcd (?!quoc gia)' +
  '|tinh uy|thanh uy|huyen uy|van phong ubnd|so |tinh |thanh pho |tp\\b|dong chi|ong |ba |lanh dao' +
  '|cac (?:so|cap|nganh|dia phuong|co quan|don vi|huyen)|nguoi dan|bi thu|yeu cau|de nghi|chi dao|giao' +
  '|quyet dinh|[a-z]+ [a-z]+ (?:yeu cau|quyet dinh|chi dao))';
const ORDER_VERB =
  /\b(?:yeu cau|de nghi|chi dao|quyet dinh|giao|ban hanh|cho phep|ap d[ux]ng|thuc hien|tiep tuc|tam dung|dung)\b/;

interface Span {
  from: number;
  to: number;
}

function maskBetween(mask: Uint8Array, from: number, to: number): void {
  for (let i = Math.max(0, from); i < Math.min(mask.length, to); i++) mask[i] = 1;
}

/** The end of a leading clause: the comma where a local order begins, or the sentence's end. */
/** A national body ordering or deciding, to the end of the sentence. */
const NATIONAL_ORDERS = new RegExp(
  `(?<!c[ux]a |chi dao c[ux]a |theo )${NATIONAL}(?:\\s+[a-z]+){0,4}?\\s*(?:da\\s+|vua\\s+|cung\\s+)?` +
    `(?:giao|yeu cau|chi dao|quyet dinh|cho phep|de nghi|ban hanh|co cong|ra cong|ky|nhan manh` +
    `|khuyen cao|huong dan|:)`,
  'g',
);
/** The subject ("về việc …") of a national document. */
const NATIONAL_DOC_SUBJECT = new RegExp(
  `(?:${NATIONAL_NUMBER}|(?:chi thi|cong dien|cong van|thong bao|nghi quyet|quyet dinh|ke hoach|huong dan` +
    `|ket luan|thong tu|nghi dinh)[^;,]{0,40}?c[ux]a ${NATIONAL})[^;,]{0,60}?\\s(?:ve viec|ve|v/v)\\s`,
  'g',
);
const LEAD_CLAUSE_END = new RegExp(`,\\s+(?=${LOCAL_START})`, 'g');
const NATIONAL_RE = new RegExp(NATIONAL);
const NATIONAL_OR_NUMBER_RE = new RegExp(`${NATIONAL}|${NATIONAL_NUMBER}`);
function endOfLeadClause(f: string, from: number): number {
  const re = LEAD_CLAUSE_END;
  re.lastIndex = from;
  const m = re.exec(f);
  return m ? m.index : f.length;
}

// where or from when an order applies ("trên địa bàn", "từ 0 giờ", "kể từ", "toàn tỉnh"): the item orders
const WHERE_OR_WHEN = new RegExp(
  String.raw`\b(?:tren (?:dia ban|pham vi)|tu \d+ ?(?:gio|h)\b|ke tu|den het ngay` +
    String.raw`|trong vong \d+ ngay|toan (?:tinh|thanh pho|huyen))`,
);

// The masks' patterns, compiled once (maskedSpans runs on every sentence).
// legal basis or implementing clause
const BASIS = new RegExp(
  String.raw`(?:^|[;:]\s*|^(?:theo do|dong thoi|ben canh do|truoc do|tiep theo),\s*)` +
    '(?<lead>can cu|xet|tren co so|quan triet|thuc hien|trien khai(?: thuc hien)?' +
    '|theo(?: tinh than)?(?: y kien)?(?: chi dao| phan nhom| huong dan| ket luan| quy dinh)' +
    String.raw`|theo)\s+(?:nghiem\s+)?(?:cac\s+)?(?:y kien\s+)?(?:chi dao\s+)?` +
    String.raw`(?:c[ux]a\s+[^,;]{0,60}?\s+)?(?:tai\s+)?(?:van ban|y kien|chi dao|ket luan|chi thi` +
    '|cong dien|cong van|thong bao|nghi quyet|nghi dinh|quyet dinh|ke hoach|huong dan|luat' +
    String.raw`|thong tu|phan nhom|tinh than|loi keu goi|phuong an|de nghi|to trinh|cac chi thi)\b`,
  'g',
);
// where a national document's subject ends (read with exec from the subject's start)
const NATIONAL_DOC_SUBJECT_END = new RegExp(
  String.raw`;|\.\s|, (?=ubnd|uy ban|chu tich|tinh uy|thanh uy|ban thuong vu|thuong truc|yeu cau` +
    '|de nghi)| va (?=cong van|cong dien|chi thi|thong bao|quyet dinh|nghi quyet|ke hoach' +
    '|y kien)| nham | de ',
  'g',
);
// background and status cues: what was done, goals, proposals
const BACKGROUND_CUE = new RegExp(
  String.raw`\b(?:tu dau (?:nam|dich|dot dich)[^.;]{0,20} den nay|thoi gian qua|vua qua|truoc day` +
    String.raw`|trong \d+ (?:tuan|ngay|thang) (?:qua|thuc hien)|ghi nhan|tinh den|hien co|dang duoc` +
    '|dang (?:thuc hien|ap d[ux]ng|trien khai|cach ly|dieu tri)' +
    String.raw`|chua (?:can\s+)?(?:ap d[ux]ng|thuc hien|trien khai)|de xuat|kien nghi|xin y kien` +
    '|de nghi (?:ubnd tinh|uy ban nhan dan tinh|chu tich ubnd tinh|tinh|trung uong|thu tuong' +
    '|chinh phu|bo y te|cap tren)(?: [a-z]+){0,3}? ' +
    '(?:xem xet|cho phep|quyet dinh|ho tro|phan bo|bo sung|ap d[ux]ng)|muc tieu|phan dau' +
    '|de dat duoc|mo rong ["“]?vung|thu hep ["“]?vung' +
    String.raw`|se (?:tiep tuc )?(?:thuc hien|ap d[ux]ng|xu ly))\b`,
  'g',
);
// what other provinces do ("nhiều tỉnh, thành phố đang áp dụng")
const OTHER_PROVINCES_DO = new RegExp(
  String.raw`\b(?:nhieu|cac) tinh,? (?:thanh(?: pho)?)?(?: phia nam| lan can| khac)? ` +
    String.raw`(?:dang |tiep tuc |van )*(?:phai )?(?:thuc hien|ap d[ux]ng)\b`,
  'g',
);
// "đã thực hiện", read on the unfolded text (see the use)
const DONE_DA = new RegExp(
  String.raw`(?<![\p{L}\p{M}])đã\s+(?:được\s+)?(?!ban hành|ký|ra\s` +
    String.raw`|có\s+(?:công|văn bản|quyết|chỉ thị|thông báo|kế hoạch|điện|kết quả)|gửi|thống nhất` +
    '|quyết định|yêu cầu|chỉ đạo|đề nghị|giao|phê duyệt|tiêm|khỏi|hoàn thành|tiếp xúc|đến|về' +
    String.raw`|đi\s|ở\s|lưu trú|qua\s|nhiễm|mắc|xuất viện)\p{L}`,
  'gu',
);
// shortcomings an assessment lists
const SHORTCOMING = new RegExp(
  String.raw`\b(?:con (?:chu quan|thieu|bi dong|han che|bat cap|cham|lung tung|gap kho khan|xay ra` +
    '|de xay ra|nhieu (?:han che|bat cap|kho khan))' +
    '|chua (?:kip thoi|dat|dap ung|lam tot|quyet liet|dong bo)|tuy nhien|han che,? bat cap' +
    String.raw`|ton tai,? han che)\b`,
  'g',
);
// standard lists of principles
const PRINCIPLES_LIST = new RegExp(
  '(?:(?:ngan chan|phat hien(?: som)?|cach ly(?: kip thoi)?|khoanh vung(?: gon)?' +
    '|dap dich(?: triet de)?|truy vet|xet nghiem|dieu tri|cach ly|khoanh vung|phong dich' +
    String.raw`|chong dich)(?:,\s*|\s+va\s+|\s*-\s*)){2,}(?:ngan chan|phat hien|cach ly|khoanh vung` +
    '|dap dich|truy vet|xet nghiem|dieu tri)[a-z ]{0,12}',
  'g',
);

/**
 * Ranges of one sentence (folded) that order nothing. Exported for tests: every mask is a
 * sentence shape Vietnamese directives and reports use for context rather than orders.
 */
export function maskedSpans(f: string, lower: string = f): Span[] {
  const mask = new Uint8Array(f.length);
  // legal basis / implementing clause: "Căn cứ …", "Thực hiện Công điện … của Thủ tướng, UBND tỉnh yêu cầu …"
  for (const m of f.matchAll(BASIS)) {
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    const end = endOfLeadClause(f, start);
    const rest = f.slice(end);
    // "Theo quyết định, …", "Theo kế hoạch, …": a report quoting this document, not a basis
    if (m.groups!.lead!.startsWith('theo') && !NATIONAL_OR_NUMBER_RE.test(f.slice(start, end))) continue;
    // a national "Theo …" prefix is followed by a local order only when a local body orders something
    if (end < f.length && /theo/.test(m[0]) && NATIONAL_RE.test(f.slice(start, end)) && !ORDER_VERB.test(rest)) {
      maskBetween(mask, start, f.length);
      continue;
    }
    // an imperative item "Thực hiện Chỉ thị 16/CT-TTg trên địa bàn huyện X từ 0 giờ …" is an order, not a basis
    if (
      end === f.length &&
      /^\s*(?:[;:]\s*)?(?:thuc hien|trien khai|tiep tuc)/.test(m[0]) &&
      WHERE_OR_WHEN.test(f.slice(start))
    )
      continue;
    maskBetween(mask, start, end);
  }
  // what a national body orders or decides: "Thủ tướng Chính phủ giao …", "Bộ Y tế yêu cầu …"
  for (const m of f.matchAll(NATIONAL_ORDERS)) {
    maskBetween(mask, m.index!, f.length);
  }
  // the subject of a national document: "Công điện 1305/CĐ-BYT ngày … về việc tăng cường xét nghiệm"
  for (const m of f.matchAll(NATIONAL_DOC_SUBJECT)) {
    const start = m.index! + m[0].length;
    NATIONAL_DOC_SUBJECT_END.lastIndex = start;
    const s = NATIONAL_DOC_SUBJECT_END.exec(f);
    maskBetween(mask, start, s ? s.index : f.length);
  }
  // background and status: what was done, what others do, goals; from the cue to the clause's end
  const cues = [
    ...f.matchAll(BACKGROUND_CUE),
    ...f.matchAll(OTHER_PROVINCES_DO),
    // "đã thực hiện", "đã được cách ly" (not "đã ban hành", the report's own document); read on the
    // unfolded text: folded, "đã" is also "đa" of "tối đa"
    // "người đã tiêm đủ 2 mũi", "F1 đã khỏi bệnh", "người đã đến vùng dịch" describe people, not what was done
    ...lower.matchAll(DONE_DA),
  ];
  // shortcomings an assessment lists ("còn chủ quan", "tiêm chủng chậm, chưa đạt tiến độ",
  // "Tuy nhiên, …"): the whole clause
  for (const m of f.matchAll(SHORTCOMING)) {
    const next = f.indexOf(';', m.index!);
    maskBetween(mask, Math.max(f.lastIndexOf(';', m.index!), 0), next < 0 ? f.length : next);
  }
  for (const m of cues) {
    // to the clause's end, or to where the sentence turns to what someone must do ("… phải khai báo y tế")
    const after = m.index! + m[0].length;
    const rest = f.slice(after).search(/;|\.\s|\)|\s(?:phai|can phai|bat buoc|yeu cau|de nghi)\s/);
    const end = rest < 0 ? f.length : after + rest;
    // "Từ 0 giờ ngày 19/7, tỉnh đã chính thức áp dụng …": a report of the order itself, dated, not background
    if (
      m[0].startsWith('đã') &&
      /\b(?:ke tu|tu (?:\d+ ?(?:gio|h)\b[^.;]{0,20})?ngay \d|chinh thuc)/.test(f) &&
      !/\b(?:den nay|vua qua|thoi gian qua|truoc do|truoc day)\b/.test(f)
    )
      continue;
    maskBetween(mask, m.index!, end);
  }
  // an earlier document a report recalls: "Trước đó, ngày 10/7, UBND tỉnh đã ban hành …"
  if (/^(?:truoc do|truoc day|cach day)\b/.test(f)) maskBetween(mask, 0, f.length);
  // exemptions: "(trừ các khu vực đang phong tỏa)", ", trừ trường hợp …"
  for (const m of f.matchAll(/\(\s*tru\b[^)]*\)|,\s*tru\s+(?:cac\s+)?(?:truong hop|khu vuc|dia phuong|dia ban)[^;.]*/g))
    maskBetween(mask, m.index!, m.index! + m[0].length);
  // slogans and quoted viewpoints: "các quan điểm …: “…”", "phương châm “…”"
  for (const m of f.matchAll(
    /(?:quan diem|tu tuong|phuong cham|khau hieu|tinh than)[^“"]{0,80}[“"][^”"]*[”"](?:\s*;\s*[“"][^”"]*[”"])*/g,
  ))
    maskBetween(mask, m.index!, m.index! + m[0].length);
  // standard lists of principles: "ngăn chặn, phát hiện, cách ly, khoanh vùng, dập dịch"
  for (const m of f.matchAll(PRINCIPLES_LIST)) maskBetween(mask, m.index!, m.index! + m[0].length);
  // the 5K list spelled out is the mask message only
  // ("Khẩu trang - Khử khuẩn - Khoảng cách - Không tập trung - Khai báo y tế")
  for (const m of f.matchAll(/khau trang\s*[-–,]\s*khu khuan[^.;]{0,80}/g))
    maskBetween(mask, m.index! + 'khau trang'.length, m.index! + m[0].length);

  const spans: Span[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const from = i;
    while (i < mask.length && mask[i]) i++;
    spans.push({ from, to: i });
  }
  return spans;
}

// ------------------------------------------------------------------ folding for the rules

/**
 * Words that fold to the same letters but mean different things in orders: "dừng" (stop) versus
 * "dụng" (áp dụng, apply), "dựng" (xây dựng, build), "dùng" (use); "cửa" (đóng cửa, close) versus
 * "của" (of: "chủ động của doanh nghiệp"). Folded, they are kept apart by one letter ("dxng",
 * "cxa"); the rules say "d[ux]ng" and "c[ux]a" where either is meant.
 */
const KEEP_APART: Record<string, string> = { dụng: 'dxng', dựng: 'dxng', dùng: 'dxng', dũng: 'dxng', của: 'cxa' };
const KEEP_APART_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${Object.keys(KEEP_APART).join('|')})(?![\\p{L}\\p{M}])`, 'gu');

/** Lower case, no diacritics, same length as the text (index i is character i), homographs kept apart. */
export function foldForRules(text: string): string {
  const f = foldKeepLength(text);
  let out = f;
  for (const m of text.toLowerCase().matchAll(KEEP_APART_RE))
    out = out.slice(0, m.index!) + KEEP_APART[m[0]]! + out.slice(m.index! + m[0].length);
  return out;
}

// ------------------------------------------------------------------ passages and sentences

/** Photo captions and credits: "…. Ảnh: Thái Bình", "(Ảnh: …)", "Ảnh: Nhân viên y tế …", "(Nguồn: Báo Cần Thơ)". */
const CAPTION =
  /(?:^|[\s.(])anh\s*\d*\s*:|^anh\b|\(anh\b|\(nguon\s*:[^)]*\)\s*$|- anh \d+\.?$|anh minh hoa\s*[:.]|^nguon\s*:/;
/** Related-news lists and footers after the article: read no further. */
const STOP = new RegExp(
  '^(?:tin lien quan|tin khac|cac tin khac|bai lien quan|bai viet lien quan|related posts?' +
    '|tin cung chuyen muc|nhung tin moi hon|nhung tin cu hon|tin moi|doc them' +
    '|co the ban quan tam|tags?:)',
);
const TERMINAL = /[.;:!?)”"]\s*$|\.\.\.$/;
const LIST_MARKER = /^(?:[-+•*]|\d+(?:\.\d+)*[./)]|[a-zđ][)/]|[IVX]+\.)\s/u;
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * The passages worth reading: body blocks that are the article's prose or list items, not
 * captions, headline lists, teasers ("…") or footers. The last block may be cut off mid-sentence.
 */
export function readablePassages(blocks: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!.trim();
    if (!b) continue;
    const f = foldKeepLength(b);
    if (STOP.test(f)) break;
    if (CAPTION.test(f) || /^(?:xem them|doc them|xem chi tiet|tai ve|link)\b/.test(f)) continue;
    if (/…\s*$/.test(b) && words(b) < 25) continue; // a teaser of another story
    const last = i === blocks.length - 1;
    // a headline or menu line
    if (!TERMINAL.test(b) && !LIST_MARKER.test(b) && words(b) < 40 && !(last && words(b) >= 12)) continue;
    out.push(b);
  }
  return out;
}

/** Abbreviations a period does not end: "TP. Mỹ Tho", "Tp. Hồ Chí Minh", "TX. …", "v.v." */
const ABBREV = /(?:^|[\s(])(?:TP|Tp|TX|Tx|TT|Q|P|H|X|Th|ThS|TS|BS|Bs|PGS|GS|St|Đ\/c|đ\/c|v\.v|Mr|Ms)\.$/u;
/** Sentences of a passage, as exact substrings. A numbered marker ("1.") does not end a sentence. */
export function splitSentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const push = (a: number, b: number): void => {
    const raw = text.slice(a, b);
    const s = raw.trim();
    if (s) out.push({ text: s, start: a + (raw.length - raw.trimStart().length) });
  };
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+["“(]?[\p{Lu}\d])/gu)) {
    const end = m.index! + 1;
    if (ABBREV.test(text.slice(Math.max(0, end - 6), end))) continue;
    if (/^\s*(?:\d+(?:\.\d+)*|[IVX]+|[a-zđ])\.$/u.test(text.slice(start, end))) continue; // "1." opening an item
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}

// ------------------------------------------------------------------ scope and dates

const UNIT = '(?:huyện|thị xã|thành phố|TP\\.?|quận|xã|phường|thị trấn|thôn|ấp|bản|khu phố|tổ dân phố|khu dân cư)';
const NAME = "(?:[\\p{Lu}Đ][\\p{Ll}\\p{M}’']*|\\d+)(?:\\s+(?:[\\p{Lu}Đ][\\p{Ll}\\p{M}’']*|\\d+)){0,3}";
const SCOPE_NAMED = new RegExp(
  `(?:trên địa bàn|tại|ở|đối với|riêng|cho|trong|thuộc|vùng|xác định|phong tỏa(?: tạm thời)?` +
    `|cách ly(?: y tế)?)\\s+(?:toàn bộ\\s+|toàn\\s+)?(${UNIT}\\s+${NAME})`,
  'u',
);
const SCOPE_WHOLE = new RegExp(
  String.raw`(?:trên\s+|trong\s+)?(?:phạm vi|địa bàn)\s+(toàn\s+(?:tỉnh|thành phố|huyện|thị xã|quận))` +
    String.raw`|(?<![\p{L}])(toàn\s+(?:tỉnh|thành phố))(?![\p{L}])` +
    String.raw`|(?:trên|trong)\s+(?:phạm vi|địa bàn)\s+(tỉnh)(?![\p{L}])`,
  'u',
);

/** The area a sentence orders for: "huyện Tân Phú Đông", "toàn tỉnh"; null when it names none. */
export function scopeOf(sentence: string): string | null {
  const named = SCOPE_NAMED.exec(sentence);
  if (named) {
    const before = foldKeepLength(sentence.slice(Math.max(0, named.index - 30), named.index + 4));
    if (!/(?:den|ve|di) tu|tu cac|di qua|den cac|khach den|tro ve tu/.test(before))
      return named[1]!.replace(/\s+$/, '');
  }
  const whole = SCOPE_WHOLE.exec(sentence);
  if (whole) return whole[3] ? 'toàn tỉnh' : (whole[1] ?? whole[2])!.replace(/\s+/g, ' ');
  return null;
}

const DATE =
  String.raw`(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})` +
  String.raw`(?:(?:\s*[/.-]\s*|\s+năm\s+)(\d{4}))?(?![\d/])`;
const TIME = String.raw`(?:\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{1,2}\s*(?:phút|p)?)?(?:\s+(?:sáng|trưa|chiều|tối))?,?\s*)?`;
const FROM = new RegExp(String.raw`(?:từ|kể từ|bắt đầu từ|bắt đầu)\s+(?:lúc\s+)?${TIME}${DATE}`, 'iu');
const TO = new RegExp(
  String.raw`(?:đến|tới|cho đến|đến hết|tới hết|đến trước)\s+(?:hết\s+)?(?:lúc\s+)?${TIME}${DATE}`,
  'iu',
);
const DURATION = new RegExp(
  '(?:thời gian (?:thực hiện|áp dụng|giãn cách|cách ly y tế|phong tỏa)(?: là)?' +
    String.raw`|trong (?:vòng|thời gian)?)\s*(\d{1,3})\s+ngày`,
  'iu',
);

function isoDay(d: string, m: string, y: string | undefined, docDate: string | null | undefined): string | null {
  const day = Number(d),
    month = Number(m);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  let year = y ? Number(y) : docDate ? Number(docDate.slice(0, 4)) : NaN;
  if (!Number.isFinite(year) || year < 2019 || year > 2029) return null;
  // a day without a year in December's directive about January is next year's
  if (!y && docDate && docDate.length >= 7 && Number(docDate.slice(5, 7)) - month >= 6) year += 1;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return t.getUTCDate() === day ? iso : null;
}

function addDays(iso: string, n: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/**
 * When the ordered measure runs, as the sentence says: "từ 0 giờ ngày 12-7-2021 … 15 ngày". Given
 * where the measure's words stand (`at`), a time that follows them in their clause is theirs
 * ("nghỉ học từ ngày 3/2 và cách ly xã hội … kể từ 0h ngày 16/2/2021": the second is the distancing's).
 */
export function datesOf(
  sentence: string,
  docDate?: string | null,
  at?: number,
): { from: string | null; to: string | null } {
  // only when an earlier start stands before the measure's words: otherwise the whole sentence is its
  const first = at !== undefined && at > 0 ? FROM.exec(sentence) : null;
  if (at !== undefined && first && first.index < at) {
    const end = sentence.indexOf(';', at);
    const tail = sentence.slice(at, end < 0 ? sentence.length : end);
    if (FROM.test(tail)) return datesOf(tail, docDate);
  }
  const f = FROM.exec(sentence);
  const t = TO.exec(sentence.slice(f ? f.index + f[0].length : 0)) ?? TO.exec(sentence);
  let from = f ? isoDay(f[1]!, f[2]!, f[3], docDate) : null;
  let to = t ? isoDay(t[1]!, t[2]!, t[3] ?? f?.[3], docDate) : null;
  if (from && !to) {
    const d = DURATION.exec(sentence);
    // "trong 15 ngày kể từ 0h ngày 16/2" counts from its own start, not from an earlier clause's
    const ownStart = d && d.index > f!.index && /^\s*,?\s*(?:kể\s+)?từ\s/iu.test(sentence.slice(d.index + d[0].length));
    if (d && !ownStart && Number(d[1]) > 0 && Number(d[1]) <= 90) to = addDays(from, Number(d[1]) - 1);
  }
  if (from && to && to < from) to = null;
  if (!from && to && /từ ngày|kể từ/iu.test(sentence) === false) from = null;
  return { from, to };
}

// ------------------------------------------------------------------ extraction

interface Hit {
  code: MeasureCode;
  action: MeasureAction;
  rule: string;
  evidence: string;
  sentence: string;
  next: string | null;
  kind: PassageKind;
  order: number;
  confidence: number;
  /** where the measure's words start in the sentence */
  at: number;
}

const GLOBAL = new Map(MEASURE_RULES.map((r) => [r, new RegExp(r.pattern.source, 'g')]));
const CT_REFS = ([15, 16, 19] as const).map((n) => [n, new RegExp(ctRef(n), 'g')] as const);

/** Words that make a sentence an order rather than a description. */
const ORDER_CUE = new RegExp(
  String.raw`\b(?:yeu cau|de nghi|chi dao|quyet dinh|giao|tiep tuc|ap d[ux]ng|thuc hien|tam dung|dung` +
    '|ngung|khong duoc|nghiem cam|cam|bat buoc|phai|han che|khuyen cao|cho phep|duoc phep' +
    '|keo dai|kien quyet|tang cuong|trien khai|lap|thiet lap|thanh lap|phe duyet|nang' +
    String.raw`|noi long|dong cu[ax]|mo cu[ax]|chuyen sang|to chuc|ke tu|tu \d)\b`,
);
const PERMISSIVE = /\b(?:co the xem xet|co the|khuyen khich|xem xet)\b/;
/**
 * Plans and preparations: the measure is not yet ordered ("xây dựng lộ trình",
 * "chuẩn bị phương án … khi có vắc xin").
 */
const PLANNING = new RegExp(
  String.raw`\b(?:xay d[ux]ng (?:ke hoach|phuong an|lo trinh|kich ban)` +
    String.raw`|chuan bi (?:ky luong\s+)?(?:cac\s+)?(?:phuong an|ke hoach|kich ban)|lo trinh|san sang` +
    String.raw`|nghien cuu|de xuat|tham muu|khi co (?:vac ?xin|dich|chi dao|yeu cau))\b`,
);

function hitsIn(passage: string, kind: PassageKind, order: number, nextOf: (i: number) => string | null): Hit[] {
  const hits: Hit[] = [];
  const sentences = splitSentences(passage);
  sentences.forEach((s, si) => {
    const f = foldForRules(s.text);
    const spans = maskedSpans(f, s.text.toLowerCase());
    const masked = (i: number): boolean => spans.some((sp) => i >= sp.from && i < sp.to);
    const found = new Map<MeasureCode, { action: MeasureAction; rule: string; at: number }>();
    for (const rule of MEASURE_RULES) {
      if (found.has(rule.code) && !(found.get(rule.code)!.action === 'impose' && rule.action === 'lift')) continue;
      for (const m of f.matchAll(GLOBAL.get(rule)!)) {
        // the measure word must sit outside every mask (the rule's last character is its object)
        const at = m.index! + Math.max(0, m[0].length - 1);
        if (masked(m.index!) || masked(at)) continue;
        if (!found.has(rule.code) || rule.action === 'lift')
          found.set(rule.code, { action: rule.action, rule: rule.name, at: m.index! });
        break;
      }
    }
    // "Thực hiện Chỉ thị 16/CT-TTg …, UBND tỉnh yêu cầu giãn cách xã hội …": the local order is
    // that Chỉ thị's distancing, though it names it only in the basis (one Chỉ thị named, no other)
    const basisCts = CT_REFS.filter(([, re]) => [...f.matchAll(re)].some((m) => masked(m.index!))).map(([n]) => n);
    const distancing = [...f.matchAll(/gian cach xa hoi|cach ly (?:toan )?xa hoi/g)].find((m) => !masked(m.index!));
    if (
      basisCts.length === 1 &&
      distancing &&
      !/(?:ket thuc|noi long|dung|ngung)\s+(?:viec\s+)?(?:ap d[ux]ng\s+|thuc hien\s+)?(?:bien phap\s+)?$/.test(
        f.slice(0, distancing.index!),
      )
    ) {
      const code = `distancing-ct${basisCts[0]}` as MeasureCode;
      if (!found.has(code))
        found.set(code, {
          action: 'impose',
          rule: `${code}: distancing ordered under the Chỉ thị named in the basis`,
          at: distancing.index!,
        });
    }
    if (!found.size) return;
    const cue = ORDER_CUE.test(f) || LIST_MARKER.test(s.text);
    const base = kind === 'title' ? 0.6 : cue ? 0.85 : 0.75;
    for (const [code, v] of [...found].sort((a, b) => a[1].at - b[1].at)) {
      // permissive or planning wording weakens the clause it is in, not the whole sentence
      const from = f.lastIndexOf(';', v.at) + 1,
        to = f.indexOf(';', v.at);
      const clause = f.slice(from, to < 0 ? f.length : to);
      const confidence = base - (PERMISSIVE.test(clause) ? 0.1 : 0) - (PLANNING.test(clause) ? 0.2 : 0);
      hits.push({
        code,
        action: v.action,
        rule: v.rule,
        evidence: s.text,
        sentence: s.text,
        next: sentences[si + 1]?.text ?? nextOf(order),
        kind,
        order: order + (si + v.at / 1e4) / 1e3,
        confidence,
        at: v.at,
      });
    }
  });
  return hits;
}

/**
 * The measures a directive orders or lifts, one per code, in the order of the text. The
 * evidence is the sentence as written: a substring of one body block (or of the headline or
 * title for measures only the headline names, with a lower confidence).
 */
export function extractMeasures(t: MeasureText): DirectiveMeasure[] {
  const blocks = t.blocks.map(toNFC);
  // an official title block the segmenter left in the body ("VỀ TIẾP TỤC … THEO CHỈ THỊ SỐ 19/CT-TTG …")
  const titleBlocks = blocks.filter((b) => /^(?:VỀ|V\/V)\s+\p{Lu}/u.test(b) && !/\p{Ll}/u.test(b));
  const passages = readablePassages(blocks);
  const hits: Hit[] = [];
  passages.forEach((p, i) => hits.push(...hitsIn(p, 'body', i, (k) => passages[k + 1] ?? null)));
  for (const title of [...(t.titles ?? []), ...titleBlocks]) {
    if (title?.trim()) hits.push(...hitsIn(toNFC(title.trim()), 'title', -1, () => null));
  }
  // one entry per code (see rank)
  const best = new Map<MeasureCode, Hit>();
  for (const h of hits) {
    const b = best.get(h.code);
    if (!b || rank(h) > rank(b)) best.set(h.code, h);
  }
  const chosen = [...best.values()].sort((a, b) =>
    a.kind === b.kind ? a.order - b.order : a.kind === 'body' ? -1 : 1,
  );
  return chosen.map((h) => {
    let { from, to } = datesOf(h.sentence, t.date, h.at);
    if (!from && !to && h.next && /^(?:Thời gian|Kể từ|Bắt đầu|Áp dụng từ|Từ \d)/u.test(h.next))
      ({ from, to } = datesOf(h.next, t.date));
    const confidence = Math.round(Math.min(0.95, Math.max(0.3, h.confidence)) * 100) / 100;
    return { code: h.code, action: h.action, evidence: h.evidence, scope: scopeOf(h.sentence), from, to, confidence };
  });
}

// Which sentence speaks for a code: the body over the headline, then the surer, then the first.
// A report's opening ("Ngày 5/5, UBND tỉnh ban hành Công văn số … về việc …") names the subject;
// the sentences after it carry the order with its dates and area
const LEAD = new RegExp(
  String.raw`\b(?:ban hanh|ky|co|ra|gui)\s+(?:ban hanh\s+)?` +
    '(?:cong van|cong dien|quyet dinh|chi thi|thong bao|ke hoach|van ban|nghi quyet' +
    String.raw`|huong dan)\b[^.;]{0,60}?\b(?:ve viec|ve|v\/v)\b`,
);
function rank(h: Hit): number {
  const lead = LEAD.test(foldKeepLength(h.sentence)) ? 0.05 : 0;
  return (h.kind === 'body' ? 10 : 0) + h.confidence - lead - h.order * 0.0001;
}

/** The body's blocks as the page shows them (paragraphs and list items as plain text). */
export function blocksOf(body: Root): string[] {
  const out: string[] = [];
  for (const node of body.children) {
    if (node.type === 'list') for (const item of node.children) out.push(toString(item));
    else out.push(toString(node));
  }
  return out;
}
