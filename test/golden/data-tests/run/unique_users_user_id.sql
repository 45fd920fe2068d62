-- unique_users_user_id: count the failing rows
select count(*) as failures from (
select
    "user_id" as unique_field,
    count(*) as n_records
from "public"."users"
where "user_id" is not null
group by "user_id"
having count(*) > 1
) as sparkify_test;

-- the first 5 failing rows (run only when there are some)
select * from (
select
    "user_id" as unique_field,
    count(*) as n_records
from "public"."users"
where "user_id" is not null
group by "user_id"
having count(*) > 1
) as sparkify_test
limit 5;
