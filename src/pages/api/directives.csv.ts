/**
 * Every directive as CSV, UTF-8 with BOM so spreadsheet programs read Vietnamese correctly; the
 * page URL absolute, so a link copied from a spreadsheet opens the page.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { toCsv } from '../../lib/site/serialize.ts';
import { neutraliseCsv } from '../../lib/site/csv-safe.ts';
import { absoluteUrl, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const base = import.meta.env.BASE_URL;
  const csv = neutraliseCsv(toCsv(archive.all, (d) => absoluteUrl(site, base, paths.directive(d.id))));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
