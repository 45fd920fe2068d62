import type { DocsArtifacts } from '../artifacts/docs-artifacts.js';
import { buildSiteData } from './build-site-data.js';
import { clientScripts } from './client-bundle.js';
import { embedJson, embedScript } from './embed-json.js';
import { escapeHtml } from './escape-html.js';
import type { SiteData } from './site-data.js';
import { SITE_STYLES } from './styles.js';

/**
 * The docs site as one self-contained `index.html`: data, scripts and styles inlined, nothing
 * fetched, so it works from file://, offline, in any current browser (dbt's `--static`, always).
 */
export async function renderDocsSite(artifacts: DocsArtifacts): Promise<string> {
  return renderSiteData(buildSiteData(artifacts));
}

/** The page around already-built site data. */
export async function renderSiteData(data: SiteData): Promise<string> {
  const scripts = await clientScripts();
  const title = `${data.project.name || 'sparkify'} docs`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sparkify docs generate">
<title>${escapeHtml(title)}</title>
<style>${embedScript(SITE_STYLES)}</style>
</head>
<body>
<div id="app"><noscript>This documentation needs JavaScript.</noscript></div>
<script type="application/json" id="sparkify-docs-data">${embedJson(data)}</script>
<script>${embedScript(scripts.layoutLibrary)}</script>
<script>${embedScript(scripts.client)}</script>
</body>
</html>
`;
}
