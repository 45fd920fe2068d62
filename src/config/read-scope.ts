/** What the readers of one config file share: the file, template rendering and the node being read. */
import type { Position } from '../diagnostics.js';
import { SparkifyError } from '../diagnostics.js';
import { renderConfigString, type RenderContext } from './render-config.js';
import type { YamlSource } from './yaml-source.js';

/** Template context of a file: everything but the location, which each value supplies. */
export type ScopeContext = Omit<RenderContext, 'location'>;

/** Shared by every reader of a file; template failures are reported into `source` unless lenient. */
export class ReadScope {
  constructor(
    readonly source: YamlSource,
    private readonly context: ScopeContext,
    /**
     * Set for targets that are not selected: their env vars may legitimately be unset on this
     * machine, so a failing template just leaves the value out.
     */
    readonly lenient = false,
    /** Graph node the values belong to (`source.sparkify.staging_events`), for diagnostics. */
    readonly node?: string,
  ) {}

  /** Renders a templated string written at `at`; undefined when it failed. */
  render(text: string, at: Position): string | undefined {
    try {
      return renderConfigString(text, { ...this.context, location: at });
    } catch (error) {
      if (!(error instanceof SparkifyError)) throw error;
      if (this.lenient) return undefined;
      const node = this.node ? { node: this.node } : {};
      this.source.diagnostics.push(...error.diagnostics.map((diagnostic) => ({ ...diagnostic, ...node })));
      return undefined;
    }
  }

  /** The same scope for values that belong to `node`. */
  forNode(node: string): ReadScope {
    return new ReadScope(this.source, this.context, this.lenient, node);
  }

  /** The same scope with `dwh_cfg()` reading the given config file (inside the selected target). */
  withContext(extra: Partial<ScopeContext>): ReadScope {
    return new ReadScope(this.source, { ...this.context, ...extra }, this.lenient, this.node);
  }

  /** The same scope for a secret value: a failed template is reported without its text. */
  forSecret(): ReadScope {
    return new ReadScope(this.source, { ...this.context, secret: true }, this.lenient, this.node);
  }

  /** The same scope, lenient or not. */
  withLenient(lenient: boolean): ReadScope {
    return new ReadScope(this.source, this.context, lenient, this.node);
  }
}
