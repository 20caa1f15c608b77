// Differential oracle for src/engine/notifications/render-template.ts: renders notification
// templates as notifications-engine pkg/templates/service.go does (text/template, Sprig's
// TxtFuncMap minus env/expandenv, no options), with the variables Argo CD gives them
// (argo-cd util/notification/settings/settings.go initGetVars + injectLegacyVar,
// util/notification/expression/expr.go Spawn, notifications-engine pkg/api/api.go Send):
// app (decoded as Kubernetes' unstructured JSON: integers int64, other numbers float64),
// context (map[string]string with notificationType), secrets (map[string][]byte), appProject,
// serviceType, recipient, and the strings namespace. The repo and time namespaces are left out.
// One JSON object per line in, one {"output"} or {"error"} out; a panic becomes an error.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
)

type input struct {
	Name        string            `json:"name"`
	Template    string            `json:"template"`
	App         json.RawMessage   `json:"app"`
	AppProject  json.RawMessage   `json:"appProject"`
	Context     map[string]string `json:"context"`
	Secrets     map[string]string `json:"secrets"`
	SelfService bool              `json:"selfService"`
	Service     string            `json:"service"`
	Recipient   string            `json:"recipient"`
}

// convert turns json.Number into int64 when it is an integer and float64 otherwise, as
// k8s.io/apimachinery/pkg/util/json does for unstructured objects.
func convert(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, x := range t {
			t[k] = convert(x)
		}
		return t
	case []interface{}:
		for i, x := range t {
			t[i] = convert(x)
		}
		return t
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

func decode(raw json.RawMessage) (interface{}, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return convert(v), nil
}

func funcs() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	return f
}

func run(in input) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	app, err := decode(in.App)
	if err != nil {
		return "", err
	}
	appMap, _ := app.(map[string]interface{})
	context := map[string]string{}
	for k, v := range in.Context {
		context[k] = v
	}
	context["notificationType"] = in.Service
	vars := map[string]interface{}{
		"app":     appMap,
		"context": context,
	}
	if !in.SelfService {
		secrets := map[string][]byte{}
		for k, v := range in.Secrets {
			secrets[k] = []byte(v)
		}
		vars["secrets"] = secrets
	}
	project, err := decode(in.AppProject)
	if err != nil {
		return "", err
	}
	if project != nil {
		vars["appProject"] = project
	} else {
		vars["appProject"] = map[string]interface{}{}
	}
	vars["strings"] = map[string]interface{}{
		"ReplaceAll": strings.ReplaceAll,
		"ToUpper":    strings.ToUpper,
		"ToLower":    strings.ToLower,
	}
	vars["serviceType"] = in.Service
	vars["recipient"] = in.Recipient
	t, err := template.New(in.Name).Funcs(funcs()).Parse(in.Template)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, vars); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func main() {
	serveLines(run)
}
