// Differential oracle for src/engine/expr: evaluates expressions with Debian's
// github.com/antonmedv/expr 1.8.9 (Argo CD pins expr-lang/expr v1.17.8; the test only sends
// expressions whose meaning both versions share). expr.differential.ts also builds this program
// against a v1.17.8 source tree, when one is at hand, with the import path rewritten.
//
// Input, one JSON object per line: {"expr": "...", "env": {...}}. The env is decoded as
// Kubernetes unstructured decoding does: integers int64, other numbers float64.
// Output, one JSON object per line: {"result": <typed>} or {"error": "..."}, where <typed>
// spells every value with its Go type: "i:3" (any integer kind), "f:2.5" (float, Go's %v),
// "s:text", true/false, null, arrays, and objects with keys sorted.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strconv"

	"github.com/antonmedv/expr"
)

type input struct {
	Expr string          `json:"expr"`
	Env  json.RawMessage `json:"env"`
}

func convert(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return f
	case []interface{}:
		for i := range x {
			x[i] = convert(x[i])
		}
		return x
	case map[string]interface{}:
		for k := range x {
			x[k] = convert(x[k])
		}
		return x
	}
	return v
}

func typed(v interface{}) interface{} {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("i:%d", rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return fmt.Sprintf("i:%d", rv.Uint())
	case reflect.Float32, reflect.Float64:
		return "f:" + fmt.Sprintf("%v", rv.Float())
	case reflect.String:
		return "s:" + rv.String()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Slice, reflect.Array:
		out := make([]interface{}, rv.Len())
		for i := range out {
			out[i] = typed(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		keys := rv.MapKeys()
		names := make([]string, len(keys))
		byName := map[string]reflect.Value{}
		for i, k := range keys {
			names[i] = fmt.Sprintf("%v", k.Interface())
			byName[names[i]] = k
		}
		sort.Strings(names)
		out := map[string]interface{}{}
		for _, n := range names {
			out[n] = typed(rv.MapIndex(byName[n]).Interface())
		}
		return out
	}
	return fmt.Sprintf("%T:%v", v, v)
}

func run(line []byte) (out map[string]interface{}) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]interface{}{"error": fmt.Sprintf("panic: %v", r)}
		}
	}()
	var in input
	if err := json.Unmarshal(line, &in); err != nil {
		return map[string]interface{}{"error": "bad input: " + err.Error()}
	}
	var env interface{} = map[string]interface{}{}
	if len(in.Env) > 0 {
		dec := json.NewDecoder(bytesReader(in.Env))
		dec.UseNumber()
		if err := dec.Decode(&env); err != nil {
			return map[string]interface{}{"error": "bad env: " + err.Error()}
		}
		env = convert(env)
	}
	program, err := expr.Compile(in.Expr)
	if err != nil {
		return map[string]interface{}{"error": err.Error(), "phase": "compile"}
	}
	result, err := expr.Run(program, env)
	if err != nil {
		return map[string]interface{}{"error": err.Error(), "phase": "run"}
	}
	return map[string]interface{}{"result": typed(result)}
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for scanner.Scan() {
		b, _ := json.Marshal(run(scanner.Bytes()))
		w.Write(b)
		w.WriteByte('\n')
	}
}

type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func bytesReader(b []byte) *byteReader { return &byteReader{b: b} }
