-- reads two ephemeral models
with "__sparkify_cte__eph_a" as (
select id, kind from "public"."events" where kind = 'a'
),
"__sparkify_cte__eph_b" as (
-- ids of kind a
with positive as (select * from "__sparkify_cte__eph_a" where id > 0)
select id from positive
), one as (select 1 as n)
select b.id, a.kind from "__sparkify_cte__eph_b" b join "__sparkify_cte__eph_a" a using (id) cross join one
