COPY "public"."events__sparkify_new_00000000" ("ts", "user_id", "user_agent")
FROM 's3://sparkify-bucket/log_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
FORMAT AS JSON 's3://sparkify-bucket/log_json_path.json'
REGION 'us-west-2'
TIMEFORMAT AS 'epochmillisecs'
MAXERROR 11
TRUNCATECOLUMNS
ACCEPTINVCHARS AS '^';
