import Foundation

/// Reads what the Kurtosis CLI prints. Everything but `service inspect -o json` is a text table, so the rules here
/// follow the CLI's table printer: columns separated by runs of spaces, extra port lines with blank leading columns.
public enum KurtosisOutputParser {
    /// Why the text is not what the CLI is expected to print.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public init(_ reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    /// The rows of `kurtosis enclave ls`.
    public static func enclaves(_ text: String) throws(Failure) -> [KurtosisEnclave] {
        let lines = cleanLines(text)
        guard let header = lines.firstIndex(where: { words($0).starts(with: ["UUID", "Name", "Status"]) }) else {
            if lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return [] }
            throw Failure("no 'UUID Name Status' header in the enclave list")
        }
        var enclaves: [KurtosisEnclave] = []
        for line in lines[(header + 1)...] {
            let columns = words(line)
            if columns.isEmpty { continue }
            guard columns.count >= 3 else { throw Failure("cannot read enclave row '\(line)'") }
            enclaves.append(KurtosisEnclave(uuid: columns[0], name: columns[1], status: columns[2],
                                            creationTime: columns.dropFirst(3).joined(separator: " ")))
        }
        return enclaves
    }

    /// `kurtosis enclave inspect <enclave>`: header fields, `Files Artifacts` and `User Services`.
    public static func enclaveInspection(_ text: String) throws(Failure) -> KurtosisEnclaveInspection {
        var fields: [String: String] = [:]
        var section: String?
        var sawTableHeader = false
        var artifacts: [String] = []
        var services: [KurtosisEnclaveInspection.Service] = []
        var pending: (uuid: String, name: String, ports: [KurtosisPort], status: String)?

        func flush() {
            if let row = pending {
                services.append(.init(uuid: row.uuid, name: row.name, ports: row.ports, status: row.status))
            }
            pending = nil
        }

        for line in cleanLines(text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let title = bannerTitle(trimmed) {
                flush()
                section = title
                sawTableHeader = false
                continue
            }
            guard let current = section else {
                if let colon = trimmed.firstIndex(of: ":") {
                    fields[String(trimmed[..<colon])] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if trimmed.isEmpty { continue }
            if !sawTableHeader {
                sawTableHeader = words(trimmed).first == "UUID"
                if sawTableHeader { continue }
            }
            switch current {
            case "Files Artifacts":
                let columns = words(trimmed)
                guard columns.count >= 2 else { throw Failure("cannot read files artefact row '\(trimmed)'") }
                artifacts.append(columns[1])
            case "User Services":
                if line.first == " " {
                    guard pending != nil else { throw Failure("a port line '\(trimmed)' before any service") }
                    pending!.ports.append(try port(trimmed))
                    continue
                }
                flush()
                let columns = words(trimmed)
                guard columns.count >= 4 else { throw Failure("cannot read service row '\(trimmed)'") }
                let portText = columns[2..<(columns.count - 1)].joined(separator: " ")
                pending = (columns[0], columns[1], portText == "<none>" ? [] : [try port(portText)], columns[columns.count - 1])
            default:
                continue
            }
        }
        flush()
        guard let name = fields["Name"] else { throw Failure("no 'Name:' line in the enclave inspection") }
        return KurtosisEnclaveInspection(name: name, uuid: fields["UUID"] ?? "", status: fields["Status"] ?? "",
                                         filesArtifacts: artifacts, services: services)
    }

    /// One port line of the services table: `rpc: 8545/tcp -> 127.0.0.1:32771`,
    /// `http: 4000/tcp -> http://127.0.0.1:32776`, or `metrics: 9001/tcp` when not published.
    public static func port(_ text: String) throws(Failure) -> KurtosisPort {
        let parts = text.components(separatedBy: " -> ")
        guard parts.count <= 2, let colon = parts[0].firstIndex(of: ":") else { throw Failure("cannot read port '\(text)'") }
        let id = String(parts[0][..<colon])
        let spec = parts[0][parts[0].index(after: colon)...].trimmingCharacters(in: .whitespaces).split(separator: "/")
        guard !id.isEmpty, spec.count == 2, let number = Int(spec[0]) else { throw Failure("cannot read port '\(text)'") }
        guard parts.count == 2 else { return KurtosisPort(id: id, number: number, transport: String(spec[1])) }
        var address = Substring(parts[1].trimmingCharacters(in: .whitespaces))
        var applicationProtocol: String?
        if let scheme = address.range(of: "://") {
            applicationProtocol = String(address[..<scheme.lowerBound])
            address = address[scheme.upperBound...]
        }
        guard let lastColon = address.lastIndex(of: ":"), let publicPort = Int(address[address.index(after: lastColon)...]) else {
            throw Failure("cannot read the published address of port '\(text)'")
        }
        return KurtosisPort(id: id, number: number, transport: String(spec[1]), applicationProtocol: applicationProtocol,
                            publicHost: String(address[..<lastColon]), publicPort: publicPort)
    }

    /// `kurtosis service inspect <enclave> <service> -o json`.
    public static func serviceInspection(_ text: String) throws(Failure) -> KurtosisServiceInspection {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw Failure("the service inspection is not JSON: \(error)")
        }
        guard case .object = document else { throw Failure("the service inspection is not a JSON object") }
        let published = Dictionary(uniqueKeysWithValues: (document["public_ports"]?.objectValue ?? []).compactMap { member in
            member.value["number"]?.scalarText.flatMap { Int($0) }.map { (member.key, $0) }
        })
        var ports: [KurtosisPort] = []
        for (id, spec) in document["ports"]?.objectValue ?? [] {
            guard let number = spec["number"]?.scalarText.flatMap({ Int($0) }) else { throw Failure("port '\(id)' has no number") }
            let protocolName = spec["maybe_application_protocol"]?.stringValue
            ports.append(KurtosisPort(id: id, number: number, transport: transport(spec["transport"]),
                                      applicationProtocol: protocolName?.isEmpty == false ? protocolName : nil,
                                      publicPort: published[id]))
        }
        var files: [String: [String]] = [:]
        for (path, names) in document["files"]?.objectValue ?? [] {
            files[path] = names.stringValue.map { [$0] } ?? names.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return KurtosisServiceInspection(
            image: document["image"]?.stringValue,
            ports: ports.sorted { $0.id < $1.id },
            files: files,
            entrypoint: document["entrypoint"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            cmd: document["cmd"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            environment: stringMap(document["env_vars"]),
            labels: stringMap(document["labels"]))
    }

    /// `kurtosis port print …`: `127.0.0.1:32771` or `http://127.0.0.1:32776`, as a URL with a scheme.
    public static func portAddress(_ text: String) throws(Failure) -> URL {
        guard let line = cleanLines(text).map({ $0.trimmingCharacters(in: .whitespaces) }).last(where: { !$0.isEmpty }) else {
            throw Failure("port print printed nothing")
        }
        let withScheme = line.contains("://") ? line : "http://" + line
        guard let url = URL(string: withScheme), url.host != nil, url.port != nil else {
            throw Failure("cannot read the address '\(line)'")
        }
        return url
    }

    // MARK: - Helpers

    /// Lines without terminal colour codes.
    private static func cleanLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    private static func words(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// `Files Artifacts` for `==== Files Artifacts ====`; `nil` for any other line.
    private static func bannerTitle(_ line: String) -> String? {
        guard line.hasPrefix("==="), line.hasSuffix("===") else { return nil }
        let title = line.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
        return title.isEmpty ? nil : title
    }

    /// The transport of a JSON port: the protobuf enum number (0 TCP, 1 SCTP, 2 UDP) or its name.
    private static func transport(_ value: JSONValue?) -> String {
        switch value?.scalarText?.lowercased() {
        case nil, "0", "tcp": "tcp"
        case "1", "sctp": "sctp"
        case "2", "udp": "udp"
        case let other?: other
        }
    }

    private static func stringMap(_ value: JSONValue?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, item) in value?.objectValue ?? [] { map[key] = item.scalarText ?? JSONWriter.string(item) }
        return map
    }
}
