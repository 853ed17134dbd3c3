#!/usr/bin/env bash
# Builds the cluster profile's images from Debian's packages and NuGet alone, for machines that reach no container
# registry (compose.yaml's own builds start FROM images of Docker Hub and Microsoft's registry):
#   dossiertracker/postgres-debian:15-3  PostgreSQL 15 (ops/testdb/build-debian-postgres.sh)
#   dossiertracker/debian:bookworm       a debootstrap Debian with what a self-contained .NET service needs
#   dossiertracker:local                 the tracker, published self-contained (runtime packs from NuGet) onto that base
#   dossiertracker-haproxy:local         ops/cluster/haproxy.Dockerfile on that base
# Compose uses an image that exists under a service's name instead of building it, so afterwards:
#   POSTGRES_IMAGE=dossiertracker/postgres-debian:15-3 DEBIAN_IMAGE=dossiertracker/debian:bookworm docker-compose --profile cluster up -d
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
base=dossiertracker/debian:bookworm

"$root/ops/testdb/ensure-docker.sh"
has_image() { docker image inspect "$1" >/dev/null 2>&1; }

has_image dossiertracker/postgres-debian:15-3 || "$root/ops/testdb/build-debian-postgres.sh" dossiertracker/postgres-debian:15-3

work="$(mktemp -d /tmp/dossiertracker-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if ! has_image "$base"; then
  command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "Building $base with debootstrap (about a minute) ..."
  # What Microsoft's runtime-deps image holds: certificates, ICU (globalization is on), time zones.
  debootstrap --variant=minbase --include=ca-certificates,libicu72,tzdata bookworm "$work/rootfs" http://deb.debian.org/debian >/dev/null
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb
  tar -C "$work/rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$base" >/dev/null
  rm -rf "$work/rootfs"
fi

echo "Publishing the tracker self-contained for linux-x64 ..."
dotnet publish "$root/src/DossierTracker.Api/DossierTracker.Api.csproj" -c Release -r linux-x64 --self-contained \
  -o "$work/context/app" -nologo -v quiet >/dev/null
mkdir -p "$work/context/app/demo"
cp "$root"/ops/demo/*.json "$work/context/app/demo/"
cp "$root/ops/cluster/tracker-local.Dockerfile" "$work/context/Dockerfile"
docker build -q --build-arg "BASE_IMAGE=$base" -t dossiertracker:local "$work/context" >/dev/null
echo "Built dossiertracker:local"

docker build -q --build-arg "DEBIAN_IMAGE=$base" -f "$root/ops/cluster/haproxy.Dockerfile" -t dossiertracker-haproxy:local \
  "$root/ops/cluster" >/dev/null
echo "Built dossiertracker-haproxy:local"
