#!/usr/bin/env bash
# Throughput and finality latency of a local BFT network (issue 6, item 9), on this machine.
#
# Makes a fresh network with `xinlian network init` in a temporary directory (ports away from the
# README's network), starts it with `network up`, optionally kills validators with SIGKILL, then runs
#   xinlian bench --rpc NODE0 ...
# whose latency is from sending to the block being final on node 0 (time in the pool included), and
# prints node 0's finality quantiles (proposal seen to commit) and round changes. The network is stopped and the
# directory deleted at the end, whatever happens (--keep leaves the directory, with the node logs).
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/bft-network.sh [options]
  --nodes N             validators (default 4)
  --kill K              validators killed with SIGKILL before the measurement, the last ones
                        (default 0; at most f = (N - 1) / 3 keeps the chain live)
  --suite SUITE         standard or gm (default standard)
  --no-governance       an open development chain instead of the permissioned consortium
                        network init makes by default (to measure what admission costs)
  --transactions N      measured transfers (default 20000)
  --warmup N            unmeasured transfers sent first (default 150000: four JVMs on two cores
                        spend about a third of the CPU in the JIT compiler for the first minute)
  --senders S           sender accounts (default 128)
  --batch B             transactions per JSON-RPC batch (default 50)
  --connections C       concurrent HTTP connections (default 8)
  --rpc-base-port PORT  JSON-RPC port of node 0 (default 38545)
  --p2p-base-port PORT  P2P port of node 0 (default 39300)
  --jvm-option OPT      passed to every node's JVM (repeatable)
  --keep                keep the network directory (logs, ledgers) and print its path
  --json                print the report as JSON
  -h, --help            this help
EOF
}

nodes=4
kill_count=0
suite=standard
transactions=20000
warmup=150000
senders=128
batch=50
connections=8
rpc_base=38545
p2p_base=39300
keep=false
json=()
jvm_options=()
governance=(--governance)
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --kill) kill_count="$2"; shift 2 ;;
    --suite) suite="$2"; shift 2 ;;
    --transactions) transactions="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --senders) senders="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rpc-base-port) rpc_base="$2"; shift 2 ;;
    --p2p-base-port) p2p_base="$2"; shift 2 ;;
    --jvm-option) jvm_options+=("--jvm-option=$2"); shift 2 ;;
    --keep) keep=true; shift ;;
    --no-governance) governance=(--no-governance); shift ;;
    --json) json=(--json); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bft-network: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$kill_count" -ge "$nodes" ]; then
  echo "bft-network: --kill $kill_count leaves no node to measure (--nodes $nodes)" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/xinlian.jar"
if [ ! -f "$jar" ]; then
  echo "bft-network: building the CLI (mvn -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl cli -am) >&2
fi
xinlian() { java -jar "$jar" "$@"; }

dir="$(mktemp -d -t xinlian-bft-XXXXXX)"
cleanup() {
  xinlian network down --dir "$dir" >/dev/null 2>&1 || true
  if [ "$keep" = true ]; then
    echo "bft-network: network kept in $dir" >&2
  else
    rm -rf "$dir"
  fi
}
trap cleanup EXIT

xinlian network init --force --dir "$dir" --nodes "$nodes" --suite "$suite" "${governance[@]}" \
  --rpc-base-port "$rpc_base" --p2p-base-port "$p2p_base" >&2
xinlian network up --dir "$dir" "${jvm_options[@]}" >&2
for ((k = 0; k < kill_count; k++)); do
  victim=$((nodes - 1 - k))
  pid="$(cat "$dir/node$victim/node.pid")"
  echo "bft-network: kill -9 node$victim (pid $pid)" >&2
  kill -9 "$pid"
done

echo "bft-network: $nodes validators ($kill_count killed), suite $suite, on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
xinlian bench --rpc "http://127.0.0.1:$rpc_base" --transactions "$transactions" --warmup "$warmup" \
  --senders "$senders" --batch "$batch" --connections "$connections" --progress lines "${json[@]}"
echo "bft-network: load after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Finality (first sight of a height's proposal to its commit, over the last minute) and round
# changes, as node 0 reports them (docs/spec/node.md NODE-14).
if command -v curl >/dev/null; then
  curl -s "http://127.0.0.1:$rpc_base/metrics" \
    | grep -E '^xinlian_consensus_(finality_seconds\{quantile|round_changes_total|height )' \
    | sed 's/^/node0 /' >&2 || true
fi
