select *
from "public"."users"
where "user_id" is null