select 1 as empty_model
where not exists (select 1 from "public"."users") and exists (select 1 from "public"."events")