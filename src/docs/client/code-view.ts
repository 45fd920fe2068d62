import { h } from './dom.js';

/** Code in tabs (template / compiled), each with a copy button; empty tabs are left out. */
export function codeView(tabs: { label: string; code?: string }[]): HTMLElement | null {
  const present = tabs.filter((tab) => tab.code && tab.code.trim() !== '');
  if (present.length === 0) return null;
  const pre = h('pre', { class: 'code' }, h('code', {}, present[0].code!));
  const buttons = present.map((tab, i) => h('button', {
    type: 'button', class: `tab${i === 0 ? ' active' : ''}`,
    onclick: (event: Event) => {
      buttons.forEach((button) => button.classList.remove('active'));
      (event.currentTarget as HTMLElement).classList.add('active');
      pre.firstElementChild!.textContent = tab.code!;
    },
  }, tab.label));
  const copy = h('button', { type: 'button', class: 'copy', onclick: () => void navigator.clipboard?.writeText(pre.textContent ?? '') }, 'Copy');
  return h('section', { class: 'card code-card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Code'), h('div', { class: 'tabs' }, buttons, copy)), pre);
}
