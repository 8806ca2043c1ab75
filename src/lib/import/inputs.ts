/**
 * What an import reads: the files named on the command line and, for folders, the files in
 * them (recursively, sorted, hidden files skipped). Every entry that cannot be imported (a
 * broken link, a link loop, a name too long, a pipe, an empty folder, a file over the size
 * limit) becomes one problem naming it and what to do, and the rest of the batch goes on.
 */
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { MAX_INPUT_BYTES, tooLargeMessage } from './limits.ts';

export interface InputFile {
  path: string;
  size: number;
}

export interface InputProblem {
  path: string;
  /** one sentence for the archivist, starting with the path */
  message: string;
}

export interface Inputs {
  files: InputFile[];
  problems: InputProblem[];
}

/** Why an entry could not be looked at, in words, from the error's code. */
function statProblem(path: string, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT': {
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        // not there at all
      }
      return link
        ? `${path}: a link to a file that does not exist. Copy the file itself here, or delete the link.`
        : `${path}: no such file or folder. Check the path.`;
    }
    case 'ELOOP':
      return `${path}: a link that leads back to itself (a loop). Delete the link and copy the file itself.`;
    case 'ENAMETOOLONG':
      return (
        `${path}: the name is too long for the file system. Rename the file with a shorter name and ` +
        `import it again.`
      );
    case 'EACCES':
    case 'EPERM':
      return `${path}: cannot be read (no permission). Check the file's permissions.`;
    default:
      return `${path}: cannot be read (${e.code ?? 'error'}). Check that the file exists and can be opened.`;
  }
}

// The problem reported for a pipe, socket or device given as an input.
const NOT_REGULAR_FILE =
  "not a regular file (a pipe, socket or device). Import the document's text saved as a .txt file.";

export function expandInputs(paths: readonly string[]): Inputs {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seenDirs = new Set<string>();
  const walk = (p: string, top: boolean): void => {
    let st: Stats;
    try {
      st = statSync(p); // links given by the archivist are followed; a folder's are checked below
    } catch (e) {
      problems.push({ path: p, message: statProblem(p, e as NodeJS.ErrnoException) });
      return;
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (seenDirs.has(key)) {
        if (!top)
          problems.push({
            path: p,
            message: `${p}: a link to a folder already read (a loop); skipped. Delete the link.`,
          });
        return;
      }
      seenDirs.add(key);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        problems.push({ path: p, message: statProblem(p, e as NodeJS.ErrnoException) });
        return;
      }
      const before = files.length + problems.length;
      for (const name of names) if (!name.startsWith('.')) walk(join(p, name), false);
      if (top && files.length + problems.length === before) {
        problems.push({
          path: p,
          message:
            `${p}: the folder has no files to import (hidden files are skipped). Check the path, or put ` +
            `the .txt files in it.`,
        });
      }
      return;
    }
    if (!st.isFile()) {
      // a pipe or a device would block or never end
      problems.push({
        path: p,
        message: `${p}: ${NOT_REGULAR_FILE}`,
      });
      return;
    }
    if (st.size > MAX_INPUT_BYTES) {
      problems.push({ path: p, message: tooLargeMessage(p, st.size) });
      return;
    }
    files.push({ path: p, size: st.size });
  };
  for (const p of paths) walk(p, true);
  return { files, problems };
}
