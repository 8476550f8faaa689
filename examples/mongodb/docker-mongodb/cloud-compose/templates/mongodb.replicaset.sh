{%- set members = [] -%}
{%- for node in aws.nodes -%}
{%- set _ = members.append('{_id: ' ~ node.id ~ ', host: "' ~ node.ip ~ ':27017"}') -%}
{%- endfor %}
# The first node initiates the replica set once every member is reachable.
if [ "${NODE_ID}" = "{{ aws.nodes[0].id }}" ]; then
  cat > /etc/mongodb/initiate.js <<EOS
try { rs.status() } catch (e) { rs.initiate({_id: "{{ environment.REPLICA_SET }}", members: [{{ members | join(', ') }}]}) }
EOS
  echo "replica set members: {{ members | length }}"
fi
