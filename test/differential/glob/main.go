// Differential oracle for src/engine/core/glob: gobwas/glob as Debian packages it (v0.2.3, the
// version Argo CD v3.5.1 pins). Reads {"pattern","text","separators"} per line and answers
// {"compiled","error"?,"match"?,"panic"?} per line; a panic while matching is reported, not fatal.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/gobwas/glob"
)

type input struct {
	Pattern    string `json:"pattern"`
	Text       string `json:"text"`
	Separators string `json:"separators"`
}

type output struct {
	Compiled bool    `json:"compiled"`
	Error    *string `json:"error,omitempty"`
	Match    *bool   `json:"match,omitempty"`
	Panic    *string `json:"panic,omitempty"`
}

func answer(in input) (out output) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			out.Panic = &msg
		}
	}()
	g, err := glob.Compile(in.Pattern, []rune(in.Separators)...)
	if err != nil {
		msg := err.Error()
		return output{Compiled: false, Error: &msg}
	}
	out.Compiled = true
	m := g.Match(in.Text)
	out.Match = &m
	return out
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	writer := bufio.NewWriter(os.Stdout)
	defer writer.Flush()
	for scanner.Scan() {
		var in input
		var out output
		if err := json.Unmarshal(scanner.Bytes(), &in); err != nil {
			msg := "bad input: " + err.Error()
			out = output{Error: &msg}
		} else {
			out = answer(in)
		}
		line, _ := json.Marshal(out)
		writer.Write(line)
		writer.WriteString("\n")
	}
}
