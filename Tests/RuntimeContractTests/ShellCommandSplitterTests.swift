import Testing

/// The splitter finds the programs a script runs, with the words each one receives.
@Suite struct ShellCommandSplitterTests {
    static func texts(_ script: String) -> [[String]] {
        ShellCommandSplitter.commands(in: script).map { $0.map(\.text) }
    }

    @Test func andListsExecAndContinuations() {
        let script = """
            set -e
            geth init --datadir=/runtime/el /snapshot/el/genesis.json
            exec geth \\
              --datadir=/runtime/el \\
              '--http.corsdomain=http://localhost:*' && echo done; true
            """
        #expect(Self.texts(script) == [
            ["geth", "init", "--datadir=/runtime/el", "/snapshot/el/genesis.json"],
            ["geth", "--datadir=/runtime/el", "--http.corsdomain=http://localhost:*"],
        ])
    }

    @Test func redirectionsAndPipes() {
        let script = "exec 3<>/dev/tcp/127.0.0.1/4000 && printf 'GET / HTTP/1.1\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -Eq ' 20[06] ' 2>/dev/null"
        #expect(Self.texts(script) == [["head", "-n", "1"], ["grep", "-Eq", " 20[06] "]])
    }

    @Test func quotingAndExpansions() {
        let commands = ShellCommandSplitter.commands(in: #"FOO=1 reth node --datadir "$DIR" --name "a b" --x='c d' # comment"#)
        #expect(commands.map { $0.map(\.text) } == [["reth", "node", "--datadir", "$DIR", "--name", "a b", "--x=c d"]])
        #expect(commands.first?.map(\.isDynamic) == [false, false, false, true, false, false, false])
    }

    @Test func controlStructuresKeepTheirCommands() {
        let script = """
            fail() { echo "init: $*" >&2; exit 1; }
            if [ -d /x ]; then
              cp -R /x/. /y/
            fi
            for dir in el cl; do
              mkdir -p "/runtime/$dir"
            done
            """
        #expect(Self.texts(script) == [["cp", "-R", "/x/.", "/y/"], ["mkdir", "-p", "/runtime/$dir"]])
    }
}
