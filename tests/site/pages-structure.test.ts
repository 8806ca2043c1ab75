/**
 * The real build (global setup): one page per directive and one timeline per province, the
 * directive page's metadata, anchors, references, cited-by, prev/next and 2025 label, raw
 * sources byte for byte, the data exports and feeds, and no client script outside search.
 */
import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDir } from '../../src/lib/content-dir.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';
import { buildArchive } from '../../src/lib/site/archive.ts';
import { PROVINCES, provinceByName } from '../../src/lib/provinces.ts';

const dist = inject('distDir');
const baseUrl = inject('baseUrl');
const records = loadDirectives(contentDir());
const archive = buildArchive(records);
const html = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(relative(dist, p).split(sep).join('/'));
  }
  return out;
}
const files = walk(dist);

/** The reader's form of an ISO date, computed independently of src/lib/site/dates.ts. */
function expectedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `${d}/${m}/${y}` : `tháng ${Number(m)}/${y}`;
}

describe('pages', () => {
  it('has the corpus to test', () => {
    expect(records.length).toBeGreaterThan(0);
  });

  it('builds exactly one page per directive', () => {
    const pages = files.filter((f) => f.startsWith('van-ban/') && f.endsWith('/index.html'));
    expect(pages.sort()).toEqual(records.map((r) => `van-ban/${r.id}/index.html`).sort());
  });

  it('builds a timeline for each of the 63 provinces, listing all its directives', () => {
    for (const p of PROVINCES) {
      const page = html(`tinh/${p.slug}`);
      const mine = records.filter((r) => r.data.province === p.name);
      const links = [...page.matchAll(/href="\/van-ban\/([^"]+)\/"/g)].map((m) => m[1]);
      expect(new Set(links), p.name).toEqual(new Set(mine.map((r) => r.id)));
      if (mine.length === 0) expect(page).toContain('chưa có văn bản nào');
    }
  });

  it('type filters are plain pages listing only that type', () => {
    for (const p of PROVINCES) {
      const mine = records.filter((r) => r.data.province === p.name);
      for (const type of new Set(mine.map((r) => r.data.docType))) {
        const slug = type
          .toLowerCase()
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/đ/g, 'd')
          .replace(/[^a-z0-9]+/g, '-');
        const page = html(`tinh/${p.slug}/${slug}`);
        const links = [...page.matchAll(/<a href="\/van-ban\/([^"]+)\/"/g)].map((m) => m[1]);
        expect(new Set(links)).toEqual(new Set(mine.filter((r) => r.data.docType === type).map((r) => r.id)));
      }
    }
  });

  it('lists all 63 provinces on /tinh/ and says how many have none', () => {
    const page = html('tinh');
    for (const p of PROVINCES) expect(page).toContain(`href="/tinh/${p.slug}/"`);
    const empty = PROVINCES.filter((p) => !records.some((r) => r.data.province === p.name)).length;
    expect(page).toContain(`Còn <strong>${empty}</strong> tỉnh, thành phố chưa có văn bản`);
  });
});

describe('directive page', () => {
  it.each(records.map((r) => [r.id, r] as const))('%s: metadata panel as on official portals', (_id, r) => {
    const page = html(`van-ban/${r.id}`);
    for (const label of [
      'Số hiệu',
      'Loại văn bản',
      'Cơ quan ban hành',
      'Ngày ban hành',
      'Người ký',
      'Nơi nhận',
      'Nguồn',
    ]) {
      expect(page).toContain(`<dt>${label}</dt>`);
    }
    expect(page).toContain(`<time datetime="${r.data.date}">${expectedDate(r.data.date)}</time>`);
    if (r.data.number) expect(page).toContain(`<dd>${r.data.number}</dd>`);
    if (r.data.signer) expect(page).toContain(r.data.signer);
    if (r.data.dateSource !== 'document') expect(page).toMatch(/Văn bản không ghi ngày/);
    expect(page).toContain('data-pagefind-body');
    expect(page).toContain(r.data.source.sha256);
    expect(page).toContain('Lịch sử chỉnh sửa');
    // the date the archive last changed this file, read from git independently of the page code
    const lastChanged = execFileSync('git', ['log', '-1', '--format=%as', '--', r.filePath!], {
      encoding: 'utf8',
    }).trim();
    if (lastChanged)
      expect(page).toContain(`Cập nhật trong kho: <time datetime="${lastChanged}">${expectedDate(lastChanged)}</time>`);
    expect(page).toContain('Trích dẫn');
    expect(page).toContain(`http://localhost:4321/van-ban/${r.id}/`);
  });

  it('labels provinces merged in 2025 with what they belong to now, and only those', () => {
    for (const r of records) {
      const page = html(`van-ban/${r.id}`);
      const p = provinceByName(r.data.province);
      if (p.merged2025) expect(page).toContain(`${p.name} — nay`);
      else expect(page).not.toContain(' — nay thuộc');
    }
  });

  it('every section link points at an anchor on the page, and numbered sections have one', () => {
    for (const r of records) {
      const page = html(`van-ban/${r.id}`);
      const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const targets = [...page.matchAll(/href="#(muc-[^"]+)"/g)].map((m) => m[1]!);
      for (const t of targets) expect(ids.has(t), `${r.id} #${t}`).toBe(true);
      if (/^1\\?\.\s/m.test(r.body ?? '')) expect(ids.has('muc-1'), r.id).toBe(true);
    }
  });

  it('links references the archive holds, and lists who cites each directive', () => {
    for (const r of records) {
      const page = html(`van-ban/${r.id}`);
      const [refsPart, citedPart] = page.split('id="duoc-dan-chieu"');
      for (const ref of archive.references(r.id)) {
        if (ref.target) expect(refsPart).toContain(`href="/van-ban/${ref.target.id}/"`);
        if (ref.national) expect(refsPart).toContain(`href="/dan-chieu/${ref.national.slug}/"`);
      }
      for (const c of archive.citedBy(r.id)) expect(citedPart).toContain(`href="/van-ban/${c.id}/"`);
    }
  });

  it('previous / next stay in the province and follow date order', () => {
    for (const r of records) {
      const page = html(`van-ban/${r.id}`);
      const slug = provinceByName(r.data.province).slug;
      for (const rel of ['prev', 'next']) {
        const m = new RegExp(`href="/van-ban/([^"]+)/" rel="${rel}"`).exec(page);
        if (!m) continue;
        expect(m[1]!.startsWith(`${slug}/`)).toBe(true);
        const other = records.find((x) => x.id === m[1])!;
        if (rel === 'prev') expect(other.data.date <= r.data.date).toBe(true);
        else expect(other.data.date >= r.data.date).toBe(true);
      }
    }
  });

  it('serves each raw source byte for byte, matching its recorded sha256', async () => {
    for (const r of records) {
      const rel = r.data.source.raw.replace(/^content\/raw\//, '');
      const res = await fetch(`${baseUrl}/raw/${rel.split('/').map(encodeURIComponent).join('/')}`);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.equals(readFileSync(join(contentDir(), 'raw', rel)))).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.data.source.sha256);
    }
  });

  it('national documents cited get a page listing every citing directive', () => {
    for (const n of archive.national) {
      const page = html(`dan-chieu/${n.slug}`);
      for (const d of n.citedBy) expect(page).toContain(`href="/van-ban/${d.id}/"`);
    }
  });
});

describe('data and feeds', () => {
  it('/api/directives.json: one object per directive, url plus frontmatter', async () => {
    const res = await fetch(`${baseUrl}/api/directives.json`);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const list = (await res.json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(records.length);
    for (const r of records) {
      const o = list.find((x) => x.id === r.id)!;
      expect(o).toMatchObject({
        url: `/van-ban/${r.id}/`,
        number: r.data.number,
        docType: r.data.docType,
        date: r.data.date,
        issuer: r.data.issuer,
        province: r.data.province,
        title: r.data.title,
      });
      expect((await fetch(`${baseUrl}${o.url}`)).status).toBe(200);
      const one = (await (await fetch(`${baseUrl}/api/van-ban/${r.id}.json`)).json()) as Record<string, unknown>;
      expect(one).toMatchObject({ id: r.id, title: r.data.title, date: r.data.date });
    }
  });

  it('/api/directives.csv: UTF-8 with BOM, a header and one line per directive', async () => {
    const bytes = Buffer.from(await (await fetch(`${baseUrl}/api/directives.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('url,id,number,docType,date')).toBe(true);
    for (const r of records) expect(text).toContain(`/van-ban/${r.id}/,${r.id},`);
  });

  it('RSS for the archive and for every province', () => {
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect((feed.match(/<item>/g) ?? []).length).toBe(Math.min(50, records.length));
    for (const p of PROVINCES) {
      const f = readFileSync(join(dist, 'tinh', p.slug, 'rss.xml'), 'utf8');
      expect(f).toContain(`<title>Văn bản phòng, chống COVID-19 — ${p.name}</title>`);
      expect((f.match(/<item>/g) ?? []).length).toBe(
        Math.min(50, records.filter((r) => r.data.province === p.name).length),
      );
    }
  });

  it('the sitemap lists every directive page and every province page', () => {
    const sm = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const r of records) expect(sm).toContain(`/van-ban/${r.id}/</loc>`);
    for (const p of PROVINCES) expect(sm).toContain(`/tinh/${p.slug}/</loc>`);
  });
});

describe('no client JavaScript outside search', () => {
  it("pages other than search carry no script but the header search box's own module", () => {
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('tim-kiem/') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(70);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    for (const f of pages) {
      const page = readFileSync(join(dist, f), 'utf8');
      const header = /<header class="site-header">[\s\S]*?<\/header>/.exec(page)?.[0] ?? '';
      expect(page.replace(header, ''), f).not.toMatch(/<script\b/i);
      for (const tag of header.match(/<script\b[^>]*>/gi) ?? []) expect(tag, f).toMatch(/src="[^"]*SearchBox[^"]*"/);
      expect(page, f).not.toMatch(/\son[a-z]+="/i);
    }
  });
});
