/** Every coded measure of every directive as CSV (long form, UTF-8 with BOM, formulas neutralised). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { measureRows, measuresCsv } from '../../lib/site/measures.ts';
import { withBase, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const rows = measureRows(archive.all, (d) => withBase(import.meta.env.BASE_URL, paths.directive(d.id)));
  return new Response(measuresCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
