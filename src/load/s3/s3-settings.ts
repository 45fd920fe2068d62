/** A target's `s3:` block. Never credentials: those come from the environment or the AWS profile chain. */
export interface S3Settings {
  region?: string;
  /** An S3-compatible endpoint URL (MinIO, a local server); absent means AWS's own. */
  endpoint?: string;
  /** Path-style addressing (`host/bucket/key`); defaults to true when `endpoint` is set. */
  forcePathStyle?: boolean;
}
