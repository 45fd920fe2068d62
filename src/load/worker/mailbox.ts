/** The main thread's queue of a worker's messages. */

/** An unbounded queue with an awaitable head (the worker bounds it with credits). */
export class Mailbox<T> {
  private readonly items: T[] = [];
  private waiting: ((item: T) => void) | undefined;

  push(item: T): void {
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver(item);
    } else this.items.push(item);
  }

  next(): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}
