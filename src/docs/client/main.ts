/** The docs page's entry point: reads the embedded data and starts the app. */
import type { SiteData } from '../site/site-data.js';
import { DocsApp } from './app.js';

const holder = document.getElementById('sparkify-docs-data');
const root = document.getElementById('app');
if (holder && root) {
  const app = new DocsApp(JSON.parse(holder.textContent ?? '{}') as SiteData, root);
  // For scripts and tests driving the page: the DAG on screen, where its boxes are, how long it took to draw.
  Object.assign(window, {
    sparkifyDocs: {
      app,
      dagNodeIds: () => app.dag?.canvas.nodeIds() ?? [],
      dagCentreOf: (id: string) => {
        const point = app.dag?.canvas.centreOf(id);
        const rect = app.dag?.canvas.canvas.getBoundingClientRect();
        return point && rect ? { x: rect.left + point.x, y: rect.top + point.y } : undefined;
      },
      dagDraw: () => {
        app.dag?.canvas.draw();
        return app.dag?.canvas.lastDrawMs;
      },
    },
  });
}
