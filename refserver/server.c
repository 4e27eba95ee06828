/* server.c — master process: listen, fork workers, forward signals, reap. */
#include "server.h"
#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "worker.h"

long server_raise_nofile(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl))
        return -1;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    return (long)rl.rlim_cur;
}

void server_derive_max_conns(rs_config *cfg, long nofile)
{
    long room = nofile - nofile / 16 - 32;
    if (room < 1)
        room = 1;
    if (room > 100000000)
        room = 100000000;
    if (cfg->max_conns == 0) {
        cfg->max_conns = (int)room;
    } else if (cfg->max_conns > room) {
        fprintf(stderr, "refserver: warning: --max-conns %d is more than the open-file limit "
                "(%ld) leaves room for; using %ld\n", cfg->max_conns, nofile, room);
        cfg->max_conns = (int)room;
    }
}

void server_warn_weak_auth(const rs_config *cfg)
{
    if (!strcmp(cfg->admin_password, "admin"))
        fprintf(stderr, "refserver: warning: the admin password is the default ('admin'): "
                "anyone can log in as %s; set REFSERVER_ADMIN_PASSWORD\n", cfg->admin_user);
    if (!cfg->jwt_secret_generated && strlen(cfg->jwt_secret) < 32)
        fprintf(stderr, "refserver: warning: the JWT secret is shorter than 32 bytes (%zu): "
                "tokens can be forged by brute force; set a longer REFSERVER_JWT_SECRET\n",
                strlen(cfg->jwt_secret));
}

int server_listen(const char *host, int port, int *bound_port, lb_err *err)
{
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    char ports[16];
    snprintf(ports, sizeof ports, "%d", port);
    int rc = getaddrinfo(host, ports, &hints, &ai);
    if (rc)
        return lb_err_set(err, "--bind %s:%d: %s", host, port, gai_strerror(rc));
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) ||
        bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 4096)) {
        lb_err_set(err, "--bind %s:%d: %s", host, port, strerror(errno));
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    getsockname(fd, (struct sockaddr *)&ss, &sl);
    *bound_port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                                 : ((struct sockaddr_in *)&ss)->sin_port);
    return fd;
}

static sigset_t master_set(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGTERM);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGCHLD);
    return s;
}

static int write_port_file(const char *path, int port, lb_err *err)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%d\n", port) < 0 || fclose(f)) {
        if (f)
            fclose(f);
        return lb_err_set(err, "--port-file %s: %s", path, strerror(errno));
    }
    if (rename(tmp, path))
        return lb_err_set(err, "--port-file %s: %s", path, strerror(errno));
    return 0;
}

/* Restart limits: more than RESTART_BURST restarts within RESTART_WINDOW
 * seconds means a crash loop, and the server stops instead. */
#define RESTART_BURST 5
#define RESTART_WINDOW 60.0

/* Fork worker i. fd >= 0: the master's listening socket (worker 0 at start);
 * otherwise the child binds its own socket to port in the SO_REUSEPORT group,
 * so the kernel spreads connections over workers instead of waking them all.
 * Returns the child's pid, or -1 (message printed). */
static pid_t spawn_worker(const rs_config *cfg, int i, int fd, int port, pid_t *pids)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "refserver: cannot fork worker %d: %s\n", i, strerror(errno));
        return -1;
    }
    if (pid > 0)
        return pid;
    int wfd = fd;
    if (fd < 0 || i > 0) {
        if (fd >= 0)
            close(fd);
        lb_err e;
        int p2;
        wfd = server_listen(cfg->bind_host, port, &p2, &e);
        if (wfd < 0) {
            fprintf(stderr, "refserver: worker %d: %s\n", i, e.msg);
            _exit(1);
        }
    }
    free(pids);
    /* exit(), not _exit(): stdio was flushed before fork, and the
     * sanitizers' leak check runs from exit handlers */
    exit(worker_run(cfg, i, wfd));
}

/* The master's view of its workers while it supervises them. */
typedef struct master {
    rs_config *cfg;
    pid_t *pids;            /* per worker slot: its pid; 0 (or -1 after a failed fork): none */
    int port;               /* the bound port, for replacements */
    int alive;              /* workers running */
    bool stopping;          /* shutting down: no more restarts */
    int code;               /* the exit code so far */
    double restarts[RESTART_BURST];   /* times of the latest restarts, a ring */
    int nrestarts;
} master;

static void stop_all(const pid_t *pids, int n)
{
    for (int i = 0; i < n; i++)
        if (pids[i] > 0)
            kill(pids[i], SIGTERM);
}

static void stop(master *m)
{
    m->stopping = true;
    stop_all(m->pids, m->cfg->workers);
}

/* Fork every worker (worker 0 inherits fd); stops at the first failure.
 * Returns how many started. */
static int start_workers(master *m, int fd)
{
    int started = 0;
    for (int i = 0; i < m->cfg->workers; i++) {
        if ((m->pids[i] = spawn_worker(m->cfg, i, fd, m->port, m->pids)) < 0)
            break;
        started++;
    }
    return started;
}

static void on_stop_signal(master *m, int sig)
{
    if (!m->stopping && !m->cfg->quiet)
        fprintf(stderr, "refserver: %s: stopping (finishing in-flight requests)\n",
                sig == SIGTERM ? "SIGTERM" : "SIGINT");
    stop(m);
}

/* True when RESTART_BURST restarts already happened within RESTART_WINDOW
 * of now: the oldest of them sits where the next one would be written. */
static bool crash_looping(const master *m, double now)
{
    return m->nrestarts >= RESTART_BURST &&
           now - m->restarts[m->nrestarts % RESTART_BURST] < RESTART_WINDOW;
}

/* Worker i failed while serving: fork a replacement, unless workers are
 * dying in a loop or the fork fails; then stop the others. */
static void replace_worker(master *m, int i)
{
    double now = (double)time(NULL);
    bool looping = crash_looping(m, now);
    if (!looping && (m->pids[i] = spawn_worker(m->cfg, i, -1, m->port, m->pids)) > 0) {
        m->restarts[m->nrestarts++ % RESTART_BURST] = now;
        m->alive++;
        fprintf(stderr, "refserver: worker %d restarted (pid %d)\n", i, (int)m->pids[i]);
        return;
    }
    m->pids[i] = 0;
    fprintf(stderr, "refserver: %s; stopping the others\n",
            looping ? "workers keep dying" : "cannot restart the worker");
    stop(m);
}

/* Worker i (pid) ended with status. A clean exit during shutdown is the
 * plan; anything else is a failure that makes the run's exit code 1. */
static void worker_ended(master *m, int i, pid_t pid, int status)
{
    m->pids[i] = 0;
    m->alive--;
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (ok && m->stopping)
        return;
    fprintf(stderr, "refserver: worker %d (pid %d) %s %d\n", i, (int)pid,
            WIFEXITED(status) ? "exited with" : "killed by signal",
            WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    m->code = 1;
    if (!m->stopping)
        replace_worker(m, i);
}

/* Collect every child that ended (one SIGCHLD may stand for several). */
static void reap(master *m)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        for (int i = 0; i < m->cfg->workers; i++)
            if (m->pids[i] == pid) {
                worker_ended(m, i, pid, status);
                break;
            }
}

/* Wait for signals until no worker is left: SIGTERM/SIGINT stop them all,
 * SIGCHLD reaps (and maybe replaces) them. */
static void supervise(master *m, const sigset_t *set)
{
    while (m->alive > 0) {
        int sig;
        if (sigwait(set, &sig))
            continue;
        if (sig == SIGTERM || sig == SIGINT)
            on_stop_signal(m, sig);
        else
            reap(m);
    }
}

int server_run(rs_config *cfg, lb_err *err)
{
    signal(SIGPIPE, SIG_IGN);
    long nofile = server_raise_nofile();
    server_derive_max_conns(cfg, nofile);
    server_warn_weak_auth(cfg);
    master m = {.cfg = cfg};
    int fd = server_listen(cfg->bind_host, cfg->port, &m.port, err);
    if (fd < 0)
        return 2;
    cfg->port = m.port;
    sigset_t set = master_set();
    sigprocmask(SIG_BLOCK, &set, NULL);
    if (!(m.pids = calloc((size_t)cfg->workers, sizeof *m.pids))) {
        close(fd);
        lb_err_set(err, "out of memory");
        return 1;
    }
    int started = start_workers(&m, fd);
    close(fd);
    m.code = started == cfg->workers ? 0 : 1;
    if (cfg->port_file && started && write_port_file(cfg->port_file, m.port, err)) {
        fprintf(stderr, "refserver: %s\n", err->msg);
        m.code = 1;
    }
    if (!cfg->quiet)
        fprintf(stderr, "refserver: listening on %s:%d (%d worker%s, db-mode %s, "
                "bcrypt cost %d, nofile %ld, max-conns %d)\n", cfg->bind_host, m.port, started,
                started == 1 ? "" : "s", config_db_mode_name(cfg->db_mode), cfg->bcrypt_cost,
                nofile, cfg->max_conns);
    m.alive = started;
    if (m.code != 0)
        stop(&m);   /* a partial start is not served */
    supervise(&m, &set);
    free(m.pids);
    if (!cfg->quiet)
        fprintf(stderr, "refserver: stopped\n");
    return m.code;
}
