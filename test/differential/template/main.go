// Differential oracle for src/engine/template: renders Go templates with Go's text/template and
// Sprig (Debian's 3.2.3) and fasttemplate (1.2.2), as Argo CD wires them
// (argo-cd applicationset/utils/utils.go, notifications-engine pkg/templates/service.go).
// One JSON object per line in: {"mode","funcs","options","template","data"}; one out:
// {"output"} or {"error"}. A panic becomes an error value.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"github.com/ghodss/yaml"
	"github.com/valyala/fasttemplate"
)

type input struct {
	Mode     string          `json:"mode"`
	Funcs    string          `json:"funcs"`
	Options  []string        `json:"options"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data"`
	Yaml     json.RawMessage `json:"yaml"`
}

func toYAML(v interface{}) (string, error) {
	data, err := yaml.Marshal(v)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(data), "\n"), nil
}

func fromYAML(str string) (map[string]interface{}, error) {
	m := map[string]interface{}{}
	if err := yaml.Unmarshal([]byte(str), &m); err != nil {
		return nil, err
	}
	return m, nil
}

func fromYAMLArray(str string) ([]interface{}, error) {
	a := []interface{}{}
	if err := yaml.Unmarshal([]byte(str), &a); err != nil {
		return nil, err
	}
	return a, nil
}

func appsetFuncs() template.FuncMap {
	f := sprig.GenericFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	delete(f, "getHostByName")
	f["toYaml"] = toYAML
	f["fromYaml"] = fromYAML
	f["fromYamlArray"] = fromYAMLArray
	return f
}

func notificationsFuncs() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	return f
}

var isTemplatedRegex = regexp.MustCompile(".*{{.*}}.*")

func fast(text string, params map[string]interface{}) (string, error) {
	if !isTemplatedRegex.MatchString(text) {
		return text, nil
	}
	fstTmpl, err := fasttemplate.NewTemplate(text, "{{", "}}")
	if err != nil {
		return "", err
	}
	return fstTmpl.ExecuteFuncStringWithErr(func(w io.Writer, tag string) (int, error) {
		trimmedTag := strings.TrimSpace(tag)
		replacement, ok := params[trimmedTag].(string)
		if len(trimmedTag) == 0 || !ok {
			return w.Write([]byte(fmt.Sprintf("{{%s}}", tag)))
		}
		return w.Write([]byte(replacement))
	})
}

// applyOptions reports Template.Option's panic (an unknown option) as its message.
func applyOptions(t *template.Template, opts []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	t.Option(opts...)
	return nil
}

func run(in input) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if in.Mode == "yaml" {
		var v interface{}
		if err := json.Unmarshal(in.Yaml, &v); err != nil {
			return "", err
		}
		data, err := yaml.Marshal(v)
		return string(data), err
	}
	var data interface{}
	if len(in.Data) > 0 {
		if err := json.Unmarshal(in.Data, &data); err != nil {
			return "", err
		}
	}
	if in.Mode == "fast" {
		m, _ := data.(map[string]interface{})
		return fast(in.Template, m)
	}
	funcs := appsetFuncs()
	if in.Funcs == "notifications" {
		funcs = notificationsFuncs()
	}
	t := template.New("t").Funcs(funcs)
	if oerr := applyOptions(t, in.Options); oerr != nil {
		return "", oerr
	}
	t, err = t.Parse(in.Template)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func main() {
	serveLines(run)
}
