/** Every directive with its text, one JSON record per line (JSON Lines), oldest first. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { loadDirectiveContent } from '../../lib/directive-content.ts';
import { directiveWithText, toJsonLines } from '../../lib/site/open-data.ts';
import { absoluteUrl, withBase, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const base = import.meta.env.BASE_URL;
  // One line at a time: at 10,000 directives the records themselves are not all kept in memory.
  const lines: string[] = [];
  for (const d of archive.all) {
    const { html } = await loadDirectiveContent(d.filePath!);
    lines.push(
      toJsonLines([
        directiveWithText(
          d,
          withBase(base, paths.directive(d.id)),
          html,
          absoluteUrl(site, base, paths.directive(d.id)),
        ),
      ]),
    );
  }
  return new Response(lines.join(''), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
