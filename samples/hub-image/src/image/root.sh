#!/usr/bin/env bash
# Lays out the files of the hub's image under OUT for Jib: a trimmed Java runtime made with jlink from this machine's
# JDK, the C libraries it and the hub's native libraries load (from this machine's Debian, at their own paths), a static
# busybox for the health probe, and the hub's jar with the cluster manager's jar beside it (which its manifest names,
# for -cluster). The image needs no base image, so it builds without a registry.
# Usage: root.sh OUT HUB_JAR CLUSTER_JAR
set -euo pipefail
out=$(realpath -m "$1")
hub_jar=$(realpath "$2")
cluster_jar=$(realpath "$3")
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.management,jdk.net,jdk.jfr,jdk.localedata

rm -rf "$out"
mkdir -p "$out/opt" "$out/app" "$out/bin" "$out/var/lib/harpou" "$out/etc/harpou" "$out/tmp"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/opt/java"
# Debian's JDK links its trust store and security files to /etc; the image holds the files themselves.
for file in "$out"/opt/java/lib/security/*; do
  if [[ -L "$file" ]]; then
    target=$(readlink -f "$file")
    rm "$file"
    [[ -f "$target" ]] && cp "$target" "$file"
  fi
done
# The hub runs headless: the X11, splash screen and sound libraries are never loaded, and would pull in X11.
rm -f "$out"/opt/java/lib/{libawt_xawt,libsplashscreen,libjawt,libjsound}.so
cp "$hub_jar" "$out/app/harpou-hub.jar"
cp "$cluster_jar" "$out/app/harpou-cluster.jar"
cp /bin/busybox "$out/bin/busybox"

# The C libraries the runtime loads, and those the hub's own native libraries load once extracted at run time
# (SQLite, ONNX Runtime, the tokenizer, whisper, JNA: the Linux x86-64 builds in the hub's jar).
natives=$(mktemp -d)
trap 'rm -rf "$natives"' EXIT
(cd "$natives" && jar tf "$hub_jar" | grep -E '(Linux/x86_64|linux-x64|linux-x86-64|linux-x86_64|debian-amd64)/.*\.so' \
  | xargs jar xf "$hub_jar")
find "$out/opt/java" "$natives" -type f \( -name '*.so*' -o -path '*/bin/*' \) -print0 | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*[^:]$/ && NF == 2 {print $1}' | sort -u \
  | grep -v -e "^$out/" -e "^$natives/" | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
