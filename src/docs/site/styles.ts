/** The page's stylesheet (inlined). Type colours match ../client/theme.ts. */
export const SITE_STYLES = `
:root { --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #fff; --accent: #f59e0b;
  --model: #2563eb; --source: #059669; --seed: #d97706; --snapshot: #7c3aed; --test: #64748b; --macro: #0891b2;
  --ok: #16a34a; --warn: #d97706; --error: #dc2626; --skip: #94a3b8;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.topbar { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 20px; height: 54px; padding: 0 20px;
  background: #0f172a; color: #fff; box-shadow: 0 1px 0 #1e293b; }
.brand { color: #fff; font-weight: 700; font-size: 16px; white-space: nowrap; }
.brand:hover { text-decoration: none; }
.brand .logo { color: var(--accent); }
.brand-sub { color: #94a3b8; font-weight: 400; }
.search { flex: 1; max-width: 560px; height: 34px; border-radius: 8px; border: 1px solid #334155; background: #1e293b; color: #fff;
  padding: 0 12px; font-size: 14px; outline: none; }
.search:focus { border-color: var(--accent); background: #0b1220; }
.top-links { margin-left: auto; display: flex; gap: 18px; }
.top-links a { color: #cbd5e1; }
.layout { display: grid; grid-template-columns: 270px minmax(0, 1fr); min-height: calc(100vh - 54px); }
.sidebar { border-right: 1px solid var(--line); background: #fff; padding: 12px 8px 40px; overflow: auto; position: sticky; top: 54px; height: calc(100vh - 54px); }
.tree ul { list-style: none; margin: 0; padding-left: 14px; }
.tree summary { cursor: pointer; padding: 3px 6px; border-radius: 6px; color: #334155; user-select: none; }
.tree details.section > summary { font-weight: 600; text-transform: uppercase; font-size: 11.5px; letter-spacing: .04em; color: var(--muted); margin-top: 8px; }
.tree li a { display: block; padding: 2px 8px; border-radius: 6px; color: #1e293b; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tree li a:hover { background: #f1f5f9; text-decoration: none; }
.tree li a.active { background: #fef3c7; font-weight: 600; }
.main { padding: 24px 32px 60px; min-width: 0; }
.node-header { margin-bottom: 12px; }
.node-header h1 { margin: 6px 0 4px; font-size: 26px; letter-spacing: -.01em; }
.eyebrow { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.subtitle { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; color: #fff; background: var(--test); }
.badge.plain { background: #e2e8f0; color: #334155; }
.badge.tag { background: #fef3c7; color: #92400e; }
.type-model.badge { background: var(--model); } .type-source.badge { background: var(--source); } .type-seed.badge { background: var(--seed); }
.type-snapshot.badge { background: var(--snapshot); } .type-macro.badge { background: var(--macro); }
.run { display: inline-flex; align-items: center; gap: 6px; padding: 1px 10px; border-radius: 999px; background: #f1f5f9; color: #334155; font-size: 12.5px; }
.run .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--skip); }
.status-ok .dot { background: var(--ok); } .status-warn .dot { background: var(--warn); } .status-error .dot { background: var(--error); }
.description { max-width: 900px; font-size: 15px; }
.markdown p { margin: 0 0 .5em; } .markdown p:last-child { margin-bottom: 0; }
.markdown code { background: #f1f5f9; padding: 0 4px; border-radius: 4px; }
.muted { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; margin: 16px 0; box-shadow: 0 1px 2px rgba(15,23,42,.04); }
.card h2 { font-size: 15px; margin: 0 0 10px; }
.card h3 { font-size: 13px; margin: 0 0 6px; color: var(--muted); }
.card-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 10px; flex-wrap: wrap; }
.card-head h2 { margin: 0; }
.button-link { font-size: 13px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
table.columns { width: 100%; border-collapse: collapse; }
table.columns th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: 6px 8px; }
table.columns td { border-bottom: 1px solid #f1f5f9; padding: 7px 8px; vertical-align: top; }
table.columns tr.open td { background: #fffbeb; }
table.columns td.type code { color: #475569; }
.column-name code { font-weight: 600; color: #1e3a8a; }
.lineage-mark { margin-left: 6px; color: var(--accent); font-weight: 700; }
.chip { display: inline-block; margin: 0 4px 4px 0; padding: 0 8px; border-radius: 999px; border: 1px solid var(--line); font-size: 12px; color: #334155; background: #fff; white-space: nowrap; }
.test-chip.status-ok { border-color: #bbf7d0; background: #f0fdf4; color: #166534; }
.test-chip.status-warn { border-color: #fde68a; background: #fffbeb; color: #92400e; }
.test-chip.status-error { border-color: #fecaca; background: #fef2f2; color: #991b1b; }
.test-list { margin: 0; padding-left: 18px; }
.tabs { display: flex; gap: 4px; flex-wrap: wrap; }
.tab, .copy { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 3px 10px; font-size: 12.5px; cursor: pointer; color: #334155; }
.tab.active { background: #0f172a; color: #fff; border-color: #0f172a; }
pre.code { margin: 0; padding: 14px; background: #0f172a; color: #e2e8f0; border-radius: 8px; overflow: auto; max-height: 560px; }
.facts-list { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; }
.facts-list dt { color: var(--muted); }
.facts-list dd { margin: 0; word-break: break-all; }
.two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
ul.links { list-style: none; padding: 0; margin: 0; } ul.links li { padding: 2px 0; }
.dag { position: relative; border: 1px solid var(--line); border-radius: 8px; background: #fbfdff;
  background-image: radial-gradient(#e2e8f0 1px, transparent 1px); background-size: 18px 18px; overflow: hidden; }
.dag.full { height: calc(100vh - 230px); min-height: 420px; }
.dag.overview-dag { height: 420px; }
.dag.mini { height: 260px; }
.graph-canvas { display: block; width: 100%; height: 100%; cursor: grab; touch-action: none; }
.dag-buttons { position: absolute; right: 10px; top: 10px; display: flex; flex-direction: column; gap: 4px; }
.dag-buttons button { width: 30px; height: 30px; border: 1px solid var(--line); background: #fff; border-radius: 6px; font-size: 16px; cursor: pointer; }
.selector-form { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
.selector { flex: 1; height: 38px; border: 1px solid #cbd5e1; border-radius: 8px; padding: 0 12px; font: 14px ui-monospace, Menlo, Consolas, monospace; }
.selector:focus { outline: 2px solid var(--accent); border-color: transparent; }
.selector-form button { height: 38px; padding: 0 16px; border: 0; border-radius: 8px; background: #0f172a; color: #fff; font-weight: 600; cursor: pointer; }
.check { display: flex; align-items: center; gap: 4px; color: var(--muted); }
.graph-info { color: var(--muted); font-size: 12.5px; margin: 0 0 8px; min-height: 18px; }
.graph-info.problems pre { color: var(--error); background: #fef2f2; border: 1px solid #fecaca; padding: 8px 10px; border-radius: 8px; white-space: pre-wrap; }
.legend { display: flex; gap: 14px; align-items: center; margin-top: 8px; font-size: 12.5px; color: #334155; flex-wrap: wrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; }
.stat-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 12px; margin: 14px 0; }
.stat-card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--test); border-radius: 10px; padding: 10px 14px; }
.stat-card.type-model { border-left-color: var(--model); } .stat-card.type-source { border-left-color: var(--source); }
.stat-card.type-seed { border-left-color: var(--seed); } .stat-card.type-snapshot { border-left-color: var(--snapshot); } .stat-card.type-macro { border-left-color: var(--macro); }
.stat-value { font-size: 22px; font-weight: 700; }
.stat-label { color: var(--muted); font-size: 12.5px; }
.run-line { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 0 0 6px; }
.notices li { color: #92400e; }
.column-lineage { border-color: #fcd34d; scroll-margin-top: 70px; }
svg.column-graph { display: block; max-width: 100%; height: auto; margin: 6px 0 10px; }
.column-box rect { fill: #fff; stroke: #cbd5e1; }
.column-box.root rect:first-child { stroke: var(--accent); stroke-width: 2.5; }
.column-box:hover rect:first-child { fill: #f8fafc; }
.column-box .box-node { font-size: 11px; fill: var(--muted); }
.column-box .box-column { font: 600 13px ui-monospace, Menlo, Consolas, monospace; fill: var(--ink); }
path.edge { fill: none; stroke: #94a3b8; stroke-width: 1.5; }
path.edge.how-passthrough { stroke: #16a34a; } path.edge.how-rename { stroke: #2563eb; } path.edge.how-transform { stroke: #7c3aed; }
path.edge.how-aggregate { stroke: #db2777; } path.edge.how-filter, path.edge.how-join { stroke: #94a3b8; stroke-dasharray: 5 4; }
.edge-label { font-size: 11px; fill: #475569; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
.lineage-paths { margin: 0; padding-left: 20px; }
.lineage-paths li { padding: 2px 0; }
.how { color: var(--muted); font-size: 12.5px; }
.column-ref { font: 600 12.5px ui-monospace, Menlo, Consolas, monospace; }
.unresolved { margin-top: 8px; color: #92400e; }
.indirect { margin-top: 8px; } .indirect summary { cursor: pointer; color: #334155; } .indirect ul { margin: 6px 0 0; padding-left: 20px; }
.search-results { list-style: none; padding: 0; margin: 0; }
.search-results li { padding: 8px 10px; border-bottom: 1px solid var(--line); }
.search-hit { display: flex; align-items: center; gap: 8px; }
.hit-name { font-weight: 600; }
.hit-reason { color: var(--muted); font-size: 12px; }
.hit-text { color: #475569; font-size: 13px; margin-top: 2px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .sidebar { position: static; height: auto; } }
`;
