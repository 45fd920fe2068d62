/** The seed's dwh.cfg, read unchanged: the cluster endpoint and password, the IAM role, the S3 locations. */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { interpolate, parseConfigFile, type ConfigLines, type ConfigSections } from '../../config/config-file.js';
import { ProjectErrors } from '../../config/error-codes.js';

/** Keys whose values are secrets: DB_PASSWORD, and the AWS KEY/SECRET some dwh.cfg files carry. */
const SECRET_KEY = /password|secret|token|^key$/i;

/** A target's config file, or the fact that it is missing (then every lookup is absent). */
export class DwhConfig {
  private constructor(
    /** The path as written in config_file, for messages. */
    readonly file: string,
    private readonly sections: ConfigSections | undefined,
    private readonly lines: ConfigLines = new Map(),
  ) {}

  /** Reads `file` relative to `root`; a missing file is not a problem here (compile works without it). */
  static read(root: string, file: string): { config: DwhConfig; problems: Diagnostic[] } {
    let text: string;
    try {
      text = readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: new DwhConfig(file, undefined), problems: [] };
      const message = `cannot read ${file}: ${(error as Error).message}`;
      return { config: new DwhConfig(file, undefined), problems: [{ code: ProjectErrors.configFile, message, location: { file } }] };
    }
    const { sections, lines, problems } = parseConfigFile(text, file);
    return { config: new DwhConfig(file, sections, lines), problems };
  }

  /** True when the file exists. */
  get found(): boolean {
    return this.sections !== undefined;
  }

  /**
   * `[section] key` after configparser interpolation; undefined when absent. Throws SPK019 on a bad
   * `%`, naming the key, its line and the position in the value, never the value (a password).
   */
  value(section: string, key: string): string | undefined {
    const lookup = (name: string) => this.sections?.get(section)?.get(name) ?? this.sections?.get('DEFAULT')?.get(name);
    const raw = lookup(key.toLowerCase());
    if (raw === undefined) return undefined;
    const value = interpolate(raw, lookup);
    if (typeof value === 'string') return value;
    const line = this.lines.get(section)?.get(key.toLowerCase()) ?? this.lines.get('DEFAULT')?.get(key.toLowerCase());
    throw new SparkifyError({
      code: ProjectErrors.configFile,
      message: `[${section}] ${key}: ${value.error}`,
      location: { file: this.file, ...(line === undefined ? {} : { line }) },
      hint: `${this.file} is read the way Python configparser reads it: write a literal % as %%`,
    });
  }

  /** Secret values (passwords, AWS keys), raw and interpolated, so output can be scrubbed of both. */
  secrets(): string[] {
    const found = new Set<string>();
    for (const values of this.sections?.values() ?? []) {
      for (const [key, raw] of values) {
        if (!SECRET_KEY.test(key)) continue;
        const interpolated = interpolate(raw, (name) => values.get(name));
        for (const value of [raw, unquote(raw), typeof interpolated === 'string' ? interpolated : raw]) {
          if (value !== '') found.add(value);
        }
      }
    }
    return [...found];
  }
}

/**
 * Values the seed pastes into SQL (the S3 paths, often the ARN) carry their own quotes:
 * `LOG_DATA='s3://udacity-dend/log_data'`. One pair of wrapping quotes is removed.
 */
export function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === "'" || value[0] === '"') && value[value.length - 1] === value[0];
  return quoted ? value.slice(1, -1) : value;
}

/** What compile prints where a dwh.cfg value is missing: `<[IAM_ROLE] ARN from dwh.cfg>`. */
export function placeholder(file: string, section: string, key: string): string {
  return `<[${section}] ${key} from ${file}>`;
}
