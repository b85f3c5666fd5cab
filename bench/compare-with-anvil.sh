#!/usr/bin/env bash
# Xinlian against anvil on the same pre-signed workload, on this machine.
#
# Starts `xinlian dev` (fresh data directory, a free port) and anvil (npm @foundry-rs/anvil, pinned
# in interop-erc20, on another free port), then for each workload runs
#   xinlian bench --rpc XINLIAN --compare ANVIL ...
# which funds the senders on both, signs the workload once with fees both accept, measures Xinlian
# (node A) and then anvil (node B; --anvil-first swaps them) with exactly the same bytes, and prints
# the two side by side.
# Both nodes are stopped at the end, whatever happens. Builds the CLI and installs the npm packages
# first if they are missing.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/compare-with-anvil.sh [options]
  --transactions N      measured transactions per workload (default 20000)
  --senders S           sender accounts (default 128)
  --batch B             transactions per JSON-RPC batch (default 50)
  --connections C       concurrent HTTP connections (default 8)
  --warmup N            transactions sent to both nodes first, unmeasured, so the load
                        generator and the JVM node are warm before either is measured (default 5000)
  --workloads LIST      comma-separated: transfer, erc20 (default transfer,erc20)
  --timeout SECONDS     longest measured phase per node (default 300)
  --anvil-mining ARGS   anvil's mining flags (default "--block-time 0.1": interval mining every
                        100 ms; anvil 1.7.1's automine and --mixed-mining stall under this load)
  --anvil-first         measure anvil first (node A) and Xinlian second, to see whether the
                        order (a warmer load generator for the second node) matters
  --json                print the comparisons as JSON
  -h, --help            this help
EOF
}

transactions=20000
senders=128
batch=50
connections=8
warmup=5000
workloads="transfer,erc20"
timeout=300
anvil_mining="--block-time 0.1"
json=()
anvil_first=false
while [ $# -gt 0 ]; do
  case "$1" in
    --transactions) transactions="$2"; shift 2 ;;
    --senders) senders="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --anvil-mining) anvil_mining="$2"; shift 2 ;;
    --anvil-first) anvil_first=true; shift ;;
    --json) json=(--json); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-with-anvil: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/xinlian.jar"
project="$root/interop-erc20"
anvil="$project/node_modules/.bin/anvil"
artifact="$project/build/XinlianToken.json"

if [ ! -f "$jar" ]; then
  echo "compare-with-anvil: building the CLI (mvn -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl cli -am) >&2
fi
if [ ! -x "$anvil" ]; then
  echo "compare-with-anvil: installing the pinned npm packages (npm ci in interop-erc20)..." >&2
  (cd "$project" && npm ci --no-audit --no-fund) >&2
fi
case ",$workloads," in
  *,erc20,*)
    if [ ! -f "$artifact" ]; then
      echo "compare-with-anvil: compiling the token (node compile.mjs)..." >&2
      (cd "$project" && node compile.mjs) >&2
    fi ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/xinlian-compare.XXXXXX")"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    echo "compare-with-anvil: failed; node logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port on 127.0.0.1 that nothing listens on now (bash's /dev/tcp: a refused connection).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "compare-with-anvil: no free port found" >&2
  return 1
}

# Waits until the process is listening on the port (or has died, or 60 s have passed).
await_port() {
  local name="$1" pid="$2" port="$3" log="$4"
  for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "compare-with-anvil: $name exited; its log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "compare-with-anvil: $name is not listening on 127.0.0.1:$port after 60 s" >&2
  return 1
}

xinlian_port="$(free_port)"
java ${XINLIAN_JAVA_OPTS:-} -jar "$jar" dev --data-dir "$work/xinlian-dev" --rpc-port "$xinlian_port" \
  >"$work/xinlian.log" 2>&1 &
pids+=($!)
await_port "xinlian dev" "${pids[0]}" "$xinlian_port" "$work/xinlian.log"

anvil_port="$(free_port)"
# --quiet: anvil's per-request log would cost it CPU that xinlian dev (which logs no requests)
# does not spend. cancun: the EVM version the token is compiled for.
# shellcheck disable=SC2086  # the mining flags are words on purpose
"$anvil" --host 127.0.0.1 --port "$anvil_port" --hardfork cancun --quiet $anvil_mining \
  >"$work/anvil.log" 2>&1 &
pids+=($!)
await_port "anvil" "${pids[1]}" "$anvil_port" "$work/anvil.log"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
echo "xinlian dev on 127.0.0.1:$xinlian_port (data in a fresh temporary directory)"
echo "anvil $("$anvil" --version | head -n 1 | sed 's/^anvil //') on 127.0.0.1:$anvil_port ($anvil_mining)"
echo "parameters: $transactions transactions (after $warmup unmeasured), $senders senders, batch $batch," \
  "$connections connections"

first="http://127.0.0.1:$xinlian_port"
second="http://127.0.0.1:$anvil_port"
if [ "$anvil_first" = true ]; then
  first="http://127.0.0.1:$anvil_port"
  second="http://127.0.0.1:$xinlian_port"
fi

status=0
IFS=',' read -r -a kinds <<<"$workloads"
for kind in "${kinds[@]}"; do
  extra=()
  if [ "$kind" = "erc20" ]; then
    extra=(--erc20-artifact "$artifact")
  fi
  echo
  echo "== $kind =="
  java ${XINLIAN_JAVA_OPTS:-} -jar "$jar" bench \
    --rpc "$first" --compare "$second" \
    --workload "$kind" --transactions "$transactions" --warmup "$warmup" --senders "$senders" --batch "$batch" \
    --connections "$connections" --timeout "$timeout" --seed "compare-$kind" \
    "${extra[@]}" "${json[@]}" || status=$?
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
