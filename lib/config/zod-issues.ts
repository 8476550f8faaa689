/**
 * zod's issues, reworded for people editing a YAML file: each says what was
 * found and what would be valid, at the key path it concerns.
 */
import { z } from 'zod';
import { describeValue } from './describe-value';
import { likelyMeant } from './name-similarity';
import { RawProblem } from './raw-problem';

/** Turns the issues of a failed parse of `data` into problems. */
export function problemsFromZodIssues(issues: readonly z.core.$ZodIssue[], data: unknown): RawProblem[] {
  return issues.flatMap((issue) => problemsFromIssue(issue, data, issue.path as (string | number)[]));
}

function problemsFromIssue(issue: z.core.$ZodIssue, data: unknown, path: (string | number)[]): RawProblem[] {
  const found = valueAt(data, path);
  const error = (message: string): RawProblem[] => [{ path, message, severity: 'error' }];
  switch (issue.code) {
    case 'invalid_type':
      if (found.missing) return error(`required key "${path[path.length - 1]}" is missing (expected ${expectedText(issue)})`);
      return error(`expected ${expectedText(issue)}, found ${describeValue(found.value)}`);
    case 'invalid_value': {
      const valid = issue.values.map((value) => String(value));
      const guess = typeof found.value === 'string' ? likelyMeant(found.value, valid) : undefined;
      const hint = guess !== undefined ? ` (did you mean "${guess}"?)` : '';
      return error(`found ${describeValue(found.value)}; valid values: ${valid.join(', ')}${hint}`);
    }
    case 'invalid_union': {
      // Custom union messages (sizes, node ids...) already say what is valid.
      if (!issue.message.startsWith('Invalid input')) return error(`expected ${issue.message}, found ${describeValue(found.value)}`);
      const branches = issue.errors.map((branch) => branch[0]).filter((first) => first !== undefined);
      const expected = [...new Set(branches.map((first) => (first.code === 'invalid_type' ? first.expected : first.message)))];
      return error(`expected ${expected.join(' or ')}, found ${describeValue(found.value)}`);
    }
    case 'too_small':
      return error(`expected ${boundText(issue.origin, 'at least', issue.minimum, issue.inclusive)}, found ${describeValue(found.value)}`);
    case 'too_big':
      return error(`expected ${boundText(issue.origin, 'at most', issue.maximum, issue.inclusive)}, found ${describeValue(found.value)}`);
    case 'invalid_format':
    case 'custom':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'unrecognized_keys':
      return error(`expected ${customText(issue.message)}, found ${describeValue(found.value)}`);
  }
  return error((issue as { message: string }).message);
}


function expectedText(issue: z.core.$ZodIssueInvalidType): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  const names: Record<string, string> = { object: 'a map', array: 'a list', record: 'a map', string: 'a string', number: 'a number', boolean: 'true or false', int: 'a whole number' };
  return names[issue.expected] ?? issue.expected;
}

function customText(message: string): string {
  return message.replace(/^Invalid (string|input): /, '');
}

function boundText(origin: string, word: string, bound: number | bigint, inclusive: boolean | undefined): string {
  const strict = inclusive === false;
  if (origin === 'array' || origin === 'set') return `${word} ${String(strict ? Number(bound) + (word === 'at least' ? 1 : -1) : bound)} item(s)`;
  if (origin === 'string') return `${word} ${String(bound)} character(s)`;
  if (strict) return `a number ${word === 'at least' ? 'greater than' : 'less than'} ${String(bound)}`;
  return `a number ${word} ${String(bound)}`;
}

function valueAt(data: unknown, path: readonly (string | number)[]): { value: unknown; missing: boolean } {
  let value: unknown = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !(part in (value as object))) return { value: undefined, missing: true };
    value = (value as Record<string | number, unknown>)[part];
  }
  return { value, missing: false };
}
