#!/usr/bin/env bash
# The real-run kit: what the tests cannot check without Docker. For each runtime EL (default: geth besu nethermind
# reth) it creates the bundled example snapshot, starts it with up.sh (which waits for block 2 and checks block 0
# against metadata.json), runs `snapshotter verify FOLDER --rpc-url`, waits for block 3, stops it with down.sh,
# starts it again and checks that the genesis time moved (beacon API genesis_time, block 1's timestamp) while the
# state did not (block 0's hash and state root), then removes the stack.
#
# Usage: scripts/real-run.sh [EL ...]      run from anywhere; needs Docker with Compose, curl, and swift (or SNAPSHOTTER)
# Environment: SNAPSHOTTER (a built snapshotter binary; default: swift build --product snapshotter),
#   REAL_RUN_DIR (work folder for the snapshots; default: a new temporary folder), BLOCK_TIMEOUT_SECONDS (default 300).
# Exit codes: 0 every check passed; 2 bad usage or no usable Docker (nothing was run, nothing is claimed);
#   3 a check failed (the summary names it); 1 anything unexpected.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
readonly rpc_url=http://127.0.0.1:8545
readonly beacon_url=http://127.0.0.1:4000
readonly block_timeout=${BLOCK_TIMEOUT_SECONDS:-300}

usage_error() {
  echo "real-run: $1" >&2
  exit 2
}

els=("$@")
[ ${#els[@]} -gt 0 ] || els=(geth besu nethermind reth)
for el in "${els[@]}"; do
  case $el in
    geth | besu | nethermind | reth) ;;
    *) usage_error "unknown runtime EL '$el'; choose from geth besu nethermind reth" ;;
  esac
done

command -v docker >/dev/null 2>&1 \
  || usage_error "no 'docker' command on PATH: this kit needs Docker with Compose. Nothing was run."
docker info >/dev/null 2>&1 \
  || usage_error "no Docker daemon answers ('docker info' failed): start Docker or run on a machine that has it. Nothing was run."
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 \
  || usage_error "neither 'docker compose' nor 'docker-compose' is installed. Nothing was run."
command -v curl >/dev/null 2>&1 || usage_error "curl is not installed. Nothing was run."

if [ -n "${SNAPSHOTTER:-}" ]; then
  snapshotter=$SNAPSHOTTER
else
  swift build --product snapshotter || exit 1
  snapshotter="$(swift build --show-bin-path)/snapshotter"
fi
[ -x "$snapshotter" ] || usage_error "$snapshotter is not an executable snapshotter"
work=${REAL_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/snapshotter-real-run.XXXXXX")}
mkdir -p "$work" || exit 1

results=()
failures=0

# Records one check: its EL, its name, PASS or FAIL and a detail.
record() {
  results+=("$1 | $2 | $3 | $4")
  [ "$3" = PASS ] || failures=$((failures + 1))
  echo "real-run: [$1] $2: $3 $4"
}

# The EL's answer to JSON-RPC method $1 with params $2, on one line.
rpc() {
  curl -s -m 10 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":$2,\"id\":1}" "$rpc_url" 2>/dev/null | tr -d '\r\n'
}

# The string value of member $1 in the JSON text on stdin.
json_string() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"
}

# The head block number in decimal (empty while the EL does not answer).
head_number() {
  local number
  number=$(rpc eth_blockNumber '[]' | json_string result)
  case $number in 0x[0-9a-fA-F]*) echo $((number)) ;; esac
}

# Waits until the head reaches block $1.
wait_for_block() {
  local deadline=$(($(date +%s) + block_timeout)) number
  while :; do
    number=$(head_number)
    [ -n "$number" ] && [ "$number" -ge "$1" ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 2
  done
}

# The facts one start is compared on, "-" where unknown: block 0 hash and state root, block 1 timestamp (decimal),
# the CL genesis time.
observe() {
  local block0 block1 genesis hash root timestamp genesis_time
  block0=$(rpc eth_getBlockByNumber '["0x0",false]')
  block1=$(rpc eth_getBlockByNumber '["0x1",false]')
  genesis=$(curl -s -m 10 "$beacon_url/eth/v1/beacon/genesis" 2>/dev/null | tr -d '\r\n')
  hash=$(printf '%s' "$block0" | json_string hash)
  root=$(printf '%s' "$block0" | json_string stateRoot)
  timestamp=$(printf '%s' "$block1" | json_string timestamp)
  case $timestamp in 0x[0-9a-fA-F]*) timestamp=$((timestamp)) ;; *) timestamp='' ;; esac
  genesis_time=$(printf '%s' "$genesis" | json_string genesis_time)
  case $genesis_time in '' | *[!0-9]*) genesis_time='' ;; esac
  echo "${hash:--} ${root:--} ${timestamp:--} ${genesis_time:--}"
}

run_el() {
  local el=$1 folder="$work/$1/real-run-$1" first second
  rm -rf "${work:?}/$el"
  if ! "$snapshotter" create --from-dump Examples/devnet-dump/state.jsonl --genesis-dir Examples/devnet-dump/genesis \
    --runtime-el "$el" --out "$work/$el" --name "real-run-$el"; then
    record "$el" create FAIL "snapshotter create failed"
    return
  fi
  record "$el" create PASS "$folder"

  if ! "$folder/up.sh"; then
    record "$el" "first up.sh" FAIL "see the logs above"
    "$folder/down.sh" >/dev/null 2>&1
    return
  fi
  record "$el" "first up.sh" PASS "block 2 reached, block 0 = metadata.json el.genesisHash"

  if "$snapshotter" verify "$folder" --rpc-url "$rpc_url"; then
    record "$el" "verify --rpc-url" PASS "$rpc_url"
  else
    record "$el" "verify --rpc-url" FAIL "exit $?"
  fi

  if wait_for_block 3; then
    record "$el" "block 3" PASS "head $(head_number)"
  else
    record "$el" "block 3" FAIL "no block 3 within $block_timeout s"
  fi
  read -r -a first <<<"$(observe)"

  "$folder/down.sh" || record "$el" "down.sh" FAIL "exit $?"
  if ! "$folder/up.sh"; then
    record "$el" "second up.sh" FAIL "see the logs above"
    "$folder/down.sh" >/dev/null 2>&1
    return
  fi
  read -r -a second <<<"$(observe)"
  "$folder/down.sh" || record "$el" "down.sh" FAIL "exit $?"

  if [ "${first[0]}" != - ] && [ "${first[1]}" != - ] && [ "${first[0]}" = "${second[0]}" ] \
    && [ "${first[1]}" = "${second[1]}" ]; then
    record "$el" "state kept across restarts" PASS "block 0 ${first[0]}, state root ${first[1]}"
  else
    record "$el" "state kept across restarts" FAIL "block 0 ${first[0]} → ${second[0]}, state root ${first[1]} → ${second[1]}"
  fi
  if [ "${first[3]}" != - ] && [ "${second[3]}" != - ] && [ "${second[3]}" -gt "${first[3]}" ] \
    && [ "${first[2]}" != - ] && [ "${second[2]}" != - ] && [ "${second[2]}" -gt "${first[2]}" ]; then
    record "$el" "genesis time moved" PASS "CL genesis_time ${first[3]} → ${second[3]}, block 1 timestamp ${first[2]} → ${second[2]}"
  else
    record "$el" "genesis time moved" FAIL "CL genesis_time ${first[3]} → ${second[3]}, block 1 timestamp ${first[2]} → ${second[2]}"
  fi
}

for el in "${els[@]}"; do
  run_el "$el"
done

echo
echo "EL | check | result | detail"
printf '%s\n' "${results[@]}"
if [ "$failures" -gt 0 ]; then
  echo "real-run: $failures check(s) failed; the snapshots are in $work" >&2
  exit 3
fi
echo "real-run: every check passed on: ${els[*]} (snapshots in $work)"
