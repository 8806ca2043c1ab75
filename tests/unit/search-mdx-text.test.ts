/**
 * The search index reads body text through a fast line reader when the body is plain
 * paragraphs and bullets (src/lib/search/mdx-text.ts). It must give exactly the text of the full
 * remark-mdx parse, or step aside (null) so the parse is used.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mdxBodyText, parsedBodyText, plainBodyText } from '../../src/lib/search/mdx-text.ts';
import { writeCorpus } from '../../scripts/bench/write-corpus.ts';

const root = resolve(import.meta.dirname, '../..');
const FM = '---\ntitle: T\n---\n';

// Pieces chosen to hit Markdown's edges: markers, escapes, emphasis, JSX/expression characters,
// entities, setext/thematic lines, trailing spaces, Vietnamese words and odd whitespace.
const piece = fc.constantFrom(
  'Ban',
  'Thường',
  'vụ',
  'đ',
  'Đà Nẵng',
  'COVID-19',
  '16/CT-TTg',
  'V/v',
  '1.1.',
  '2021.',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '-',
  '- ',
  '+ ',
  '* ',
  '1. ',
  '1) ',
  '1\\. ',
  '2\\) ',
  'a)',
  '\\',
  '\\-',
  '\\*',
  '\\_',
  '\\{',
  '\\<',
  '\\\\',
  '*',
  '**',
  '_',
  '`',
  '<',
  '>',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '&amp;',
  '&',
  '#',
  '# ',
  '=',
  '===',
  '---',
  '|',
  '~',
  '!',
  ':',
  '"',
  '“',
  '”',
  '…',
);
const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
const body = fc
  .array(fc.oneof({ weight: 3, arbitrary: line }, { weight: 1, arbitrary: fc.constant('') }), { maxLength: 10 })
  .map((ls) => ls.join('\n'));

describe('search body text: fast reader = full parse', () => {
  it('agrees with the parse on generated bodies, or steps aside', () => {
    let used = 0;
    fc.assert(
      fc.property(body, (b) => {
        const src = `${FM}\n${b}\n`;
        let parsed: string;
        try {
          parsed = parsedBodyText(src);
        } catch {
          // not valid MDX (e.g. a lone "{"): the fast reader must not accept it either
          expect(plainBodyText(src)).toBeNull();
          return;
        }
        const fast = plainBodyText(src);
        if (fast !== null) {
          used++;
          expect(fast).toBe(parsed);
        }
      }),
      { numRuns: 3000 },
    );
    // the property is only worth something if the fast reader actually takes many bodies
    expect(used).toBeGreaterThan(300);
  }, 60_000);

  it('reads the seed directives exactly as the parse does', () => {
    const dir = join(root, 'content/directives');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(mdxBodyText(src), f).toBe(parsedBodyText(src));
    }
  });

  it('takes most synthetic archive bodies and reads them exactly as the parse does', async () => {
    const dir = join(root, '.tmp/unit-mdx-text-corpus');
    await writeCorpus(dir, 150, 7);
    const files = (readdirSync(join(dir, 'directives'), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.mdx'),
    );
    let fast = 0;
    for (const f of files) {
      const src = readFileSync(join(dir, 'directives', f), 'utf8');
      const plain = plainBodyText(src);
      if (plain !== null) {
        fast++;
        expect(plain, f).toBe(parsedBodyText(src));
      }
    }
    expect(fast).toBeGreaterThan(files.length / 2);
  }, 60_000);

  it('keeps escapes, bullets and paragraphs as the reader sees them', () => {
    const src = `${FM}\n1\\. Ban Thường vụ\ntiếp tục\n\n- Một\n+ Hai\nba\n`;
    expect(plainBodyText(src)).toBe('1. Ban Thường vụ tiếp tục\nMột\nHai ba');
  });
});
