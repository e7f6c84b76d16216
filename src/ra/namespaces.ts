// The prefixes of the messages we write (any prefix is valid XML; these keep traces readable).
import { NS } from '../protocol/namespaces';

export { NS, SUCCESS_STATUS } from '../protocol/namespaces';

export const PREFIXES: Record<string, string> = {
  [NS.soap]: 'soapenv',
  [NS.commonsCore]: 'cc',
  [NS.certra]: 'ra',
  [NS.certraCore]: 'rac',
  [NS.etkra]: 'etkra',
  [NS.etkdepot]: 'depot',
  // Parents of unqualified children (etee errors, commons 1.0 status) need a prefix, not a default namespace.
  [NS.eteeCore]: 'etee',
  [NS.commonsCoreV1]: 'c1',
};
