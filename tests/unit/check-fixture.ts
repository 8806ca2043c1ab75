/**
 * Builds small content folders (directives/ + raw/) in a temp dir for the check tests, starting
 * from one valid directive written here (invented text, not a real document) and changing one
 * thing at a time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const RAW_TEXT =
  'BAN THƯỜNG VỤ TỈNH ỦY BẮC NINH\nSố 123-CV/TU\nBắc Ninh, ngày 12 tháng 5 năm 2021\n' +
  'V/v tăng cường phòng, chống dịch\n';
// The body when a test gives none: MDX-escaped characters (\., \{, \}, \<) as the importer writes them.
const DEFAULT_BODY =
  '1\\. Các cấp ủy đảng tăng cường kiểm tra \\{ không lơ là \\}; tỷ lệ tiêm \\< 50% phải báo cáo.\n\n' +
  '- Thực hiện nghiêm 5K.\n';
export const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

export interface DirectiveOptions {
  number?: string;
  date?: string;
  province?: string;
  raw?: string;
  rawHash?: string;
  references?: string;
  body?: string;
  extra?: string;
}

export function directive(o: DirectiveOptions = {}): string {
  const raw = o.raw ?? 'content/raw/bac-ninh/123-cv-tu.txt';
  return `---
title: "Tăng cường phòng, chống dịch COVID-19"
number: "${o.number ?? '123-CV/TU'}"
docType: Công văn
date: "${o.date ?? '2021-05-12'}"
issuer: Ban Thường vụ Tỉnh ủy
province: ${o.province ?? 'Bắc Ninh'}
signer: Nguyễn Văn A
references:${o.references ?? ' []'}
source:
  raw: ${raw}
  sha256: ${o.rawHash ?? sha256(RAW_TEXT)}
${o.extra ?? ''}---

${o.body ?? DEFAULT_BODY}`;
}

/** A temp content folder with the given files (path under the folder -> text). */
export function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-'));
  mkdirSync(join(root, 'directives'), { recursive: true });
  mkdirSync(join(root, 'raw'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** One valid directive and its raw file. */
export function validFolder(extra: Record<string, string> = {}): string {
  return contentFolder({
    'directives/bac-ninh/2021-05-12-cong-van-123-cv-tu.mdx': directive(),
    'raw/bac-ninh/123-cv-tu.txt': RAW_TEXT,
    ...extra,
  });
}

/**
 * Another directive with a raw file of its own (one raw file is one document: two directives
 * sharing one are refused), as entries for contentFolder/validFolder.
 */
export function withOwnRaw(
  path: string,
  text: (o: { raw: string; rawHash: string }) => string,
): Record<string, string> {
  const tag = path.replace(/[^a-z0-9]+/g, '-');
  const rawText = `${RAW_TEXT}${tag}\n`;
  const raw = `raw/own/${tag}.txt`;
  return { [path]: text({ raw: `content/${raw}`, rawHash: sha256(rawText) }), [raw]: rawText };
}
