/**
 * What the archive publishes for other programs stays data whatever a directive says: the CSV
 * has no cell a spreadsheet runs as a formula, and the RSS feeds and sitemaps are well-formed
 * XML (parsed here, with XML 1.0's character rule) even with control characters, bidi
 * overrides and noncharacters in titles.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { SitemapStream, streamToPromise } from 'sitemap';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { toCsv, CSV_COLUMNS } from '../../src/lib/site/serialize.ts';
import { neutraliseCsv, neutraliseCsvCell } from '../../src/lib/site/csv-safe.ts';
import { feedItems } from '../../src/lib/site/feed.ts';
import { astroEntryId } from '../../src/lib/entry-id.ts';
import { escapeTerminal } from '../../src/lib/text-safety.ts';
import type { DirectiveRecord } from '../../src/lib/site/archive.ts';
import { parseCsv } from '../helpers/csv.ts';

const records = loadDirectives(resolve(import.meta.dirname, '../fixtures/site-content'));

/** XML 1.0 well-formedness: the parser's structure check plus the Char production. */
function expectWellFormedXml(xml: string): void {
  expect(XMLValidator.validate(xml), xml.slice(0, 200)).toBe(true);
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  expect(bad ? `U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}` : null).toBeNull();
}

const withData = (d: DirectiveRecord, data: Partial<DirectiveRecord['data']>): DirectiveRecord => ({
  ...d,
  data: { ...d.data, ...data },
});

const HOSTILE = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b]0;pwned\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '<',
  '>',
  '&',
  ']]>',
  '"',
  "'",
  'ổ',
  '🦠',
];

describe('CSV export', () => {
  it('regression: a subject =HYPERLINK(...) reaches /api/directives.csv as text, not a live formula', () => {
    const evil = withData(records[0]!, {
      subject: '=HYPERLINK("http://evil.example","bấm vào đây")',
      title: '+cmd|" /C calc"!A0',
      summary: '-2+3',
      signer: '@SUM(A1:A2)',
      signerRole: '\t=1+1',
      recipients: ['\r=1+1'],
    });
    const rows = parseCsv(neutraliseCsv(toCsv([evil, ...records.slice(1)], (d) => `/van-ban/${d.id}/`)).slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const col = (name: (typeof CSV_COLUMNS)[number]) => rows[1]![CSV_COLUMNS.indexOf(name)];
    // the text itself is all there, after the apostrophe that marks it as text
    expect(col('subject')).toBe(`'=HYPERLINK("http://evil.example","bấm vào đây")`);
    expect(col('title')).toBe(`'+cmd|" /C calc"!A0`);
    expect(col('signer')).toBe("'@SUM(A1:A2)");
    expect(col('signerRole')).toBe("'\t=1+1");
  });

  it('leaves every other cell byte for byte (the fixture archive has none to change)', () => {
    const csv = toCsv(records, (d) => `/van-ban/${d.id}/`);
    expect(neutraliseCsv(csv)).toBe(csv);
  });

  it('any cell text round-trips with at most an apostrophe in front, never a formula (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'a', 'ấ', "'"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (cells) => {
        const d = withData(records[0]!, {
          subject: cells[0]!,
          title: cells[1] ?? 'x',
          summary: cells[2] ?? null,
          signer: cells[3] ?? null,
        });
        const row = parseCsv(neutraliseCsv(toCsv([d], () => '/x/')).slice(1))[1]!;
        expect(row).toHaveLength(CSV_COLUMNS.length);
        expect(row[CSV_COLUMNS.indexOf('subject')]).toBe(neutraliseCsvCell(cells[0]!));
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('feeds and sitemaps are well-formed XML whatever the text', () => {
  const feed = async (items: DirectiveRecord[]) =>
    getRssString({
      title: 'Lưu trữ',
      description: 'Văn bản',
      site: 'https://example.org/',
      items: feedItems(items, '/'),
      customData: '<language>vi</language>',
      trailingSlash: true,
    });

  it('regression: one control character in a title no longer breaks rss.xml', async () => {
    const evil = withData(records[0]!, {
      title: 'Tăng cường\u0001 phòng\u001b]0;pwned\u0007 chống \u202edịch\ufffe',
      summary: 'Tóm tắt\u000c\u0085 ngắn.',
    });
    const xml = await feed([evil, ...records.slice(1)]);
    expectWellFormedXml(xml);
    const parsed = new XMLParser().parse(xml) as { rss: { channel: { item: { title: string }[] } } };
    const titles = parsed.rss.channel.item.map((i) => i.title);
    expect(titles.some((t) => t.includes('Tăng cường phòng]0;pwned chống dịch'))).toBe(true);
  });

  it('any text in any field gives a well-formed feed (property)', async () => {
    const junk = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), { maxLength: 10 })
      .map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, async (title, summary, signer) => {
        const d = withData(records[0]!, { title: title || 'x', summary: summary || null, signer: signer || null });
        expectWellFormedXml(await feed([d]));
      }),
      { numRuns: 150 },
    );
  });

  it('file names with control and bidi characters still give a well-formed sitemap', async () => {
    const urls = ['ha-noi/2021-05-01-cv\u0001\u202e\ufffe.mdx', 'ha-noi/x<y>&"\'.mdx', 'ha-noi/Công văn số 5.mdx'].map(
      (rel) => `/van-ban/${astroEntryId(rel)}/`,
    );
    const stream = new SitemapStream({ hostname: 'https://example.org' });
    const xml = (await streamToPromise(Readable.from(urls.map((url) => ({ url }))).pipe(stream))).toString();
    expectWellFormedXml(xml);
    expect(xml).toContain('/van-ban/ha-noi/c%C3%B4ng-v%C4%83n-s%E1%BB%91-5/');
  });
});

describe('terminal output', () => {
  it('regression: ESC ]0; in a file cannot retitle the terminal or move the cursor', () => {
    const shown = escapeTerminal('imported: a\u001b]0;owned\u0007.txt\n  title Tăng \u202ecường\u009b2J\n');
    expect(shown).toBe('imported: a\\x1b]0;owned\\x07.txt\n  title Tăng <U+202E>cường\\x9b2J\n');
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
