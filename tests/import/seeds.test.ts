/**
 * The five seed directives (content/raw/) must import as the foundation issue's table says,
 * and the committed MDX must be exactly what the importer produces today (re-import = no change).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { importText } from '../../src/lib/import/pipeline.ts';

const RAW = 'content/raw';
const seedFile = (prefix: string): string => readdirSync(RAW).find((f) => f.startsWith(prefix))!;
const run = (prefix: string) => {
  const name = seedFile(prefix);
  return importText(readFileSync(`${RAW}/${name}`), `${RAW}/${name}`, { rawPath: `${RAW}/${name}` });
};

// seed | number | docType (accepted) | date (accepted) | issuer | province | signer
const TABLE: Array<[string, string | null, string[], string[], string, string, string | null]> = [
  ['000', '469-CV/TU', ['Công văn'], ['2021-11'], 'Ban Thường vụ Tỉnh ủy', 'Thanh Hóa', null],
  [
    '001',
    null,
    ['Thông báo', 'Thông báo kết luận'],
    ['2021-11', '2021-11-11'],
    'Ban Thường vụ Tỉnh ủy',
    'Ninh Thuận',
    'Nguyễn Đức Thanh',
  ],
  ['002', '240-CV/TU', ['Công văn'], ['2021-06'], 'Thường trực Tỉnh ủy', 'Điện Biên', null],
  ['003', '907-CV/TU', ['Công văn'], ['2021-11-08'], 'Thường trực Tỉnh ủy', 'Vĩnh Phúc', 'Phạm Hoàng Anh'],
  ['004', null, ['Điện'], ['2022-01'], 'Thường trực Thành ủy', 'Hà Nội', 'Đinh Tiến Dũng'],
];

describe('seed directives import as the foundation table says', () => {
  for (const [seed, number, types, dates, issuer, province, signer] of TABLE) {
    it(`seed ${seed}: ${number ?? 'no number'}, ${types[0]}, ${dates.join(' or ')}, ${issuer} ${province}`, () => {
      const r = run(seed);
      expect(r.error).toBeNull();
      const fm = r.frontmatter!;
      expect(fm.number).toBe(number);
      expect(types).toContain(fm.docType);
      expect(dates).toContain(fm.date);
      expect(fm.issuer).toBe(issuer);
      expect(fm.province).toBe(province);
      expect(fm.signer).toBe(signer);
    });
  }

  it('seed 001: the number it cites (323-TB/TU) is a reference, not its own', () => {
    const fm = run('001').frontmatter!;
    expect(fm.number).toBeNull();
    expect((fm.references as Array<{ number: string }>).map((r) => r.number)).toContain('323-TB/TU');
  });

  it('seed 002: a news report dated by its publication, and marked so', () => {
    const fm = run('002').frontmatter!;
    expect(fm.dateSource).toBe('publication');
  });

  it('seed 004: no issue date in the text, so the month is inferred and flagged for review', () => {
    const fm = run('004').frontmatter!;
    expect(fm.dateSource).toBe('inferred');
    expect((fm.review as Array<{ field: string }>).map((r) => r.field)).toContain('date');
  });

  it('seed 004 holds its article twice; the archive shows it once', () => {
    const mdx = run('004').mdx!;
    expect(mdx.split('Siết chặt kỷ luật, kỷ cương').length - 1).toBe(1);
    expect(mdx.split('Nguồn: Suckhoedoisong.vn').length - 1).toBe(0);
  });

  it("seed 002's TV-site boilerplate and seed 000's scraper date line are not directive text", () => {
    expect(run('002').mdx).not.toMatch(/Xem lịch phát sóng|DIENBIENTV|GMT\+7/);
    const m000 = run('000').mdx!;
    expect(m000).not.toMatch(/\bdate 2021-11\b/);
    expect(m000.split('\n---\n')[1]).not.toMatch(/^\s*BĐT\s*$/m);
  });

  it('seed 003: recipients and signature are frontmatter, not body paragraphs', () => {
    const r = run('003');
    const body = r.mdx!.split('\n---\n')[1]!;
    expect(r.frontmatter!.urgency).toBe('Hỏa tốc');
    expect(r.frontmatter!.recipients).toContain('Công an tỉnh');
    expect(body).not.toMatch(/Kính gửi|Nơi nhận|Phạm Hoàng Anh|Đến trước/);
    // a page break split "thực hiện / nghiêm" is joined again
    expect(body).toContain('thực hiện nghiêm các biện pháp');
  });

  it('re-importing a seed reproduces the committed MDX byte for byte', () => {
    const committed = readdirSync('content/directives', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.mdx'),
    );
    expect(committed).toHaveLength(5);
    for (const seed of ['000', '001', '002', '003', '004']) {
      const r = run(seed);
      expect(readFileSync(r.output!, 'utf8')).toBe(r.mdx);
    }
  });
});
