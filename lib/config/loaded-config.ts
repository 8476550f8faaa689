import { ClusterConfig } from './schema';
import { ConfigProblem } from './errors';

/** A cloud-compose.yml that was found, read, interpolated and validated. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  /**
   * The folder the original tool ran from: the folder holding the file, or its
   * parent when that folder is named `cloud-compose`. `search_path` entries
   * resolve against it.
   */
  readonly baseDir: string;
  /** Absolute search-path folders in lookup order: `baseDir` (`.`) first, no duplicates. */
  readonly searchPath: readonly string[];
  /** The validated `cluster:` section with defaults applied. */
  readonly cluster: ClusterConfig;
  /**
   * The `cluster:` section as written (variables substituted, no defaults added):
   * the data templates see, unknown keys included.
   */
  readonly clusterData: Record<string, unknown>;
  /** The whole file as written (other plugins' sections included). */
  readonly fileData: Record<string, unknown>;
  /** Warnings (likely typos, ...) that did not stop loading. */
  readonly warnings: readonly ConfigProblem[];
}
