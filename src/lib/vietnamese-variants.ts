/**
 * What people type for the same thing: spellings, abbreviations, loanwords and misspellings met
 * in real directives and in what readers search for ("virus" / "vi rút", "TP.HCM" / "Thành phố
 * Hồ Chí Minh", "CT16" / "Chỉ thị 16", "giản cách" / "giãn cách"). One table for the search
 * index and the query alike: a record carries a token for every group whose form its text
 * contains, and a query's run of syllables that spells a form asks for that token, so either
 * spelling finds both. Companion of src/lib/vietnamese.ts (which it uses for normalisation).
 */
import { readAsPlainLetters } from './vietnamese.ts';
import { syllables } from './search/text.ts';

export interface VariantGroup {
  /** stable ASCII id, part of the index token (letters and digits only) */
  id: string;
  /** how the group is named to a reader */
  label: string;
  /** every spelling, as written (diacritics matter: a document matches a form exactly, case aside) */
  forms: readonly string[];
}

export const VARIANT_GROUPS: readonly VariantGroup[] = [
  { id: 'virus', label: 'vi rút', forms: ['vi rút', 'virus', 'vi-rút', 'vi rus', 'vi-rus'] },
  {
    id: 'covid',
    label: 'COVID-19',
    forms: [
      'covid',
      'covid 19',
      'covid-19',
      'covid19',
      'sars cov 2',
      'sars-cov-2',
      'sarscov2',
      'ncov',
      'corona',
      'cô vít',
      'cô-vi',
    ],
  },
  { id: 'ct15', label: 'Chỉ thị 15', forms: ['chỉ thị 15', 'chỉ thị số 15', 'ct15', 'ct 15', '15/ct-ttg', 'ct-15'] },
  { id: 'ct16', label: 'Chỉ thị 16', forms: ['chỉ thị 16', 'chỉ thị số 16', 'ct16', 'ct 16', '16/ct-ttg', 'ct-16'] },
  { id: 'ct19', label: 'Chỉ thị 19', forms: ['chỉ thị 19', 'chỉ thị số 19', 'ct19', 'ct 19', '19/ct-ttg', 'ct-19'] },
  {
    id: 'hcm',
    label: 'Thành phố Hồ Chí Minh',
    // not "Hồ Chí Minh" alone: Party directives cite "tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    forms: [
      'thành phố hồ chí minh',
      'tp hồ chí minh',
      'tp. hồ chí minh',
      'tp.hcm',
      'tp hcm',
      'tphcm',
      'tp.hồ chí minh',
      'sài gòn',
      'thành phố sài gòn',
    ],
  },
  { id: 'ubnd', label: 'Ủy ban nhân dân', forms: ['ủy ban nhân dân', 'ubnd'] },
  { id: 'hdnd', label: 'Hội đồng nhân dân', forms: ['hội đồng nhân dân', 'hđnd'] },
  { id: 'bcd', label: 'Ban Chỉ đạo', forms: ['ban chỉ đạo', 'bcđ'] },
  {
    id: 'ubmttq',
    label: 'Ủy ban Mặt trận Tổ quốc',
    forms: ['ủy ban mặt trận tổ quốc', 'ubmttq', 'mttq', 'mặt trận tổ quốc'],
  },
  // Misspellings found in the texts themselves.
  { id: 'giancach', label: 'giãn cách', forms: ['giãn cách', 'giản cách', 'dãn cách'] },
  { id: 'cachly', label: 'cách ly', forms: ['cách ly', 'cách li'] },
  { id: 'vacxin', label: 'vắc xin', forms: ['vắc xin', 'vắc-xin', 'vaccine', 'vaccin', 'vacxin', 'vac xin', 'vắcxin'] },
  { id: 'khaibao', label: 'khai báo y tế', forms: ['khai báo y tế', 'khai báo ytế'] },
];

/** One word of a form or a text: canonical lower-case spelling and folded spelling. */
interface Word {
  norm: string;
  fold: string;
}

// Words as the search's own tokenizer splits them (letters, marks and digits), with its spellings:
// it normalises each distinct word once, which matters for a whole directive's text.
function words(text: string): Word[] {
  return syllables(readAsPlainLetters(text));
}

interface Form {
  group: VariantGroup;
  words: Word[];
}

// Longest first, so "covid 19" wins over "covid" and "thành phố hồ chí minh" over "hồ chí minh".
const FORMS: Form[] = VARIANT_GROUPS.flatMap((group) => group.forms.map((f) => ({ group, words: words(f) })))
  .filter((f) => f.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length);
// Forms by their first word's folded spelling: a text is scanned once, looking up each word.
const BY_FIRST = new Map<string, Form[]>();
for (const f of FORMS) {
  const k = f.words[0]!.fold;
  BY_FIRST.set(k, [...(BY_FIRST.get(k) ?? []), f]);
}

/** What starts a group's index token ("vxcovid"). */
export const VARIANT_PREFIX = 'vx';

/** The index token of a group: a word no directive contains, the same for index and query. */
export function variantToken(id: string): string {
  return `${VARIANT_PREFIX}${id}`;
}

/**
 * How a document word is compared with a form's word: exactly (case aside). A form written
 * without diacritics ("virus", "tphcm") is a spelling of its own, compared exactly too.
 */
const docSame = (form: Word, doc: Word): boolean => form.norm === doc.norm;

/**
 * How a query word is compared with a form's word: a word typed without diacritics matches
 * the form's folded spelling, a word typed with diacritics must match them.
 */
const querySame = (form: Word, q: Word): boolean => (q.norm === q.fold ? q.fold === form.fold : q.norm === form.norm);

export interface VariantMatch {
  group: VariantGroup;
  /** index of the first word and one past the last, in the words given */
  from: number;
  to: number;
}

/**
 * The forms standing in `seq`, left to right, longest first at each word, none overlapping.
 * `starts`: the only positions where a form may start, ascending (every position if not given).
 */
function scan(
  seq: readonly Word[],
  same: (form: Word, w: Word) => boolean,
  starts?: readonly number[],
): VariantMatch[] {
  const out: VariantMatch[] = [];
  let free = 0; // the first word not inside a form already found
  const at = (i: number): void => {
    if (i < free) return;
    const forms = BY_FIRST.get(seq[i]!.fold);
    const hit = forms?.find((f) => f.words.length + i <= seq.length && f.words.every((w, j) => same(w, seq[i + j]!)));
    if (hit) {
      out.push({ group: hit.group, from: i, to: i + hit.words.length });
      free = i + hit.words.length;
    }
  };
  if (starts) for (const i of starts) at(i);
  else for (let i = 0; i < seq.length; i++) at(i);
  return out;
}

/**
 * The groups whose forms stand in a document's words (syllables from the search tokenizer).
 * `positions` (foldPositions of the words), when known, lets a long text be read only where a
 * form's first word stands.
 */
export function variantsInDocument(seq: readonly Word[], positions?: Map<string, number[]>): VariantMatch[] {
  if (!positions) return scan(seq, docSame);
  const starts: number[] = [];
  for (const first of BY_FIRST.keys()) {
    const at = positions.get(first);
    if (at) for (const i of at) starts.push(i);
  }
  return scan(
    seq,
    docSame,
    starts.sort((a, b) => a - b),
  );
}

/** The runs of a query's words that spell a form, left to right, longest form first. */
export function variantsInQuery(seq: readonly Word[]): VariantMatch[] {
  return scan(seq, querySame);
}

/** The ids of the groups a text contains (for the index record's tokens), in table order. */
export function variantIdsOf(text: string): string[] {
  const ids = new Set(variantsInDocument(words(text)).map((m) => m.group.id));
  return VARIANT_GROUPS.filter((g) => ids.has(g.id)).map((g) => g.id);
}

/** The ids of the groups a query names, in the order typed. */
export function variantIdsInQuery(query: string): string[] {
  return [...new Set(variantsInQuery(words(query)).map((m) => m.group.id))];
}

export function variantGroup(id: string): VariantGroup | undefined {
  return VARIANT_GROUPS.find((g) => g.id === id);
}
