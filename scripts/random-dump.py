#!/usr/bin/env python3
"""Writes a geth `dump --iterative` file of random accounts with its state root computed by py-trie (PyPI `trie`,
`rlp`, `eth-hash[pycryptodome]`), which shares no code with the project: a state the tests never saw, for
`BIGSTATE_DUMPS=` of `snapshotter-bench bigstate` or for `snapshotter create --from-dump` directly.

    pip install trie rlp 'eth-hash[pycryptodome]'
    python3 scripts/random-dump.py 1000000 /tmp/random-1m.jsonl [seed]    # ≈4 min, 481 MB; prints the root

Random 20-byte addresses; 1% contracts with 1 B to 24 KiB of code and 0 to 200 storage slots (small and full-width
keys, values up to 2^256); balances up to 2^200 written as decimals; nonces up to 2^40; geth's field order with
`root` and `codeHash`.
"""
import json
import os
import random
import sys

import rlp
from eth_hash.auto import keccak
from trie import HexaryTrie

EMPTY_ROOT = keccak(rlp.encode(b""))
EMPTY_CODE = keccak(b"")


def random_account(rnd):
    """(key, address, balance, nonce, code, storage) of one random account."""
    address = rnd.randbytes(20)
    is_contract = rnd.random() < 0.01
    balance = rnd.choice([0, rnd.randrange(1, 10**18), rnd.randrange(1, 2**200), 10**24 * rnd.randrange(1, 1000)])
    nonce = rnd.choice([0, 0, rnd.randrange(0, 1000), rnd.randrange(0, 2**40)])
    code, storage = b"", {}
    if is_contract:
        code = rnd.randbytes(rnd.choice([1, 45, 300, 2000, 24576]))
        for _ in range(rnd.choice([0, 1, 3, 20, 200])):
            slot = rnd.choice([rnd.randrange(0, 64), rnd.randrange(0, 2**256)])
            storage[slot] = rnd.choice([1, rnd.randrange(1, 2**64), rnd.randrange(1, 2**256)])
    return keccak(address), address, balance, nonce, code, storage


def dump_line(key, address, balance, nonce, code, storage, storage_root, code_hash):
    """One account as geth's `dump --iterative` writes it."""
    line = {"balance": str(balance), "nonce": nonce, "root": "0x" + storage_root.hex(), "codeHash": "0x" + code_hash.hex()}
    if code:
        line["code"] = "0x" + code.hex()
    if storage:
        line["storage"] = {"0x" + slot.to_bytes(32, "big").hex(): value.to_bytes((value.bit_length() + 7) // 8, "big").hex()
                           for slot, value in sorted(storage.items())}
    line["address"] = "0x" + address.hex()
    line["key"] = "0x" + key.hex()
    return json.dumps(line, separators=(",", ":")) + "\n"


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    accounts = sorted(random_account(rnd) for _ in range(count))
    state = HexaryTrie({})
    with open(out + ".tmp", "w") as lines:
        for key, address, balance, nonce, code, storage in accounts:
            storage_trie = HexaryTrie({})
            for slot, value in storage.items():
                storage_trie[keccak(slot.to_bytes(32, "big"))] = rlp.encode(value)
            storage_root = storage_trie.root_hash if storage else EMPTY_ROOT
            code_hash = keccak(code) if code else EMPTY_CODE
            state[key] = rlp.encode([nonce, balance, storage_root, code_hash])
            lines.write(dump_line(key, address, balance, nonce, code, storage, storage_root, code_hash))
    with open(out, "w") as dump, open(out + ".tmp") as lines:
        dump.write(json.dumps({"root": "0x" + state.root_hash.hex()}) + "\n")
        for line in lines:
            dump.write(line)
    os.remove(out + ".tmp")
    print("0x" + state.root_hash.hex())


main()
