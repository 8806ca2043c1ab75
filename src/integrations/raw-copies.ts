/**
 * Copies the raw sources into the built site (<out>/raw/<same path>) with fs.copyFile: byte for
 * byte, without making each of them a rendered route (10,000 routes fewer at 10,000
 * directives). In `astro dev` a middleware serves the same URLs straight from <content>/raw.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, lstat, mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawFilePath } from '../lib/site/provenance.ts';
import { contentDir } from '../lib/content-dir.ts';
import { RAW_DIR } from '../lib/site/urls.ts';

/**
 * Every regular file under <content>/raw (dotfiles skipped), read with lstat: a symbolic link,
 * even to a folder, is never followed and stops the build, since copying it would publish what
 * it points to (scripts/build.ts refuses it earlier with the check's message).
 */
export async function listRegularRawFiles(root: string = contentDir()): Promise<string[]> {
  const base = join(root, 'raw');
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(dir, n);
      const st = await lstat(p);
      const rel = relative(base, p).split(sep).join('/');
      if (st.isDirectory()) await walk(p);
      else if (st.isFile()) out.push(rel);
      else
        throw new Error(
          `content/raw/${rel} is not a regular file (a symbolic link or special file); the archive publishes ` +
            `regular files only. Replace it with the file itself or delete it, then build again.`,
        );
    }
  };
  await walk(base);
  return out;
}

/** Copy every file of <content>/raw to <outDir>/raw; returns how many. */
export async function copyRawFiles(outDir: string, files?: string[]): Promise<number> {
  files ??= await listRegularRawFiles();
  const dirs = new Set(files.map((f) => dirname(join(outDir, RAW_DIR, f))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // A few copies at a time: the page count at 10,000 directives is I/O, not CPU.
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
      const from = rawFilePath(f);
      // checked again right before copying: copyFile would follow a link
      if (!(await lstat(from)).isFile())
        throw new Error(
          `content/raw/${f} is not a regular file; not published. Replace it with the file itself or delete it.`,
        );
      await copyFile(from, join(outDir, RAW_DIR, f));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return files.length;
}

export function rawCopies(): AstroIntegration {
  return {
    name: 'archive:raw-copies',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`Copied ${await copyRawFiles(fileURLToPath(dir))} raw sources.`);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${server.config.base.replace(/\/$/, '')}/${RAW_DIR}/`;
        server.middlewares.use(async (req, res, next) => {
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          } catch {
            return next(); // a malformed %-escape names no raw file
          }
          if (!path.startsWith(prefix)) return next();
          try {
            // rawFilePath refuses paths that leave <content>/raw; links are not followed
            const file = rawFilePath(path.slice(prefix.length));
            if (!(await lstat(file)).isFile()) return next();
            const bytes = await readFile(file);
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end(bytes);
          } catch {
            next();
          }
        });
      },
    },
  };
}
