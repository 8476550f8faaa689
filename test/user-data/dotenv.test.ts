import { dotenvLine } from '../../lib/user-data/dotenv';

describe('.env lines for compose', () => {
  test('plain values stay unquoted (read alike by compose v1 and v2)', () => {
    expect(dotenvLine('MONGODB_VERSION', '8.0')).toBe('MONGODB_VERSION=8.0');
    expect(dotenvLine('URL', 'http://a.example:8080/x')).toBe('URL=http://a.example:8080/x');
  });

  test('values with spaces, $ or # are single-quoted: compose v2 reads them literally', () => {
    expect(dotenvLine('GREETING', 'hello world')).toBe("GREETING='hello world'");
    expect(dotenvLine('PRICE', '$5 #1')).toBe("PRICE='$5 #1'");
  });

  test('a value holding a single quote or a newline is double-quoted with escapes', () => {
    expect(dotenvLine('A', `it's "$HOME"\\x`)).toBe('A="it\'s \\"\\$HOME\\"\\\\x"');
    expect(dotenvLine('B', 'two\nlines')).toBe('B="two\\nlines"');
  });

  test('a key that is not a variable name is refused', () => {
    expect(() => dotenvLine('NOT-A-NAME', 'x')).toThrow('"NOT-A-NAME" is not a variable name');
  });
});
