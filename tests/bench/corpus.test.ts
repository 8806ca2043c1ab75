/**
 * The benchmark corpus must look like the real archive to the build (valid frontmatter, safe MDX,
 * raw files whose hash matches) and be reproducible, or the figures in docs/performance.md
 * cannot be compared between runs.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// THE reader the build uses (src/lib/directive-file.ts), so YAML typing surprises show here.
import { splitFrontmatter } from '../../src/lib/directive-file.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { directiveSchema } from '../../src/lib/directive-schema.ts';
import { PROVINCES } from '../../src/lib/provinces.ts';
import { DOC_TYPE_NAMES } from '../../src/lib/doc-types.ts';
import { docNumberKey } from '../../src/lib/doc-number.ts';
import { generateCorpus, DOC_TYPE_WEIGHTS, LONG_SHARE } from '../../scripts/bench/corpus.ts';
import { writeCorpus, MARKER } from '../../scripts/bench/write-corpus.ts';

function splitMdx(mdx: string): { front: unknown; body: string } {
  const split = splitFrontmatter(mdx);
  if (!split.ok) throw new Error(`unreadable frontmatter (${split.reason})`);
  return { front: split.data, body: split.after };
}

const corpus = generateCorpus(2000, 7);

describe('benchmark corpus generator', () => {
  it('gives identical documents for the same seed and different ones for another seed', () => {
    const again = generateCorpus(2000, 7);
    expect(again.map((d) => d.mdx.content + d.raw.content)).toEqual(corpus.map((d) => d.mdx.content + d.raw.content));
    const other = generateCorpus(2000, 8);
    const same = other.filter((d, i) => d.mdx.content === corpus[i]!.mdx.content).length;
    expect(same).toBeLessThan(20);
  }, 60_000);

  it('writes frontmatter that the site schema accepts, with the raw file hash and path', () => {
    for (const d of corpus) {
      const { front } = splitMdx(d.mdx.content);
      const parsed = directiveSchema.safeParse(front);
      if (!parsed.success) throw new Error(`${d.mdx.path}: ${parsed.error.message}`);
      expect(parsed.data.source.raw).toBe(`content/${d.raw.path}`);
      expect(parsed.data.source.sha256).toBe(
        createHash('sha256').update(Buffer.from(d.raw.content, 'utf8')).digest('hex'),
      );
      expect(d.mdx.path).toBe(`directives/${d.id}.mdx`);
      expect(d.id.split('/')[0]).toBe(PROVINCES.find((p) => p.name === parsed.data.province)!.slug);
    }
  });

  it('gives every document its own id and covers all 63 provinces', () => {
    expect(new Set(corpus.map((d) => d.id)).size).toBe(corpus.length);
    expect(new Set(corpus.map((d) => d.data.province)).size).toBe(63);
  });

  it('keeps body text as text: MDX parses it with no JSX, expressions or imports', () => {
    const parser = unified().use(remarkParse).use(remarkMdx);
    for (const d of corpus.slice(0, 300)) {
      const tree = parser.parse(splitMdx(d.mdx.content).body);
      const code: string[] = [];
      visit(tree, (n) => {
        if (/^mdx/.test(n.type)) code.push(n.type);
      });
      expect(code, d.id).toEqual([]);
      // Section markers stay paragraph text (escaped), not Markdown ordered lists.
      visit(tree, 'list', (n) => expect(n.ordered, d.id).toBe(false));
    }
  });

  it('mixes document types in the configured proportions and includes very long documents', () => {
    const total = Object.values(DOC_TYPE_WEIGHTS).reduce((a, b) => a + b, 0);
    const counts = new Map<string, number>();
    for (const d of corpus) counts.set(d.data.docType, (counts.get(d.data.docType) ?? 0) + 1);
    for (const name of DOC_TYPE_NAMES) {
      const expected = (DOC_TYPE_WEIGHTS[name] / total) * corpus.length;
      // within 4 standard deviations of a binomial draw
      const sd = Math.sqrt(expected * (1 - expected / corpus.length));
      expect(Math.abs((counts.get(name) ?? 0) - expected), name).toBeLessThan(4 * sd + 1);
    }
    const long = corpus.filter((d) => d.long);
    expect(long.length).toBeGreaterThan(LONG_SHARE * corpus.length * 0.5);
    const longSize = Math.min(...long.map((d) => d.mdx.content.length));
    const median = corpus.map((d) => d.mdx.content.length).sort((a, b) => a - b)[corpus.length >> 1]!;
    expect(longSize).toBeGreaterThan(2 * median);
  });

  it('dates all documents 2020–2022 and cites only documents issued earlier in the same province', () => {
    const byKey = new Map<string, (typeof corpus)[number]>();
    for (const d of corpus)
      if (d.data.number) byKey.set(`${d.data.province}|${docNumberKey(d.data.number)}|${d.data.date}`, d);
    let provincial = 0;
    for (const d of corpus) {
      expect(d.data.date >= '2020-01' && d.data.date <= '2022-12-31').toBe(true);
      for (const r of d.data.references ?? []) {
        expect(r.date! <= d.data.date || r.date!.startsWith(d.data.date)).toBe(true);
        expect(splitMdx(d.mdx.content).body).toContain(r.number);
        const target = byKey.get(`${d.data.province}|${docNumberKey(r.number)}|${r.date}`);
        if (target) provincial++;
      }
    }
    expect(provincial).toBeGreaterThan(corpus.length / 5);
  });
});

describe('writing a corpus to disk', () => {
  it('writes the content/ layout, byte-identical for the same seed', async () => {
    const a = await mkdtemp(join(tmpdir(), 'corpus-a-'));
    const b = await mkdtemp(join(tmpdir(), 'corpus-b-'));
    await writeCorpus(a, 120, 3);
    await writeCorpus(b, 120, 3);
    const list = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    const files = await list(a);
    expect(files).toEqual(await list(b));
    expect(files.filter((f) => f.startsWith('/directives/') && f.endsWith('.mdx'))).toHaveLength(120);
    expect(files.filter((f) => f.startsWith('/raw/'))).toHaveLength(120);
    for (const f of files) expect(await readFile(join(a, f)), f).toEqual(await readFile(join(b, f)));
    // Rewriting a corpus folder replaces it rather than mixing two corpora.
    await writeCorpus(a, 50, 4);
    expect((await list(a)).filter((f) => f.endsWith('.mdx'))).toHaveLength(50);
  }, 60_000);

  it('refuses to write into a folder that holds something other than a corpus', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-x-'));
    await mkdir(join(dir, 'directives'));
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(writeCorpus(dir, 10, 1)).rejects.toThrow(MARKER);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
