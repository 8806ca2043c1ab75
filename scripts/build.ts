/**
 * `npm run build`: `astro build` with the per-route listing folded into a count
 * (src/lib/build-log.ts). Warnings, errors and the exit code pass through unchanged.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createRouteFolder } from '../src/lib/build-log.ts';

const root = resolve(import.meta.dirname, '..');
const child = spawn(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
  cwd: root,
  env: process.env,
  stdio: ['inherit', 'pipe', 'inherit'],
});
const folder = createRouteFolder();
const lines = createInterface({ input: child.stdout });
lines.on('line', (line) => {
  for (const out of folder.push(line)) process.stdout.write(`${out}\n`);
});
child.on('close', (code, signal) => {
  for (const out of folder.flush()) process.stdout.write(`${out}\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
