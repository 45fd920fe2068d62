CREATE TABLE "public"."plays__sparkify_new_00000000" DISTSTYLE ALL AS

select id, kind from "public"."events"
;
