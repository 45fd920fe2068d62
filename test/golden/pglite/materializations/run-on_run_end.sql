insert into public.audit select 'end' from "public"."base" limit 1;
