#!/usr/bin/env bash
# Starts the local PostgreSQL server the tests use, with its role and database, if needed.
# Installs Debian's postgresql package when missing (needs root or sudo then).
# The tests connect to $ARREPORT_TEST_PG_URL, by default the role and database made here:
#   postgresql://arreport:arreport@127.0.0.1:5432/arreport_test
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "start-postgres: needs root or sudo to run: $*" >&2; exit 1
  fi
}

if [ -n "${ARREPORT_TEST_PG_URL:-}" ]; then
  echo "start-postgres: ARREPORT_TEST_PG_URL is set; using that server"
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null; then
  echo "installing: postgresql"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi
# Installed without a cluster (or the cluster was dropped): make Debian's default one.
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  newest=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  [ -n "$newest" ] || { echo "start-postgres: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }
  as_root pg_createcluster "$newest" main >/dev/null
fi

# The first cluster Debian made (e.g. "15 main 5432 down ...").
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  as_root pg_ctlcluster "$version" "$cluster" start
fi
if [ "$port" != "5432" ]; then
  echo "start-postgres: cluster $version/$cluster listens on $port; set ARREPORT_TEST_PG_URL" >&2
fi

psql_admin() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
ready=no
for attempt in $(seq 1 60); do
  if psql_admin -c "SELECT 1" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
if [ "$ready" != yes ]; then
  echo "start-postgres: cluster $version/$cluster does not answer on port $port; its log:" >&2
  as_root tail -n 20 "/var/log/postgresql/postgresql-$version-$cluster.log" >&2 || true
  exit 1
fi
if [ "$(psql_admin -c "SELECT count(*) FROM pg_roles WHERE rolname = 'arreport'")" = "0" ]; then
  psql_admin -c "CREATE ROLE arreport LOGIN PASSWORD 'arreport'"
fi
if [ "$(psql_admin -c "SELECT count(*) FROM pg_database WHERE datname = 'arreport_test'")" = "0" ]; then
  psql_admin -c "CREATE DATABASE arreport_test OWNER arreport"
fi
# TLS with a self-signed certificate for 127.0.0.1 and localhost, so the tests can ask for
# sslmode=require, verify-ca and verify-full (the certificate is its own root). Made even
# when TLS is already on (Debian's snakeoil certificate does not name 127.0.0.1).
tls_folder=/var/lib/postgresql/arreport-tls
if [ "$(psql_admin -c "SHOW ssl")" != "on" ] || [ "$(psql_admin -c "SHOW ssl_cert_file")" != "$tls_folder/server.crt" ] \
  || [ ! -r "$tls_folder/server.crt" ]; then
  command -v openssl >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl
  as_root mkdir -p "$tls_folder"
  as_root openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$tls_folder/server.key" -out "$tls_folder/server.crt" 2>/dev/null
  as_root chown -R postgres:postgres "$tls_folder"
  as_root chmod 600 "$tls_folder/server.key"
  as_root chmod 644 "$tls_folder/server.crt"
  as_root chmod 755 "$tls_folder"
  psql_admin -c "ALTER SYSTEM SET ssl_cert_file = '$tls_folder/server.crt'"
  psql_admin -c "ALTER SYSTEM SET ssl_key_file = '$tls_folder/server.key'"
  psql_admin -c "ALTER SYSTEM SET ssl = on"
  psql_admin -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
fi
echo "postgresql $version/$cluster is running on port $port (role arreport, database arreport_test, ssl $(psql_admin -c "SHOW ssl"), certificate $tls_folder/server.crt)"
