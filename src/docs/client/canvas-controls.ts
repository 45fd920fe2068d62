/** What the controls ask of the canvas. */
export interface ControlHooks {
  hit(x: number, y: number): string | undefined;
  open(id: string): void;
  hover(id: string | undefined): void;
}

/** Pan (drag), zoom (wheel, at the pointer) and click for a canvas; holds the view transform. */
export class CanvasControls {
  scale = 1;
  tx = 0;
  ty = 0;
  private drag?: { x: number; y: number; tx: number; ty: number; moved: boolean };

  constructor(private readonly canvas: HTMLCanvasElement, private readonly changed: () => void, private readonly hooks: ControlHooks) {
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    canvas.addEventListener('pointerup', (event) => this.up(event));
    canvas.addEventListener('pointerleave', () => hooks.hover(undefined));
    canvas.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
  }

  /** Sets the transform: world point p shows at p * scale + (tx, ty). */
  set(scale: number, tx: number, ty: number): void {
    [this.scale, this.tx, this.ty] = [scale, tx, ty];
    this.changed();
  }

  /** Zooms by `factor` keeping the canvas point (x, y) still. */
  zoom(factor: number, x = this.canvas.clientWidth / 2, y = this.canvas.clientHeight / 2): void {
    const scale = Math.min(4, Math.max(0.01, this.scale * factor));
    const applied = scale / this.scale;
    this.set(scale, x - (x - this.tx) * applied, y - (y - this.ty) * applied);
  }

  /** A canvas point in world coordinates. */
  toWorld(x: number, y: number): [number, number] {
    return [(x - this.tx) / this.scale, (y - this.ty) / this.scale];
  }

  /** The world rectangle the canvas shows. */
  visibleWorld(width: number, height: number): { left: number; right: number; top: number; bottom: number } {
    const [left, top] = this.toWorld(0, 0);
    const [right, bottom] = this.toWorld(width, height);
    return { left, right, top, bottom };
  }

  private down(event: PointerEvent): void {
    this.drag = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty, moved: false };
    this.canvas.setPointerCapture(event.pointerId);
  }

  private move(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) {
      const rect = this.canvas.getBoundingClientRect();
      const id = this.hooks.hit(event.clientX - rect.left, event.clientY - rect.top);
      this.canvas.style.cursor = id ? 'pointer' : 'grab';
      return this.hooks.hover(id);
    }
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) this.set(this.scale, drag.tx + dx, drag.ty + dy);
  }

  private up(event: PointerEvent): void {
    const drag = this.drag;
    this.drag = undefined;
    if (!drag || drag.moved) return;
    const rect = this.canvas.getBoundingClientRect();
    const id = this.hooks.hit(event.clientX - rect.left, event.clientY - rect.top);
    if (id) this.hooks.open(id);
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    this.zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
  }
}
