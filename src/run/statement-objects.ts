/**
 * The objects a plan's statements read from S3 (a Redshift COPY's manifest, Statement.writesObject):
 * written just before the statement, deleted once the plan's statements end (committed, rolled back
 * or cancelled), so the target's manifest_prefix does not grow by an object per load. A run killed
 * between the write and the delete leaves its object behind; a later write into the same folder
 * sweeps it (ObjectWrite.leftovers). Only the write can fail the node: nothing depends on the
 * delete, so a failed delete or sweep is a warning (SPK514) naming the object.
 */
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { StoreError } from '../load/store-error.js';
import type { LeftoverObjects, ObjectWrite, PlanBase } from '../plan/types.js';
import { RunErrors } from './error-codes.js';
import type { ListedRunObject } from '../load/s3/run-object-store.js';
import type { RunContext } from './run-context.js';

const HOUR_MS = 3_600_000;

const DELETE_HINT =
  "the load itself is done; the target's manifest_prefix needs s3:DeleteObject for the AWS credentials sparkify runs with, or delete the object by hand";

/** One plan's objects: what it wrote (deleted at the end) and what could not be deleted (warnings). */
export class StatementObjects {
  private readonly written: string[] = [];
  /** The deletes, listings and sweeps that failed, as SPK514 warnings. */
  readonly warnings: Diagnostic[] = [];

  constructor(private readonly context: RunContext, private readonly plan: PlanBase) {}

  /** Sweeps the object's leftovers, then writes it; a failed write fails the node, with the store's code and hint. */
  async write(object: ObjectWrite): Promise<void> {
    const { writeObject } = this.context;
    if (!writeObject) throw new Error(`internal: nothing writes ${object.url} in this run`);
    if (object.leftovers) await this.sweep(object.url, object.leftovers);
    try {
      await writeObject(object.url, object.body);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      throw new SparkifyError({
        code: error.code, message: `cannot write the COPY manifest ${object.url}: ${error.message}`,
        location: { file: this.plan.path }, node: this.plan.id, hint: `${error.hint}; the target's manifest_prefix must be writable (s3:PutObject)`,
      });
    }
    this.written.push(object.url);
  }

  /** Deletes what write() wrote; never throws. */
  async deleteWritten(): Promise<void> {
    for (const url of this.written.splice(0)) await this.tryDelete(url, `could not delete the COPY manifest ${url} after its load`);
  }

  /** Deletes the leftovers in the object's folder: older than the plan allows, never the object itself. */
  private async sweep(url: string, leftovers: LeftoverObjects): Promise<void> {
    const { listObjects, deleteObject } = this.context;
    if (!listObjects || !deleteObject) return;
    let listed: ListedRunObject[];
    try {
      listed = await listObjects(leftovers.prefix);
    } catch (error) {
      this.warn(`could not list ${leftovers.prefix} for the COPY manifests interrupted builds left: ${messageOf(error)}`,
        "the load goes on; the target's manifest_prefix needs s3:ListBucket for the AWS credentials sparkify runs with, or delete old *.manifest objects there by hand");
      return;
    }
    const before = Date.now() - leftovers.olderThanHours * HOUR_MS;
    for (const object of listed.filter((o) => o.url !== url && isLeftover(o, leftovers, before))) {
      await this.tryDelete(object.url, `could not delete ${object.url}, a COPY manifest an interrupted build left`);
    }
  }

  private async tryDelete(url: string, failure: string): Promise<void> {
    try {
      await this.context.deleteObject?.(url);
    } catch (error) {
      this.warn(`${failure}: ${messageOf(error)}`, DELETE_HINT);
    }
  }

  private warn(message: string, hint: string): void {
    this.warnings.push({ code: RunErrors.objectNotDeleted, message, location: { file: this.plan.path }, node: this.plan.id, hint });
  }
}

/** Directly in the folder (not in a subfolder), of the kind, and last written before `before` (an object of unknown age stays). */
function isLeftover(object: ListedRunObject, leftovers: LeftoverObjects, before: number): boolean {
  if (!object.url.startsWith(leftovers.prefix) || !object.url.endsWith(leftovers.suffix)) return false;
  if (object.url.slice(leftovers.prefix.length).includes('/')) return false;
  return object.lastModified !== undefined && object.lastModified.getTime() < before;
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}
