/**
 * The benchmark's yardstick: a plain Astro + MDX + Pagefind site over the same MDX files, as a
 * team would start one from Astro's documentation (the glob loader, @astrojs/mdx, `render()`,
 * one page per directive, then the Pagefind CLI over the built HTML). Generated into a folder
 * under the project (so it finds the project's node_modules) and built by `node plain-build.ts`
 * there: `astro build`, then `pagefind --site <out>`; its log marks where Pagefind starts, for
 * the phase split (scripts/bench/measure.ts).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'plain-astro-mdx-pagefind', private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  directives: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: process.env.PLAIN_DIRECTIVES }) }),
};
`,
  'src/pages/van-ban/[...id].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = await getCollection('directives');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const d = entry.data as { title: string; number: string | null; province: string; date: string };
---
<html lang="vi">
  <head><meta charset="utf-8" /><title>{d.title}</title></head>
  <body>
    <main data-pagefind-body>
      <h1>{d.title}</h1>
      <p>{d.number} · {d.province} · {d.date}</p>
      <Content />
    </main>
  </body>
</html>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const entries = await getCollection('directives');
---
<html lang="vi">
  <head><meta charset="utf-8" /><title>Văn bản</title></head>
  <body>
    <ul>{entries.map((e) => <li><a href={\`/van-ban/\${e.id}/\`}>{(e.data as { title: string }).title}</a></li>)}</ul>
  </body>
</html>
`,
  'plain-build.ts': `import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = ${JSON.stringify(ROOT)};
const run = (args: string[]): number =>
  spawnSync(process.execPath, args, { cwd: import.meta.dirname, stdio: 'inherit', env: process.env }).status ?? 1;
let status = run([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
if (status === 0) {
  console.log('[plain:pagefind] Indexing the built pages');
  status = run([resolve(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', process.env.OUT_DIR ?? 'dist']);
}
process.exit(status);
`,
};

/** Write the plain site into `dir` (emptied first); returns the script that builds it. */
export async function writePlainSite(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(FILES)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return join(dir, 'plain-build.ts');
}
