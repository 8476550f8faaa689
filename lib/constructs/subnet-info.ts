/**
 * The availability zone and CIDR block of a node's subnet. Data volumes must be
 * created in the node's AZ without the instance (they outlive it), and fixed IPs
 * are checked against the CIDR. The original config names only subnet ids, so:
 * from `vpc` when the user gives one, otherwise from a CloudControl API lookup
 * (`AWS::EC2::Subnet`) whose result the CDK CLI caches in cdk.context.json,
 * committed like every other lookup.
 */
import { ContextProvider, Stack, Token } from 'aws-cdk-lib';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import { IVpc, ISubnet } from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** What the cluster needs to know about a subnet. */
export interface SubnetInfo {
  readonly subnetId: string;
  readonly availabilityZone: string;
  /**
   * The subnet's IPv4 CIDR block.
   * @default - unknown (e.g. an imported subnet without CIDR, or a pending lookup): node IPs are not checked against it
   */
  readonly cidrBlock?: string;
  /** True when the values are placeholders because the lookup has not run yet. */
  readonly pending: boolean;
}

/** Placeholder AZ used until the CLI has looked the subnet up (never deployed: the CLI re-synthesizes first). */
export const PENDING_AVAILABILITY_ZONE = 'dummy1a';

function subnetsOf(vpc: IVpc): ISubnet[] {
  return [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets];
}

function cidrOf(subnet: ISubnet): string | undefined {
  try {
    const cidr = subnet.ipv4CidrBlock;
    return Token.isUnresolved(cidr) ? undefined : cidr;
  } catch {
    return undefined; // imported subnets without a CIDR throw on access
  }
}

/** Subnet info from a VPC object; undefined when the VPC has no such subnet. */
export function subnetFromVpc(vpc: IVpc, subnetId: string): SubnetInfo | undefined {
  const subnet = subnetsOf(vpc).find((candidate) => candidate.subnetId === subnetId);
  if (!subnet) return undefined;
  return { subnetId, availabilityZone: subnet.availabilityZone, cidrBlock: cidrOf(subnet), pending: false };
}

/** The ids of the VPC's subnets, for messages. */
export function subnetIdsOf(vpc: IVpc): string[] {
  return subnetsOf(vpc).map((subnet) => subnet.subnetId);
}

/**
 * Subnet info from the CloudControl API context provider. Needs a stack with a
 * concrete account and region. Until the CLI has done the lookup, returns a
 * pending placeholder and records the missing context (the CLI then looks it up
 * and synthesizes again).
 */
export function subnetFromLookup(scope: Construct, subnetId: string): SubnetInfo {
  const options = {
    provider: cxschema.ContextProvider.CC_API_PROVIDER,
    props: {
      typeName: 'AWS::EC2::Subnet',
      exactIdentifier: subnetId,
      propertiesToReturn: ['AvailabilityZone', 'CidrBlock'],
    },
  };
  const { key } = ContextProvider.getKey(scope, options);
  const pending = Stack.of(scope).node.tryGetContext(key) === undefined;
  const dummy = { Identifier: subnetId, AvailabilityZone: PENDING_AVAILABILITY_ZONE, CidrBlock: '0.0.0.0/0' };
  const value = ContextProvider.getValue(scope, { ...options, dummyValue: [dummy] }).value as Array<Record<string, string>>;
  const found = Array.isArray(value) ? value[0] : undefined;
  return {
    subnetId,
    availabilityZone: found?.AvailabilityZone ?? PENDING_AVAILABILITY_ZONE,
    cidrBlock: pending ? undefined : found?.CidrBlock,
    pending,
  };
}
