/**
 * The directives' content loader (src/lib/directives-loader.ts) uses Astro's documented loader
 * API only. Driven here with a recording LoaderContext: what it stores, under which id, that an
 * unchanged file is not parsed again, that deleted files leave the store, that errors name the
 * file and line, and that bodies never become modules (no body, no rendered HTML, no deferred
 * render, no module import in the store: the cost that made 10,000 directives slow).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { directivesLoader } from '../../src/lib/directives-loader.ts';
import { directiveSchema } from '../../src/lib/directive-schema.ts';
import { directive } from './check-fixture.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

function fakeContext(root: string, watcher?: EventEmitter & { add(p: string): void }) {
  const entries = new Map<string, Stored>();
  const calls: string[] = [];
  const parsed: string[] = [];
  // Every store method the loader touches is recorded; anything beyond keys/get/set/delete fails.
  const store = new Proxy(
    {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      // as Astro's store does: an entry whose digest is unchanged is not updated
      set: (e: Stored) => {
        if (e.digest !== undefined && entries.get(e.id)?.digest === e.digest) return false;
        entries.set(e.id, e);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      has: (id: string) => entries.has(id),
    },
    {
      get(target, prop: string) {
        calls.push(prop);
        if (!(prop in target)) throw new Error(`loader used store.${prop}`);
        return target[prop as keyof typeof target];
      },
    },
  );
  const logs: string[] = [];
  const context = {
    collection: 'directives',
    store,
    meta: new Map(),
    logger: {
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: (m: string) => logs.push(m),
    },
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async ({ id, data }: { id: string; data: unknown }) => {
      parsed.push(id);
      return directiveSchema.parse(data);
    },
    generateDigest: (s: string) => String(s.length) + s.slice(-32),
    renderMarkdown: () => {
      throw new Error('loader rendered Markdown');
    },
    watcher,
  } as unknown as LoaderContext;
  return { context, entries, calls, parsed, logs };
}

async function project(files: Record<string, string>): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'loader-'));
  const dir = join(root, 'content', 'directives');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return { root, dir };
}

describe('directives content loader', () => {
  it("stores each file's valid frontmatter, path and digest under the archive's id, nothing of the body", async () => {
    const { root, dir } = await project({
      'bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx': directive(),
      'Ha Noi/Cong Van 5.mdx': directive({ number: '5-CV/TU', province: 'Hà Nội' }),
      'bac-ninh/notes.txt': 'not a directive',
      '.drafts/hidden.mdx': directive(),
    });
    const { context, entries, calls } = fakeContext(root);
    await directivesLoader(dir).load(context);
    expect([...entries.keys()].sort()).toEqual(['bac-ninh/2021-05-12-cong-van-123-cv-tu', 'ha-noi/cong-van-5']);
    const e = entries.get('ha-noi/cong-van-5')!;
    expect(e.filePath).toBe(relative(root, join(dir, 'Ha Noi/Cong Van 5.mdx')));
    expect(e.data.province).toBe('Hà Nội');
    expect(e.data.measures).toEqual([]); // schema defaults applied through parseData
    expect(typeof e.digest).toBe('string');
    // bodies do not become Vite modules: no body, no HTML, no deferred render, no module import
    for (const stored of entries.values()) {
      expect(Object.keys(stored).sort()).toEqual(['data', 'digest', 'filePath', 'id']);
    }
    expect(new Set(calls)).toEqual(new Set(['keys', 'get', 'set']));
  });

  it('parses only changed files on a second sync and drops deleted ones', async () => {
    const { root, dir } = await project({
      'bac-ninh/a.mdx': directive(),
      'bac-ninh/b.mdx': directive({ number: '7-CV/TU' }),
    });
    const ctx = fakeContext(root);
    const loader = directivesLoader(dir);
    await loader.load(ctx.context);
    expect(ctx.parsed.sort()).toEqual(['bac-ninh/a', 'bac-ninh/b']);
    ctx.parsed.length = 0;
    await writeFile(join(dir, 'bac-ninh/a.mdx'), directive({ number: '8-CV/TU' }));
    await rm(join(dir, 'bac-ninh/b.mdx'));
    await loader.load(ctx.context);
    expect(ctx.parsed).toEqual(['bac-ninh/a']);
    expect([...ctx.entries.keys()]).toEqual(['bac-ninh/a']);
    expect(ctx.entries.get('bac-ninh/a')!.data.number).toBe('8-CV/TU');
  });

  it('keeps file paths current when the content folder moves with its files unchanged', async () => {
    // (a renamed checkout, another CONTENT_DIR): pages read each body from the stored path
    const { root, dir } = await project({ 'bac-ninh/a.mdx': directive() });
    const ctx = fakeContext(root);
    await directivesLoader(dir).load(ctx.context);
    const moved = join(root, 'elsewhere', 'directives');
    await mkdir(join(moved, 'bac-ninh'), { recursive: true });
    await writeFile(join(moved, 'bac-ninh/a.mdx'), directive());
    await rm(dir, { recursive: true });
    await directivesLoader(moved).load(ctx.context);
    expect(ctx.entries.get('bac-ninh/a')!.filePath).toBe(relative(root, join(moved, 'bac-ninh/a.mdx')));
  });

  it('fails with the file and line on frontmatter it cannot read', async () => {
    const bad = directive().replace('signer: Nguyễn Văn A', 'signer: [Nguyễn Văn A');
    const { root, dir } = await project({ 'bac-ninh/bad.mdx': bad });
    await expect(directivesLoader(dir).load(fakeContext(root).context)).rejects.toThrow(
      /bad\.mdx:\d+: the frontmatter is not valid YAML/,
    );
  });

  it('refuses two files that would publish at the same URL', async () => {
    const { root, dir } = await project({ 'bac-ninh/Cong Van.mdx': directive(), 'bac-ninh/cong-van.mdx': directive() });
    await expect(directivesLoader(dir).load(fakeContext(root).context)).rejects.toThrow(
      /same page \(\/van-ban\/bac-ninh\/cong-van\/\)/,
    );
  });

  it('follows edits, new files and deletions in astro dev through the watcher', async () => {
    const { root, dir } = await project({ 'bac-ninh/a.mdx': directive() });
    const added: string[] = [];
    const watcher = Object.assign(new EventEmitter(), { add: (p: string) => void added.push(p) });
    const ctx = fakeContext(root, watcher);
    await directivesLoader(dir).load(ctx.context);
    expect(added).toEqual([dir]);
    const listeners = (event: string) => watcher.listeners(event) as ((p: string) => Promise<void> | void)[];
    await writeFile(join(dir, 'bac-ninh/b.mdx'), directive({ number: '9-CV/TU' }));
    for (const l of listeners('add')) await l(join(dir, 'bac-ninh/b.mdx'));
    await writeFile(join(dir, 'bac-ninh/a.mdx'), directive({ number: '10-CV/TU' }));
    for (const l of listeners('change')) await l(join(dir, 'bac-ninh/a.mdx'));
    for (const l of listeners('add')) await l(join(dir, 'bac-ninh/ignored.txt'));
    expect(ctx.entries.get('bac-ninh/b')!.data.number).toBe('9-CV/TU');
    expect(ctx.entries.get('bac-ninh/a')!.data.number).toBe('10-CV/TU');
    for (const l of listeners('unlink')) await l(join(dir, 'bac-ninh/a.mdx'));
    expect([...ctx.entries.keys()]).toEqual(['bac-ninh/b']);
  });
});
