/** RSS feed of one province (all 63 have one; an empty province's feed has no items yet). */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { PROVINCES, provinceBySlug } from '../../../lib/provinces.ts';
import { getArchive } from '../../../lib/site/from-collection.ts';
import { pageCacheKeys } from '../../../lib/site/page-cache-keys.ts';
import { feedItems } from '../../../lib/site/feed.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const keys = await pageCacheKeys();
  return PROVINCES.map((p) => ({ params: { slug: p.slug }, cacheKey: keys.provinceFeed(p.name) }));
};

export const GET: APIRoute = async (context) => {
  const province = provinceBySlug(context.params.slug!)!;
  const archive = await getArchive();
  return rss({
    title: `Văn bản phòng, chống COVID-19 — ${province.name}`,
    description: `Văn bản chỉ đạo phòng, chống COVID-19 của ${province.name}, mới nhất trước.`,
    // Channel link = the archive's home under the base; item links are root-relative paths.
    site: new URL(import.meta.env.BASE_URL, context.site ?? 'http://localhost:4321').href,
    items: feedItems(archive.byProvince.get(province.name) ?? [], import.meta.env.BASE_URL),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
