/**
 * `node scripts/check-links.ts [distDir] [base]`: lists broken internal links of a built site.
 * Exit 1 when there is any. Defaults: $OUT_DIR or dist/, $BASE or "/".
 */
import { resolve } from 'node:path';
import { checkLinks } from '../src/lib/checks/links.ts';

const dist = resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
const base = process.argv[3] ?? process.env.BASE ?? '/';
const broken = await checkLinks(dist, base);
for (const b of broken) process.stdout.write(`${b.page}  →  ${b.href}  (${b.reason})\n`);
process.stdout.write(
  broken.length
    ? `✘ ${broken.length} liên kết hỏng / broken links\n`
    : '✔ Không có liên kết nội bộ nào hỏng. / No broken internal links.\n',
);
process.exitCode = broken.length ? 1 : 0;
