/** The birth registry (出生医学证明, 卫健) as simulated in development: Chongqing-born seed children only (Q13). */
import type { BirthRegistry, BirthRecord } from '../../ports/outside';
import { identities, type HostIdentity, type BirthRecordChild } from './identities';

function recordOf(identity: HostIdentity, child: BirthRecordChild): BirthRecord {
  const guardians = [{ idNumber: identity.parent.idNumber, relationship: identity.parent.relationshipToChildren }];
  if (identity.spouse) {
    guardians.push({ idNumber: identity.spouse.idNumber, relationship: identity.parent.relationshipToChildren === 'mother' ? 'father' : 'mother' });
  }
  return { key: child.key, name: child.name, idNumber: child.idNumber, birthDate: child.birthDate, sex: child.sex, guardians };
}

export function createSimulatedBirthRegistry(): BirthRegistry {
  // Only Chongqing birth records are shared with the platform.
  const records = identities.flatMap((identity) => identity.birthRecordChildren.filter((c) => c.bornInChongqing).map((c) => recordOf(identity, c)));
  return {
    async childrenOf(guardianIdNumber) {
      return records.filter((r) => r.guardians.some((g) => g.idNumber === guardianIdNumber));
    },
    async findChild(childIdNumber) {
      return records.find((r) => r.idNumber === childIdNumber) ?? null;
    },
  };
}
