#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes for SECONDS each (default 60), seeded with the project's fixtures.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      targets: rlp json genesis ssz config mnemonics kurtosis dump
# Findings (the input of a crash, a hang or a memory blow-up) go to .build/fuzz/<target>-{crash,hang,memory};
# the exit status is the number of targets with a finding.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(rlp json genesis ssz config mnemonics kurtosis dump)
swift build --product snapshotter-fuzz >/dev/null || { echo "fuzz: build failed" >&2; exit 100; }
binary="$(swift build --show-bin-path)/snapshotter-fuzz"
out=".build/fuzz"
mkdir -p "$out"
found=0
for target in "${targets[@]}"; do
    if ! "$binary" "$target" "$seconds" "$out" Tests Examples; then
        echo "fuzz: $target: finding saved under $out/ (see the FOUND line above)" >&2
        found=$((found + 1))
    fi
done
exit "$found"
