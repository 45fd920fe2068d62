import { ACCENT, STATUS_COLORS, TYPE_COLORS } from './theme.js';
import { LABEL_FONT, type GraphLayout, type LaidNode } from './graph-layout.js';
import { CanvasControls } from './canvas-controls.js';

/** What the canvas draws for a node besides its box: its type colour and run status. */
export interface NodeStyle {
  type: string;
  /** ok, warn, error or skip; none when the node has not run. */
  status?: string;
}

/**
 * The table-lineage DAG on a canvas: one draw call per frame for all visible edges, boxes culled to
 * the viewport, labels only where they are legible. Pan by dragging, zoom with the wheel, click a
 * box to open its node.
 */
export class GraphCanvas {
  readonly canvas: HTMLCanvasElement;
  private layout: GraphLayout = { nodes: [], edges: [], engine: 'dagre', ms: 0 };
  private byId = new Map<string, LaidNode>();
  private focus?: string;
  private hover?: string;
  private frame = 0;
  /** Milliseconds the last frame took to draw. */
  lastDrawMs = 0;
  readonly controls: CanvasControls;

  constructor(container: HTMLElement, private readonly style: (id: string) => NodeStyle, onOpen: (id: string) => void) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-canvas';
    container.appendChild(this.canvas);
    this.controls = new CanvasControls(this.canvas, () => this.requestDraw(), {
      hit: (x, y) => this.nodeAt(x, y),
      open: onOpen,
      hover: (id) => {
        if (id === this.hover) return;
        this.hover = id;
        this.canvas.title = id ? this.byId.get(id)!.label : '';
        this.requestDraw();
      },
    });
    new ResizeObserver(() => this.requestDraw()).observe(container);
  }

  /** Shows a new layout, fitted to the view; `focus` is outlined. */
  show(layout: GraphLayout, focus?: string): void {
    this.layout = layout;
    this.byId = new Map(layout.nodes.map((node) => [node.id, node]));
    this.focus = focus;
    this.hover = undefined;
    this.fit();
    // Drawn now rather than on the next frame, so the caller can report the draw time.
    this.draw();
  }

  /** Zooms and pans so the whole layout fits (never above 1:1, so a small graph is not blown up). */
  fit(): void {
    const { width, height } = this.canvas.getBoundingClientRect();
    if (this.layout.nodes.length === 0 || width === 0) return this.requestDraw();
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const n of this.layout.nodes) {
      [minX, maxX, minY, maxY] = [Math.min(minX, n.x), Math.max(maxX, n.x + n.w), Math.min(minY, n.y), Math.max(maxY, n.y + n.h)];
    }
    const scale = Math.min(1, (width - 40) / (maxX - minX || 1), (height - 40) / (maxY - minY || 1));
    this.controls.set(scale, (width - (maxX - minX) * scale) / 2 - minX * scale, (height - (maxY - minY) * scale) / 2 - minY * scale);
  }

  /** The node under a point of the canvas (CSS pixels from its top-left corner). */
  nodeAt(x: number, y: number): string | undefined {
    const [wx, wy] = this.controls.toWorld(x, y);
    // Last drawn is on top.
    for (let i = this.layout.nodes.length - 1; i >= 0; i--) {
      const n = this.layout.nodes[i];
      if (wx >= n.x && wx <= n.x + n.w && wy >= n.y && wy <= n.y + n.h) return n.id;
    }
    return undefined;
  }

  /** Where a node's centre is on the canvas (CSS pixels), for automation and tests. */
  centreOf(id: string): { x: number; y: number } | undefined {
    const node = this.byId.get(id);
    if (!node) return undefined;
    const { scale, tx, ty } = this.controls;
    return { x: (node.x + node.w / 2) * scale + tx, y: (node.y + node.h / 2) * scale + ty };
  }

  /** Ids of the nodes drawn in the current layout. */
  nodeIds(): string[] {
    return this.layout.nodes.map((node) => node.id);
  }

  /** Draws on the next animation frame (several requests in one frame draw once). */
  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now. */
  draw(): void {
    const started = performance.now();
    const context = this.prepare();
    if (!context) return;
    const view = this.controls.visibleWorld(this.canvas.clientWidth, this.canvas.clientHeight);
    const visible = this.layout.nodes.filter((n) => n.x + n.w >= view.left && n.x <= view.right && n.y + n.h >= view.top && n.y <= view.bottom);
    this.drawEdges(context, view);
    const detailed = this.controls.scale >= 0.45 && visible.length <= 4000;
    for (const node of visible) this.drawNode(context, node, detailed);
    this.lastDrawMs = performance.now() - started;
    this.canvas.dataset.drawMs = this.lastDrawMs.toFixed(1);
  }

  private prepare(): CanvasRenderingContext2D | undefined {
    const ratio = window.devicePixelRatio || 1;
    const { clientWidth: width, clientHeight: height } = this.canvas;
    if (width === 0 || height === 0) return undefined;
    if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
    if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
    const context = this.canvas.getContext('2d')!;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const { scale, tx, ty } = this.controls;
    context.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * tx, ratio * ty);
    return context;
  }

  private drawEdges(context: CanvasRenderingContext2D, view: { left: number; right: number; top: number; bottom: number }): void {
    const lit = this.focus ?? this.hover;
    const plain = new Path2D();
    const highlighted = new Path2D();
    for (const edge of this.layout.edges) {
      const from = this.byId.get(edge.from);
      const to = this.byId.get(edge.to);
      if (!from || !to) continue;
      const [x1, y1, x2, y2] = [from.x + from.w, from.y + from.h / 2, to.x, to.y + to.h / 2];
      if (Math.max(x1, x2) < view.left || Math.min(x1, x2) > view.right || Math.max(y1, y2) < view.top || Math.min(y1, y2) > view.bottom) continue;
      const path = lit && (edge.from === lit || edge.to === lit || edge.from === this.hover || edge.to === this.hover) ? highlighted : plain;
      const bend = Math.max(24, (x2 - x1) / 2);
      path.moveTo(x1, y1);
      path.bezierCurveTo(x1 + bend, y1, x2 - bend, y2, x2, y2);
    }
    context.lineWidth = 1.2 / Math.max(this.controls.scale, 0.3);
    context.strokeStyle = '#94a3b8';
    context.stroke(plain);
    context.strokeStyle = ACCENT;
    context.lineWidth = 2 / Math.max(this.controls.scale, 0.3);
    context.stroke(highlighted);
  }

  private drawNode(context: CanvasRenderingContext2D, node: LaidNode, detailed: boolean): void {
    const { type, status } = this.style(node.id);
    const colour = TYPE_COLORS[type] ?? '#475569';
    if (!detailed) {
      context.fillStyle = node.id === this.focus ? ACCENT : colour;
      context.fillRect(node.x, node.y, node.w, node.h);
      return;
    }
    context.beginPath();
    context.roundRect(node.x, node.y, node.w, node.h, 6);
    context.fillStyle = node.id === this.hover ? '#f1f5f9' : '#ffffff';
    context.fill();
    context.lineWidth = node.id === this.focus ? 3 : 1;
    context.strokeStyle = node.id === this.focus ? ACCENT : '#cbd5e1';
    context.stroke();
    context.fillStyle = colour;
    context.beginPath();
    context.roundRect(node.x, node.y, 6, node.h, [6, 0, 0, 6]);
    context.fill();
    context.fillStyle = '#0f172a';
    context.font = LABEL_FONT;
    context.textBaseline = 'middle';
    context.fillText(fitText(context, node.label, node.w - 30), node.x + 13, node.y + node.h / 2);
    if (status) {
      context.fillStyle = STATUS_COLORS[status] ?? '#94a3b8';
      context.beginPath();
      context.arc(node.x + node.w - 11, node.y + node.h / 2, 4, 0, Math.PI * 2);
      context.fill();
    }
  }
}

const fitted = new Map<string, string>();

/** The label, cut with an ellipsis to fit `width` (cached: measuring text is the slow part of a frame). */
function fitText(context: CanvasRenderingContext2D, label: string, width: number): string {
  const key = `${width}|${label}`;
  let text = fitted.get(key);
  if (text === undefined) {
    text = label;
    while (text.length > 1 && context.measureText(text).width > width) text = text.slice(0, -2) + '…';
    fitted.set(key, text);
  }
  return text;
}
