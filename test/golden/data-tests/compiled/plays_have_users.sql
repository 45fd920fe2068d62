
select * from "public"."plays" where user_id not in (select user_id from "public"."users")
