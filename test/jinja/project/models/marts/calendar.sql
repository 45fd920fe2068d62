{{ date_spine(var('start_date'), var('days', 3) | int) }}
