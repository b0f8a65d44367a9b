"""Writes pytrie-proofs.json: Merkle-Patricia proofs from an independent oracle (py-trie's HexaryTrie.get_proof).

Exploration tool only; the project's tests read the JSON it wrote and never run this script.
Run with: pip install trie==4.0.0 eth-hash[pycryptodome] rlp && python3 generate_pytrie_proofs.py
"""
import json
import random

import rlp
from eth_hash.auto import keccak
from trie import HexaryTrie

EMPTY_ROOT = keccak(rlp.encode(b""))
EMPTY_CODE = keccak(b"")


def hexs(b):
    return "0x" + b.hex()


def build(entries):
    trie = HexaryTrie(db={})
    for key, value in entries:
        trie[key] = value
    return trie


def case(trie, key, expected):
    nodes = [rlp.encode(node) for node in trie.get_proof(key)]
    return {"key": hexs(key), "value": None if expected is None else hexs(expected), "proof": [hexs(n) for n in nodes]}


def account_rlp(rng):
    nonce = rng.choice([0, 1, 7, 300])
    balance = rng.choice([0, 1, 10**18, rng.getrandbits(120)])
    storage_root = rng.choice([EMPTY_ROOT, rng.randbytes(32)])
    code_hash = rng.choice([EMPTY_CODE, rng.randbytes(32)])
    return rlp.encode([nonce, balance, storage_root, code_hash])


def main():
    rng = random.Random(1186)
    tries = []

    # A secure account trie: keccak(address) -> rlp([nonce, balance, storageRoot, codeHash]).
    addresses = [rng.randbytes(20) for _ in range(60)]
    entries = [(keccak(a), account_rlp(rng)) for a in addresses]
    trie = build(entries)
    present = [case(trie, k, v) for k, v in entries[:8]]
    absent = [case(trie, keccak(rng.randbytes(20)), None) for _ in range(5)]
    tries.append({"name": "secure account trie, 60 accounts", "root": hexs(trie.root_hash),
                  "entries": [{"key": hexs(k), "value": hexs(v), "preimage": hexs(a)} for (k, v), a in zip(entries, addresses)],
                  "proofs": present + absent})

    # A secure storage trie: keccak(slot) -> rlp(trimmed value); short values make small leaves.
    slots = [i.to_bytes(32, "big") for i in range(12)] + [rng.randbytes(32) for _ in range(8)]
    values = [rlp.encode(rng.choice([1, 0x38, rng.getrandbits(64), rng.getrandbits(256) or 1])) for _ in slots]
    entries = list(zip([keccak(s) for s in slots], values))
    trie = build(entries)
    present = [case(trie, k, v) for k, v in entries[:6]]
    absent = [case(trie, keccak((1000 + i).to_bytes(32, "big")), None) for i in range(4)]
    tries.append({"name": "secure storage trie, 20 slots", "root": hexs(trie.root_hash),
                  "entries": [{"key": hexs(k), "value": hexs(v), "preimage": hexs(s)} for (k, v), s in zip(entries, slots)],
                  "proofs": present + absent})

    # A plain trie with short keys: embedded nodes (< 32 bytes), a branch value, extension and leaf mismatches.
    entries = [(b"\x01\x02", b"hello"), (b"\x01\x02\x03", b"x"), (b"\x01\x04", b"y" * 40), (b"\x01\x05\x06", b"z"),
               (b"\x02", b"two"), (b"\x02\x00\x01", b"deep" * 10)]
    trie = build(entries)
    proofs = [case(trie, k, v) for k, v in entries]
    proofs += [case(trie, k, None) for k in [b"\x01", b"\x01\x02\x04", b"\x01\x05", b"\x01\x05\x07", b"\x03", b"\x02\x00", b"\x02\x00\x01\x09"]]
    tries.append({"name": "plain trie with embedded nodes and a branch value", "root": hexs(trie.root_hash),
                  "entries": [{"key": hexs(k), "value": hexs(v)} for k, v in entries], "proofs": proofs})

    # A one-entry trie: the root is a leaf.
    key = keccak(b"\xaa" * 20)
    value = rlp.encode([1, 1, EMPTY_ROOT, EMPTY_CODE])
    trie = build([(key, value)])
    tries.append({"name": "single leaf", "root": hexs(trie.root_hash),
                  "entries": [{"key": hexs(key), "value": hexs(value)}],
                  "proofs": [case(trie, key, value), case(trie, keccak(b"\xbb" * 20), None)]})

    document = {"oracle": "py-trie 4.0.0 (ethereum/py-trie) HexaryTrie.get_proof, nodes RLP-encoded with rlp 5.0.0; "
                          "every node on the path is listed, embedded ones included",
                "tries": tries}
    with open("pytrie-proofs.json", "w") as out:
        json.dump(document, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
