/**
 * What a terminal shows for a stream of output: carriage returns, cursor-to-column (CSI n G) and
 * erase-in-line (CSI K) applied, other escape sequences (colours, cursor visibility) dropped. Enough
 * to see whether two pieces of output ended up on one screen line.
 */
const CSI = /^\x1b\[([?\d;]*)([A-Za-z])/;

/** The screen lines `raw` leaves, top to bottom (scrolling ignored). */
export function screenLines(raw: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let column = 0;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\x1b') {
      const match = CSI.exec(raw.slice(i, i + 16));
      if (!match) continue;
      i += match[0].length - 1;
      const [, arg, command] = match;
      if (command === 'G') column = Math.max(0, (Number(arg) || 1) - 1);
      else if (command === 'K' && arg === '2') line = [];
      else if (command === 'K' && (arg === '' || arg === '0')) line = line.slice(0, column);
      continue;
    }
    if (char === '\r') column = 0;
    else if (char === '\n') {
      lines.push(Array.from(line, (c) => c ?? ' ').join(''));
      line = [];
      column = 0;
    } else line[column++] = char;
  }
  lines.push(Array.from(line, (c) => c ?? ' ').join(''));
  return lines;
}
