/** Reading project.yml and sources.yml into typed, validated config (the first phase of every command). */
export { loadProject, type LoadProjectOptions } from './load-project.js';
export { parseVars } from './parse-vars.js';
export { isTemplated, renderConfigString, type RenderContext } from '../config/render-config.js';
export { ProjectErrors } from '../config/error-codes.js';
export type * from './types.js';
