// Package compose_test checks the Compose file of a several-replica
// deployment with Docker Compose's own parser. No Docker engine is needed:
// `config` only reads, interpolates and validates the file.
package compose_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// composeCommand returns the Compose client to run: the docker CLI's
// compose plugin, or else the standalone docker-compose.
func composeCommand(t *testing.T) []string {
	t.Helper()
	if exec.Command("docker", "compose", "version").Run() == nil {
		return []string{"docker", "compose"}
	}
	if path, err := exec.LookPath("docker-compose"); err == nil {
		return []string{path}
	}
	msg := "neither `docker compose` nor docker-compose is installed (Debian package docker-compose)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg + ": skipping the Compose file check")
	return nil
}

func compose(t *testing.T, args ...string) string {
	t.Helper()
	cmd := composeCommand(t)
	full := append(append(cmd[1:len(cmd):len(cmd)], "-f", "compose.yaml"), args...)
	out, err := exec.Command(cmd[0], full...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", strings.Join(cmd, " "), strings.Join(full, " "), err, out)
	}
	return string(out)
}

func TestComposeConfigIsValid(t *testing.T) {
	compose(t, "config", "--quiet")
	services := strings.Fields(compose(t, "config", "--services"))
	for _, want := range []string{"postgres", "redline-1", "redline-2", "proxy", "prometheus", "grafana"} {
		if !slices.Contains(services, want) {
			t.Errorf("services: got %v, want %s among them", services, want)
		}
	}
}

// TestMountedFilesExist checks that every file the Compose file mounts is
// in the repository, since Compose itself only finds out when it starts.
func TestMountedFilesExist(t *testing.T) {
	for _, path := range []string{"Caddyfile", "prometheus.yml", "../prometheus/alerts.yml",
		"grafana/datasources/prometheus.yml", "grafana/dashboards/redline.yml", "../grafana/redline.json", "../../Dockerfile"} {
		if _, err := os.Stat(filepath.FromSlash(path)); err != nil {
			t.Errorf("mounted file: %v", err)
		}
	}
}

// TestReplicasScrapedAndProxied checks that Prometheus and the proxy know
// both replicas, so that neither is left out of the dashboard or traffic.
func TestReplicasScrapedAndProxied(t *testing.T) {
	for _, file := range []string{"prometheus.yml", "Caddyfile"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, replica := range []string{"redline-1:8080", "redline-2:8080"} {
			if !strings.Contains(string(raw), replica) {
				t.Errorf("%s: does not name %s", file, replica)
			}
		}
	}
}

// TestDashboardSeriesAreScraped checks that the Prometheus of the Compose
// file stores the classic histogram series (`_bucket`) that the shipped
// dashboard and alerts query. With native histograms enabled, Prometheus
// 2.40 to 3.8 keeps only the native form of a histogram that has one, as
// every Redline histogram has, unless the scrape configuration asks for
// the classic form as well.
func TestDashboardSeriesAreScraped(t *testing.T) {
	dashboard, err := os.ReadFile("../grafana/redline.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(dashboard), "_bucket") {
		t.Skip("the dashboard queries no classic histogram series")
	}
	config := compose(t, "config")
	scrape, err := os.ReadFile("prometheus.yml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(config, "native-histograms") && !strings.Contains(string(scrape), "always_scrape_classic_histograms: true") {
		t.Fatal("the Compose file's Prometheus enables native histograms but prometheus.yml does not keep the classic series; the dashboard's latency panels would be empty")
	}
}

// TestReplicasGetTimeToShutDown checks that Compose waits for a replica's
// graceful shutdown before it sends SIGKILL: serve gives requests and
// webhook attempts in flight up to its 30s shutdown timeout in all, and
// Compose kills after 10s unless stop_grace_period says otherwise.
func TestReplicasGetTimeToShutDown(t *testing.T) {
	const least = 31 * time.Second
	config := compose(t, "config")
	for _, replica := range []string{"redline-1", "redline-2"} {
		block := serviceBlock(config, replica)
		m := regexp.MustCompile(`(?m)^    stop_grace_period: (\S+)$`).FindStringSubmatch(block)
		if m == nil {
			t.Errorf("%s: no stop_grace_period, so Compose kills it 10s after SIGTERM; want at least %v", replica, least)
			continue
		}
		if d, err := time.ParseDuration(m[1]); err != nil || d < least {
			t.Errorf("%s: stop_grace_period %s (%v), want at least %v", replica, m[1], err, least)
		}
	}
}

// serviceBlock returns the lines of `compose config` that describe one
// service: from its name, indented by two spaces, to the next such line.
func serviceBlock(config, name string) string {
	_, rest, ok := strings.Cut(config, "\n  "+name+":\n")
	if !ok {
		return ""
	}
	if i := regexp.MustCompile(`\n  \S`).FindStringIndex(rest); i != nil {
		rest = rest[:i[0]]
	}
	return rest
}
