BEGIN;

delete from audit where event = '"public"."hooked"';

CREATE TABLE "public"."hooked__sparkify_new_abcd1234" AS

select id from "public"."base"
;

ALTER TABLE IF EXISTS "public"."hooked" RENAME TO "hooked__sparkify_old_abcd1234";

ALTER TABLE "public"."hooked__sparkify_new_abcd1234" RENAME TO "hooked";

DROP TABLE IF EXISTS "public"."hooked__sparkify_old_abcd1234";

analyze "public"."hooked";

insert into audit values ('"public"."hooked"');

COMMIT;
