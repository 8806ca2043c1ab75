/**
 * Writes the archive's Pagefind index from search records (src/lib/search/record.ts) with
 * Pagefind's Node API: one custom record per directive, Vietnamese, no HTML crawling.
 */
import * as pagefind from 'pagefind';
import type { SearchRecord } from './record.ts';

export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const r of records) {
      const added = await index.addCustomRecord(r);
      if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
