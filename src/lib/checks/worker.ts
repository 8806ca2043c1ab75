/**
 * Worker thread for runChecks: checks a slice of the directive files and posts the results back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDirectiveFile, type FileCheckResult } from './file-check.ts';
import { readDirectiveSource } from './load.ts';

const files = workerData as { display: string; abs: string }[];
const results: FileCheckResult[] = [];
for (const f of files) {
  const { source, size } = await readDirectiveSource(f.abs);
  results.push(checkDirectiveFile(f.display, source, size));
}
parentPort!.postMessage(results);
