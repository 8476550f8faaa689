/**
 * SearchPathLoader: Jinja2 FileSystemLoader lookup rules and source
 * normalisation (one trailing newline dropped, line breaks to \n).
 */
import * as path from 'path';
import { SearchPathLoader, jinjaSource } from '../../../lib/user-data/templates/jinja/search-path-loader';
import { tempProject } from './support/temp-project';

describe('SearchPathLoader', () => {
  const root = tempProject({ 'a/x.sh': 'a\n', 'b/x.sh': 'b\n', 'b/sub/y.sh': 'y', 'secret.sh': 'outside', 'b/dir/.keep': '' });
  const loader = new SearchPathLoader([path.join(root, 'a'), path.join(root, 'b')]);

  test('the first folder holding the name wins', () => {
    expect(loader.find('x.sh')).toBe(path.join(root, 'a', 'x.sh'));
    expect(loader.getSource('x.sh')).toMatchObject({ src: 'a', path: path.join(root, 'a', 'x.sh') });
    expect(loader.nameOf(path.join(root, 'a', 'x.sh'))).toBe('x.sh');
  });

  test('names may hold sub-folders but never leave a folder', () => {
    expect(loader.find('sub/y.sh')).toBe(path.join(root, 'b', 'sub', 'y.sh'));
    expect(loader.find('./sub/y.sh')).toBe(path.join(root, 'b', 'sub', 'y.sh'));
    expect(loader.find('../secret.sh')).toBeUndefined();
    expect(loader.find(path.join(root, 'secret.sh'))).toBeUndefined();
    expect(loader.find('dir')).toBeUndefined();
  });

  test('a missing name has no source (the environment reports it with the search path)', () => {
    expect(loader.getSource('nope.sh')).toBeNull();
  });
});

test.each([
  ['a\n', 'a'],
  ['a\n\n', 'a\n'],
  ['a', 'a'],
  ['a\r\nb\r\n', 'a\nb'],
  ['a\rb', 'a\nb'],
  ['', ''],
])('jinjaSource(%j) is %j', (raw, expected) => {
  expect(jinjaSource(raw)).toBe(expected);
});
