CREATE TABLE "public"."plays__sparkify_new_00000000" DISTSTYLE EVEN AS

select id, kind from "public"."events"
;
