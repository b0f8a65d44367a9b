/// One way an emitted command line breaks its image's CLI contract.
struct ContractViolation: Equatable, CustomStringConvertible {
    enum Kind: String, Equatable {
        /// The program is recorded as absent from the image.
        case absentProgram
        /// The program is not recorded as present in the image.
        case unverifiedProgram
        /// The program is named by a shell expansion, so it cannot be checked.
        case dynamicProgram
        /// The words after the program select no recorded subcommand.
        case unknownSubcommand
        /// A flag the contract does not record.
        case unknownFlag
        /// A flag that takes a value has none.
        case missingValue
        /// A switch was given a value, or a value has the wrong form.
        case wrongValue
        /// Two flags that may not be passed together.
        case conflict
        /// A flag every invocation must pass is missing.
        case missingRequired
        /// A flag needs another flag that is missing.
        case missingRequirement
        /// Too few or too many positional arguments.
        case positionals
    }

    var kind: Kind
    /// The command, e.g. `lighthouse validator_client`.
    var command: String
    var detail: String

    var description: String { "\(command): \(detail) [\(kind.rawValue)]" }
}
