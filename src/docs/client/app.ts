import type { Graph } from '../../graph/types.js';
import type { SiteData } from '../site/site-data.js';
import { DocsIndex } from './docs-index.js';
import { clear, h } from './dom.js';
import { graphPage } from './graph-page.js';
import { createDagPanel, type DagPanel } from './graph-view.js';
import { nodePage } from './node-page.js';
import { overviewPage } from './overview-page.js';
import { graphHref, nodeHref, parseRoute, searchHref } from './router.js';
import { searchPage } from './search-page.js';
import { search } from './search.js';
import { buildSelectionGraph } from './selection.js';
import { markActive, sidebar } from './sidebar.js';

/** The page: top bar with search, the project tree, and the view the URL's hash names. */
export class DocsApp {
  readonly index: DocsIndex;
  private graph?: Graph;
  private readonly main: HTMLElement;
  private readonly tree: HTMLElement;
  private readonly searchBox: HTMLInputElement;
  /** The DAG of the current view (overview, graph page or node page), for automation and tests. */
  dag?: DagPanel;

  constructor(data: SiteData, root: HTMLElement) {
    this.index = new DocsIndex(data);
    this.searchBox = h('input', { type: 'search', class: 'search', placeholder: 'Search models, sources, columns, tests…', 'aria-label': 'Search', autocomplete: 'off' });
    this.searchBox.addEventListener('input', debounce(() => this.onSearch(), 120));
    this.searchBox.addEventListener('keydown', (event) => this.onSearchKey(event));
    this.main = h('main', { class: 'main', id: 'main' });
    this.tree = sidebar(this.index);
    clear(root);
    root.append(
      h('header', { class: 'topbar' },
        h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo' }, '◆'), ' ', data.project.name || 'sparkify', h('span', { class: 'brand-sub' }, ' docs')),
        this.searchBox,
        h('nav', { class: 'top-links' }, h('a', { href: '#/' }, 'Overview'), h('a', { href: graphHref('') }, 'Lineage graph'))),
      h('div', { class: 'layout' }, h('aside', { class: 'sidebar' }, this.tree), this.main));
    window.addEventListener('hashchange', () => this.render());
    this.render();
  }

  /** Opens a node's page. */
  open(id: string): void {
    location.hash = nodeHref(id);
  }

  /** Draws the view of the current hash. */
  render(): void {
    const route = parseRoute(location.hash);
    const open = (id: string) => this.open(id);
    clear(this.main);
    this.dag = undefined;
    markActive(this.tree, route.id);
    if (route.page === 'node' && route.id && this.index.node(route.id)) {
      const direction = route.params.get('direction') === 'downstream' ? 'downstream' : 'upstream';
      const page = nodePage(this.index, this.index.node(route.id)!, { column: route.params.get('column') ?? undefined, direction, open });
      this.main.appendChild(page);
      this.dag = undefined;
      page.querySelector('#column-lineage')?.scrollIntoView({ block: 'start' });
    } else if (route.page === 'search') {
      this.main.appendChild(searchPage(this.index, route.params.get('q') ?? ''));
    } else if (route.page === 'graph') {
      this.graph ??= buildSelectionGraph(this.index);
      this.dag = createDagPanel(this.index, open, 'full');
      this.main.appendChild(graphPage(this.index, this.graph, this.dag, route.params.get('select') ?? '', route.params.get('tests') === '1'));
    } else {
      this.dag = createDagPanel(this.index, open, 'overview-dag');
      this.main.appendChild(overviewPage(this.index, this.dag));
    }
    if (route.page !== 'node') window.scrollTo(0, 0);
  }

  private onSearch(): void {
    const query = this.searchBox.value.trim();
    if (query) history.replaceState(null, '', searchHref(query));
    this.render();
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    const first = search(this.index, this.searchBox.value.trim(), 1)[0];
    if (first) this.open(first.node.id);
  }
}

function debounce(run: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
}
