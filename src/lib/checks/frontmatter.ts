/**
 * The checks read directive files with THE reader (src/lib/directive-file.ts), the one the
 * build's content loader, the renderer and the search index use, so a file the check accepts is
 * a file the build reads the same way. This module adds what only the check says: how the
 * reader had to change the text (a byte order mark, text not in Unicode NFC).
 */
import { normaliseSource, type ReadNotes } from '../directive-file.ts';
import { problem, type Problem } from './types.ts';

export { splitFrontmatter, type SplitResult } from '../directive-file.ts';

/** Warnings for a file the reader had to normalise: the site is built right, the file should still be fixed. */
export function readNoteProblems(file: string, notes: ReadNotes): Problem[] {
  const out: Problem[] = [];
  if (notes.bom) {
    out.push(
      problem(
        file,
        1,
        'load.bom',
        'Tệp bắt đầu bằng dấu BOM (U+FEFF, thường do Notepad của Windows thêm vào); trang web bỏ qua dấu này.',
        'The file starts with a byte order mark (U+FEFF, usually added by Windows Notepad); the site ignores it.',
        'Lưu lại tệp dạng "UTF-8" (không BOM) trong trình soạn thảo.',
        'Save the file as "UTF-8" (without BOM) in your editor.',
        'warning',
      ),
    );
  }
  if (notes.notNfc) {
    out.push(
      problem(
        file,
        1,
        'load.not_nfc',
        'Tệp viết chữ có dấu ở dạng tổ hợp (Unicode NFD: chữ cái và dấu tách rời, thường do macOS); trang web đọc ' +
          'nó ở dạng dựng sẵn (NFC).',
        'The file writes accented letters decomposed (Unicode NFD: letter and mark apart, often from macOS); the ' +
          'site reads it composed (NFC).',
        'Lưu lại tệp ở dạng Unicode NFC (dựng sẵn), hoặc nhập lại bằng npm run import, lệnh này luôn ghi NFC.',
        'Save the file in Unicode NFC (composed), or re-import it with npm run import, which always writes NFC.',
        'warning',
      ),
    );
  }
  return out;
}

/** The reading warnings of a file's text. */
export function sourceProblems(file: string, source: string): Problem[] {
  return readNoteProblems(file, normaliseSource(source).notes);
}
