/**
 * The documents a text cites: every number but its own, with the type and date written next to it.
 */
import type { ExtractContext } from './context.ts';
import type { DirectiveReference } from '../../directive-schema.ts';
import { citedTypeName } from './type-words.ts';

export function extractReferences(ctx: ExtractContext, ownKey: string | null): DirectiveReference[] {
  const { text, dates, numberHits } = ctx;
  // ---- references: every other number, with its type and date when written next to it
  const references: DirectiveReference[] = [];
  const seenRefs = new Set<string>();
  for (const h of numberHits) {
    if (h.key === ownKey || seenRefs.has(h.key) || !/\D/.test(h.number)) continue;
    seenRefs.add(h.key);
    const d = dates.find((x) => x.index >= h.end && x.index - h.end <= 12 && /^\s*,?\s*(ngày\s*)?$/iu.test(text.slice(h.end, x.index)) && x.iso);
    references.push({ number: h.number, docType: h.typeWord ? citedTypeName(h.typeWord) : null, date: d?.iso && /^(2019|202\d)/.test(d.iso) ? d.iso : null });
  }


  return references;
}
