#!/usr/bin/env bash
# Atrium's benchmark harness: the packaged application against the seed's own stack (Flask under
# gunicorn -k gevent -w 8) and nginx serving a static file (this machine's ceiling), all on 127.0.0.1,
# measured with wrk in one run so the ratios hold on a noisy machine. Writes bench/results/<date>.md.
#   bench/run.sh                 # from the repository root; DURATION=10s CONNECTIONS=64 ROUNDS=3 to change the load
#   ONLY="login" ATRIUM_AUTH_BCRYPT_COST=12 bench/run.sh   # some targets only, with a setting changed: a before/after
#   APP_JAR=../old/target/quarkus-app/quarkus-run.jar ONLY="register" bench/run.sh   # another build: a before/after
# Needs: a JDK 17+, PostgreSQL on 127.0.0.1:5432 (user postgres may create a database), and the Debian
# packages wrk nginx gunicorn python3-flask python3-gevent (installed here with apt-get when run as root).
# Loads are bounded in time and target only 127.0.0.1. Run it by hand; CI does not.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
# targets to measure, by their names below (e.g. "login post_session"); all when empty
ONLY=${ONLY:-}
# the caller's own settings for Atrium (ATRIUM_*), recorded with the results
CALLER_SETTINGS=$(env | grep '^ATRIUM_' | sort | paste -sd' ' || true)
ROUNDS=${ROUNDS:-3}
# unrecorded rounds first: routes through the database climb for a minute or more while the JIT compiles
# their wide code path at a low request rate, and a 5 s warm-up alone would measure that climb
PRIME_ROUNDS=${PRIME_ROUNDS:-1}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
# PORT_BASE and DB_PREFIX move the servers' ports (PORT_BASE to PORT_BASE+6, and each +1000 for management)
# and databases, so two runs on one machine (two worktrees, say) do not meet
PORT_BASE=${PORT_BASE:-18090}
APP_PORT=$PORT_BASE FLASK_PORT=$((PORT_BASE + 1)) NGINX_PORT=$((PORT_BASE + 2)) BARE_PORT=$((PORT_BASE + 3))
NATIVE_PORT=$((PORT_BASE + 4)) BARE_DATA_PORT=$((PORT_BASE + 5))
AOT_PORT=$((PORT_BASE + 6))
# The JVM that runs Atrium (plain and with its AOT cache) and the bare frameworks: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAVA=${JAVA:-java}
# Atrium in the aot-jar layout with its AOT cache (JDK 25): a directory holding quarkus-run.jar and an app.aot
# trained by that same JAVA (.ci/aot-check leaves one in target/quarkus-app: copy it aside, the plain jar is
# rebuilt there). Measured beside the plain jar when given: start-up and its CPU, memory, every route.
AOT_APP=${AOT_APP:-}
# restarts of each kind timed, alternately (plain, AppCDS, AOT, plain, ...); each start's median is reported
STARTS=${STARTS:-3}
# The native executable (./mvnw package -Dnative), measured beside the JVM when one has been built
NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -n 1 || true)}
# The native executable's run-time options: its heap and collector (SubstrateVM's serial GC), as its container
# runs it (src/main/docker/Dockerfile.native-micro). NATIVE_OPTS="" measures the executable's own defaults.
NATIVE_OPTS=${NATIVE_OPTS--Xmx64m -Xmn16m}
read -ra native_opts <<< "$NATIVE_OPTS"
# The JVM options Atrium runs with (the bare framework gets the same): a small fixed heap and the serial
# collector, as a container with a memory limit would run it. JAVA_OPTS="" measures the JVM's defaults.
JAVA_OPTS=${JAVA_OPTS--XX:+UseSerialGC -Xms64m -Xmx128m -XX:ReservedCodeCacheSize=64m -Xss512k}
read -ra java_opts <<< "$JAVA_OPTS"
# Another build of Atrium (an older commit's, for a before/after) may be named; the checkout's own is built if missing
APP_JAR=${APP_JAR:-target/quarkus-app/quarkus-run.jar}
# glibc's per-thread malloc arenas are most of a JVM's resident memory beyond the heap on many cores
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
DB=${DB_PREFIX:-atrium_bench}
BARE_DB=${DB_PREFIX:-atrium_bench}_bare
WORK=$(mktemp -d)
RESULTS=bench/results/$(date -u +%Y-%m-%d-%H%M).md
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; nginx -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true; }
trap cleanup EXIT

need=()
for tool in wrk nginx gunicorn; do command -v "$tool" >/dev/null || need+=("$tool"); done
/usr/bin/python3 -c 'import flask, gevent' 2>/dev/null || need+=(python3-flask python3-gevent)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk nginx gunicorn python3-flask python3-gevent >/dev/null
  else
    echo "bench: missing ${need[*]}: apt-get install wrk nginx gunicorn python3-flask python3-gevent" >&2; exit 1
  fi
fi

[ -f "$APP_JAR" ] || [ "$APP_JAR" != target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
[ -f "$APP_JAR" ] || { echo "bench: no $APP_JAR" >&2; exit 1; }
./mvnw -B -q -f bench/bare-quarkus/pom.xml package
./mvnw -B -q -f bench/bare-quarkus-data/pom.xml package
for db in $DB $BARE_DB; do
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db" -c "create database $db" >/dev/null
done

# polls every 20 ms (the native executable's start is a few hundred), for at most 2 minutes (a JVM on a loaded machine)
wait_for() { for _ in $(seq 1 6000); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.02; done; return 1; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
load() { # url [wrk args...] -> "rps p50 p99"; a shorter unmeasured run first, so the JIT has compiled the route
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" > /dev/null 2>&1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/wrk.out" 2>&1
  awk '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $5 }
       END { printf "%s %s %s %s", rps, p50, p99, (bad == "" ? 0 : bad) }' "$WORK/wrk.out"
}

# --- Atrium, packaged, prod profile, on PostgreSQL
# Its management interface (health, metrics) listens 1000 above its public port, so the JVM and the native
# instance, which run side by side, do not both claim 9000. Prod refuses a local site address and an
# unchosen mailer: a made-up public address (nothing is mailed), and the mock mailbox.
management_port() { echo $(($1 + 1000)); }
# The login throttle counts every password check while it runs, so 64 concurrent logins to one account from
# one address would meet its limits (429) instead of bcrypt: they are lifted for the bench, and so is the
# limit of account mails from one address, which the registration load would meet.
start_atrium() { # port command...: starts it in the background, its pid in $app
  local port=$1; shift
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    ATRIUM_SITE_BASE_URL=https://atrium.example.org QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_MAILER_MOCK=true QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=benchmark-only-key-0123456789abcdefghij QUARKUS_LOG_LEVEL=WARN \
    ATRIUM_AUTH_SECURE_COOKIES=false QUARKUS_SHUTDOWN_DELAY=0S \
    ATRIUM_AUTH_LOGIN_ATTEMPTS_PER_ADDRESS=1000000 ATRIUM_AUTH_LOGIN_ATTEMPTS_PER_ACCOUNT=1000000 \
    ATRIUM_AUTH_LOGIN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS=1000000 ATRIUM_AUTH_MAILS_PER_ADDRESS=1000000 \
    "$@" >> "$WORK/app.log" 2>&1 &
  app=$!; pids+=("$app")
}
# the bare framework with a database (bench/bare-quarkus-data): the floor under Atrium's start-up and memory
start_bare_data() { # port
  QUARKUS_HTTP_PORT=$1 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$BARE_DB \
    "$JAVA" "${java_opts[@]}" -jar bench/bare-quarkus-data/target/quarkus-app/quarkus-run.jar >> "$WORK/bare-data.log" 2>&1 &
  app=$!; pids+=("$app")
}
time_to_first_200() { # port starter [command...]: starts Atrium (or what starter starts); the milliseconds to its
  # first 200 in $elapsed, and the CPU time (user + system, all threads) it had used by then in $cpu
  local port=$1 starter=$2 begin; shift 2
  begin=$(date +%s%N)
  "$starter" "$port" "$@"
  wait_for "http://127.0.0.1:$port/hello_world"
  elapsed=$(( ($(date +%s%N) - begin) / 1000000 ))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$app/stat")
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# the AOT instance runs from its own directory: the cache names the class path as it was trained (quarkus-run.jar)
start_aot() { # port
  start_atrium "$1" sh -c 'cd "$1" && shift && exec "$@"' sh "$AOT_APP" "$JAVA" "${java_opts[@]}" -XX:AOTCache=app.aot \
    -jar quarkus-run.jar
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

time_to_first_200 $APP_PORT start_atrium "$JAVA" "${java_opts[@]}" -jar $APP_JAR # on an empty database: Flyway creates the schema
first_200_ms=$elapsed
atrium=$app
sleep 2
rss_idle=$(rss_mb "$atrium")
# what the idle instance spends on its own (schedulers, pollers, servers), in CPU milliseconds a minute
cpu_ms() { awk '{ printf "%d", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$1/stat"; }
cpu_before=$(cpu_ms "$atrium"); sleep "${IDLE_SECONDS:-60}"
idle_cpu_ms_per_min=$(( ($(cpu_ms "$atrium") - cpu_before) * 60 / ${IDLE_SECONDS:-60} ))

# a confirmed account, an API token and a post, made through the application itself
base=http://127.0.0.1:$APP_PORT
jar=$WORK/cookies
csrf() { curl -fsS -c "$jar" -b "$jar" "$base$1" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -n 1; }
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf-token=$(csrf /register)" -d email=bench@example.org \
  -d username=bench --data-urlencode "password=correct horse battery" "$base/register"
psql -h 127.0.0.1 -U postgres -d $DB -qc "update users set confirmed = true where username = 'bench'" >/dev/null
token=atr_benchmark$(date +%s)
psql -h 127.0.0.1 -U postgres -d $DB -qc "insert into api_tokens (user_id, name, token_hash, created_at, revoked)
  select id, 'bench', '$(printf %s "$token" | sha256sum | cut -d' ' -f1)', now(), false from users where username = 'bench'" >/dev/null
post=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"title":"Benchmark post","body":"Some **Markdown** with a [link](https://example.org) and a list:\n\n- one\n- two\n"}' \
  "$base/api/v1/posts" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
# a second post with 50 comments by the bench account, written straight to the database as the comments
# feature stores them (Markdown and its HTML), with the post's count to match
post_comments=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"title":"Benchmark post with comments","body":"A post with **fifty** comments under it."}' \
  "$base/api/v1/posts" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
psql -h 127.0.0.1 -U postgres -d $DB -qc "insert into comments (post_id, author_id, body, html, hidden, created_at)
  select $post_comments, u.id, 'Comment ' || n || ' with *emphasis* and a [link](https://example.org).',
    '<p>Comment ' || n || ' with <em>emphasis</em> and a <a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">link</a>.</p>',
    false, now() - (50 - n) * interval '1 minute'
  from users u, generate_series(1, 50) n where u.username = 'bench'" \
  -c "update posts set comment_count = 50, comments_changed_at = now() where id = $post_comments" >/dev/null
# the following tab's data: 200 other authors with 50 posts each (10,000 posts), of whom bench follows 100
psql -h 127.0.0.1 -U postgres -d $DB -q >/dev/null <<'SQL'
insert into users (email, username, password_hash, role, confirmed, created_at, password_changed_at)
  select 'author' || n || '@example.org', 'author' || n, 'x', 'USER', true, now(), now() from generate_series(1, 200) n;
insert into posts (author_id, title, body, created_at, updated_at)
  select u.id, 'Post ' || p || ' by ' || u.username, 'Some **Markdown**.', now() - (p || ' minutes')::interval - (u.id || ' seconds')::interval,
         now() - (p || ' minutes')::interval
  from users u cross join generate_series(1, 50) p where u.username like 'author%';
insert into follows (follower_id, followed_id, created_at)
  select b.id, a.id, now() from users b, users a
  where b.username = 'bench' and a.username in (select 'author' || n from generate_series(1, 100) n);
analyze;
SQL
login_token=$(csrf /login)
csrf_cookie=$(awk '$6 == "atrium-csrf" { print $7 }' "$jar")
# a signed-in visitor's session, for the post page through security, the database and rendering; a new one
# for each load, since wrk keeps sending the cookie it was given and a session over a minute old is renewed
# (re-encrypted) on every answer, as a browser would not need
session_cookies() { # base URL -> a Cookie header's value: the new session and its start time
  local sessions=$WORK/session-cookies
  rm -f "$sessions"
  curl -fsS -o /dev/null -c "$sessions" -b "$jar" --data-urlencode "csrf-token=$login_token" -d login=bench \
    --data-urlencode "password=correct horse battery" "$1/login"
  awk '$6 ~ /^atrium-session/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$sessions"
}
cat > "$WORK/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "atrium-csrf=$csrf_cookie"
wrk.body = "login=bench&password=correct+horse+battery&csrf-token=$login_token"
LUA
# registration: a new account a request (bcrypt, the account's row, its confirmation mail), each name unique
# (each wrk thread runs the script in its own Lua state: setup() numbers them, so their names never meet)
cat > "$WORK/register.lua" <<LUA
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
local run = os.time()
request = function()
  n = n + 1
  local name = "r" .. run .. "t" .. id .. "x" .. n
  return wrk.format("POST", "/register", { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "atrium-csrf=$csrf_cookie" },
    "email=" .. name .. "%40example.org&username=" .. name .. "&password=correct+horse+battery&csrf-token=$login_token")
end
LUA

# --- the others, started now and idle until their turn
targets=(hello index index_following post post_session post_comments post_comments_session api login register)
if [ -n "$NATIVE" ]; then # a restart: the schema is in place
  time_to_first_200 $NATIVE_PORT start_atrium "$NATIVE" "${native_opts[@]}"
  native=$app
  sleep 2
  native_rss_idle=$(rss_mb "$native")
  targets+=(native_hello native_index native_index_following native_post native_post_session native_post_comments native_post_comments_session native_api native_login)
fi
if [ -n "$AOT_APP" ]; then # a restart: the schema is in place
  [ -s "$AOT_APP/app.aot" ] || { echo "bench: $AOT_APP/app.aot is missing: run .ci/aot-check" >&2; exit 1; }
  time_to_first_200 $AOT_PORT start_aot
  aot=$app
  sleep 2
  aot_rss_idle=$(rss_mb "$aot")
  targets+=(aot_hello aot_index aot_post aot_post_session aot_api aot_login)
fi
# the bare framework: the same Quarkus and routes, nothing of Atrium's (bench/bare-quarkus)
QUARKUS_HTTP_PORT=$BARE_PORT "$JAVA" "${java_opts[@]}" -jar bench/bare-quarkus/target/quarkus-app/quarkus-run.jar > "$WORK/bare.log" 2>&1 &
bare=$!; pids+=("$bare")
# the bare framework with a database: started twice, so the second start finds its schema in place as
# Atrium's restart does
start_bare_data $BARE_DATA_PORT
wait_for "http://127.0.0.1:$BARE_DATA_PORT/hello_world"
stop "$app"
time_to_first_200 $BARE_DATA_PORT start_bare_data
bare_data_first_200_ms=$elapsed
bare_data=$app
sleep 2
bare_data_rss_idle=$(rss_mb "$bare_data")
# the seed's stack: Flask under gunicorn -k gevent -w 8
(cd bench/seed-flask && exec /usr/bin/python3 -m gunicorn -k gevent -w 8 -b 127.0.0.1:$FLASK_PORT app:app) > "$WORK/flask.log" 2>&1 &
pids+=("$!")
# nginx serving a static Hello World!: the ceiling of this machine
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
printf 'Hello World!' > "$WORK/nginx/html/hello_world"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
error_log logs/error.log;
pid logs/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root html; location / { default_type text/plain; } }
}
NGINX
chmod 755 "$WORK" && chmod -R a+rX "$WORK/nginx" # nginx's workers run as an unprivileged user
nginx -p "$WORK/nginx" -c nginx.conf
for port in $BARE_PORT $FLASK_PORT $NGINX_PORT; do wait_for "http://127.0.0.1:$port/hello_world"; done

# --- the loads: every target once per round, one at a time, ROUNDS rounds; each keeps its median round, so
# a slow minute of the machine moves one round of every target rather than all rounds of one
targets+=(bare_hello bare_index bare_post flask_hello flask_index nginx)
if [ -n "$ONLY" ]; then read -ra targets <<< "$ONLY"; fi
load_target() {
  local at=$base
  case $1 in native_*) at=http://127.0.0.1:$NATIVE_PORT ;; aot_*) at=http://127.0.0.1:$AOT_PORT ;; esac
  case $1 in
    hello|native_hello|aot_hello) load "$at/hello_world" ;;
    index|native_index|aot_index) load "$at/" -H 'Accept: text/html' ;;
    # signed in, on the following tab: the followed feed of 100 authors among 10,000 posts
    index_following|native_index_following|aot_index_following) load "$at/" -H 'Accept: text/html' -H "Cookie: $(session_cookies "$at"); atrium-index-tab=following" ;;
    post|native_post|aot_post) load "$at/posts/$post" -H 'Accept: text/html' ;;
    post_session|native_post_session|aot_post_session) load "$at/posts/$post" -H 'Accept: text/html' -H "Cookie: $(session_cookies "$at")" ;;
    post_comments|native_post_comments|aot_post_comments) load "$at/posts/$post_comments" -H 'Accept: text/html' ;;
    post_comments_session|native_post_comments_session|aot_post_comments_session) load "$at/posts/$post_comments" -H 'Accept: text/html' -H "Cookie: $(session_cookies "$at")" ;;
    api|native_api|aot_api) load "$at/api/v1/posts" -H 'Accept: application/json' ;;
    # bcrypt: 64 at once wait longer than wrk's default 2 s
    login|native_login|aot_login) load "$at/login" -s "$WORK/login.lua" --timeout 10s ;;
    register) load "$at/register" -s "$WORK/register.lua" --timeout 10s ;;
    bare_hello) load "http://127.0.0.1:$BARE_PORT/hello_world" ;;
    bare_index) load "http://127.0.0.1:$BARE_PORT/" -H 'Accept: text/html' ;;
    bare_post) load "http://127.0.0.1:$BARE_DATA_PORT/posts/1" -H 'Accept: text/html' ;;
    flask_hello) load "http://127.0.0.1:$FLASK_PORT/hello_world" ;;
    flask_index) load "http://127.0.0.1:$FLASK_PORT/" ;;
    nginx) load "http://127.0.0.1:$NGINX_PORT/hello_world" ;;
  esac
}
mkdir -p "$WORK/runs"
for round in $(seq 1 "$PRIME_ROUNDS"); do
  for target in "${targets[@]}"; do load_target "$target" > /dev/null; done
done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${targets[@]}"; do
    echo "$(load_target "$target")" >> "$WORK/runs/$target"
  done
done
declare -A result
for target in "${targets[@]}"; do
  runs=$WORK/runs/$target
  result[$target]="$(sort -g -k1,1 "$runs" | sed -n "$(( (ROUNDS + 1) / 2 ))p" | cut -d' ' -f1-3) \
$(awk '{ bad += $4 } END { print bad + 0 }' "$runs") $(cut -d' ' -f1 "$runs" | sed 's/\..*//' | paste -sd/)"
done
rss_loaded=$(rss_mb "$atrium")
bare_data_rss_loaded=$(rss_mb "$bare_data")
if [ -n "$NATIVE" ]; then native_rss_loaded=$(rss_mb "$native"); stop "$native"; fi
if [ -n "$AOT_APP" ]; then aot_rss_loaded=$(rss_mb "$aot"); stop "$aot"; fi

# --- start-up again on the schema now in place (a restart), then with an AppCDS archive of the classes a
# running instance loads (made by a training run that serves a few pages and stops)
stop "$atrium"
start_atrium $APP_PORT "$JAVA" "${java_opts[@]}" -XX:ArchiveClassesAtExit="$WORK/atrium.jsa" -jar $APP_JAR
wait_for "$base/hello_world"
for path in / /about /login /register "/posts/$post" "/posts/$post_comments" /api/v1/posts /no-such-page; do
  curl -s -o /dev/null -H 'Accept: text/html' "$base$path"
done
curl -s -o /dev/null "http://127.0.0.1:$(management_port $APP_PORT)/q/health/ready" || true # a probe, as an orchestrator sends (an older build, measured for a before/after, has no management port)
stop "$app"
# each kind of restart STARTS times, in turn, so a slow minute of the machine falls on all of them
restarts=() restart_cpus=() appcds=() appcds_cpus=() aots=() aot_cpus=() natives=() native_cpus=() native_rss_first=()
for _ in $(seq 1 "$STARTS"); do
  time_to_first_200 $APP_PORT start_atrium "$JAVA" "${java_opts[@]}" -jar $APP_JAR
  restarts+=("$elapsed") restart_cpus+=("$cpu"); stop "$app"
  time_to_first_200 $APP_PORT start_atrium "$JAVA" "${java_opts[@]}" -XX:SharedArchiveFile="$WORK/atrium.jsa" -jar $APP_JAR
  appcds+=("$elapsed") appcds_cpus+=("$cpu"); stop "$app"
  if [ -n "$AOT_APP" ]; then
    time_to_first_200 $AOT_PORT start_aot
    aots+=("$elapsed") aot_cpus+=("$cpu"); stop "$app"
  fi
  if [ -n "$NATIVE" ]; then
    time_to_first_200 $NATIVE_PORT start_atrium "$NATIVE" "${native_opts[@]}"
    natives+=("$elapsed") native_cpus+=("$cpu") native_rss_first+=("$(rss_mb "$app")"); stop "$app"
  fi
done
restart_ms=$(median "${restarts[@]}") restart_cpu=$(median "${restart_cpus[@]}")
appcds_ms=$(median "${appcds[@]}") appcds_cpu=$(median "${appcds_cpus[@]}")
if [ -n "$AOT_APP" ]; then aot_ms=$(median "${aots[@]}") aot_cpu=$(median "${aot_cpus[@]}"); fi
if [ -n "$NATIVE" ]; then
  native_ms=$(median "${natives[@]}") native_cpu=$(median "${native_cpus[@]}") native_rss_at_200=$(median "${native_rss_first[@]}")
fi

# a target left out by ONLY has no row, and the ratios it is part of read n/a
row() { [ -n "${result[$2]:-}" ] || return 0; read -r rps p50 p99 bad rounds <<< "${result[$2]}"; echo "| $1 | $rps | $p50 | $p99 | $bad | $rounds |"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == 0 || b == 0) print "n/a"; else printf "%.0f %%", 100 * a / b }'; }
factor() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == 0 || b == 0) print "n/a"; else printf "%.1f x", a / b }'; }
rps() { echo "${result[$1]:-0}" | cut -d' ' -f1; }
ms() { # wrk's latency (850.00us, 1.20ms, 2.01s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'; }
p99ratio() { awk -v a="$(ms "$(echo "${result[$1]:-}" | cut -d' ' -f3)")" -v b="$(ms "$(echo "${result[$2]:-}" | cut -d' ' -f3)")" \
  'BEGIN { if (a == 0 || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
{
  echo "# Benchmark $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  [ "$APP_JAR" = target/quarkus-app/quarkus-run.jar ] || echo "Atrium measured from \`$APP_JAR\` (${APP_LABEL:-another build})."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB,"
  echo "$(uname -sr), $("$JAVA" -version 2>&1 | sed -n 2p). Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1"
  echo "after an unmeasured $WARMUP run of the same load, one target at a time (the others idle), every target once in"
  echo "each of $ROUNDS rounds after $PRIME_ROUNDS unrecorded one(s); the table shows each target's median round. Atrium: the packaged JVM application, prod profile, PostgreSQL;"
  echo "JVM options: \`${JAVA_OPTS:-(defaults)}\`, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
  [ -z "$ONLY" ] || echo "Targets measured: $ONLY only."
  [ -z "$CALLER_SETTINGS" ] || echo "Atrium's settings changed for this run: \`$CALLER_SETTINGS\`."
  echo
  echo "| target | requests/s | p50 | p99 | non-2xx (all rounds) | requests/s of each round |"
  echo "|---|---|---|---|---|---|"
  row "Atrium \`GET /hello_world\`" hello
  row "Atrium \`GET /\` (template, first page of posts)" index
  row "Atrium \`GET /\` (signed in, following tab: 100 followed authors among 10,000 posts)" index_following
  row "Atrium \`GET /posts/{id}\` (anonymous: the held page)" post
  row "Atrium \`GET /posts/{id}\` (signed in: security, database, template)" post_session
  row "Atrium \`GET /posts/{id}\` with 50 comments (anonymous: the held page)" post_comments
  row "Atrium \`GET /posts/{id}\` with 50 comments (signed in: the comments' query and form too)" post_comments_session
  row "Atrium \`GET /api/v1/posts\` (JSON)" api
  row "Atrium \`POST /login\` (bcrypt)" login
  row "Atrium \`POST /register\` (bcrypt, a new account and its mail)" register
  if [ -n "$NATIVE" ]; then
    row "Atrium native \`GET /hello_world\`" native_hello
    row "Atrium native \`GET /\`" native_index
    row "Atrium native \`GET /\` (signed in, following tab)" native_index_following
    row "Atrium native \`GET /posts/{id}\` (anonymous)" native_post
    row "Atrium native \`GET /posts/{id}\` (signed in)" native_post_session
    row "Atrium native \`GET /posts/{id}\` with 50 comments (anonymous)" native_post_comments
    row "Atrium native \`GET /posts/{id}\` with 50 comments (signed in)" native_post_comments_session
    row "Atrium native \`GET /api/v1/posts\`" native_api
    row "Atrium native \`POST /login\`" native_login
  fi
  if [ -n "$AOT_APP" ]; then
    row "Atrium JVM with AOT cache \`GET /hello_world\`" aot_hello
    row "Atrium JVM with AOT cache \`GET /\`" aot_index
    row "Atrium JVM with AOT cache \`GET /posts/{id}\` (anonymous)" aot_post
    row "Atrium JVM with AOT cache \`GET /posts/{id}\` (signed in)" aot_post_session
    row "Atrium JVM with AOT cache \`GET /api/v1/posts\`" aot_api
    row "Atrium JVM with AOT cache \`POST /login\`" aot_login
  fi
  row "bare Quarkus \`GET /hello_world\` (Vert.x route)" bare_hello
  row "bare Quarkus \`GET /\` (Qute page of the seed's index)" bare_index
  row "bare Quarkus with Hibernate ORM \`GET /posts/{id}\` (find by id, Qute)" bare_post
  row "seed Flask \`GET /hello_world\` (gunicorn -k gevent -w 8)" flask_hello
  row "seed Flask \`GET /\` (template)" flask_index
  row "nginx static \`Hello World!\` (ceiling)" nginx
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| JVM start to first 200, empty database (migrations run) | $first_200_ms ms |"
  echo "| JVM start to first 200, restart (schema in place); CPU used by then | $restart_ms ms; $restart_cpu ms CPU (median of $STARTS: ${restarts[*]} ms) |"
  echo "| JVM start to first 200, restart with an AppCDS archive; CPU | $appcds_ms ms; $appcds_cpu ms CPU (${appcds[*]} ms) |"
  if [ -n "$AOT_APP" ]; then
    echo "| JVM with its AOT cache (aot-jar, $AOT_APP): start to first 200, restart; CPU | $aot_ms ms; $aot_cpu ms CPU (${aots[*]} ms) |"
    echo "| JVM with its AOT cache: resident memory, idle / after load | $aot_rss_idle MB / $aot_rss_loaded MB |"
  fi
  echo "| resident memory, idle | $rss_idle MB |"
  echo "| resident memory, after load | $rss_loaded MB |"
  echo "| CPU while idle (before any load) | $idle_cpu_ms_per_min ms a minute |"
  echo "| bare Quarkus with Hibernate ORM, Flyway, PostgreSQL: start to first 200, restart | $bare_data_first_200_ms ms |"
  echo "| bare Quarkus with Hibernate ORM: resident memory idle / after its post page's load | $bare_data_rss_idle MB / $bare_data_rss_loaded MB |"
  if [ -n "$NATIVE" ]; then
    echo "| native ($(basename "$NATIVE"), \`${NATIVE_OPTS:-its defaults}\`): start to first 200, restart; CPU; resident then | $native_ms ms; $native_cpu ms CPU; $native_rss_at_200 MB (${natives[*]} ms) |"
    echo "| native: resident memory, idle | $native_rss_idle MB |"
    echo "| native: resident memory, after load | $native_rss_loaded MB |"
    echo "| native \`/hello_world\` / nginx | $(ratio "$(rps native_hello)" "$(rps nginx)") |"
    echo "| native \`/\` / seed \`/\` | $(factor "$(rps native_index)" "$(rps flask_index)") |"
    echo "| native \`/\` / JVM \`/\` | $(ratio "$(rps native_index)" "$(rps index)") |"
    echo "| native signed-in post page / JVM's | $(ratio "$(rps native_post_session)" "$(rps post_session)") |"
    echo "| native anonymous post page / JVM's | $(ratio "$(rps native_post)" "$(rps post)") |"
  fi
  echo "| \`/hello_world\` / nginx | $(ratio "$(rps hello)" "$(rps nginx)") |"
  echo "| \`/\` / nginx | $(ratio "$(rps index)" "$(rps nginx)") |"
  echo "| Atrium \`/\` / seed \`/\` | $(factor "$(rps index)" "$(rps flask_index)") |"
  echo "| Atrium \`/\` p99 / seed \`/\` p99 | $(p99ratio index flask_index) |"
  echo "| Atrium \`/hello_world\` / bare Quarkus | $(ratio "$(rps hello)" "$(rps bare_hello)") |"
  echo "| Atrium \`/\` / bare Quarkus \`/\` | $(ratio "$(rps index)" "$(rps bare_index)") |"
  echo "| Atrium \`/posts/{id}\` anonymous / bare Quarkus with ORM | $(ratio "$(rps post)" "$(rps bare_post)") |"
  echo "| Atrium \`/posts/{id}\` signed in / bare Quarkus with ORM | $(ratio "$(rps post_session)" "$(rps bare_post)") |"
} > "$RESULTS"
cat "$RESULTS"
