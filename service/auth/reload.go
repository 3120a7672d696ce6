package auth

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// ReloadOnHangup re-reads the tokens file each time the process gets SIGHUP,
// until ctx ends. A file that fails to parse is logged and the tokens in use
// are kept, so a typo never locks everyone out or lets everyone in.
func (t *Tokens) ReloadOnHangup(ctx context.Context, logger *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				t.reloadAndLog(logger)
			}
		}
	}()
}

func (t *Tokens) reloadAndLog(logger *slog.Logger) {
	if err := t.Reload(); err != nil {
		logger.Error("tokens not reloaded; the previous tokens stay in use", "error", err)
		return
	}
	logger.Info("tokens reloaded", "tokens", t.Len())
}
