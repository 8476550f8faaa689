# The first node initiates the replica set once mongod runs locally and every
# member answers. compose-cluster starts the compose services after this script,
# so the initiation runs in the background and retries for up to 30 minutes.
# rs.initiate() runs over the localhost exception (keyfile auth, no users yet),
# the procedure MongoDB documents for keyfile-authenticated replica sets.
if [ "${NODE_ID}" = "{{ aws.nodes[0].id }}" ]; then
  cat > /etc/mongodb/initiate.js <<EOS
const members = [{% for node in aws.nodes %}{_id: {{ loop.index0 }}, host: "{{ node.ip }}:27017"}{% if not loop.last %}, {% endif %}{% endfor %}];
for (const member of members) {
  new Mongo(member.host).getDB("admin").runCommand({ping: 1});
}
try {
  rs.initiate({_id: "{{ environment.REPLICA_SET }}", members: members});
  print("replica set initiated with " + members.length + " members");
} catch (e) {
  if (e.codeName !== "AlreadyInitialized" && e.codeName !== "Unauthorized") throw e;
  print("replica set already initiated (" + e.codeName + ")");
}
EOS
  (
    for _ in $(seq 1 180); do
      container=$(docker ps -q --filter label=com.docker.compose.service=mongodb | head -n 1)
      if [ -n "${container}" ] && docker exec "${container}" mongosh --quiet --file /etc/mongodb/initiate.js; then
        exit 0
      fi
      sleep 10
    done
    echo "replica set not initiated after 30 minutes" >&2
    exit 1
  ) </dev/null >>/var/log/mongodb-initiate.log 2>&1 &
fi
