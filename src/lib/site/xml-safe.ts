/**
 * Feeds are XML: one character XML forbids (a C0 control in a title) makes a reader drop the
 * whole feed. Every text a feed item carries goes through xmlSafeText (src/lib/text-safety.ts),
 * whatever the content files hold, checked or not.
 */
import { xmlSafeText } from '../text-safety.ts';

interface FeedFields {
  title?: string | undefined;
  description?: string | undefined;
  link?: string | undefined;
  categories?: string[] | undefined;
}

/** The item with every string field made valid XML text. */
export function xmlSafeItem<T extends FeedFields>(item: T): T {
  return {
    ...item,
    ...(item.title !== undefined ? { title: xmlSafeText(item.title) } : {}),
    ...(item.description !== undefined ? { description: xmlSafeText(item.description) } : {}),
    ...(item.link !== undefined ? { link: xmlSafeText(item.link) } : {}),
    ...(item.categories !== undefined ? { categories: item.categories.map(xmlSafeText) } : {}),
  };
}
