#!/bin/sh
# Runs once, when the PostgreSQL volume is still empty: one database per service, each owned by its
# own role, so that a server can only reach its own data. Flyway in each server creates the tables.
set -eu

create_database() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_database inventory "$INVENTORY_DB_PASSWORD"
create_database booking "$BOOKING_DB_PASSWORD"
