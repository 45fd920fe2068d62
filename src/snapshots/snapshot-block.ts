/**
 * dbt's legacy snapshot wrapper, `{% snapshot name %} select ... {% endsnapshot %}`, as a nunjucks
 * extension: the block renders its body and records the name it was given, which must equal the
 * file name (compile-snapshots.ts checks it).
 */
import type nunjucks from 'nunjucks';

/** The names the blocks of the current render declared, in order. */
export interface BlockNames {
  names: string[];
}

interface Parser {
  nextToken(): { value: string; lineno: number; colno: number; type: string };
  advanceAfterBlockEnd(name?: string): void;
  parseUntilBlocks(...names: string[]): unknown;
  fail(message: string, lineno?: number, colno?: number): never;
}

interface Nodes {
  NodeList: new (lineno: number, colno: number, children?: unknown[]) => unknown;
  Literal: new (lineno: number, colno: number, value: unknown) => unknown;
  CallExtension: new (ext: object, prop: string, args: unknown, contentArgs: unknown[]) => unknown;
}

/** Adds the `snapshot` tag to `env`; each block's name goes into `seen.names` as it renders. */
export function addSnapshotBlock(env: nunjucks.Environment, seen: BlockNames): void {
  const extension = {
    tags: ['snapshot'],
    parse(parser: Parser, nodes: Nodes) {
      const tag = parser.nextToken();
      const name = parser.nextToken();
      if (name.type !== 'symbol') parser.fail('{% snapshot %} needs a name: {% snapshot users_snapshot %}', tag.lineno, tag.colno);
      parser.advanceAfterBlockEnd(tag.value);
      const body = parser.parseUntilBlocks('endsnapshot');
      parser.advanceAfterBlockEnd();
      const args = new nodes.NodeList(tag.lineno, tag.colno, [new nodes.Literal(name.lineno, name.colno, name.value)]);
      return new nodes.CallExtension(extension, 'run', args, [body]);
    },
    run(_context: unknown, name: string, body: () => string): string {
      seen.names.push(name);
      return body();
    },
  };
  env.addExtension('SnapshotBlock', extension);
}
