CREATE TABLE IF NOT EXISTS "public"."sparkify_build_lock__sparkify" (locked_by varchar(256));

SET statement_timeout TO 5000;

BEGIN;

LOCK "public"."sparkify_build_lock__sparkify";

SET statement_timeout TO 0;

SELECT lock_owner_pid AS pid FROM stv_locks WHERE table_id = (SELECT oid FROM pg_class WHERE relname = 'sparkify_build_lock__sparkify' LIMIT 1);
