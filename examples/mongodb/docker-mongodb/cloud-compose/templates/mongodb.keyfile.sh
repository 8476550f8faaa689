# The replica-set keyfile is shared by all members; it is derived from the cluster name
# here for the example only. Use a secret (cluster.secrets) in production.
install -d -m 0755 /etc/mongodb
if [ ! -s /etc/mongodb/keyfile ]; then
  printf '%s' "{{ name }}-replica-set-key-change-me" | sha256sum | cut -d' ' -f1 > /etc/mongodb/keyfile
fi
chmod 0400 /etc/mongodb/keyfile
chown 999:999 /etc/mongodb/keyfile
