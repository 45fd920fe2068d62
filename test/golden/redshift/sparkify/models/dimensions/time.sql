BEGIN;

CREATE TABLE "public"."time__sparkify_new_00000000" DISTSTYLE KEY DISTKEY("start_time") SORTKEY("start_time") AS

-- One row per distinct play timestamp, kept to the millisecond. weekday follows EXTRACT(dow):
-- Sunday is 0.
with plays as (
    select distinct dateadd(millisecond, cast(ts % 1000 as integer), dateadd(second, cast(ts / 1000 as integer), timestamp '1970-01-01 00:00:00')) as start_time
    from "public"."staging_events"
    where page = 'NextSong'
)

select
    start_time,
    cast(extract(hour from start_time) as integer) as hour,
    cast(extract(day from start_time) as integer) as day,
    cast(extract(week from start_time) as integer) as week,
    cast(extract(month from start_time) as integer) as month,
    cast(extract(year from start_time) as integer) as year,
    cast(extract(dow from start_time) as integer) as weekday
from plays
;

CREATE TABLE IF NOT EXISTS "public"."time" (LIKE "public"."time__sparkify_new_00000000");

ALTER TABLE "public"."time" RENAME TO "time__sparkify_old_00000000";

ALTER TABLE "public"."time__sparkify_new_00000000" RENAME TO "time";

DROP TABLE "public"."time__sparkify_old_00000000";

COMMIT;
