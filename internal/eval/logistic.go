package eval

import (
	"errors"
	"math"

	"github.com/redline-news/redline/summarize"
)

// fitLogistic fits an L2-penalized logistic regression by Newton's method on
// standardized features and returns the weights on the raw features.
func fitLogistic(d *dataset, cfg Training) ([]float64, int, error) {
	f := summarize.NumFeatures
	mean, scale := standardization(d)
	z := make([]float64, len(d.x))
	for r := range d.rows {
		for j := range f {
			z[r*f+j] = (d.x[r*f+j] - mean[j]) / scale[j]
		}
	}
	w := make([]float64, f)
	iters := 0
	for iters < cfg.MaxIterations {
		iters++
		step, err := newtonStep(z, d.y, d.rows, w, cfg.Lambda)
		if err != nil {
			return nil, iters, err
		}
		biggest := 0.0
		for j := range w {
			w[j] -= step[j]
			biggest = math.Max(biggest, math.Abs(step[j]))
		}
		if biggest < 1e-10 {
			break
		}
	}
	return unstandardize(w, mean, scale), iters, nil
}

// standardization returns each feature's mean and standard deviation; the
// bias (feature 0) and constant features keep mean 0 and scale 1.
func standardization(d *dataset) (mean, scale []float64) {
	f := summarize.NumFeatures
	mean, scale = make([]float64, f), make([]float64, f)
	for j := range f {
		scale[j] = 1
		if j == 0 {
			continue
		}
		sum, sq := 0.0, 0.0
		for r := range d.rows {
			sum += d.x[r*f+j]
		}
		m := sum / float64(d.rows)
		for r := range d.rows {
			v := d.x[r*f+j] - m
			sq += v * v
		}
		if sd := math.Sqrt(sq / float64(d.rows)); sd > 1e-12 {
			mean[j], scale[j] = m, sd
		}
	}
	return mean, scale
}

// unstandardize folds the standardization into the weights, so that the
// summarizer applies them to raw features.
func unstandardize(w, mean, scale []float64) []float64 {
	out := make([]float64, len(w))
	out[0] = w[0]
	for j := 1; j < len(w); j++ {
		out[j] = w[j] / scale[j]
		out[0] -= w[j] * mean[j] / scale[j]
	}
	return out
}

// newtonStep returns H⁻¹g for the penalized log-likelihood at w.
func newtonStep(z, y []float64, rows int, w []float64, lambda float64) ([]float64, error) {
	f := len(w)
	g := make([]float64, f)
	h := make([]float64, f*f)
	for r := range rows {
		x := z[r*f : (r+1)*f]
		p := sigmoid(dotF(w, x))
		diff, curv := p-y[r], p*(1-p)
		for i := range f {
			g[i] += diff * x[i]
			ci := curv * x[i]
			for j := 0; j <= i; j++ {
				h[i*f+j] += ci * x[j]
			}
		}
	}
	for i := 1; i < f; i++ {
		g[i] += lambda * w[i]
		h[i*f+i] += lambda
	}
	h[0] += 1e-9 // keeps the matrix positive definite without moving the fit
	return choleskySolve(h, g, f)
}

func dotF(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// choleskySolve solves h·x = g for a symmetric positive definite h given by
// its lower triangle.
func choleskySolve(h, g []float64, f int) ([]float64, error) {
	l := make([]float64, f*f)
	for i := range f {
		for j := 0; j <= i; j++ {
			s := h[i*f+j]
			for k := range j {
				s -= l[i*f+k] * l[j*f+k]
			}
			if i == j {
				if s <= 0 {
					return nil, errors.New("logistic regression: Hessian is not positive definite")
				}
				l[i*f+i] = math.Sqrt(s)
			} else {
				l[i*f+j] = s / l[j*f+j]
			}
		}
	}
	y := make([]float64, f)
	for i := range f {
		s := g[i]
		for k := range i {
			s -= l[i*f+k] * y[k]
		}
		y[i] = s / l[i*f+i]
	}
	x := make([]float64, f)
	for i := f - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < f; k++ {
			s -= l[k*f+i] * x[k]
		}
		x[i] = s / l[i*f+i]
	}
	return x, nil
}
