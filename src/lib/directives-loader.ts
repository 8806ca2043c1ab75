/**
 * The content loader of the directives, on Astro's documented loader API only (`parseData`,
 * `store.set`, `generateDigest`, `watcher`), as Starlight's loaders are: it lists the MDX files
 * of the directives folder (src/lib/entry-id.ts), reads each with THE reader
 * (src/lib/directive-file.ts), validates it with the collection's schema through `parseData`,
 * and stores its frontmatter, file path and digest under the project's own id.
 *
 * Bodies are neither kept in the content store nor made into modules: a directive body is text
 * by contract (DEVELOPERS-BRIEF, "MDX body contract"), rendered when its page is built by
 * src/lib/directive-content.ts (cached on disk). Measured at 1,000-10,000 directives
 * (docs/performance.md): as MDX modules, Vite bundled one module per file and warned once per
 * file; with bodies or HTML in the store, Astro serialises the store into one JavaScript module
 * that grew by ~19 KB a directive (75 MB at 3,000), and compiling it dominated the build. With
 * frontmatter only the store stays a few MB at 10,000 directives.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitOrThrow } from './directive-file.ts';
import { directiveFilePath, entryId, isDirectiveFile, listDirectiveFiles } from './entry-id.ts';

/** Files read at once: the content sync is I/O; more handles buy nothing. */
const CONCURRENCY = 16;

/** `base`: the directives folder, absolute or relative to the project root. */
export function directivesLoader(base: string): Loader {
  return {
    name: 'archive:directives',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = isAbsolute(base) ? base : resolve(root, base);
      const fileToId = new Map<string, string>();
      const idToFile = new Map<string, string>();
      const sync = (rel: string): Promise<string> => syncFile(context, root, dir, rel, fileToId, idToFile);

      const files = listDirectiveFiles(dir);
      const untouched = new Set(context.store.keys());
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < files.length) untouched.delete(await sync(files[next++]!));
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      for (const id of untouched) context.store.delete(id);

      // astro dev: follow edits, new files and deletions under the folder.
      const { watcher, logger } = context;
      if (!watcher) return;
      watcher.add(dir);
      const relOf = (abs: string): string | null => {
        const rel = relative(dir, abs).split(sep).join('/');
        return rel.startsWith('../') || isAbsolute(rel) || !isDirectiveFile(rel) ? null : rel;
      };
      const onChange = async (abs: string): Promise<void> => {
        const rel = relOf(abs);
        if (!rel) return;
        try {
          await sync(rel);
          logger.info(`Reloaded ${rel}`);
        } catch (e) {
          logger.error((e as Error).message);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (abs) => {
        const rel = relOf(abs);
        const id = rel ? fileToId.get(rel) : undefined;
        if (!rel || !id) return;
        context.store.delete(id);
        fileToId.delete(rel);
        idToFile.delete(id);
      });
    },
  };
}

/** Read, validate and store one file; returns its id. An unchanged file at the same path is not parsed again. */
async function syncFile(
  { store, parseData, generateDigest }: LoaderContext,
  root: string,
  dir: string,
  rel: string,
  fileToId: Map<string, string>,
  idToFile: Map<string, string>,
): Promise<string> {
  const abs = directiveFilePath(dir, rel);
  const id = entryId(rel);
  const other = idToFile.get(id);
  if (other !== undefined && other !== rel) {
    throw new Error(
      `${abs}: gives the same page (/van-ban/${id}/) as ${directiveFilePath(dir, other)}. Rename one of the two ` +
        `files (npm run check lists both).`,
    );
  }
  const previous = fileToId.get(rel);
  if (previous !== undefined && previous !== id) store.delete(previous);
  fileToId.set(rel, id);
  idToFile.set(id, rel);
  const source = await readFile(abs, 'utf8');
  const filePath = relative(root, abs).split(sep).join('/');
  // The path is part of the digest: Astro's store ignores a `set` whose digest is unchanged,
  // so a moved folder (another checkout path, another CONTENT_DIR) would keep stale paths.
  const digest = generateDigest(`${filePath}\0${source}`);
  if (store.get(id)?.digest === digest) return id;
  const data = await parseData({ id, data: splitOrThrow(abs, source).data, filePath: abs });
  store.set({ id, data, filePath, digest });
  return id;
}
