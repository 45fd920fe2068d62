/**
 * The lines of a file an error is about, as shown under its message: numbered, with a caret under
 * the column. A shown line never reveals a secret: the value of a key named like a password, and the
 * password part of a URL, are masked (the file failed to parse, so its secrets are not known yet).
 */

/** Keys whose values are secrets, in any config file sparkify reads. */
const SECRET_KEY = /(pass(word)?|passwd|pwd|secret|token|private|passphrase|api_?key|access_?key|^\s*-?\s*key)\s*[:=]/i;
const URL_PASSWORD = /(\w+:\/\/[^:/\s@]*:)([^@\s]*)(@)/g;

/** `line` with secret values replaced by *****. */
export function maskSecrets(line: string): string {
  const masked = line.replace(URL_PASSWORD, '$1*****$3');
  const key = SECRET_KEY.exec(masked);
  if (!key) return masked;
  const valueStart = key.index + key[0].length;
  return masked.slice(0, valueStart) + (masked.slice(valueStart).trim() === '' ? '' : ' *****');
}

/** The numbered lines `from`..`to` of `text` (1-based), a caret under `column` of line `to`. */
export function sourceExcerpt(text: string, from: number, to: number, column?: number): string[] {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, from);
  const last = Math.min(lines.length, to);
  const width = String(last).length;
  const shown: string[] = [];
  for (let line = first; line <= last; line++) {
    shown.push(`${String(line).padStart(width)} | ${maskSecrets(lines[line - 1]).replace(/\t/g, '→')}`);
  }
  if (column !== undefined && last === to) shown.push(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  return shown;
}
