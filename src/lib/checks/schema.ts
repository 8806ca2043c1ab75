/**
 * Check 1: every directive's frontmatter is valid against THE contract (directiveSchema), read
 * the way Astro reads it. Unknown keys are refused too: Astro's loader would act on some of them
 * (`slug` changes the page URL) and the schema would silently drop the rest.
 */
import { directiveSchema, type DirectiveData } from '../directive-schema.ts';
import { findProvince } from '../provinces.ts';
import { foldForMatch } from '../vietnamese.ts';
import { describeField } from './field-names.ts';
import { splitFrontmatter, type SplitResult } from './frontmatter.ts';
import { problem, type Problem } from './types.ts';

const strictSchema = directiveSchema.strict();

export interface SchemaResult {
  problems: Problem[];
  /** the parsed, defaulted data when valid */
  data: DirectiveData | null;
  split: SplitResult;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
}

function preview(value: unknown): string {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Turn one zod issue into a problem in both languages, with a fix an archivist can apply. */
function issueToProblem(file: string, line: number, issue: Issue, data: unknown): Problem {
  const field = describeField(issue.path);
  const value = valueAt(data, issue.path);
  const code = `schema.${issue.code}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return problem(
          file,
          line,
          'schema.missing',
          `Thiếu trường ${field}.`,
          `Missing field ${field}.`,
          `Thêm dòng "${String(issue.path.at(-1))}: …" vào phần đầu tệp (frontmatter).`,
          `Add a "${String(issue.path.at(-1))}: …" line to the frontmatter.`,
        );
      }
      if (value instanceof Date) {
        const iso = value.toISOString().slice(0, 10);
        return problem(
          file,
          line,
          'schema.unquoted_date',
          `Trường ${field}: ngày phải được đặt trong dấu nháy.`,
          `Field ${field}: a date must be quoted.`,
          `Viết ${String(issue.path.at(-1))}: "${iso}" (có dấu nháy kép).`,
          `Write ${String(issue.path.at(-1))}: "${iso}" (with double quotes).`,
        );
      }
      if (issue.expected === 'boolean') {
        return problem(
          file,
          line,
          code,
          `Trường ${field} chỉ nhận true (có) hoặc false (không), không phải ${preview(value)}.`,
          `Field ${field} takes true or false, not ${preview(value)}.`,
          `Viết ${String(issue.path.at(-1))}: true hoặc ${String(issue.path.at(-1))}: false (không có dấu nháy).`,
          `Write ${String(issue.path.at(-1))}: true or ${String(issue.path.at(-1))}: false (no quotes).`,
        );
      }
      return problem(
        file,
        line,
        code,
        `Trường ${field} có giá trị ${preview(value)} không đúng kiểu (cần: ${issue.expected}).`,
        `Field ${field} has value ${preview(value)} of the wrong type (expected: ${issue.expected}).`,
        issue.expected === 'string'
          ? 'Đặt giá trị trong dấu nháy kép, ví dụ "…".'
          : `Sửa giá trị thành kiểu ${issue.expected}.`,
        issue.expected === 'string'
          ? 'Put the value in double quotes, e.g. "…".'
          : `Change the value to a ${issue.expected}.`,
      );
    }
    case 'invalid_value': {
      const options = (issue.values ?? []).map(String);
      const last = String(issue.path.at(-1));
      let suggestion = '';
      if (last === 'province' && typeof value === 'string') {
        suggestion = findProvince(value)?.name ?? '';
      } else if (typeof value === 'string') {
        suggestion = options.find((o) => foldForMatch(o) === foldForMatch(value)) ?? '';
      }
      const shown = options.length > 30 ? `${options.slice(0, 30).join(', ')}, …` : options.join(', ');
      const listVi =
        last === 'province'
          ? 'danh sách 63 tỉnh, thành phố (src/lib/provinces.ts)'
          : last === 'docType'
            ? `danh sách loại văn bản (src/lib/doc-types.ts): ${shown}`
            : last === 'issuer'
              ? `danh sách cơ quan ban hành (src/lib/issuers.ts): ${shown}`
              : `các giá trị: ${shown}`;
      const listEn =
        last === 'province'
          ? 'the 63 provinces (src/lib/provinces.ts)'
          : last === 'docType'
            ? `the document types (src/lib/doc-types.ts): ${shown}`
            : last === 'issuer'
              ? `the issuers (src/lib/issuers.ts): ${shown}`
              : `one of: ${shown}`;
      return problem(
        file,
        line,
        code,
        `Trường ${field}: giá trị ${preview(value)} không có trong ${listVi}.`,
        `Field ${field}: ${preview(value)} is not in ${listEn}.`,
        suggestion
          ? `Có lẽ là "${suggestion}": viết ${last}: "${suggestion}".`
          : 'Chọn một giá trị trong danh sách, viết đúng chính tả và dấu.',
        suggestion
          ? `Probably "${suggestion}": write ${last}: "${suggestion}".`
          : 'Pick a value from the list, spelt exactly, with its diacritics.',
      );
    }
    case 'invalid_format': {
      const last = String(issue.path.at(-1));
      if (last === 'date') {
        return problem(
          file,
          line,
          code,
          `Trường ${field}: ${preview(value)} không phải ngày dạng NĂM-THÁNG-NGÀY hoặc NĂM-THÁNG (năm 2019–2029).`,
          `Field ${field}: ${preview(value)} is not a date as YYYY-MM-DD or YYYY-MM (years 2019–2029).`,
          'Ví dụ: "2021-11-08" cho ngày 08/11/2021; "2021-11" khi chỉ biết tháng.',
          'E.g. "2021-11-08" for 8 November 2021; "2021-11" when only the month is known.',
        );
      }
      if (last === 'sha256' || last === 'importHash') {
        return problem(
          file,
          line,
          code,
          `Trường ${field}: ${preview(value)} không phải mã SHA-256 (64 ký tự 0-9, a-f).`,
          `Field ${field}: ${preview(value)} is not a SHA-256 (64 characters 0-9, a-f).`,
          'Chạy lại lệnh nhập (npm run import) cho tệp gốc; hoặc xem lỗi integrity.raw_changed của cùng tệp: nó ' +
            'ghi mã hiện tại của tệp gốc.',
          'Re-run the import (npm run import) for the raw file; or see the integrity.raw_changed problem of the ' +
            "same file: it gives the raw file's current hash.",
        );
      }
      if (last === 'raw') {
        return problem(
          file,
          line,
          code,
          `Trường ${field}: ${preview(value)} phải là đường dẫn dạng content/raw/… không có khoảng trắng.`,
          `Field ${field}: ${preview(value)} must be a path content/raw/… without spaces.`,
          'Ghi đường dẫn của tệp gốc trong thư mục content/raw/, ví dụ content/raw/vinh-phuc/907-cv-tu.txt.',
          "Give the raw file's path under content/raw/, e.g. content/raw/vinh-phuc/907-cv-tu.txt.",
        );
      }
      return problem(
        file,
        line,
        code,
        `Trường ${field}: ${preview(value)} sai định dạng.`,
        `Field ${field}: ${preview(value)} has the wrong format (${issue.message}).`,
        'Sửa theo định dạng mô tả trong CONTRIBUTING.md.',
        'Fix it to the format described in CONTRIBUTING.md.',
      );
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return problem(
          file,
          line,
          code,
          `Trường ${field} để trống.`,
          `Field ${field} is empty.`,
          'Điền giá trị, hoặc viết null nếu văn bản không có thông tin này.',
          'Fill it in, or write null when the document does not give it.',
        );
      }
      return problem(
        file,
        line,
        code,
        `Trường ${field}: ${preview(value)} nhỏ hơn mức tối thiểu ${String(issue.minimum)}.`,
        `Field ${field}: ${preview(value)} is below the minimum ${String(issue.minimum)}.`,
        `Dùng giá trị từ ${String(issue.minimum)} trở lên.`,
        `Use a value of at least ${String(issue.minimum)}.`,
      );
    case 'too_big':
      return problem(
        file,
        line,
        code,
        `Trường ${field}: ${preview(value)} lớn hơn mức tối đa ${String(issue.maximum)}.`,
        `Field ${field}: ${preview(value)} is above the maximum ${String(issue.maximum)}.`,
        `Dùng giá trị không quá ${String(issue.maximum)}.`,
        `Use a value of at most ${String(issue.maximum)}.`,
      );
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return problem(
        file,
        line,
        'schema.unknown_field',
        `Trường không có trong lược đồ: ${keys}${issue.path.length ? ` (trong ${describeField(issue.path)})` : ''}.`,
        `Field not in the schema: ${keys}${issue.path.length ? ` (in ${describeField(issue.path)})` : ''}.`,
        'Xóa trường này, hoặc sửa chính tả tên trường (tên trường viết bằng tiếng Anh, xem CONTRIBUTING.md).',
        'Remove the field, or fix its spelling (field names are English, see CONTRIBUTING.md).',
      );
    }
    default:
      return problem(
        file,
        line,
        code,
        `Trường ${field} không hợp lệ: ${issue.message}.`,
        `Field ${field} is invalid: ${issue.message}.`,
        'Sửa theo mô tả trường trong CONTRIBUTING.md.',
        'Fix it as described in CONTRIBUTING.md.',
      );
  }
}

export function checkFrontmatter(file: string, source: string): SchemaResult {
  const split = splitFrontmatter(source);
  if (!split.ok) {
    const messages = {
      missing: [
        'Tệp không có phần đầu (frontmatter) giữa hai dòng ---.',
        'The file has no frontmatter between two --- lines.',
        'Tệp phải bắt đầu bằng dòng --- , các trường, rồi một dòng --- nữa. Tạo tệp bằng npm run import.',
        'The file must start with a --- line, the fields, then another --- line. Create files with npm run import.',
      ],
      toml: [
        'Phần đầu tệp viết bằng TOML (+++); lưu trữ chỉ dùng YAML (---).',
        'The frontmatter is TOML (+++); the archive uses YAML (---) only.',
        'Thay hai dòng +++ bằng --- và viết các trường theo YAML.',
        'Replace the +++ lines with --- and write the fields as YAML.',
      ],
      yaml: [
        `Phần đầu tệp không đọc được (lỗi YAML: ${split.detail}).`,
        `The frontmatter cannot be read (YAML error: ${split.detail}).`,
        'Kiểm tra dấu hai chấm, thụt lề và dấu nháy ở dòng này; giá trị có dấu : hoặc # phải đặt trong dấu nháy kép.',
        'Check the colons, indentation and quotes on this line; a value containing : or # must be in double quotes.',
      ],
      'not-object': [
        'Phần đầu tệp không phải danh sách các trường "tên: giá trị".',
        'The frontmatter is not a list of "name: value" fields.',
        'Viết mỗi trường trên một dòng, dạng tên: giá trị.',
        'Write one field per line, as name: value.',
      ],
    }[split.reason];
    return {
      problems: [
        problem(
          file,
          split.line,
          `schema.frontmatter_${split.reason}`,
          ...(messages as [string, string, string, string]),
        ),
      ],
      data: null,
      split,
    };
  }
  const result = strictSchema.safeParse(split.data);
  if (result.success) return { problems: [], data: result.data as DirectiveData, split };
  const problems = (result.error.issues as unknown as Issue[]).map((issue) => {
    // An unknown key is reported at the key itself, not at the object holding it.
    const at = issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issue.path, issue.keys[0]!] : issue.path;
    return issueToProblem(file, split.lineOf(at), issue, split.data);
  });
  return { problems, data: null, split };
}
