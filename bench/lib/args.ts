/** Command-line arguments of the bench scripts: `--name value` pairs. */

/** Reads `--name value` pairs from argv into an object. */
export function caseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i + 1 < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  return args;
}
