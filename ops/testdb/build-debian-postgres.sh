#!/usr/bin/env bash
# Builds a PostgreSQL 15 image from Debian packages with debootstrap, for machines that can
# reach Debian's archive but no container registry. The entrypoint behaves like the official
# image's for what Testcontainers uses: POSTGRES_USER/PASSWORD/DB, all addresses, and the
# "database system is ready to accept connections" log line.
set -euo pipefail
image="${1:-dossiertracker/postgres-debian:15-3}"
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

rootfs="$(mktemp -d /tmp/pg-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
echo "Building $image with debootstrap (about a minute) ..."
debootstrap --variant=minbase --include=postgresql-15 bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
install -m 0755 "$here/entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import \
  -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  -c 'EXPOSE 5432' \
  -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  - "$image" >/dev/null
echo "Built $image"
