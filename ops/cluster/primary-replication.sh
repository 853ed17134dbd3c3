#!/bin/sh
# Run once by the postgres image when it creates its database (/docker-entrypoint-initdb.d): lets the replica of the
# cluster profile stream WAL with the database user's password. Replication is not covered by pg_hba's "all".
set -eu
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
