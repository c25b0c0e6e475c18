package dataset

import stdjson "encoding/json"

func stdUnmarshal(data []byte, v any) error { return stdjson.Unmarshal(data, v) }
