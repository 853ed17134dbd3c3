#!/usr/bin/env bash
# Prints the PostgreSQL image the tests should use, making sure it exists locally.
# 1. $DOSSIERTRACKER_TEST_POSTGRES_IMAGE when set and present (or pullable);
# 2. the official postgres image when it is present or the registry serves it;
# 3. otherwise a PostgreSQL 15 image built here from Debian packages (no registry needed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
official="postgres:15"
local_image="dossiertracker/postgres-debian:15-3"

has_image() { docker image inspect "$1" >/dev/null 2>&1; }
try_pull() { timeout 60 docker pull -q "$1" >/dev/null 2>&1; }

if [ -n "${DOSSIERTRACKER_TEST_POSTGRES_IMAGE:-}" ]; then
  if has_image "$DOSSIERTRACKER_TEST_POSTGRES_IMAGE" || try_pull "$DOSSIERTRACKER_TEST_POSTGRES_IMAGE"; then
    echo "$DOSSIERTRACKER_TEST_POSTGRES_IMAGE"; exit 0
  fi
fi
if has_image "$local_image"; then echo "$local_image"; exit 0; fi
if has_image "$official" || try_pull "$official"; then echo "$official"; exit 0; fi

"$here/build-debian-postgres.sh" "$local_image" >&2
echo "$local_image"
