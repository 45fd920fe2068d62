/** {% docs %} blocks in .md files and doc() in schema files and templates. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileErrors, compileJinja, sqlOf } from './fixture.js';

const DOCS = `# Docs of the marts

{% docs users %}
One row per **user**, with the level they had last.
{% enddocs %}

{%- docs user_id -%}
  The id of the user.
{%- enddocs -%}
`;

const SCHEMA = `models:
  - name: users
    description: "{{ doc('users') }}"
    columns:
      - name: user_id
        description: "{{ doc('user_id') }}"
`;

describe('docs blocks', () => {
  test('doc() gives the block text to schema-file descriptions and to templates', () => {
    const fixture = compileJinja({
      'models/docs/marts.md': DOCS,
      'models/schema.yml': SCHEMA,
      'models/users.sql': "select id as user_id from {{ source('raw', 'events') }} -- {{ doc('user_id') }}\n",
    });
    const users = fixture.compiled.manifest.nodes['model.users'];
    assert.ok(users.kind === 'model');
    assert.equal(users.description, 'One row per **user**, with the level they had last.');
    assert.equal(users.columns?.user_id.description, 'The id of the user.');
    assert.equal(sqlOf(fixture, 'users'), `select id as user_id from "public"."events" -- The id of the user.\n`);
  });

  test('an unknown doc() is an error where it is called, with the closest name', () => {
    const [error] = compileErrors({
      'models/docs.md': DOCS,
      'models/schema.yml': SCHEMA.replace("doc('users')", "doc('user')"),
      'models/users.sql': 'select 1 as user_id\n',
    });
    assert.equal(error.code, 'SPK153');
    assert.equal(error.location?.file, 'models/schema.yml');
    assert.equal(error.location?.line, 3);
    assert.match(error.hint ?? '', /did you mean doc\('users?'\)/);
  });

  test('two blocks with one name, and a block never closed, are reported at their lines', () => {
    const diagnostics = compileErrors({
      'models/a.md': DOCS,
      'models/b.md': 'intro\n{% docs users %}again{% enddocs %}\n\n{% docs open %}\nno end\n',
      'models/users.sql': 'select 1 as user_id\n',
    });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.location?.file, d.location?.line]), [
      ['SPK154', 'models/b.md', 2],
      ['SPK156', 'models/b.md', 4],
    ]);
  });
});
