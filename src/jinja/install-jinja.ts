/**
 * Makes a nunjucks environment speak dbt's Jinja. The environment gets the `sparkify_jinja`
 * extension (runtime and tags), Jinja's filters and tests, and the Jinja globals `namespace`,
 * `dict`, `range` and `return`. Templates of that environment are parsed by JinjaParser: nunjucks'
 * `parser.parse` is wrapped once per process to pick it when the extension is present, and our node
 * types' compile methods are added to its compiler. Other environments are not affected.
 */
import nunjucks from 'nunjucks';
import { installCompileMethods, JINJA_EXTENSION } from './jinja-compile.js';
import { installJinjaFilters } from './jinja-filters.js';
import { balanceBraces } from './jinja-lexer.js';
import { JinjaParser } from './jinja-parser.js';
import { JinjaRuntime, MacroReturn, Namespace } from './jinja-runtime.js';
import { installJinjaTests } from './jinja-tests.js';
import { parserModule } from './nunjucks-internals.js';
import { bindArgs, splitArgs } from './python/call-args.js';
import { dictKeys, isDict } from './python/values.js';

let installed = false;

function installParser(): void {
  if (installed) return;
  installed = true;
  installCompileMethods();
  const original = parserModule.parse;
  const lexer = (nunjucks as unknown as { lexer: { lex(src: string, opts?: unknown): unknown } }).lexer;
  parserModule.parse = (src, extensions, opts) => {
    if (!extensions?.some((extension) => extension instanceof JinjaRuntime)) return original(src, extensions, opts);
    const parser = new JinjaParser(balanceBraces(lexer.lex(src, opts)));
    parser.extensions = extensions;
    return parser.parseAsRoot();
  };
}

/** dict(mapping_or_pairs, **kwargs). */
function dict(...args: unknown[]): Record<string, unknown> {
  const { positional, keywords } = splitArgs(args);
  const [source] = positional;
  const result: Record<string, unknown> = {};
  if (isDict(source)) for (const key of dictKeys(source)) result[key] = source[key];
  else if (source !== undefined) for (const [key, value] of source as Iterable<[string, unknown]>) result[String(key)] = value;
  return Object.assign(result, keywords);
}

/** Python's range(stop) / range(start, stop[, step]). */
function range(...args: unknown[]): number[] {
  const numbers = splitArgs(args).positional.map(Number);
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0], 1] : [numbers[0], numbers[1], numbers[2] ?? 1];
  if (step === 0) throw new Error('range() arg 3 must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

/** Adds Jinja to `env`; returns its runtime. Call once per environment, before compiling templates. */
export function installJinja(env: nunjucks.Environment): JinjaRuntime {
  installParser();
  const jinja = new JinjaRuntime();
  env.addExtension(JINJA_EXTENSION, jinja);
  installJinjaFilters(env);
  installJinjaTests(env);
  env.addGlobal('namespace', (...args: unknown[]) => new Namespace(dict(...args)));
  env.addGlobal('dict', dict);
  env.addGlobal('range', range);
  env.addGlobal('return', (...args: unknown[]) => {
    throw new MacroReturn(bindArgs('return', args, [['value', null]]).value);
  });
  return jinja;
}

/** The Jinja runtime of an environment made by installJinja. */
export function jinjaRuntimeOf(env: nunjucks.Environment): JinjaRuntime {
  return env.getExtension(JINJA_EXTENSION) as unknown as JinjaRuntime;
}
