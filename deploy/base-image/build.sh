#!/usr/bin/env bash
# Builds the servers' base image without Docker and without a registry: Debian's C library, a jlink
# runtime of this JDK with the modules the servers need, and an unprivileged user, written as a
# `docker save` tarball that jib reads as `tar://` (see the jib blocks of the server poms).
# Output: deploy/base-image/target/drivenow-java-base.tar (about 35 MB as a compressed layer).
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# What `jdeps --print-module-deps` reports for the three servers' own code, plus what their libraries
# load at run time (java.xml, java.net.http, java.management, jdk.naming.dns), checked by starting a
# server on this runtime.
MODULES=java.base,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.management,jdk.naming.dns,jdk.unsupported
APP_UID=10001

out=target
rm -rf "$out"
mkdir -p "$out/rootfs" "$out/image"

# The JVM links against nothing but glibc (libc, libm, libdl, libpthread, librt, the loader); the
# nss modules resolve the compose service names through Docker's /etc/hosts and DNS.
# A fresh machine may have no package lists yet: fetch them once if the download finds nothing.
(cd "$out" && { apt-get download libc6 >/dev/null 2>&1 || { apt-get update -qq && apt-get download libc6 >/dev/null; }; })
dpkg-deb -x "$out"/libc6_*.deb "$out/rootfs"
rm -rf "$out/rootfs/usr/share" "$out/rootfs/usr/lib/x86_64-linux-gnu/gconv" "$out/rootfs/usr/libexec" "$out/rootfs/sbin" "$out/rootfs/usr/bin"

"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$out/rootfs/opt/java"

mkdir -p "$out/rootfs/etc" "$out/rootfs/tmp"
chmod 1777 "$out/rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%s:%s:DriveNow server:/tmp:/sbin/nologin\n' "$APP_UID" "$APP_UID" > "$out/rootfs/etc/passwd"
printf 'root:x:0:\napp:x:%s:\n' "$APP_UID" > "$out/rootfs/etc/group"

# A reproducible layer: sorted entries, fixed times, root-owned files.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$out/rootfs" -cf "$out/image/layer.tar" .
diff_id=$(sha256sum "$out/image/layer.tar" | cut -d' ' -f1)
cat > "$out/image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"$APP_UID","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"],"WorkingDir":"/tmp"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"deploy/base-image/build.sh: glibc $(dpkg-deb -f "$out"/libc6_*.deb Version), jlink $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["drivenow/java-base:25"],"Layers":["layer.tar"]}]' > "$out/image/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$out/image" -cf "$out/drivenow-java-base.tar" manifest.json config.json layer.tar
rm -rf "$out/rootfs" "$out/image"
echo "$out/drivenow-java-base.tar: $(du -h "$out/drivenow-java-base.tar" | cut -f1)"
