// Cases from k8s.io/apimachinery@v0.36.1 pkg/labels/selector_test.go (TestSelectorParse,
// TestSetSelectorParser, TestSelectorMatches): what labels.Parse accepts and what it matches.
import { labelSelectorError, labelSelectorMatches, parseLabelSelector, selectorStringOf } from '../../../src/engine/core/label-selector';

describe('parseLabelSelector (labels.Parse)', () => {
  test.each([
    'x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5',
    '\rx', 'this-is-a-dns.domain.com/key-with-dash', 'this-is-another-dns.domain.com/key-with-dash in (so,what)',
    '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', 'foo  in\t (abc)', 'x notin\n (abc)', 'x in (abc,)',
    'x in ()', 'x in (a,,,,,,)', 'x notin (abc,,def),bar,z in (),w', 'x,y in (a)', 'x notin ( )', 'x notin (, a)', 'a ',
    'a in (x,y,notin, z,in)', 'notin=in', 'x==a',
  ])('accepts %j', (s) => {
    expect(labelSelectorError(s)).toBeUndefined();
  });

  test.each([
    'x=a||y=b', 'x==a==b', '!x=a', 'x<a', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()',
    'a in (xyz abc)', 'a notin(', 'a (', '(', 'team=web team=api', 'Team/x=y', 'a=b c', 'x=-a', 'a/b/c', 'x>1.5',
  ])('fails when the selector is %j', (s) => {
    expect(labelSelectorError(s)).toEqual(expect.any(String));
  });

  test('requirements are sorted by key with sorted unique values', () => {
    expect(parseLabelSelector('x notin (abc,,def),bar,z in (),w')).toEqual([
      { key: 'bar', operator: 'exists', values: [] },
      { key: 'w', operator: 'exists', values: [] },
      { key: 'x', operator: 'notin', values: ['', 'abc', 'def'] },
      { key: 'z', operator: 'in', values: [''] },
    ]);
    expect(parseLabelSelector('a in (x,y,notin, z,in)')[0].values).toEqual(['in', 'notin', 'x', 'y', 'z']);
  });

  test('fails when a key is not a qualified name, naming the key', () => {
    expect(labelSelectorError('Team/x=y')).toMatch(/key "Team\/x"/);
    expect(labelSelectorError('x=-a')).toMatch(/value "-a" of key "x"/);
    expect(labelSelectorError('x=a||y=b')).toMatch(/value "a\|\|y" of key "x"/);
    expect(labelSelectorError('a (')).toBe("found '(', expected: in, notin, =, ==, !=, gt, lt");
  });
});

describe('labelSelectorMatches (Selector.Matches)', () => {
  const matches = (s: string, labels: { [k: string]: string }) => labelSelectorMatches(parseLabelSelector(s), labels);
  test.each([
    ['', { x: 'y' }], ['x=y', { x: 'y' }], ['x=y,z=w', { x: 'y', z: 'w' }], ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }], ['x', { x: 'z' }], ['!x', { y: 'z' }], ['x>1', { x: '2' }], ['x<1', { x: '0' }],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }], ['x notin (a)', {}], ['x in (a,b)', { x: 'b' }],
  ])('%j matches %j', (s, labels) => {
    expect(matches(s, labels)).toBe(true);
  });
  test.each([
    ['x=z', {}], ['x=y', { x: 'z' }], ['x=y,z=w', { x: 'w', z: 'w' }], ['x!=y,z!=w', { x: 'z', z: 'w' }], ['x', { y: 'z' }],
    ['!x', { x: 'z' }], ['x>1', { x: '0' }], ['x<1', { x: '2' }], ['x>1', { x: 'two' }], ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ])('%j does not match %j', (s, labels) => {
    expect(matches(s, labels)).toBe(false);
  });
});

test('selectorStringOf writes a label map as k=v pairs sorted by key', () => {
  expect(selectorStringOf({ team: 'web', env: 'prod' })).toBe('env=prod,team=web');
  expect(parseLabelSelector(selectorStringOf({ team: 'web', env: 'prod' }))).toHaveLength(2);
});
