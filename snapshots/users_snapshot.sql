{{ config(strategy='check', unique_key='user_id', check_cols=['level'], hard_deletes='ignore', tags=['history']) }}
-- The history of each user's level (free/paid), which the users table alone cannot answer: it
-- keeps only the latest. Each run compares every user's current level with the one stored and, when
-- it changed, closes the stored row (valid_to) and opens a new one (valid_from = the run's time).
-- Reading users (one row per user, the level of their latest event) rather than the raw events
-- records what the warehouse said at each build, which is what a snapshot is for; a level change
-- inside one batch of logs shows up once, at the build that loaded it. hard_deletes='ignore': a
-- user absent from a later build (logs pruned) keeps their last row current.
select
    user_id,
    first_name,
    last_name,
    gender,
    level
from {{ ref('users') }}
