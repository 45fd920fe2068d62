with all_values as (
    select
        "kind" as value_field,
        count(*) as n_records
    from "public"."kinds"
    group by "kind"
)

select *
from all_values
where value_field not in ('it''s', 'back\\slash', '\\''; DROP TABLE x; --', '\\''''; DROP TABLE x; --', 'ends with a backslash\\', '\\\\', '''''', 'Zoë 🎧 ünïcødé 日本語', 'line
break', '-- not a comment')