/**
 * Worker thread for runChecks: checks a slice of the directive files and posts the results back.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDirectiveFile, type FileCheckResult } from './file-check.ts';

const files = workerData as { display: string; abs: string }[];
const results: FileCheckResult[] = [];
for (const f of files) results.push(checkDirectiveFile(f.display, await readFile(f.abs, 'utf8')));
parentPort!.postMessage(results);
