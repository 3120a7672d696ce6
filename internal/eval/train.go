package eval

import (
	"context"
	"errors"
	"fmt"
	"go/format"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/rouge"
	"github.com/redline-news/redline/summarize"
)

// Training holds the settings of the logistic regression.
type Training struct {
	// Lambda is the L2 penalty on the standardized weights (not the bias).
	Lambda float64
	// MaxIterations bounds Newton's method, which converges in a few rounds.
	MaxIterations int
}

// DefaultTraining returns the settings the shipped model was trained with.
func DefaultTraining() Training { return Training{Lambda: 1, MaxIterations: 50} }

// Model is a trained scorer and what it was trained on.
type Model struct {
	summarize.Model
	CNNDMDocs, BBCDocs int
	Rows, Positives    [2]int // short (CNN/DM) and long (BBC) model
	Iterations         [2]int
	// ScheduleRouge1 is the cross-validated ROUGE-1 on the CNN/DM and BBC
	// training rows of the chosen blend schedule.
	ScheduleRouge1 [2]float64
}

// dataset is the feature matrix (row-major) and labels of the training rows.
type dataset struct {
	x      []float64
	y      []float64
	rows   int
	shares []float64 // share k/n of each document
}

// Train fits the learned scorer: its short-summary model on the CNN/DM
// items and its long-summary model on the BBC training items. Features are
// computed on every core but gathered in item order, and the fit sums in a
// fixed order, so the result is identical bit for bit on every run.
func Train(ctx context.Context, cnndm, bbc []Item, cfg Training) (*Model, error) {
	for _, it := range bbc {
		if InEvalSplit(it.Line) {
			return nil, fmt.Errorf("item %s is in the BBC evaluation split, which training must not see", it.ID)
		}
	}
	short, err := itemRows(ctx, cnndm)
	if err != nil {
		return nil, err
	}
	long, err := itemRows(ctx, bbc)
	if err != nil {
		return nil, err
	}
	m := &Model{CNNDMDocs: len(cnndm), BBCDocs: len(bbc)}
	all := func(int) bool { return true }
	if err := fitModel(short, long, all, all, cfg, m); err != nil {
		return nil, err
	}
	if err := fitSchedule(ctx, cnndm, bbc, short, long, cfg, m); err != nil {
		return nil, err
	}
	return m, nil
}

// scheduleFolds is how many folds the cross-validation of the blend
// schedule splits each training set into.
const scheduleFolds = 5

// fitSchedule sets the blend by pick number. The short model leads the
// picks its labels cover (the most sentences a CNN/DM item asks, 3), and
// the long model takes over fully by LongPicks, chosen among 1, 2, 4 and 8
// picks later by cross-validation on the training rows alone: each fold of
// both training sets is summarized by the models fitted on the other folds,
// and the schedule with the best mean of the two sets' ROUGE-1 wins, the
// earliest among equals.
func fitSchedule(ctx context.Context, cnndm, bbc []Item, short, long []docRows, cfg Training, m *Model) error {
	if len(cnndm) < scheduleFolds || len(bbc) < scheduleFolds {
		return fmt.Errorf("the blend schedule needs at least %d documents of each set", scheduleFolds)
	}
	k := 0
	for _, it := range cnndm {
		k = max(k, it.K)
	}
	after := []float64{1, 2, 4, 8}
	sums := make([][2]float64, len(after))
	for f := range scheduleFolds {
		held := func(i int) bool { return i%scheduleFolds == f }
		fold := &Model{}
		if err := fitModel(short, long, not(held), not(held), cfg, fold); err != nil {
			return err
		}
		models := make([]summarize.Model, len(after))
		for c, d := range after {
			models[c] = fold.Model
			models[c].ShortPicks, models[c].LongPicks = float64(k), float64(k)+d
		}
		for side, set := range [2]struct {
			items []Item
			rows  []docRows
		}{{cnndm, short}, {bbc, long}} {
			r1, err := scheduleRouge1(ctx, set.items, set.rows, held, models)
			if err != nil {
				return err
			}
			for c := range after {
				sums[c][side] += r1[c]
			}
		}
	}
	best := -1.0
	for c, d := range after {
		r1 := [2]float64{100 * sums[c][0] / float64(len(cnndm)), 100 * sums[c][1] / float64(len(bbc))}
		if obj := (r1[0] + r1[1]) / 2; obj > best {
			best, m.ShortPicks, m.LongPicks, m.ScheduleRouge1 = obj, float64(k), float64(k)+d, r1
		}
	}
	return nil
}

// scheduleRouge1 summarizes the items held accepts with each model
// and returns, for each, the sum of their ROUGE-1 F1. The models differ
// only in their blend, so a text is summarized once for each distinct
// sequence of blends over the picks it asks, and its reference and
// sentences are tokenized once.
func scheduleRouge1(ctx context.Context, items []Item, rows []docRows, held func(int) bool, models []summarize.Model) ([]float64, error) {
	heldItems := filter(items, held)
	heldRows := make([]docRows, 0, len(heldItems))
	for i := range items {
		if held(i) {
			heldRows = append(heldRows, rows[i])
		}
	}
	f1 := make([][]float64, len(heldItems))
	err := parallel(ctx, len(heldItems), func(i int) {
		f1[i] = itemRouge1(heldItems[i], len(heldRows[i].x), models)
	})
	if err != nil {
		return nil, err
	}
	sums := make([]float64, len(models))
	for _, scores := range f1 {
		for c, v := range scores {
			sums[c] += v
		}
	}
	return sums, nil
}

// itemRouge1 is the ROUGE-1 F1 of item's summary under each model (0
// where summarizing fails). n is how many candidate
// sentences the text has; 0 keeps every model's summary apart.
func itemRouge1(item Item, n int, models []summarize.Model) []float64 {
	picks := min(item.K, summarize.MaxSentences)
	ref := rouge.Tokenize(strings.Join(item.Reference, "\n"))
	tokens := map[int][]string{}
	type done struct {
		blends []float64
		f1     float64
	}
	var seen []done
	out := make([]float64, len(models))
	for c := range models {
		blends := make([]float64, picks)
		for j := range blends {
			blends[j] = models[c].Blend(j+1, n)
		}
		if i := slices.IndexFunc(seen, func(d done) bool { return slices.Equal(d.blends, blends) }); i >= 0 && n > 0 {
			out[c] = seen[i].f1
			continue
		}
		sents, err := summarizeK(item.Article, summarize.Learned, item.K, &models[c])
		if err != nil {
			continue
		}
		var pred []string
		for _, s := range sents {
			t, ok := tokens[s.Index]
			if !ok {
				t = rouge.Tokenize(s.Text)
				tokens[s.Index] = t
			}
			pred = append(pred, t...)
		}
		out[c] = rouge.NGram(ref, pred, 1).F1
		seen = append(seen, done{blends, out[c]})
	}
	return out
}

func not(f func(int) bool) func(int) bool { return func(i int) bool { return !f(i) } }

// filter returns the items keep accepts by index, in order.
func filter(items []Item, keep func(int) bool) []Item {
	var out []Item
	for i, it := range items {
		if keep(i) {
			out = append(out, it)
		}
	}
	return out
}

// fitModel fits both models on the documents keepShort and keepLong accept
// and sets the blend's share anchors from their shares.
func fitModel(short, long []docRows, keepShort, keepLong func(int) bool, cfg Training, m *Model) error {
	s, err := fitSide(short, keepShort, cfg, m, 0)
	if err != nil {
		return fmt.Errorf("CNN/DM: %w", err)
	}
	l, err := fitSide(long, keepLong, cfg, m, 1)
	if err != nil {
		return fmt.Errorf("BBC: %w", err)
	}
	m.Short, m.ShortShare = s.weights, quantile(s.shares, 0.9)
	m.Long, m.LongShare = l.weights, quantile(l.shares, 0.1)
	if m.ShortShare >= m.LongShare {
		return fmt.Errorf("short summaries' shares (to %.3f) overlap long ones' (from %.3f)", m.ShortShare, m.LongShare)
	}
	return nil
}

type fitted struct {
	weights []float64
	shares  []float64
}

// quantile returns the q-quantile of values (nearest rank), which it sorts.
func quantile(values []float64, q float64) float64 {
	if len(values) == 0 {
		return 0
	}
	slices.Sort(values)
	return values[min(len(values)-1, int(q*float64(len(values))))]
}

func fitSide(docs []docRows, keep func(int) bool, cfg Training, m *Model, side int) (fitted, error) {
	data, err := assemble(docs, keep)
	if err != nil {
		return fitted{}, err
	}
	w, iters, err := fitLogistic(data, cfg)
	if err != nil {
		return fitted{}, err
	}
	if m != nil {
		m.Rows[side], m.Iterations[side] = data.rows, iters
		for _, y := range data.y {
			m.Positives[side] += int(y)
		}
	}
	return fitted{weights: w, shares: data.shares}, nil
}

// docRows is one document's feature rows, their labels, and the share k/n
// its protocol asks.
type docRows struct {
	x     [][]float64
	y     []bool
	share float64
}

// itemRows computes the features and labels of every sentence of items, on
// every core, in item order.
func itemRows(ctx context.Context, items []Item) ([]docRows, error) {
	docs := make([]docRows, len(items))
	err := parallel(ctx, len(items), func(i int) {
		sents, x, err := summarize.SentenceFeatures(items[i].Article, "")
		if err == nil && len(x) > 0 {
			docs[i] = docRows{x, labels(items[i], sents), math.Min(1, float64(items[i].K)/float64(len(x)))}
		}
	})
	return docs, err
}

// assemble gathers the rows of the documents keep accepts, in order.
func assemble(docs []docRows, keep func(i int) bool) (*dataset, error) {
	d := &dataset{}
	for i, doc := range docs {
		if !keep(i) || len(doc.x) == 0 {
			continue
		}
		d.shares = append(d.shares, doc.share)
		for j, row := range doc.x {
			d.x = append(d.x, row...)
			d.y = append(d.y, indicator(doc.y[j]))
			d.rows++
		}
	}
	if d.rows == 0 {
		return nil, errors.New("no training sentences")
	}
	return d, nil
}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// GoSource renders the model as the summarize package's model_weights.go.
func (m *Model) GoSource() []byte {
	var b strings.Builder
	b.WriteString("// Code generated by \"redline eval train\"; DO NOT EDIT.\n\n")
	b.WriteString("package summarize\n\n")
	b.WriteString("// builtinModel is the learned scorer Summarize uses by default. Its short\n")
	fmt.Fprintf(&b, "// model was fitted on %d CNN/DM dev documents (%d sentences, %d positive\n", m.CNNDMDocs, m.Rows[0], m.Positives[0])
	fmt.Fprintf(&b, "// by the greedy ROUGE oracle, %d Newton iterations), its long model on %d\n", m.Iterations[0], m.BBCDocs)
	fmt.Fprintf(&b, "// BBC training documents (%d sentences, %d in the reference, %d iterations).\n", m.Rows[1], m.Positives[1], m.Iterations[1])
	fmt.Fprintf(&b, "// The blend by pick number was chosen by %d-fold cross-validation on the\n", scheduleFolds)
	fmt.Fprintf(&b, "// training rows (ROUGE-1 %.2f on CNN/DM, %.2f on BBC).\n", m.ScheduleRouge1[0], m.ScheduleRouge1[1])
	b.WriteString("var builtinModel = Model{\n")
	writeWeights(&b, "Short", m.Short)
	writeWeights(&b, "Long", m.Long)
	fmt.Fprintf(&b, "\tShortShare: %s,\n", strconv.FormatFloat(m.ShortShare, 'g', -1, 64))
	fmt.Fprintf(&b, "\tLongShare:  %s,\n", strconv.FormatFloat(m.LongShare, 'g', -1, 64))
	fmt.Fprintf(&b, "\tShortPicks: %s,\n", strconv.FormatFloat(m.ShortPicks, 'g', -1, 64))
	fmt.Fprintf(&b, "\tLongPicks:  %s,\n", strconv.FormatFloat(m.LongPicks, 'g', -1, 64))
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return []byte(b.String()) // the writer above is at fault; keep the text to debug it
	}
	return src
}

func writeWeights(b *strings.Builder, field string, w []float64) {
	names := summarize.FeatureNames()
	fmt.Fprintf(b, "\t%s: []float64{\n", field)
	for i, v := range w {
		fmt.Fprintf(b, "\t\t%s, // %s\n", strconv.FormatFloat(v, 'g', -1, 64), names[i])
	}
	b.WriteString("\t},\n")
}

// CrossValidate estimates the learned scorer on unseen CNN/DM data: it
// trains on all folds but one (plus extra training items) and scores the
// fold left out, for each fold, and returns the mean over all items.
func CrossValidate(ctx context.Context, items, extra []Item, folds int, cfg Training) (Result, error) {
	if folds < 2 || folds > len(items) {
		return Result{}, fmt.Errorf("folds must be between 2 and %d", len(items))
	}
	total := Result{Name: fmt.Sprintf("%s, %d-fold CV", summarize.Learned, folds)}
	for f := range folds {
		var train, test []Item
		for i, it := range items {
			if i%folds == f {
				test = append(test, it)
			} else {
				train = append(train, it)
			}
		}
		m, err := Train(ctx, train, extra, cfg)
		if err != nil {
			return Result{}, err
		}
		res, err := Evaluate(ctx, "", test, Algorithm(summarize.Learned, &m.Model))
		if err != nil {
			return Result{}, err
		}
		total.addWeighted(res)
	}
	total.finish()
	return total, nil
}

// addWeighted accumulates a fold's means weighted by its item count.
func (r *Result) addWeighted(o Result) {
	n := float64(o.Items)
	r.Rouge1 += o.Rouge1 * n
	r.Rouge2 += o.Rouge2 * n
	r.RougeLsum += o.RougeLsum * n
	r.Dangling += o.Dangling * n
	r.Orphaned += o.Orphaned * n
	r.Fragment += o.Fragment * n
	r.Byline += o.Byline * n
	r.Unclosed += o.Unclosed * n
	r.Items += o.Items
	r.Failed += o.Failed
}

func (r *Result) finish() {
	if r.Items == 0 {
		return
	}
	n := float64(r.Items)
	r.Rouge1, r.Rouge2, r.RougeLsum = r.Rouge1/n, r.Rouge2/n, r.RougeLsum/n
	r.Dangling, r.Orphaned, r.Fragment, r.Byline = r.Dangling/n, r.Orphaned/n, r.Fragment/n, r.Byline/n
	r.Unclosed /= n
}

// sigmoid is the logistic function, written to stay finite for large |z|.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
