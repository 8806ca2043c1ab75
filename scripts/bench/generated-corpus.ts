/**
 * A realistic corpus the project writes itself (no devset text): directives of twenty provinces
 * in the styles of real ones (news reports of a committee's document, official layouts with
 * numbered sections, công điện "Hỏa tốc"), several per province, some citing the province's
 * earlier documents and national ones. Generated deterministically from templates and a seeded
 * generator, so every build of it is the same; what each directive is about (its topics) is
 * known by construction, which is what the trust test (scripts/bench/trust-set.ts) counts on.
 *
 * The templates keep each topic's words to that topic's sentences; the filler sentences hold
 * the look-alikes a folded, prefix-matching search confuses them with ("thời gian", "cách ly",
 * "xã hội hóa", "Thanh Hóa", "năm", "Việt Nam").
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng } from './rng.ts';
import { provinceByName } from '../../src/lib/provinces.ts';
import type { MeasureCode } from '../../src/lib/measures.ts';

export type Topic =
  | 'giancach' // giãn cách xã hội (some texts misspell it "giản cách")
  | 'vaccine' // tiêm vắc xin / vaccine
  | 'virus' // vi rút / virus
  | 'f0home' // F0 tại nhà
  | 'testnhanh' // test nhanh kháng nguyên
  | 'phieucho' // đi chợ bằng phiếu
  | 'school' // học sinh đi học trực tiếp
  | 'tet' // Tết Nguyên đán
  | 'phongtoa' // phong tỏa
  | 'tocovid'; // tổ COVID cộng đồng

export interface GeneratedDoc {
  id: string;
  url: string;
  province: string;
  number: string;
  docType: string;
  issuer: string;
  date: string;
  urgency: string | null;
  signer: string;
  topics: Topic[];
  /** own numbers of directives of this corpus (or national ones) that it cites */
  cites: string[];
  /** the spelling of the topic's words this text uses ("giản cách", "vaccine", "virus", "TP.HCM"…) */
  spellings: string[];
  measures: MeasureCode[];
  style: 'news' | 'official' | 'dien';
  /** which of the filler sentences (FILLER) the text holds */
  fillers: number[];
}

const PROVINCES = [
  'Hà Nội',
  'Hà Nam',
  'Thanh Hóa',
  'Vĩnh Phúc',
  'Hòa Bình',
  'Phú Thọ',
  'Thành phố Hồ Chí Minh',
  'Bình Dương',
  'Quảng Bình',
  'Quảng Ninh',
  'Đà Nẵng',
  'Cần Thơ',
  'Hải Phòng',
  'Hải Dương',
  'Bắc Giang',
  'Nghệ An',
  'Điện Biên',
  'Khánh Hòa',
  'Đồng Nai',
  'Lào Cai',
] as const;

// Family, middle and given names, combined per province. None is a word of the templates
// ("Văn" is in "Công văn", "Minh" in "Hồ Chí Minh", "Toàn" in "toàn tỉnh"), so a signer's name
// stands only in that signer's directives.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Đức', 'Xuân', 'Hữu', 'Ngọc', 'Trọng', 'Khắc', 'Duy', 'Bá'];
const GIVEN = [
  'Tùng',
  'Khải',
  'Lượng',
  'Quyết',
  'Thắng',
  'Nghĩa',
  'Thuận',
  'Đạt',
  'Chiến',
  'Hiếu',
  'Khoa',
  'Luân',
  'Tuấn',
  'Dũng',
  'Kiên',
  'Lâm',
  'Khang',
  'Phát',
  'Tài',
  'Quân',
];

const NATIONAL = ['16/CT-TTg', '15/CT-TTg', '19/CT-TTg', '128/NQ-CP'];

// The topics' sentences: each holds the topic's words, and no other topic's.
const TOPIC_SENTENCES: Record<Topic, (spelling: string) => string[]> = {
  giancach: (s) => [
    `Thực hiện ${s} xã hội trên địa bàn toàn tỉnh theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, người dân ` +
      `chỉ ra khỏi nhà khi thật sự cần thiết.`,
    `Tiếp tục ${s} xã hội thêm 14 ngày đối với các huyện có nguy cơ rất cao.`,
  ],
  vaccine: (s) => [
    `Đẩy nhanh tiến độ tiêm ${s} phòng COVID-19, bảo đảm an toàn tiêm chủng; tiêm mũi 3 cho người từ 18 tuổi trở lên.`,
  ],
  virus: (s) => [`Biến chủng mới của ${s} SARS-CoV-2 lây lan nhanh, khó kiểm soát.`],
  f0home: () => ['Tổ chức quản lý, theo dõi sức khỏe F0 tại nhà; cấp túi thuốc cho người bệnh.'],
  testnhanh: () => ['Tăng cường xét nghiệm bằng test nhanh kháng nguyên tại các khu công nghiệp.'],
  phieucho: () => ['Người dân đi chợ bằng phiếu theo ngày chẵn, ngày lẻ; mỗi hộ gia đình một phiếu.'],
  school: () => ['Chuẩn bị các điều kiện để học sinh đi học trực tiếp sau thời gian học trực tuyến.'],
  tet: () => ['Không tổ chức bắn pháo hoa, hạn chế tụ tập đông người dịp Tết Nguyên đán Nhâm Dần 2022.'],
  phongtoa: () => ['Phong tỏa tạm thời khu dân cư có ca bệnh, lập chốt kiểm soát ra vào.'],
  tocovid: () => ['Kiện toàn Tổ COVID cộng đồng ở thôn, khu phố; mỗi tổ phụ trách từ 30 đến 50 hộ.'],
};
const TOPIC_MEASURE: Partial<Record<Topic, MeasureCode>> = {
  giancach: 'distancing-ct16',
  vaccine: 'vaccination',
  testnhanh: 'testing',
  phongtoa: 'lockdown-area',
  school: 'schools',
};
// The words a folded, prefix-matching search mixes up with the topics': in every directive.
export const FILLER = [
  'Trong thời gian qua, các cấp ủy, chính quyền đã chủ động cách ly kịp thời các trường hợp nghi nhiễm.',
  'Đẩy mạnh xã hội hóa công tác phòng, chống dịch; huy động sự vào cuộc của cả hệ thống chính trị.',
  'Các cơ quan, đơn vị thực hiện nghiêm thông điệp 5K, không chủ quan, lơ là.',
  'Năm nay, tình hình dịch bệnh diễn biến phức tạp, khó lường.',
  'Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tuyên truyền sâu rộng trong nhân dân.',
  'Giao Sở Y tế chủ trì, phối hợp với các sở, ngành theo dõi sát diễn biến tình hình.',
];

const TYPES = [
  { docType: 'Công văn', code: 'CV', party: true },
  { docType: 'Chỉ thị', code: 'CT', party: true },
  { docType: 'Thông báo kết luận', code: 'TB', party: true },
  { docType: 'Công văn', code: 'UBND-VX', party: false },
  { docType: 'Kế hoạch', code: 'KH-UBND', party: false },
  { docType: 'Công điện', code: 'CĐ-UBND', party: false },
] as const;

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const viDate = (isoDate: string): string => {
  const [y, m, d] = isoDate.split('-');
  return `ngày ${Number(d)}/${Number(m)}/${y}`;
};

/** The corpus's directives, metadata first (what the trust set reasons about). */
export function generateCorpus(seed = 12, perProvince = 8): GeneratedDoc[] {
  const rng = createRng(seed);
  const docs: GeneratedDoc[] = [];
  const topics = Object.keys(TOPIC_SENTENCES) as Topic[];
  PROVINCES.forEach((province, pi) => {
    const p = provinceByName(province);
    const signers = [0, 1, 2].map((k) => {
      const family = FAMILY[(pi + k * 3) % FAMILY.length];
      const middle = MIDDLE[(pi * 2 + k) % MIDDLE.length];
      const given = GIVEN[(pi + k * 7) % GIVEN.length];
      return `${family} ${middle} ${given}`;
    });
    const own: GeneratedDoc[] = [];
    for (let k = 0; k < perProvince; k++) {
      const type = TYPES[(k + pi) % TYPES.length]!;
      // serials unique over the whole corpus: a number finds one directive
      const serial = 100 + pi * 41 + k * 5;
      const number = type.party ? `${serial}-${type.code}/TU` : `${serial}/${type.code}`;
      const issuer = type.party
        ? type.docType === 'Thông báo kết luận'
          ? `Ban Thường vụ ${p.partyCommittee}`
          : k % 3 === 0
            ? `Thường trực ${p.partyCommittee}`
            : `Ban Thường vụ ${p.partyCommittee}`
        : p.kind === 'city'
          ? 'UBND thành phố'
          : 'UBND tỉnh';
      const month = [3, 4, 7, 8, 9, 11, 12, 1][k]!;
      const year = month === 1 ? 2022 : month <= 4 ? 2020 + (k % 2) : 2021;
      const date = iso(year, month, 1 + ((pi * 3 + k * 7) % 27));
      const chosen = new Set<Topic>();
      // topics by period, as the waves went
      if (month >= 7 && month <= 9) chosen.add(rng.chance(0.7) ? 'giancach' : 'phongtoa');
      if (month >= 11 || month === 1) chosen.add(rng.pick(['f0home', 'vaccine', 'testnhanh'] as const));
      if (month === 1) chosen.add('tet');
      if (rng.chance(0.3)) chosen.add(rng.pick(topics));
      if (rng.chance(0.25)) chosen.add('virus');
      const spellings: string[] = [];
      const spell = (t: Topic): string => {
        if (t === 'giancach') return rng.chance(0.2) ? 'giản cách' : 'giãn cách';
        if (t === 'vaccine') return rng.chance(0.3) ? 'vaccine' : 'vắc xin';
        if (t === 'virus') return rng.chance(0.4) ? 'virus' : 'vi rút';
        return '';
      };
      const urgency =
        type.docType === 'Công điện'
          ? rng.chance(0.5)
            ? 'Hỏa tốc'
            : 'Thượng khẩn'
          : type.docType === 'Công văn' && rng.chance(0.15)
            ? 'Khẩn'
            : null;
      const style = type.docType === 'Công điện' ? 'dien' : rng.chance(0.5) ? 'news' : 'official';
      const cites: string[] = [];
      if (own.length && rng.chance(0.45)) cites.push(rng.pick(own).number);
      if (chosen.has('giancach') && !cites.includes('16/CT-TTg')) cites.push('16/CT-TTg');
      else if (rng.chance(0.2)) cites.push(rng.pick(NATIONAL.slice(1)));
      const ordered = topics.filter((t) => chosen.has(t));
      for (const t of ordered) {
        const s = spell(t);
        if (s) spellings.push(s);
      }
      const doc: GeneratedDoc = {
        id: `${p.slug}/${date}-gen-${serial}`,
        url: `/van-ban/${p.slug}/${date}-gen-${serial}/`,
        province,
        number,
        docType: type.docType,
        issuer,
        date,
        urgency,
        signer: signers[k % signers.length]!,
        topics: ordered,
        cites,
        spellings,
        measures: [...new Set(ordered.map((t) => TOPIC_MEASURE[t]).filter((m): m is MeasureCode => !!m))],
        style,
        fillers: [],
      };
      // three filler sentences, the same for the same directive
      const order = FILLER.map((_, i) => ({ i, r: rng.next() })).sort((a, b) => a.r - b.r);
      doc.fillers = order.slice(0, 3).map((x) => x.i);
      own.push(doc);
      docs.push(doc);
    }
  });
  return docs;
}

function titleOf(d: GeneratedDoc): string {
  const main = d.topics[0];
  const about: Record<Topic, string> = {
    giancach: 'Thực hiện biện pháp cấp bách phòng, chống dịch',
    vaccine: 'Đẩy nhanh chiến dịch tiêm chủng',
    virus: 'Chủ động ứng phó với biến chủng mới',
    f0home: 'Quản lý người nhiễm tại nhà',
    testnhanh: 'Tăng cường xét nghiệm sàng lọc',
    phieucho: 'Bảo đảm cung ứng hàng hóa thiết yếu',
    school: 'Tổ chức năm học mới an toàn',
    tet: 'Phòng, chống dịch dịp nghỉ lễ',
    phongtoa: 'Khoanh vùng, dập dịch',
    tocovid: 'Phát huy vai trò cơ sở',
  };
  const t = main ? about[main] : 'Tiếp tục tăng cường công tác phòng, chống dịch';
  return d.style === 'news' ? `${d.province}: ${t}` : t;
}

function bodyOf(d: GeneratedDoc): string[] {
  const rng = createRng(Number(d.number.replace(/\D.*$/, '')) * 7 + 1);
  const spelled = [...d.spellings];
  const sentences = d.topics.flatMap((t) => {
    const s = t === 'giancach' || t === 'vaccine' || t === 'virus' ? spelled.shift()! : '';
    return TOPIC_SENTENCES[t](s);
  });
  const filler = d.fillers.map((i) => FILLER[i]!);
  const cited = d.cites.map((n) =>
    n.includes('TTg')
      ? `Chỉ thị số ${n} của Thủ tướng Chính phủ`
      : n.includes('NQ-CP')
        ? `Nghị quyết số ${n} của Chính phủ`
        : `văn bản số ${n} của tỉnh`,
  );
  const place =
    d.province === 'Thành phố Hồ Chí Minh' ? rng.pick(['TP.HCM', 'Thành phố Hồ Chí Minh', 'TPHCM']) : d.province;
  const paras: string[] = [];
  if (d.style === 'news') {
    paras.push(
      `Ngày ${viDate(d.date).slice(5)}, ${d.issuer} ${place} đã ban hành ${d.docType} số ${d.number} về công tác ` +
        `phòng, chống dịch COVID-19.`,
      `Theo đó, ${sentences[0] ? sentences[0][0]!.toLowerCase() + sentences[0].slice(1) : filler[0]}`,
      ...sentences.slice(1),
      ...filler,
    );
    if (cited.length) paras.push(`Văn bản nêu rõ việc tiếp tục thực hiện ${cited.join('; ')}.`);
  } else {
    if (cited.length) paras.push(`Thực hiện ${cited.join('; ')}.`);
    paras.push(
      `Để chủ động kiểm soát dịch bệnh, ${d.issuer} yêu cầu các cấp, các ngành tập trung thực hiện tốt ` +
        `các nội dung sau:`,
    );
    [...sentences, ...filler].forEach((s, i) => paras.push(`${i + 1}\\. ${s}`));
  }
  return paras;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** Writes the corpus as content: directives/<slug>/<file>.mdx and raw/<file>.txt. Returns the docs. */
export async function writeGeneratedCorpus(dest: string, docs = generateCorpus()): Promise<GeneratedDoc[]> {
  await rm(dest, { recursive: true, force: true });
  for (const d of docs) {
    const [slug, file] = d.id.split('/') as [string, string];
    const title = titleOf(d);
    const body = bodyOf(d);
    const raw =
      [d.urgency ? d.urgency.toUpperCase() : '', title, ...body.map((p) => p.replace(/\\\./g, '.')), d.signer]
        .filter(Boolean)
        .join('\n\n') + '\n';
    const rawName = `gen-${file}.txt`;
    const sha = createHash('sha256').update(raw).digest('hex');
    const referenceYaml = (n: string) => `  - number: ${yamlString(n)}\n    docType: null\n    date: null`;
    const evidence = yamlString(body.find((p) => p.length > 40) ?? title);
    const measureYaml = (m: string) => `  - code: ${m}\n    action: impose\n    evidence: ${evidence}`;
    const fm = [
      '---',
      `title: ${yamlString(title)}`,
      `number: ${yamlString(d.number)}`,
      `docType: ${yamlString(d.docType)}`,
      `date: ${yamlString(d.date)}`,
      `issuer: ${yamlString(d.issuer)}`,
      `province: ${yamlString(d.province)}`,
      `signer: ${yamlString(d.signer)}`,
      `signerRole: ${yamlString(d.issuer.startsWith('UBND') ? 'Chủ tịch' : 'Bí thư')}`,
      `urgency: ${d.urgency ? yamlString(d.urgency) : 'null'}`,
      d.cites.length ? `references:\n${d.cites.map(referenceYaml).join('\n')}` : 'references: []',
      d.measures.length ? `measures:\n${d.measures.map(measureYaml).join('\n')}` : 'measures: []',
      'source:',
      `  raw: content/raw/${rawName}`,
      `  sha256: ${sha}`,
      '---',
      '',
    ].join('\n');
    await mkdir(join(dest, 'directives', slug), { recursive: true });
    await mkdir(join(dest, 'raw'), { recursive: true });
    await writeFile(join(dest, 'directives', slug, `${file}.mdx`), `${fm}\n${body.join('\n\n')}\n`);
    await writeFile(join(dest, 'raw', rawName), raw);
  }
  return docs;
}
