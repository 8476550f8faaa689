/**
 * IPv4 arithmetic for checking a node's fixed IP against its subnet's CIDR block.
 */

/** Parses dotted IPv4 text into an unsigned 32-bit number, or undefined when it is not IPv4. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/**
 * Why `ip` cannot be a node's fixed address in a subnet with this CIDR block, or
 * undefined when it can. AWS reserves the first four addresses of every subnet
 * (network, VPC router, DNS, future use) and the last one (broadcast).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function ipProblemInSubnet(ip: string, cidr: string): string | undefined {
  const address = parseIpv4(ip);
  if (address === undefined) return `"${ip}" is not an IPv4 address`;
  const [base, bitsText] = cidr.split('/');
  const network = parseIpv4(base ?? '');
  const bits = Number(bitsText);
  if (network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const first = network - (network % size);
  const last = first + size - 1;
  if (address < first || address > last) {
    return `${ip} is outside the subnet's CIDR block ${cidr} (valid: ${formatIpv4(first + 4)} to ${formatIpv4(last - 1)})`;
  }
  if (address < first + 4) {
    return `${ip} is one of the 4 addresses AWS reserves at the start of ${cidr} (${formatIpv4(first)} to ${formatIpv4(first + 3)}); use ${formatIpv4(first + 4)} to ${formatIpv4(last - 1)}`;
  }
  if (address === last) {
    return `${ip} is the broadcast address of ${cidr}, which AWS reserves; use ${formatIpv4(first + 4)} to ${formatIpv4(last - 1)}`;
  }
  return undefined;
}
