/** The value of `accept_invalid_chars` in sources.yml: Redshift's ACCEPTINVCHARS [AS] 'replacement_char'. */
import type { Kind } from '../config/value-kinds.js';
import { boolean } from '../config/value-kinds.js';
import { Rejection, scalarValue } from '../config/node-values.js';

/** Redshift's default replacement character, for `accept_invalid_chars: true`. */
const DEFAULT_REPLACEMENT = '?';

/**
 * One ASCII character other than NUL (what Redshift's COPY allows,
 * https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html), `true`
 * for its default `?`, or `false` for off.
 */
export const replacementChar: Kind<string | false> = {
  expected: "a single ASCII character such as '?', or true or false",
  read(node, scope) {
    const scalar = scalarValue(node, scope);
    if (scalar instanceof Rejection) return scalar;
    if (typeof scalar.value !== 'string') {
      const flag = boolean.read(node, scope);
      return flag instanceof Rejection ? flag : flag && DEFAULT_REPLACEMENT;
    }
    const value = scalar.value;
    if (value.length === 1 && value.charCodeAt(0) > 0 && value.charCodeAt(0) < 0x80) return value;
    const hint = "quote it in the YAML, e.g. accept_invalid_chars: '?'";
    return new Rejection('value', `expected a single ASCII character other than NUL, got ${JSON.stringify(value)}`, hint);
  },
};
