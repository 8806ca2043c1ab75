/**
 * On every page: the "/" key focuses the search box (the page's own on /tim-kiem/, else the
 * header's), using the header's box prefetches the search files, and after a click on a search
 * result (?highlight=…) the query's words are marked in the directive's text.
 */
import { SEARCH_FILES } from '../../lib/search/files.ts';
import { HIGHLIGHT_PARAM } from '../../lib/site/urls.ts';

function typingIn(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

async function markWords(root: HTMLElement, q: string): Promise<void> {
  // Loaded only after a click from the results, so other pages carry just the "/" key handler.
  const [{ parseQuery }, { highlight }] = await Promise.all([
    import('../../lib/search/query.ts'),
    import('../../lib/search/excerpt.ts'),
  ]);
  const query = parseQuery(q);
  if (!query.terms.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest('[data-pagefind-ignore], script, style, mark')) nodes.push(n as Text);
  }
  let first: HTMLElement | null = null;
  for (const node of nodes) {
    const segs = highlight(node.data, query);
    if (!segs.some((s) => s.mark)) continue;
    const frag = document.createDocumentFragment();
    for (const s of segs) {
      if (!s.mark) frag.append(document.createTextNode(s.text));
      else {
        const m = document.createElement('mark');
        m.className = 'search-hit';
        m.textContent = s.text;
        frag.append(m);
        first ??= m;
      }
    }
    node.replaceWith(frag);
  }
  first?.scrollIntoView({ block: 'center' });
}

/**
 * Once someone starts to use the header's box (elsewhere than the search page), the files every
 * first search needs are fetched at low priority, so the search page that follows finds them
 * in the cache: about 150 KB less to wait for on a phone.
 */
function prefetchSearchFiles(box: HTMLInputElement): void {
  const form = box.form;
  if (!form || document.getElementById('q')) return;
  const dir = new URL('../pagefind/', form.action);
  for (const file of Object.values(SEARCH_FILES)) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.crossOrigin = 'anonymous'; // as the search page requests them (module, fetch)
    link.href = new URL(file, dir).href;
    document.head.append(link);
  }
}

export function startHeaderSearch(): void {
  const header = document.getElementById('header-q');
  if (header instanceof HTMLInputElement) {
    header.addEventListener('focus', () => prefetchSearchFiles(header), { once: true });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
    const box = document.getElementById('q') ?? document.getElementById('header-q');
    if (!(box instanceof HTMLInputElement)) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
  const q = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  const body = document.querySelector<HTMLElement>('[data-pagefind-body]');
  if (q && body) void markWords(body, q.slice(0, 200));
}
