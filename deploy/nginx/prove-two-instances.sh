#!/usr/bin/env bash
# Proves, on one machine, that Atrium instances are interchangeable behind nginx (deploy/nginx/atrium.conf):
#   1. a login made through one instance is honoured by the other (the session lives in the encrypted cookie);
#   2. page views served by both instances add up in the shared analytics tables;
#   3. stopping one instance with SIGTERM while a bounded load runs through nginx fails no request;
# and first that health and metrics are on each instance's management port only, never reachable through
# nginx or on the public port, while the API's OpenAPI document is.
# It starts two packaged instances (target/quarkus-app, from ./mvnw package or verify) on a fresh database
# in the local PostgreSQL, and nginx on 127.0.0.1. Needs: java, nginx, wrk, curl, psql. .ci/run runs it.
# Exits non-zero, saying why, when a claim does not hold.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
PORT_LB=${PORT_LB:-18180}
# each instance's management interface (health, metrics): a port of its own, as each pod has
MGMT_A=${MGMT_A:-18191}
MGMT_B=${MGMT_B:-18192}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_USER=${PG_USER:-postgres}
DB=${PROOF_DB:-atrium_lb_proof}  # the database it creates and drops at the end
JAR=target/quarkus-app/quarkus-run.jar
FIREFOX="Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
VIEWS=40

fail() { echo "FAILED: $*" >&2; exit 1; }
for tool in java nginx wrk curl psql; do
    command -v "$tool" > /dev/null || fail "$tool is not installed (Debian: apt-get install nginx-light wrk curl postgresql-client)"
done
[ -f "$JAR" ] || fail "$JAR is missing: run ./mvnw package first"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2> /dev/null || true
    sleep 1
    psql -q -h "$PG_HOST" -U "$PG_USER" -d postgres -c "drop database if exists $DB" > /dev/null 2>&1 || true
    if [ "${KEEP_WORK:-}" = "" ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap cleanup EXIT

sql() { psql -tA -h "$PG_HOST" -U "$PG_USER" -d "$1" -c "$2"; }
sql postgres "drop database if exists $DB" > /dev/null 2>&1
sql postgres "create database $DB" > /dev/null

# Both instances share the database and the session key, as replicas must. Plain HTTP on loopback, so the
# cookies' Secure flag (on in prod, where TLS ends at the load balancer) is turned off for this proof. Prod
# refuses a local site address and an unchosen mailer: the address is a made-up public one (nothing is mailed
# to it), and mail goes to the mock mailbox.
SESSION_KEY=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
start_instance() { # name port management-port extra-env...
    local name=$1 port=$2 management=$3
    shift 3
    env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" \
        ATRIUM_SITE_BASE_URL=https://atrium.example.org \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:5432/$DB" QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
        QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$SESSION_KEY" QUARKUS_MAILER_MOCK=true \
        ATRIUM_AUTH_SECURE_COOKIES=false \
        ATRIUM_ANALYTICS_FLUSH_INTERVAL=PT1S "$@" \
        java -Xmx256m -jar "$JAR" > "$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    eval "PID_$name=$!"
    for _ in $(seq 1 120); do
        if curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready"; then return 0; fi
        sleep 0.5
    done
    tail -20 "$WORK/$name.log" >&2
    fail "instance $name did not become ready on port $port"
}
start_instance A "$PORT_A" "$MGMT_A" ATRIUM_AUTH_SEED_ADMIN=true
start_instance B "$PORT_B" "$MGMT_B"
echo "instances ready: A on $PORT_A (pid $PID_A), B on $PORT_B (pid $PID_B)"

# nginx with the committed configuration, pointed at the two instances
sed -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/; s/127.0.0.1:8082/127.0.0.1:$PORT_B/; s/listen 8080;/listen 127.0.0.1:$PORT_LB;/" \
    deploy/nginx/atrium.conf > "$WORK/atrium.conf"
cat > "$WORK/nginx.conf" << CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    log_format proof '\$status \$upstream_addr "\$upstream_status" \$request_uri';
    access_log $WORK/nginx-access.log proof;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    include $WORK/atrium.conf;
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_LB/about" && break; sleep 0.25; done
LB="http://127.0.0.1:$PORT_LB"

echo "== 0. health and metrics on the management ports only; the OpenAPI document public"
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
for path in /q/metrics /q/metrics/ /q/health /q/health/ready /q/health/live /q; do
    [ "$(status "$LB$path")" = 404 ] || fail "$path through nginx answered $(status "$LB$path"), not 404"
    [ "$(status "http://127.0.0.1:$PORT_A$path")" = 404 ] || fail "$path on A's public port answered $(status "http://127.0.0.1:$PORT_A$path"), not 404"
done
for path in /q/metrics /q/health/ready /q/health/live /q/health/started; do
    [ "$(status "http://127.0.0.1:$MGMT_A$path")" = 200 ] || fail "$path on A's management port answered $(status "http://127.0.0.1:$MGMT_A$path"), not 200"
done
# the whole document first: grep -q stops reading at its match, and under pipefail curl's broken pipe failed the check
metrics=$(curl -s "http://127.0.0.1:$MGMT_A/q/metrics")
grep -q '^# HELP atrium_' <<< "$metrics" || fail "no atrium_ metric with its help text on A's management port"
[ "$(status "$LB/q/openapi")" = 200 ] || fail "the OpenAPI document through nginx answered $(status "$LB/q/openapi"), not 200"
echo "   /q/health, /q/metrics: 404 through nginx and on the public port, 200 on the management port; /q/openapi: 200 through nginx"

echo "== 1. a login made through instance A is honoured by instance B"
PASSWORD=$(grep -o "with password '[A-Za-z0-9_-]*'" "$WORK/A.log" | tail -1 | sed "s/.*'\(.*\)'/\1/")
[ -n "$PASSWORD" ] || fail "no seeded administrator password in instance A's log"
JAR_FILE="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "http://127.0.0.1:$PORT_A/login" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$TOKEN" ] || fail "no CSRF token on A's login page"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "login=admin" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "csrf-token=$TOKEN" "http://127.0.0.1:$PORT_A/login")
[ "$STATUS" = 303 ] || fail "login on A answered $STATUS, not 303"
PAGE=$(curl -s -w '\n%{http_code}' -b "$JAR_FILE" "http://127.0.0.1:$PORT_B/settings")
[ "$(tail -1 <<< "$PAGE")" = 200 ] || fail "B answered $(tail -1 <<< "$PAGE") to A's session on /settings"
grep -q "admin" <<< "$PAGE" || fail "B's settings page does not name the account signed in on A"
echo "   signed in on A; B serves /settings to the same cookie as admin"
for _ in 1 2 3 4; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_FILE" "$LB/settings")" = 200 ] || fail "the session was refused through nginx"
done
echo "   and through nginx, whichever instance answers"

echo "== 2. page views served by both instances add up in the analytics"
SERVED_A=0
SERVED_B=0
for _ in $(seq 1 $VIEWS); do
    UPSTREAM=$(curl -s -o /dev/null -D - -A "$FIREFOX" -H 'Accept: text/html' "$LB/about" | tr -d '\r' | sed -n 's/^[Xx]-[Uu]pstream: //p')
    case "$UPSTREAM" in
        *":$PORT_A") SERVED_A=$((SERVED_A + 1)) ;;
        *":$PORT_B") SERVED_B=$((SERVED_B + 1)) ;;
        *) fail "no X-Upstream header naming an instance: '$UPSTREAM'" ;;
    esac
done
[ "$SERVED_A" -gt 0 ] && [ "$SERVED_B" -gt 0 ] || fail "nginx did not use both instances (A $SERVED_A, B $SERVED_B)"
echo "   $VIEWS views of /about: $SERVED_A served by A, $SERVED_B by B"

echo "== 3. SIGTERM to instance A during a bounded load through nginx"
: > "$WORK/nginx-access.log"
wrk -t2 -c16 -d15s "$LB/" > "$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
sleep 4
kill -TERM "$PID_A"
set +e
wait "$PID_A"
EXIT_A=$?
set -e
wait "$WRK_PID" || fail "wrk failed: $(cat "$WORK/wrk.txt")"
cat "$WORK/wrk.txt" | sed 's/^/   /'
grep -q "Non-2xx or 3xx responses" "$WORK/wrk.txt" && fail "some requests got an error status during the shutdown"
grep -q "Socket errors" "$WORK/wrk.txt" && fail "some connections failed during the shutdown"
TOTAL=$(wc -l < "$WORK/nginx-access.log")
# 499 is nginx's "client closed the connection": wrk's requests still open when its 15 s are up. A client
# that gave up early would show in wrk's own "Socket errors ... timeout", checked above.
NOT_OK=$(awk '$1 != 200 && $1 != 499' "$WORK/nginx-access.log" | wc -l)
BY_A=$(grep -c ":$PORT_A" "$WORK/nginx-access.log" || true)
RETRIED=$(grep -c '"[0-9-]*, ' "$WORK/nginx-access.log" || true)
[ "$NOT_OK" = 0 ] || fail "$NOT_OK of $TOTAL requests were not answered 200: $(awk '$1 != 200 && $1 != 499' "$WORK/nginx-access.log" | sort | uniq -c | head -5)"
[ "$BY_A" -gt 0 ] || fail "instance A served nothing during the load, so its shutdown proved nothing"
case "$EXIT_A" in 0 | 143) ;; *) fail "instance A exited with $EXIT_A, not cleanly" ;; esac
echo "   $TOTAL requests, all 200 (but those wrk left open at its end); $BY_A involved A; $RETRIED moved to B by nginx; A exited with $EXIT_A"

sleep 3 # B writes its buffered views every second; A wrote its own at shutdown
RECORDED=$(sql "$DB" "select count(*) from page_views where path = '/about'")
[ "$RECORDED" = "$VIEWS" ] || fail "analytics recorded $RECORDED views of /about, not the $VIEWS served"
echo "   analytics: $RECORDED views of /about recorded, as served by A and B together"
echo "PROVED: sessions shared, analytics add up, no request lost when an instance stops"
