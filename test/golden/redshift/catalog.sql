SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v') AND (
  (n.nspname = 'public' AND c.relname = 'events')
  OR (n.nspname = 'public' AND c.relname = 'plays')
  OR (n.nspname = 'public' AND c.relname = 'kinds')
);

SELECT n.nspname AS schema, c.relname AS identifier, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind = 'r' AND (
  (n.nspname = 'public' AND c.relname = 'plays')
)
ORDER BY n.nspname, c.relname, a.attnum;

SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v') AND n.nspname IN ('public')
  AND c.relname ~ '__sparkify_(new|old)(_[0-9a-z]+)?$'
ORDER BY n.nspname, c.relname;
