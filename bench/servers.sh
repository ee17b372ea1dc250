# Sourced by bench/native-vs-jvm.sh and bench/cpu-per-request.sh: the heaps the native executable and the JVM run
# with, a database of the script's own, and starting and stopping a server on $PORT.

# the native executable's heap, as src/main/docker/Dockerfile.native-micro runs it; the JVM's, as bench/run.sh
NATIVE_OPTS=${NATIVE_OPTS--Xmx64m -Xmn16m}
JAVA_OPTS=${JAVA_OPTS--XX:+UseSerialGC -Xms64m -Xmx128m -XX:ReservedCodeCacheSize=64m -Xss512k}
read -ra native_opts <<< "$NATIVE_OPTS"
read -ra java_opts <<< "$JAVA_OPTS"
PORT=${PORT:-18199}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

own_database() { # name: an empty PostgreSQL database in $DB, dropped when the script ends
  DB=$1
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB" > /dev/null
  trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" > /dev/null 2>&1 || true' EXIT
}
run() { # command...: starts Atrium (or the bare framework, which ignores Atrium's settings) on $PORT in the background, its pid in $pid
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) ATRIUM_SITE_BASE_URL=https://atrium.example.org \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_MAILER_MOCK=true QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=benchmark-only-key-0123456789abcdefghij \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=false QUARKUS_LOG_LEVEL=WARN ATRIUM_AUTH_SECURE_COOKIES=false \
    QUARKUS_SHUTDOWN_DELAY=0S "$@" > /dev/null 2>&1 &
  pid=$!
}
first_200() { # polls every 10 ms: the native start is a few hundred
  for _ in $(seq 1 12000); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/hello_world" 2>/dev/null && return 0; sleep 0.01; done
  return 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
