import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
import Yams

/// The emitted `docker-compose.yml`, parsed back and checked as Docker Compose reads it.
@Suite struct ComposeFileTests {
    @Test func servicesStartInOrderWithHealthyDependencies() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compose = try RuntimeTestSupport.compose(in: folder)
        let services = try #require(compose["services"]?.mapping)
        #expect(services.keys.compactMap(\.string) == ["init", "el", "cl", "vc"])
        #expect(compose["services"]?["init"]?["depends_on"] == nil)
        let expected = [
            ("el", "init", "service_completed_successfully"), ("cl", "el", "service_healthy"), ("vc", "cl", "service_healthy"),
        ]
        for (service, dependency, condition) in expected {
            let dependsOn = try #require(services[service]?["depends_on"]?.mapping, "\(service)")
            #expect(dependsOn.keys.compactMap(\.string) == [dependency], "\(service)")
            #expect(dependsOn[dependency]?["condition"]?.string == condition, "\(service)")
        }
        for service in ["el", "cl"] {
            let check = try #require(services[service]?["healthcheck"], "\(service) has a health check")
            let test = try #require(check["test"]?.sequence).compactMap(\.string)
            #expect(test == ["CMD", "stub-health", service])
            #expect(check["interval"]?.string == "2s" && check["retries"]?.int == 300)
        }
        #expect(services["init"]?["restart"]?.string == "no")
    }

    @Test func everyImageIsPinned() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let services = try #require(try RuntimeTestSupport.compose(in: folder)["services"]?.mapping)
        let images = services.compactMap { $0.value["image"]?.string }
        #expect(images == ["busybox:1.37.0", "example/stub-el:v1", "example/stub-cl:v1", "example/stub-vc:v1"])
        for image in images {
            let tag = try #require(ImageReference.tag(of: image), "\(image) has a tag")
            #expect(!tag.isEmpty && tag != "latest")
        }
    }

    @Test func mountsAreReadOnlyBindsOfExistingFoldersAndTheWipedRuntimeVolume() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compose = try RuntimeTestSupport.compose(in: folder)
        // The only named volume is the one init empties at every start.
        #expect(compose["volumes"]?.mapping?.keys.compactMap(\.string) == ["runtime"])
        let services = try #require(compose["services"]?.mapping)
        var binds: [String: [String]] = [:]
        for (key, service) in services {
            let name = try #require(key.string)
            let volumes = try #require(service["volumes"]?.sequence, "\(name)")
            for volume in volumes {
                switch volume["type"]?.string {
                case "bind":
                    let source = try #require(volume["source"]?.string)
                    #expect(volume["read_only"]?.bool == true, "\(source) is read-only")
                    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(source).path), "\(source) exists")
                    #expect(volume["target"]?.string == "/snapshot/" + source.dropFirst(2))
                    binds[name, default: []].append(source)
                case "volume":
                    #expect(volume["source"]?.string == "runtime" && volume["target"]?.string == "/runtime")
                default:
                    Issue.record("unexpected mount \(volume)")
                }
            }
            #expect(volumes.contains { $0["type"]?.string == "volume" }, "\(name) mounts the runtime volume")
        }
        #expect(binds == ["init": ["./runtime", "./cl", "./validators"], "el": ["./el"]])
        #expect(services["init"]?["command"]?.sequence?.compactMap(\.string) == ["/bin/sh", "/snapshot/runtime/init.sh"])
    }

    @Test func portsAreBoundToLoopbackWithTheOffset() throws {
        let folder = try RuntimeTestSupport.snapshot(options: RuntimeOptions(portOffset: 100))
        defer { try? FileManager.default.removeItem(at: folder) }
        let services = try #require(try RuntimeTestSupport.compose(in: folder)["services"])
        #expect(services["el"]?["ports"]?.sequence?.compactMap(\.string) == ["127.0.0.1:8645:8545", "127.0.0.1:8646:8546"])
        #expect(services["cl"]?["ports"]?.sequence?.compactMap(\.string) == ["127.0.0.1:4100:4000"])
        #expect(services["vc"]?["ports"] == nil && services["init"]?["ports"] == nil)
    }

    @Test func ipv6BindAddressIsBracketed() throws {
        let folder = try RuntimeTestSupport.snapshot(options: RuntimeOptions(bindAddress: "::1"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let services = try #require(try RuntimeTestSupport.compose(in: folder)["services"])
        #expect(services["cl"]?["ports"]?.sequence?.compactMap(\.string) == ["[::1]:4000:4000"])
        let up = try String(contentsOf: folder.appendingPathComponent("up.sh"), encoding: .utf8)
        #expect(up.contains("rpc_url='http://[::1]:8545'"))
    }

    @Test func initEnvironmentAndDollarEscaping() throws {
        let folder = try RuntimeTestSupport.snapshot(options: RuntimeOptions(genesisDelaySeconds: 7))
        defer { try? FileManager.default.removeItem(at: folder) }
        let services = try #require(try RuntimeTestSupport.compose(in: folder)["services"])
        let environment = try #require(services["init"]?["environment"]?.mapping)
        #expect(environment["SNAPSHOT_DIR"]?.string == "/snapshot")
        #expect(environment["RUNTIME_DIR"]?.string == "/runtime")
        #expect(environment["DATA_DIRS"]?.string == "el cl vc")
        // Compose substitutes this one from the caller's environment, defaulting to the configured delay.
        #expect(environment["GENESIS_DELAY_SECONDS"]?.string == "${GENESIS_DELAY_SECONDS:-7}")
        // An emitter's `$` reaches the container: compose turns `$$` back into `$`.
        let command = try #require(services["el"]?["command"]?.sequence?.first?.string)
        #expect(command.hasPrefix("echo $$HOME && exec stub-el --datadir=/runtime/el --genesis=/snapshot/el/genesis.json"))
        #expect(services["el"]?["entrypoint"]?.sequence?.compactMap(\.string) == ["/bin/sh", "-c"])
        #expect(services["cl"]?["environment"]?["STUB_ROLE"]?.string == "beacon")
    }

    /// Scalars that YAML 1.1 readers would take for numbers, booleans or sexagesimals stay strings.
    @Test func ambiguousScalarsAreQuoted() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        #expect(text.contains(#"restart: "no""#))
        #expect(text.contains(#"- "127.0.0.1:8545:8545""#))
        #expect(text.contains("read_only: true"))
        #expect(text.hasPrefix("# A devnet that starts from this snapshot's state"))
    }

    /// Docker Compose's own parser accepts the file: `docker compose` (v2) or Debian's `docker-compose` (v1.29, what CI
    /// installs); `config` needs no Docker daemon. v1 rejects a top-level `name:`, so there is none (the project name
    /// is given with `-p` by up.sh and down.sh).
    @Test(.enabled("needs docker compose or docker-compose (apt-get install docker-compose; .ci/run installs it)") {
        await RuntimeTestSupport.composeCommand() != nil
    })
    func dockerComposeAcceptsTheFile() async throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RuntimeTestSupport.compose(in: folder)["name"] == nil)
        let command = try #require(await RuntimeTestSupport.composeCommand())
        let result = try await RuntimeTestSupport.run(command[0], Array(command.dropFirst()) + ["config", "--quiet"], in: folder)
        #expect(result.succeeded, "\(result.stderrText)")
    }
}
