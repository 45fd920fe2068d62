/**
 * dbt's docs blocks: `{% docs name %}...{% enddocs %}` in `.md` files under the model paths.
 * `doc('name')` returns a block's text, stripped as dbt strips it; schema-file descriptions and
 * templates may call it. The blocks are read before compile, which stays pure.
 */
import type { DocBlock } from '../../manifest/manifest.js';
import type { ConfigFunction } from '../../config/render-config.js';
import { ProjectErrors } from '../../config/error-codes.js';
import { readFilesUnder } from '../../files/walk-tree.js';
import { closestName, type Diagnostic } from '../../diagnostics.js';
import type { TemplateFile } from '../../project/project-files.js';
import { JinjaErrors } from '../error-codes.js';


const BLOCK = /\{%-?\s*docs\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\}([\s\S]*?)\{%-?\s*enddocs\s*-?%\}/g;
const OPENING = /\{%-?\s*docs\b/g;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every docs block of `files` by name; problems (a repeated name, an unclosed block) are reported. */
export function collectDocBlocks(files: readonly TemplateFile[], report: (d: Diagnostic) => void): Map<string, DocBlock> {
  const blocks = new Map<string, DocBlock>();
  for (const file of files) {
    const covered: [number, number][] = [];
    for (const match of file.source.matchAll(BLOCK)) {
      covered.push([match.index, match.index + match[0].length]);
      const block = { name: match[1], text: match[2].trim(), file: file.path, line: lineAt(file.source, match.index) };
      const earlier = blocks.get(block.name);
      if (earlier) {
        report({
          code: JinjaErrors.duplicateDoc, message: `docs block '${block.name}' is defined twice: ${earlier.file}:${earlier.line} and here`,
          location: { file: file.path, line: block.line }, hint: 'docs block names are unique across the project: rename one',
        });
      } else {
        blocks.set(block.name, block);
      }
    }
    for (const opening of file.source.matchAll(OPENING)) {
      if (covered.some(([start, end]) => opening.index >= start && opening.index < end)) continue;
      report({
        code: JinjaErrors.badDocBlock, message: 'a {% docs %} block without a name or without its {% enddocs %}',
        location: { file: file.path, line: lineAt(file.source, opening.index) }, hint: 'write {% docs my_name %}...{% enddocs %}',
      });
    }
  }
  return blocks;
}

/** The text of doc('name'); a diagnostic (with the closest name) when there is no such block. */
export function docText(docs: ReadonlyMap<string, DocBlock>, name: string): string | Diagnostic {
  const block = docs.get(name);
  if (block) return block.text;
  const close = closestName(name, docs.keys());
  return {
    code: JinjaErrors.unknownDoc,
    message: `doc('${name}') names no docs block`,
    hint: close ? `did you mean doc('${close}')?` : `define it in a .md file under the model paths: {% docs ${name} %}...{% enddocs %}`,
  };
}

/** `doc('name')` in schema-file descriptions (a config function): the text of a `{% docs %}` block. */
export function docConfigFunction(docs: ReadonlyMap<string, DocBlock>): ConfigFunction {
  return ([first, second], { location, report }) => {
    // doc('name') or doc('package', 'name'): block names are unique across the project and its packages.
    const name = second ?? first;
    if (typeof name !== 'string') {
      return report({ code: ProjectErrors.badTemplate, message: 'doc() needs a name as a quoted string', location, hint: "write doc('NAME')" });
    }
    const text = docText(docs, name);
    return typeof text === 'string' ? text : report({ ...text, location });
  };
}

/** The `.md` files under the model paths, read so that compile stays pure. */
export function readDocFiles(root: string, modelPaths: readonly string[]): TemplateFile[] {
  return readFilesUnder(root, modelPaths, ['.md']);
}
