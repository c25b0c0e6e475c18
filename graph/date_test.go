package graph

import (
	"strings"
	"testing"
)

func TestParseDateValid(t *testing.T) {
	cases := []struct {
		in          string
		want        Date
		first, last int32
	}{
		{"2022", Date{2022, 0, 0}, 20220101, 20221231},
		{"2022-10", Date{2022, 10, 0}, 20221001, 20221031},
		{"2022-10-17", Date{2022, 10, 17}, 20221017, 20221017},
		{"2023-02", Date{2023, 2, 0}, 20230201, 20230228},
		{"2024-02", Date{2024, 2, 0}, 20240201, 20240229},
		{"2024-02-29", Date{2024, 2, 29}, 20240229, 20240229}, // divisible by 4
		{"2000-02-29", Date{2000, 2, 29}, 20000229, 20000229}, // divisible by 400
		{"2022-04-30", Date{2022, 4, 30}, 20220430, 20220430},
		{"0001-01-01", Date{1, 1, 1}, 10101, 10101},
		{"9999-12-31", Date{9999, 12, 31}, 99991231, 99991231},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if d != c.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", c.in, d, c.want)
		}
		if d.First() != c.first || d.Last() != c.last {
			t.Errorf("%q: First, Last = %d, %d, want %d, %d", c.in, d.First(), d.Last(), c.first, c.last)
		}
		if d.String() != c.in {
			t.Errorf("ParseDate(%q).String() = %q", c.in, d.String())
		}
		if d.IsZero() {
			t.Errorf("ParseDate(%q) is zero", c.in)
		}
	}
}

func TestParseDateImpossible(t *testing.T) {
	cases := map[string]string{
		"2022-13-45":       "month 13",
		"2022-00":          "month 0",
		"2023-02-29":       "day 29, but 2023-02 has 28 days",
		"1900-02-29":       "day 29, but 1900-02 has 28 days", // divisible by 100, not 400
		"2100-02-29":       "has 28 days",
		"2022-04-31":       "day 31, but 2022-04 has 30 days",
		"2022-10-00":       "day 0",
		"2022-10-32":       "has 31 days",
		"0000":             "year 0",
		"":                 "not YYYY",
		"22":               "not YYYY",
		"22-10-17":         "not YYYY",
		"2022-1-5":         "not YYYY",
		"2022/10/17":       "not YYYY",
		"17/10/2022":       "not YYYY",
		"2022-10-1x":       "not YYYY",
		"+022-10-17":       "not YYYY",
		"2022-10-17T10:00": "not YYYY",
		" 2022":            "not YYYY",
		"２０２２":             "not YYYY", // full-width digits
	}
	for in, frag := range cases {
		d, err := ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %+v, want an error", in, d)
			continue
		}
		if !strings.Contains(err.Error(), frag) {
			t.Errorf("ParseDate(%q): %q does not say %q", in, err, frag)
		}
		if !strings.Contains(err.Error(), "\""+in+"\"") && in != "" {
			t.Errorf("ParseDate(%q): %q does not quote the input", in, err)
		}
		if d != (Date{}) {
			t.Errorf("ParseDate(%q) returned %+v with its error, want the zero Date", in, d)
		}
	}
}

func TestDateZero(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" || d.First() != 0 || d.Last() != 0 {
		t.Errorf("zero Date: IsZero %v, String %q, First %d, Last %d", d.IsZero(), d.String(), d.First(), d.Last())
	}
}

// TestDateKeysOrder checks that First and Last keys sort in calendar order
// and that a coarser date spans the finer dates inside it.
func TestDateKeysOrder(t *testing.T) {
	in := []string{"2021-12-31", "2022", "2022-01", "2022-01-01", "2022-02-28", "2022-10", "2022-10-17", "2022-12-31", "2023"}
	var prev Date
	for _, s := range in {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		if d.First() > d.Last() {
			t.Errorf("%s: First %d after Last %d", s, d.First(), d.Last())
		}
		if !prev.IsZero() && d.First() < prev.First() {
			t.Errorf("%s sorts before %s", s, prev)
		}
		prev = d
	}
	year, _ := ParseDate("2022")
	for _, s := range []string{"2022-01-01", "2022-06", "2022-12-31"} {
		d, _ := ParseDate(s)
		if d.First() < year.First() || d.Last() > year.Last() {
			t.Errorf("%s [%d, %d] is not inside 2022 [%d, %d]", s, d.First(), d.Last(), year.First(), year.Last())
		}
	}
}
