/**
 * Copies the raw sources into the built site (<out>/raw/<same path>) with fs.copyFile: byte for
 * byte, without making each of them a rendered route (10,000 routes fewer at 10,000
 * directives). In `astro dev` a middleware serves the same URLs straight from <content>/raw.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRawFiles, rawFilePath } from '../lib/site/provenance.ts';

/** Copy every file of <content>/raw to <outDir>/raw; returns how many. */
export async function copyRawFiles(outDir: string, files: string[] = listRawFiles()): Promise<number> {
  const dirs = new Set(files.map((f) => dirname(join(outDir, 'raw', f))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // A few copies at a time: the page count at 10,000 directives is I/O, not CPU.
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) await copyFile(rawFilePath(f), join(outDir, 'raw', f));
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
        const prefix = `${server.config.base.replace(/\/$/, '')}/raw/`;
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!path.startsWith(prefix)) return next();
          try {
            // rawFilePath refuses paths that leave <content>/raw
            const bytes = await readFile(rawFilePath(path.slice(prefix.length)));
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
