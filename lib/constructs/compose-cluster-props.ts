import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LoadedConfig } from '../config';
import { NodeUserDataProvider } from './node-user-data';

/** Everything a {@link ComposeCluster} takes besides the config. */
export interface ComposeClusterOptions {
  /**
   * The VPC the nodes' subnets belong to. When given, each node's availability
   * zone and CIDR block come from it (no lookup), and node subnets must be in it.
   * @default - subnets are looked up by id with the CloudControl API context provider (cached in cdk.context.json); the stack needs an env with account and region
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Security groups for every node, in addition to `aws.security_groups`.
   * No rule is added to them implicitly; use `cluster.connections` to open ports.
   * @default - only the groups of `aws.security_groups`
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * KMS key for encrypted EBS volumes.
   * @default - the account's default EBS key (aws/ebs)
   */
  readonly ebsEncryptionKey?: kms.IKey;

  /**
   * An existing role for the instances. `aws.instance_policy` and log-group write
   * access are attached to it as an inline policy; an instance profile is made for it.
   * @default - a new role trusted by EC2
   */
  readonly role?: iam.IRole;

  /**
   * Device name of the image's root volume, where the root volume's size and type
   * are applied (overrides `aws.root_device` and the root volume's `block`). A
   * looked-up image's root device name is unknown at synth time; synth warns when
   * it assumes `/dev/xvda` for one.
   * @default - `aws.root_device`, else the root volume's `block`, else `/dev/xvda` (Amazon Linux 2 and 2023)
   */
  readonly rootDeviceName?: string;

  /**
   * The lock file holding each node's image pin (commit it). `false` disables
   * pinning: every synth resolves `aws.ami` again (only for tests and throw-away clusters).
   * @default - `cloud-compose.lock.json` beside the config file
   */
  readonly lockFile?: string | false;

  /**
   * Record new pins in the lock file during synth. When false, pins are read but never written.
   * @default true
   */
  readonly updateLockFile?: boolean;

  /**
   * Node ids whose instance is left out of the template while their network
   * interface and data volumes stay: the first step of a two-step replacement.
   * Also settable with `-c compose-cluster:omit-instance=1,2` and by
   * `compose-cluster upgrade-node`.
   * @default - none besides the context and the lock file
   */
  readonly omitInstances?: (string | number)[];

  /**
   * Data volumes (`NODE/VOLUME`, or `NODE/*` for all of a node's) that may be
   * replaced or deleted although the lock file records them: an availability
   * zone, encryption, KMS key or snapshot change, a renamed volume or a removed
   * node. Without it such a change fails synth. Also settable with
   * `-c compose-cluster:replace-volume=1/data`.
   * @default - none besides the context
   */
  readonly replaceVolumes?: string[];

  /**
   * Put nodes into nested stacks of this many nodes each (node `id` divided by
   * this number, rounded down, picks the stack), for clusters too large for one
   * stack's 500 resources. Needs integer node ids. Choose it before the first
   * deploy: moving an existing node to another stack re-creates its network
   * interface and data volumes.
   * @default - every node in the cluster's own stack
   */
  readonly nodesPerStack?: number;

  /**
   * Produces each node's boot script (see node-user-data.ts).
   * @default - {@link defaultNodeUserData}: lib/user-data's script (disk setup, compose files, cluster.sh, compose start, completion signal)
   */
  readonly userData?: NodeUserDataProvider;

  /**
   * Environment variables the templates see.
   * @default process.env
   */
  readonly templateEnv?: Record<string, string | undefined>;
}

/** Props of {@link ComposeCluster}. */
export interface ComposeClusterProps extends ComposeClusterOptions {
  /** The parsed cloud-compose.yml (`loadConfig()`). */
  readonly config: LoadedConfig;
}

/** Options of {@link ComposeCluster.fromFile}. */
export interface ComposeClusterFromFileOptions extends ComposeClusterOptions {
  /**
   * Variables for `${VAR}` substitution in the config.
   * @default process.env (and the `.env` file beside the config)
   */
  readonly env?: Record<string, string | undefined>;
}
