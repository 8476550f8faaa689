/**
 * Python's str()/repr() of values, for cases JSON cannot carry to the Jinja2
 * reference (floats beyond 2^53 and in exponent form). Expected strings are
 * Python 3's own output.
 */
import { PyFloat } from '../../../lib/user-data/templates/jinja/python-float';
import { pyRepr, pyStr, tuple } from '../../../lib/user-data/templates/jinja/python-values';

test.each([
  [new PyFloat(1e16), '1e+16'],
  [1e-5, '1e-05'],
  [0.0001, '0.0001'],
  [123456789.123, '123456789.123'],
  [1.5e300, '1.5e+300'],
  [new PyFloat(9007199254740994), '9007199254740994.0'],
  // Integral JavaScript numbers are Python ints below 1e21 (JSON hands Python the same digits): str(10**16), str(10**20).
  [1e16, '10000000000000000'],
  [1e20, '100000000000000000000'],
  [1e22, '1e+22'],
  [-2.5e-7, '-2.5e-07'],
  [0.1 + 0.2, '0.30000000000000004'],
  [5e-324, '5e-324'],
])('str(%p) is %s', (value, expected) => {
  expect(pyStr(value)).toBe(expected);
});

test('containers and quoting', () => {
  expect(pyStr(true)).toBe('True');
  expect(pyStr(null)).toBe('None');
  expect(pyStr([1, 'a', null, tuple([1])])).toBe("[1, 'a', None, (1,)]");
  expect(pyStr({ a: { b: [true] } })).toBe("{'a': {'b': [True]}}");
  expect(pyRepr("it's")).toBe('"it\'s"');
  expect(pyRepr('q"d')).toBe("'q\"d'");
  expect(pyRepr('both\'"')).toBe("'both\\'\"'");
  expect(pyRepr('tab\there\n')).toBe("'tab\\there\\n'");
});
