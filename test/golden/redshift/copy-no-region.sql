COPY "public"."events__sparkify_new_00000000" ("id", "session_id")
FROM 's3://sparkify-bucket/events/'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
FORMAT AS JSON 'auto'
TIMEFORMAT AS 'auto'
MAXERROR 0;
