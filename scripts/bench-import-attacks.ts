/**
 * `node scripts/bench-import-attacks.ts` (also run by `npm run bench`): how long the importer
 * takes on the inputs that used to hang it (issue 16): one line repeated thousands of times, a
 * body copied twice, 5 MB of unique paragraphs, one 5 MB line. Each is imported in memory
 * (decode -> emit, no disk) and cleaned alone; the figures go to bench-results/import-attacks.json.
 * Before the fix: 3,000 repeated lines (42 KB) 20 s, 0.5 MB 89 s, 1 MB over 8 minutes, 5 MB of
 * unique paragraphs 16 s.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importText } from '../src/lib/import/pipeline.ts';
import { clean } from '../src/lib/import/clean.ts';
import { MAX_INPUT_BYTES } from '../src/lib/import/limits.ts';

const HEADER =
  'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 1520/UBND-KGVX\nHà Giang, ngày 14 tháng 9 năm 2021\n' +
  'V/v tăng cường kiểm soát người ra vào tỉnh\n\n';
const LINE = 'Thực hiện nghiêm.\n';

/** Text of about `bytes` UTF-8 bytes made of `piece(i)`, under the size limit. */
function fill(bytes: number, piece: (i: number) => string): string {
  const parts = [HEADER];
  let size = Buffer.byteLength(HEADER);
  for (let i = 0; ; i++) {
    const p = piece(i);
    const b = Buffer.byteLength(p);
    if (size + b > Math.min(bytes, MAX_INPUT_BYTES)) break;
    parts.push(p);
    size += b;
  }
  return parts.join('');
}

const paragraph = (i: number): string =>
  `Đoạn ${i}: các sở, ngành thực hiện nghiêm biện pháp số ${(i * 7919) % 100_003} tại địa phương.\n\n`;

export const ATTACKS: Array<{ name: string; text: () => string }> = [
  { name: 'one line repeated 3,000 times (~54 KB)', text: () => HEADER + LINE.repeat(3000) },
  { name: 'one line repeated to 0.5 MB', text: () => fill(512 * 1024, () => LINE) },
  { name: 'one line repeated to 1 MB', text: () => fill(1024 * 1024, () => LINE) },
  { name: 'one line repeated to 5 MB', text: () => fill(MAX_INPUT_BYTES, () => LINE) },
  {
    name: 'a 2.5 MB body copied twice (5 MB)',
    text: () => {
      const body = fill(MAX_INPUT_BYTES / 2 - 1024, paragraph).slice(HEADER.length);
      return HEADER + body + body;
    },
  },
  { name: '5 MB of unique paragraphs', text: () => fill(MAX_INPUT_BYTES, paragraph) },
  { name: 'one 5 MB line', text: () => HEADER + 'phòng chống dịch '.repeat(Math.floor((MAX_INPUT_BYTES - 1024) / 22)) },
];

export interface AttackTiming {
  name: string;
  bytes: number;
  importMs: number;
  cleanMs: number;
  imported: boolean;
}

export function benchImportAttacks(): AttackTiming[] {
  const out: AttackTiming[] = [];
  for (const a of ATTACKS) {
    const text = a.text();
    const bytes = Buffer.from(text, 'utf8');
    let t = performance.now();
    clean(text);
    const cleanMs = performance.now() - t;
    t = performance.now();
    const r = importText(bytes, 'attack.txt');
    out.push({ name: a.name, bytes: bytes.length, importMs: performance.now() - t, cleanMs, imported: r.ok });
  }
  return out;
}

export function attackTable(rows: AttackTiming[]): string {
  return [
    '| input | size | clean | whole import |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${(r.bytes / 1024).toFixed(0)} KB | ${(r.cleanMs / 1000).toFixed(2)} s ` +
        `| ${(r.importMs / 1000).toFixed(2)} s${r.imported ? '' : ' (refused)'} |`,
    ),
  ].join('\n');
}

/** Run, print and write bench-results/import-attacks.json. */
export async function runImportAttacks(root = resolve(import.meta.dirname, '..')): Promise<AttackTiming[]> {
  const rows = benchImportAttacks();
  console.log(`\n== importer on repetitive and 5 MB inputs\n${attackTable(rows)}`);
  await mkdir(join(root, 'bench-results'), { recursive: true });
  await writeFile(join(root, 'bench-results/import-attacks.json'), `${JSON.stringify(rows, null, 2)}\n`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runImportAttacks();
