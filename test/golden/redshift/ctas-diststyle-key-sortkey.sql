CREATE TABLE "public"."plays__sparkify_new_00000000" DISTSTYLE KEY DISTKEY("id") SORTKEY("id") AS

select id, kind from "public"."events"
;
