/**
 * Size limits the importer and the check share, with the reasons an archivist is told.
 * A directive's text is a few pages: the five seed directives are 4–13 KB, the longest plans a
 * few hundred KB. A file far bigger is a whole web page dump, several documents pasted together
 * or not a directive at all, and would cost every later step (the check parses each body) time
 * and memory for nothing.
 */

/** Largest raw file the importer reads: 5 MB. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Largest MDX file the check parses: a 5 MB raw file plus room for escapes and frontmatter. */
export const MAX_MDX_BYTES = 6 * 1024 * 1024;

/** Longest title kept as extracted; longer ones are cut at a word and flagged for review. */
export const MAX_TITLE_CHARS = 300;

/** Longest subject ("V/v …") kept as extracted; longer ones are cut and flagged likewise. */
export const MAX_SUBJECT_CHARS = 500;

/** "5.2 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The archivist's message for a file over MAX_INPUT_BYTES. */
export function tooLargeMessage(name: string, bytes: number): string {
  return (
    `${name}: the file is ${megabytes(bytes)}; the importer takes at most ${megabytes(MAX_INPUT_BYTES)} per ` +
    `file (a directive is a few pages, usually under 100 KB, so a larger file is several documents or a ` +
    `whole web page). Split it into one file per directive and import those.`
  );
}
