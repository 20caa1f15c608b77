package main

// Copied next to every oracle's main.go when it is built (test/differential/go-program.ts), so the
// JSON-lines protocol the harness speaks is written once.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
)

type servedLine struct {
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

// serveLines reads one JSON input per line on stdin and writes one line per input on stdout:
// {"output": …} with what run returned, {"error": …} with its error, or "bad input: …" for a
// line that is not an input. It never stops on one bad input.
func serveLines[I any](run func(I) (string, error)) {
	r := bufio.NewReaderSize(os.Stdin, 1<<20)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var in I
			var o servedLine
			if jerr := json.Unmarshal(line, &in); jerr != nil {
				s := "bad input: " + jerr.Error()
				o.Error = &s
			} else if res, rerr := run(in); rerr != nil {
				s := rerr.Error()
				o.Error = &s
			} else {
				o.Output = &res
			}
			b, _ := json.Marshal(o)
			w.Write(b)
			w.WriteByte('\n')
		}
		if err != nil {
			break
		}
	}
}
