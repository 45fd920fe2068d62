CREATE TABLE "public"."plays__sparkify_new_00000000" DISTSTYLE KEY DISTKEY("id") COMPOUND SORTKEY("kind", "id") AS

select id, kind from "public"."events"
;
