/**
 * Last checks on extracted fields before they become frontmatter, for values no document can
 * have: a date the calendar does not have ("30 tháng 02") becomes an honest null with the
 * reason, and a title or subject thousands of characters long (a whole paragraph read as the
 * "V/v" line) is cut at a word and flagged for review instead of becoming every list's headline.
 */
import { isRealDate } from '../directive-schema.ts';
import type { Extracted, Field } from './extract.ts';
import { MAX_SUBJECT_CHARS, MAX_TITLE_CHARS } from './limits.ts';
import type { ImportWarning } from './warnings.ts';

/** Cut at the last space before `max` characters (or at `max`), with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–-]+$/u, '')}…`;
}

function capLength(field: Field<string | null>, max: number, what: string): void {
  if (field.value === null || field.value.length <= max) return;
  const length = field.value.length;
  field.value = cutAtWord(field.value, max);
  field.confidence = Math.min(field.confidence, 0.5);
  const cut = `was ${length} characters long and was cut to ${max}`;
  field.reason = `the ${what} read from the text ${cut}; write the real ${what}`;
}

export function enforceFieldLimits(fields: Extracted): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const date = fields.date;
  if (date.value !== null && !isRealDate(date.value)) {
    const said = date.evidence
      ? `"${date.evidence.length > 80 ? `${date.evidence.slice(0, 77)}...` : date.evidence}"`
      : date.value;
    Object.assign(date, {
      value: null,
      confidence: 0,
      source: null,
      reason: `the text's date ${said} is not a real day (${date.value}); check the original`,
    });
  }
  fields.references = fields.references.map((r) => {
    if (r.date === null || isRealDate(r.date)) return r;
    warnings.push({
      code: 'impossible-date',
      message: `the date of the cited ${r.number} (${r.date}) is not a real day; it was left out. Check the original.`,
    });
    return { ...r, date: null };
  });
  capLength(fields.title, MAX_TITLE_CHARS, 'title');
  capLength(fields.subject, MAX_SUBJECT_CHARS, 'subject');
  if (fields.summary !== null) fields.summary = cutAtWord(fields.summary, MAX_SUBJECT_CHARS);
  return warnings;
}
