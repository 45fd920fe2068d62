/**
 * Redshift's relacl as text (array_to_string(relacl, ',')) into Grants. Each item reads
 * `grantee=privileges/grantor`, `group name=…` for a group, no grantee for PUBLIC; a privilege letter
 * followed by `*` is held WITH GRANT OPTION (the format PG_DEFAULT_ACL documents:
 * https://docs.aws.amazon.com/redshift/latest/dg/r_PG_DEFAULT_ACL.html). Names with other characters
 * than letters, digits and `_` are double-quoted, with `""` for a quote.
 */
import type { Grant } from '../../plan/warehouse-state.js';

/** The letters PG_DEFAULT_ACL lists, and the GRANT word of each. */
const PRIVILEGES: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', x: 'REFERENCES' };
/** PostgreSQL 8's RULE and TRIGGER, which Redshift's GRANT ALL sets and its GRANT cannot name: covered by ALL. */
const ALL_ONLY = 'Rt';

/** The grants of an ACL's text, without those of `buildUser` (who owns the replacement). */
export function parseAcl(text: string | null | undefined, buildUser: string | undefined): Grant[] {
  if (!text) return [];
  return splitItems(text).map(parseItem).filter((g): g is Grant => g !== undefined)
    .filter((g) => !(g.granteeKind === 'user' && g.grantee === buildUser));
}

/** Items split at commas outside double quotes; the braces of an array literal dropped. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of text.replace(/^\{|\}$/g, '')) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function parseItem(item: string): Grant | undefined {
  const kind = /^(group|role) /.exec(item)?.[1] as 'group' | 'role' | undefined;
  const rest = kind ? item.slice(kind.length + 1) : item;
  const [name, after] = readName(rest);
  if (after[0] !== '=') return undefined;
  const letters = after.slice(1).split('/')[0];
  return toGrant(name, kind ?? (name === '' ? 'public' : 'user'), letters);
}

/** A possibly quoted name at the start of `text`, and what follows it. */
function readName(text: string): [string, string] {
  if (text[0] !== '"') {
    const end = text.indexOf('=');
    return end < 0 ? [text, ''] : [text.slice(0, end), text.slice(end)];
  }
  let name = '';
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '"' && text[i + 1] === '"') {
      name += '"';
      i++;
    } else if (text[i] === '"') {
      return [name, text.slice(i + 1)];
    } else {
      name += text[i];
    }
  }
  return [name, ''];
}

function toGrant(grantee: string, granteeKind: Grant['granteeKind'], letters: string): Grant {
  const held = [...letters.matchAll(/([A-Za-z])(\*?)/g)].map(([, letter, star]) => ({ letter, grantable: star === '*' }));
  const grant: Grant = { grantee: granteeKind === 'public' ? 'PUBLIC' : grantee, granteeKind, privileges: [], grantable: [] };
  if ([...'arwdRxt'].every((l) => held.some((h) => h.letter === l))) {
    grant.privileges = ['ALL'];
    if (held.every((h) => h.grantable)) grant.grantable = ['ALL'];
    return grant;
  }
  const unknown: string[] = [];
  for (const { letter, grantable } of held) {
    const word = PRIVILEGES[letter];
    if (!word) {
      if (!ALL_ONLY.includes(letter)) unknown.push(letter);
      continue;
    }
    grant.privileges.push(word);
    if (grantable) grant.grantable.push(word);
  }
  if (unknown.length > 0) grant.unknown = unknown.join('');
  return grant;
}
