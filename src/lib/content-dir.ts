/**
 * Where the archive's content lives. `CONTENT_DIR` points a build at another folder of the same
 * layout (directives/ and raw/), so benchmarks and trials never touch the repository's content.
 */
import { resolve } from 'node:path';

export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}
