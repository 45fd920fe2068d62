BEGIN;

DROP TABLE IF EXISTS "public"."events__sparkify_new_k3x9q2zz";

DROP VIEW IF EXISTS "public"."kinds__sparkify_new_k3x9q2zz";

COMMIT;
