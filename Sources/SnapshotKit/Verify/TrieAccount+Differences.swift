extension TrieAccount {
    /// How this proven account differs from the alloc's `account`, whose storage root is `storageRoot`: one phrase per
    /// field, e.g. `balance 0x5 (the alloc's 0x7)`; empty when every field agrees.
    func differences(from account: Account, storageRoot expectedStorageRoot: [UInt8]) -> [String] {
        var differences: [String] = []
        if balance != account.balance {
            differences.append("balance \(balance.hexQuantity) (the alloc's \(account.balance.hexQuantity))")
        }
        if nonce != account.nonce {
            differences.append("nonce \(nonce) (the alloc's \(account.nonce))")
        }
        let expectedCodeHash = account.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash(account.code)
        if codeHash != expectedCodeHash {
            differences.append("code hash \(Hex.encode(codeHash)) (the alloc's code hashes to \(Hex.encode(expectedCodeHash)))")
        }
        if storageRoot != expectedStorageRoot {
            differences.append("storage root \(Hex.encode(storageRoot)) (the alloc's storage gives \(Hex.encode(expectedStorageRoot)))")
        }
        return differences
    }
}
