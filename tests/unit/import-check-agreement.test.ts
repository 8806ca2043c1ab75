/**
 * Whatever the importer writes, `npm run check` and the build accept, and the site shows exactly
 * the text it was made from. The check and the build read MDX with GFM (autolinks,
 * strikethrough), which the emitter has to leave no room for. Property test over random text with
 * the characters that broke it (a fuzzer found 16 shapes in 4,000 lines), plus one regression
 * test per shape found.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { importText } from '../../src/lib/import/pipeline.ts';
import { decode } from '../../src/lib/import/decode.ts';
import { clean } from '../../src/lib/import/clean.ts';
import { segment } from '../../src/lib/import/segment.ts';
import { structure } from '../../src/lib/import/structure.ts';
import { checkDirectiveFile } from '../../src/lib/checks/file-check.ts';
import { parseBody } from '../../src/lib/checks/content.ts';

const HEADER = `ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Số: 1520/UBND-KGVX
Hà Giang, ngày 14 tháng 9 năm 2021
V/v tăng cường kiểm soát người ra vào tỉnh

Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện nghiêm các nội dung sau.
`;

const blocks = (children: readonly unknown[]): string[] =>
  children
    .filter((c) => (c as { type: string }).type !== 'yaml')
    .map((c) =>
      toString(c as Root)
        .replace(/\s+/g, ' ')
        .trim(),
    );

/** The body the importer kept, as a tree, straight from the pipeline's own steps. */
const keptBody = (text: string): Root => structure(segment(clean(decode(Buffer.from(text, 'utf8')).text).text).body);

/** The MDX body as the check (and the build) parse it. */
const shownBlocks = (mdx: string): string[] =>
  blocks((parseBody(mdx.slice(mdx.indexOf('\n---\n') + 5)) as Root).children);

function expectAgreement(text: string): void {
  const r = importText(Buffer.from(text, 'utf8'), 'fuzz.txt');
  expect(r.error ?? '').not.toMatch(/unexpected importer failure|could not write this text safely/);
  if (!r.ok) return;
  const errors = checkDirectiveFile('fuzz.mdx', r.mdx!).problems.filter((p) => p.severity === 'error');
  expect(errors, text).toEqual([]);
  expect(shownBlocks(r.mdx!), text).toEqual(blocks(keptBody(text).children));
}

const PIECES = [
  '{',
  '}',
  '<',
  '>',
  '</',
  '/>',
  '<a>',
  '<b>',
  'www.',
  'WWW.a.vn',
  'www.a.vn',
  'http://a.b',
  'https://x.vn/p?q=1',
  'a@b.vn',
  'mailto:',
  'xmpp:',
  '\\',
  '&',
  ';',
  '&#x3C;',
  '&lt;',
  '*',
  '_',
  '~',
  '~~',
  '|',
  '[',
  ']',
  '(',
  ')',
  '!',
  ':',
  '/',
  '.',
  '-',
  ' ',
  'Đ',
  'ấ',
  '1',
  '#',
  '`',
  '"',
  "'",
  '$',
  '^',
  '=',
  '+',
  '%',
  '\ufffe',
  '\uffff',
  '\u202e',
  '\u0007',
  '\u001b]0;x\u0007',
  'import ',
  'export ',
];
const junkLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));

describe('importer, check and build agree', { timeout: 120_000 }, () => {
  it('whatever the importer writes, the check accepts and the text shown is the text kept (property)', () => {
    fc.assert(
      fc.property(fc.array(junkLine, { minLength: 1, maxLength: 5 }), (lines) =>
        expectAgreement(`${HEADER}${lines.join('\n')}\n`),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('whatever the importer writes compiles as the build compiles it (MDX with GFM) (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(junkLine, { minLength: 1, maxLength: 4 }), async (lines) => {
        const r = importText(Buffer.from(`${HEADER}${lines.join('\n')}\n`, 'utf8'), 'fuzz.txt');
        if (!r.ok) return;
        await compile(r.mdx!, { remarkPlugins: [remarkFrontmatter, remarkGfm] });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  // the shapes the fuzzer found, each as the archivist would meet it
  const SHAPES: [string, string][] = [
    ['a URL right before <', 'Xem tại https://hagiang.gov.vn/van-ban<1520> để biết thêm.'],
    ['a www. address right before <', 'Cổng thông tin www.hagiang.gov.vn<trang chủ>.'],
    ['a www. address followed by a non-ASCII letter', 'Địa chỉ www.Đ[1]&% cần kiểm tra.'],
    ['an xmpp: address in plain text', 'Liên hệ xmpp:ytehg@chat.vn! ngay.'],
    ['single tildes (GFM strikethrough)', 'Nguy cơ ở mức ~cao~ và ~rất cao~ thì báo ngay.'],
    ['a title with U+FFFE and U+FFFF', 'Nội dung \ufffeđặc biệt\uffff.'],
  ];
  for (const [name, line] of SHAPES) {
    it(`regression: ${name} is imported as text the check accepts`, () => {
      const text = `${HEADER}${line}\n`;
      const r = importText(Buffer.from(text, 'utf8'), 'shape.txt');
      expect(r.ok, r.error ?? '').toBe(true);
      expectAgreement(text);
    });
  }

  it('regression: U+FFFE/U+FFFF and bidi overrides never reach the title', () => {
    const text = HEADER.replace('V/v tăng cường', 'V/v \ufffe\u202etăng cường\uffff');
    const r = importText(Buffer.from(text, 'utf8'), 'title.txt');
    expect(r.ok, r.error ?? '').toBe(true);
    expect(String(r.frontmatter!.subject)).toBe('tăng cường kiểm soát người ra vào tỉnh');
    expect(r.warnings.map((w) => w.code)).toContain('control-characters');
  });
});
