/**
 * Check 3: the archive is whole. Each directive's raw source exists and still has the bytes the
 * directive was made from; no raw file is left without a directive; file names give unique,
 * stable URLs in the province's folder; no document is in twice; citations of archived documents
 * resolve.
 */
import type { DirectiveData } from '../directive-schema.ts';
import { duplicateKey } from '../doc-number.ts';
import { findProvince } from '../provinces.ts';
import { buildReferenceIndex, resolveReference, type ReferenceTarget } from '../references.ts';
import { problem, type Problem } from './types.ts';
import { astroEntryId } from '../entry-id.ts';

export interface DirectiveEntry {
  /** path shown in messages */
  file: string;
  /** path under directives/ ("vinh-phuc/2021-11-08-cong-van-907-cv-tu.mdx") */
  rel: string;
  /** valid frontmatter, or null when the schema check failed */
  data: DirectiveData | null;
  /** `source.raw` as written, even when the rest of the frontmatter is invalid */
  rawField: unknown;
  /** `source.sha256` as written, likewise */
  shaField?: unknown;
  lineOf(path: readonly PropertyKey[]): number;
}

export interface RawEntry {
  /** path under raw/ */
  rel: string;
  file: string;
  sha256: string;
}

const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "content/raw/a/b.txt" -> "a/b.txt"; null when it escapes raw/ or is not a plain relative path. */
export function rawRelative(field: string): string | null {
  const m = /^content\/raw\/(.+)$/.exec(field);
  if (!m) return null;
  const rest = m[1]!;
  if (rest.includes('\\') || rest.split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
  return rest;
}

function checkNames(entries: readonly DirectiveEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, DirectiveEntry[]>();
  for (const e of entries) {
    const segments = e.rel.replace(/\.mdx$/, '').split('/');
    const id = astroEntryId(e.rel);
    const list = byId.get(id.toLowerCase()) ?? [];
    list.push(e);
    byId.set(id.toLowerCase(), list);
    if (segments.length !== 2 || !segments.every((s) => SEGMENT.test(s)) || segments[1] === 'index') {
      problems.push(
        problem(
          e.file,
          null,
          'integrity.file_name',
          'Tên tệp hoặc thư mục không hợp lệ: phải là directives/<tỉnh>/<tên-tệp>.mdx, chỉ gồm chữ thường không ' +
            'dấu, số và dấu gạch ngang.',
          'Invalid file or folder name: it must be directives/<province>/<file-name>.mdx, in lowercase letters ' +
            'without diacritics, digits and dashes.',
          'Đổi tên tệp bằng git mv, ví dụ vinh-phuc/2021-11-08-cong-van-907-cv-tu.mdx.',
          'Rename the file with git mv, e.g. vinh-phuc/2021-11-08-cong-van-907-cv-tu.mdx.',
        ),
      );
      continue;
    }
    const province = e.data ? findProvince(e.data.province) : undefined;
    if (province && province.slug !== segments[0]) {
      problems.push(
        problem(
          e.file,
          e.lineOf(['province']),
          'integrity.wrong_folder',
          `Văn bản của ${province.name} nằm trong thư mục "${segments[0]}".`,
          `A directive of ${province.name} is in folder "${segments[0]}".`,
          `Chuyển tệp vào thư mục directives/${province.slug}/ (git mv), hoặc sửa trường province nếu tỉnh ghi sai.`,
          `Move the file to directives/${province.slug}/ (git mv), or fix the province field if it is wrong.`,
        ),
      );
    }
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const e of list.slice(1)) {
      problems.push(
        problem(
          e.file,
          null,
          'integrity.duplicate_id',
          `Trùng địa chỉ trang /van-ban/${id}/ với ${list[0]!.file}.`,
          `Same page URL /van-ban/${id}/ as ${list[0]!.file}.`,
          'Đổi tên một trong hai tệp để mỗi văn bản có một địa chỉ riêng.',
          'Rename one of the two files so that each directive has its own URL.',
        ),
      );
    }
  }
  return problems;
}

/** Raw files: each directive's exists, inside content/raw/, with its recorded bytes; none shared or orphaned. */
export function checkRaw(entries: readonly DirectiveEntry[], raws: readonly RawEntry[]): Problem[] {
  const problems: Problem[] = [];
  const rawByRel = new Map(raws.map((r) => [r.rel, r]));
  const used = new Set<string>();
  for (const e of entries) {
    if (typeof e.rawField !== 'string') continue; // the schema check reports it
    const rel = rawRelative(e.rawField);
    const line = e.lineOf(['source', 'raw']);
    if (rel === null) {
      problems.push(
        problem(
          e.file,
          line,
          'integrity.raw_path',
          `Đường dẫn tệp gốc "${e.rawField}" không nằm trong content/raw/.`,
          `The raw file path "${e.rawField}" is not inside content/raw/.`,
          'Ghi đường dẫn dạng content/raw/<tỉnh>/<tệp>, không dùng "..".',
          'Write the path as content/raw/<province>/<file>, without "..".',
        ),
      );
      continue;
    }
    used.add(rel);
    const raw = rawByRel.get(rel);
    if (!raw) {
      problems.push(
        problem(
          e.file,
          line,
          'integrity.raw_missing',
          `Không tìm thấy tệp gốc ${e.rawField}.`,
          `The raw file ${e.rawField} does not exist.`,
          'Thêm tệp gốc vào content/raw/ (npm run import làm việc này), hoặc sửa đường dẫn source.raw.',
          'Add the raw file under content/raw/ (npm run import does it), or fix source.raw.',
        ),
      );
      continue;
    }
    const recorded = e.data ? e.data.source.sha256 : e.shaField;
    if (typeof recorded === 'string' && recorded !== raw.sha256) {
      problems.push(
        problem(
          e.file,
          e.lineOf(['source', 'sha256']),
          'integrity.raw_changed',
          `Tệp gốc ${e.rawField} không còn khớp mã SHA-256 ghi trong văn bản (hiện tại: ${raw.sha256}).`,
          `The raw file ${e.rawField} no longer matches the recorded SHA-256 (now: ${raw.sha256}).`,
          'Tệp gốc phải giữ nguyên từng byte: khôi phục nó (git checkout -- <tệp>). Nếu văn bản trỏ nhầm ' +
            'tệp, sửa source.raw.',
          'Raw files are kept byte for byte: restore it (git checkout -- <file>). If the directive points at the ' +
            'wrong file, fix source.raw.',
        ),
      );
    }
  }
  problems.push(...sharedRaw(entries, raws));
  for (const r of raws) {
    if (used.has(r.rel)) continue;
    problems.push(
      problem(
        r.file,
        null,
        'integrity.raw_orphan',
        'Tệp gốc này không thuộc văn bản nào.',
        'This raw file belongs to no directive.',
        'Nhập nó (npm run import -- <tệp>) để tạo văn bản, hoặc xóa nó nếu thêm nhầm.',
        'Import it (npm run import -- <file>) to create its directive, or delete it if it was added by mistake.',
      ),
    );
  }
  return problems;
}

/**
 * One document, one directive: two directives naming one raw file (an import run again after
 * the first was renamed or corrected), or two raw files with identical bytes (the same file
 * saved under another name), would publish the document twice.
 */
function sharedRaw(entries: readonly DirectiveEntry[], raws: readonly RawEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byRaw = new Map<string, DirectiveEntry>();
  for (const e of entries) {
    if (typeof e.rawField !== 'string') continue;
    const rel = rawRelative(e.rawField);
    if (rel === null) continue;
    const first = byRaw.get(rel);
    if (!first) {
      byRaw.set(rel, e);
      continue;
    }
    problems.push(
      problem(
        e.file,
        e.lineOf(['source', 'raw']),
        'integrity.raw_shared',
        `Văn bản này và ${first.file} cùng lấy từ một tệp gốc ${e.rawField}: một văn bản sẽ được đăng hai lần.`,
        `This directive and ${first.file} are both made from ${e.rawField}: one document would be published twice.`,
        'Giữ bản đã kiểm tra (reviewed: true) và xóa bản kia (git rm). Nếu đây thật sự là hai văn bản khác nhau, ' +
          'mỗi văn bản cần tệp gốc riêng.',
        'Keep the one you checked (reviewed: true) and delete the other (git rm). If they really are two ' +
          'different documents, each needs its own raw file.',
      ),
    );
  }
  // the copy a directive uses is the one kept; the others are reported
  const groups = new Map<string, RawEntry[]>();
  for (const r of raws) groups.set(r.sha256, [...(groups.get(r.sha256) ?? []), r]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const first = group.find((r) => byRaw.has(r.rel)) ?? group[0]!;
    for (const r of group) {
      if (r === first) continue;
      problems.push(
        problem(
          r.file,
          null,
          'integrity.raw_same_bytes',
          `Tệp gốc này giống hệt từng byte với ${first.file}: cùng một văn bản được lưu hai lần.`,
          `This raw file has exactly the same bytes as ${first.file}: one document kept twice.`,
          `Xóa tệp này (git rm) cùng văn bản làm từ nó, nếu có; văn bản kia đã giữ nội dung này. (npm run import ` +
            `nhận ra tệp trùng và không sao chép lại.)`,
          `Delete this file (git rm) and the directive made from it, if any; the other one already holds it. ` +
            `(npm run import recognises identical files and does not copy them again.)`,
        ),
      );
    }
  }
  return problems;
}

function checkDuplicates(entries: readonly DirectiveEntry[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, DirectiveEntry>();
  for (const e of entries) {
    const d = e.data;
    const full = d ? duplicateKey(d.province, d.number, d.date) : null;
    if (!d || !full) continue;
    const first = seen.get(full);
    if (!first) {
      seen.set(full, e);
      continue;
    }
    problems.push(
      problem(
        e.file,
        e.lineOf(['number']),
        'integrity.duplicate_document',
        `Văn bản trùng với ${first.file}: cùng tỉnh ${d.province}, số ${d.number}, ngày ${d.date}.`,
        `Duplicate of ${first.file}: same province ${d.province}, number ${d.number}, date ${d.date}.`,
        'Giữ một bản: xóa tệp trùng (git rm) cùng tệp gốc của nó nếu không tệp nào khác dùng; nếu hai văn bản ' +
          'thật sự khác nhau, sửa số hiệu hoặc ngày.',
        'Keep one: delete the duplicate (git rm) with its raw file if nothing else uses it; if they really are ' +
          'different documents, fix the number or date.',
      ),
    );
  }
  return problems;
}

function checkReferences(entries: readonly DirectiveEntry[]): Problem[] {
  const problems: Problem[] = [];
  const valid = entries.filter((e): e is DirectiveEntry & { data: DirectiveData } => e.data !== null);
  const targets: ReferenceTarget[] = valid.map((e) => ({
    id: astroEntryId(e.rel),
    province: e.data.province,
    number: e.data.number,
    date: e.data.date,
  }));
  const index = buildReferenceIndex(targets);
  valid.forEach((e, i) => {
    e.data.references.forEach((ref, r) => {
      const line = e.lineOf(['references', r, 'number']);
      const res = resolveReference(ref, targets[i]!, index);
      switch (res.status) {
        case 'self':
          problems.push(
            problem(
              e.file,
              line,
              'integrity.reference_self',
              `Văn bản tự dẫn chiếu chính nó (${ref.number}).`,
              `The directive cites itself (${ref.number}).`,
              'Xóa mục này khỏi references; nếu số hiệu của văn bản bị lấy nhầm từ văn bản được dẫn, ' +
                'sửa trường number.',
              "Remove this entry from references; if the directive's own number was taken from the cited " +
                'document, fix number.',
            ),
          );
          break;
        case 'ambiguous':
          problems.push(
            problem(
              e.file,
              line,
              'integrity.reference_ambiguous',
              `Dẫn chiếu ${ref.number} khớp nhiều văn bản trong kho: ${res.ids.join(', ')}.`,
              `Reference ${ref.number} matches several archived directives: ${res.ids.join(', ')}.`,
              'Ghi ngày của văn bản được dẫn (references … date) để chỉ rõ văn bản nào.',
              "Give the cited document's date (references … date) to say which one.",
              'warning',
            ),
          );
          break;
        case 'date-mismatch':
          problems.push(
            problem(
              e.file,
              line,
              'integrity.reference_date',
              `Dẫn chiếu ${ref.number} ngày ${ref.date}: kho có văn bản số này nhưng khác ngày ` +
                `(${res.ids.join(', ')}).`,
              `Reference ${ref.number} of ${ref.date}: the archive has this number with another date ` +
                `(${res.ids.join(', ')}).`,
              'Kiểm tra ngày của văn bản được dẫn và ngày của văn bản trong kho; sửa bên ghi sai.',
              "Check the cited date against the archived directive's date; fix whichever is wrong.",
              'warning',
            ),
          );
          break;
        case 'missing':
          problems.push(
            problem(
              e.file,
              line,
              'integrity.reference_missing',
              `Văn bản được dẫn ${ref.number} chưa có trong kho (sẽ hiển thị không có liên kết).`,
              `The cited document ${ref.number} is not in the archive yet (shown without a link).`,
              'Không bắt buộc sửa. Nếu có văn bản gốc, hãy nhập nó; nếu số hiệu bị đọc sai, sửa lại.',
              'Nothing required. If you have its text, import it; if the number was misread, fix it.',
              'warning',
            ),
          );
          break;
        case 'unreadable':
          problems.push(
            problem(
              e.file,
              line,
              'integrity.reference_number',
              `Số hiệu dẫn chiếu "${ref.number}" không có phần số.`,
              `Reference number "${ref.number}" has no serial number.`,
              'Sửa số hiệu theo dạng 35/CT-TTg hoặc 469-CV/TU.',
              'Write it as 35/CT-TTg or 469-CV/TU.',
              'warning',
            ),
          );
          break;
        default:
          break;
      }
    });
  });
  return problems;
}

export function checkIntegrity(entries: readonly DirectiveEntry[], raws: readonly RawEntry[]): Problem[] {
  return [...checkNames(entries), ...checkRaw(entries, raws), ...checkDuplicates(entries), ...checkReferences(entries)];
}
