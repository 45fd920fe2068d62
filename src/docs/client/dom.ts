/** A tiny element builder: every text goes in through textContent, never as HTML. */

/** Attributes and handlers of `h()`: `class`, `data-*`, `on<event>` and plain attributes. */
export type Props = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/** A child of `h()`: nodes, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Creates an element with attributes, handlers and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children (flattening arrays, skipping empty ones). */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An element holding HTML that was sanitised when the site was generated (rendered markdown). */
export function trustedHtml(className: string, html: string): HTMLDivElement {
  const element = h('div', { class: className });
  element.innerHTML = html;
  return element;
}

/** Removes every child of an element. */
export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
