/** RSS feed of the whole archive, newest directives first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/site/from-collection.ts';
import { feedItems } from '../lib/site/feed.ts';

export const GET: APIRoute = async (context) => {
  const archive = await getArchive();
  return rss({
    title: 'Lưu trữ văn bản phòng, chống COVID-19',
    description: 'Văn bản chỉ đạo phòng, chống COVID-19 của các tỉnh, thành phố, mới nhất trước.',
    // Channel link = the archive's home under the base; item links are root-relative paths.
    site: new URL(import.meta.env.BASE_URL, context.site ?? 'http://localhost:4321').href,
    items: feedItems(archive.all, import.meta.env.BASE_URL),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
