/// A chain config rewritten for a genesis that starts from the state of a pinned block: every fork active at that
/// block is active at genesis (its block or time set to 0), every later fork is removed.
public struct ForkRewrite: Sendable, Equatable {
    /// The rewritten config, member order otherwise unchanged.
    public let config: ChainConfig
    /// The forks now active at genesis, by name (`london`, `shanghai`, …), in document order.
    public let activated: [String]
    /// The forks removed because they were not yet active at the pinned block, plus `daoFork` if present
    /// (see `ChainConfig.activatingForks(atBlock:timestamp:)`), in document order.
    public let dropped: [String]
}

extension ChainConfig {
    /// Rewrites the config so the forks active at a block with this number and timestamp are active from genesis
    /// (time-based ones by geth's rule: London active and time reached) and later forks are removed, together with
    /// their `blobSchedule` entries.
    ///
    /// Also: `terminalTotalDifficulty` becomes 0 when the chain is post-merge at that block (so the new chain is
    /// proof-of-stake from genesis); `daoForkBlock` and `daoForkSupport` are always removed, because the DAO fork's
    /// only lasting effect is a state change the pinned state already holds, and a DAO block of 0 would demand the
    /// DAO extra-data in blocks 1–9 of the new chain. A post-merge chain also loses its `ethash` member: a proof-of-work
    /// engine means nothing to a chain that is proof-of-stake from genesis, and Besu (26.8) reads a config that has one
    /// as its own format, skipping the conversion of geth's that supplies the EIP-7002 and EIP-7251 contract addresses
    /// Prague needs. Values that were strings come out as JSON numbers.
    public func activatingForks(atBlock number: UInt64, timestamp: UInt64) -> ForkRewrite {
        let active = Set(activeForks(atBlock: number, timestamp: timestamp).map(\.key))
        let postMerge = isPostMerge(atBlock: number, timestamp: timestamp)
        var activated: [String] = [], dropped: [String] = [], droppedNames: Set<String> = []
        var members: [(key: String, value: JSONValue)] = []
        for (key, value) in json.objectValue ?? [] {
            let lowered = key.lowercased()
            if lowered == "daoforksupport" { continue }
            if let activation = activations.first(where: { $0.key == key }) {
                if activation.fork == .daoFork || !active.contains(key) {
                    dropped.append(activation.name)
                    droppedNames.insert(activation.name.lowercased())
                    continue
                }
                activated.append(activation.name)
                members.append((key, .number("0")))
                continue
            }
            if lowered == "terminaltotaldifficulty", postMerge {
                members.append((key, .number("0")))
                continue
            }
            if lowered == "ethash", postMerge { continue }
            members.append((key, value))
        }
        var rewritten = JSONValue.object(members)
        if let schedule = rewritten["blobSchedule"]?.objectValue {
            let kept = schedule.filter { !droppedNames.contains($0.key.lowercased()) }
            rewritten = rewritten.setting(blobScheduleKey, to: .object(kept))
        }
        // Every value was read when `self` was built, and the rewrite only replaces or removes them.
        let config = try! ChainConfig(json: rewritten)
        return ForkRewrite(config: config.portable(), activated: activated, dropped: dropped)
    }

    /// The config key that holds the blob schedule, as written.
    private var blobScheduleKey: String {
        json.objectValue?.first { $0.key.lowercased() == "blobschedule" }?.key ?? "blobSchedule"
    }

    /// The config in the form every client reads: `chainId`, fork blocks and times, `terminalTotalDifficulty` and
    /// blob schedule numbers as JSON numbers (strings such as `"0x10"` become `16`); everything else as it was.
    public func portable() -> ChainConfig {
        var members = json.objectValue ?? []
        for index in members.indices {
            let key = members[index].key
            let lowered = key.lowercased()
            if lowered == "chainid", let chainId {
                members[index].value = .integer(chainId)
            } else if lowered == "terminaltotaldifficulty", let terminalTotalDifficulty {
                members[index].value = .number(terminalTotalDifficulty.decimalString)
            } else if let activation = activations.first(where: { $0.key == key }) {
                switch activation.trigger {
                case .block(let value), .timestamp(let value): members[index].value = .integer(value)
                }
            } else if lowered == "blobschedule", let entries = members[index].value.objectValue {
                members[index].value = .object(entries.map { fork, entry in
                    (fork, .object((entry.objectValue ?? []).map { name, value in
                        if case .string(let text) = value, let number = Quantity.uint64(text: text) {
                            return (name, JSONValue.integer(number))
                        }
                        return (name, value)
                    }))
                })
            }
        }
        // Only numbers that were read successfully were replaced, by the same values.
        return try! ChainConfig(json: .object(members))
    }
}
