/** A real adapter that fails on purpose after statement k of a run (issue 4's failure injection). */
import type { Adapter, Session, StatementResult } from '../../src/engines/adapter.js';
import type { Relation } from '../../src/sql/quote.js';

/** The error the wrapper throws, so a test can tell it from a real one. */
export class InjectedFailure extends Error {
  constructor(readonly statement: number) {
    super(`injected failure after statement ${statement}`);
  }
}

/**
 * Wraps `inner`: statements (execute and copyFrom) run for real and are counted across sessions;
 * right after statement `failAfter` ran, it throws instead of returning. Later statements (the
 * executor's ROLLBACK) pass through. `afterEach` runs after every counted statement, before the throw.
 */
export class FailingAdapter implements Adapter {
  readonly type: string;
  readonly capabilities;
  statements = 0;
  failed = false;

  constructor(
    private readonly inner: Adapter,
    private readonly failAfter: number,
    private readonly afterEach: (index: number, sql: string) => Promise<void> = async () => undefined,
  ) {
    this.type = inner.type;
    this.capabilities = inner.capabilities;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.inner.withSession((session) => work(this.wrap(session)));
  }

  relationKind(relation: Relation) {
    return this.inner.relationKind(relation);
  }

  private wrap(session: Session): Session {
    return {
      execute: (sql) => this.counted(sql, () => session.execute(sql)),
      copyFrom: (sql, chunks) => this.counted(sql, () => session.copyFrom(sql, chunks)),
      query: (sql, params) => session.query(sql, params),
    };
  }

  private async counted<T extends StatementResult | number>(sql: string, run: () => Promise<T>): Promise<T> {
    if (this.failed) return run();
    const result = await run();
    const index = ++this.statements;
    await this.afterEach(index, sql);
    if (index === this.failAfter) {
      this.failed = true;
      throw new InjectedFailure(index);
    }
    return result;
  }
}
