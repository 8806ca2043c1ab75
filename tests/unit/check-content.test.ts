/**
 * "Content is only content": a directive's MDX may hold no import, export, expression, JSX, raw
 * HTML or javascript: link, because building the site runs the MDX. Each attack is written the
 * way an attacker would write it, into a real file, and must make `runChecks` report an error
 * on the right line; properly escaped text with the same characters must pass.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/run.ts';
import { checkBody, isSafeUrl, ARCHIVE_COMPONENTS } from '../../src/lib/checks/content.ts';
import { directive, validFolder } from './check-fixture.ts';

const FILE = 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx';

async function problemsForBody(body: string) {
  const root = validFolder({ [FILE]: directive({ body }) });
  const report = await runChecks(root);
  return report.problems.filter((p) => p.severity === 'error');
}

// Frontmatter is 14 lines + blank line: the body starts on line 16.
const BODY_LINE = directive().split('\n').indexOf('---', 1) + 3;

describe('content check refuses code in a directive', () => {
  const attacks: [string, string, string][] = [
    ['an import of node:fs', 'Văn bản.\n\nimport fs from "node:fs"\n', 'content.esm'],
    ['an expression that exits the build', 'Văn bản.\n\n{process.exit(1)}\n', 'content.expression'],
    ['an inline expression', 'Văn bản {globalThis.x = 1} tiếp.\n', 'content.expression'],
    ['a script element', 'Văn bản.\n\n<script>alert(1)</script>\n', 'content.jsx'],
    ['an img with onerror', 'Văn bản.\n\n<img src="x" onerror="alert(1)" />\n', 'content.jsx'],
    ['an inline JSX component', 'Xem <Evil /> ngay.\n', 'content.jsx'],
    ['a javascript: link', 'Xem [tại đây](javascript:alert(1)).\n', 'content.unsafe_url'],
    ['a javascript: link with an entity', 'Xem [đây](javascript&#58;alert(1)).\n', 'content.unsafe_url'],
    ['a javascript: link definition', '[x]: JavaScript:alert(1)\n\nXem [đây][x].\n', 'content.unsafe_url'],
    ['a data: link', 'Xem [đây](data:text/html,<b>x</b>).\n', 'content.unsafe_url'],
    ['an export in a directive', 'Văn bản.\n\nexport const x = 1\n', 'content.esm'],
    ['an image from another host', 'Ảnh ![x](https://tracker.example/p.gif)\n', 'content.external_image'],
    ['an unescaped brace (does not parse)', 'Văn bản { chưa đóng\n', 'content.parse'],
    ['an HTML comment (does not parse as MDX)', 'Văn bản.\n\n<!-- x -->\n', 'content.parse'],
  ];
  for (const [name, body, code] of attacks) {
    it(`refuses ${name}`, async () => {
      const errors = await problemsForBody(body);
      const hit = errors.find((p) => p.code === code);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      expect(hit!.file).toMatch(/bac-ninh\/2021-05-12-cong-van-123-cv-tu\.mdx$/);
      // The line is the file's, not the body's: the attack is on the body's line 1 or 3.
      expect([BODY_LINE, BODY_LINE + 2]).toContain(hit!.line);
      expect(hit!.messageVi.length).toBeGreaterThan(10);
      expect(hit!.messageEn.length).toBeGreaterThan(10);
      expect(hit!.fix.vi.length).toBeGreaterThan(10);
    });
  }

  it('passes a directive full of escaped { } < > and words like import/export', async () => {
    const body = [
      'Căn cứ Chỉ thị số 16/CT-TTg \\{ngày 31/3/2020\\}; tỷ lệ \\< 5% và \\> 1‰ (a \\<= b).',
      '',
      '\\import hàng hóa, \\export nông sản: kiểm soát chặt tại cửa khẩu.',
      '',
      '1\\. Cấm tụ tập \\<10 người\\>; xem [Cổng thông tin](https://bacninh.gov.vn/) và [mục 2](#muc-2).',
      '',
      '2\\. Biểu thức "x = \\{1\\}" chỉ là chữ.',
      '',
      '- Dòng gạch đầu dòng thật.',
      '+ Dòng dấu cộng.',
    ].join('\n');
    expect(await problemsForBody(body)).toEqual([]);
  });

  it('a file whose frontmatter is broken still has its body checked', async () => {
    const broken = directive({ body: 'import fs from "node:fs"\n' }).replace('title:', 'title [');
    const root = validFolder({ [FILE]: broken });
    const codes = (await runChecks(root)).problems.map((p) => p.code);
    expect(codes).toContain('schema.frontmatter_yaml');
    expect(codes).toContain('content.esm');
  });

  it('keeps the component allowlist empty until the archive has its own components', () => {
    expect(ARCHIVE_COMPONENTS).toEqual([]);
    expect(checkBody('x.mdx', '<Callout>x</Callout>').map((p) => p.code)).toEqual(['content.jsx']);
  });

  it('judges link targets the way a browser would', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'java\nscript:x',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeUrl(url), url).toBe(false);
    }
    for (const url of [
      'https://chinhphu.vn/',
      'http://a.b/c',
      'mailto:a@b.vn',
      '/van-ban/x/',
      '#muc-1',
      '../a',
      '?q=1',
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });
});

describe('the parse shortcut', () => {
  it('skips only bodies in which the full MDX parse finds nothing', { timeout: 120_000 }, async () => {
    const fc = await import('fast-check');
    const { needsParse } = await import('../../src/lib/checks/content.ts');
    // Markdown-significant characters and words, including the triggers, so both branches run.
    const pieces = [
      'a',
      'Đ',
      ' ',
      '\n',
      '\n\n',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '!',
      '#',
      '-',
      '+',
      '1.',
      '\\',
      '`',
      '|',
      ':',
      '/',
      'http://x.vn',
      'www.a.vn',
      'a@b.vn',
      'javascript:',
      'mailto:',
      'xmpp:a@b',
      'import',
      'export',
      '   ',
      '&#123;',
      '&lt;',
      '{',
      '<',
      '>',
      '}',
    ];
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const body = parts.join('');
        if (needsParse(body)) return;
        skipped++;
        expect(checkBody('x.mdx', body, { alwaysParse: true })).toEqual([]);
      }),
      { numRuns: 1500, seed: 6 },
    );
    expect(skipped).toBeGreaterThan(50);
  });
});

describe('invisible characters', () => {
  it('regression: a bidi override or a control character in a title is refused, with its line', async () => {
    const root = validFolder({ [FILE]: directive().replace('title: "Tăng cường', 'title: "\u202eTăng\u0007 cường') });
    const report = await runChecks(root);
    const hit = report.problems.find((p) => p.code === 'content.control_character');
    expect(hit).toBeDefined();
    expect(hit!.line).toBe(2);
    expect(hit!.messageEn).toContain('U+202E');
  });
});

describe('size limit', () => {
  it('regression: a body over the size limit is refused without being parsed', async () => {
    const { MAX_MDX_BYTES } = await import('../../src/lib/import/limits.ts');
    // braces everywhere: parsing this would take the MDX parser many seconds and gigabytes
    const body = 'Văn bản \\{ dài \\} <b>. '.repeat(Math.ceil(MAX_MDX_BYTES / 20));
    const root = validFolder({ [FILE]: directive({ body }) });
    const report = await runChecks(root);
    const codes = report.problems.map((p) => p.code);
    expect(codes).toContain('content.too_large');
    // the body was not parsed: its <b> tag would have been reported
    expect(codes).not.toContain('content.jsx');
    // its frontmatter was still read: its raw file is not called an orphan
    expect(codes).not.toContain('integrity.raw_orphan');
  });
});

describe('invisible characters in the body', () => {
  it('are a warning there (shown as written), with their line', async () => {
    const root = validFolder({ [FILE]: directive({ body: 'Văn bản \u202eđảo chiều.\n' }) });
    const hit = (await runChecks(root)).problems.find((p) => p.code === 'content.control_character');
    expect(hit?.severity).toBe('warning');
    expect(hit?.line).toBe(BODY_LINE);
  });
});
