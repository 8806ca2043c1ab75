/**
 * Feed items for @astrojs/rss: newest first, link under the base, date of issue as pubDate
 * (a month-only date counts as the first of the month).
 */
import type { DirectiveRecord } from './archive.ts';
import { latest } from './grouping.ts';
import { toFeedDate, formatDate } from './dates.ts';
import { docLabel } from './text.ts';
import { withBase, paths } from './urls.ts';
import { xmlSafeItem } from './xml-safe.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

export function feedItems(items: readonly DirectiveRecord[], base: string, limit = 50): FeedItem[] {
  return latest(items, limit)
    .map((d) => ({
      title: `${d.data.province}: ${docLabel(d.data)} — ${d.data.title}`,
      link: withBase(base, paths.directive(d.id)),
      pubDate: toFeedDate(d.data.date),
      description: `${d.data.issuer} ${d.data.province}, ${formatDate(d.data.date)}. ${d.data.summary ?? ''}`.trim(),
      categories: [d.data.province, d.data.docType],
    }))
    .map(xmlSafeItem);
}
