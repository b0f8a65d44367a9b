/// `down.sh`: stops the devnet and removes its containers and the runtime volume; the snapshot folder is untouched.
public enum DownScript {
    public static let path = "down.sh"

    public static let text = """
        #!/bin/sh
        # Stops this snapshot's devnet and removes its containers and its runtime volume (chain data, keys copies,
        # JWT). The snapshot folder itself is never modified; ./up.sh starts a fresh chain again.
        #
        # Environment: COMPOSE_PROJECT_NAME (default: this folder's name and a hash of its path, as up.sh uses).
        set -eu
        cd "$(dirname "$0")"

        \(ComposeCommand.shellFunction)

        compose down --volumes --remove-orphans

        """
}
