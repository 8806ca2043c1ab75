/**
 * Reading pages in a real build, in Chromium at 390 × 844 and 1280 px: the text first on a
 * phone, how sure each page is (status, review reasons in Vietnamese beside the field), the
 * history said from the file's diffs, the raw source's page and its bytes' type from the
 * preview server, Open Graph tags, the open data with text checked against the directives,
 * national hub and timeline views, and the 2025 mergers on province pages.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../scripts/bench/browser.ts';
import { runBuild } from '../../scripts/bench/build.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { buildArchive } from '../../src/lib/site/archive.ts';
import { reasonInVietnamese } from '../../src/lib/site/review-reasons.ts';
import { parsedBodyText } from '../../src/lib/search/mdx-text.ts';
import { PROVINCES, provinceByName } from '../../src/lib/provinces.ts';
import { nationalDocumentByKey } from '../../src/lib/national-documents.ts';
import { rawFilePath } from '../../src/lib/site/provenance.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const records = loadDirectives(contentDir());
const archive = buildArchive(records);
const html = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');

function sitemapPaths(): string[] {
  const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.split('/').pop()!);
  return maps.flatMap((file) =>
    [...readFileSync(join(dist, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
}

let browser: Browser;
let phone: BrowserContext;
let desktop: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('text first on a phone', () => {
  it.each(records.map((r) => [r.id] as const))(
    '%s: the text starts on the first screen at 390 × 844; the metadata is one tap away',
    async (id) => {
      const page = await phone.newPage();
      try {
        await page.goto(`${baseUrl}/van-ban/${id}/`);
        const top = await page.$eval('.doc-text p', (p) => p.getBoundingClientRect().top);
        expect(top).toBeGreaterThan(0);
        expect(top + 24).toBeLessThan(844);
        expect(await page.$eval('.site-header', (h) => h.getBoundingClientRect().height)).toBeLessThan(100);
        // the metadata (with the recipients) is folded, and one tap opens it
        const panel = page.locator('details.doc-info:visible');
        expect(await panel.count()).toBe(1);
        expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        await panel.locator('summary').tap();
        expect(await panel.locator('dt', { hasText: 'Nơi nhận' }).isVisible()).toBe(true);
        expect(await panel.locator('dt', { hasText: 'Số hiệu' }).isVisible()).toBe(true);
        // no search box on a phone's directive page: the navigation links to the search page
        expect(await page.locator('form[role=search]:visible').count()).toBe(0);
        expect(await page.locator('header a:visible', { hasText: 'Tìm kiếm' }).count()).toBe(1);
      } finally {
        await page.close();
      }
    },
  );

  it('shows the metadata and contents open beside the text on a wide screen, each once', async () => {
    const page = await desktop.newPage();
    try {
      for (const r of records) {
        await page.goto(`${baseUrl}/van-ban/${r.id}/`);
        const panels = page.locator('details.doc-info:visible');
        expect(await panels.count()).toBe(1);
        expect(await panels.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        expect(await page.locator('dt:visible', { hasText: 'Nơi nhận' }).count()).toBe(1);
        if ((await page.locator('details.toc').count()) > 0) {
          expect(await page.locator('details.toc:visible').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        }
        expect(await page.locator('form[role=search]:visible').count()).toBe(1);
        // the contents sit beside the text: the text follows the metadata directly
        const metaBottom = await panels.evaluate((d) => d.getBoundingClientRect().bottom);
        const textTop = await page.$eval('.doc-text p', (p) => p.getBoundingClientRect().top);
        expect(textTop - metaBottom).toBeLessThan(160);
      }
    } finally {
      await page.close();
    }
  });

  it('has exactly one search box on the home and search pages, at both widths', async () => {
    for (const ctx of [phone, desktop]) {
      const page = await ctx.newPage();
      try {
        for (const path of ['/', '/tim-kiem/']) {
          await page.goto(`${baseUrl}${path}`);
          expect(await page.locator('input[type=search]:visible').count(), path).toBe(1);
        }
      } finally {
        await page.close();
      }
    }
  });
});

describe('keyboard hints only where there is a keyboard', () => {
  it('shows "Nhấn phím /" with a mouse and keyboard, not on a touch phone', async () => {
    for (const [ctx, shown] of [
      [desktop, true],
      [phone, false],
    ] as const) {
      const page = await ctx.newPage();
      try {
        await page.goto(`${baseUrl}/tim-kiem/`);
        expect(await page.locator('.keyboard-hint', { hasText: 'Nhấn phím' }).isVisible()).toBe(shown);
      } finally {
        await page.close();
      }
    }
  });
});

describe('how sure the page is', () => {
  const flagged = records.filter((r) => r.data.review.length > 0);

  it('has directives with review flags to show', () => {
    expect(flagged.length).toBeGreaterThan(0);
  });

  it.each(flagged.map((r) => [r.id, r] as const))(
    '%s: status and each reason in Vietnamese beside its field',
    async (_id, r) => {
      const page = await desktop.newPage();
      try {
        await page.goto(`${baseUrl}/van-ban/${r.id}/`);
        const status = r.data.reviewed ? 'Đã kiểm tra' : 'Chưa kiểm tra';
        expect(await page.locator('.doc-status .status').textContent()).toBe(status);
        const panel = page.locator('details.doc-info:visible');
        const labels: Record<string, string> = {
          date: 'Ngày ban hành',
          number: 'Số hiệu',
          docType: 'Loại văn bản',
          issuer: 'Cơ quan ban hành',
          province: 'Tỉnh, thành phố',
          signer: 'Người ký',
          subject: 'Trích yếu',
        };
        for (const flag of r.data.review) {
          const vi = reasonInVietnamese(flag.reason).text;
          const label = labels[flag.field];
          // the reason sits in the same row (dl > div) as the field it concerns
          const row = label
            ? panel.locator('.meta-panel > div', { has: page.locator('dt', { hasText: label }) })
            : panel.locator('.meta-panel > div', { has: page.locator('dt', { hasText: 'Cần kiểm tra' }) });
          expect((await row.locator('dd.review-note').allTextContents()).join(' '), flag.reason).toContain(vi);
          expect(await page.locator('#do-tin-cay ~ ul').textContent()).toContain(vi);
        }
        const visible = await page.locator('main').innerText();
        for (const flag of r.data.review) expect(visible).not.toContain(flag.reason);
        // who can correct it, and how
        expect(await page.locator('.confidence a', { hasText: 'hướng dẫn đóng góp' }).count()).toBe(1);
        expect(await page.locator('.confidence a', { hasText: 'báo sai sót' }).count()).toBe(1);
      } finally {
        await page.close();
      }
    },
  );

  it('says a date from a news report is the publication date, beside the date in the header', () => {
    for (const r of records.filter((x) => x.data.dateSource === 'publication')) {
      expect(html(`van-ban/${r.id}`)).toContain('(ngày đăng báo, không phải ngày ban hành)');
    }
  });
});

describe('history for readers', () => {
  it.each(records.map((r) => [r.id, r] as const))(
    '%s: one Vietnamese entry per change of the file, newest first, no commit messages',
    (_id, r) => {
      const page = html(`van-ban/${r.id}`);
      const log = execFileSync('git', ['log', '--follow', '--format=%as%x09%s', '--', r.filePath!], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .filter(Boolean);
      const part = page.slice(page.indexOf('id="lich-su"'), page.indexOf('id="trich-dan"'));
      const dates = [...part.matchAll(/<li><time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]);
      expect(dates).toEqual(log.map((l) => l.split('\t')[0]));
      for (const l of log) {
        const subject = l.split('\t')[1]!;
        if (subject.length > 12) expect(part).not.toContain(subject);
      }
      if (log.length) expect(part).toContain('Nhập vào lưu trữ');
      expect(part).not.toMatch(/<ol[^>]*reversed/);
    },
  );
});

describe('history for readers, in a real build of a directive changed twice', () => {
  it('lists the import and both changes in Vietnamese, newest first, from the diffs', { timeout: 300_000 }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'reading-history-'));
    try {
      const content = join(tmp, 'content');
      const seed = records.find((r) => r.id === 'dien-bien/2021-06-cong-van-240-cv-tu')!;
      const rel = 'directives/dien-bien/2021-06-cong-van-240-cv-tu.mdx';
      mkdirSync(join(content, 'directives/dien-bien'), { recursive: true });
      mkdirSync(join(content, 'raw'), { recursive: true });
      cpSync(seed.filePath!, join(content, rel));
      cpSync(
        rawFilePath(seed.data.source.raw.replace(/^content\/raw\//, '')),
        join(content, seed.data.source.raw.replace(/^content\//, '')),
      );
      const env = {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@x',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@x',
      };
      const git = (...args: string[]) => execFileSync('git', args, { cwd: content, env, encoding: 'utf8' });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'Importer: seed import', '--date', '2024-01-02T10:00:00Z');
      const file = join(content, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace('signer: null', 'signer: Lò Văn Mừng'));
      git('commit', '-qam', 'fix signer (typo)', '--date', '2024-02-03T10:00:00Z');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('reviewed: false', 'reviewed: true')
          .replace(/\n*$/, '\n\nĐoạn bổ sung theo bản gốc.\n'),
      );
      git('commit', '-qam', 'wip', '--date', '2024-03-04T10:00:00Z');
      const { BASE_URL: _b, BASE: _base, SITE: _site, ...inherited } = process.env;
      // the one build path (npm run build), as CI and the deploy build it
      const built = runBuild({
        outDir: join(tmp, 'dist'),
        cacheDir: join(tmp, 'cache'),
        contentDir: content,
        env: inherited,
      });
      expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
      const page = readFileSync(join(tmp, 'dist/van-ban/dien-bien/2021-06-cong-van-240-cv-tu/index.html'), 'utf8');
      const part = page.slice(page.indexOf('id="lich-su"'), page.indexOf('id="trich-dan"'));
      const entries = [...part.matchAll(/<li><time datetime="([\d-]+)">[^<]*<\/time>: ([^<]*)/g)].map((m) => [
        m[1],
        m[2]!.trim(),
      ]);
      expect(entries).toEqual([
        ['2024-03-04', 'Đánh dấu đã kiểm tra; sửa nội dung văn bản.'],
        ['2024-02-03', 'Sửa Người ký (chưa có → Lò Văn Mừng).'],
        ['2024-01-02', 'Nhập vào lưu trữ (bản đầu tiên).'],
      ]);
      expect(part).toContain('2 lần sửa từ khi nhập');
      for (const message of ['Importer', 'typo', 'wip']) expect(part).not.toContain(message);
      // the reviewed page says so, and who can correct it
      expect(page).toContain('<span class="status status--checked">Đã kiểm tra</span>');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('raw sources readable everywhere', () => {
  it('has a page per raw source with the decoded text, the sha256 of the exact bytes and their link', async () => {
    const page = await phone.newPage();
    try {
      for (const r of records) {
        const rel = r.data.source.raw.replace(/^content\/raw\//, '');
        const bytes = readFileSync(rawFilePath(rel));
        const sha = createHash('sha256').update(bytes).digest('hex');
        const name = rel.replace(/\.txt$/i, '');
        await page.goto(`${baseUrl}/nguon/${name}/`);
        expect(await page.locator('.raw-meta').textContent()).toContain(sha);
        const text = await page.locator('.raw-text').textContent();
        // the directive's first paragraph is in the decoded original
        const firstLine = parsedBodyText(`---\n---\n${r.body}`).split('\n')[0]!.slice(0, 40);
        expect(text!.replace(/\s+/g, ' ')).toContain(firstLine.replace(/\s+/g, ' '));
        const href = await page.locator('a[download]').getAttribute('href');
        expect(href).toBe(`/raw/${rel}`);
        const res = await fetch(`${baseUrl}${href}`);
        expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
        // the directive page links to it
        expect(html(`van-ban/${r.id}`)).toContain(`href="/nguon/${name}/"`);
      }
    } finally {
      await page.close();
    }
  });
});

describe('Open Graph and Twitter meta', () => {
  const paths = sitemapPaths();
  it('puts the new pages in the sitemap', () => {
    for (const p of ['/du-lieu/', '/gop-y/']) expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('/nguon/'))).toHaveLength(
      new Set(records.map((r) => r.data.source.raw)).size,
    );
  });

  it('every sitemap page has title, description, url, type, locale, the local preview image and a Twitter card', () => {
    for (const p of paths) {
      const page = readFileSync(join(dist, p, 'index.html'), 'utf8');
      const meta = (attr: string, key: string) =>
        new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(page)?.[1];
      const title = /<title>([^<]*)<\/title>/.exec(page)?.[1];
      expect(meta('property', 'og:title'), p).toBe(title);
      expect(meta('property', 'og:description'), p).toBeTruthy();
      expect(meta('property', 'og:url'), p).toBe(`http://localhost:4321${p}`);
      expect(meta('property', 'og:type'), p).toBe(p.startsWith('/van-ban/') ? 'article' : 'website');
      expect(meta('property', 'og:locale'), p).toBe('vi_VN');
      expect(meta('name', 'twitter:card'), p).toBe('summary_large_image');
      // the preview image is the site's own static file, never one on another host
      const image = meta('property', 'og:image')!;
      expect(image, p).toBe('http://localhost:4321/og-image.png');
      expect(existsSync(join(dist, new URL(image).pathname)), p).toBe(true);
    }
  });
});

describe('open data with text', () => {
  it('gives each directive JSON with its text and sections whose anchors are on the page', () => {
    for (const r of records) {
      const json = JSON.parse(readFileSync(join(dist, 'api/van-ban', `${r.id}.json`), 'utf8'));
      expect(json.id).toBe(r.id);
      expect(json.number).toBe(r.data.number);
      expect(json.province2025).toBe(provinceByName(r.data.province).successor2025);
      const lines = parsedBodyText(`---\n---\n${r.body}`).split('\n');
      for (const l of lines) expect(json.text.replace(/\s+/g, ' ')).toContain(l.replace(/\s+/g, ' '));
      const page = html(`van-ban/${r.id}`);
      for (const s of json.sections) {
        if (s.id) {
          expect(page).toContain(`id="${s.id}"`);
          expect(s.url).toBe(`http://localhost:4321/van-ban/${r.id}/#${s.id}`);
        }
      }
      expect(json.sections.map((s: { text: string }) => s.text).join('\n\n')).toBe(json.text);
    }
  });

  it('gives the bulk JSON Lines, one directive per line with its text, as the per-directive JSON', () => {
    const lines = readFileSync(join(dist, 'api/directives.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(records.length);
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((x) => x.id)).toEqual(archive.all.map((d) => d.id));
    for (const row of rows) {
      const one = JSON.parse(readFileSync(join(dist, 'api/van-ban', `${row.id}.json`), 'utf8'));
      expect(row.text).toBe(one.text);
      expect(row.title).toBe(one.title);
      expect(row.province2025).toBe(one.province2025);
    }
  });

  it('gives the CSV the 2025 province and the page URL', () => {
    const csv = readFileSync(join(dist, 'api/directives.csv'), 'utf8').slice(1).split('\r\n');
    const header = csv[0]!.split(',');
    const at = (name: string) => header.indexOf(name);
    expect(at('province2025')).toBeGreaterThan(-1);
    for (const d of archive.all) {
      const line = csv.find((l) => l.includes(`,${d.id},`))!;
      expect(line.startsWith(`http://localhost:4321/van-ban/${d.id}/,`)).toBe(true);
      expect(line).toContain(`,${d.data.province},${provinceByName(d.data.province).successor2025},`);
    }
  });

  it('says on the open-data page and the home page under what licence, and how to cite', () => {
    expect(html('du-lieu')).toContain('CC BY 4.0');
    expect(html('du-lieu')).toContain('Trích dẫn');
    expect(html('')).toContain('CC BY 4.0');
  });
});

describe('national views', () => {
  it('hub pages show the national document date and title, and provinces by response time', () => {
    for (const n of archive.national) {
      const page = html(`dan-chieu/${n.slug}`);
      const fact = nationalDocumentByKey(n.key);
      if (fact) {
        expect(page).toContain(`<time datetime="${fact.date}">`);
        if (fact.title) expect(page).toContain(fact.title.replace(/"/g, '&quot;'));
      }
      const rows = [...page.matchAll(/<tr>\s*<th scope="row"><a href="\/tinh\/([^/]+)\/">/g)].map((m) => m[1]);
      expect(new Set(rows).size).toBe(new Set(n.citedBy.map((d) => d.data.province)).size);
      const days = [...page.matchAll(/<td class="num">(\d+)/g)].map((m) => Number(m[1]));
      expect(days).toEqual([...days].sort((a, b) => a - b));
    }
  });

  it(
    'the national timeline labels marks without hover, marks national documents, fills a desktop and lists by ' +
      'month on a phone',
    async () => {
      const wide = await desktop.newPage();
      const narrow = await phone.newPage();
      try {
        await wide.goto(`${baseUrl}/dong-thoi-gian/`);
        const svgWidth = await wide.$eval('.tl-svg', (s) => s.getBoundingClientRect().width);
        expect(svgWidth).toBeGreaterThan(800);
        const labels = await wide.$$eval('.tl-svg .mark-label', (t) => t.map((x) => x.textContent));
        expect(labels.length).toBeGreaterThan(0);
        const dated = archive.national.filter((n) => nationalDocumentByKey(n.key));
        if (dated.length) expect(await wide.locator('.tl-svg .national-label').count()).toBeGreaterThan(0);
        await narrow.goto(`${baseUrl}/dong-thoi-gian/`);
        expect(await narrow.locator('.tl-svg').isVisible()).toBe(false);
        expect(await narrow.locator('.tl-list').isVisible()).toBe(true);
        for (const r of records) expect(await narrow.locator(`.tl-list a[href="/van-ban/${r.id}/"]`).count()).toBe(1);
        expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      } finally {
        await wide.close();
        await narrow.close();
      }
    },
  );

  it('2025 province pages list what they absorbed; merged ones link to where they are now', () => {
    for (const p of PROVINCES) {
      const page = html(`tinh/${p.slug}`);
      const absorbed = PROVINCES.filter((q) => q.name !== p.name && q.successor2025 === p.name);
      for (const q of absorbed) expect(page, p.name).toContain(`href="/tinh/${q.slug}/"`);
      if (absorbed.length) expect(page).toContain('Từ năm 2025');
      const now = PROVINCES.find((q) => q.name === p.successor2025 && q.name !== p.name);
      if (now) expect(page, p.name).toContain(`<a href="/tinh/${now.slug}/">${now.name}</a>`);
      if (!records.some((r) => r.data.province === p.name)) expect(page).toMatch(/gop-y\/|issues\/new/);
    }
    expect(html('tinh/phu-tho')).toContain('href="/tinh/vinh-phuc/"');
  });

  it('a province page lists the national documents it cites, with its first directive citing each', () => {
    for (const n of archive.national) {
      for (const province of new Set(n.citedBy.map((d) => d.data.province))) {
        const page = html(`tinh/${provinceByName(province).slug}`);
        const part = page.slice(page.indexOf('id="trung-uong"'), page.indexOf('<ol class="timeline">'));
        const first = n.citedBy.filter((d) => d.data.province === province)[0]!;
        expect(part, `${province} ${n.number}`).toContain(`<a href="/dan-chieu/${n.slug}/">`);
        expect(part, `${province} ${n.number}`).toContain(`href="/van-ban/${first.id}/"`);
      }
    }
  });
});
