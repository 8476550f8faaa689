#!/bin/bash
# Boot script for one MongoDB replica-set member, rendered per node.
set -euo pipefail
{% include "system.environment.sh" %}
{% include "mongodb.keyfile.sh" %}
{% include "docker.compose.sh" %}
{% include "mongodb.replicaset.sh" %}
