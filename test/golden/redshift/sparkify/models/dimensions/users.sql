BEGIN;

CREATE TABLE "public"."users__sparkify_new_00000000" DISTSTYLE ALL AS

-- One row per user seen in any event. Attributes come from the user's latest event, so a user who
-- changed level during the month shows the level they have now.
with ranked as (
    select
        user_id,
        first_name,
        last_name,
        gender,
        level,
        row_number() over (
            partition by user_id
            order by ts desc, session_id desc, item_in_session desc
        ) as recency
    from "public"."staging_events"
    where user_id is not null
)

select
    user_id,
    first_name,
    last_name,
    gender,
    level
from ranked
where recency = 1
;

CREATE TABLE IF NOT EXISTS "public"."users" (LIKE "public"."users__sparkify_new_00000000");

ALTER TABLE "public"."users" RENAME TO "users__sparkify_old_00000000";

ALTER TABLE "public"."users__sparkify_new_00000000" RENAME TO "users";

DROP TABLE "public"."users__sparkify_old_00000000";

COMMIT;
