#!/bin/sh
# The broker's users must come with the definitions (a node that imports definitions at boot creates
# no default user), and the password must not sit in the repository: fill it in from the environment.
# RABBITMQ_PASSWORD is also part of MESSAGING_URI, so it is URL-safe and needs no JSON escaping.
set -eu
sed "s/@RABBITMQ_PASSWORD@/${RABBITMQ_PASSWORD}/" /etc/drivenow/definitions.json > /tmp/drivenow-definitions.json
exec docker-entrypoint.sh rabbitmq-server
