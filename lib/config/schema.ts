/**
 * The `cluster:` section of cloud-compose.yml: the single source of truth for
 * validation, for the TypeScript types of the parsed config, and for the JSON
 * Schema shipped to editors (see json-schema.ts).
 *
 * Keys keep the file's snake_case spelling: the same map is handed to Jinja2
 * templates, which were written against these names.
 *
 * Objects are "loose": keys the plugin does not know are legitimate template
 * data (`aws.dns.nameserver`, `aws.raid`, ...) and pass through untouched.
 * Cross-field rules (duplicate ids, LVM fit, iops bounds, ...) and the
 * contents of `signal_timeout` and `instance_policy` live in the `*-rules.ts`
 * files; likely typos of known keys are found by typo-hints.ts.
 *
 * Error texts here say what would be valid; the loader adds what was found.
 */
import { z } from 'zod';
import { amiProblem } from './ami-reference';
import { LVM_SIZE_PATTERN, SIZE_PATTERN } from './sizes';

export { SIZE_PATTERN };

const size = z
  .union([
    z.string().superRefine((value, ctx) => {
      if (SIZE_PATTERN.test(value)) return;
      const compact = value.replace(/\s+/g, '');
      const hint = compact !== value && SIZE_PATTERN.test(compact) ? `without spaces: ${compact}` : 'a number followed by M, G or T (e.g. 30G, 900M, 1T), or a bare number of GiB';
      ctx.addIssue({ code: 'custom', message: `a size ${hint}`, input: value });
    }),
    z.number({ error: 'a size such as 30G' }).positive({ error: 'a size greater than 0' }),
  ])
  .describe('A size: a number followed by M, G or T (megabytes, gigabytes, terabytes), or a bare number of GiB. Example: 30G');

const lvmSize = z
  .union([
    z.string().regex(LVM_SIZE_PATTERN, {
      error: 'an lvcreate -L size: a number with an optional unit b, s, k, m, g, t, p or e (either case; binary units; no unit = MiB), e.g. 19G or 900M. %FREE/%VG are lvcreate -l values and are not accepted here',
    }),
    z.number({ error: 'an lvcreate -L size such as 19G' }).positive({ error: 'a size greater than 0' }),
  ])
  .describe('Logical volume size, passed verbatim to lvcreate -L (binary units, no unit = MiB), e.g. 19G or 900M');

const boolean = z.boolean({ error: 'true or false' });

const absolutePath = z.string({ error: 'an absolute path such as /data' }).regex(/^\//, { error: 'an absolute path (starting with /)' });

/** LVM object names (`lvcreate -n`, `vgcreate`): letters, digits and `+_.-`, no leading hyphen, not `.` or `..`. */
const lvmName = z
  .string({ error: 'an LVM name' })
  .regex(/^(?!-)(?!\.{1,2}$)[A-Za-z0-9+_.-]{1,127}$/, { error: 'an LVM name: letters, digits and + _ . -, not starting with - and not . or ..' });

const ipv4 = z.ipv4({ error: 'an IPv4 address such as 10.0.1.10' });

const nodeId = z
  .union(
    [
      z.number({ error: 'a node id' }).int({ error: 'a whole number' }).nonnegative({ error: 'a number >= 0' }),
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'a node id: a number (0, 1, 2, ...) or a name of letters, digits, - and _' }),
    ],
    { error: 'a node id: a number (0, 1, 2, ...) or a name of letters, digits, - and _' },
  )
  .describe('Node id: a non-negative integer (0, 1, 2, ...) or a short name of letters, digits, - and _');

/** A logical volume inside an lvm2 volume group (`meta.volumes[]`). */
export const logicalVolumeSchema = z
  .looseObject({
    name: lvmName.describe('Logical volume name (lvcreate -n)'),
    size: lvmSize,
    mount: absolutePath.optional().describe('Absolute path to mount a filesystem on this logical volume (compose-cluster extension)'),
    file_system: z.enum(['ext4', 'xfs']).optional().describe('Filesystem for this logical volume when `mount` is set. Default: xfs'),
    options: z.string().optional().describe('Mount options. Default: defaults,noatime'),
  })
  .describe('An LVM logical volume');

export const volumeMetaSchema = z
  .looseObject({
    format: boolean.optional().describe('Create a filesystem on the volume (only ever on a blank device)'),
    mount: absolutePath.optional().describe('Absolute mount point, e.g. /data/mongodb'),
    options: z.string().default('defaults,noatime').describe('fstab mount options'),
    group: lvmName.optional().describe('LVM volume group name (file_system: lvm2)'),
    volumes: z.array(logicalVolumeSchema).optional().describe('LVM logical volumes (file_system: lvm2)'),
    docker_root: boolean
      .optional()
      .describe(
        'lvm2 only: format the group\'s first logical volume and mount it at /var/lib/docker for the overlay2 driver. Default: true for the `docker` group when no logical volume has a mount (devicemapper was removed in Docker Engine 25)',
      ),
  })
  .describe('Settings read by the disk setup');

export const VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export const FILE_SYSTEMS = ['ext4', 'xfs', 'lvm2', 'nfs', 'nfs4'] as const;

export const volumeSchema = z
  .looseObject({
    name: z.string().min(1).describe('Volume name: root, docker, data, ephemeral0, ...'),
    size: size.default('10G'),
    block: z
      .string()
      .regex(/^\/dev\/[a-z0-9]+$/, { error: 'a device name such as /dev/xvdc' })
      .optional()
      .describe('Device name the volume is attached at, e.g. /dev/xvdc. Absent: the AMI root device'),
    file_system: z.enum(FILE_SYSTEMS).optional().describe('ext4, xfs, lvm2, nfs or nfs4'),
    volume_type: z
      .enum(VOLUME_TYPES)
      .optional()
      .describe('EBS volume type. Default: gp3 (the original defaulted to gp2)'),
    iops: z.number().int().positive().optional().describe('Provisioned IOPS (gp3, io1, io2)'),
    throughput: z.number().int().positive().optional().describe('gp3 throughput in MiB/s (compose-cluster extension)'),
    delete_on_termination: boolean.default(true).describe('Delete with the instance (block-device-mapped volumes only; data volumes are kept by a Snapshot policy)'),
    ephemeral: boolean.default(false).describe('Instance store volume; `name` like ephemeral0'),
    snapshot: z
      .string()
      .regex(/^snap-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, { error: 'an EBS snapshot id: snap- followed by 8 or 17 hex digits' })
      .optional()
      .describe('Create the volume from this EBS snapshot id'),
    encrypted: boolean.optional().describe('Encrypt this volume. Default: aws.encrypted'),
    meta: volumeMetaSchema.optional(),
  })
  .describe('A volume attached to every node');

export const nodeSchema = z
  .looseObject({
    id: nodeId,
    ip: ipv4.describe('Fixed private IPv4 address of the node'),
    subnet: z.string().min(1).describe('Subnet id, e.g. subnet-0123abcd'),
    eip: z
      .string()
      .regex(/^eipalloc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, { error: 'an Elastic IP allocation id: eipalloc- followed by 8 or 17 hex digits' })
      .optional()
      .describe('Elastic IP allocation id (eipalloc-...) to associate'),
  })
  .describe('One fixed-IP node');

export const asgSchema = z
  .looseObject({
    subnets: z.array(z.string().min(1)).min(1).describe('Subnet ids the Auto Scaling group spans'),
    elbs: z.array(z.string()).default([]).describe('Classic load balancer names to attach'),
    redundancy: z.number().int().positive().default(1).describe('Instances per subnet'),
  })
  .describe('Auto Scaling group mode (instead of nodes)');

const ami = z
  .string({ error: 'an AMI id (ami-...) or an AMI Name tag value' })
  .superRefine((value, ctx) => {
    const problem = amiProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });

export const awsSchema = z
  .looseObject({
    ami: ami.describe('An AMI id (ami- and 8 or 17 hex digits) or the value of the Name tag of your AMIs (newest wins, then pinned per node)'),
    ami_owners: z
      .array(z.string())
      .default(['self'])
      .describe('Accounts searched when `ami` is a Name tag (compose-cluster extension). AMI tags are only visible to the owning account'),
    username: z.string().optional().describe('User that runs docker compose on the node'),
    keypair: z.string().optional().describe('EC2 key pair name'),
    root_device: z
      .string()
      .regex(/^\/dev\/[a-z0-9]+$/, { error: 'a device name such as /dev/xvda or /dev/sda1' })
      .optional()
      .describe(
        "Device name of the image's root volume, where the root volume's size and type go (compose-cluster extension). Default: the root volume's `block`, else /dev/xvda (Amazon Linux). CentOS/RHEL/Ubuntu images often use /dev/sda1",
      ),
    security_groups: z
      .union([z.array(z.string()), z.string()], { error: 'a list of security group ids, or one comma-separated string' })
      .optional()
      .describe('Security group ids: a list, or one comma-separated string'),
    instance_type: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, { error: 'an EC2 instance type such as t2.medium or m6i.large' })
      .default('t2.medium')
      .describe('EC2 instance type'),
    terminate_protection: boolean.default(true).describe('DisableApiTermination'),
    ebs_optimized: boolean.default(false).describe('EBS-optimized instances'),
    detailed_monitoring: boolean.default(false).describe('Detailed CloudWatch monitoring of instances'),
    monitoring: boolean.default(false).describe('Detailed monitoring of Auto Scaling group instances'),
    source_dest_check: boolean.default(true).describe('EC2 source/destination check; turn off for nodes that route traffic'),
    instance_policy: z
      .union([z.string(), z.record(z.string(), z.unknown())], { error: 'an IAM policy document: a JSON string or a map' })
      .optional()
      .describe('IAM policy document (JSON string or map) attached inline to the cluster role'),
    tags: z.record(z.string(), z.unknown()).default({}).describe('Extra tags; values become strings'),
    nodes: z.array(nodeSchema).min(1, { error: 'at least one node' }).optional(),
    asg: asgSchema.optional(),
    volumes: z.array(volumeSchema).default([]),
    encrypted: boolean.default(true).describe('Encrypt EBS volumes (compose-cluster extension; the original did not)'),
    imdsv2: boolean.default(true).describe('Require IMDSv2 session tokens (compose-cluster extension)'),
    metadata_hop_limit: z.number().int().min(1).max(64).default(2).describe('IMDS hop limit; 2 lets containers reach the metadata service'),
  })
  .describe('Where and how the nodes run on AWS');

export const loggingSchema = z
  .looseObject({
    driver: z.string().describe('Docker logging driver, e.g. awslogs'),
    meta: z
      .looseObject({
        group: z.string().optional().describe('CloudWatch log group name'),
        retention: z.number().int().positive().default(30).describe('Retention in days'),
      })
      .optional(),
  })
  .describe('Container logging');

export const clusterSchema = z
  .looseObject({
    name: z
      .string()
      .min(1)
      .describe('Unique cluster name: the ClusterName tag and the Name tag prefix <name>-<node id>'),
    search_path: z
      .array(z.string())
      .min(1)
      .describe('Folders searched for cluster.sh, its includes and the compose files. `.` is always searched first'),
    environment: z.record(z.string(), z.unknown()).default({}).describe('Environment variables for templates (the real environment wins)'),
    logging: loggingSchema.optional(),
    secrets: z.record(z.string(), z.string()).default({}).describe('name -> KMS ciphertext, decrypted at boot by templates'),
    aws: awsSchema,
    disk_setup: boolean.default(true).describe('Run the built-in disk setup before cluster.sh (compose-cluster extension). Turn off for template folders that set up disks themselves'),
    start_compose: boolean.default(true).describe('Start the compose services after cluster.sh (compose-cluster extension). Turn off when cluster.sh starts them itself'),
    signal_timeout: z
      .union([z.number(), z.string()], { error: 'a duration: minutes (15) or a number with s, m or h (90s, 30m, 1h)' })
      .default(15)
      .describe('How long cdk deploy waits for each node\'s user data to finish: minutes, or e.g. 30m, 1h'),
  })
  .describe('The cluster plugin configuration');

/** The whole cloud-compose.yml: one key per plugin; only `cluster` is read. */
export const cloudComposeFileSchema = z
  .looseObject({
    cluster: clusterSchema,
  })
  .describe('cloud-compose.yml');

/** The `cluster:` section as validated, with defaults applied. */
export type ClusterConfig = z.output<typeof clusterSchema>;
export type AwsConfig = ClusterConfig['aws'];
export type NodeConfig = NonNullable<AwsConfig['nodes']>[number];
export type AsgConfig = NonNullable<AwsConfig['asg']>;
export type VolumeConfig = AwsConfig['volumes'][number];
export type LogicalVolumeConfig = NonNullable<NonNullable<VolumeConfig['meta']>['volumes']>[number];
