# Node 0 initiates the replica set (localhost exception) in the background, once
# mongod runs and every member answers: compose starts after this script.
if [ "${NODE_ID}" = "{{ aws.nodes[0].id }}" ]; then
  cat > /etc/mongodb/initiate.js <<EOS
[{% for node in aws.nodes %}"{{ node.ip }}:27017"{% if not loop.last %}, {% endif %}{% endfor %}].forEach((h) => new Mongo(h).getDB("admin").runCommand({ping: 1}));
try { rs.initiate({_id: "{{ environment.REPLICA_SET }}", members: [{% for node in aws.nodes %}{_id: {{ loop.index0 }}, host: "{{ node.ip }}:27017"}{% if not loop.last %}, {% endif %}{% endfor %}]}); } catch (e) {
  if (e.codeName !== "AlreadyInitialized" && e.codeName !== "Unauthorized") throw e;
}
EOS
  (
    for _ in $(seq 1 180); do
      c=$(docker ps -q --filter label=com.docker.compose.service=mongodb | head -n 1)
      if [ -n "${c}" ] && docker exec "${c}" mongosh --quiet --file /etc/mongodb/initiate.js; then exit 0; fi
      sleep 10
    done
    exit 1
  ) </dev/null >>/var/log/mongodb-initiate.log 2>&1 &
fi
