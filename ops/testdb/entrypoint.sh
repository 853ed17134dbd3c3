#!/bin/sh
# Entrypoint of the locally built PostgreSQL image (see build-debian-postgres.sh). Like the official image's: a first
# argument "postgres" is the server itself (compose.yaml's command), and a new cluster runs
# /docker-entrypoint-initdb.d/*.sh with PGDATA set (the cluster profile's replication rule).
set -eu
if [ "${1:-}" = postgres ]; then shift; fi
user="${POSTGRES_USER:-postgres}"
password="${POSTGRES_PASSWORD:-postgres}"
db="${POSTGRES_DB:-$user}"
data=/var/lib/postgresql/data
bin=/usr/lib/postgresql/15/bin

if [ ! -s "$data/PG_VERSION" ]; then
  mkdir -p "$data" /var/run/postgresql
  chown -R postgres:postgres "$data" /var/run/postgresql
  printf '%s' "$password" > /tmp/pwfile
  chown postgres /tmp/pwfile
  su postgres -s /bin/sh -c "$bin/initdb -D $data -U '$user' --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  rm -f /tmp/pwfile
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$data/pg_hba.conf"
  echo "host all all ::/0 scram-sha-256" >> "$data/pg_hba.conf"
  if [ "$db" != "postgres" ]; then
    su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -o \"-c listen_addresses=''\" -w start" >/dev/null
    su postgres -s /bin/sh -c "psql -q -U '$user' -d postgres -c 'CREATE DATABASE \"$db\"'" >/dev/null
    su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -m fast -w stop" >/dev/null
  fi
  for script in /docker-entrypoint-initdb.d/*.sh; do
    if [ -e "$script" ]; then PGDATA="$data" sh "$script"; fi
  done
fi
mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql
# `docker stop` sends SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for clients to leave; pass it on
# as SIGINT (fast shutdown: sessions end, a checkpoint is written) so the container stops cleanly within the timeout.
setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$data" -c "listen_addresses=*" "$@" &
postgres_pid=$!
trap 'kill -INT "$postgres_pid"' TERM INT
wait "$postgres_pid" || wait "$postgres_pid"
