/**
 * `npm run check` on what slipped through before (issue 16): a date the calendar does not have,
 * images and links to other hosts written the ways Markdown allows, two directives made from
 * one raw file, and one document kept as two identical raw files. Each is refused with the
 * file, the line and what to do.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/run.ts';
import { checkDirectiveFile } from '../../src/lib/checks/file-check.ts';
import { RAW_TEXT, directive, validFolder } from './check-fixture.ts';

const FILE = 'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx';
const errors = async (root: string) => (await runChecks(root)).problems.filter((p) => p.severity === 'error');

describe('the check refuses', () => {
  it('regression: an impossible date (2021-02-30) in the frontmatter', async () => {
    const e = await errors(validFolder({ [FILE]: directive({ date: '2021-02-30' }) }));
    const hit = e.find((p) => p.messageEn.includes('real calendar date') || p.messageEn.includes('2021-02-30'));
    expect(hit, JSON.stringify(e)).toBeDefined();
    expect(hit!.line).toBe(
      directive()
        .split('\n')
        .findIndex((l) => l.startsWith('date:')) + 1,
    );
  });

  it('accepts the last day of February in a leap year and a month-only date', async () => {
    expect(await errors(validFolder({ [FILE]: directive({ date: '2020-02-29' }) }))).toEqual([]);
    expect(await errors(validFolder({ [FILE]: directive({ date: '2021-02' }) }))).toEqual([]);
  });

  const links: [string, string, string][] = [
    [
      'a reference-style image from another host',
      'Ảnh ![sơ đồ][i]\n\n[i]: http://tracker.example/p.gif\n',
      'content.external_image',
    ],
    ['a protocol-relative image', 'Ảnh ![x](//tracker.example/p.gif)\n', 'content.external_image'],
    ['a protocol-relative link', 'Xem [tại đây](//evil.example/a).\n', 'content.protocol_relative'],
    ['a /\\host link (browsers read it as //host)', 'Xem [tại đây](/\\evil.example/a).\n', 'content.protocol_relative'],
    ['a protocol-relative link definition', '[x]: //evil.example\n\nXem [đây][x].\n', 'content.protocol_relative'],
  ];
  for (const [name, body, code] of links) {
    it(`regression: ${name}`, async () => {
      const e = await errors(validFolder({ [FILE]: directive({ body }) }));
      const hit = e.find((p) => p.code === code);
      expect(hit, JSON.stringify(e)).toBeDefined();
      expect(hit!.line).not.toBeNull();
      expect(hit!.fix.en.length).toBeGreaterThan(20);
    });
  }

  it('accepts a reference-style image of the site itself and links within the site', async () => {
    const body = 'Ảnh ![sơ đồ][i] và [trang](/van-ban/a/) và [mục](#muc-1).\n\n[i]: /anh/so-do.png\n';
    expect(await errors(validFolder({ [FILE]: directive({ body }) }))).toEqual([]);
  });

  it('regression: two directives made from one raw file (an import repeated after a fix), with the fix', async () => {
    const e = await errors(
      validFolder({ 'directives/bac-ninh/2021-05-13-cong-van-123-cv-tu.mdx': directive({ date: '2021-05-13' }) }),
    );
    const hit = e.find((p) => p.code === 'integrity.raw_shared');
    expect(hit).toBeDefined();
    expect(hit!.messageEn).toMatch(/both made from content\/raw\/bac-ninh\/123-cv-tu\.txt/);
    expect(hit!.fix.en).toMatch(/reviewed: true.*git rm/);
  });

  it('regression: the same bytes kept twice under two names', async () => {
    const e = await errors(validFolder({ 'raw/bac-ninh/123-cv-tu (1).txt': RAW_TEXT }));
    const hit = e.find((p) => p.code === 'integrity.raw_same_bytes');
    expect(hit).toBeDefined();
    expect(hit!.file).toMatch(/123-cv-tu \(1\)\.txt$/);
    expect(e.map((p) => p.code)).toContain('integrity.raw_orphan');
  });
});

describe('regression: a character NFC shortens does not move a body warning into the frontmatter', () => {
  it('reports a text-direction character after a CJK compatibility ideograph as a body warning', () => {
    const mdx = '---\ntitle: x\n---\n\n\u{2F81D}\u202E\n';
    const found = checkDirectiveFile('x.mdx', mdx).problems.filter((p) => p.code === 'content.control_character');
    expect(found.map((p) => p.severity)).toEqual(['warning']);
  });
});
