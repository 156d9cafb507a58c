import net from 'node:net';
import type { LoginMethodName as LoginMethod } from '../../domain/login-assurance';

/** Methods offered outside the city government's networks (manual 第二章 壹: 府外環境). */
export const OUTSIDE_METHODS: readonly LoginMethod[] = ['MOBILE_CERT', 'CITIZEN_CERT'];
export const ALL_LOGIN_METHODS: readonly LoginMethod[] = ['MOBILE_CERT', 'CITIZEN_CERT', 'OTP', 'TEMP_PASSWORD', 'PASSWORD'];

/** 府內網路 membership by the client address Express resolved (trust proxy decides which hop). */
export function createNetworkZone(cidrs: string) {
  const internal = new net.BlockList();
  for (const cidr of cidrs
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const [address, prefix] = cidr.split('/') as [string, string];
    internal.addSubnet(address, Number(prefix), net.isIPv6(address) ? 'ipv6' : 'ipv4');
  }
  const isInternal = (ip: string | undefined) => {
    if (!ip) return false;
    const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
    return internal.check(mapped, net.isIPv6(mapped) ? 'ipv6' : 'ipv4');
  };
  return {
    isInternal,
    methodsFor: (ip: string | undefined): readonly LoginMethod[] => (isInternal(ip) ? ALL_LOGIN_METHODS : OUTSIDE_METHODS),
  };
}

export type NetworkZone = ReturnType<typeof createNetworkZone>;
