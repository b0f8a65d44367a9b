import Foundation
import Yams

/// What the verifier reads from a snapshot's `docker-compose.yml`: each service's image and mounts.
struct ComposeFileInspection {
    struct Mount {
        var service: String
        /// `bind` or `volume`.
        var type: String
        var source: String
    }

    /// Service name → image (nil when the service has none).
    var images: [(service: String, image: String?)] = []
    var mounts: [Mount] = []
    /// Top-level named volumes.
    var declaredVolumes: Set<String> = []

    init(yaml: String) throws(SnapshotVerificationError) {
        let root: Node?
        do { root = try BoundedYAML.compose(yaml) } catch {
            throw .unreadable(path: "docker-compose.yml", reason: error.isInvalid ? "not YAML" : error.description)
        }
        guard let services = root?.mapping?["services"]?.mapping else {
            throw .unreadable(path: "docker-compose.yml", reason: "no services")
        }
        declaredVolumes = Set(root?.mapping?["volumes"]?.mapping?.keys.compactMap(\.string) ?? [])
        for (key, service) in services {
            let name = key.string ?? "?"
            images.append((name, service.mapping?["image"]?.string))
            for volume in service.mapping?["volumes"]?.sequence ?? [] {
                if let short = volume.string {
                    mounts.append(Self.shortSyntax(short, service: name))
                } else if let long = volume.mapping {
                    let source = long["source"]?.string ?? ""
                    let type = long["type"]?.string ?? (Self.looksLikePath(source) ? "bind" : "volume")
                    mounts.append(Mount(service: name, type: type, source: source))
                }
            }
        }
    }

    /// `SOURCE:TARGET[:MODE]`: a source that looks like a path is a bind mount, a bare name a named volume.
    private static func shortSyntax(_ text: String, service: String) -> Mount {
        let source = text.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return Mount(service: service, type: looksLikePath(source) ? "bind" : "volume", source: source)
    }

    private static func looksLikePath(_ source: String) -> Bool {
        source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~")
    }
}
