// Differential oracle for src/engine/argo/git-url.ts: Argo CD v3.5.1 util/git NormalizeGitURL and
// IsSSHURL, restated on Go's own net/url, regexp and strings (argo-cd itself cannot be imported
// here). Reads a JSON string per line, answers {"normalized","ssh","user"} per line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
)

var sshURL = regexp.MustCompile("^(ssh://)?([^/:]*?)@[^@]+$")

func isSSH(u string) (bool, string) {
	if m := sshURL.FindStringSubmatch(u); len(m) > 2 {
		return true, m[2]
	}
	return false, ""
}

func normalize(repo string) string {
	repo = strings.ToLower(strings.TrimSpace(repo))
	if ok, _ := isSSH(repo); ok && !strings.HasPrefix(repo, "ssh://") {
		repo = strings.Replace(repo, ":", "/", 1)
		if !strings.HasPrefix(repo, "ssh://") {
			repo = "ssh://" + repo
		}
	}
	repo = strings.TrimSuffix(repo, ".git")
	parsed, err := url.Parse(repo)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(parsed.String(), "ssh://")
}

type output struct {
	Normalized string  `json:"normalized"`
	SSH        bool    `json:"ssh"`
	User       string  `json:"user"`
	Panic      *string `json:"panic,omitempty"`
}

func answer(in string) (out output) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			out.Panic = &msg
		}
	}()
	out.Normalized = normalize(in)
	out.SSH, out.User = isSSH(in)
	return out
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	writer := bufio.NewWriter(os.Stdout)
	defer writer.Flush()
	for scanner.Scan() {
		var in string
		var out output
		if err := json.Unmarshal(scanner.Bytes(), &in); err != nil {
			msg := "bad input: " + err.Error()
			out = output{Panic: &msg}
		} else {
			out = answer(in)
		}
		line, _ := json.Marshal(out)
		writer.Write(line)
		writer.WriteString("\n")
	}
}
