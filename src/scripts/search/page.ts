/**
 * The search page in the browser: reads the state from the URL, runs the archive's search
 * (src/lib/search/engine.ts) on the Pagefind index, and renders results with DOM methods and
 * textContent only (no query or document text is ever parsed as HTML). Every change of query,
 * filter or sort is a new history entry; back/forward restore it.
 */
import { CATALOGUE_FILE, Catalogue, type CatalogueFile } from '../../lib/search/catalogue.ts';
import { SEARCH_FILES } from '../../lib/search/files.ts';
import {
  indexQueries,
  openArchiveIndex,
  searchArchive,
  type ArchiveIndex,
  type MissingNumber,
  type PagefindLike,
  type ResultItem,
  type SearchOutcome,
} from '../../lib/search/engine.ts';
import { NUMBERS_FILE, readNumbers, type NumbersFile } from '../../lib/search/numbers.ts';
import { parseQuery } from '../../lib/search/query.ts';
import { FILTER_KEYS } from '../../lib/search/record.ts';
import {
  filtered,
  PARAM,
  SORT_NAMES,
  SORT_PARAM,
  sameState,
  stateFromParams,
  stateToParams,
  type SearchState,
} from '../../lib/search/url-state.ts';
import { findMeasure } from '../../lib/measures.ts';
import { findProvince, successorLabel } from '../../lib/provinces.ts';
import { formatDate } from '../../lib/site/dates.ts';
import { HIGHLIGHT_PARAM } from '../../lib/site/urls.ts';

/** Directives citing a number asked for, listed at most. */
const CITING_SHOWN = 20;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The sentence the live region says after a search: honest about what was found and how. */
export function statusText(outcome: SearchOutcome, state: SearchState): string {
  const n = outcome.total;
  const narrowed = filtered(state) ? ' (đã lọc)' : '';
  const q = outcome.query.text;
  if (outcome.needsWords) return `“${q}” không có chữ hay số nào để tìm. Hãy gõ từ khóa, số hiệu hoặc tên tỉnh.`;
  if (!q) return filtered(state) ? `Có ${n} văn bản phù hợp bộ lọc.` : `Lưu trữ có ${n} văn bản. Gõ từ khóa để tìm.`;
  const parts: string[] = [];
  if (outcome.missingNumber) parts.push(missingText(outcome.missingNumber.number));
  if (n > 0) parts.push(`Tìm thấy ${outcome.exact ? '' : 'ít nhất '}${n} văn bản cho “${q}”${narrowed}.`);
  else if (!outcome.exact)
    // "not found" only once every candidate is checked; until then, say how far the check went
    parts.push(
      `Chưa thấy văn bản nào khớp đủ “${q}”${narrowed} trong ${outcome.checked} văn bản đã kiểm tra ` +
        `(còn ${outcome.unchecked} văn bản chưa kiểm tra).`,
    );
  else if (!outcome.missingNumber || outcome.query.units.length > 1)
    parts.push(`Không tìm thấy văn bản nào khớp đủ “${q}”${narrowed}.`);
  if (outcome.citing.length) parts.push(`${outcome.citing.length} văn bản dẫn chiếu số này.`);
  if (outcome.partialTotal) parts.push(`${partialHeading(outcome)}, xem bên dưới.`);
  return parts.join(' ');
}

/** "Không có văn bản số 123-CV/TU trong kho", or "Không có Chỉ thị 16 trong kho" for a number typed with its type. */
function missingText(number: string): string {
  return /^\d/.test(number) ? `Không có văn bản số ${number} trong kho.` : `Không có ${number} trong kho.`;
}

function partialHeading(outcome: SearchOutcome): string {
  return `${outcome.partialExact ? '' : 'Ít nhất '}${outcome.partialTotal} văn bản chỉ khớp một phần`;
}

function safeDate(iso: string): string {
  try {
    return formatDate(iso);
  } catch {
    return iso;
  }
}

function renderItem(item: ResultItem, base: string, q: string, kind: 'found' | 'citing' | 'partial'): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `search-result search-result-${kind}`;
  const article = document.createElement('article');
  const h = document.createElement('h3');
  const a = document.createElement('a');
  const url = new URL(base + item.url.replace(/^\/+/, ''), location.origin);
  if (q) url.searchParams.set(HIGHLIGHT_PARAM, q);
  a.href = url.pathname + url.search;
  a.textContent = item.title;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const province = findProvince(item.province);
  const now = item.nowIn && province ? successorLabel(province) : null;
  meta.textContent = [
    item.urgency || null,
    [item.docType, item.number].filter(Boolean).join(' '),
    safeDate(item.date),
    now ? `${item.province} (${now})` : item.province,
    item.issuer,
  ]
    .filter(Boolean)
    .join(' · ');
  article.append(h, meta);
  if (kind !== 'found') {
    const note = document.createElement('p');
    note.className = 'search-result-note';
    note.textContent =
      kind === 'citing'
        ? 'Dẫn chiếu văn bản số này (không phải văn bản mang số này).'
        : `Không có: ${item.missing.join(', ')}`;
    article.append(note);
  }
  if (item.excerpt.length) {
    const p = document.createElement('p');
    p.className = 'search-result-excerpt';
    for (const seg of item.excerpt) {
      if (seg.mark) {
        const m = document.createElement('mark');
        m.textContent = seg.text;
        p.append(m);
      } else p.append(document.createTextNode(seg.text));
    }
    article.append(p);
  }
  li.append(article);
  return li;
}

function readForm(form: HTMLFormElement): SearchState {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.append(k, v);
  return stateFromParams(params);
}

function choices(key: (typeof FILTER_KEYS)[number]): HTMLInputElement[] {
  return [...$<HTMLFieldSetElement>(`f-${PARAM[key]}`).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
}

function writeForm(state: SearchState): void {
  $<HTMLInputElement>('q').value = state.q;
  for (const k of FILTER_KEYS) {
    const want = new Set(state.filters[k] ?? []);
    const boxes = choices(k);
    // a value from a shared link that the list does not hold is kept, so the URL stays as it was
    for (const v of want) {
      if (boxes.some((b) => b.value === v)) continue;
      const label = document.createElement('label');
      label.className = 'search-option';
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: PARAM[k], value: v });
      const name = document.createElement('span');
      name.textContent = k === 'measure' ? (findMeasure(v)?.label ?? v) : v;
      const count = document.createElement('span');
      count.className = 'search-count';
      count.dataset.count = '';
      label.append(box, name, count);
      $<HTMLFieldSetElement>(`f-${PARAM[k]}`).querySelector('.search-options')!.append(label);
      boxes.push(box);
    }
    for (const b of boxes) b.checked = want.has(b.value);
  }
  $<HTMLInputElement>('f-tu').value = state.filters.from ?? '';
  $<HTMLInputElement>('f-den').value = state.filters.to ?? '';
  $<HTMLSelectElement>(`f-${SORT_PARAM}`).value = SORT_NAMES[state.sort] ?? '';
}

function writeCounts(outcome: SearchOutcome): void {
  for (const k of FILTER_KEYS) {
    const counts = outcome.counts[k] ?? {};
    let visible = 0;
    for (const box of choices(k)) {
      const n = counts[box.value] ?? 0;
      const label = box.closest('label')!;
      label.querySelector('[data-count]')!.textContent = ` (${n})`;
      label.hidden = !(n > 0 || box.checked);
      if (!label.hidden) visible++;
    }
    // a list with nothing to choose (no directive carries a measure yet) is not shown
    $<HTMLFieldSetElement>(`f-${PARAM[k]}`).hidden = visible === 0;
  }
}

/** What the nearest numbers offered share with the one asked for, said as such. */
export function nearestHeading(missing: MissingNumber | null): string {
  const scope = missing?.scope;
  if (scope?.kind === 'type') return `Các ${scope.docType.toLowerCase()} có số gần nhất trong kho:`;
  if (scope?.kind === 'serial') return 'Các số gần nhất trong kho:';
  return 'Các số gần nhất của cùng cơ quan trong kho:';
}

const EMPTY_ARCHIVE = 'empty archive';

/** Resolves once what the page changed so far is painted (at once in a hidden tab, which paints nothing). */
function afterPaint(): Promise<void> {
  return new Promise((ok) => {
    if (document.hidden) setTimeout(ok, 0);
    else requestAnimationFrame(() => setTimeout(ok, 0));
  });
}

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('.search-page');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const form = $<HTMLFormElement>('search-form');
  const list = $<HTMLOListElement>('search-results');
  const status = $<HTMLParagraphElement>('search-status');
  const more = $<HTMLButtonElement>('search-more');
  const citingSection = $<HTMLElement>('search-citing-section');
  const partialSection = $<HTMLElement>('search-partial-section');
  const missing = $<HTMLElement>('search-missing');
  let archive: Promise<ArchiveIndex> | null = null;
  let current: SearchOutcome | null = null;
  let currentState: SearchState | null = null;
  let run = 0;

  // The library and the catalogue load side by side; each is fetched once per page.
  const engine = (first: SearchState): Promise<ArchiveIndex> =>
    (archive ??= (async () => {
      const catalogue = fetch(`${base}pagefind/${CATALOGUE_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${CATALOGUE_FILE}: HTTP ${r.status}`);
        return r.json() as Promise<CatalogueFile>;
      });
      catalogue.catch(() => {}); // reported through the await below, not as unhandled
      const pf = await import(/* @vite-ignore */ `${base}pagefind/${SEARCH_FILES.script}`);
      // No worker: one file less to fetch on a cold search, and the searches here are short.
      await pf.options({ baseUrl: '/', excerptLength: 0, noWorker: true });
      await pf.init();
      const file = await catalogue;
      // An empty archive has no Pagefind language index to search: say so plainly instead.
      if (file.documents === 0) throw new Error(EMPTY_ARCHIVE);
      // The index's other shards (src/lib/search/shards.ts), merged in the catalogue's row order:
      // a search with no term then lists the first shard's pages, then the next one's. (Each
      // mergeIndex registers its shard at once, so the preloads below reach every shard.)
      const merged = (file.shards ?? [])
        .filter((s) => s.path !== '')
        .map((s) => pf.mergeIndex(`${base}pagefind/${s.path}`, { baseUrl: '/', excerptLength: 0 }));
      // The first query's index chunks are fetched while the catalogue is joined to the index.
      const read = new Catalogue(file);
      for (const term of indexQueries(parseQuery(first.q), read)) void pf.preload(term).catch(() => {});
      await Promise.all(merged);
      const numbers = async (): Promise<string[]> => {
        const r = await fetch(`${base}pagefind/${NUMBERS_FILE}`);
        if (!r.ok) throw new Error(`${NUMBERS_FILE}: HTTP ${r.status}`);
        return readNumbers((await r.json()) as NumbersFile);
      };
      return openArchiveIndex(pf as PagefindLike, read, numbers);
    })().catch((e: unknown) => {
      archive = null; // a failed load is tried again on the next search
      throw e;
    }));

  const renderGroups = (outcome: SearchOutcome, q: string): void => {
    const citing = $<HTMLOListElement>('search-citing');
    // the count is of all of them; the list shows the first, best ranked (a long list on a phone helps nobody)
    const all = outcome.citing;
    citing.replaceChildren(...all.slice(0, CITING_SHOWN).map((i) => renderItem(i, base, q, 'citing')));
    citingSection.hidden = all.length === 0;
    const number = outcome.query.units.find((u) => u.kind === 'number')?.text ?? '';
    $('citing-heading').textContent =
      `${outcome.exact ? '' : 'Ít nhất '}${all.length} văn bản dẫn chiếu số ${number}` +
      (all.length > CITING_SHOWN ? ` (${CITING_SHOWN} văn bản đầu)` : '');
    const partial = $<HTMLOListElement>('search-partial');
    partial.replaceChildren(...outcome.partial.map((i) => renderItem(i, base, q, 'partial')));
    partialSection.hidden = outcome.partial.length === 0;
    $('partial-heading').textContent = partialHeading(outcome);
    const nearest = $<HTMLUListElement>('search-nearest');
    const near = outcome.missingNumber?.nearest ?? [];
    $('search-nearest-heading').textContent = nearestHeading(outcome.missingNumber);
    nearest.replaceChildren(
      ...near.map((n) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = new URL(base + n.url.replace(/^\/+/, ''), location.origin).pathname;
        a.textContent = `Số ${n.number}`;
        li.append(a, document.createTextNode(` — ${n.title} (${n.province}, ${safeDate(n.date)})`));
        return li;
      }),
    );
    missing.hidden = near.length === 0;
  };

  const show = async (state: SearchState): Promise<void> => {
    const mine = ++run;
    // Marks for the benchmark (scripts/bench-search.ts): search start to results on screen.
    for (const m of ['start', 'ready', 'ranked', 'results']) performance.clearMarks(`search:${m}`);
    performance.mark('search:start');
    writeForm(state);
    root.setAttribute('aria-busy', 'true');
    status.textContent = 'Đang tìm…';
    try {
      const index = await engine(state);
      performance.mark('search:ready');
      const outcome = await searchArchive(index, state);
      performance.mark('search:ranked');
      if (mine !== run) return;
      current = outcome;
      currentState = state;
      const q = outcome.query.text;
      list.replaceChildren(...outcome.items.map((i) => renderItem(i, base, q, 'found')));
      renderGroups(outcome, q);
      more.hidden = !outcome.hasMore();
      // (read once: a province's count can turn exact in the background, see below)
      const counted = outcome.exact;
      status.textContent = counted
        ? statusText(outcome, state)
        : `${statusText(outcome, state)} Đang ${outcome.total ? 'đếm' : 'kiểm tra tiếp'}…`;
      performance.mark('search:results');
      // The filters' counts once the results are painted: a guide for narrowing down, they need
      // not hold the results back (for a query of common words they count the whole archive).
      await afterPaint();
      if (mine !== run) return;
      writeCounts(outcome);
      performance.mark('search:counts');
      // The first page is on screen; the count is made exact by checking the candidates left
      // (when there are not too many), while the region stays busy: one announcement, with the true count.
      if (!counted) {
        const checkedBefore = outcome.checked;
        await outcome.countAll();
        if (mine !== run) return;
        // a first page that had room shows what the count found
        if (outcome.checked > checkedBefore && outcome.items.length < 10 && outcome.total > outcome.items.length) {
          if (outcome.hasMore()) list.append(...(await outcome.loadMore()).map((i) => renderItem(i, base, q, 'found')));
          if (mine !== run) return;
        }
        // (counting may also have taken in the index's answer: a province's first page does not wait for it)
        renderGroups(outcome, q);
        writeCounts(outcome);
        more.hidden = !outcome.hasMore();
        status.textContent = statusText(outcome, state);
      }
      document.title = q ? `${q} — Tìm kiếm văn bản` : 'Tìm kiếm văn bản — Lưu trữ văn bản phòng, chống COVID-19';
    } catch (e) {
      if (mine !== run) return;
      list.replaceChildren();
      citingSection.hidden = partialSection.hidden = missing.hidden = true;
      more.hidden = true;
      status.textContent =
        (e as Error)?.message === EMPTY_ARCHIVE
          ? 'Kho lưu trữ chưa có văn bản nào. Khi văn bản đầu tiên được đăng, bạn có thể tìm ở đây.'
          : 'Không tải được bộ tìm kiếm. Hãy tải lại trang, hoặc xem văn bản theo danh sách tỉnh, thành phố.';
      console.error(e);
    } finally {
      if (mine === run) root.removeAttribute('aria-busy');
    }
  };

  const go = (state: SearchState): void => {
    const current = stateFromParams(new URLSearchParams(location.search));
    if (!sameState(current, state)) {
      const qs = stateToParams(state).toString();
      history.pushState(null, '', qs ? `?${qs}` : location.pathname);
    }
    void show(state);
  };

  // While someone types, the index chunks for what is typed so far are fetched, so pressing
  // Enter mostly waits for the ranking only (it matters on a slow phone connection).
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing); // the search itself fetches what it needs
    go(readForm(form));
  });
  $<HTMLInputElement>('q').addEventListener('input', (e) => {
    clearTimeout(typing);
    const text = (e.target as HTMLInputElement).value;
    typing = setTimeout(() => {
      void engine(readForm(form))
        .then(({ pf, catalogue }) => {
          for (const term of indexQueries(parseQuery(text), catalogue)) void pf.preload?.(term)?.catch(() => {});
        })
        .catch(() => {}); // a failed load is reported by the search itself
    }, 250);
  });
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'select, input[type=checkbox], input[type=month]',
  )) {
    el.addEventListener('change', () => go(readForm(form)));
  }
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go({ ...readForm(form), filters: {}, sort: 'relevance' });
  });
  more.addEventListener('click', async () => {
    if (!current) return;
    const before = list.children.length;
    const items = await current.loadMore();
    list.append(...items.map((i) => renderItem(i, base, current!.query.text, 'found')));
    more.hidden = !current.hasMore();
    // checking more candidates may have found more: the count says so
    if (currentState) status.textContent = statusText(current, currentState);
    // Keyboard users continue from the first new result.
    list.children[before]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => void show(stateFromParams(new URLSearchParams(location.search))));
  const initial = stateFromParams(new URLSearchParams(location.search));
  // On a phone the filters fold away until used: the first results then show without scrolling.
  const panel = $<HTMLDetailsElement>('search-filters-panel');
  const inUse = filtered(initial) || initial.sort !== 'relevance';
  if (panel && !inUse && matchMedia('(max-width: 40rem)').matches) panel.open = false;
  void show(initial);
}
