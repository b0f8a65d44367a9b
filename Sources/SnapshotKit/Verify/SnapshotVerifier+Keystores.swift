import Foundation

extension SnapshotVerifier {
    /// The KDF cost (pbkdf2 iterations, scrypt n) up to which the verifier also decrypts a keystore with its password:
    /// devnet keystores open at once, standard ones (262,144) cost about a second each and are only read.
    static let cheapKDFLimit = 1 << 14

    /// `validators.keystores`: there is at least one keystore; every `validators/keys/0x<pubkey>/voting-keystore.json`
    /// reads, declares the public key its folder names, has a password in `validators/secrets/0x<pubkey>`, and its key
    /// is a validator of the genesis state. Keystores with a cheap KDF are also decrypted with their password.
    func checkKeystores(_ consensus: Result<ConsensusGenesis, SnapshotVerificationError>) -> VerificationCheck {
        let name = "validators.keystores"
        let keysFolder = url("validators/keys")
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: keysFolder.path).sorted(), !folders.isEmpty else {
            return .failed(name, "validators/keys holds no keystores: the validator client would have nothing to run")
        }
        let validators: Set<[UInt8]>
        switch consensus {
        case .success(let cl): validators = Set(cl.state.validators.map(\.pubkey))
        case .failure(let error): return .failed(name, "cannot compare the keystores with the genesis validators: \(error.description)")
        }
        var problems: [String] = []
        var opened = 0
        for folder in folders {
            switch inspectKeystore(folder: folder, validators: validators) {
            case .failure(let problem): problems.append(problem.text)
            case .success(let decrypted): if decrypted { opened += 1 }
            }
        }
        guard problems.isEmpty else { return .failed(name, "\(problems.count) of \(folders.count) keystores: \(Self.list(problems))") }
        return .passed(name, "\(folders.count) keystores, each a genesis validator with its password file"
            + (opened > 0 ? "; \(opened) opened with their passwords" : ""))
    }

    private struct Problem: Error { let text: String }

    /// Whether the keystore was decrypted, or what is wrong with it.
    private func inspectKeystore(folder: String, validators: Set<[UInt8]>) -> Result<Bool, Problem> {
        guard folder.hasPrefix("0x"), let folderKey = try? [UInt8](hex: folder), folderKey.count == 48 else {
            return .failure(Problem(text: "validators/keys/\(folder) is not named 0x<48-byte public key>"))
        }
        let path = "validators/keys/\(folder)/voting-keystore.json"
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
        guard let secret = try? InputFile.read(url("validators/secrets/\(folder)"), limit: 1 << 16),
              let password = String(data: secret, encoding: .utf8)
        else { return .failure(Problem(text: "validators/secrets/\(folder) is missing")) }
        guard Self.isCheap(keystore.kdf) else { return .success(false) }
        // Lighthouse drops a trailing newline from password files.
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
