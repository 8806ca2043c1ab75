/**
 * Check 2: a directive's body is content only. Building the site compiles each MDX file into
 * JavaScript and runs it, so an import, an export, an {expression} or a JSX element in a pull
 * request would run code in CI. The body is parsed with the MDX parser (the one the build uses)
 * and every node must be of a kind on an allowlist: anything new or unknown is refused.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Node, Parent } from 'unist';
import { problem, type Problem } from './types.ts';

/** The archive's own MDX components a directive may use. None yet: directives are plain text. */
export const ARCHIVE_COMPONENTS: readonly string[] = [];

/** Markdown node kinds a directive body may contain. */
const ALLOWED_NODES = new Set([
  'root',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'delete',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'break',
  'link',
  'linkReference',
  'definition',
  'image',
  'imageReference',
  'table',
  'tableRow',
  'tableCell',
  'inlineCode',
  'code',
  'footnoteReference',
  'footnoteDefinition',
]);

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** A body parsed exactly as this check (and the build: MDX with GFM) reads it. @throws on MDX syntax errors */
export function parseBody(body: string): Node {
  return parser.parse(body);
}

/**
 * A link target is safe when it is relative (path, #anchor, ?query) or http(s)/mailto.
 * Browsers ignore ASCII whitespace and control characters inside a scheme, so those are
 * stripped before looking at it ("java\tscript:" is javascript:).
 */
export function isSafeUrl(url: string): boolean {
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(squeezed);
  if (!scheme) return true;
  // xmpp: too, because GFM itself links "xmpp:name@host" in plain text; like mailto: it only opens a messaging app
  return ['http', 'https', 'mailto', 'xmpp'].includes(scheme[1]!.toLowerCase());
}

/**
 * "//host/x" and "/\\host/x" have no scheme but lead to another host: browsers read a
 * backslash as a slash and skip tabs and line breaks inside a URL.
 */
export function isProtocolRelative(url: string): boolean {
  return /^[\\/]{2}/.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
}

/** An image from another host would make the page request it: only the site's own are allowed. */
function isExternal(url: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url.trim()) || isProtocolRelative(url);
}

const EXTERNAL_IMAGE = {
  vi: 'Ảnh lấy từ trang web khác: trang lưu trữ không tải gì từ máy chủ khác.',
  en: 'The image comes from another host: the archive loads nothing from other hosts.',
  fixVi: 'Xóa ảnh; nếu cần, đưa tệp ảnh vào kho và dẫn đường dẫn nội bộ.',
  fixEn: 'Remove the image; if needed, add the file to the repository and link it by path.',
};

interface Positioned extends Node {
  name?: string | null;
  url?: string;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const line = (n: Node): number | null => n.position?.start.line ?? null;

const FIX_ESCAPE_VI =
  'Nội dung chỉ là văn bản: nếu văn bản gốc có ký tự này, viết \\{ \\} \\< \\> (thêm dấu \\ phía trước), hoặc ' +
  'nhập lại bằng npm run import, lệnh này tự thoát ký tự.';
const FIX_ESCAPE_EN =
  'The body is text only: if the original has this character, write \\{ \\} \\< \\> (a backslash before it), or ' +
  're-import with npm run import, which escapes them.';

function nodeProblems(file: string, node: Positioned): Problem[] {
  const at = line(node);
  switch (node.type) {
    case 'mdxjsEsm':
      return [
        problem(
          file,
          at,
          'content.esm',
          'Văn bản có lệnh import/export: tệp văn bản không được chứa mã lệnh.',
          'The body has an import/export statement: a directive may not contain code.',
          'Xóa dòng này. Nếu đó là chữ của văn bản gốc, viết \\import hoặc \\export.',
          "Delete the line. If it is the original's wording, write \\import or \\export.",
        ),
      ];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [
        problem(
          file,
          at,
          'content.expression',
          'Văn bản có biểu thức trong dấu { }: tệp văn bản không được chứa mã lệnh.',
          'The body has a {…} expression: a directive may not contain code.',
          FIX_ESCAPE_VI,
          FIX_ESCAPE_EN,
        ),
      ];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!ARCHIVE_COMPONENTS.includes(name)) {
        return [
          problem(
            file,
            at,
            'content.jsx',
            `Văn bản có thẻ <${name}>: chỉ được dùng chữ, không dùng thẻ HTML hay thành phần giao diện.`,
            `The body has a <${name}> tag: only text is allowed, no HTML or components.`,
            FIX_ESCAPE_VI,
            FIX_ESCAPE_EN,
          ),
        ];
      }
      const bad = (node.attributes ?? []).filter(
        (a) =>
          a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string'),
      );
      return bad.length
        ? [
            problem(
              file,
              at,
              'content.jsx_attribute',
              `Thẻ <${name}> có thuộc tính chứa biểu thức: chỉ được dùng giá trị chữ "…".`,
              `<${name}> has an attribute with an expression: only literal "…" values are allowed.`,
              'Viết giá trị thuộc tính trong dấu nháy kép, không dùng { }.',
              'Write attribute values in double quotes, without { }.',
            ),
          ]
        : [];
    }
    case 'html':
      return [
        problem(
          file,
          at,
          'content.html',
          'Văn bản có mã HTML.',
          'The body has raw HTML.',
          FIX_ESCAPE_VI,
          FIX_ESCAPE_EN,
        ),
      ];
    case 'link':
    case 'definition':
    case 'image': {
      const url = node.url ?? '';
      if (!isSafeUrl(url)) {
        return [
          problem(
            file,
            at,
            'content.unsafe_url',
            `Liên kết "${url.slice(0, 60)}" không an toàn: chỉ cho phép http://, https://, mailto: hoặc đường ` +
              `dẫn trong trang.`,
            `Link "${url.slice(0, 60)}" is unsafe: only http://, https://, mailto: or a path within the ` +
              `site is allowed.`,
            'Xóa liên kết hoặc thay bằng địa chỉ http(s) thật của nguồn.',
            "Remove the link or replace it with the source's real http(s) address.",
          ),
        ];
      }
      if (node.type === 'image' && isExternal(url)) {
        return [
          problem(
            file,
            at,
            'content.external_image',
            EXTERNAL_IMAGE.vi,
            EXTERNAL_IMAGE.en,
            EXTERNAL_IMAGE.fixVi,
            EXTERNAL_IMAGE.fixEn,
          ),
        ];
      }
      if (isProtocolRelative(url)) {
        return [
          problem(
            file,
            at,
            'content.protocol_relative',
            `Liên kết "${url.slice(0, 60)}" thiếu giao thức: trình duyệt sẽ mở nó trên một máy chủ khác.`,
            `Link "${url.slice(0, 60)}" has no scheme: browsers open it on another host.`,
            'Viết đầy đủ địa chỉ, bắt đầu bằng https://, hoặc dùng đường dẫn trong trang bắt đầu bằng một dấu /.',
            'Write the full address starting with https://, or a path within the site starting with a single /.',
          ),
        ];
      }
      return [];
    }
    default:
      if (ALLOWED_NODES.has(node.type)) return [];
      return [
        problem(
          file,
          at,
          'content.unknown_node',
          `Văn bản có thành phần không được phép (${node.type}).`,
          `The body has a construct that is not allowed (${node.type}).`,
          FIX_ESCAPE_VI,
          FIX_ESCAPE_EN,
        ),
      ];
  }
}

/**
 * Whether a body needs the MDX parse at all. Code in MDX starts with "{" or "<" (expressions,
 * JSX, HTML, autolinks) or with "import"/"export" at the start of a line; a link target needs
 * "](" or "]:". A body with none of these can hold no problem this check looks for, so the
 * parse (~3 ms a file with GFM) is skipped; a test checks this against the full parse.
 */
export function needsParse(body: string): boolean {
  return /[{}<>]|\](?:\s*)[(:]|\b(?:mailto|xmpp):/i.test(body) || /^[ \t]*(?:import|export)\b/m.test(body);
}

/** Problems in one body (the file's text with the frontmatter blanked, so lines match the file). */
export function checkBody(file: string, body: string, options: { alwaysParse?: boolean } = {}): Problem[] {
  if (!options.alwaysParse && !needsParse(body)) return [];
  let tree: Node;
  try {
    tree = parser.parse(body);
  } catch (e) {
    const err = e as {
      line?: number;
      place?: { line?: number; start?: { line?: number } };
      reason?: string;
      message: string;
    };
    const at = err.line ?? err.place?.line ?? err.place?.start?.line ?? null;
    const reason = err.reason ?? err.message;
    return [
      problem(
        file,
        at,
        'content.parse',
        `Không đọc được văn bản theo cú pháp MDX (${reason}). Thường do một ký tự { } < > chưa được thoát.`,
        `The body cannot be parsed as MDX (${reason}). Usually an unescaped { } < > character.`,
        FIX_ESCAPE_VI,
        FIX_ESCAPE_EN,
      ),
    ];
  }
  const problems: Problem[] = [];
  const definitions = new Map<string, Positioned>();
  const imageRefs: Positioned[] = [];
  const walk = (node: Node): void => {
    const n = node as Positioned;
    problems.push(...nodeProblems(file, n));
    if (n.type === 'definition' && n.identifier !== undefined && !definitions.has(n.identifier))
      definitions.set(n.identifier, n);
    if (n.type === 'imageReference') imageRefs.push(n);
    const children = (node as Parent).children;
    if (Array.isArray(children)) for (const child of children) walk(child);
  };
  walk(tree);
  // "![a][i]" with "[i]: http://…" is an image from another host too
  for (const ref of imageRefs) {
    const def = ref.identifier === undefined ? undefined : definitions.get(ref.identifier);
    if (def && isExternal(def.url ?? '')) {
      problems.push(
        problem(
          file,
          line(ref),
          'content.external_image',
          EXTERNAL_IMAGE.vi,
          EXTERNAL_IMAGE.en,
          EXTERNAL_IMAGE.fixVi,
          EXTERNAL_IMAGE.fixEn,
        ),
      );
    }
  }
  return problems;
}
