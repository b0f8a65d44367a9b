import Foundation

extension SnapshotVerifier {
    /// The KDF cost (pbkdf2 iterations, scrypt n) up to which the verifier also decrypts a keystore with its password:
    /// devnet keystores open at once, standard ones (262,144) cost about a second each and are only read.
    static let cheapKDFLimit = 1 << 14

    /// `validators.keystores`: `metadata.json` records where the keys are (`cl.layout`, the consensus client's
    /// ``ConsensusLayout``); there is at least one keystore; every keystore reads, declares the public key its entry
    /// names, has its password file, and its key is a validator of the genesis state. Keystores with a cheap KDF are
    /// also decrypted with their password.
    func checkKeystores(_ metadata: SnapshotMetadataFields, _ consensus: Result<ConsensusGenesis, SnapshotVerificationError>) -> VerificationCheck {
        let name = "validators.keystores"
        guard let layout = metadata.consensusLayout else {
            return .failed(name, "metadata.json records no cl.layout (where the validator keys are): create the snapshot again with this version")
        }
        let keysFolder = url(layout.keystoreFolder)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: keysFolder.path).sorted(), !entries.isEmpty else {
            return .failed(name, "\(layout.keystoreFolder) holds no keystores: the validator client would have nothing to run")
        }
        let validators: Set<[UInt8]>
        switch consensus {
        case .success(let cl): validators = Set(cl.state.validators.map(\.pubkey))
        case .failure(let error): return .failed(name, "cannot compare the keystores with the genesis validators: \(error.description)")
        }
        var problems: [String] = []
        var opened = 0
        for entry in entries {
            switch inspectKeystore(entry: entry, layout: layout, validators: validators) {
            case .failure(let problem): problems.append(problem.text)
            case .success(let decrypted): if decrypted { opened += 1 }
            }
        }
        guard problems.isEmpty else { return .failed(name, "\(problems.count) of \(entries.count) keystores: \(Self.list(problems))") }
        return .passed(name, "\(entries.count) keystores, each a genesis validator with its password file"
            + (opened > 0 ? "; \(opened) opened with their passwords" : ""))
    }

    private struct Problem: Error { let text: String }

    /// Whether the keystore was decrypted, or what is wrong with it.
    private func inspectKeystore(entry: String, layout: ConsensusLayout, validators: Set<[UInt8]>) -> Result<Bool, Problem> {
        guard let folder = layout.pubkeyHex(ofKeystoreEntry: entry), folder.hasPrefix("0x"),
              let folderKey = try? [UInt8](hex: folder), folderKey.count == 48
        else {
            return .failure(Problem(text: "\(layout.keystoreFolder)/\(entry) does not name a 0x<48-byte public key> as \(layout.keystore) does"))
        }
        let path = layout.keystorePath(pubkeyHex: folder)
        let data: Data
        do { data = try InputFile.read(url(path)) } catch {
            if case .tooLarge = error { return .failure(Problem(text: error.description)) }
            return .failure(Problem(text: "\(path) is missing"))
        }
        let keystore: Keystore
        do { keystore = try Keystore(jsonData: data) } catch {
            return .failure(Problem(text: "\(path): \(error.description)"))
        }
        if let declared = keystore.publicKey, declared.compressed != folderKey {
            return .failure(Problem(text: "\(path) declares public key \(declared.hexString)"))
        }
        guard validators.contains(folderKey) else {
            return .failure(Problem(text: "\(folder) is not a validator of the genesis state"))
        }
        let passwordPath = layout.passwordPath(pubkeyHex: folder)
        guard let secret = try? InputFile.read(url(passwordPath), limit: 1 << 16),
              let password = String(data: secret, encoding: .utf8)
        else { return .failure(Problem(text: "\(passwordPath) is missing")) }
        guard Self.isCheap(keystore.kdf) else { return .success(false) }
        // Clients drop a trailing newline from password files (EIP-2335 password normalisation drops control characters).
        let trimmed = password.hasSuffix("\r\n") ? String(password.dropLast(2)) : password.hasSuffix("\n") ? String(password.dropLast()) : password
        do { _ = try keystore.decrypt(password: trimmed) } catch {
            return .failure(Problem(text: "\(folder) does not open with its password file: \(error.description)"))
        }
        return .success(true)
    }

    private static func isCheap(_ kdf: KeystoreKDF) -> Bool {
        switch kdf {
        case .pbkdf2(let iterations, _): iterations <= cheapKDFLimit
        case .scrypt(let n, _, _, _): n <= cheapKDFLimit
        }
    }
}
