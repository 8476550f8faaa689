/**
 * Bash functions: Instance metadata through IMDSv2 (a session token first) at `CC_IMDS_ENDPOINT`.
 */
export const IMDS_FUNCTIONS = `# Instance metadata (IMDSv2: a session token first) at CC_IMDS_ENDPOINT.
cc_imds() {
  local token
  token=$(curl -fsS --retry 5 --max-time 10 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "$CC_IMDS_ENDPOINT/latest/api/token") || return 1
  curl -fsS --retry 5 --max-time 10 -H "X-aws-ec2-metadata-token: $token" "$CC_IMDS_ENDPOINT/latest/meta-data/$1"
}
`;
