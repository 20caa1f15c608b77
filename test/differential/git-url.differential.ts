/**
 * src/engine/argo/git-url.ts against Argo CD's NormalizeGitURL and IsSSHURL restated in Go on Go's
 * own net/url, regexp and strings (Go 1.19 here; see git-url.ts on newer Go's stricter hosts).
 * Inputs are URL-shaped: schemes, users, hosts, ports, paths with escapes, spaces, case,
 * non-ASCII, and scp-like forms.
 */
import * as fc from 'fast-check';
import { GoProgram } from './go-program';
import { isSSHURL, normalizeGitURL } from '../../src/engine/argo/git-url';

interface Answer {
  readonly normalized: string;
  readonly ssh: boolean;
  readonly user: string;
  readonly panic?: string;
}

const piece = fc.constantFrom(
  'https://', 'http://', 'ssh://', 'git://', 'HTTPS://', 'file:///', 'git@', 'user:pw@', 'a@b@', '@',
  'github.com', 'GitHub.COM', 'dev.azure.com', '[::1]', '[fe80::1%25en0]', 'host', 'x',
  ':', ':22', ':4443', ':port', ':1:2', '/', '//', '///', 'org/repo', 'argo-cd', '_git', '.git', '.GIT',
  '%7E', '%2F', '%20', '%zz', '%', '%25', ' ', '\t', '\n', '?', '?q=1', '#', '#frag', '#%41', '*', '!',
  'é', 'İ', 'Σ', '😀', '\u0085', '\ufeff', '\u0001', '[', ']', ';', '+', '~', '&', '=', '$', '(', '\'',
);
const url = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

describe('NormalizeGitURL port agrees with Go', () => {
  const go = GoProgram.build('git-url');

  it('on 20,000 URL-shaped strings', () => {
    const inputs = fc.sample(url, { numRuns: 20_000, seed: 20261130 });
    const theirs = go.run<string, Answer>(inputs);
    const disagreements = inputs
      .map((input, i) => {
        const ssh = isSSHURL(input);
        return { input, go: theirs[i], ours: { normalized: normalizeGitURL(input), ssh: ssh.ssh, user: ssh.user } };
      })
      .filter((c) => JSON.stringify(c.go) !== JSON.stringify(c.ours));
    const parsed = theirs.filter((a) => a.normalized !== '').length;
    // eslint-disable-next-line no-console
    console.log(`${inputs.length} URLs, ${parsed} normalized, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(disagreements).toHaveLength(0);
  });
});
