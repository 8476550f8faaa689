/** What one boot of the test guest reported (see guest/init). */
export interface GuestReport {
  /** Exit code of the user data (124: killed by the guest's user-data timeout). */
  readonly exitCode: number;
  /** How long the user data ran inside the guest, in milliseconds. */
  readonly userDataMs: number;
  /** stdout and stderr of the user data. */
  readonly userDataOutput: string;
  /** What the boot did before user data: `vgchange -ay` and `mount -a` of the persisted fstab. */
  readonly bootMounts: string;
  /** Output of the test's script run after the user data, if any. */
  readonly afterOutput: string;
  readonly logicalVolumes: readonly LogicalVolume[];
  readonly physicalVolumes: readonly PhysicalVolume[];
  /** Every block device, probed on the device itself (`blkid -p`, no udev cache). */
  readonly devices: readonly BlockDevice[];
  /** Mounted filesystems (`findmnt`, flattened). */
  readonly mounts: readonly Mount[];
  /** `/etc/fstab` after the user data ran. */
  readonly fstab: string;
  /** Calls of the shimmed commands (docker, systemctl, curl, nvme, ...), in order. */
  readonly calls: readonly ShimCall[];
  /** Requests sent to the completion-signal endpoint. */
  readonly signals: readonly SignalRequest[];
  /** Contents of the files the run asked to collect (absent files are missing). */
  readonly files: Readonly<Record<string, string>>;
  /** Kernel warnings and errors. */
  readonly kernelLog: string;
}

export interface LogicalVolume { readonly name: string; readonly vg: string; readonly sizeBytes: number; readonly path: string }
export interface PhysicalVolume { readonly device: string; readonly vg: string; readonly sizeBytes: number }
export interface BlockDevice {
  readonly device: string;
  readonly sizeBytes: number;
  /** Filesystem or signature type (`ext4`, `xfs`, `LVM2_member`), undefined when blank. */
  readonly type?: string;
  readonly uuid?: string;
  readonly label?: string;
  /** Serial number of the disk (NVMe: the EBS volume id without its dash). */
  readonly serial?: string;
}
export interface Mount { readonly target: string; readonly source: string; readonly fstype: string; readonly sizeBytes: number; readonly options: string }
export interface ShimCall { readonly command: string; readonly user: string; readonly args: readonly string[] }
export interface SignalRequest { readonly method: string; readonly url: string; readonly headers: readonly string[]; readonly body: string }

export const REPORT_BEGIN = '@@CC-REPORT-BEGIN';
export const REPORT_END = '@@CC-REPORT-END';
const SECTION = '@@CC-SECTION ';

/** Splits the raw report stream into its base64-decoded sections. */
export function parseSections(raw: string): Map<string, string> {
  const lines = raw.replace(/\r/g, '').split('\n');
  const begin = lines.indexOf(REPORT_BEGIN);
  const end = lines.indexOf(REPORT_END);
  if (begin < 0 || end < 0) throw new Error('the guest report is incomplete (no end marker)');
  const sections = new Map<string, string>();
  let name: string | undefined;
  let chunks: string[] = [];
  const flush = () => {
    if (name !== undefined) sections.set(name, Buffer.from(chunks.join(''), 'base64').toString('utf8'));
  };
  for (const line of lines.slice(begin + 1, end)) {
    if (line.startsWith(SECTION)) {
      flush();
      name = line.slice(SECTION.length);
      chunks = [];
    } else {
      chunks.push(line.trim());
    }
  }
  flush();
  return sections;
}

export function parseReport(raw: string): GuestReport {
  const sections = parseSections(raw);
  const get = (name: string) => sections.get(name) ?? '';
  const files: Record<string, string> = {};
  for (const [name, content] of sections) {
    if (name.startsWith('file ') && !/^cat: .*No such file or directory\n?$/.test(content)) files[name.slice(5)] = content;
  }
  return {
    exitCode: Number(get('exit-code').trim()),
    userDataMs: Number(get('user-data-ms').trim()),
    userDataOutput: get('user-data-output'),
    bootMounts: get('boot-mounts'),
    afterOutput: get('after-output'),
    logicalVolumes: lvmReport(get('lvs'), 'lv').map((row) => ({
      name: row.lv_name, vg: row.vg_name, sizeBytes: Number(row.lv_size), path: row.lv_path,
    })),
    physicalVolumes: lvmReport(get('pvs'), 'pv').map((row) => ({
      device: row.pv_name, vg: row.vg_name, sizeBytes: Number(row.pv_size),
    })),
    devices: parseDevices(get('devices')),
    mounts: parseFindmnt(get('findmnt')),
    fstab: get('fstab'),
    calls: get('calls').split('\n').filter(Boolean).map((line) => {
      const [command, user, ...args] = line.split('\t');
      return { command, user, args: args.map((arg) => Buffer.from(arg, 'base64').toString('utf8')) };
    }),
    signals: get('signals').split('\n').filter(Boolean).map((line) => {
      const [method, url, headers, body] = line.split('\t');
      return {
        method, url,
        headers: Buffer.from(headers ?? '', 'base64').toString('utf8').split('\n').filter(Boolean),
        body: Buffer.from(body ?? '', 'base64').toString('utf8'),
      };
    }),
    files,
    kernelLog: get('kernel-log'),
  };
}

function lvmReport(json: string, kind: 'lv' | 'pv'): Record<string, string>[] {
  const start = json.indexOf('{');
  if (start < 0) return [];
  const parsed = JSON.parse(json.slice(start)) as { report: Record<string, Record<string, string>[]>[] };
  return parsed.report.flatMap((entry) => entry[kind] ?? []);
}

function parseDevices(text: string): BlockDevice[] {
  return text.split('\n\n').map((block) => block.trim()).filter(Boolean).map((block) => {
    const fields = new Map(block.split('\n').map((line) => {
      const eq = line.indexOf('=');
      return [line.slice(0, eq), line.slice(eq + 1)] as const;
    }));
    return {
      device: fields.get('DEVNAME') ?? '',
      sizeBytes: Number(fields.get('SIZE') ?? 0),
      type: fields.get('TYPE'),
      uuid: fields.get('UUID'),
      label: fields.get('LABEL'),
      serial: fields.get('SERIAL') || undefined,
    };
  });
}

interface FindmntNode { target: string; source: string; fstype: string; size: number | null; options: string; children?: FindmntNode[] }

function parseFindmnt(json: string): Mount[] {
  if (!json.trim()) return [];
  const flat: Mount[] = [];
  const walk = (nodes: FindmntNode[]) => {
    for (const node of nodes) {
      flat.push({ target: node.target, source: node.source, fstype: node.fstype, sizeBytes: Number(node.size ?? 0), options: node.options });
      walk(node.children ?? []);
    }
  };
  walk((JSON.parse(json) as { filesystems: FindmntNode[] }).filesystems);
  return flat;
}
