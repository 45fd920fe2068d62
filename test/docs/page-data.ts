import type { SiteData } from '../../src/docs/site/site-data.js';

/** The data a generated page embeds, read back as the browser would (JSON.parse of the script's text). */
export function embeddedData(html: string): SiteData {
  const start = html.indexOf('<script type="application/json" id="sparkify-docs-data">');
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(html.indexOf('>', start) + 1, end)) as SiteData;
}
