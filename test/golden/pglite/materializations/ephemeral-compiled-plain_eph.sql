with "__sparkify_cte__eph_a" as (
select id, kind from "public"."events" where kind = 'a'
)
select count(*) as n from "__sparkify_cte__eph_a"
