package gui

import (
	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph"
)

// typeLabel is type t's name in the interface's language: the dataset's
// label for it ("types": {"fined": {"label": {"fr": "a sanctionné"}}}),
// else t. Commands, filters and searches keep using t itself.
func typeLabel(g *graph.Graph, t string) string { return g.TypeLabel(t, i18n.Current().Lang) }
