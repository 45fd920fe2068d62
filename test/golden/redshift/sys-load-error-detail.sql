SELECT pg_backend_pid() AS pid, c.oid AS table_id
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relname = 'staging_events__sparkify_new_k3x9q2zz';

SELECT TRIM(file_name) AS filename, line_number, TRIM(column_name) AS colname, position, error_code AS err_code, TRIM(error_message) AS err_reason
FROM sys_load_error_detail
WHERE session_id = 1073815778 AND table_id = 108329
ORDER BY filename, line_number, colname
LIMIT 100;
