#!/bin/sh
# The cluster profile's streaming replica: on first start, copies the primary with pg_basebackup (-R writes the
# standby settings), then runs PostgreSQL as a hot standby that the tracker reads through ConnectionStrings:MartenReadOnly.
set -eu
data=/var/lib/postgresql/data
bin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
mkdir -p "$data" /var/run/postgresql
chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
chmod 700 "$data"
if [ ! -s "$data/PG_VERSION" ]; then
  until su postgres -s /bin/sh -c "PGPASSWORD='$POSTGRES_PASSWORD' $bin/pg_basebackup -h postgres -p 5432 -U '$POSTGRES_USER' -D '$data' -R -X stream"; do
    echo "waiting for the primary ..."; rm -rf "${data:?}"/*; sleep 2
  done
fi
exec su postgres -s /bin/sh -c "$bin/postgres -D '$data' -c listen_addresses='*' -c hot_standby=on"
