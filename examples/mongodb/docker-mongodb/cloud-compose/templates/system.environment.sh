# Node identity, from IMDSv2 (a session token first: IMDSv1 is disabled).
IMDS_TOKEN=$(curl -sf -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
INSTANCE_IP=$(curl -sf -H "X-aws-ec2-metadata-token: ${IMDS_TOKEN}" http://169.254.169.254/latest/meta-data/local-ipv4)
NODE_ID={{ _node_id }}
export NODE_ID INSTANCE_IP
{% for key, value in environment.items() -%}
export {{ key }}="{{ value }}"
{% endfor -%}
