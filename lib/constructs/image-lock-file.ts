/**
 * `cloud-compose.lock.json`: the per-node image pins (and the two-step
 * replacement state), committed by the user beside cloud-compose.yml.
 *
 * A node keeps the image recorded here across deploys, whatever the config's
 * `aws.ami` or the newest image is, until `compose-cluster upgrade-node` moves it.
 * Pins are grouped by deployment target (`aws://account/region/cluster-name`),
 * because AMI ids are regional and one config may be deployed to several accounts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DataVolumeRecord } from './data-volume-record';
import { NodeLaunchRecord } from './launch-record';

/** File name of the lock file, beside the config file. */
export const LOCK_FILE_NAME = 'cloud-compose.lock.json';

/** The image a node runs. */
export interface NodeImagePin {
  /** The image id the node is pinned to. */
  readonly imageId: string;
  /** The `aws.ami` value it was resolved from (an id or a Name tag). */
  readonly ami: string;
  /** When the pin was written (ISO 8601). */
  readonly pinnedAt: string;
}

/** What the lock file records for one node. */
export interface NodeLockEntry {
  /**
   * The pinned image.
   * @default - none: the node was never synthesized with a resolved image; the next synth pins it
   */
  readonly image?: NodeImagePin;
  /**
   * Leave this node's instance out of the template (its network interface and
   * data volumes stay): the first step of a two-step replacement.
   * @default false
   */
  readonly omitInstance?: boolean;
  /**
   * Turn termination protection off on this node's instance: the step before
   * `omitInstance` when `aws.terminate_protection` is on (CloudFormation cannot
   * delete a protected instance).
   * @default false
   */
  readonly unprotect?: boolean;
  /**
   * What the node's current instance was launched with (recorded when it is created).
   * @default - none: the next synth records the current launch settings
   */
  readonly launch?: NodeLaunchRecord;
  /**
   * The replacement-only properties of each standalone data volume (by volume
   * name), recorded when the volume is first synthesized, so a config edit never
   * replaces a volume silently.
   * @default - none: the next synth records the current data volumes
   */
  readonly volumes?: Readonly<Record<string, DataVolumeRecord>>;
}

interface LockFileData {
  lockfileVersion: 1;
  /** target key -> node id -> entry */
  targets: Record<string, Record<string, NodeLockEntry>>;
}

/** The deployment-target key pins are grouped by. */
export function lockTargetKey(account: string, region: string, clusterName: string): string {
  return `aws://${account}/${region}/${clusterName}`;
}

/** A lock file in memory; `save()` writes it back only when something changed. */
export class ImageLockFile {
  /** Reads `file`; a missing file is an empty lock file. Throws a clear error for a corrupt one. */
  public static read(file: string): ImageLockFile {
    if (!fs.existsSync(file)) return new ImageLockFile(file, { lockfileVersion: 1, targets: {} });
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message}); restore it from version control`);
    }
    const record = data as Partial<LockFileData>;
    if (!record || record.lockfileVersion !== 1 || typeof record.targets !== 'object' || record.targets === null) {
      throw new Error(`${file}: not a compose-cluster lock file (expected {"lockfileVersion": 1, "targets": {...}}); restore it from version control`);
    }
    return new ImageLockFile(file, record as LockFileData);
  }

  private dirty = false;

  private constructor(public readonly file: string, private readonly data: LockFileData) {}

  /** The entry of one node, or an empty entry. */
  public entry(target: string, nodeId: string): NodeLockEntry {
    return this.data.targets[target]?.[nodeId] ?? {};
  }

  /** All targets and node ids recorded, for the command's messages. */
  public targets(): Record<string, Record<string, NodeLockEntry>> {
    return this.data.targets;
  }

  /** Replaces one node's entry (an empty entry removes it). */
  public setEntry(target: string, nodeId: string, entry: NodeLockEntry): void {
    const nodes = (this.data.targets[target] ??= {});
    const clean: NodeLockEntry = {
      ...(entry.image ? { image: entry.image } : {}),
      ...(entry.omitInstance ? { omitInstance: true } : {}),
      ...(entry.unprotect ? { unprotect: true } : {}),
      ...(entry.launch ? { launch: entry.launch } : {}),
      ...(entry.volumes && Object.keys(entry.volumes).length > 0 ? { volumes: entry.volumes } : {}),
    };
    if (JSON.stringify(nodes[nodeId] ?? {}) === JSON.stringify(clean)) return;
    if (Object.keys(clean).length > 0) nodes[nodeId] = clean;
    else delete nodes[nodeId];
    if (Object.keys(nodes).length === 0) delete this.data.targets[target];
    this.dirty = true;
  }

  /** Writes the file (sorted keys, trailing newline) when an entry changed. */
  public save(): boolean {
    if (!this.dirty) return false;
    const sorted: LockFileData = { lockfileVersion: 1, targets: {} };
    for (const target of Object.keys(this.data.targets).sort()) {
      const nodes = this.data.targets[target];
      sorted.targets[target] = Object.fromEntries(Object.keys(nodes).sort(compareNodeIds).map((id) => [id, nodes[id]]));
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${JSON.stringify(sorted, null, 2)}\n`);
    this.dirty = false;
    return true;
  }
}

/** Numeric ids in numeric order, then names. */
function compareNodeIds(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
