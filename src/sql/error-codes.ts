/** Error codes of SQL quoting (SPK02x); listed in docs/errors.md. */
export const SqlErrors = {
  /** An identifier longer than the engine keeps, or holding a NUL character. */
  identifierTooLong: 'SPK020',
  /** A string literal holding a NUL character. */
  nulInLiteral: 'SPK021',
} as const;
