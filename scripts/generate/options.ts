/** Command-line parsing for generate-data: `[--out DIR] [--scale N] [--seed S]`. */
import { DEFAULT_OPTIONS, type GenerateOptions } from './generate.js';

/** The usage line printed on bad arguments. */
export const USAGE = 'usage: generate-data [--out DIR] [--scale N] [--seed S]';

/** A usage problem; the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {}

function parseNumber(flag: string, text: string | undefined, check: (n: number) => boolean): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !check(value)) throw new UsageError(`${flag} needs a valid number, got ${text ?? 'nothing'}`);
  return value;
}

/** Parses argv (without node and the script); unknown flags are usage errors. */
export function parseOptions(argv: readonly string[]): GenerateOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--out' && value) options.out = value;
    else if (flag === '--scale') options.scale = parseNumber(flag, value, (n) => n > 0 && n <= 10_000);
    else if (flag === '--seed') options.seed = parseNumber(flag, value, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32);
    else throw new UsageError(`unknown or incomplete argument: ${flag}`);
  }
  return options;
}
