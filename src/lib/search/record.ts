/**
 * What the search index holds for one directive: a Pagefind custom record whose content is the
 * title, a metadata line and the body, followed by a tail of extra tokens the engine asks for
 * (folded forms of words with đ, which Pagefind does not fold, and the document's own number in
 * a form that survives Pagefind's punctuation handling). Metadata comes from the frontmatter;
 * filters and the date order are not Pagefind's but the catalogue's (src/lib/search/catalogue.ts).
 */
import type { DirectiveData } from '../directive-schema.ts';
import { docNumberKey } from '../doc-number.ts';
import { readAsPlainLetters } from '../vietnamese.ts';
import { variantIdsOf, variantToken } from '../vietnamese-variants.ts';
import { citationsIn, citeTokens, numberTokens, typedCiteToken } from './intent.ts';
import { syllables } from './text.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'vi';
  meta: SearchMeta;
}

/** What a result shows without opening the directive; also the catalogue's source. */
export interface SearchMeta {
  [key: string]: string;
  title: string;
  /** "" when the directive has no number */
  number: string;
  docType: string;
  /** ISO date: 2021-11-08 or 2021-11 */
  date: string;
  province: string;
  issuer: string;
  /** "Hỏa tốc", "Thượng khẩn", "Khẩn" or "" */
  urgency: string;
  /** the codes of the measures it orders or lifts (src/lib/measures.ts), comma separated, sorted */
  measures: string;
  /** where the shown text ends and the tail of index-only tokens begins */
  textLength: string;
  /** where the text after the title and metadata lines begins (excerpts start there) */
  bodyStart: string;
}

/** Filter names, as the index and the URL use them. */
export const FILTER_KEYS = ['province', 'year', 'docType', 'issuer', 'urgency', 'measure'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The searchable text: title and one metadata line (the head a result shows), then subject and body. */
function searchableParts(d: DirectiveData, body: string): { head: string; rest: string } {
  const metaLine = [
    d.urgency ?? null,
    [d.docType, d.number].filter(Boolean).join(' '),
    `${d.issuer} ${d.province}`,
    d.signer ? `${d.signerRole ? `${d.signerRole} ` : ''}${d.signer}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const subject = d.subject && d.subject !== d.title ? d.subject : null;
  // Styled look-alike letters read as letters, invisible characters dropped: what a reader sees is what is found.
  const plain = (t: string | null): string | null => (t ? readAsPlainLetters(t) : t);
  return {
    head: [plain(d.title), plain(metaLine)].filter(Boolean).join('\n'),
    rest: [plain(subject), plain(body)].filter(Boolean).join('\n'),
  };
}

/** The searchable text shown in excerpts: title, one metadata line, subject, body. */
export function searchableText(d: DirectiveData, body: string): string {
  const { head, rest } = searchableParts(d, body);
  return rest ? `${head}\n${rest}` : head;
}

/** Folded forms of the words that contain đ/Đ, once each, in order of appearance. */
export function foldedDWords(text: string): string[] {
  const out = new Set<string>();
  for (const s of syllables(text)) if (s.norm.includes('đ')) out.add(s.fold);
  return [...out];
}

export function buildSearchRecord(url: string, d: DirectiveData, body: string): SearchRecord {
  const { head, rest } = searchableParts(d, body);
  const text = rest ? `${head}\n${rest}` : head;
  // The numbers it cites: from the frontmatter's references and as the text writes them.
  const own = d.number ? docNumberKey(d.number) : null;
  const inText = citationsIn(text);
  const cited = [...new Set([...(d.references ?? []).map((r) => r.number), ...inText.numbers])].filter(
    (n) => docNumberKey(n) !== own,
  );
  const tail = [
    ...foldedDWords(text),
    ...numberTokens(d.number),
    ...new Set([
      ...cited.flatMap((n) => citeTokens(n)),
      // a state body's number after its type's name ("Công văn số 2100/UBND-KGVX"): "công văn 2100"
      ...inText.typed.flatMap((c) => typedCiteToken(c) ?? []),
    ]),
    ...variantIdsOf(text).map(variantToken),
  ].join(' ');
  return {
    url,
    content: tail ? `${text}\n${tail}` : text,
    language: 'vi',
    meta: {
      title: readAsPlainLetters(d.title),
      number: d.number ?? '',
      docType: d.docType,
      date: d.date,
      province: d.province,
      issuer: d.issuer,
      urgency: d.urgency ?? '',
      measures: [...new Set((d.measures ?? []).map((m) => m.code))].sort().join(','),
      textLength: String(text.length),
      // an offset, not a line: Pagefind keeps the text's length but turns its newlines into spaces
      bodyStart: String(rest ? head.length + 1 : text.length),
    },
  };
}
