package graph

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The edits-file shapes the issue lists decode to the commands they name.
func TestDecodeIssueShapes(t *testing.T) {
	cases := []struct {
		line string
		want Command
	}{
		{`{"op":"add-entity","id":"x","type":"person","label":"X","aliases":[],"props":{}}`,
			AddEntity{ID: "x", Type: "person", Label: "X", Aliases: []string{}, Props: map[string]any{}}},
		{`{"op":"add-relation","id":"r","source":"a","target":"b","type":"fined","date":"2024-01","props":{},"sources":[]}`,
			AddRelation{ID: "r", Source: "a", Target: "b", Type: "fined", Date: "2024-01", Props: map[string]any{}, Sources: []Citation{}}},
		{`{"op":"set","id":"a","field":"label","value":"A"}`, Set{ID: "a", Field: "label", Value: "A"}},
		{`{"op":"set","id":"a","field":"props.amount","value":20000000}`, Set{ID: "a", Field: "props.amount", Value: float64(20000000)}},
		{`{"op":"set","id":"a","field":"props.gone","value":null}`, Set{ID: "a", Field: "props.gone"}},
		{`{"op":"delete","id":"a"}`, Delete{ID: "a"}},
		{`{"op":"merge","ids":["a","b"],"into":"a"}`, Merge{IDs: []string{"a", "b"}, Into: "a"}},
		{`{"op":"move","id":"a","x":10,"y":20}`, Move{ID: "a", X: 10, Y: 20}},
		{`{"op":"pin","id":"a"}`, Pin{ID: "a"}},
		{`{"op":"hide-type","type":"media"}`, HideType{Type: "media"}},
		{`{"op":"note","id":"a","text":"…"}`, Note{ID: "a", Text: "…"}},
		{`{"op":"group","ids":["a","b"],"id":"g","label":"G"}`, GroupEntities{ID: "g", IDs: []string{"a", "b"}, Label: "G"}},
		{`{"op":"add-relation","source":"a","target":"b","type":"fined","sources":["le-monde",{"source":"cnil","quote":"une amende","gloss":"a fine"}]}`,
			AddRelation{Source: "a", Target: "b", Type: "fined", Sources: []Citation{{Source: "le-monde"}, {Source: "cnil", Quote: "une amende", Gloss: "a fine"}}}},
		{`{"op":"add-sources","sources":[{"id":"s","title":"T","published":"2022-10-20"}]}`,
			AddSources{Sources: []Source{{ID: "s", Title: "T", Published: Date{2022, 10, 20}}}}},
		{`{"op":"batch","name":"two","cmds":[{"op":"pin","id":"a"},{"op":"batch","cmds":[{"op":"move","id":"b","x":1,"y":2}]}]}`,
			Batch{Name: "two", Cmds: []Command{Pin{ID: "a"}, Batch{Cmds: []Command{Move{ID: "b", X: 1, Y: 2}}}}}},
	}
	for _, c := range cases {
		got, err := DecodeCommand([]byte(c.line))
		if err != nil {
			t.Errorf("%s: %v", c.line, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", c.line, got, c.want)
		}
		// encoding and decoding again gives the same command
		data, err := EncodeCommand(got)
		if err != nil {
			t.Fatalf("encode %#v: %v", got, err)
		}
		again, err := DecodeCommand(data)
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("round trip of %s through %s: %#v, %v", c.line, data, again, err)
		}
	}
}

func TestEncodeCommandForm(t *testing.T) {
	data, err := EncodeCommand(Move{ID: "cnil", X: 10, Y: 20.5})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `{"op":"move","id":"cnil","x":10,"y":20.5}`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	data, _ = EncodeCommand(Batch{Name: "b", Cmds: []Command{Pin{ID: "a", Unpin: true}}})
	if got, want := string(data), `{"op":"batch","name":"b","cmds":[{"op":"pin","id":"a","unpin":true}]}`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if _, err := EncodeCommand(popNodeCmd{}); err == nil {
		t.Fatal("an inverse encoded")
	}
}

func TestDecodeCommandErrors(t *testing.T) {
	cases := []struct{ line, want string }{
		{`{"op":"fly","id":"a"}`, `field "op": unknown op "fly"`},
		{`{"id":"a"}`, `missing "op"`},
		{`{"op":7}`, `field "op": must be a string`},
		{`{"op":"move","id":"a","x":10,"y":20,"z":3}`, `field "z": unknown field for move (known: id, x, y)`},
		{`{"op":"move","id":"a","x":"10","y":20}`, `field "x": must be a number, not a string`},
		{`{"op":"move","id":"a","x":10}`, `field "y": missing (required by move)`},
		{`{"op":"move","id":"a","x":1e999,"y":0}`, `field "x": `},
		{`{"op":"pin","id":["a"]}`, `field "id": must be a string, not a list`},
		{`{"op":"pin","id":"a","unpin":"yes"}`, `field "unpin": must be true or false`},
		{`{"op":"merge","ids":["a",3],"into":"a"}`, `field "ids": must be a list of strings`},
		{`{"op":"add-entity","id":"x","type":"p","props":[]}`, `field "props": must be an object, not a list`},
		{`{"op":"add-relation","source":"a","target":"b","type":"t","sources":[{"source":"s","page":3}]}`, `field "sources[0].page": unknown field for a citation`},
		{`{"op":"add-relation","source":"a","target":"b","type":"t","sources":[5]}`, `field "sources[0]": a citation must be a source id or an object`},
		{`{"op":"add-sources","sources":[{"id":"s","published":"2022-13"}]}`, `field "sources[0].published": date "2022-13" has month 13`},
		{`{"op":"batch","cmds":[{"op":"pin","id":"a"},{"op":"move","id":"b","x":true,"y":0}]}`, `field "cmds[1].x": must be a number`},
		{`{"op":"pin","id":"a","id":"b"}`, `field "id": repeated`},
		{`["op","pin"]`, `a command must be a JSON object, not a list`},
		{`{"op":"pin","id":"a"`, `not valid JSON`},
		{strings.Repeat(`{"op":"batch","cmds":[`, 40) + strings.Repeat(`]}`, 40), `nest more than`},
	}
	for _, c := range cases {
		_, err := DecodeCommand([]byte(c.line))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.line, err, c.want)
		}
	}
}

// A history saved as JSON records and decoded again replays to the same
// model with the same undo and redo stacks.
func TestHistoryRecordsRoundTrip(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		g := editGraph(r, 30, 80)
		clock := time.Date(2026, 3, 1, 9, 0, 0, 123456789, time.FixedZone("CET", 3600))
		g.SetClock(func() time.Time { clock = clock.Add(1500 * time.Millisecond); return clock })
		for k := 0; k < 200; k++ {
			switch r.IntN(8) {
			case 0:
				g.Undo()
			case 1:
				g.Redo()
			default:
				g.Apply(randomCommand(r, g, k))
			}
		}
		var lines bytes.Buffer
		for _, rec := range g.History() {
			data, err := stdjson.Marshal(rec)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			lines.Write(data)
			lines.WriteByte('\n')
		}
		var log []Record
		for _, line := range bytes.Split(bytes.TrimSpace(lines.Bytes()), []byte("\n")) {
			var rec Record
			if err := rec.UnmarshalJSON(line); err != nil {
				t.Fatalf("seed %d: %s: %v", seed, line, err)
			}
			log = append(log, rec)
		}
		for k, rec := range log {
			if orig := g.History()[k]; !rec.Time.Equal(orig.Time) || rec.Kind != orig.Kind {
				t.Fatalf("record %d: %v %s, want %v %s", k, rec.Time, rec.Kind, orig.Time, orig.Kind)
			}
		}
		h := editGraph(rand.New(rand.NewPCG(seed, 11)), 30, 80)
		if err := h.Replay(log); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		sameState(t, fmt.Sprintf("seed %d", seed), dump(h), dump(g))
		un1, ok1 := g.UndoName()
		un2, ok2 := h.UndoName()
		rn1, _ := g.RedoName()
		rn2, _ := h.RedoName()
		if un1 != un2 || ok1 != ok2 || rn1 != rn2 || len(h.hist.undo) != len(g.hist.undo) || len(h.hist.redo) != len(g.hist.redo) {
			t.Fatalf("seed %d: stacks differ: %q/%q %q/%q", seed, un1, un2, rn1, rn2)
		}
		// undo after the round trip does what it did before
		for g.hist.undo != nil && len(g.hist.undo) > 0 {
			if _, err := g.Undo(); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Undo(); err != nil {
				t.Fatal(err)
			}
			sameState(t, "undo", dump(h), dump(g))
		}
	}
}

func TestRecordErrors(t *testing.T) {
	cases := []struct{ line, want string }{
		{`{"kind":"do","time":"2026-01-01T00:00:00Z"}`, `needs its "cmd"`},
		{`{"kind":"jump","time":"2026-01-01T00:00:00Z"}`, `must be do, undo or redo`},
		{`{"kind":"undo","time":"yesterday"}`, `not an RFC 3339 time`},
		{`{"kind":"undo","when":"x"}`, `field "when": unknown field`},
		{`{"kind":"do","cmd":{"op":"move","id":"a","x":[],"y":0}}`, `field "cmd.x": must be a number`},
	}
	for _, c := range cases {
		var r Record
		err := r.UnmarshalJSON([]byte(c.line))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.line, err, c.want)
		}
	}
	var r Record
	if err := r.UnmarshalJSON([]byte(`{"kind":"redo","time":"2026-01-01T00:00:00Z"}`)); err != nil || r.Kind != "redo" || r.Cmd != nil {
		t.Fatalf("redo without cmd: %+v, %v", r, err)
	}
}

// FuzzDecodeCommand: decoding never panics, and what decodes encodes to a
// form that decodes to the same command.
func FuzzDecodeCommand(f *testing.F) {
	for _, s := range []string{
		`{"op":"add-entity","id":"x","type":"person","label":"X","aliases":[],"props":{}}`,
		`{"op":"add-relation","id":"r","source":"a","target":"b","type":"fined","date":"2024-01","props":{"amount":1.5},"sources":["s",{"source":"t","quote":"q"}]}`,
		`{"op":"set","id":"a","field":"props.x","value":[1,"a",{"b":null}]}`,
		`{"op":"batch","name":"n","cmds":[{"op":"pin","id":"a"},{"op":"move","id":"a","x":-1e300,"y":5e-324}]}`,
		`{"op":"add-sources","sources":[{"id":"s","published":"2022"}]}`,
		`{"op":"place","ids":["a"],"x":[1],"y":[2],"name":"fa2"}`,
		`{"op":"move","id":"\u00e9","x":0,"y":0}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCommand(data)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%q: %v", data, err)
			}
			return
		}
		enc, err := EncodeCommand(c)
		if err != nil {
			t.Fatalf("%q decoded to %#v, which does not encode: %v", data, c, err)
		}
		again, err := DecodeCommand(enc)
		if err != nil {
			t.Fatalf("%s (from %q) does not decode: %v", enc, data, err)
		}
		enc2, err := EncodeCommand(again)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable: %s then %s (%v)", enc, enc2, err)
		}
	})
}
