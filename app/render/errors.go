package render

import "fmt"

func errorf(format string, args ...any) error {
	return fmt.Errorf("render: "+format, args...)
}
