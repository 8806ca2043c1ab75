/**
 * Incremental build (`experimental.incrementalBuild`, keys in src/lib/site/page-cache-keys.ts):
 * a rebuild that keeps unchanged pages from the build cache ships exactly the site a clean build
 * of the same content ships, never a stale page. A small archive (a generated corpus in its own
 * git repository, as an archivist's checkout) is built clean, then changed the ways archivists
 * change it, each change committed:
 *   1. a new directive citing an existing one (its cited-by, its province's pages and feed, the
 *      neighbours' previous/next, the raw page of a new raw file);
 *   2. that directive's title edited (shown on its neighbours' previous/next, its province's
 *      pages, the cited-by of the directive it cites; and its git history gains a change);
 *   3. another directive deleted with its raw file (its pages must disappear, its neighbours move);
 *   4. a third directive's body edited, frontmatter untouched (read from the file at render time,
 *      out of sight of Astro's module hash).
 * After each change the site is rebuilt with the cache kept and the output folder emptied, as CI
 * and the deploy do, and compared file by file (SHA-256) with a clean build of the same commit.
 * Each rebuild must also have kept most pages, or the comparison would prove nothing. Last, a
 * build that stopped half-way must leave nothing a later build would keep.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/bench/build.ts';
import { writeCorpus } from '../../scripts/bench/write-corpus.ts';
import { buildArchive, type DirectiveRecord } from '../../src/lib/site/archive.ts';
import { loadDirectives } from '../../src/lib/site/load.ts';

const root = resolve(import.meta.dirname, '../..');
const tmp = resolve(root, '.tmp/incremental-build-test');
const content = join(tmp, 'content');
const cache = join(tmp, 'cache');

const { BASE_URL: _b, BASE: _base, SITE: _site, ...inherited } = process.env;
const env: NodeJS.ProcessEnv = {
  ...inherited,
  // commit links on the history part of each page
  REPO_URL: 'https://example.org/archive',
  GIT_AUTHOR_NAME: 'Người lưu trữ',
  GIT_AUTHOR_EMAIL: 'archive@example.org',
  GIT_COMMITTER_NAME: 'Người lưu trữ',
  GIT_COMMITTER_EMAIL: 'archive@example.org',
};

let day = 1;
function commit(message: string): void {
  const date = `2024-05-${String(day++).padStart(2, '0')}T10:00:00Z`;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: content, env: { ...env, GIT_COMMITTER_DATE: date }, encoding: 'utf8' });
  git('add', '-A');
  git('commit', '-qm', message, '--date', date);
}

/** Relative path -> SHA-256 of every file of a built site. */
function digest(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((f) => [f.slice(dir.length + 1), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}

interface Built {
  files: Map<string, string>;
  routes: number;
  kept: number;
}

/** `npm run build` (the one build path) into `out`, emptied first; returns the site and what Astro kept. */
function build(out: string, cacheDir: string): Built {
  rmSync(out, { recursive: true, force: true });
  const r = runBuild({ outDir: out, cacheDir, contentDir: content, env });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const m = /… ([\d,]+) routes written(?:, ([\d,]+) of them kept from the previous build)?/.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  const n = (s: string | undefined) => Number((s ?? '0').replace(/,/g, ''));
  return { files: digest(out), routes: n(m![1]), kept: n(m![2]) };
}

/** Rebuild with the kept cache and a clean build of the same content: they must be the same site. */
function rebuildAndCompare(step: string): Built {
  const warm = build(join(tmp, `warm-${step}`), cache);
  const cleanCache = join(tmp, `clean-cache-${step}`);
  rmSync(cleanCache, { recursive: true, force: true });
  const clean = build(join(tmp, `clean-${step}`), cleanCache);
  expect(clean.kept).toBe(0);
  expect([...warm.files.keys()].sort(), `${step}: the same files`).toEqual([...clean.files.keys()].sort());
  const differing = [...clean.files].filter(([f, h]) => warm.files.get(f) !== h).map(([f]) => f);
  expect(differing, `${step}: files that differ from a clean build`).toEqual([]);
  // Most pages kept (the point of the cache), and not all of them (the change was rendered).
  expect(warm.kept, `${step}: pages kept from the cache`).toBeGreaterThan(warm.routes / 2);
  expect(warm.kept).toBeLessThan(warm.routes);
  console.log(`${step}: ${warm.routes - warm.kept} of ${warm.routes} routes rendered, the others kept`);
  return clean;
}

const page = (dir: string, id: string) => readFileSync(join(tmp, dir, 'van-ban', id, 'index.html'), 'utf8');
const fileOf = (d: DirectiveRecord) => d.filePath!;
const rawOf = (d: DirectiveRecord) => join(content, d.data.source.raw.replace(/^content\//, ''));

let records: DirectiveRecord[] = [];
let target: DirectiveRecord;

beforeAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await writeCorpus(content, 120, 7);
  execFileSync('git', ['init', '-q'], { cwd: content, env });
  commit('Import the generated archive');
  records = loadDirectives(content);
  const archive = buildArchive(records);
  // A directive with both neighbours in its province: its title shows on both.
  target = archive.all.find((d) => archive.previous(d.id) && archive.next(d.id))!;
  expect(target, 'a province with three directives in the corpus').toBeDefined();
}, 600_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('incremental build: a rebuild is the site a clean build ships', () => {
  it('stays byte-identical to a clean build through an addition, a title edit, a deletion and a body edit', {
    timeout: 1_800_000,
  }, () => {
    const first = build(join(tmp, 'first'), cache);
    expect(first.kept).toBe(0);
    const archive = buildArchive(records);

    // 1. A new directive citing `target`, in its province, from a new raw file.
    const source = readFileSync(fileOf(target), 'utf8');
    const newNumber = target.data.number!.replace(/^\d+/, (n) => `9${n}`);
    const newRaw = target.data.source.raw.replace(/\.txt$/, '-bo-sung.txt');
    const newFile = fileOf(target).replace(/\.mdx$/, '-bo-sung.mdx');
    const newId = target.id.replace(/$/, '-bo-sung');
    const rawText = `${target.data.title}\n\nVăn bản bổ sung dẫn chiếu văn bản số ${target.data.number}.\n`;
    writeFileSync(join(content, newRaw.replace(/^content\//, '')), rawText);
    const rawSha = createHash('sha256').update(rawText).digest('hex');
    const reference =
      `references:\n  - number: ${target.data.number}\n` +
      `    docType: ${target.data.docType}\n    date: "${target.data.date}"\n`;
    writeFileSync(
      newFile,
      `${source
        .replace(/^title: .*$/m, 'title: Triển khai văn bản trước')
        .replace(/^number: .*$/m, `number: ${newNumber}`)
        .replace(/^references:\n(?: {2}.*\n)*|^references: \[\]\n/m, reference)
        .replace(/^ {2}raw: .*$/m, `  raw: ${newRaw}`)
        .replace(/^ {2}sha256: .*$/m, `  sha256: ${rawSha}`)
        .replace(/^ {2}encoding: .*$/m, '  encoding: utf-8')
        .trimEnd()}\n\nVăn bản bổ sung dẫn chiếu văn bản số ${target.data.number}.\n`,
    );
    commit('Add a directive citing an earlier one');
    const added = rebuildAndCompare('added');
    expect(added.files.has(`van-ban/${newId}/index.html`)).toBe(true);
    const cited = page('clean-added', target.id);
    expect(cited.slice(cited.indexOf('id="duoc-dan-chieu"'))).toContain(`/van-ban/${newId}/`);

    // 2. The new directive's title edited: its neighbours, its province, the cited-by of `target`.
    writeFileSync(
      newFile,
      readFileSync(newFile, 'utf8').replace(/^title: .*$/m, 'title: Triển khai, sửa tiêu đề văn bản'),
    );
    commit('Correct a title');
    rebuildAndCompare('retitled');
    expect(page('clean-retitled', target.id)).toContain('Triển khai, sửa tiêu đề văn bản');

    // 3. Another directive deleted with its raw file: one with a neighbour, so the neighbour moves.
    const gone = archive.all.find(
      (d) => d.id !== target.id && d.data.province !== target.data.province && archive.next(d.id),
    )!;
    const neighbour = archive.next(gone.id)!;
    rmSync(fileOf(gone));
    rmSync(rawOf(gone));
    commit('Remove a directive entered twice');
    const deleted = rebuildAndCompare('deleted');
    expect(deleted.files.has(`van-ban/${gone.id}/index.html`)).toBe(false);
    expect(page('clean-deleted', neighbour.id)).not.toContain(`/van-ban/${gone.id}/`);

    // 4. A body edited, frontmatter untouched.
    const edited = archive.all.find((d) => ![target.id, gone.id, neighbour.id].includes(d.id))!;
    const sentence = 'Câu này được thêm khi sửa nội dung văn bản.';
    writeFileSync(fileOf(edited), `${readFileSync(fileOf(edited), 'utf8').trimEnd()}\n\n${sentence}\n`);
    commit('Complete a body from the original');
    const bodyEdited = rebuildAndCompare('body');
    expect(page('clean-body', edited.id)).toContain(sentence);

    // 5. Nothing changed: every page with a key is kept, and the site is still the same.
    const again = build(join(tmp, 'again'), cache);
    expect([...again.files].sort()).toEqual([...bodyEdited.files].sort());
    expect(again.kept).toBeGreaterThan(again.routes * 0.9);

    // 6. After a build that stopped half-way (its marker left, a kept page already overwritten
    //    for other content), nothing is kept (src/integrations/incremental-guard.ts).
    writeFileSync(join(cache, 'incremental-build.unfinished'), 'killed\n');
    writeFileSync(join(cache, 'dist/van-ban', edited.id, 'index.html'), '<p>rendered for a later key</p>');
    const afterStop = build(join(tmp, 'after-stop'), cache);
    expect(afterStop.kept).toBe(0);
    expect([...afterStop.files].sort()).toEqual([...bodyEdited.files].sort());
  });
});
