#!/usr/bin/env python3
"""Writes state.jsonl: a `geth dump --iterative`-style state for the example devnet.

The state is the genesis alloc of genesis/genesis.json after some imagined activity (the two funded genesis
accounts spent ether and sent transactions), plus 3,000 funded accounts, one empty account, and six contracts with
storage, all derived deterministically from fixed seeds. The state root on the first line is computed here with
the `trie` package (py-trie), independently of snapshotter's own trie code, so the example also checks it.

Usage: pip install trie eth-hash[pycryptodome] rlp && python3 make_state.py
"""
import json
import os

import rlp
from eth_hash.auto import keccak
from trie import HexaryTrie

HERE = os.path.dirname(os.path.abspath(__file__))
EMPTY_ROOT = HexaryTrie(db={}).root_hash
EMPTY_CODE_HASH = keccak(b"")


def seeded(label, index):
    return keccak(f"snapshotter example {label} {index}".encode())


def address_of(label, index):
    return "0x" + seeded(label, index)[12:].hex()


def quantity(value):
    if isinstance(value, int):
        return value
    return int(value, 16) if value.startswith(("0x", "0X")) else int(value)


def storage_root(storage):
    t = HexaryTrie(db={})
    for slot, value in storage.items():
        if value:
            t[keccak(slot.to_bytes(32, "big"))] = rlp.encode(value)
    return t.root_hash


def load_genesis():
    with open(os.path.join(HERE, "genesis", "genesis.json")) as f:
        alloc = json.load(f)["alloc"]
    accounts = {}
    for address, entry in alloc.items():
        storage = {int(k, 16): int(v, 16) for k, v in entry.get("storage", {}).items()}
        accounts[address.lower()] = {
            "nonce": quantity(entry.get("nonce", 0)),
            "balance": quantity(entry.get("balance", 0)),
            "code": bytes.fromhex(entry.get("code", "0x")[2:]),
            "storage": {k: v for k, v in storage.items() if v},
        }
    return accounts


def main():
    accounts = load_genesis()
    # The two prefunded genesis accounts paid for what follows.
    for number, address in enumerate(["0x8943545177806ed17b9f23f0a21ee5948ecaa776", "0xe25583099ba105d9ec0a67f5ae86d90e50036425"]):
        accounts[address]["nonce"] = 3_100 + number
        accounts[address]["balance"] -= 4_000 * 10**18
    for index in range(3_000):
        accounts[address_of("account", index)] = {
            "nonce": index % 7,
            "balance": (int.from_bytes(seeded("balance", index)[:6], "big") % 10**6 + 1) * 10**12,
            "code": b"",
            "storage": {},
        }
    accounts[address_of("empty", 0)] = {"nonce": 0, "balance": 0, "code": b"", "storage": {}}
    for index, slots in enumerate([3, 12, 40, 90, 160, 250]):
        storage = {slot: int.from_bytes(seeded(f"contract {index} value", slot)[: 1 + slot % 32], "big") for slot in range(4)}
        for entry in range(slots):
            # Mapping-like slots, as Solidity lays out mapping(uint => uint) at slot 5.
            slot = int.from_bytes(keccak(entry.to_bytes(32, "big") + (5).to_bytes(32, "big")), "big")
            storage[slot] = int.from_bytes(seeded(f"contract {index} entry", entry)[:8], "big")
        code = bytes.fromhex("6080604052") + seeded("code", index) * (2 + index)
        accounts[address_of("contract", index)] = {"nonce": 1, "balance": index * 10**17, "code": code,
                                                     "storage": {k: v for k, v in storage.items() if v}}

    state = HexaryTrie(db={})
    lines = []
    for address, account in accounts.items():
        key = keccak(bytes.fromhex(address[2:]))
        root = storage_root(account["storage"])
        code_hash = keccak(account["code"])
        state[key] = rlp.encode([account["nonce"], account["balance"], root, code_hash])
        entry = {"balance": str(account["balance"]), "nonce": account["nonce"], "root": "0x" + root.hex(),
                 "codeHash": "0x" + code_hash.hex()}
        if account["code"]:
            entry["code"] = "0x" + account["code"].hex()
        if account["storage"]:
            entry["storage"] = {"0x" + slot.to_bytes(32, "big").hex(): value.to_bytes((value.bit_length() + 7) // 8, "big").hex()
                                for slot, value in sorted(account["storage"].items())}
        entry["address"] = address
        entry["key"] = "0x" + key.hex()
        lines.append((key, json.dumps(entry, separators=(",", ":"))))
    with open(os.path.join(HERE, "state.jsonl"), "w") as f:
        f.write(json.dumps({"root": "0x" + state.root_hash.hex()}, separators=(",", ":")) + "\n")
        for _, line in sorted(lines):
            f.write(line + "\n")
    print(f"{len(lines)} accounts, state root 0x{state.root_hash.hex()}")


if __name__ == "__main__":
    main()
