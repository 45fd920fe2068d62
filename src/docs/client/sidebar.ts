import type { SiteNode } from '../site/site-data.js';
import type { DocsIndex } from './docs-index.js';
import { h } from './dom.js';
import { nodeHref } from './router.js';

/** A folder of the tree: sub-folders and the resources directly in it. */
interface Folder {
  folders: Map<string, Folder>;
  leaves: SiteNode[];
}

const SECTIONS: { type: string; title: string; open: boolean; group: (node: SiteNode) => string[] }[] = [
  { type: 'source', title: 'Sources', open: true, group: (node) => [node.sourceName ?? ''] },
  { type: 'model', title: 'Models', open: true, group: (node) => folderOf(node) },
  { type: 'seed', title: 'Seeds', open: true, group: () => [] },
  { type: 'snapshot', title: 'Snapshots', open: true, group: () => [] },
  { type: 'test', title: 'Data tests', open: false, group: () => [] },
  { type: 'unit_test', title: 'Unit tests', open: false, group: () => [] },
  { type: 'macro', title: 'Macros', open: false, group: (node) => folderOf(node) },
];

/** The project tree: one section per resource type, folders inside, built lazily as they open. */
export function sidebar(index: DocsIndex): HTMLElement {
  const nav = h('nav', { class: 'tree', 'aria-label': 'Project' });
  for (const section of SECTIONS) {
    const nodes = index.data.nodes.filter((node) => node.type === section.type);
    if (nodes.length === 0) continue;
    const root: Folder = { folders: new Map(), leaves: [] };
    for (const node of nodes) place(root, section.group(node).filter(Boolean), node);
    // A small project shows every entry; a large one opens folders on demand.
    nav.appendChild(folderElement(`${section.title} (${nodes.length})`, root, section.open, nodes.length <= 60, 'section'));
  }
  return nav;
}

/** Highlights the entry of the open node and unfolds the folders above it. */
export function markActive(nav: HTMLElement, id: string | undefined): void {
  nav.querySelectorAll('a.active').forEach((link) => link.classList.remove('active'));
  if (!id) return;
  const link = nav.querySelector<HTMLAnchorElement>(`a[data-id="${CSS.escape(id)}"]`);
  if (!link) return;
  link.classList.add('active');
  for (let at = link.parentElement; at && at !== nav; at = at.parentElement) if (at instanceof HTMLDetailsElement) at.open = true;
}

function place(root: Folder, path: string[], node: SiteNode): void {
  let folder = root;
  for (const name of path) {
    if (!folder.folders.has(name)) folder.folders.set(name, { folders: new Map(), leaves: [] });
    folder = folder.folders.get(name)!;
  }
  folder.leaves.push(node);
}

/** A <details> whose contents are created the first time it opens (10,000 models stay cheap). */
function folderElement(title: string, folder: Folder, open: boolean, openFolders: boolean, className = 'folder'): HTMLDetailsElement {
  const details = h('details', { class: className }, h('summary', {}, title));
  const fill = () => {
    if (details.dataset.filled) return;
    details.dataset.filled = '1';
    const list = h('ul', {});
    for (const [name, child] of [...folder.folders].sort(([a], [b]) => a.localeCompare(b))) list.appendChild(h('li', {}, folderElement(name, child, openFolders, openFolders)));
    for (const node of [...folder.leaves].sort((a, b) => a.name.localeCompare(b.name))) {
      list.appendChild(h('li', {}, h('a', { href: nodeHref(node.id), 'data-id': node.id, title: node.label }, node.type === 'source' ? node.name : node.label)));
    }
    details.appendChild(list);
  };
  details.addEventListener('toggle', () => details.open && fill());
  if (open) {
    details.open = true;
    fill();
  }
  return details;
}

/** `models/facts/songplays.sql` → `['facts']`: the folders below the resource's top folder. */
function folderOf(node: SiteNode): string[] {
  return node.path.split('/').slice(1, -1);
}
