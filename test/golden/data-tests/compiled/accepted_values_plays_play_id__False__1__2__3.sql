with all_values as (
    select
        "play_id" as value_field,
        count(*) as n_records
    from "public"."plays"
    group by "play_id"
)

select *
from all_values
where value_field not in (1, 2, 3)