/**
 * What every content check returns: a list of problems an archivist can act on, each naming the
 * file, the line, what is wrong (in Vietnamese and English) and what to do about it.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** path shown to the archivist, relative to the repository (or to CONTENT_DIR's parent) */
  file: string;
  /** 1-based line in that file; null when the problem is about the file as a whole */
  line: number | null;
  /** stable machine code, e.g. "schema.invalid_value" or "content.jsx" */
  code: string;
  severity: Severity;
  messageVi: string;
  messageEn: string;
  /** what to do, in both languages */
  fix: { vi: string; en: string };
}

export function problem(
  file: string,
  line: number | null,
  code: string,
  messageVi: string,
  messageEn: string,
  fixVi: string,
  fixEn: string,
  severity: Severity = 'error',
): Problem {
  return { file, line, code, severity, messageVi, messageEn, fix: { vi: fixVi, en: fixEn } };
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
