#!/usr/bin/env python3
"""Independent state roots of the states `snapshotter-bench bigstate` generates (SyntheticStateSource), computed with
py-trie's HexaryTrie (PyPI `trie`, `rlp`, `eth-hash[pycryptodome]`), which shares no code with the project.

    pip install trie rlp 'eth-hash[pycryptodome]'
    python3 scripts/bigstate-oracle.py 10000 100000 1000000

The bench compares the root `inspect-genesis` reports with the figures this printed (BigStateBenchmark.oracleRoots).
"""
import sys

import rlp
from eth_hash.auto import keccak
from trie import HexaryTrie

EMPTY_ROOT = keccak(rlp.encode(b""))
EMPTY_CODE = keccak(b"")
PREFIX = bytes([0xBE, 0x0C, 0x4B, 0x00, 0x5E, 0xED]) + bytes(10)


def account(seed):
    """SyntheticStateSource.account(seed): every thousandth seed a contract with ten storage slots."""
    contract = seed % 1000 == 0
    storage = {slot: seed * 31 + slot + 1 for slot in range(10)} if contract else {}
    code = bytes([0x5B] * 100 + [seed & 0xFF]) if contract else b""
    return PREFIX + seed.to_bytes(4, "big"), seed % 5, seed * 1_000_000_007 + 1, code, storage


def root(count):
    state = HexaryTrie({})
    for seed in range(count):
        address, nonce, balance, code, storage = account(seed)
        storage_root = EMPTY_ROOT
        if storage:
            trie = HexaryTrie({})
            for slot, value in storage.items():
                trie[keccak(slot.to_bytes(32, "big"))] = rlp.encode(value)
            storage_root = trie.root_hash
        state[keccak(address)] = rlp.encode([nonce, balance, storage_root, keccak(code) if code else EMPTY_CODE])
    return state.root_hash


for argument in sys.argv[1:]:
    print(argument, "0x" + root(int(argument)).hex(), flush=True)
