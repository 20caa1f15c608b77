// Differential oracle for src/cli/runtime/yaml-stream.ts: reads YAML the way Argo CD does
// (gitops-engine kube.SplitYAML -> sigs.k8s.io/yaml, whose ancestor ghodss/yaml Debian packages:
// go-yaml v2, YAML 1.1, converted to JSON). One JSON object per line in: {"yaml"}; one out:
// {"json"} (the document as JSON) or {"error"}. A panic becomes an error value.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/ghodss/yaml"
)

type input struct {
	Yaml string `json:"yaml"`
}

type output struct {
	JSON  json.RawMessage `json:"json,omitempty"`
	Error string          `json:"error,omitempty"`
}

func read(in input) (out output) {
	defer func() {
		if r := recover(); r != nil {
			out = output{Error: fmt.Sprintf("panic: %v", r)}
		}
	}()
	j, err := yaml.YAMLToJSON([]byte(in.Yaml))
	if err != nil {
		return output{Error: err.Error()}
	}
	return output{JSON: j}
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<30)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for scanner.Scan() {
		var in input
		if err := json.Unmarshal(scanner.Bytes(), &in); err != nil {
			_ = enc.Encode(output{Error: "bad input: " + err.Error()})
			continue
		}
		_ = enc.Encode(read(in))
	}
}
