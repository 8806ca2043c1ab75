/**
 * Characters no directive needs and that do harm downstream, in one place for the importer,
 * the check, the feeds and the terminal report:
 * - C0/C1 control characters (other than tab and line ends): invalid in XML (one breaks a whole
 *   RSS feed), and in a terminal `ESC ]0;…` retitles the window or rewrites what is shown;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
 *   reorder how text is displayed ("Trojan source"), so a title could read differently from
 *   what it says;
 * - noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, and the last two of every plane) and lone
 *   surrogates: not text, refused by XML and by the MDX parser.
 */

const NONCHARACTERS = Array.from(
  { length: 16 },
  (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`,
).join('');

/**
 * Removed from imported text. Tab, line feed and carriage return are text; form feed and
 * vertical tab are page and line breaks the cleaner turns into spaces.
 */
export const UNSAFE_CHAR = new RegExp(
  `[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069` +
    `\\ufdd0-\\ufdef\\ufffe\\uffff${NONCHARACTERS}\\ud800-\\udfff]`,
  'gu',
);

export interface Removal {
  text: string;
  /** how many characters were removed */
  count: number;
  /** the first one removed, as "U+202E", and its 1-based line */
  first: { code: string; line: number } | null;
}

export const codePointLabel = (ch: string): string =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Remove UNSAFE_CHAR characters, saying how many and where the first was. */
export function removeUnsafeChars(text: string): Removal {
  let count = 0;
  let first: Removal['first'] = null;
  const out = text.replace(UNSAFE_CHAR, (ch, offset: number) => {
    if (!first) {
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
      first = { code: codePointLabel(ch), line };
    }
    count++;
    return '';
  });
  return { text: out, count, first };
}

/**
 * Terminal output: every control character except line feed and tab, and every bidi control,
 * shown as a visible escape (`\x1b`, `<U+202E>`), so text read from a file can never move the
 * cursor, retitle the window or reorder the line.
 */
export function escapeTerminal(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => {
      const c = ch.charCodeAt(0);
      return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `<${codePointLabel(ch)}>`;
    },
  );
}

/** Characters XML 1.0 does not allow (a parser must reject the document), and bidi controls. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Text that is well-formed inside any XML element or attribute once escaped as usual. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}
