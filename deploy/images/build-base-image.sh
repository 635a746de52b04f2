#!/usr/bin/env bash
# Makes the services' default base image, without a Docker daemon or a registry:
#   deploy/images/build-base-image.sh <JAVA_HOME of a JDK 17> <output .tar>
#
# The result is a `docker save` tarball (manifest.json, one config, one layer) that Jib reads as
# `tar://<output .tar>` (the root pom's image.base). Its one layer holds:
#   /opt/java/openjdk          a Java 17 runtime made by jlink, with its class data sharing archive, from the
#                              build's own JDK (the one that compiled and tested the services), laid out like
#                              eclipse-temurin's: `java` on PATH and JAVA_HOME mean the same in both
#   /lib/x86_64-linux-gnu ...  the shared libraries that runtime needs (glibc, zlib, libstdc++, libgcc),
#                              copied from the build machine, where they come from its Debian packages
#   /etc/passwd, /etc/group    root and nonroot (65532), as distroless images have them; /tmp world-writable
# A real deployment sets image.base to a maintained image instead (eclipse-temurin:17-jre, or a distroless
# Java 17 image), which this one imitates.
#
# Entries are sorted, dated 1970 and owned by root (nonroot's home by 65532), so only the JDK, the libraries and the
# class data sharing archive decide the bytes. Made again only when this script, the JDK or the system libraries it
# loads changed (a stamp beside the output), so a second build reuses it.
set -euo pipefail

jdk="${1:?usage: build-base-image.sh <JAVA_HOME> <output.tar>}"
out="${2:?usage: build-base-image.sh <JAVA_HOME> <output.tar>}"

# Java SE plus what the services' libraries reach for outside it (Netty and Kafka: jdk.unsupported; TLS with EC
# keys: jdk.crypto.ec; Kubernetes client certificates: jdk.crypto.cryptoki; DNS lookups by JNDI: jdk.naming.dns).
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.localedata"

for tool in jlink java; do
  [ -x "$jdk/bin/$tool" ] || { echo "build-base-image: $jdk/bin/$tool is missing (a JDK 17 with jmods is needed)" >&2; exit 1; }
done
"$jdk/bin/java" -version 2>&1 | grep -q '"17\.' || { echo "build-base-image: $jdk is not a Java 17 JDK" >&2; exit 1; }
for tool in ldd tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-base-image: $tool is needed" >&2; exit 1; }
done

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "build-base-image: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

out_dir="$(cd "$(dirname "$out")" 2>/dev/null && pwd || { mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd; })"
out="$out_dir/$(basename "$out")"
stamp_file="$out.stamp"
stamp="$( { sha256sum < "$0"; "$jdk/bin/java" -version 2>&1; sha256sum "$jdk/lib/server/libjvm.so" "$jdk/jmods/java.base.jmod"; \
  ldd "$jdk/bin/java" "$jdk/lib/server/libjvm.so" | awk '/=> \// { print $3 }' | sort -u | xargs sha256sum; \
  echo "$modules $arch"; } | sha256sum | cut -d' ' -f1)"
if [ -f "$out" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  echo "build-base-image: $out is up to date"
  exit 0
fi

work="$out_dir/base-image.work"
rm -rf "$work"
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/home/nonroot"

"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en \
  --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
  --output "$root/opt/java/openjdk"
runtime="$root/opt/java/openjdk"

# every shared library the launcher and the runtime's (non-desktop) native libraries load, with the dynamic loader
libs="$( { ldd "$runtime/bin/java"; ldd "$runtime/lib/server/libjvm.so";
  for so in "$runtime"/lib/*.so; do
    # what only a desktop loads (X11, sound, font rendering): their libraries are not copied, so these fail if
    # loaded, as in any headless image
    case "$(basename "$so")" in libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so|libfontmanager.so) continue ;; esac
    ldd "$so"
  done; } | awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' | grep -v "^$runtime" | sort -u)"
[ -n "$libs" ] || { echo "build-base-image: ldd found no libraries" >&2; exit 1; }
for lib in $libs; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# the loader finds these in its built-in multiarch directories; no ld.so.cache needed

cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
nonroot:x:65532:
EOF
cat > "$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF
chmod 1777 "$root/tmp"

# fail here, not in a container, when the runtime lacks a library: start it inside the layer's own root, with only
# the copied libraries there (a user namespace with its own /proc, as a container runtime gives: the launcher finds
# libjli.so through $ORIGIN, which needs /proc/self/exe)
if command -v unshare >/dev/null && unshare -r -m -p -f true 2>/dev/null; then
  mkdir "$root/proc"
  if ! unshare -r -m -p -f --mount-proc="$root/proc" chroot "$root" /opt/java/openjdk/bin/java -XX:-UsePerfData -Xshare:auto -version >"$work/java-version.txt" 2>&1; then
    echo "build-base-image: the runtime does not start in the image's root:" >&2; cat "$work/java-version.txt" >&2; exit 1
  fi
  rmdir "$root/proc"
  rm -rf "${root:?}/tmp/"* # nothing the check left behind goes into the image
else
  echo "build-base-image: no user namespaces here (util-linux unshare); the runtime was not tried in the image's root" >&2
fi

tar_reproducibly() { # <dir> <tar> <entries...>
  local dir="$1" file="$2"; shift 2
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$dir" -cf "$file" "$@"
}
# /home/nonroot belongs to the nonroot user; everything else to root
tar_reproducibly "$root" "$work/layer-root.tar" --exclude=./home/nonroot .
tar --sort=name --mtime=@0 --owner=65532 --group=65532 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$root" -rf "$work/layer-root.tar" ./home/nonroot
mkdir -p "$work/image"
layer_sha="$(sha256sum "$work/layer-root.tar" | cut -d' ' -f1)"
mkdir -p "$work/image/$layer_sha"
mv "$work/layer-root.tar" "$work/image/$layer_sha/layer.tar"

java_version="$("$runtime/bin/java" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/' || true)"
[ -n "$java_version" ] || java_version="$("$jdk/bin/java" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/')"
cat > "$work/image/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
  "User":"65532:65532",
  "Labels":{"org.opencontainers.image.title":"notebook-platform/jre-base","org.opencontainers.image.version":"$java_version",
   "org.opencontainers.image.description":"Java $java_version runtime (jlink) with the glibc it needs; a stand-in for eclipse-temurin:17-jre"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-base-image.sh"}]}
EOF
config_sha="$(sha256sum "$work/image/config.json" | cut -d' ' -f1)"
mv "$work/image/config.json" "$work/image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["notebook-platform/jre-base:17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_sha" "$layer_sha" > "$work/image/manifest.json"

tar_reproducibly "$work/image" "$out.tmp" manifest.json "$config_sha.json" "$layer_sha/layer.tar"
mv "$out.tmp" "$out"
echo "$stamp" > "$stamp_file"
rm -rf "$work"
echo "build-base-image: $out ($(du -h "$out" | cut -f1), java $java_version, $arch)"
