/** Reading project.yml and sources.yml into typed, validated config (the first phase of every command). */
export { loadProject, type LoadProjectOptions } from './load-project.js';
export { parseVars } from './parse-vars.js';
export { isTemplated, renderConfigString, type RenderContext } from './render-config.js';
export { ProjectErrors } from './error-codes.js';
export type * from './types.js';
