import { interpolateVariables } from '../../lib/config';

const env: Record<string, string> = { NAME: 'mongo', EMPTY: '', PORT: '27017' };
const lookup = (name: string) => env[name];
const value = (text: string) => interpolateVariables(text, lookup).value;
const issues = (text: string) => interpolateVariables(text, lookup).issues;

describe('${VAR} substitution (Docker Compose syntax)', () => {
  test('${VAR} takes the value, anywhere in the text', () => {
    expect(value('${NAME}')).toBe('mongo');
    expect(value('/logs/${NAME}-${PORT}/x')).toBe('/logs/mongo-27017/x');
  });

  test('an unset ${VAR} without default is an issue naming it, at the offset of its $', () => {
    const result = interpolateVariables('a-${MISSING}', lookup);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ variable: 'MISSING', offset: 2 });
    expect(result.issues[0].message).toContain('MISSING');
  });

  test('an empty variable is set: ${VAR} gives the empty string', () => {
    expect(value('[${EMPTY}]')).toBe('[]');
    expect(issues('${EMPTY}')).toEqual([]);
  });

  test(':- applies the default when unset or empty, - only when unset', () => {
    expect(value('${MISSING:-d}')).toBe('d');
    expect(value('${EMPTY:-d}')).toBe('d');
    expect(value('${NAME:-d}')).toBe('mongo');
    expect(value('${MISSING-d}')).toBe('d');
    expect(value('${EMPTY-d}')).toBe('');
  });

  test('defaults may be empty, hold spaces, colons and further references', () => {
    expect(value('${MISSING:-}')).toBe('');
    expect(value('${MISSING:-a b:c}')).toBe('a b:c');
    expect(value('${MISSING:-${NAME}-x}')).toBe('mongo-x');
    expect(value('${MISSING:-${ALSO_MISSING:-deep}}')).toBe('deep');
  });

  test(':? fails when unset or empty, ? only when unset, with the given message', () => {
    expect(issues('${MISSING:?set the name}')[0].message).toContain('set the name');
    expect(issues('${MISSING:?set the name}')[0].message).toContain('MISSING');
    expect(issues('${EMPTY:?must not be empty}')[0].message).toContain('must not be empty');
    expect(issues('${EMPTY?msg}')).toEqual([]);
    expect(issues('${MISSING?msg}')).toHaveLength(1);
    expect(value('${NAME:?msg}')).toBe('mongo');
  });

  test(':+ and + give the alternative when set', () => {
    expect(value('${NAME:+yes}')).toBe('yes');
    expect(value('${EMPTY:+yes}')).toBe('');
    expect(value('${EMPTY+yes}')).toBe('yes');
    expect(value('${MISSING+yes}')).toBe('');
  });

  test('$$ is a literal $, also before a brace', () => {
    expect(value('cost $$5')).toBe('cost $5');
    expect(value('$${NAME}')).toBe('${NAME}');
    expect(issues('$${MISSING}')).toEqual([]);
    expect(interpolateVariables('$$', lookup).changed).toBe(true);
  });

  test('an unbraced $VAR and a lone $ stay literal (meant for the node shell)', () => {
    expect(value('$HOME/bin:$PATH')).toBe('$HOME/bin:$PATH');
    expect(value('5$')).toBe('5$');
    expect(interpolateVariables('$HOME', lookup).changed).toBe(false);
  });

  test('a malformed reference is an issue that says how to write a literal', () => {
    const [issue] = issues('arn:aws:s3:::b/${aws:username}/*');
    expect(issue.message).toContain('${aws:username}');
    expect(issue.message).toContain('$${');
    expect(issues('${}')).toHaveLength(1);
    expect(issues('${1ABC}')).toHaveLength(1);
  });

  test('an unterminated reference is an issue', () => {
    expect(issues('x ${NAME')[0]).toMatchObject({ offset: 2 });
  });

  test('every problem in one text is reported', () => {
    expect(issues('${A}${B}${NAME}${C}').map((issue) => issue.variable)).toEqual(['A', 'B', 'C']);
  });
});
