/**
 * nunjucks' tokenizer ends a tag at the first `}}`, even inside a dict literal, so
 * `{% set x = {'a': {'b': 1}} %}` fails there. Jinja's lexer balances braces: while a `{` is open,
 * `}}` is two closing braces. This wraps a tokenizer to do the same: a variable-end token read
 * while a dict is open becomes one `}`, and the tokenizer steps back over the second.
 */
import type { Token } from './nunjucks-internals.js';
import { TOKEN } from './nunjucks-internals.js';

/** The tokenizer parts this uses (nunjucks/src/lexer.js). */
interface Tokenizer {
  nextToken(): Token | null;
  back(): void;
  in_code: boolean;
}

/** Makes `tokens` (from nunjucks' lexer.lex) balance braces as Jinja's lexer does; returns it. */
export function balanceBraces(tokens: unknown): unknown {
  const tokenizer = tokens as Tokenizer;
  const next = tokenizer.nextToken.bind(tokenizer);
  let open = 0;
  tokenizer.nextToken = () => {
    const token = next();
    if (!token) return token;
    if (token.type === TOKEN.leftCurly) open++;
    else if (token.type === TOKEN.rightCurly) open = Math.max(0, open - 1);
    else if (token.type === 'variable-end' && token.value === '}}' && open > 0) {
      open--;
      tokenizer.in_code = true;
      tokenizer.back();
      return { type: TOKEN.rightCurly, value: '}', lineno: token.lineno, colno: token.colno };
    } else if (token.type === 'block-start' || token.type === 'variable-start') open = 0;
    return token;
  };
  return tokenizer;
}
