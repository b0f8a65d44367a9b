/// The state sources a plugin offers for one node, in the order to try them: the first that reads the complete state
/// is used.
///
/// A source that finds it cannot read the complete state from this node — an error that says so
/// (`StateCompletenessError.isIncompleteState`: a missing preimage, a storage format that lists nothing, a failed
/// state-root check) — hands over to the next one. Any other error (a node flag missing, a network failure) stops
/// the run, as does the last source's error. Nothing a failed source wrote survives: each attempt writes anew, and
/// only a verified extraction returns.
public struct StateSourceChain: Sendable {
    /// The sources, first to try first; never empty.
    public let sources: [any StateSource]

    public init(_ sources: [any StateSource]) {
        precondition(!sources.isEmpty, "a state source chain needs a source")
        self.sources = sources
    }

    /// The first source.
    public var first: any StateSource { sources[0] }

    /// Checks the sources' requirements in order and returns the chain from the first source whose requirements
    /// hold. A source whose check fails with an incomplete-state error is skipped (and reported to `onFallback`);
    /// any other error is thrown.
    public func checkingRequirements(at block: PinnedBlock,
                                     onFallback: (StateSourceFallback) -> Void) async throws -> StateSourceChain {
        var index = 0
        while true {
            do {
                try await sources[index].checkRequirements(at: block)
                return StateSourceChain(Array(sources[index...]))
            } catch {
                try handOver(from: index, after: error, onFallback: onFallback)
                index += 1
            }
        }
    }

    /// Runs `attempt` with each source in turn until one returns. An incomplete-state error moves on to the next
    /// source (reported to `onFallback`); any other error, and the last source's, is thrown.
    public func run<Result>(onFallback: (StateSourceFallback) -> Void,
                            _ attempt: (any StateSource) async throws -> Result) async throws -> Result {
        var index = 0
        while true {
            do {
                return try await attempt(sources[index])
            } catch {
                try handOver(from: index, after: error, onFallback: onFallback)
                index += 1
            }
        }
    }

    /// Reports the move from source `index` to the next, or rethrows `error` when it does not allow one.
    private func handOver(from index: Int, after error: any Error, onFallback: (StateSourceFallback) -> Void) throws {
        guard index + 1 < sources.count, Self.meansIncompleteState(error) else { throw error }
        onFallback(StateSourceFallback(from: sources[index].title, to: sources[index + 1].title,
                                       reason: String(describing: error)))
    }

    /// Whether `error` says the source cannot read the complete state (so another source may).
    public static func meansIncompleteState(_ error: any Error) -> Bool {
        (error as? any StateCompletenessError)?.isIncompleteState ?? false
    }
}

/// One hand-over from a state source that could not read the complete state to the next source.
public struct StateSourceFallback: Sendable, Equatable {
    /// The failed source's title.
    public var from: String
    /// The next source's title.
    public var to: String
    /// What went wrong, as the failed source said it.
    public var reason: String

    public init(from: String, to: String, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// `debug_accountRange was incomplete (…); falling back to the universal (trace + proof) source`.
    public var message: String {
        "\(from) was incomplete (\(reason)); falling back to the \(to) source"
    }
}
