// Where a watched source may lead: not to this machine or a private network (SSRF). A host name
// is judged by the addresses it resolves to, at the moment of connecting — the check lives in the
// socket's own DNS look-up, so a name that resolves to 10.0.0.5 (or changes its answer between a
// check and the connection) is refused all the same. Literal addresses are judged as written,
// in every form the URL parser accepts ("2130706433", "0x7f.1", "[::ffff:7f00:1]").
import { type LookupAddress, type LookupAllOptions, type LookupOneOptions, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// Two lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules, so one list
// holding ::ffff:0:0/96 would refuse every IPv4 address.
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
// IPv4: "this network", private, carrier-grade NAT, loopback, link-local, IETF protocol
// assignments, benchmarking, multicast and reserved.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED_V4.addSubnet(net, prefix, 'ipv4');
// IPv6: unspecified, loopback, IPv4-mapped and NAT64 (both can reach IPv4 inside), unique-local,
// link-local, multicast.
for (const [net, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED_V6.addSubnet(net, prefix, 'ipv6');

/** An address on this machine, a private network, or one that is never a public web server. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const v = isIP(ip);
  if (v === 4) return BLOCKED_V4.check(ip, 'ipv4');
  if (v === 6) return BLOCKED_V6.check(ip, 'ipv6');
  return false;
}

/** Names that mean this machine or the local network whatever DNS says. */
export function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal');
}

/** A literal private address or a local name (names are resolved, and checked, when connecting). */
export function isPrivateHost(host: string): boolean {
  return isLocalName(host) || isPrivateAddress(host);
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, a private or local address`);
  }
}

/** The shape of dns.lookup that sockets call; tests may pass their own (a fixed answer, like /etc/hosts). */
export type Lookup = typeof lookup;

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A socket look-up that refuses private answers unless allowed: every address the name resolves
 * to must be public (an answer mixing a public and a private address is refused).
 */
export function guardedLookup(allowPrivate: boolean, resolve: Lookup = lookup) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateAddressError(hostname, bad.address), []);
      if (!list.length)
        return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
