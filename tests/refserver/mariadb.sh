# mariadb.sh — a private MariaDB server for refserver's live tests (sourced, not run;
# beside lib.sh, in either order). Through scripts/mariadb-local, in a temp dir.
#
# mdb_start     starts it on a free loopback port; sets MDB_URL (refserver's
#               --db mysql://...), MDB_DIR, MDB_PORT; stops it and removes the dir
#               when the test exits, pass or fail (chained onto lib.sh's EXIT trap).
#               No mariadbd installed: the test FAILS (exit 1) saying so — CI
#               installs mariadb-server through scripts/install-deps.
# mdb_kill      SIGKILL the mariadbd (a crash: no shutdown, InnoDB recovers on start)
# mdb_restart   start it again in the same dir on the same port (same MDB_URL)
# mdb_reset     drop and recreate the database (refserver seeds it again)
# mdb_sql SQL   run SQL in the database as its administrator (tab-separated rows)
MDB_LOCAL="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/mariadb-local"
MDB_DIR="" MDB_URL="" MDB_PORT=""

mdb_cleanup() {
    if [ -n "$MDB_DIR" ]; then
        MARIADB_LOCAL_STOP_TIMEOUT=10 "$MDB_LOCAL" stop "$MDB_DIR" >/dev/null
        rm -rf "$MDB_DIR"
    fi
}

# the EXIT trap already set (lib.sh's rs_cleanup) runs first: refserver stops before
# its database does
_mdb_chain_trap() {
    local prev=""
    eval "set -- $(trap -p EXIT)"
    [ $# -ge 3 ] && prev="$3; "
    trap "${prev}mdb_cleanup" EXIT
}

mdb_start() {
    if ! command -v mariadbd >/dev/null || ! command -v mariadb-install-db >/dev/null; then
        echo "FAIL: mariadbd / mariadb-install-db not installed: this test needs mariadb-server" \
            "(scripts/install-deps installs it)"
        exit 1
    fi
    # /tmp, not a deep TMPDIR: the socket path must fit in 108 bytes
    MDB_DIR=$(mktemp -d /tmp/lb-mdb.XXXXXX)
    _mdb_chain_trap
    MDB_URL=$("$MDB_LOCAL" start "$MDB_DIR" 2>"$MDB_DIR/start.err") ||
        { echo "FAIL: scripts/mariadb-local start:"; cat "$MDB_DIR/start.err"; exit 1; }
    MDB_PORT=$(cat "$MDB_DIR/port")
}

mdb_pid() { cat "$MDB_DIR/mariadbd.pid" 2>/dev/null; }

mdb_kill() {
    local pid st
    pid=$(mdb_pid) || { echo "FAIL: mdb_kill: no pid file in $MDB_DIR"; exit 1; }
    kill -KILL "$pid"
    # gone once /proc has no live process for it (a zombie waits for its adopter)
    for _ in $(seq 100); do
        st=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)
        [ -z "$st" ] || [ "$st" = Z ] && return 0
        sleep 0.05
    done
    echo "FAIL: mariadbd $pid survived SIGKILL for 5 s"; exit 1
}

mdb_restart() {
    "$MDB_LOCAL" start "$MDB_DIR" --port "$MDB_PORT" >/dev/null 2>"$MDB_DIR/start.err" ||
        { echo "FAIL: mariadb-local restart:"; cat "$MDB_DIR/start.err"; exit 1; }
}

mdb_reset() { "$MDB_LOCAL" reset "$MDB_DIR" >/dev/null || exit 1; }

mdb_sql() {
    mariadb --no-defaults -S "$MDB_DIR/mariadbd.sock" -u "$(id -un)" --batch --skip-column-names \
        loadbench -e "$1"
}
