#!/usr/bin/env bash
# Builds the three server images as `docker load`-able tarballs without a Docker daemon or registry,
# then checks what compose.yml relies on: unprivileged user, exposed port, java entrypoint, and the
# health probe on the class path. Output: <server>/target/jib-image.tar
#   docker load -i inventory-server/target/jib-image.tar   (and the other two) on the Docker host
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
servers=inventory-server,booking-server,api-gateway

deploy/base-image/build.sh
# install first: jib:buildTar on the servers alone, so it does not try to containerize the libraries
./mvnw -q -B -pl "$servers" -am install -DskipTests
./mvnw -q -B -pl "$servers" jib:buildTar

check() {
  local module=$1 port=$2 image="$1/target/jib-image.tar"
  python3 - "$image" "$port" <<'PY'
import io, json, sys, tarfile
image, port = sys.argv[1], sys.argv[2]
with tarfile.open(image) as tar:
    manifest = json.load(tar.extractfile("manifest.json"))[0]
    config = json.load(tar.extractfile(manifest["Config"]))["config"]
    probe = any(
        "app/libs/platform-" in name
        for layer in manifest["Layers"]
        for name in tarfile.open(fileobj=io.BytesIO(tar.extractfile(layer).read())).getnames())
problems = []
if config.get("User") in (None, "", "0", "root"): problems.append("runs as root")
if f"{port}/tcp" not in config.get("ExposedPorts", {}): problems.append(f"does not expose {port}")
if config.get("Entrypoint", [""])[0] != "java": problems.append("entrypoint is not java")
if not probe: problems.append("no platform jar (HealthProbe) in /app/libs")
if problems: sys.exit(f"{image}: " + ", ".join(problems))
print(f"{image}: {' '.join(manifest['RepoTags'])}, user {config['User']}, port {port}")
PY
  echo "  $(du -h "$image" | cut -f1) compressed"
}

check inventory-server 8082
check booking-server 8081
check api-gateway 8080
