/**
 * The raw sources, served byte for byte as received: every file under <content>/raw becomes
 * /raw/<same path>. An endpoint (not public/) so CONTENT_DIR builds serve their own sources.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { listRawFiles, rawFilePath } from '../../lib/site/provenance.ts';

export const getStaticPaths: GetStaticPaths = () => listRawFiles().map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) => {
  const bytes = readFileSync(rawFilePath(`content/raw/${params.file}`));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
