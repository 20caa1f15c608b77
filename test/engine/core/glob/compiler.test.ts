import { compileGlob } from '../../../../src/engine/core/glob';

// The trees of gobwas/glob v0.2.3 compiler_test.go TestCompiler, written as patterns, and what the
// compiler makes of them, in gobwas's own String() notation (checked against the Go library).
describe('compiler', () => {
  it.each<[string, string, string]>([
    ['abc', '', '<text:`abc`>'],
    ['*', '.', '<any:![.]>'],
    ['*', '', '<super>'],
    ['**', '', '<super>'],
    ['?', '.', '<single:![.]>'],
    ['[!a-z]', '', '<range:![a,z]>'],
    ['[!abc]', '', '<list:![abc]>'],
    ['*???', '.', '<every_of:[<min:3>,<contains:![.]>]>'],
    ['*???', '', '<min:3>'],
    ['*abc?', '.', '<btree:[<any:![.]><-<row_4:[<text:`abc`>,<single:![.]>]>-><nil>]>'],
    ['/{z,ab}**', '.', '<btree:[<nil><-<text:`/`>-><btree:[<nil><-<any_of:[<text:`z`>,<text:`ab`>]>-><super>]>]>'],
    ['**?abc?', '.', '<btree:[<super><-<row_5:[<single:![.]>,<text:`abc`>,<single:![.]>]>-><nil>]>'],
    ['*abc', '', '<suffix:abc>'],
    ['abc*', '', '<prefix:abc>'],
    ['abc*def', '', '<prefix_suffix:[abc,def]>'],
    ['*abc*', '', '<contains:[abc]>'],
    ['*abc*', '.', '<btree:[<any:![.]><-<text:`abc`>-><any:![.]>]>'],
    ['**?abc**?', '', '<btree:[<min:1><-<text:`abc`>-><min:1>]>'],
    ['{{abc}}', '', '<text:`abc`>'],
    ['{abc?,abc[def],abc,abc}', '', '<btree:[<nil><-<text:`abc`>-><any_of:[<single:![]>,<list:[def]>,<nothing>]>]>'],
    ['[a-z][!a-x]*', '', '<btree:[<nil><-<row_2:[<range:[a,z]>,<range:![a,x]>]>-><super>]>'],
    ['{abc[abc]ghi,abc[def]ghi}', '', '<row_7:[<text:`abc`>,<any_of:[<list:[abc]>,<list:[def]>]>,<text:`ghi`>]>'],
    // the shapes behind Argo CD's surprises
    ['start*art', '', '<prefix_suffix:[start,art]>'],
    ['{a,}{a,}a', '', '<btree:[<btree:[<nil><-<any_of:[<text:`a`>,<nothing>]>-><any_of:[<text:`a`>,<nothing>]>]><-<text:`a`>-><nil>]>'],
    ['a{}', '', '<row_1:[<text:`a`>,<nothing>]>'],
    ['é?', '', '<row_2:[<text:`é`>,<single:![]>]>'],
    ['[^a]x', '', '<row_2:[<list:[^a]>,<text:`x`>]>'],
    ['a*', '/', '<prefix_any:a![/]>'],
    ['*a', '/', '<suffix_any:![/]a>'],
    ['??', '', '<every_of:[<min:2>,<max:2>]>'],
    ['[!/]?', '/', '<every_of:[<min:2>,<max:2>,<contains:![/]>]>'],
    ['[!a][!a]', '', '<every_of:[<min:2>,<max:2>,<contains:![a]>]>'],
    ['{*,ab}x', '', '<row_3:[<any_of:[<super>,<text:`ab`>]>,<text:`x`>]>'],
    ['{a,b', '', '<any_of:[<text:`a`>,<text:`b`>]>'],
    ['a\\', '', '<text:`a`>'],
    ['a\u0000b', '', '<row_2:[<text:`a`>,<text:`b`>]>'],
    ['https://github.com/*/*', '/', '<btree:[<nil><-<text:`https://github.com/`>-><btree:[<any:![/]><-<text:`/`>-><any:![/]>]>]>'],
  ])('compiles %p (separators %p) to %s', (pattern, separators, expected) => {
    expect(compileGlob(pattern, separators).describe()).toBe(expected);
  });
});
