package metrics_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
)

// deployDir holds the shipped Prometheus and Grafana files.
const deployDir = "../deploy"

// dashboard is the part of a Grafana dashboard that the tests read.
type dashboard struct {
	Templating struct {
		List []struct {
			Name, Type string
			Query      any
		}
	}
	Panels []panel
}

type panel struct {
	Title      string
	Type       string
	Datasource *struct{ Type, UID string }
	Targets    []struct{ Expr string }
	Panels     []panel // a collapsed row's panels
}

func readDashboard(t *testing.T) dashboard {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(deployDir, "grafana", "redline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("redline.json: %v", err)
	}
	return d
}

// queryPanels returns every panel that runs queries, rows' panels included.
func queryPanels(ps []panel) []panel {
	var out []panel
	for _, p := range ps {
		if p.Type != "row" {
			out = append(out, p)
		}
		out = append(out, queryPanels(p.Panels)...)
	}
	return out
}

var (
	quoted     = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	metricName = regexp.MustCompile(`(?:^|[^A-Za-z0-9_:$])((?:redline|go|process)_[A-Za-z0-9_:]*)`)
)

// metricNames returns the Redline, Go and process metric names in PromQL
// text; label values are left out so that they cannot pass for names.
func metricNames(promql string) []string {
	var names []string
	for _, m := range metricName.FindAllStringSubmatch(quoted.ReplaceAllString(promql, `""`), -1) {
		names = append(names, m[1])
	}
	return names
}

// exported returns the names that can be queried from the registry: each
// family's name, and for histograms and summaries the _bucket, _sum and
// _count series too.
func exported(t *testing.T) map[string]bool {
	t.Helper()
	m, _ := exercised(t)
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range families {
		names[f.GetName()] = true
		if f.GetType() == dto.MetricType_HISTOGRAM || f.GetType() == dto.MetricType_SUMMARY {
			for _, suffix := range []string{"_bucket", "_sum", "_count"} {
				names[f.GetName()+suffix] = true
			}
		}
	}
	return names
}

func TestDashboardQueriesOnlyExistingMetrics(t *testing.T) {
	d := readDashboard(t)
	names := exported(t)
	used := map[string]bool{}
	for _, p := range queryPanels(d.Panels) {
		if len(p.Targets) == 0 {
			t.Errorf("panel %q: got no queries, want at least one", p.Title)
		}
		for _, target := range p.Targets {
			for _, name := range metricNames(target.Expr) {
				used[name] = true
				if !names[name] {
					t.Errorf("panel %q: got metric %s, which the registry does not export", p.Title, name)
				}
			}
		}
	}
	if len(used) < 20 {
		t.Errorf("got %d distinct metrics in the dashboard, want at least 20: %v", len(used), sortedKeys(used))
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestDashboardUsesTheDatasourceVariable(t *testing.T) {
	d := readDashboard(t)
	found := false
	for _, v := range d.Templating.List {
		if v.Name == "datasource" {
			found = true
			if v.Type != "datasource" || v.Query != "prometheus" {
				t.Errorf("datasource variable: got type %q query %v, want datasource and prometheus", v.Type, v.Query)
			}
		}
	}
	if !found {
		t.Fatal("got no datasource variable, want one")
	}
	for _, p := range queryPanels(d.Panels) {
		if p.Datasource == nil || p.Datasource.UID != "${datasource}" || p.Datasource.Type != "prometheus" {
			t.Errorf("panel %q: got datasource %+v, want prometheus ${datasource}", p.Title, p.Datasource)
		}
	}
}

func TestDashboardCoversTheIssuesPanels(t *testing.T) {
	d := readDashboard(t)
	var exprs strings.Builder
	for _, p := range queryPanels(d.Panels) {
		for _, target := range p.Targets {
			exprs.WriteString(target.Expr + "\n")
		}
	}
	for _, want := range []string{
		"redline_http_requests_total", `code=~"5.."`, `code=~"4.."`,
		"histogram_quantile(0.5,", "histogram_quantile(0.95,", "histogram_quantile(0.99,",
		"redline_summaries_computed_total", "redline_diffs_computed_total", "redline_processed_words_total",
		"redline_cache_hits_total", "redline_revisions_stored_total", "redline_store_operation_duration_seconds_bucket",
		"go_goroutines", "go_gc_duration_seconds", "go_memstats_heap", "process_cpu_seconds_total",
		"process_resident_memory_bytes", "process_open_fds",
	} {
		if !strings.Contains(exprs.String(), want) {
			t.Errorf("got no query with %s, want one", want)
		}
	}
}

func TestAlertsQueryOnlyExistingMetrics(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(deployDir, "prometheus", "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	names := exported(t)
	for _, name := range metricNames(string(raw)) {
		if !names[name] {
			t.Errorf("alerts.yml: got metric %s, which the registry does not export", name)
		}
	}
}

func TestPromtoolAcceptsTheDeployFiles(t *testing.T) {
	tool := promtool(t)
	dir := filepath.Join(deployDir, "prometheus")
	tests := []struct {
		name string
		args []string
	}{
		{"check config", []string{"check", "config", filepath.Join(dir, "prometheus.yml")}},
		{"check rules", []string{"check", "rules", filepath.Join(dir, "alerts.yml")}},
		{"test rules", []string{"test", "rules", filepath.Join(dir, "alerts_test.yml")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if out, err := runTool(t, "", tool, tc.args...); err != nil {
				t.Errorf("promtool %s: got %v\n%s\nwant success", strings.Join(tc.args, " "), err, out)
			}
		})
	}
}

// TestDashboardLatencyLeavesOutLongPolls checks that the request latency
// panels leave out /v1/changes, whose long polls last as long as their
// wait and would hide every other route's latency, as the alert does.
func TestDashboardLatencyLeavesOutLongPolls(t *testing.T) {
	d := readDashboard(t)
	n := 0
	for _, p := range queryPanels(d.Panels) {
		for _, target := range p.Targets {
			if !strings.Contains(target.Expr, "redline_http_request_duration_seconds_bucket") {
				continue
			}
			n++
			if !strings.Contains(target.Expr, `route!="/v1/changes"`) {
				t.Errorf("panel %q: %s counts the long polls of /v1/changes", p.Title, target.Expr)
			}
		}
	}
	if n == 0 {
		t.Fatal("got no request latency query, want three")
	}
}
