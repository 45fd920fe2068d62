SELECT TRIM(filename) AS filename, line_number, TRIM(colname) AS colname, position, err_code, TRIM(err_reason) AS err_reason
FROM stl_load_errors
WHERE query = pg_last_copy_id()
ORDER BY filename, line_number, colname
LIMIT 100;
