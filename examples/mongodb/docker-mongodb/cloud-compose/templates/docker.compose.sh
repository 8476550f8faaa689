# The data directory belongs to the mongodb user inside the container (uid 999).
install -d -o 999 -g 999 /data/mongodb
