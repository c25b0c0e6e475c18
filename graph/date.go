package graph

import (
	"fmt"
	"time"

	"github.com/linkscope/linkscope/internal/msg"
)

// Date is a calendar date of year, month or day precision, as datasets give
// them ("2022", "2022-10", "2022-10-17"). The zero Date means "undated".
type Date struct {
	Year  int16
	Month int8 // 0 when only the year is known
	Day   int8 // 0 when only the year or month is known
}

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD and rejects impossible dates
// such as 2022-13-45 or 2023-02-29.
func ParseDate(s string) (Date, error) {
	var d Date
	n := len(s)
	if !dateShaped(s) {
		return d, msg.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	y, _ := digits(s[0:4])
	if y == 0 {
		return d, msg.Errorf("date %q has year 0, which does not exist", s)
	}
	d.Year = int16(y)
	if n >= 7 {
		m, _ := digits(s[5:7])
		if m < 1 || m > 12 {
			return Date{}, msg.Errorf("date %q has month %d, not 1 to 12", s, m)
		}
		d.Month = int8(m)
	}
	if n == 10 {
		day, _ := digits(s[8:10])
		if last := daysIn(y, d.Month); day < 1 || day > last {
			return Date{}, msg.Errorf("date %q has day %d, but %04d-%02d has %d days", s, day, y, d.Month, last)
		}
		d.Day = int8(day)
	}
	return d, nil
}

// dateShaped reports whether s is "DDDD", "DDDD-DD" or "DDDD-DD-DD" (D a
// digit).
func dateShaped(s string) bool {
	if n := len(s); n != 4 && n != 7 && n != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func daysIn(year int, month int8) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date at its own precision; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First is the first day the date may denote, as YYYYMMDD (20221001 for
// "2022-10"); 0 for the zero Date. Keys compare in calendar order.
func (d Date) First() int32 {
	if d.Year == 0 {
		return 0
	}
	m, day := int32(d.Month), int32(d.Day)
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return int32(d.Year)*10000 + m*100 + day
}

// Last is the last day the date may denote, as YYYYMMDD (20221031 for
// "2022-10"); 0 for the zero Date.
func (d Date) Last() int32 {
	if d.Year == 0 {
		return 0
	}
	m, day := int32(d.Month), int32(d.Day)
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = int32(daysIn(int(d.Year), int8(m)))
	}
	return int32(d.Year)*10000 + m*100 + day
}
