/// The shell lines `up.sh` and `down.sh` share: the compose project of this snapshot folder, and `compose`, which
/// runs `docker compose` (or `docker-compose` where only that exists) on that project.
enum ComposeCommand {
    /// Defines `project` and `compose` (exits 2 with advice when neither compose command exists).
    ///
    /// The project name is unique per snapshot folder: the folder's name, lowercased and reduced to what Compose v1
    /// and v2 both accept, then `-` and the CRC (POSIX `cksum`) of the folder's absolute physical path, so two
    /// folders holding snapshots of the same name never share containers or volumes (one's `up.sh` would remove the
    /// other's stack). `COMPOSE_PROJECT_NAME` overrides it. It is passed with `-p`, which both versions read; a
    /// top-level `name:` in the compose file would be rejected by Compose v1.
    static let shellFunction = #"""
        if docker compose version >/dev/null 2>&1; then
          compose_v2=1
        elif command -v docker-compose >/dev/null 2>&1; then
          compose_v2=0
        else
          echo "error: neither 'docker compose' nor 'docker-compose' is installed; install Docker with the Compose plugin" >&2
          exit 2
        fi

        # The compose project: this folder's name plus a hash of its absolute path (COMPOSE_PROJECT_NAME overrides).
        if [ -n "${COMPOSE_PROJECT_NAME:-}" ]; then
          project=$COMPOSE_PROJECT_NAME
        else
          folder=$(pwd -P)
          base=$(printf '%s' "${folder##*/}" | tr '[:upper:]' '[:lower:]' | tr -cd 'a-z0-9_-' | sed 's/^[_-]*//')
          path_hash=$(printf '%s' "$folder" | cksum | sed 's/[[:space:]].*//')
          project=$(printf '%s-%08x' "${base:-snapshot}" "$path_hash")
        fi

        compose() {
          if [ "$compose_v2" = 1 ]; then
            docker compose -p "$project" "$@"
          else
            docker-compose -p "$project" "$@"
          fi
        }
        """#
}
