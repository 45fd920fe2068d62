with all_values as (
    select
        "level" as value_field,
        count(*) as n_records
    from (select * from "public"."users" where user_id > 0) as sparkify_subquery
    group by "level"
)

select *
from all_values
where value_field not in ('free', 'it''s paid')