/**
 * Credentials in package URLs (`https://<token>@github.com/...`, put there with env_var()) never
 * reach output: every URL deps prints or reports goes through here, and so does what git says.
 */

/** `https://user:secret@host/x` → `https://****@host/x`, anywhere in `text`. */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi, '$1****@');
}
