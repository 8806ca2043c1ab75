/** Every directive as one JSON array: `url` plus its frontmatter fields, oldest first. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/site/from-collection.ts';
import { directiveJson } from '../../lib/site/serialize.ts';
import { withBase, paths } from '../../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const base = import.meta.env.BASE_URL;
  const body = archive.all.map((d) => directiveJson(d, withBase(base, paths.directive(d.id))));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
