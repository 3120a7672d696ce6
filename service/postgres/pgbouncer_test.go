package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/postgres/pgtest"
	"github.com/redline-news/redline/service/storetest"
)

// TestConformanceThroughPgBouncer runs the whole suite through a real
// PgBouncer in transaction mode, with the exec mode docs/SCALING.md
// prescribes: a transaction may run on any server connection, so nothing
// may rely on a prepared statement or a session setting. PgBouncer drops
// search_path, so each store gets a database of its own instead of a
// schema.
// TestQueueMigrationLeavesNoLockThroughPgBouncer opens and closes a store
// through PgBouncer in transaction mode, which hands a client's
// consecutive transactions to its server connections in turn
// (server_round_robin): a session advisory lock taken in one and released
// in the next stays held by the first, and the next start of the store
// waits for it forever. After each close no advisory lock of the store's
// may be left, and each open must finish.
func TestQueueMigrationLeavesNoLockThroughPgBouncer(t *testing.T) {
	direct := pgtest.DSN(t)
	bouncer := startPgBouncer(t, direct)
	name := "redline_bouncer_" + randomName(t)
	execDirect(t, direct, `CREATE DATABASE `+name)
	t.Cleanup(func() { execDirect(t, direct, `DROP DATABASE `+name+` WITH (FORCE)`) })
	dsn := fmt.Sprintf("postgres://postgres@%s/%s?sslmode=disable&default_query_exec_mode=exec", bouncer.addr, name)
	cfg, err := pgx.ParseConfig(direct)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Database = name
	warmPool(t, dsn, 4)
	for i := range 4 {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		db, err := postgres.Open(ctx, dsn, postgres.Options{})
		cancel()
		if err != nil {
			bouncer.report(t)
			t.Fatalf("open %d: %v", i+1, err)
		}
		if err := db.Close(); err != nil {
			t.Fatalf("close %d: %v", i+1, err)
		}
		held := advisoryLocksHeld(t, cfg)
		if held != 0 {
			t.Fatalf("after open and close %d, %d advisory locks are still held", i+1, held)
		}
	}
}

// warmPool has PgBouncer open n server connections to dsn's database, by
// holding n transactions through it at once, so that a client's
// consecutive transactions have that many to be spread over.
func warmPool(t *testing.T, dsn string, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var txs []pgx.Tx
	for range n {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatalf("connect through PgBouncer: %v", err)
		}
		defer conn.Close(ctx)
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "SELECT 1"); err != nil {
			t.Fatal(err)
		}
		txs = append(txs, tx)
	}
	for _, tx := range txs {
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// advisoryLocksHeld counts the granted advisory locks in cfg's database.
func advisoryLocksHeld(t *testing.T, cfg *pgx.ConnConfig) int {
	t.Helper()
	conn := connectDirect(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestConformanceThroughPgBouncer(t *testing.T) {
	direct := pgtest.DSN(t)
	bouncer := startPgBouncer(t, direct)
	storetest.Run(t, harnessFrom(func(t *testing.T) string {
		bouncer.check(t)
		name := "redline_bouncer_" + randomName(t)
		execDirect(t, direct, `CREATE DATABASE `+name)
		t.Cleanup(func() { execDirect(t, direct, `DROP DATABASE `+name+` WITH (FORCE)`) })
		// A subtest that fails because PgBouncer went away says so
		// itself, rather than leaving only "connection refused".
		t.Cleanup(func() {
			if t.Failed() {
				bouncer.report(t)
			}
		})
		return fmt.Sprintf("postgres://postgres@%s/%s?sslmode=disable&default_query_exec_mode=exec", bouncer.addr, name)
	}))
}

// pgBouncer is a PgBouncer process that the test started and watches.
type pgBouncer struct {
	addr    string // where the stores connect: PgBouncer, or the relay before it
	listen  string // where PgBouncer itself listens
	logPath string
	exited  chan struct{} // closed once the process has exited
	waitErr error         // how it exited; set before exited is closed
	killed  atomic.Bool   // the test's cleanup stopped it
	logged  sync.Once     // its log goes into the test output once
}

// running reports whether PgBouncer is still running.
func (b *pgBouncer) running() bool {
	select {
	case <-b.exited:
		return false
	default:
		return true
	}
}

// check fails t at once if PgBouncer has exited, with its exit status
// and its log.
func (b *pgBouncer) check(t *testing.T) {
	t.Helper()
	if !b.running() {
		b.report(t)
		t.FailNow()
	}
}

// report fails t with PgBouncer's exit status and log if it has exited
// without the test stopping it; the log is printed only the first time.
func (b *pgBouncer) report(t *testing.T) {
	t.Helper()
	if b.running() || b.killed.Load() {
		return
	}
	log := "(printed above)"
	b.logged.Do(func() { log = b.log() })
	t.Errorf("pgbouncer on %s exited while the test needed it: %v; its log:\n%s", b.listen, b.waitErr, log)
}

// log is PgBouncer's log, its start and its end if it is long: the end
// says why it stopped, and the file goes with the test's temporary
// directory.
func (b *pgBouncer) log() string {
	out, err := os.ReadFile(b.logPath)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", b.logPath, err)
	}
	const head, tail = 5, 60
	lines := strings.SplitAfter(string(out), "\n")
	if len(lines) <= head+tail {
		return string(out)
	}
	return strings.Join(lines[:head], "") +
		fmt.Sprintf("[... %d lines left out ...]\n", len(lines)-head-tail) +
		strings.Join(lines[len(lines)-tail:], "")
}

// startPgBouncer starts PgBouncer in transaction mode in front of the test
// database and returns it once it answers; it stops when the test ends,
// and the test fails with its exit status and log if it stops before.
func startPgBouncer(t *testing.T, direct string) *pgBouncer {
	t.Helper()
	bin, err := exec.LookPath("pgbouncer")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pgbouncer is not installed (Debian package pgbouncer); under CI the PgBouncer test must run")
		}
		t.Skip("pgbouncer is not installed (Debian package pgbouncer): skipping the PgBouncer test")
	}
	cfg, err := pgx.ParseConfig(direct)
	if err != nil {
		t.Fatal(err)
	}
	// The test binds the listening socket and hands it to PgBouncer, which
	// takes it as a socket passed by a service manager (systemd socket
	// activation: fd 3, LISTEN_FDS=1, and LISTEN_PID, which the shell sets
	// to its own pid before it execs PgBouncer). Taking a free port,
	// closing it and telling PgBouncer to bind it left a window in which
	// another process could take the port: go test ./... runs packages
	// side by side, and cmd/redline's pgtest.Proxy listens on 127.0.0.1:0
	// and forwards to PostgreSQL. PgBouncer then exited at once ("bind():
	// Address already in use", "nowhere to listen on"), the proxy answered
	// the startup wait and carried the first subtests, and every subtest
	// after the proxy was cut got "connection refused". Now the port is
	// never free between the test choosing it and PgBouncer serving it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	sock, err := ln.(*net.TCPListener).File()
	if err != nil {
		t.Fatal(err)
	}
	ln.Close() // sock keeps the socket open and listening
	dir := readableTempDir(t)
	writeFile(t, filepath.Join(dir, "userlist.txt"), fmt.Sprintf("%q \"\"\n", cfg.User))
	writeFile(t, filepath.Join(dir, "pgbouncer.ini"), fmt.Sprintf(`[databases]
* = host=%s port=%d
[pgbouncer]
unix_socket_dir =
auth_type = trust
auth_file = %s
pool_mode = transaction
default_pool_size = 4
server_round_robin = 1
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
`, cfg.Host, cfg.Port, filepath.Join(dir, "userlist.txt")))
	cmd := exec.Command("/bin/sh", "-c", `export LISTEN_PID=$$; exec "$0" "$@"`, bin, filepath.Join(dir, "pgbouncer.ini"))
	cmd.Env = append(os.Environ(), "LISTEN_FDS=1")
	cmd.ExtraFiles = []*os.File{sock}
	cmd.SysProcAttr = unprivileged(t)
	b := &pgBouncer{addr: addr, listen: addr, logPath: filepath.Join(dir, "pgbouncer.log"), exited: make(chan struct{})}
	logFile, err := os.Create(b.logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start pgbouncer: %v", err)
	}
	// PgBouncer holds the only copy now: if it exits, connections are
	// refused at once instead of waiting in the backlog.
	sock.Close()
	go func() {
		b.waitErr = cmd.Wait()
		logFile.Close()
		close(b.exited)
	}()
	// Registered after readableTempDir's cleanup, so this runs first and
	// the log is still there to report.
	t.Cleanup(func() {
		b.report(t)
		b.killed.Store(true)
		cmd.Process.Kill()
		<-b.exited
	})
	if version, fixed := cancelSafe(t, bin); !fixed {
		t.Logf("%s can exit on a cancel request (see withholdCancels): the stores reach it through a relay that withholds them", version)
		b.addr = withholdCancels(t, b.listen)
	}
	waitForPgBouncer(t, b, fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable&default_query_exec_mode=exec", cfg.User, b.addr, cfg.Database))
	return b
}

// cancelSafe reports PgBouncer's version and whether it is 1.21 or later.
// From 1.18, which reworked cancellation, PgBouncer dies with "FATAL
// server_proto: server in bad state: 11" when a server answers a query
// that a cancel request is on its way to (pgbouncer/pgbouncer#822, fixed
// by #927 in August 2023, so from 1.21.0 on).
func cancelSafe(t *testing.T, bin string) (string, bool) {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("pgbouncer --version: %v", err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	var major, minor int
	if _, err := fmt.Sscanf(first, "PgBouncer %d.%d", &major, &minor); err != nil {
		return first, false
	}
	return first, major > 1 || major == 1 && minor >= 21
}

// withholdCancels relays connections to PgBouncer at target from an
// address of its own, which it returns, and answers each cancel request
// by closing it instead of passing it on. pgx sends one whenever it
// abandons a connection mid-query, as when a store closes while its
// listener is still running LISTEN; PgBouncer before 1.21 then exited
// when the reply to the query arrived (FATAL server in bad state: 11),
// which failed every later subtest, about one run in thirty under load.
// A cancel is advisory and pgx closes the connection right after it,
// so the suite loses nothing it checks.
func withholdCancels(t *testing.T, target string) string {
	t.Helper()
	var held atomic.Int64
	// Registered before the proxy's own cleanup, which cuts it and waits
	// for its relays, so this runs after that and counts them all.
	t.Cleanup(func() { t.Logf("the relay withheld %d cancel requests from PgBouncer", held.Load()) })
	proxy := pgtest.NewProxy(t, "postgres://"+target+"/", pgtest.FirstPacket(func(packet []byte) bool {
		if isCancelRequest(packet) {
			held.Add(1)
			return false
		}
		return true
	}))
	return proxy.Addr
}

// cancelRequestCode follows the length in a CancelRequest's first eight
// bytes, where a StartupMessage has its protocol version.
const cancelRequestCode = 80877102

// isCancelRequest reports whether a client's first packet is a
// CancelRequest.
func isCancelRequest(packet []byte) bool {
	return len(packet) == 16 && binary.BigEndian.Uint32(packet[:4]) == 16 &&
		binary.BigEndian.Uint32(packet[4:8]) == cancelRequestCode
}

// unprivileged runs PgBouncer, which refuses to run as root, as the
// postgres user when the tests run as root.
func unprivileged(t *testing.T) *syscall.SysProcAttr {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		t.Fatalf("pgbouncer will not run as root, and there is no postgres user to run it as: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
}

// waitForPgBouncer waits until PgBouncer answers a query on dsn, and
// fails with its exit status and log if it exits or does not answer.
func waitForPgBouncer(t *testing.T, b *pgBouncer, dsn string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	answered := make(chan error, 1)
	go func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err == nil {
			err = conn.Ping(ctx)
			conn.Close(ctx)
		}
		answered <- err
	}()
	select {
	case err := <-answered:
		if err == nil {
			return
		}
		b.check(t)
		t.Fatalf("pgbouncer on %s does not answer through %s: %v; its log:\n%s", b.listen, b.addr, err, b.log())
	case <-b.exited:
		t.Log("pgbouncer exited on startup: it must take the listening socket from its parent (systemd socket activation, which Debian's package supports)")
		b.check(t)
	}
}

// readableTempDir is a temporary directory that the postgres user can read.
func readableTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "redline-pgbouncer-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func execDirect(t *testing.T, dsn, sql string) {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	conn := connectDirect(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	conn.Close(ctx)
}

// connectDirect connects to PostgreSQL with cfg; the connection closes
// when the test ends, if not before.
func connectDirect(t *testing.T, cfg *pgx.ConnConfig) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func randomName(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
