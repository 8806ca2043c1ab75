/** Every directive with its text, one JSON record per line (JSON Lines), oldest first. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { loadDirectiveContent } from '../../lib/directive-content.ts';
import { directiveWithText, toJsonLines } from '../../lib/site/open-data.ts';
import { absoluteUrl, withBase, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const base = import.meta.env.BASE_URL;
  const records = [];
  for (const d of archive.all) {
    const { html } = await loadDirectiveContent(d.filePath!);
    records.push(directiveWithText(d, withBase(base, paths.directive(d.id)), html, absoluteUrl(site, base, paths.directive(d.id))));
  }
  return new Response(toJsonLines(records), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
