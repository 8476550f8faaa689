import { KeyPath } from './yaml-positions';

/** A problem found before it is located in the file (see yaml-positions.ts). */
export interface RawProblem {
  readonly path: KeyPath;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** Point at the key rather than the value (unknown keys, typos). @default 'value' */
  readonly target?: 'value' | 'key';
}
