/// The shell lines `up.sh` and `down.sh` share: run `docker compose`, or `docker-compose` where only that exists.
enum ComposeCommand {
    /// Defines `compose` (exits 2 with advice when neither command exists).
    static let shellFunction = #"""
        if docker compose version >/dev/null 2>&1; then
          compose_v2=1
        elif command -v docker-compose >/dev/null 2>&1; then
          compose_v2=0
        else
          echo "error: neither 'docker compose' nor 'docker-compose' is installed; install Docker with the Compose plugin" >&2
          exit 2
        fi

        compose() {
          if [ "$compose_v2" = 1 ]; then
            docker compose "$@"
          else
            docker-compose "$@"
          fi
        }
        """#
}
