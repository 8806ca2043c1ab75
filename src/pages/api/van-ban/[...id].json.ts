/**
 * One directive as JSON: its frontmatter, url, 2025 province, its text (plain, and sections with
 * the page's anchors), resolved references, cited-by and raw links.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../lib/site/from-collection.ts';
import { pageCacheKeys } from '../../../lib/site/page-cache-keys.ts';
import { loadDirectiveContent } from '../../../lib/directive-content.ts';
import { directiveWithText } from '../../../lib/site/open-data.ts';
import { nationalDocumentByKey } from '../../../lib/national-documents.ts';
import { absoluteUrl, withBase, paths } from '../../../lib/site/urls.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const [archive, keys] = await Promise.all([getArchive(), pageCacheKeys()]);
  return archive.all.map((d) => {
    const cacheKey = keys.directiveJson(d.id);
    return cacheKey === undefined ? { params: { id: d.id } } : { params: { id: d.id }, cacheKey };
  });
};

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const base = import.meta.env.BASE_URL;
  const d = archive.byId.get(params.id!)!;
  const link = (id: string) => withBase(base, paths.directive(id));
  const previous = archive.previous(d.id);
  const next = archive.next(d.id);
  const { html } = await loadDirectiveContent(d.filePath!);
  const { text, sections, province2025, ...fields } = directiveWithText(
    d,
    link(d.id),
    html,
    absoluteUrl(site, base, paths.directive(d.id)),
  );
  const body = {
    ...fields,
    province2025,
    rawUrl: withBase(base, paths.raw(d.data.source.raw)),
    rawPageUrl: withBase(base, paths.rawPage(d.data.source.raw)),
    resolvedReferences: archive.references(d.id).map((r) => {
      const fact = r.national ? nationalDocumentByKey(r.national.key) : undefined;
      return {
        number: r.ref.number,
        url: r.target ? link(r.target.id) : r.national ? withBase(base, paths.national(r.national.slug)) : null,
        // a national document's own date and title, from src/lib/national-documents.ts
        ...(fact
          ? {
              national: {
                number: fact.number,
                docType: fact.docType,
                issuer: fact.issuer,
                date: fact.date,
                title: fact.title,
              },
            }
          : {}),
      };
    }),
    citedBy: archive.citedBy(d.id).map((c) => ({ id: c.id, number: c.data.number, url: link(c.id) })),
    previous: previous ? link(previous.id) : null,
    next: next ? link(next.id) : null,
    text,
    sections,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
