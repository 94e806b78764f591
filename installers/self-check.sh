#!/usr/bin/env bash
# Builds the desk client's app-image and .deb, starts the app-image under a virtual display with
# --self-check (it opens the main window and exits 0 after the first frame), installs the .deb and
# starts the installed launcher the same way, and prints sizes and start times.
# Fails when the build fails, the trimmed runtime misses a JDK module, or the app cannot start.
# Needs root for apt-get (it installs Xvfb, GTK and the packaging tools when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

log() { printf '\n=== %s\n' "$*"; }
now_ms() { date +%s%3N; }

ensure_packages() {
  local missing=()
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  command -v fakeroot >/dev/null || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
  dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Starts a desk launcher under Xvfb with --self-check; prints its own first-frame line and the wall time.
self_check() {
  local launcher=$1 started output
  started=$(now_ms)
  if ! output=$(timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' "$launcher" --self-check 2>&1); then
    printf '%s\n' "$output" >&2
    echo "self-check FAILED: $launcher did not start" >&2; exit 1
  fi
  grep -q 'self-check ok' <<<"$output" || { printf '%s\n' "$output" >&2; echo "no self-check line" >&2; exit 1; }
  echo "$(grep -m1 'self-check ok' <<<"$output"); $(( $(now_ms) - started )) ms wall time with Xvfb"
}

ensure_packages

log "building the app-image and the .deb"
build_started=$(now_ms)
./mvnw -q -B -Pinstallers -pl installers -am package -DskipTests
echo "build: $(( $(now_ms) - build_started )) ms"

out=installers/target/installer
app="$out/DriveNow Desk"
deb=$(ls "$out"/drivenow-desk_*.deb)

log "checking the trimmed runtime against what jdeps says the desk needs"
declared=$(sed -n 's:.*<desk.runtime.modules>\(.*\)</desk.runtime.modules>.*:\1:p' installers/pom.xml)
needed=$(jdeps -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$app/lib/app/libs/*" "$app/lib/app/desk-client.jar" "$app"/lib/app/libs/*.jar)
absent=$(comm -13 <(tr , '\n' <<<"$declared" | sort) <(tr , '\n' <<<"$needed" | sort))
[ -z "$absent" ] || { echo "desk.runtime.modules lacks: $absent" >&2; exit 1; }
echo "runtime modules: $declared"

log "starting the app-image twice (on a fresh machine the first start also unpacks JavaFX's native libraries)"
self_check "$app/bin/DriveNow Desk"
self_check "$app/bin/DriveNow Desk"

log "installing the .deb and starting the installed launcher"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
trap 'apt-get purge -y -qq drivenow-desk >/dev/null' EXIT
self_check "/opt/drivenow-desk/bin/DriveNow Desk"

log "sizes"
echo "app-image: $(du -sh "$app" | cut -f1) (runtime $(du -sh "$app/lib/runtime" | cut -f1))"
echo ".deb: $(du -h "$deb" | cut -f1) $(basename "$deb")"
echo "installed: $(du -sh /opt/drivenow-desk | cut -f1)"
echo "self-check passed"
