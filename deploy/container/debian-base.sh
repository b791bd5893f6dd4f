#!/usr/bin/env bash
# Builds the ASP.NET Core runtime image that BudgetBot's container is built on, from Debian's packages and the .NET
# runtime of the SDK on this machine, and pushes it to a registry: for a network that cannot reach
# mcr.microsoft.com (the SDK's default base image). The image matches what the service needs of the official one:
# Debian 12, the ASP.NET Core runtime in /usr/share/dotnet, ICU, OpenSSL, CA certificates and time zones, and a user
# "app" (uid 1654). It also holds the data dir, /var/lib/budgetbot, owned by that user and declared a volume, which
# the SDK cannot add to an image of its own.
#
#   deploy/container/debian-base.sh [registry] [repository:tag]
#
# The registry defaults to localhost:5000 (a plain-HTTP registry on this machine, such as Debian's docker-registry).
# Needs root (debootstrap), curl, and the .NET SDK. Env: DEBIAN_MIRROR, DEBIAN_SUITE.
set -euo pipefail

registry=${1:-localhost:5000}
image=${2:-budgetbot/aspnet:10.0}
repository=${image%%:*}
tag=${image##*:}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${DEBIAN_SUITE:-bookworm}
app_uid=1654

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

echo "debootstrap $suite from $mirror"
debootstrap --variant=minbase --include=ca-certificates,tzdata,libicu72,libssl3 "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
# What only installing packages needs, and documentation: not in a runtime image.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* \
  "$root"/var/log/* "$root"/tmp/*

# The runtime the SDK here builds for: the host, its resolver and the two shared frameworks, at their own versions.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
aspnet=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" && $2 ~ /^10\./ { v = $2 } END { print v }')
netcore=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" && $2 ~ /^10\./ { v = $2 } END { print v }')
[ -n "$aspnet" ] && [ -n "$netcore" ] || { echo "no .NET 10 runtime next to the SDK" >&2; exit 1; }
mkdir -p "$root/usr/share/dotnet/host" "$root/usr/share/dotnet/shared"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$root/usr/share/dotnet/"
cp -a "$dotnet_root/host/fxr" "$root/usr/share/dotnet/host/"
mkdir -p "$root/usr/share/dotnet/shared/Microsoft.NETCore.App" "$root/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$netcore" "$root/usr/share/dotnet/shared/Microsoft.NETCore.App/"
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet" "$root/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"

# The user the service runs as, and its data dir.
echo "app:x:$app_uid:$app_uid::/home/app:/usr/sbin/nologin" >>"$root/etc/passwd"
echo "app:x:$app_uid:" >>"$root/etc/group"
install -d -o "$app_uid" -g "$app_uid" -m 0755 "$root/home/app"
install -d -o "$app_uid" -g "$app_uid" -m 0700 "$root/var/lib/budgetbot"

# One layer; files keep their numeric owners, and the same tree gives the same bytes (fixed times, sorted names).
tar --numeric-owner --sort=name --mtime=@0 -C "$root" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -6 "$work/layer.tar"
layer=$work/layer.tar.gz
layer_digest=$(sha256sum "$layer" | cut -d' ' -f1)

cat >"$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","config":{"User":"$app_uid","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_UID=$app_uid","ASPNETCORE_HTTP_PORTS=8080","DOTNET_RUNNING_IN_CONTAINER=true","DOTNET_VERSION=$netcore","ASPNET_VERSION=$aspnet"],"WorkingDir":"/","Volumes":{"/var/lib/budgetbot":{}}},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"deploy/container/debian-base.sh: Debian $suite minbase, ASP.NET Core $aspnet"}]}
EOF
config_digest=$(sha256sum "$work/config.json" | cut -d' ' -f1)
cat >"$work/manifest.json" <<EOF
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config_digest","size":$(stat -c %s "$work/config.json")},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:$layer_digest","size":$(stat -c %s "$layer")}]}
EOF

# The registry API's monolithic upload: start an upload, then put the whole blob under its digest.
push_blob() {
  local file=$1 digest=$2 location
  if curl -fsS -o /dev/null -I "http://$registry/v2/$repository/blobs/sha256:$digest" 2>/dev/null; then
    return
  fi
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$registry/v2/$repository/blobs/uploads/" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  case $location in http*) ;; *) location=http://$registry$location ;; esac
  case $location in *\?*) location="$location&digest=sha256:$digest" ;; *) location="$location?digest=sha256:$digest" ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$location" >/dev/null
}

push_blob "$layer" "$layer_digest"
push_blob "$work/config.json" "$config_digest"
curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$work/manifest.json" \
  "http://$registry/v2/$repository/manifests/$tag" >/dev/null
echo "pushed $registry/$repository:$tag ($(du -h "$layer" | cut -f1) compressed; ASP.NET Core $aspnet)"
