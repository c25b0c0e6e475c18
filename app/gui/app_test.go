package gui

import "testing"

func TestDriverInitPanicIsRecognised(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"NotInitialized: The GLFW library is not initialized", true},
		{"PlatformError: X11: Failed to open display :57", true},
		{"runtime error: index out of range [3] with length 3", false},
		{"assignment to entry in nil map", false},
	} {
		if got := isDriverInitPanic(c.msg); got != c.want {
			t.Errorf("isDriverInitPanic(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}
