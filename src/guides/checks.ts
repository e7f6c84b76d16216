// The engine conditions guide steps show live: each check reads the facts the faces gathered
// (keystores on disk, opened keystores, the eID status, the sandbox) and passes, fails, or cannot
// tell yet (a keystore still locked, the eID not read yet).
import { isProblem, type EidStatus } from '../eid/status';
import { sameHolder, type Holder } from '../core/holder';
import type { Keystore, KeystoreFile } from '../keystore/model';
import type { CheckId } from './allowList';

export type CheckState = 'pass' | 'fail' | 'unknown';

export interface CheckFacts {
  /** Every keystore file found in the keystore folders. */
  keystores: readonly KeystoreFile[];
  /** Keystores the user opened, by file. */
  opened: ReadonlyMap<string, Keystore>;
  /** The holder the guide is followed for; any holder when undefined. */
  holder?: Holder;
  eid?: EidStatus;
  etkPublished?: boolean;
  sandboxRunning?: boolean;
}

/** The newest keystore file of the holder (or of anyone), the one a user should be using. */
function newestKeystore(facts: CheckFacts): KeystoreFile | undefined {
  return facts.keystores
    .filter((file) => file.latest && file.holder && (!facts.holder || sameHolder(file.holder, facts.holder)))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
}

const known = (value: boolean | undefined): CheckState => (value === undefined ? 'unknown' : value ? 'pass' : 'fail');

function keystoreCheck(facts: CheckFacts, test: (keystore: Keystore) => boolean): CheckState {
  const file = newestKeystore(facts);
  if (!file) return 'fail';
  const opened = facts.opened.get(file.path);
  return opened && !opened.locked ? known(test(opened)) : 'unknown';
}

export function evaluateCheck(id: CheckId, facts: CheckFacts): CheckState {
  const eid = facts.eid;
  const card = eid?.card && !isProblem(eid.card) ? eid.card : undefined;
  switch (id) {
    case 'eid.middleware':
      return eid ? known(!isProblem(eid.middleware)) : 'unknown';
    case 'eid.reader':
      return eid ? known(eid.readers.length > 0) : 'unknown';
    case 'eid.card':
      return eid ? known(card !== undefined) : 'unknown';
    case 'eid.pin':
      return card ? known(card.pin.status !== 'locked') : eid ? 'fail' : 'unknown';
    case 'keystore.found':
      return known(newestKeystore(facts) !== undefined);
    case 'keystore.complete':
      return keystoreCheck(facts, (keystore) => keystore.status !== 'incomplete' && keystore.status !== 'pending');
    case 'keystore.three-years':
      return keystoreCheck(facts, (keystore) => keystore.status !== 'pending' && !keystore.warnings.some((warning) => warning.code === 'validity-not-three-years'));
    case 'keystore.valid':
      return keystoreCheck(facts, (keystore) => keystore.status === 'valid' || keystore.status === 'renewable');
    case 'keystore.renewable':
      return keystoreCheck(facts, (keystore) => keystore.status === 'renewable');
    case 'etk.published':
      return known(facts.etkPublished);
    case 'sandbox.running':
      return known(facts.sandboxRunning);
  }
}
