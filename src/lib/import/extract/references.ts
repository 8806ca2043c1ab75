/**
 * The documents a text cites: every number but its own, with the type and date written next to it.
 */
import type { ExtractContext } from './context.ts';
import type { DirectiveReference } from '../../directive-schema.ts';
import { citedTypeName } from './type-words.ts';

export function extractReferences(ctx: ExtractContext, ownKey: string | null): DirectiveReference[] {
  const { text, dates, numberHits } = ctx;
  // every other number, with its type and date when written next to it
  const references: DirectiveReference[] = [];
  const seenRefs = new Set<string>();
  for (const h of numberHits) {
    if (h.key === ownKey || seenRefs.has(h.key) || !/\D/.test(h.number)) continue;
    seenRefs.add(h.key);
    // the date written beside any mention of it: the first one may give none
    // ("Chỉ thị số 12/CT-UBND", later "… ngày 14/9/2021")
    const d = numberHits
      .filter((n) => n.key === h.key)
      .map((n) =>
        dates.find(
          (x) =>
            x.index >= n.end &&
            x.index - n.end <= 12 &&
            /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(n.end, x.index)) &&
            x.iso,
        ),
      )
      .find(Boolean);
    references.push({
      number: h.number,
      docType: h.typeWord ? citedTypeName(h.typeWord) : null,
      date: d?.iso && /^(2019|202\d)/.test(d.iso) ? d.iso : null,
    });
  }

  return references;
}
