/**
 * Directive bodies are rendered for their page by the Markdown pipeline with the MDX parser
 * (src/lib/directive-content.ts) instead of being compiled to modules. Guards that the text
 * reads exactly as MDX reads it, that the site's rehype plugins still run, and that anything
 * MDX would have executed is refused with the file and line rather than rendered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectiveRenderer, loadDirectiveContent } from '../../src/lib/directive-content.ts';
import { splitOrThrow } from '../../src/lib/directive-file.ts';
import { emitMdx } from '../../scripts/bench/emit.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';

let renderHtml: Awaited<ReturnType<typeof createDirectiveRenderer>>;
const render = async (body: string, filePath?: string) => ({ code: await renderHtml(body, filePath) });
beforeAll(async () => {
  renderHtml = await createDirectiveRenderer();
});

const bodyOf = (mdx: string): string => splitOrThrow('x.mdx', mdx).after;

describe('rendering directive bodies at content sync', () => {
  it('keeps section markers as paragraph text with their anchors, and lists as lists', async () => {
    const html = (await render('1\\. Ban Thường vụ yêu cầu:\n\n2.1. Tiếp tục:\n\n- Một\n- Hai\n')).code;
    expect(html).not.toContain('<ol');
    expect(html).toMatch(/<p[^>]*id="muc-1"[^>]*>1\. Ban Thường vụ yêu cầu:/);
    expect(html).toMatch(/id="muc-2-1"/);
    expect(html).toContain('<ul>');
  });

  it('shows characters that MDX treats as code as plain text when the emitter escaped them', async () => {
    const nasty = 'Mức {độ} <b>đậm</b> import x from "y"; export const a = 1; <!-- c --> & &amp; *nhấn*';
    const mdx = emitMdx({ title: 't' }, [{ kind: 'paragraph', text: nasty }]);
    const html = (await render(bodyOf(mdx))).code;
    expect(html).not.toMatch(/<b>|<!--/);
    expect(html).toContain('{độ}');
    expect(html).toContain('&#x3C;b>đậm&#x3C;/b>');
    expect(html).toContain('import x from "y"; export const a = 1;');
  });

  it('reads indented lines as MDX does (text, not a code block)', async () => {
    const html = (await render('Đoạn một\n\n    thụt lề bốn dấu cách\n')).code;
    expect(html).not.toContain('<pre>');
    expect(html).toContain('thụt lề bốn dấu cách');
  });

  it.each([
    ['JSX', 'Đoạn văn\n\n<Alert>bấm</Alert>\n', 3],
    ['an expression', 'Dòng một\n{alert(1)}\n', 2],
    ['an import', 'import X from "./x.js"\n\nVăn bản\n', 1],
  ])('refuses a body containing %s, naming the file and line', async (_kind, body, line) => {
    await expect(render(body, '/archive/content/directives/ha-noi/x.mdx')).rejects.toThrow(
      new RegExp(`ha-noi/x\\.mdx:${line}: the directive body contains code`),
    );
  });

  it('renders every generated directive body without error and keeps all its paragraphs', async () => {
    for (const d of generateCorpus(150, 5)) {
      const body = bodyOf(d.mdx.content);
      const html = (await render(body, d.mdx.path)).code;
      const paragraphs = body.split(/\n\n+/).filter((p) => p.trim() && !p.startsWith('- ')).length;
      expect((html.match(/<p[ >]/g) ?? []).length, d.id).toBeGreaterThanOrEqual(paragraphs);
    }
  }, 60_000);
});

describe('loading a directive for its page', () => {
  it('renders the body once, then serves it from the cache until the text changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'directive-content-'));
    const cache = await mkdtemp(join(tmpdir(), 'directive-cache-'));
    const prev = process.env.CACHE_DIR;
    process.env.CACHE_DIR = cache;
    try {
      const file = join(dir, 'a.mdx');
      await writeFile(file, '---\ntitle: "A"\ndate: "2021-11-08"\n---\n\n1\\. Mục một\n');
      const first = await loadDirectiveContent(file);
      expect(first.body).toBe('1\\. Mục một');
      expect(first.html).toMatch(/<p id="muc-1"/);
      const files = async () =>
        (await readdir(join(cache, 'directive-html'), { recursive: true })).filter((f) => f.endsWith('.html'));
      expect(await files()).toHaveLength(1);
      // Frontmatter edits do not change the body: served from the cache.
      await writeFile(file, '---\ntitle: "B"\ndate: "2021-11-08"\n---\n\n1\\. Mục một\n');
      expect((await loadDirectiveContent(file)).html).toBe(first.html);
      expect(await files()).toHaveLength(1);
      // A text edit renders again.
      await writeFile(file, '---\ntitle: "B"\ndate: "2021-11-08"\n---\n\n1\\. Mục một, đã sửa\n');
      expect((await loadDirectiveContent(file)).html).toContain('Mục một, đã sửa');
      expect(await files()).toHaveLength(2);
    } finally {
      if (prev === undefined) delete process.env.CACHE_DIR;
      else process.env.CACHE_DIR = prev;
    }
  });

  it('fails on a body with code, naming the file and its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'directive-content-'));
    const file = join(dir, 'bad.mdx');
    await writeFile(file, '---\ntitle: "A"\n---\n\nVăn bản {alert(1)}\n');
    await expect(loadDirectiveContent(file)).rejects.toThrow(/bad\.mdx:5: the directive body contains code/);
  });
});
