/// `up.sh`: starts the devnet from a fresh genesis and proves that the chain runs and is this snapshot's chain.
///
/// It removes whatever an earlier start left (containers and the runtime volume), starts the stack, then polls the
/// EL's `eth_blockNumber` until the head is at block 2 or later: block 1 may come from the EL alone, block 2 means the
/// validator client proposed through the beacon node. It then checks that the running chain's block 0 hash equals
/// `el.genesisHash` of `metadata.json` (read at run time: the metadata stays the one record of the snapshot, and
/// `snapshotter verify` covers it), prints the time from `compose up` to the first block and the endpoints.
///
/// Exit codes: 0 the chain runs; 1 a service stopped or no block 2 came within `UP_TIMEOUT_SECONDS` (default 300),
/// with the failing service's last log lines; 2 Docker Compose, an HTTP client or `metadata.json`'s genesis hash is
/// missing; 3 block 0 is not the snapshot's genesis.
public enum UpScript {
    public static let path = "up.sh"

    /// The block number the head must reach: one block beyond the first, so the consensus side produced it.
    public static let provingBlock = 2

    /// The script for a stack whose published endpoints are `endpoints` (name → URL, the first being the EL JSON-RPC
    /// URL that is polled), whose long-running services are `services` in start order, and whose default genesis
    /// delay is `genesisDelaySeconds`.
    public static func text(endpoints: [(name: String, url: String)], services: [String], genesisDelaySeconds: Int) -> String {
        let rpcURL = endpoints.first?.url ?? ""
        let printedEndpoints = endpoints.map { "echo \"  \($0.name): \($0.url)\"" }.joined(separator: "\n")
        return #"""
            #!/bin/sh
            # Starts this snapshot's devnet from a fresh genesis (every start is a new chain from the same state),
            # waits until the head reaches block \#(provingBlock) (so the validator client proposed through the beacon node),
            # and checks that block 0 is this snapshot's genesis (el.genesisHash in metadata.json).
            #
            # Environment: GENESIS_DELAY_SECONDS (seconds from now to genesis, default \#(genesisDelaySeconds)),
            # UP_TIMEOUT_SECONDS (how long to wait for block \#(provingBlock), default 300), COMPOSE_PROJECT_NAME (default:
            # this folder's name and a hash of its path). Exit codes: 0 running, 1 a service failed or timed out,
            # 2 a missing tool or file, 3 block 0 is not the snapshot's genesis.
            set -eu
            cd "$(dirname "$0")"

            rpc_url='\#(rpcURL)'
            services='\#(services.joined(separator: " "))'
            timeout=${UP_TIMEOUT_SECONDS:-300}

            \#(ComposeCommand.shellFunction)

            # The EL's answer to JSON-RPC method $1 with params $2, on one line; nothing while it does not answer.
            rpc() {
              request="{\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":$2,\"id\":1}"
              if command -v curl >/dev/null 2>&1; then
                curl -s -m 5 -H 'Content-Type: application/json' -d "$request" "$rpc_url" 2>/dev/null | tr -d '\r\n' || true
              else
                wget -q -T 5 -O - --header='Content-Type: application/json' --post-data="$request" "$rpc_url" 2>/dev/null | tr -d '\r\n' || true
              fi
            }

            # The 0x-hex string value of member $1 in the JSON text on stdin (nothing when absent).
            json_hex() {
              sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\(0x[0-9a-fA-F][0-9a-fA-F]*\)\".*/\1/p"
            }

            # Prints the reason and the last log lines of the first service that is not running (all of them when
            # every one runs), then exits with $2 (default 1).
            fail() {
              echo "error: $1" >&2
              running=$(compose ps --services --filter status=running 2>/dev/null || true)
              failed=''
              for service in $services; do
                if ! printf '%s\n' "$running" | grep -qx "$service"; then
                  failed=$service
                  break
                fi
              done
              first=${services%% *}
              if [ -z "$failed" ]; then
                shown="init $services"
              elif [ "$failed" = "$first" ]; then
                shown="init $failed"
              else
                shown=$failed
              fi
              for service in $shown; do
                echo "----- last log lines of $service -----" >&2
                compose logs --no-color --tail=40 "$service" >&2 || true
              done
              echo "The stack is left as it is for inspection (docker compose -p $project ps / logs); ./down.sh removes it." >&2
              exit "${2:-1}"
            }

            if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
              echo "error: up.sh needs curl or wget to poll $rpc_url" >&2
              exit 2
            fi
            genesis_hash=$(json_hex genesisHash 2>/dev/null <metadata.json | head -n 1 | tr '[:upper:]' '[:lower:]')
            if [ -z "$genesis_hash" ]; then
              echo "error: metadata.json in $(pwd) holds no el.genesisHash; run up.sh from a folder written by snapshotter create" >&2
              exit 2
            fi

            compose down --volumes --remove-orphans >/dev/null 2>&1 || true
            echo "Starting a fresh devnet from the snapshot (project $project, genesis ${GENESIS_DELAY_SECONDS:-\#(genesisDelaySeconds)} s after init)..."
            started=$(date +%s)
            compose up -d --remove-orphans || fail "docker compose could not start the stack"

            deadline=$((started + timeout))
            first_block=''
            while :; do
              number=$(rpc eth_blockNumber '[]' | json_hex result)
              if [ -n "$number" ]; then
                if [ -z "$first_block" ] && [ $((number)) -ge 1 ]; then
                  first_block=$(($(date +%s) - started))
                  echo "First block after $first_block s (head $number)."
                fi
                [ $((number)) -lt \#(provingBlock) ] || break
              fi
              if running=$(compose ps --services --filter status=running 2>/dev/null); then
                for service in $services; do
                  printf '%s\n' "$running" | grep -qx "$service" || fail "service $service stopped"
                done
              fi
              [ "$(date +%s)" -lt "$deadline" ] || fail "the chain did not reach block \#(provingBlock) within $timeout s (head ${number:-unknown})"
              sleep 2
            done

            block0=$(rpc eth_getBlockByNumber '["0x0",false]' | json_hex hash | tr '[:upper:]' '[:lower:]')
            if [ "$block0" != "$genesis_hash" ]; then
              fail "block 0 of the running chain is ${block0:-unknown}, not this snapshot's genesis $genesis_hash (metadata.json el.genesisHash)" 3
            fi
            echo "The devnet is producing blocks (head $number; block 0 is the snapshot's genesis $genesis_hash)."
            \#(printedEndpoints)
            echo "Stop and remove it with ./down.sh"

            """#
    }
}
