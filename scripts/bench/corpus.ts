/**
 * Synthetic archive for benchmarks: N directives spread over the 63 provinces, issued by several
 * committees each, with plausible numbers, dates clustered on the 2020–2022 waves, document types
 * in realistic proportions, bodies recombined from real directive sentences, cross-references to
 * national and earlier provincial documents, and a few very long documents. Deterministic: the
 * same seed gives the same files byte for byte.
 */
import { createHash } from 'node:crypto';
import { PROVINCES, type Province } from '../../src/lib/provinces.ts';
import { DOC_TYPES, type DocTypeName } from '../../src/lib/doc-types.ts';
import type { Issuer } from '../../src/lib/issuers.ts';
import { slugify } from '../../src/lib/vietnamese.ts';
import type { DirectiveInput } from '../../src/lib/directive-schema.ts';
import { createRng, type Rng } from './rng.ts';
import { SENTENCES } from './sentences.ts';
import { emitMdx, type BodyBlock } from './emit.ts';

/** Share of each document type in the archive (percent); from the mix seen in provincial portals. */
export const DOC_TYPE_WEIGHTS: Readonly<Record<DocTypeName, number>> = {
  'Công văn': 30,
  'Thông báo': 10,
  'Thông báo kết luận': 8,
  'Công điện': 8,
  Điện: 2,
  'Chỉ thị': 10,
  'Nghị quyết': 2,
  'Kết luận': 3,
  'Kế hoạch': 12,
  'Quyết định': 8,
  'Hướng dẫn': 4,
  'Thông tri': 1,
  'Quy định': 1,
  'Kịch bản': 0.5,
  'Văn bản': 0.5,
};

/** Share of documents that are very long (tens of KB: plans, conclusions with annexes). */
export const LONG_SHARE = 0.03;

/** Issuer roles, resolved to the province's own names (Tỉnh ủy vs Thành ủy, tỉnh vs thành phố). */
type Role = 'bch' | 'btv' | 'tt' | 'ubnd' | 'ct' | 'bcd' | 'vp' | 'hdnd';
const PARTY_ROLES: ReadonlySet<Role> = new Set(['bch', 'btv', 'tt']);

const ROLE_WEIGHTS: Readonly<Record<DocTypeName, Partial<Record<Role, number>>>> = {
  'Công văn': { btv: 40, tt: 20, ubnd: 30, vp: 5, bcd: 5 },
  'Thông báo': { btv: 25, tt: 15, vp: 40, ubnd: 10, bcd: 10 },
  'Thông báo kết luận': { btv: 40, tt: 15, bch: 5, vp: 40 },
  'Công điện': { ct: 70, ubnd: 20, bcd: 10 },
  Điện: { tt: 60, btv: 40 },
  'Chỉ thị': { btv: 40, ubnd: 35, ct: 25 },
  'Nghị quyết': { bch: 30, btv: 30, hdnd: 40 },
  'Kết luận': { btv: 60, bch: 40 },
  'Kế hoạch': { ubnd: 60, bcd: 20, btv: 20 },
  'Quyết định': { ubnd: 60, ct: 30, bcd: 10 },
  'Hướng dẫn': { btv: 40, bcd: 40, ubnd: 20 },
  'Thông tri': { btv: 100 },
  'Quy định': { btv: 50, ubnd: 50 },
  'Kịch bản': { bcd: 60, ubnd: 40 },
  'Văn bản': { btv: 30, ubnd: 40, bcd: 30 },
};

function issuerFor(role: Role, p: Province): Issuer {
  const party = p.partyCommittee; // 'Tỉnh ủy' | 'Thành ủy'
  const unit = p.kind === 'city' ? 'thành phố' : 'tỉnh';
  const names: Record<Role, string> = {
    bch: `Ban Chấp hành ${party}`,
    btv: `Ban Thường vụ ${party}`,
    tt: `Thường trực ${party}`,
    ubnd: `UBND ${unit}`,
    ct: `Chủ tịch UBND ${unit}`,
    bcd: `Ban Chỉ đạo phòng, chống dịch ${unit}`,
    vp: `Văn phòng UBND ${unit}`,
    hdnd: `HĐND ${unit}`,
  };
  return names[role] as Issuer;
}

/** Relative weight of each month Jan 2020 … Dec 2022: the waves drive how much was issued. */
const MONTH_WEIGHTS = [
  // 2020: first wave (Feb–Apr), Đà Nẵng (Jul–Aug)
  3, 8, 10, 9, 3, 2, 5, 7, 3, 2, 2, 3,
  // 2021: Hải Dương (Jan–Feb), Bắc Giang/Bắc Ninh (May), Delta (Jun–Oct), "new normal" (Oct–Dec)
  5, 6, 3, 3, 9, 10, 12, 14, 13, 11, 10, 9,
  // 2022: Omicron, Tết (Jan–Mar), then tapering
  9, 8, 6, 3, 2, 1, 1, 1, 1, 1, 1, 1,
];

/** National documents provincial texts cite, with the date each became citable. */
const NATIONAL_REFS = [
  { number: '15/CT-TTg', docType: 'Chỉ thị', date: '2020-03-27', by: 'của Thủ tướng Chính phủ' },
  { number: '16/CT-TTg', docType: 'Chỉ thị', date: '2020-03-31', by: 'của Thủ tướng Chính phủ' },
  { number: '19/CT-TTg', docType: 'Chỉ thị', date: '2020-04-24', by: 'của Thủ tướng Chính phủ' },
  { number: '05/CT-TTg', docType: 'Chỉ thị', date: '2020-02-28', by: 'của Thủ tướng Chính phủ' },
  { number: '128/NQ-CP', docType: 'Nghị quyết', date: '2021-10-11', by: 'của Chính phủ' },
  { number: '35/CT-TTg', docType: 'Chỉ thị', date: '2021-12-31', by: 'của Thủ tướng Chính phủ' },
  { number: '2686/QĐ-BCĐQG', docType: 'Quyết định', date: '2021-05-31', by: 'của Ban Chỉ đạo Quốc gia' },
  { number: '4800/QĐ-BYT', docType: 'Quyết định', date: '2021-10-12', by: 'của Bộ Y tế' },
] as const;

const SUBJECTS = [
  'tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch COVID-19 trong tình hình mới',
  'tiếp tục tăng cường công tác phòng, chống dịch bệnh COVID-19 trên địa bàn',
  'thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19',
  'thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19',
  'đẩy nhanh tiến độ tiêm vắc xin phòng COVID-19',
  'phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán',
  'cách ly y tế, điều trị F0 tại nhà',
  'tổ chức cho học sinh trở lại trường học an toàn',
  'kiểm soát người ra, vào địa bàn tỉnh',
  'bảo đảm an sinh xã hội cho người dân bị ảnh hưởng bởi dịch COVID-19',
  'kết luận của Ban Thường vụ về công tác phòng, chống dịch',
  'phát huy vai trò của Tổ COVID cộng đồng',
  'tăng cường xét nghiệm, truy vết, khoanh vùng ổ dịch',
  'bảo đảm sản xuất, kinh doanh an toàn trong các khu, cụm công nghiệp',
  'xử lý nghiêm các trường hợp vi phạm quy định phòng, chống dịch',
] as const;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Ngọc', 'Xuân', 'Công'];
const GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Long',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Vinh',
];
const UBND_DEPTS = ['VX', 'KGVX', 'VHXH', 'NC', 'TH', 'KT'];

export interface CorpusFile {
  /** path relative to the corpus root, e.g. "directives/thanh-hoa/2021-11-25-cong-van-469-cv-tu.mdx" */
  path: string;
  content: string;
}

export interface CorpusDocument {
  id: string;
  mdx: CorpusFile;
  raw: CorpusFile;
  data: DirectiveInput;
  long: boolean;
}

interface Meta {
  province: Province;
  docType: DocTypeName;
  role: Role;
  issuer: Issuer;
  date: string;
  monthOnly: boolean;
  number: string | null;
  long: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The usual addressees of a People's Committee document. */
const OFFICES = 'Các sở, ban, ngành; UBND các huyện, thị xã, thành phố';

function randomDate(rng: Rng): { date: string; monthOnly: boolean } {
  const weights: Record<string, number> = {};
  for (const [i, w] of MONTH_WEIGHTS.entries()) weights[String(i)] = w;
  const m = Number(rng.weighted(weights));
  const year = 2020 + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthOnly = rng.chance(0.08);
  const ym = `${year}-${pad(month)}`;
  return { date: monthOnly ? ym : `${ym}-${pad(rng.int(1, days))}`, monthOnly };
}

function numberFor(rng: Rng, docType: DocTypeName, role: Role, serial: number): string | null {
  const code = DOC_TYPES.find((t) => t.name === docType)!.code;
  if (docType === 'Điện' || docType === 'Văn bản') return rng.chance(0.7) ? null : `${serial}-CV/TU`;
  if (PARTY_ROLES.has(role)) return `${serial}-${code || 'CV'}/TU`;
  if (role === 'hdnd') return `${serial}/NQ-HĐND`;
  if (role === 'bcd') return `${serial}/${code || 'KB'}-BCĐ`;
  if (role === 'vp') return docType === 'Công văn' ? `${serial}/VP-${rng.pick(UBND_DEPTS)}` : `${serial}/TB-VP`;
  if (docType === 'Công văn') return `${serial}/UBND-${rng.pick(UBND_DEPTS)}`;
  return `${serial}/${code || 'KB'}-UBND`;
}

function sentences(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(SENTENCES));
  return out.join(' ');
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `ngày ${Number(d)}/${Number(m)}/${y}` : `tháng ${Number(m)}/${y}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

interface Citation {
  number: string;
  docType: string;
  date: string;
  phrase: string;
}

function buildBody(rng: Rng, meta: Meta, citations: Citation[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const cite = citations.map((c) => c.phrase).join(' và ');
  blocks.push({
    kind: 'paragraph',
    text:
      `${cite ? `Thực hiện ${cite}, ` : ''}${meta.issuer} yêu cầu các cấp, các ngành, địa phương, đơn vị ` +
      `triển khai thực hiện tốt một số nội dung sau. ${sentences(rng, rng.int(1, 2))}`,
  });
  for (let i = rng.int(1, 2); i > 0; i--) blocks.push({ kind: 'paragraph', text: sentences(rng, rng.int(2, 4)) });
  const sectionCount = meta.long ? rng.int(25, 60) : rng.int(3, 7);
  const slash = rng.chance(0.2); // "1/" style, as in some Thành ủy texts
  for (let s = 1; s <= sectionCount; s++) {
    blocks.push({
      kind: 'paragraph',
      text: `${s}${slash ? '/' : '.'} ${sentences(rng, rng.int(1, 3))}`,
      strong: rng.chance(0.03),
    });
    const shape = rng.next();
    if (shape < 0.25) {
      for (let k = 1, n = rng.int(2, 4); k <= n; k++) {
        blocks.push({ kind: 'paragraph', text: `${s}.${k}. ${sentences(rng, rng.int(1, 3))}` });
      }
    } else if (shape < 0.45) {
      const items: string[] = [];
      for (let k = rng.int(2, 5); k > 0; k--) items.push(sentences(rng, 1));
      blocks.push({ kind: 'list', items });
    } else if (shape < 0.55) {
      blocks.push({ kind: 'paragraph', text: sentences(rng, rng.int(2, 4)) });
    }
  }
  blocks.push({ kind: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện.' });
  return blocks;
}

function blockText(b: BodyBlock): string {
  return b.kind === 'paragraph' ? b.text : b.items.map((i) => `- ${i}`).join('\n');
}

/** Generate `count` documents for `seed`. Pure: same arguments, same result. */
export function generateCorpus(count: number, seed = 1): CorpusDocument[] {
  const rng = createRng(seed);
  // Provinces differ in size: a stable per-province weight so big units issue more.
  const provinceWeights: Record<string, number> = {};
  for (const p of PROVINCES) provinceWeights[p.slug] = p.kind === 'city' ? 3 : 0.6 + rng.next() * 1.4;
  const bySlug = new Map(PROVINCES.map((p) => [p.slug, p]));

  // 1. Metadata for every document, then serials in date order per issuer-family and year.
  const metas: Meta[] = [];
  for (let i = 0; i < count; i++) {
    // Cycle through provinces first so even small corpora cover all 63.
    const province = i < PROVINCES.length ? PROVINCES[i]! : bySlug.get(rng.weighted(provinceWeights))!;
    const docType = rng.weighted(DOC_TYPE_WEIGHTS);
    const role = rng.weighted(ROLE_WEIGHTS[docType] as Record<Role, number>);
    const { date, monthOnly } = randomDate(rng);
    metas.push({
      province,
      docType,
      role,
      issuer: issuerFor(role, province),
      date,
      monthOnly,
      number: null,
      long: rng.chance(LONG_SHARE),
    });
  }
  const order = metas.map((_, i) => i).sort((a, b) => metas[a]!.date.localeCompare(metas[b]!.date) || a - b);
  const serials = new Map<string, number>();
  for (const i of order) {
    const m = metas[i]!;
    const family = `${m.province.slug}|${PARTY_ROLES.has(m.role) ? 'party' : m.role}|${m.date.slice(0, 4)}`;
    const next = (serials.get(family) ?? rng.int(1, 40)) + rng.int(1, 25);
    serials.set(family, next);
    m.number = numberFor(rng, m.docType, m.role, next);
  }

  // 2. Bodies, citing national documents and earlier documents of the same province.
  const earlier = new Map<string, Meta[]>();
  const usedIds = new Set<string>();
  const docs: CorpusDocument[] = new Array(count);
  for (const i of order) {
    const m = metas[i]!;
    const p = m.province;
    const citations: Citation[] = [];
    const national = NATIONAL_REFS.filter((r) => r.date <= m.date);
    if (national.length && rng.chance(0.6)) {
      const r = rng.pick(national);
      citations.push({
        number: r.number,
        docType: r.docType,
        date: r.date,
        phrase: `${r.docType} số ${r.number} ${viDate(r.date)} ${r.by}`,
      });
    }
    const prior = (earlier.get(p.slug) ?? []).filter((e) => e.number);
    if (prior.length && rng.chance(0.5)) {
      const e = prior[Math.max(0, prior.length - rng.int(1, 10))]!;
      citations.push({
        number: e.number!,
        docType: e.docType,
        date: e.date,
        phrase: `${e.docType} số ${e.number} ${viDate(e.date)} của ${e.issuer} ${p.name}`,
      });
    }
    const subject = rng.pick(SUBJECTS);
    const blocks = buildBody(rng, m, citations);
    const signer = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
    const party = PARTY_ROLES.has(m.role);
    const signerRole = party
      ? rng.pick(['T/M Ban Thường vụ, Bí thư', 'Phó Bí thư Thường trực', 'Bí thư'])
      : rng.pick(['Chủ tịch', 'KT. Chủ tịch, Phó Chủ tịch']);
    const recipients = ['Như kính gửi', party ? `Thường trực ${p.partyCommittee}` : 'Thường trực HĐND tỉnh', 'Lưu VT'];

    let base = `${m.date}-${slugify(m.docType)}${m.number ? `-${slugify(m.number)}` : ''}`;
    let id = `${p.slug}/${base}`;
    for (let k = 2; usedIds.has(id); k++) id = `${p.slug}/${base}-${k}`;
    usedIds.add(id);
    base = id.slice(p.slug.length + 1);

    const header = [
      `${m.issuer.toLocaleUpperCase('vi')} ${p.name.toLocaleUpperCase('vi')}`,
      m.number ? `Số: ${m.number}` : '',
      `${p.capital ?? p.name}, ${viDate(m.date)}`,
      '',
      m.docType.toLocaleUpperCase('vi'),
      `V/v ${subject}`,
      '',
      `Kính gửi: ${party ? 'Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc' : OFFICES}`,
      '',
    ];
    const footer = [
      '',
      'Nơi nhận:',
      ...recipients.map((r) => `- ${r},`),
      '',
      signerRole.toLocaleUpperCase('vi'),
      signer,
      '',
    ];
    const raw = [...header, ...blocks.map(blockText).join('\n\n').split('\n'), ...footer].join('\n');
    const rawPath = `raw/${p.slug}/${base}.txt`;

    const data: DirectiveInput = {
      title: capitalise(subject),
      number: m.number,
      docType: m.docType,
      date: m.date,
      dateSource: m.monthOnly ? 'publication' : 'document',
      issuer: m.issuer,
      province: p.name,
      signer,
      signerRole,
      subject,
      recipients,
      urgency:
        m.docType === 'Công điện' && rng.chance(0.5) ? rng.pick(['Hỏa tốc', 'Khẩn', 'Thượng khẩn'] as const) : null,
      references: citations.map((c) => ({ number: c.number, docType: c.docType, date: c.date })),
      summary: `${m.docType} ${m.number ? `số ${m.number} ` : ''}của ${m.issuer} ${p.name} về ${subject}.`,
      source: {
        raw: `content/${rawPath}`,
        sha256: createHash('sha256').update(raw, 'utf8').digest('hex'),
        publisher: null,
        encoding: 'utf-8',
      },
      confidence: {},
      review: [],
      reviewed: false,
    };
    docs[i] = {
      id,
      mdx: { path: `directives/${id}.mdx`, content: emitMdx(data as Record<string, unknown>, blocks) },
      raw: { path: rawPath, content: raw },
      data,
      long: m.long,
    };
    const list = earlier.get(p.slug) ?? [];
    list.push(m);
    earlier.set(p.slug, list);
  }
  return docs;
}
