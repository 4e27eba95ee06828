/* server.h — the master process: listen socket, pre-forked workers sharing the
 * port with SO_REUSEPORT, signal forwarding and graceful shutdown. */
#ifndef RS_SERVER_H
#define RS_SERVER_H
#include "config.h"
#include "lberr.h"

/* Raise RLIMIT_NOFILE to its hard limit (1500 keep-alive clients need more
 * than the usual 1024). Returns the new soft limit. */
long server_raise_nofile(void);

/* Set cfg->max_conns from the open-file limit nofile when it is 0 (each
 * worker has the whole limit; 1/16 of it and 32 more stay free for the
 * database files, logs, the listener and the loop), and lower a larger
 * explicit value to that, with a warning. */
void server_derive_max_conns(rs_config *cfg, long nofile);

/* Warn on stderr (even with --quiet) when the admin password is the
 * default or a configured JWT secret is shorter than 32 bytes. */
void server_warn_weak_auth(const rs_config *cfg);

/* Bind and listen on host:port with SO_REUSEADDR and SO_REUSEPORT; *bound_port
 * gets the port actually bound (useful with port 0). fd or -1 + err. */
int server_listen(const char *host, int port, int *bound_port, lb_err *err);

/* Run the server until SIGTERM/SIGINT: fork cfg->workers workers (cfg->port
 * is updated to the bound port), write cfg->port_file, supervise: a worker
 * that dies is replaced (more than 5 restarts a minute stops the server).
 * Returns the exit code: 0 after a clean shutdown, 1 when any worker failed
 * during the run (or none could start), 2 when host:port cannot be bound
 * (err says why). */
int server_run(rs_config *cfg, lb_err *err);

#endif
