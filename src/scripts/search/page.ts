/**
 * The search page in the browser: reads the state from the URL, runs the archive's search
 * (src/lib/search/engine.ts) on the Pagefind index, and renders results with DOM methods and
 * textContent only (no query or document text is ever parsed as HTML). Every change of query,
 * filter or sort is a new history entry; back/forward restore it.
 */
import { CATALOGUE_FILE, type CatalogueFile } from '../../lib/search/catalogue.ts';
import { SEARCH_FILES } from '../../lib/search/files.ts';
import { indexQueries, openArchiveIndex, searchArchive, type ArchiveIndex, type PagefindLike, type ResultItem, type SearchOutcome } from '../../lib/search/engine.ts';
import { parseQuery } from '../../lib/search/query.ts';
import { FILTER_KEYS } from '../../lib/search/record.ts';
import { PARAM, SORT_NAMES, SORT_PARAM, sameState, stateFromParams, stateToParams, type SearchState } from '../../lib/search/url-state.ts';
import { formatDate } from '../../lib/site/dates.ts';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function statusText(outcome: SearchOutcome, state: SearchState): string {
  const n = outcome.total;
  const filtered = FILTER_KEYS.some((k) => state.filters[k]);
  if (!outcome.query.text) {
    return filtered ? `Có ${n} văn bản phù hợp bộ lọc.` : `Lưu trữ có ${n} văn bản. Gõ từ khóa để tìm.`;
  }
  if (n === 0) return `Không tìm thấy văn bản nào cho “${outcome.query.text}”.`;
  return `Tìm thấy ${outcome.approximate ? 'khoảng ' : ''}${n} văn bản cho “${outcome.query.text}”${filtered ? ' (đã lọc)' : ''}.`;
}

function safeDate(iso: string): string {
  try {
    return formatDate(iso);
  } catch {
    return iso;
  }
}

function renderItem(item: ResultItem, base: string, q: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const article = document.createElement('article');
  const h = document.createElement('h3');
  const a = document.createElement('a');
  const url = new URL(base + item.url.replace(/^\/+/, ''), location.origin);
  if (q) url.searchParams.set('highlight', q);
  a.href = url.pathname + url.search;
  a.textContent = item.title;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  meta.textContent = [
    [item.docType, item.number].filter(Boolean).join(' '),
    safeDate(item.date),
    item.province,
    item.issuer,
  ]
    .filter(Boolean)
    .join(' · ');
  article.append(h, meta);
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
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.set(k, v);
  return stateFromParams(params);
}

function writeForm(state: SearchState): void {
  $<HTMLInputElement>('q').value = state.q;
  for (const k of FILTER_KEYS) {
    const sel = $<HTMLSelectElement>(`f-${PARAM[k]}`);
    const v = state.filters[k] ?? '';
    if (v && ![...sel.options].some((o) => o.value === v)) sel.add(new Option(v, v));
    sel.value = v;
  }
  $<HTMLSelectElement>(`f-${SORT_PARAM}`).value = SORT_NAMES[state.sort] ?? '';
}

function writeCounts(outcome: SearchOutcome, state: SearchState): void {
  for (const k of FILTER_KEYS) {
    const counts = outcome.counts[k] ?? {};
    const sel = $<HTMLSelectElement>(`f-${PARAM[k]}`);
    for (const o of [...sel.options]) {
      if (!o.value) continue;
      const n = counts[o.value] ?? 0;
      o.textContent = `${o.value} (${n})`;
      const keep = n > 0 || state.filters[k] === o.value;
      o.hidden = !keep;
      o.disabled = !keep;
    }
  }
}

const EMPTY_ARCHIVE = 'empty archive';

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('.search-page');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const form = $<HTMLFormElement>('search-form');
  const list = $<HTMLOListElement>('search-results');
  const status = $<HTMLParagraphElement>('search-status');
  const more = $<HTMLButtonElement>('search-more');
  let archive: Promise<ArchiveIndex> | null = null;
  let current: SearchOutcome | null = null;
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
      // The first query's index chunks are fetched while the catalogue is joined to the index.
      const { words, number } = indexQueries(parseQuery(first.q), new Set(file.common));
      for (const term of [words, number]) if (term) void pf.preload(term).catch(() => {});
      return openArchiveIndex(pf as PagefindLike, file);
    })().catch((e: unknown) => {
      archive = null; // a failed load is tried again on the next search
      throw e;
    }));

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
      list.replaceChildren(...outcome.items.map((i) => renderItem(i, base, outcome.query.text)));
      writeCounts(outcome, state);
      more.hidden = !outcome.hasMore();
      status.textContent = statusText(outcome, state);
      performance.mark('search:results');
      document.title = outcome.query.text
        ? `${outcome.query.text} — Tìm kiếm văn bản`
        : 'Tìm kiếm văn bản — Lưu trữ văn bản phòng, chống COVID-19';
    } catch (e) {
      if (mine !== run) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = (e as Error)?.message === EMPTY_ARCHIVE
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
          const { words, number } = indexQueries(parseQuery(text), catalogue.common);
          for (const term of [words, number]) if (term) void pf.preload?.(term)?.catch(() => {});
        })
        .catch(() => {}); // a failed load is reported by the search itself
    }, 250);
  });
  for (const sel of form.querySelectorAll('select')) sel.addEventListener('change', () => go(readForm(form)));
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go({ ...readForm(form), filters: {}, sort: 'relevance' });
  });
  more.addEventListener('click', async () => {
    if (!current) return;
    const before = list.children.length;
    const items = await current.loadMore();
    list.append(...items.map((i) => renderItem(i, base, current!.query.text)));
    more.hidden = !current.hasMore();
    // Keyboard users continue from the first new result.
    list.children[before]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => void show(stateFromParams(new URLSearchParams(location.search))));
  const initial = stateFromParams(new URLSearchParams(location.search));
  // On a phone the filters fold away until used: the first results then show without scrolling.
  const panel = $<HTMLDetailsElement>('search-filters-panel');
  const inUse = FILTER_KEYS.some((k) => initial.filters[k]) || initial.sort !== 'relevance';
  if (panel && !inUse && matchMedia('(max-width: 40rem)').matches) panel.open = false;
  void show(initial);
}
