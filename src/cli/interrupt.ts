/**
 * Ctrl-C handling for commands that hold the warehouse: the first SIGINT asks the run to stop at
 * the next statement (it rolls back and closes cleanly); a second one closes now and exits 130.
 */
export function onInterrupt(stop: () => void, forceClose: () => Promise<void>): () => void {
  let interrupts = 0;
  const handler = () => {
    interrupts += 1;
    if (interrupts === 1) return stop();
    void forceClose().finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
