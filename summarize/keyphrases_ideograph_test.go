package summarize_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// In Chinese and Japanese, written without spaces, a key phrase is a
// string the text repeats, never a piece of a word cut at every third
// character, and never opens or closes on a particle.
func TestIdeographKeyPhrases(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // among the phrases
		never            []string // none of the phrases
	}{
		{"zh", "zh",
			"国家统计局周五公布的数据显示，一季度国内生产总值同比增长5.3%，高于市场预期。国家统计局发言人表示，消费和投资对经济增长的贡献明显回升。" +
				"分析人士认为，房地产市场仍然疲软，国内生产总值的增长主要依靠出口。国家统计局的数据还显示，社会消费品零售总额同比增长3.1%。" +
				"政府表示将出台更多刺激措施，以支持房地产市场。专家预计全年国内生产总值增长约5%。",
			[]string{"国家统计局", "国内生产总值", "房地产市场"},
			[]string{"国家统", "国内生", "产总值", "同比增", "计局的"}},
		{"ja", "ja",
			"東京電力は3日、福島第一原子力発電所の処理水の海洋放出を再開したと発表した。東京電力によると、放出は約17日間続く予定だ。" +
				"政府は処理水の安全性について国際原子力機関の評価を受けている。国際原子力機関は、放出が国際的な安全基準に合致していると結論づけた。" +
				"東京電力は監視を続けるとしている。",
			[]string{"東京電力", "国際原子力機関", "処理水"},
			[]string{"東京電", "ている", "してい"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sortedKeyPhrases(t, tc.lang, tc.text)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("key phrases %q lack %q", got, w)
				}
			}
			for _, p := range got {
				if slices.Contains(tc.never, p) {
					t.Errorf("key phrases %q hold the piece %q", got, p)
				}
				if strings.Count(tc.text, p) < 2 {
					t.Errorf("key phrase %q is used once in the text", p)
				}
				first, _ := utf8.DecodeRuneInString(p)
				last, _ := utf8.DecodeLastRuneInString(p)
				if unicode.Is(unicode.Hiragana, first) || unicode.Is(unicode.Hiragana, last) || first == '的' || last == '的' {
					t.Errorf("key phrase %q opens or closes on a particle", p)
				}
			}
		})
	}
	// A text that repeats nothing has no key phrase rather than pieces.
	if got := sortedKeyPhrases(t, "zh", "新华社北京电 分析人士认为，消费仍然疲软。政府表示将出台更多刺激措施！"); len(got) != 0 {
		t.Errorf("a text without repeats: key phrases %q, want none", got)
	}
}
