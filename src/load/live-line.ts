/**
 * The line a progress bar redraws in place at the bottom of a terminal. Any other output must clear
 * it first, or the new text lands on the bar's line, after its last frame (issue 14: Ctrl-C's
 * message and the status lines of nodes finishing beside a load). The bar draws itself again below
 * the printed line at its next frame.
 */
import { clearLine, cursorTo } from 'node:readline';

const live = new Set<NodeJS.WriteStream>();

/** Marks `stream`'s current line as a live bar (until `endLiveLine`). */
export function startLiveLine(stream: NodeJS.WriteStream): void {
  live.add(stream);
}

/** The bar on `stream` is finished: its last frame stays, and later lines print below it. */
export function endLiveLine(stream: NodeJS.WriteStream): void {
  live.delete(stream);
}

/** Blanks every live bar's line and puts the cursor at its start; call before printing anything. */
export function clearLiveLines(): void {
  for (const stream of live) {
    cursorTo(stream, 0);
    clearLine(stream, 0);
  }
}
