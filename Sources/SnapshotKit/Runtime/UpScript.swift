/// `up.sh`: starts the devnet from a fresh genesis and waits for its first block.
///
/// It removes whatever an earlier start left (containers and the runtime volume), starts the stack, then polls the
/// EL's `eth_blockNumber` until the chain has a block after genesis, and prints the endpoints. When a service stops
/// or no block comes within `UP_TIMEOUT_SECONDS` (default 300), it prints the failing service's last log lines and
/// exits 1 (2 when Docker Compose or an HTTP client is missing).
public enum UpScript {
    public static let path = "up.sh"

    /// The script for a stack whose published endpoints are `endpoints` (name → URL, the first being the EL JSON-RPC
    /// URL that is polled), whose long-running services are `services` in start order, and whose default genesis
    /// delay is `genesisDelaySeconds`.
    public static func text(endpoints: [(name: String, url: String)], services: [String], genesisDelaySeconds: Int) -> String {
        let rpcURL = endpoints.first?.url ?? ""
        let printedEndpoints = endpoints.map { "    echo \"  \($0.name): \($0.url)\"" }.joined(separator: "\n")
        return """
            #!/bin/sh
            # Starts this snapshot's devnet from a fresh genesis (every start is a new chain from the same state) and
            # waits until the execution client has produced a block.
            #
            # Environment: GENESIS_DELAY_SECONDS (seconds from now to genesis, default \(genesisDelaySeconds)),
            # UP_TIMEOUT_SECONDS (how long to wait for the first block, default 300).
            set -eu
            cd "$(dirname "$0")"

            rpc_url='\(rpcURL)'
            services='\(services.joined(separator: " "))'
            timeout=${UP_TIMEOUT_SECONDS:-300}

            \(ComposeCommand.shellFunction)

            # The hex block number the EL reports, or nothing while it does not answer.
            block_number() {
              request='{"jsonrpc":"2.0","method":"eth_blockNumber","params":[],"id":1}'
              if command -v curl >/dev/null 2>&1; then
                answer=$(curl -s -m 5 -H 'Content-Type: application/json' -d "$request" "$rpc_url" 2>/dev/null) || return 0
              else
                answer=$(wget -q -T 5 -O - --header='Content-Type: application/json' --post-data="$request" "$rpc_url" 2>/dev/null) || return 0
              fi
              printf '%s' "$answer" | sed -n 's/.*"result"[[:space:]]*:[[:space:]]*"\\(0x[0-9a-fA-F]*\\)".*/\\1/p'
            }

            # Prints the reason and the last log lines of the first service that is not running (all of them when
            # every one runs), then exits 1.
            fail() {
              echo "error: $1" >&2
              running=$(compose ps --services --filter status=running 2>/dev/null || true)
              failed=''
              for service in $services; do
                if ! printf '%s\\n' "$running" | grep -qx "$service"; then
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
              echo "The stack is left as it is for inspection (docker compose ps / logs); ./down.sh removes it." >&2
              exit 1
            }

            if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
              echo "error: up.sh needs curl or wget to poll $rpc_url" >&2
              exit 2
            fi

            compose down --volumes --remove-orphans >/dev/null 2>&1 || true
            echo "Starting a fresh devnet from the snapshot (genesis ${GENESIS_DELAY_SECONDS:-\(genesisDelaySeconds)} s after init)..."
            compose up -d --remove-orphans || fail "docker compose could not start the stack"

            deadline=$(($(date +%s) + timeout))
            while :; do
              number=$(block_number)
              if [ -n "$number" ] && [ "$number" != "0x0" ]; then
                echo "The devnet is producing blocks (head $number)."
            \(printedEndpoints)
                echo "Stop and remove it with ./down.sh"
                exit 0
              fi
              if running=$(compose ps --services --filter status=running 2>/dev/null); then
                for service in $services; do
                  printf '%s\\n' "$running" | grep -qx "$service" || fail "service $service stopped"
                done
              fi
              [ "$(date +%s)" -lt "$deadline" ] || fail "no block after $timeout s"
              sleep 2
            done

            """
    }
}
