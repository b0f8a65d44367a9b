/// `runtime/init.sh`: the POSIX sh script the `init` service runs before every start.
///
/// It empties the runtime volume, then fills it: the consensus testnet directory with the genesis time of this start
/// (bytes 0..7 of `genesis.ssz`, little-endian, and `MIN_GENESIS_TIME` of `config.yaml`), a fresh JWT secret, writable
/// copies of the validator keys and an empty data directory per client. It reads the snapshot folder only. It needs
/// nothing but a POSIX shell with `date`, `od`, `dd`, `sed`, `tr`, `cp` (busybox has them all).
///
/// It refuses a runtime directory that resolves to `/` (`/.`, `//`, `/..`, a symlink to `/`) before it touches
/// anything. It writes under `umask 077`: the validator keystores and passwords stay readable by the validator
/// client's user only (the `init` user, root in the images); the JWT secret is read-only for every user (the EL and the
/// beacon node may run as different users), the testnet directory is read-only and the data directories are writable
/// by every user (a client image may run as a non-root user).
///
/// Its paths come from the environment, so it also runs outside Docker (the tests run it that way):
/// `SNAPSHOT_DIR` (the snapshot folder; default `/snapshot`), `RUNTIME_DIR` (the volume; default `/runtime`),
/// `DATA_DIRS` (space-separated data directory names; default `el cl vc`), `GENESIS_DELAY_SECONDS` (default 10),
/// `VALIDATORS_OWNER` (`uid:gid` the copies of the validator keys are given to, for a validator client that runs as a
/// fixed non-root user: ``ConsensusLayout/validatorOwner``; default empty: the `init` user keeps them).
public enum InitScript {
    /// The script's path in the snapshot folder (mounted read-only at ``RuntimeLayout/snapshot``).
    public static let path = "runtime/init.sh"

    /// Environment variable names the script reads.
    public enum Variable {
        public static let snapshotDirectory = "SNAPSHOT_DIR"
        public static let runtimeDirectory = "RUNTIME_DIR"
        public static let dataDirectories = "DATA_DIRS"
        public static let genesisDelay = "GENESIS_DELAY_SECONDS"
        public static let validatorsOwner = "VALIDATORS_OWNER"
    }

    /// The script text.
    public static let text = #"""
        #!/bin/sh
        # Prepares a fresh start of this snapshot's devnet; the `init` service runs it before every start.
        #
        # Empties the runtime volume, then writes into it: the consensus testnet directory whose genesis.ssz
        # (bytes 0..7, genesis_time, little-endian uint64) and config.yaml (MIN_GENESIS_TIME) carry the time of
        # this start plus GENESIS_DELAY_SECONDS, a fresh JWT secret, writable copies of the validator keys, and an
        # empty data directory for every client. Nothing under SNAPSHOT_DIR is modified.
        #
        # Environment: SNAPSHOT_DIR (default /snapshot), RUNTIME_DIR (default /runtime),
        # DATA_DIRS (default "el cl vc"), GENESIS_DELAY_SECONDS (default 10),
        # VALIDATORS_OWNER (uid:gid given the copies of the validator keys; default empty: init's user keeps them).
        set -eu
        # Everything is private unless opened below: keystores and passwords stay the validator client's.
        umask 077

        SNAPSHOT_DIR=${SNAPSHOT_DIR:-/snapshot}
        RUNTIME_DIR=${RUNTIME_DIR:-/runtime}
        DATA_DIRS=${DATA_DIRS:-el cl vc}
        GENESIS_DELAY_SECONDS=${GENESIS_DELAY_SECONDS:-10}
        VALIDATORS_OWNER=${VALIDATORS_OWNER:-}

        fail() {
          echo "init: $*" >&2
          exit 1
        }

        case $VALIDATORS_OWNER in
          '' | [0-9]*:[0-9]*) ;;
          *) fail "VALIDATORS_OWNER must be uid:gid, not '$VALIDATORS_OWNER'" ;;
        esac
        case $GENESIS_DELAY_SECONDS in
          '' | *[!0-9]*) fail "GENESIS_DELAY_SECONDS must be a whole number of seconds, not '$GENESIS_DELAY_SECONDS'" ;;
        esac
        # The volume as a physical path: never empty a directory that resolves to / (/., //, /.., a symlink to /).
        [ -d "$RUNTIME_DIR" ] || fail "RUNTIME_DIR $RUNTIME_DIR is not a directory"
        resolved=$(cd "$RUNTIME_DIR" && pwd -P) || fail "cannot enter RUNTIME_DIR $RUNTIME_DIR"
        case $resolved in
          *[!/]*) ;;
          *) fail "refusing to empty RUNTIME_DIR='$RUNTIME_DIR': it resolves to the root directory" ;;
        esac
        RUNTIME_DIR=$resolved
        for required in cl/genesis.ssz cl/config.yaml; do
          [ -f "$SNAPSHOT_DIR/$required" ] || fail "$SNAPSHOT_DIR/$required is missing"
        done

        # 1. Nothing of an earlier start survives: empty the runtime volume.
        for entry in "$RUNTIME_DIR"/* "$RUNTIME_DIR"/.[!.]* "$RUNTIME_DIR"/..?*; do
          if [ -e "$entry" ] || [ -L "$entry" ]; then
            rm -rf -- "$entry"
          fi
        done

        # 2. The consensus testnet directory, with the genesis time of this start.
        testnet="$RUNTIME_DIR/testnet"
        mkdir -p "$testnet"
        cp -R "$SNAPSHOT_DIR/cl/." "$testnet/"
        chmod -R u+w "$testnet"

        genesis_time=$(($(date +%s) + GENESIS_DELAY_SECONDS))
        # genesis_time = MIN_GENESIS_TIME + GENESIS_DELAY (0 in snapshot configs, honoured when present; written as 0
        # when absent, so no client falls back to a preset default).
        if ! grep -q '^GENESIS_DELAY:' "$testnet/config.yaml"; then
          printf '\nGENESIS_DELAY: 0\n' >>"$testnet/config.yaml"
        fi
        config_delay=$(sed -n "s/^GENESIS_DELAY:[[:space:]]*[\"']\{0,1\}\([0-9][0-9]*\).*/\1/p" "$testnet/config.yaml" | head -n 1)
        config_delay=${config_delay:-0}
        [ "$genesis_time" -ge "$config_delay" ] || fail "GENESIS_DELAY $config_delay exceeds the genesis time"
        min_genesis_time=$((genesis_time - config_delay))

        le_bytes=''
        value=$genesis_time
        i=0
        while [ "$i" -lt 8 ]; do
          le_bytes="$le_bytes\\0$(printf '%03o' $((value % 256)))"
          value=$((value / 256))
          i=$((i + 1))
        done
        printf '%b' "$le_bytes" | dd of="$testnet/genesis.ssz" bs=1 count=8 conv=notrunc 2>/dev/null

        read_back=0
        weight=1
        for byte in $(od -An -v -tu1 -N8 "$testnet/genesis.ssz"); do
          read_back=$((read_back + byte * weight))
          weight=$((weight * 256))
        done
        [ "$read_back" -eq "$genesis_time" ] || fail "genesis.ssz holds genesis_time $read_back after writing $genesis_time"

        if grep -q '^MIN_GENESIS_TIME:' "$testnet/config.yaml"; then
          sed "s/^MIN_GENESIS_TIME:.*/MIN_GENESIS_TIME: $min_genesis_time/" "$testnet/config.yaml" >"$testnet/config.yaml.new"
        else
          { cat "$testnet/config.yaml"; printf '\nMIN_GENESIS_TIME: %s\n' "$min_genesis_time"; } >"$testnet/config.yaml.new"
        fi
        mv "$testnet/config.yaml.new" "$testnet/config.yaml"

        # 3. A fresh JWT secret shared by the execution client and the beacon node.
        jwt=$(od -An -v -tx1 -N32 /dev/urandom | tr -d ' \n')
        [ "${#jwt}" -eq 64 ] || fail "could not read 32 random bytes from /dev/urandom"
        printf '%s' "$jwt" >"$RUNTIME_DIR/jwt.hex"

        # 4. Copies of the validator keys the validator client may write next to (umask 077: its user only).
        mkdir -p "$RUNTIME_DIR/validators"
        if [ -d "$SNAPSHOT_DIR/validators" ]; then
          cp -R "$SNAPSHOT_DIR/validators/." "$RUNTIME_DIR/validators/"
        fi

        # 5. An empty data directory for every client.
        for dir in $DATA_DIRS; do
          mkdir -p "$RUNTIME_DIR/$dir"
        done

        # 6. Permissions: the testnet directory and the JWT secret read-only for every client user, the data
        # directories writable by any, the validator keys and passwords private (umask 077 above).
        chmod -R u+w,a+rX "$testnet"
        chmod 0644 "$RUNTIME_DIR/jwt.hex"
        chmod -R u+rwX,go-rwx "$RUNTIME_DIR/validators"
        if [ -n "$VALIDATORS_OWNER" ]; then
          chown -R "$VALIDATORS_OWNER" "$RUNTIME_DIR/validators"
        fi
        for dir in $DATA_DIRS; do
          chmod 0777 "$RUNTIME_DIR/$dir"
        done
        echo "init: genesis time $genesis_time (MIN_GENESIS_TIME $min_genesis_time, GENESIS_DELAY $config_delay), fresh JWT, data directories: $DATA_DIRS"

        """#
}
