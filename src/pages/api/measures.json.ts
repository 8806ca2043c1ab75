/** Every coded measure of every directive as JSON (long form, with the list of codes and labels). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { measureRows, measuresJson } from '../../lib/site/measures.ts';
import { withBase, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const rows = measureRows(archive.all, (d) => withBase(import.meta.env.BASE_URL, paths.directive(d.id)));
  return new Response(`${JSON.stringify(measuresJson(rows), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
