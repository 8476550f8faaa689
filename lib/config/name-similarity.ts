/** When a written name is probably a misspelling of a known one ("did you mean ...?"). */
import { closest, distance } from 'fastest-levenshtein';

/** Edits tolerated before two names count as unrelated: 1 for short names, up to 3 for long ones. */
export function editDistanceLimit(name: string): number {
  return name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
}

/** True when `guess` is a plausible intended spelling of `written` (case is ignored). */
export function isClose(written: string, guess: string): boolean {
  return editDistanceLimit(written) >= distance(written.toLowerCase(), guess.toLowerCase());
}

/** The known name `written` was probably meant to be, if any. */
export function likelyMeant(written: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(written, known as string[]);
  return isClose(written, guess) ? guess : undefined;
}
