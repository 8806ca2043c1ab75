/**
 * The raw sources, served byte for byte as received: every file under <content>/raw is
 * /raw/<same path>. In a build they are copied, not rendered (src/integrations/raw-copies.ts:
 * 10,000 routes fewer at archive scale); this endpoint serves them in `astro dev`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { listRawFiles, rawFilePath } from '../../lib/site/provenance.ts';

export const getStaticPaths: GetStaticPaths = () =>
  import.meta.env.DEV ? listRawFiles().map((file) => ({ params: { file } })) : [];

export const GET: APIRoute = ({ params }) => {
  const bytes = readFileSync(rawFilePath(`content/raw/${params.file}`));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
