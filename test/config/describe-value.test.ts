import { describeValue } from '../../lib/config/describe-value';

test.each([
  ['x', '"x"'],
  ['', 'an empty string'],
  [3, '3'],
  [true, 'boolean true'],
  [null, 'an empty value (null)'],
  [undefined, 'nothing'],
  [[1, 2], 'a list of 2 items'],
  [{ a: 1 }, 'a map'],
  [new Map(), 'an ordered map (!!omap/!!pairs); write a plain map'],
  [new Set(), 'a set (!!set); write a list'],
  [new Date('2001-12-14T00:00:00Z'), 'a date (2001-12-14); quote it to make it a string'],
])('%p is shown as %s', (value, text) => {
  expect(describeValue(value)).toBe(text);
});
