/**
 * The Store port's contract (server/ports/store.ts), as jest tests registered over any adapter:
 * every repository method's round-trip and order, the uniqueness and foreign-key invariants, the
 * transaction semantics (rollback, a failed call fails the whole transaction, no dirty reads) and
 * concurrent transactions about one child. Each adapter's *.contract.test.ts calls storeContract
 * with a factory; the store is opened once per file and reset before every test.
 */
import type { HistoryEntry, UpkeepInfo } from '@contract/api';
import { liveStatuses } from '@/domain/status';
import {
  ConstraintViolation,
  type AccountRecord,
  type AuditRecord,
  type ChildRecord,
  type GuardianshipRecord,
  type LotteryCommitmentRecord,
  type Repositories,
  type StaffRecord,
  type Store,
  type StoredApplication,
  type UploadMetaRecord,
} from '../../ports/store';

export interface StoreUnderTest {
  store: Store;
  close(): Promise<void>;
}

const LIVE = [...liveStatuses];

export const fixtures = {
  account: (n: number, extra: Partial<AccountRecord> = {}): AccountRecord => ({
    id: `AC${n}`,
    idNumber: `50010219800101${String(n).padStart(4, '0')}`,
    name: `家长${n}`,
    phone: `1380000${String(n).padStart(4, '0')}`,
    createdAt: '2024-06-01T10:00:00+08:00',
    ...extra,
  }),
  child: (n: number, extra: Partial<ChildRecord> = {}): ChildRecord => ({
    id: `CH${n}`,
    idNumber: `50010220180101${String(n).padStart(4, '0')}`,
    birthCertificateName: `孩子${n}`,
    realName: null,
    birthDate: '2018-01-01',
    sex: n % 2 ? 'male' : 'female',
    nameFrozenAt: null,
    createdAt: '2024-06-01T10:00:00+08:00',
    ...extra,
  }),
  guardianship: (childId: string, accountId: string, extra: Partial<GuardianshipRecord> = {}): GuardianshipRecord => ({
    childId,
    accountId,
    relationship: 'mother',
    source: 'birthRecord',
    proofRequired: false,
    verifiedPriority: false,
    createdAt: '2024-06-01T10:00:00+08:00',
    ...extra,
  }),
  upkeep: (note = '1号'): UpkeepInfo =>
    ({
      householdAddress: { districtCode: '500112', detail: `渝北区龙溪街道${note}` },
      residenceAddress: { districtCode: '500112', detail: `渝北区龙溪街道${note}` },
      property: { kind: 'certificate', unitNumber: '500112003012GB00231F00030501' },
      guardians: [{ name: '王芳', relationship: 'mother', phone: '13800000001' }],
      attachments: { householdRegister: ['F1'] },
      householdHeadIsOtherGuardian: false,
      updatedAt: '2024-06-01T10:00:00+08:00',
    }) as unknown as UpkeepInfo,
  upload: (fileId: string, accountId: string, extra: Partial<UploadMetaRecord> = {}): UploadMetaRecord => ({
    fileId,
    accountId,
    materialCode: 'householdRegister',
    districtCode: '500112',
    sha256: 'a'.repeat(64),
    mime: 'image/png',
    size: 100,
    width: 2,
    height: 3,
    uploadedAt: '2024-06-01T10:00:00+08:00',
    ...extra,
  }),
  application: (id: string, childId: string, accountId: string, extra: Partial<StoredApplication> = {}): StoredApplication => ({
    id,
    number: `RX2024500112${id}`,
    childId,
    childNameMasked: '王*',
    stage: 'primary',
    districtCode: '500112',
    nature: 'public',
    schoolType: 'publicTight',
    schoolId: '500112-P-1',
    schoolName: '渝北区实验小学',
    source: 'localHukou',
    status: 'submitted',
    materials: { householdRegister: ['F1'] },
    upkeep: fixtures.upkeep(),
    verification: [{ kind: 'hukou', status: 'matched', source: '市公安局', message: '户籍核验通过' }],
    submittedAt: '2024-06-10T10:00:00+08:00',
    reportCodeAvailable: false,
    publicFallback: false,
    greenChannel: false,
    createdAt: '2024-06-10T09:00:00+08:00',
    updatedAt: '2024-06-10T10:00:00+08:00',
    accountId,
    approvedChildName: null,
    ...extra,
  }) as StoredApplication,
  history: (to: StoredApplication['status'], extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
    at: '2024-06-10T10:00:00+08:00',
    from: 'draft',
    to,
    action: 'submit',
    actor: 'parent',
    ...extra,
  }),
  commitment: (schoolId: string, drawId: string, extra: Partial<LotteryCommitmentRecord> = {}): LotteryCommitmentRecord => ({
    drawId,
    schoolId,
    places: 2,
    listCommitment: 'c'.repeat(64),
    entrantCount: 3,
    committedAt: '2024-06-18T10:00:00+08:00',
    salt: 's'.repeat(32),
    entries: [
      { applicationId: 'A1', pseudonym: 'p1', tier: 1 },
      { applicationId: null, pseudonym: 'p2', tier: 0, familyGroup: 'g1' },
    ],
    randomness: null,
    randomnessEntries: [],
    seed: null,
    order: null,
    drawnAt: null,
    withoutLottery: false,
    ...extra,
  }),
  audit: (n: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
    at: `2024-06-10T10:00:${String(n).padStart(2, '0')}+08:00`,
    actorKind: 'staff',
    actorId: 'ST1',
    action: 'review.approve',
    subjectKind: 'application',
    subjectId: 'A1',
    beforeStatus: 'underReview',
    afterStatus: 'approved',
    detail: { n, note: '材料齐全' },
    traceId: `t${n}`,
    ...extra,
  }),
  staff: (id: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
    id,
    name: `审核员${id}`,
    role: 'reviewer',
    districtCode: '500112',
    tokenHash: `hash-${id}`,
    createdAt: '2024-06-01T10:00:00+08:00',
    revokedAt: null,
    ...extra,
  }),
};
const f = fixtures;

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function expectViolation(promise: Promise<unknown>, constraint: ConstraintViolation['constraint']) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ConstraintViolation);
  expect((error as ConstraintViolation).constraint).toBe(constraint);
}

async function expectForeignKey(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(ConstraintViolation);
  expect((error as Error).message).toMatch(/^foreign key: /);
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

export function storeContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    jest.setTimeout(30_000);
    let opened: StoreUnderTest;
    const store = () => opened.store;
    const tx = <T>(fn: (r: Repositories) => Promise<T>) => store().transaction(fn);
    const read = <T>(fn: (r: Repositories) => Promise<T>) => store().read(fn);
    /** Accounts AC1..ACn and children CH1..CHm. */
    const seed = (accounts: number, children = 0) =>
      tx(async (r) => {
        for (let i = 1; i <= accounts; i++) await r.accounts.insert(f.account(i));
        for (let i = 1; i <= children; i++) await r.children.insert(f.child(i));
      });

    beforeAll(async () => {
      opened = await factory();
    }, 60_000);
    afterAll(async () => {
      await opened?.close();
    });
    beforeEach(async () => {
      await store().reset();
    });

    describe('accounts', () => {
      test('round-trip by id and by ID number; unknown ones are null', async () => {
        await tx((r) => r.accounts.insert(f.account(1)));
        expect(await read((r) => r.accounts.get('AC1'))).toEqual(f.account(1));
        expect(await read((r) => r.accounts.byIdNumber(f.account(1).idNumber))).toEqual(f.account(1));
        expect(await read((r) => r.accounts.get('AC9'))).toBeNull();
        expect(await read((r) => r.accounts.byIdNumber('nobody'))).toBeNull();
      });
      test('a second account with the same id or ID number: unique', async () => {
        await seed(1);
        await expectViolation(tx((r) => r.accounts.insert(f.account(1, { idNumber: 'other' }))), 'unique');
        await expectViolation(tx((r) => r.accounts.insert(f.account(2, { idNumber: f.account(1).idNumber }))), 'unique');
      });
    });

    describe('sessions', () => {
      test('insert, get, delete', async () => {
        await seed(1);
        const s = { tokenHash: 'h1', accountId: 'AC1', createdAtMs: 1_717_200_000_123, expiresAtMs: 1_717_207_200_123 };
        await tx((r) => r.sessions.insert(s));
        expect(await read((r) => r.sessions.get('h1'))).toEqual(s);
        expect(await read((r) => r.sessions.withAccount('h1'))).toEqual({ session: s, account: f.account(1) });
        expect(await read((r) => r.sessions.withAccount('h404'))).toBeNull();
        await tx((r) => r.sessions.delete('h1'));
        expect(await read((r) => r.sessions.withAccount('h1'))).toBeNull();
        expect(await read((r) => r.sessions.get('h1'))).toBeNull();
        await tx((r) => r.sessions.delete('h1'));
      });
      test('a session of an unknown account: foreign key', async () => {
        await expectForeignKey(tx((r) => r.sessions.insert({ tokenHash: 'h', accountId: 'AC404', createdAtMs: 1, expiresAtMs: 2 })));
      });
    });

    describe('faceVerifications', () => {
      test('round-trip; markUsed once, a replay is refused', async () => {
        const v = { id: 'FV1', provider: 'dev', verifyId: 'vid-1', createdAtMs: 1_717_200_000_000, expiresAtMs: 1_717_200_300_000, usedAtMs: null };
        await tx((r) => r.faceVerifications.insert(v));
        expect(await read((r) => r.faceVerifications.get('FV1'))).toEqual(v);
        expect(await tx((r) => r.faceVerifications.markUsed('FV1', 1_717_200_100_000))).toBe(true);
        expect(await tx((r) => r.faceVerifications.markUsed('FV1', 1_717_200_200_000))).toBe(false);
        expect(await tx((r) => r.faceVerifications.markUsed('FV404', 1))).toBe(false);
        expect(await read((r) => r.faceVerifications.get('FV1'))).toEqual({ ...v, usedAtMs: 1_717_200_100_000 });
        expect(await read((r) => r.faceVerifications.get('FV404'))).toBeNull();
      });
    });

    describe('children', () => {
      test('round-trip, update, by ID number', async () => {
        await seed(0, 1);
        expect(await read((r) => r.children.get('CH1'))).toEqual(f.child(1));
        const renamed = f.child(1, { realName: '王小明', nameFrozenAt: '2024-06-20T10:00:00+08:00' });
        await tx((r) => r.children.update(renamed));
        expect(await read((r) => r.children.byIdNumber(f.child(1).idNumber))).toEqual(renamed);
        await tx((r) => r.children.update(f.child(404)));
        expect(await read((r) => r.children.get('CH404'))).toBeNull();
        expect(await read((r) => r.children.byIdNumber('nobody'))).toBeNull();
      });
      test('getMany: the ones found, each once', async () => {
        await seed(0, 3);
        const got = await read((r) => r.children.getMany(['CH3', 'CH404', 'CH1', 'CH3']));
        expect(got.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([f.child(1), f.child(3)]);
        expect(await read((r) => r.children.getMany([]))).toEqual([]);
      });
      test('a second child with the same ID number or id: child_id_number', async () => {
        await seed(0, 1);
        await expectViolation(tx((r) => r.children.insert(f.child(2, { idNumber: f.child(1).idNumber }))), 'child_id_number');
        await expectViolation(tx((r) => r.children.insert(f.child(1, { idNumber: 'other' }))), 'child_id_number');
      });
      test('listAll: oldest (first inserted) first, up to the limit', async () => {
        await tx(async (r) => {
          for (const n of [3, 1, 2]) await r.children.insert(f.child(n));
        });
        expect((await read((r) => r.children.listAll(10))).map((c) => c.id)).toEqual(['CH3', 'CH1', 'CH2']);
        expect((await read((r) => r.children.listAll(2))).map((c) => c.id)).toEqual(['CH3', 'CH1']);
      });
      test('lock inside a transaction resolves (for a known and an unknown child)', async () => {
        await seed(0, 1);
        await tx(async (r) => {
          await r.children.lock('CH1');
          await r.children.lock('CH404');
        });
      });
    });

    describe('guardianships', () => {
      test('round-trip, lists in insertion order, update', async () => {
        await seed(2, 2);
        await tx(async (r) => {
          await r.guardianships.insert(f.guardianship('CH2', 'AC1'));
          await r.guardianships.insert(f.guardianship('CH1', 'AC1', { relationship: 'father', source: 'manual', proofRequired: true }));
          await r.guardianships.insert(f.guardianship('CH1', 'AC2'));
        });
        expect(await read((r) => r.guardianships.get('CH1', 'AC1'))).toEqual(f.guardianship('CH1', 'AC1', { relationship: 'father', source: 'manual', proofRequired: true }));
        expect(await read((r) => r.guardianships.get('CH2', 'AC2'))).toBeNull();
        expect((await read((r) => r.guardianships.listByAccount('AC1'))).map((g) => g.childId)).toEqual(['CH2', 'CH1']);
        expect((await read((r) => r.guardianships.listByChild('CH1'))).map((g) => g.accountId)).toEqual(['AC1', 'AC2']);
        await tx((r) => r.guardianships.update(f.guardianship('CH1', 'AC2', { verifiedPriority: true })));
        expect((await read((r) => r.guardianships.get('CH1', 'AC2')))?.verifiedPriority).toBe(true);
      });
      test('the same child twice for one account: guardianship; an unknown child or account: foreign key', async () => {
        await seed(1, 1);
        await tx((r) => r.guardianships.insert(f.guardianship('CH1', 'AC1')));
        await expectViolation(tx((r) => r.guardianships.insert(f.guardianship('CH1', 'AC1'))), 'guardianship');
        await expectForeignKey(tx((r) => r.guardianships.insert(f.guardianship('CH404', 'AC1'))));
        await expectForeignKey(tx((r) => r.guardianships.insert(f.guardianship('CH1', 'AC404'))));
      });
    });

    describe('upkeep', () => {
      test('per account and child: null until put, put replaces', async () => {
        await seed(2, 1);
        expect(await read((r) => r.upkeep.get('AC1', 'CH1'))).toBeNull();
        await tx((r) => r.upkeep.put('AC1', 'CH1', f.upkeep('1号')));
        await tx((r) => r.upkeep.put('AC1', 'CH1', f.upkeep('2号')));
        expect(await read((r) => r.upkeep.get('AC1', 'CH1'))).toEqual(f.upkeep('2号'));
        expect(await read((r) => r.upkeep.get('AC2', 'CH1'))).toBeNull();
      });
      test('for an unknown account or child: foreign key', async () => {
        await seed(1, 1);
        await expectForeignKey(tx((r) => r.upkeep.put('AC404', 'CH1', f.upkeep())));
        await expectForeignKey(tx((r) => r.upkeep.put('AC1', 'CH404', f.upkeep())));
      });
    });

    describe('blobs and uploads', () => {
      test('blobs are content-addressed: the same bytes twice keep one copy', async () => {
        const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
        await tx((r) => r.blobs.put('b'.repeat(64), bytes));
        await tx((r) => r.blobs.put('b'.repeat(64), bytes));
        const got = await read((r) => r.blobs.get('b'.repeat(64)));
        expect(got).toBeInstanceOf(Uint8Array);
        expect([...got!]).toEqual([0, 1, 2, 250, 255]);
        expect(await read((r) => r.blobs.get('c'.repeat(64)))).toBeNull();
      });
      test('uploads: round-trip, getMany in the order asked, counts per account, listAll newest first', async () => {
        await seed(2);
        await tx(async (r) => {
          await r.blobs.put('a'.repeat(64), new Uint8Array([1]));
          await r.uploads.insert(f.upload('F1', 'AC1', { uploadedAt: '2024-06-01T10:00:00+08:00', size: 100 }));
          await r.uploads.insert(f.upload('F2', 'AC1', { uploadedAt: '2024-06-03T10:00:00+08:00', size: 250, districtCode: null, mime: 'image/jpeg' }));
          await r.uploads.insert(f.upload('F3', 'AC2', { uploadedAt: '2024-06-01T10:00:00+08:00', size: 7 }));
          await r.uploads.insert(f.upload('F4', 'AC2', { uploadedAt: '2024-06-02T10:00:00+08:00', size: 1 }));
        });
        expect(await read((r) => r.uploads.get('F2'))).toEqual(f.upload('F2', 'AC1', { uploadedAt: '2024-06-03T10:00:00+08:00', size: 250, districtCode: null, mime: 'image/jpeg' }));
        expect(await read((r) => r.uploads.get('F404'))).toBeNull();
        expect((await read((r) => r.uploads.getMany(['F3', 'F404', 'F1']))).map((u) => u.fileId)).toEqual(['F3', 'F1']);
        expect(await read((r) => r.uploads.getMany([]))).toEqual([]);
        expect(await read((r) => r.uploads.countByAccount('AC1'))).toEqual({ files: 2, bytes: 350 });
        expect(await read((r) => r.uploads.countByAccount('AC404'))).toEqual({ files: 0, bytes: 0 });
        // Equal times: the later inserted first.
        expect((await read((r) => r.uploads.listAll(10))).map((u) => u.fileId)).toEqual(['F2', 'F4', 'F3', 'F1']);
        expect((await read((r) => r.uploads.listAll(2))).map((u) => u.fileId)).toEqual(['F2', 'F4']);
      });
      test('the same file id twice: unique; an unknown account: foreign key', async () => {
        await seed(1);
        await tx(async (r) => {
          await r.blobs.put('a'.repeat(64), new Uint8Array([1]));
          await r.uploads.insert(f.upload('F1', 'AC1'));
        });
        await expectViolation(tx((r) => r.uploads.insert(f.upload('F1', 'AC1'))), 'unique');
        await expectForeignKey(tx((r) => r.uploads.insert(f.upload('F2', 'AC404'))));
      });
    });

    describe('applications', () => {
      const created = f.history('draft', { from: null, action: 'create', at: '2024-06-10T09:00:00+08:00' });
      const submitted = f.history('submitted');

      test('round-trip with its history; historyOf answers every id asked', async () => {
        await seed(1, 1);
        const app = f.application('A1', 'CH1', 'AC1', { correction: undefined, confirmBy: '2024-06-25T17:00:00+08:00' });
        await tx((r) => r.applications.insert(app, [created, submitted]));
        expect(await read((r) => r.applications.get('A1'))).toEqual(JSON.parse(JSON.stringify(app)));
        expect(await read((r) => r.applications.get('A404'))).toBeNull();
        expect(await read((r) => r.applications.history('A1'))).toEqual([created, submitted]);
        expect(await read((r) => r.applications.history('A404'))).toEqual([]);
        const map = await read((r) => r.applications.historyOf(['A404', 'A1']));
        expect([...map.keys()].sort()).toEqual(['A1', 'A404']);
        expect(map.get('A1')).toEqual([created, submitted]);
        expect(map.get('A404')).toEqual([]);
        expect((await read((r) => r.applications.historyOf([]))).size).toBe(0);
      });

      test('update writes the row and appends history; earlier entries are never rewritten', async () => {
        await seed(1, 1);
        const app = f.application('A1', 'CH1', 'AC1');
        await tx((r) => r.applications.insert(app, [created, submitted]));
        const withdraw = f.history('withdrawn', { from: 'submitted', action: 'withdraw', at: '2024-06-11T10:00:00+08:00', note: '家长撤回' });
        const next = { ...app, status: 'withdrawn' as const, updatedAt: '2024-06-11T10:00:00+08:00' };
        await tx((r) => r.applications.update(next, [withdraw]));
        await tx((r) => r.applications.update({ ...next, schoolName: '改名' }, []));
        expect(await read((r) => r.applications.get('A1'))).toEqual({ ...next, schoolName: '改名' });
        expect(await read((r) => r.applications.history('A1'))).toEqual([created, submitted, withdraw]);
        await expect(tx((r) => r.applications.update(f.application('A404', 'CH1', 'AC1'), []))).rejects.toThrow();
      });

      test('history comes back in the order it was appended, also for entries stamped at one instant', async () => {
        // Steps a parent reads as a sequence (开始审核 then 审核通过) often share an instant; their
        // order is the append order, which every adapter keeps (the application's seq is numbered from it).
        await seed(1, 1);
        const at = '2024-06-12T10:00:00+08:00';
        const app = f.application('A1', 'CH1', 'AC1', { status: 'underReview' });
        await tx((r) => r.applications.insert(app, [created, submitted]));
        const start = f.history('underReview', { from: 'submitted', action: 'startReview', actor: 'reviewer', at });
        const approve = f.history('approved', { from: 'underReview', action: 'approve', actor: 'reviewer', at });
        const confirm = f.history('confirmed', { from: 'approved', action: 'confirm', at });
        await tx((r) => r.applications.update({ ...app, status: 'approved' }, [start, approve]));
        await tx((r) => r.applications.update({ ...app, status: 'confirmed' }, [confirm]));
        expect((await read((r) => r.applications.history('A1'))).map((h) => h.action)).toEqual(['create', 'submit', 'startReview', 'approve', 'confirm']);
        expect((await read((r) => r.applications.historyOf(['A1']))).get('A1')!.map((h) => h.action)).toEqual(['create', 'submit', 'startReview', 'approve', 'confirm']);
      });

      test('patchMany merges each patch into the rows still in the status, appends their one entry, and leaves the others alone', async () => {
        await seed(1, 3);
        const a1 = f.application('A1', 'CH1', 'AC1', { status: 'privateRegistered' });
        const a2 = f.application('A2', 'CH2', 'AC1', { status: 'privateRegistered' });
        const a3 = f.application('A3', 'CH3', 'AC1', { status: 'withdrawn' });
        await tx(async (r) => {
          await r.applications.insert(a1, [created]);
          await r.applications.insert(a2, [created]);
          await r.applications.insert(a3, [created]);
        });
        const at = '2024-06-20T12:00:00+08:00';
        const won = f.history('lotteryWon', { from: 'privateRegistered', action: 'drawWon', actor: 'system', at, note: '第1位' });
        const lost = f.history('lotteryLost', { from: 'privateRegistered', action: 'drawLost', actor: 'system', at });
        const p1 = { status: 'lotteryWon' as const, updatedAt: at, confirmBy: '2024-06-20T18:00:00+08:00', lottery: { rank: 1, admitted: true, drawId: 'D1' } };
        const p2 = { status: 'lotteryLost' as const, updatedAt: at, lottery: { rank: 2, admitted: false, waitingPosition: 1, drawId: 'D1' } };
        const moved = await tx((r) =>
          r.applications.patchMany('privateRegistered', [
            { id: 'A1', patch: p1, entry: won },
            { id: 'A3', patch: p2, entry: lost },
            { id: 'A404', patch: p2, entry: lost },
            { id: 'A2', patch: p2, entry: lost },
          ]),
        );
        expect(moved).toEqual(['A1', 'A2']);
        expect(await tx((r) => r.applications.patchMany('privateRegistered', []))).toEqual([]);
        expect(await read((r) => r.applications.get('A1'))).toEqual(JSON.parse(JSON.stringify({ ...a1, ...p1 })));
        expect(await read((r) => r.applications.get('A2'))).toEqual(JSON.parse(JSON.stringify({ ...a2, ...p2 })));
        expect(await read((r) => r.applications.get('A3'))).toEqual(JSON.parse(JSON.stringify(a3)));
        expect(await read((r) => r.applications.history('A1'))).toEqual([created, won]);
        expect(await read((r) => r.applications.history('A2'))).toEqual([created, lost]);
        expect(await read((r) => r.applications.history('A3'))).toEqual([created]);
        expect(await read((r) => r.applications.listBySchool(a1.schoolId, 'lotteryLost'))).toEqual([JSON.parse(JSON.stringify({ ...a2, ...p2 }))]);
        // Moved once: a second call finds nothing in the status.
        expect(await tx((r) => r.applications.patchMany('privateRegistered', [{ id: 'A1', patch: p2, entry: lost }]))).toEqual([]);
        // The forfeit job finds the winner by its confirmBy column.
        expect(await tx((r) => r.applications.expireUnconfirmed({ from: ['lotteryWon'], to: 'forfeited', action: 'forfeit', at: '2024-06-20T18:00:00+08:00', note: 'x' }))).toHaveLength(1);
      });

      test('one live application per child: a second live one (insert or update) is live_application; drafts and ended ones are not counted', async () => {
        await seed(1, 2);
        await tx(async (r) => {
          await r.applications.insert(f.application('A1', 'CH1', 'AC1', { status: 'withdrawn' }), [created]);
          await r.applications.insert(f.application('A2', 'CH1', 'AC1', { status: 'draft' }), [created]);
          await r.applications.insert(f.application('A3', 'CH1', 'AC1', { status: 'submitted' }), [created]);
          await r.applications.insert(f.application('A4', 'CH2', 'AC1', { status: 'lotteryLost' }), [created]);
          await r.applications.insert(f.application('A5', 'CH2', 'AC1', { status: 'confirmed' }), [created]);
        });
        for (const status of LIVE) {
          await expectViolation(tx((r) => r.applications.insert(f.application('A9', 'CH1', 'AC1', { status }), [created])), 'live_application');
        }
        await expectViolation(tx((r) => r.applications.update(f.application('A2', 'CH1', 'AC1', { status: 'privateRegistered' }), [])), 'live_application');
        // The live one itself may move between live statuses.
        await tx((r) => r.applications.update(f.application('A3', 'CH1', 'AC1', { status: 'underReview' }), []));
        expect((await read((r) => r.applications.get('A2')))?.status).toBe('draft');
        expect(await read((r) => r.applications.countLivePerChildOverOne(LIVE))).toBe(0);
        expect(await read((r) => r.applications.countLivePerChildOverOne(['withdrawn', 'draft', 'underReview']))).toBe(1);
      });

      test('the same id twice: unique; an unknown child or account: foreign key', async () => {
        await seed(1, 2);
        await tx((r) => r.applications.insert(f.application('A1', 'CH1', 'AC1', { status: 'draft' }), [created]));
        await expectViolation(tx((r) => r.applications.insert(f.application('A1', 'CH2', 'AC1', { status: 'draft' }), [created])), 'unique');
        await expectForeignKey(tx((r) => r.applications.insert(f.application('A2', 'CH404', 'AC1'), [created])));
        await expectForeignKey(tx((r) => r.applications.insert(f.application('A3', 'CH1', 'AC404'), [created])));
      });

      test('lists: by account and child (insertion order), by school and status, schools with a status, the district queue, all newest first', async () => {
        await seed(2, 4);
        await tx(async (r) => {
          await r.applications.insert(f.application('A3', 'CH1', 'AC1', { status: 'submitted', schoolId: 'S-B', submittedAt: '2024-06-12T10:00:00+08:00', createdAt: '2024-06-12T09:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A1', 'CH2', 'AC2', { status: 'underReview', schoolId: 'S-A', submittedAt: '2024-06-10T10:00:00+08:00', createdAt: '2024-06-10T09:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A2', 'CH3', 'AC1', { status: 'submitted', schoolId: 'S-B', submittedAt: undefined, createdAt: '2024-06-11T09:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A4', 'CH4', 'AC2', { status: 'submitted', schoolId: 'S-a', districtCode: '500103', submittedAt: '2024-06-10T10:00:00+08:00', createdAt: '2024-06-12T09:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A5', 'CH1', 'AC1', { status: 'withdrawn', schoolId: 'S-C', submittedAt: '2024-06-10T10:00:00+08:00', createdAt: '2024-06-12T09:00:00+08:00' }), [created]);
        });
        const ids = (list: StoredApplication[]) => list.map((a) => a.id);
        expect(ids(await read((r) => r.applications.listByAccount('AC1')))).toEqual(['A3', 'A2', 'A5']);
        expect(ids(await read((r) => r.applications.listByChild('CH1')))).toEqual(['A3', 'A5']);
        expect(await read((r) => r.applications.listByChild('CH404'))).toEqual([]);
        expect(ids(await read((r) => r.applications.listBySchool('S-B', 'submitted')))).toEqual(['A3', 'A2']);
        // Code-point order: upper case before lower case.
        expect(await read((r) => r.applications.schoolsWithStatus('submitted'))).toEqual(['S-B', 'S-a']);
        expect(await read((r) => r.applications.schoolsWithStatus('rejected'))).toEqual([]);
        // Oldest first by submittedAt, else createdAt.
        expect(ids(await read((r) => r.applications.listByDistrict('500112', ['submitted', 'underReview'], 10)))).toEqual(['A1', 'A2', 'A3']);
        expect(ids(await read((r) => r.applications.listByDistrict('500112', ['submitted'], 1)))).toEqual(['A2']);
        // Newest created first; equal times: the later inserted first.
        expect(ids(await read((r) => r.applications.listAll(10)))).toEqual(['A5', 'A4', 'A3', 'A2', 'A1']);
        expect(ids(await read((r) => r.applications.listAll(2)))).toEqual(['A5', 'A4']);
      });

      test('expireUnconfirmed moves every due one, each dated at its own confirmBy', async () => {
        await seed(1, 4);
        await tx(async (r) => {
          await r.applications.insert(f.application('A1', 'CH1', 'AC1', { status: 'approved', confirmBy: '2024-06-25T17:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A2', 'CH2', 'AC1', { status: 'lotteryWon', confirmBy: '2024-06-25T09:00:00Z' }), [created]);
          await r.applications.insert(f.application('A3', 'CH3', 'AC1', { status: 'approved', confirmBy: '2024-06-26T17:00:00+08:00' }), [created]);
          await r.applications.insert(f.application('A4', 'CH4', 'AC1', { status: 'approved' }), [created]);
        });
        const moved = await tx((r) =>
          r.applications.expireUnconfirmed({ from: ['approved', 'lotteryWon'], to: 'forfeited', action: 'forfeit', at: '2024-06-25T17:00:00+08:00', note: '逾期未确认' }),
        );
        expect([...moved].sort()).toEqual(['A1', 'A2']);
        const a1 = await read((r) => r.applications.get('A1'));
        expect(a1).toMatchObject({ status: 'forfeited', updatedAt: '2024-06-25T17:00:00+08:00' });
        expect(await read((r) => r.applications.get('A2'))).toMatchObject({ status: 'forfeited', updatedAt: '2024-06-25T09:00:00Z' });
        expect((await read((r) => r.applications.get('A3')))?.status).toBe('approved');
        expect((await read((r) => r.applications.get('A4')))?.status).toBe('approved');
        expect((await read((r) => r.applications.history('A2'))).slice(-1)).toEqual([
          { at: '2024-06-25T09:00:00Z', from: 'lotteryWon', to: 'forfeited', action: 'forfeit', actor: 'system', note: '逾期未确认' },
        ]);
        expect(await tx((r) => r.applications.expireUnconfirmed({ from: ['approved'], to: 'forfeited', action: 'forfeit', at: '2024-06-25T17:00:00+08:00', note: 'x' }))).toEqual([]);
      });

      test('moveAll moves every one in a status, with history and optionally reportCodeAvailable', async () => {
        await seed(1, 3);
        await tx(async (r) => {
          await r.applications.insert(f.application('A1', 'CH1', 'AC1', { status: 'confirmed' }), [created]);
          await r.applications.insert(f.application('A2', 'CH2', 'AC1', { status: 'confirmed' }), [created]);
          await r.applications.insert(f.application('A3', 'CH3', 'AC1', { status: 'approved' }), [created]);
        });
        const at = '2024-07-01T09:00:00+08:00';
        expect(await tx((r) => r.applications.moveAll({ from: 'confirmed', to: 'noticeIssued', action: 'issueNotice', at, note: '通知书已发放', reportCodeAvailable: true })).then((x) => [...x].sort())).toEqual(['A1', 'A2']);
        expect(await read((r) => r.applications.get('A2'))).toMatchObject({ status: 'noticeIssued', updatedAt: at, reportCodeAvailable: true });
        expect(await read((r) => r.applications.get('A3'))).toMatchObject({ status: 'approved', reportCodeAvailable: false });
        expect((await read((r) => r.applications.history('A1'))).slice(-1)).toEqual([{ at, from: 'confirmed', to: 'noticeIssued', action: 'issueNotice', actor: 'system', note: '通知书已发放' }]);
        expect(await tx((r) => r.applications.moveAll({ from: 'noticeIssued', to: 'checkedIn', action: 'checkIn', at, note: '报到' }))).toHaveLength(2);
        expect(await read((r) => r.applications.get('A1'))).toMatchObject({ status: 'checkedIn', reportCodeAvailable: true });
      });
    });

    describe('messages', () => {
      const at = '2024-06-12T10:00:00+08:00';
      const seedApps = async () => {
        await seed(2, 3);
        await tx(async (r) => {
          await r.applications.insert(f.application('A1', 'CH1', 'AC1', { childNameMasked: '王*涵' }), [f.history('submitted')]);
          await r.applications.insert(f.application('A2', 'CH2', 'AC1', { childNameMasked: '王*' }), [f.history('submitted')]);
          await r.applications.insert(f.application('A3', 'CH3', 'AC2', { childNameMasked: '李*' }), [f.history('submitted')]);
        });
      };

      test('record writes one message per application to its owner, with its masked name; newest first per account', async () => {
        await seedApps();
        const ids = await tx((r) => r.messages.record({ kind: 'approved', key: '', at, items: [{ applicationId: 'A1', detail: { deadline: '2024-07-16T00:00:00+08:00' } }, { applicationId: 'A3' }, { applicationId: 'A404' }] }));
        expect(ids).toHaveLength(2);
        await tx((r) => r.messages.record({ kind: 'rejected', key: '', at: '2024-06-13T10:00:00+08:00', items: [{ applicationId: 'A2' }] }));
        const mine = await read((r) => r.messages.listByAccount('AC1', 10));
        expect(mine.map((m) => [m.applicationId, m.kind])).toEqual([['A2', 'rejected'], ['A1', 'approved']]);
        expect(mine[1]).toEqual({ id: ids[0], accountId: 'AC1', applicationId: 'A1', kind: 'approved', key: '', childNameMasked: '王*涵', detail: { deadline: '2024-07-16T00:00:00+08:00' }, createdAt: at, readAt: null, pushedAt: null });
        expect(Number(mine[0].id)).toBeGreaterThan(Number(mine[1].id));
        expect((await read((r) => r.messages.listByAccount('AC2', 10))).map((m) => m.applicationId)).toEqual(['A3']);
        expect(await read((r) => r.messages.listByAccount('AC1', 1))).toHaveLength(1);
      });

      test('(application, kind, key) is recorded once: a reminder for one deadline twice is one; another deadline is another', async () => {
        await seedApps();
        const remind = (key: string) => tx((r) => r.messages.record({ kind: 'confirmationDue', key, at, items: [{ applicationId: 'A1', detail: { deadline: key } }, { applicationId: 'A2', detail: { deadline: key } }] }));
        expect(await remind('2024-07-16T00:00:00+08:00')).toHaveLength(2);
        expect(await remind('2024-07-16T00:00:00+08:00')).toEqual([]);
        expect(await remind('2024-07-20T00:00:00+08:00')).toHaveLength(2);
        expect(await read((r) => r.messages.unreadCount('AC1'))).toBe(4);
      });

      test('markRead marks the own message once and refuses another account’s; unread counts follow', async () => {
        await seedApps();
        const [id] = await tx((r) => r.messages.record({ kind: 'approved', key: '', at, items: [{ applicationId: 'A1' }] }));
        expect(await read((r) => r.messages.unreadCount('AC1'))).toBe(1);
        expect(await tx((r) => r.messages.markRead('AC2', id, at))).toBe(false);
        expect(await tx((r) => r.messages.markRead('AC1', 'no-such', at))).toBe(false);
        expect(await tx((r) => r.messages.markRead('AC1', id, at))).toBe(true);
        expect(await tx((r) => r.messages.markRead('AC1', id, '2024-06-14T10:00:00+08:00'))).toBe(true);
        expect((await read((r) => r.messages.listByAccount('AC1', 10)))[0].readAt).toBe(at);
        expect(await read((r) => r.messages.unreadCount('AC1'))).toBe(0);
      });

      test('confirmDueBetween finds the applications in the statuses whose confirmBy is in [from, to)', async () => {
        await seedApps();
        await tx(async (r) => {
          await r.applications.update(f.application('A1', 'CH1', 'AC1', { status: 'approved', confirmBy: '2024-07-16T00:00:00+08:00' }), []);
          await r.applications.update(f.application('A2', 'CH2', 'AC1', { status: 'confirmed', confirmBy: '2024-07-16T00:00:00+08:00' }), []);
          await r.applications.update(f.application('A3', 'CH3', 'AC2', { status: 'approved', confirmBy: '2024-07-17T00:00:00+08:00' }), []);
        });
        expect(await read((r) => r.applications.confirmDueBetween(['approved', 'lotteryWon'], '2024-07-15T00:00:00+08:00', '2024-07-16T00:00:01+08:00'))).toEqual(['A1']);
        expect(await read((r) => r.applications.confirmDueBetween(['approved'], '2024-07-15T00:00:00+08:00', '2024-07-16T00:00:00+08:00'))).toEqual([]);
      });

      test('unpushed lists oldest first until marked pushed; a rolled-back change leaves no message', async () => {
        await seedApps();
        const first = await tx((r) => r.messages.record({ kind: 'approved', key: '', at, items: [{ applicationId: 'A1' }, { applicationId: 'A2' }] }));
        expect((await read((r) => r.messages.unpushed(10))).map((m) => [m.id, m.pushWanted])).toEqual([[first[0], false], [first[1], false]]);
        // The owner's consent to the kind is read with them (one query for the push job).
        await tx((r) => r.pushConsents.put('AC1', ['approved', 'rejected'], at));
        expect(await read((r) => r.pushConsents.get('AC1'))).toEqual({ kinds: ['approved', 'rejected'], updatedAt: at });
        expect(await read((r) => r.pushConsents.get('AC2'))).toBeNull();
        expect((await read((r) => r.messages.unpushed(10))).map((m) => m.pushWanted)).toEqual([true, true]);
        await tx((r) => r.pushConsents.put('AC1', ['rejected'], at));
        expect((await read((r) => r.messages.unpushed(10))).map((m) => m.pushWanted)).toEqual([false, false]);
        await tx((r) => r.messages.markPushed([first[0]], at));
        expect((await read((r) => r.messages.unpushed(10))).map((m) => m.id)).toEqual([first[1]]);
        await expect(
          tx(async (r) => {
            await r.messages.record({ kind: 'rejected', key: '', at, items: [{ applicationId: 'A3' }] });
            throw new Error('the change failed');
          }),
        ).rejects.toThrow('the change failed');
        expect(await read((r) => r.messages.listByAccount('AC2', 10))).toEqual([]);
      });
    });

    describe('idempotency', () => {
      test('one record per (account, scope, key)', async () => {
        await seed(2);
        const rec = { accountId: 'AC1', scope: 'submit', key: 'k1', bodyHash: 'h1', resultId: 'A1', createdAt: '2024-06-10T10:00:00+08:00' };
        await tx((r) => r.idempotency.insert(rec));
        expect(await read((r) => r.idempotency.get('AC1', 'submit', 'k1'))).toEqual(rec);
        expect(await read((r) => r.idempotency.get('AC1', 'upload', 'k1'))).toBeNull();
        await expectViolation(tx((r) => r.idempotency.insert({ ...rec, bodyHash: 'other' })), 'idempotency');
        await tx(async (r) => {
          await r.idempotency.insert({ ...rec, scope: 'upload' });
          await r.idempotency.insert({ ...rec, accountId: 'AC2' });
        });
        expect(await read((r) => r.idempotency.get('AC1', 'submit', 'k1'))).toEqual(rec);
        await expectForeignKey(tx((r) => r.idempotency.insert({ ...rec, accountId: 'AC404' })));
      });
    });

    describe('lottery', () => {
      test('commitments by school and draw id, listed by school; update writes the draw', async () => {
        await tx(async (r) => {
          await r.lottery.insert(f.commitment('S-B', 'D2'));
          await r.lottery.insert(f.commitment('S-A', 'D1'));
        });
        expect(await read((r) => r.lottery.commitment('S-B'))).toEqual(f.commitment('S-B', 'D2'));
        expect(await read((r) => r.lottery.byDrawId('D1'))).toEqual(f.commitment('S-A', 'D1'));
        expect(await read((r) => r.lottery.commitment('S-C'))).toBeNull();
        expect(await read((r) => r.lottery.byDrawId('D9'))).toBeNull();
        expect((await read((r) => r.lottery.listCommitments())).map((c) => c.schoolId)).toEqual(['S-A', 'S-B']);
        const drawn = f.commitment('S-A', 'D1', { randomness: 'r', randomnessEntries: [{ staffId: 'ST1', value: 'r', at: '2024-06-20T10:00:00+08:00' }], seed: 'seed', order: ['p2', 'p1'], drawnAt: '2024-06-20T10:00:00+08:00' });
        await tx((r) => r.lottery.update(drawn));
        expect(await read((r) => r.lottery.commitment('S-A'))).toEqual(drawn);
      });
      test('a second commitment for a school or a draw id: unique', async () => {
        await tx((r) => r.lottery.insert(f.commitment('S-A', 'D1')));
        await expectViolation(tx((r) => r.lottery.insert(f.commitment('S-A', 'D2'))), 'unique');
        await expectViolation(tx((r) => r.lottery.insert(f.commitment('S-B', 'D1'))), 'unique');
      });
    });

    describe('jobs', () => {
      const job = (id: string, runAt: string, key = id) => ({ id, kind: 'expire', key, runAt, payload: { phase: 'confirm', n: 1 } });
      test('schedule once per (kind, key); list by run time then id; claim the due one; finish; next run; rewind', async () => {
        expect(await tx((r) => r.jobs.schedule(job('J2', '2024-06-25T17:00:00+08:00')))).toBe(true);
        expect(await tx((r) => r.jobs.schedule(job('J9', '2024-06-26T17:00:00+08:00', 'J2')))).toBe(false);
        await tx(async (r) => {
          // 09:00Z is 17:00+08:00: the same instant, ordered by id.
          await r.jobs.schedule(job('J1', '2024-06-25T09:00:00Z'));
          await r.jobs.schedule(job('J3', '2024-06-24T00:00:00+08:00'));
        });
        const list = await read((r) => r.jobs.list());
        expect(list.map((j) => j.id)).toEqual(['J3', 'J1', 'J2']);
        expect(list[0]).toEqual({ ...job('J3', '2024-06-24T00:00:00+08:00'), state: 'pending', attempts: 0, lastError: null, finishedAt: null });
        expect(await read((r) => r.jobs.nextRunAt())).toBe('2024-06-24T00:00:00+08:00');

        expect(await tx((r) => r.jobs.claimDue('2024-06-23T23:59:59+08:00'))).toBeNull();
        const claimed = await tx(async (r) => {
          const j = await r.jobs.claimDue('2024-06-25T17:00:00+08:00');
          await r.jobs.finish(j!.id, 'done', '2024-06-25T17:00:01+08:00');
          return j;
        });
        expect(claimed?.id).toBe('J3');
        await tx(async (r) => {
          const j = await r.jobs.claimDue('2024-06-25T17:00:00+08:00');
          expect(j?.id).toBe('J1');
          await r.jobs.finish(j!.id, 'pending', '2024-06-25T17:00:02+08:00', 'boom');
        });
        const after = await read((r) => r.jobs.list());
        expect(after[0]).toMatchObject({ id: 'J3', state: 'done', attempts: 1, lastError: null, finishedAt: '2024-06-25T17:00:01+08:00' });
        expect(after[1]).toMatchObject({ id: 'J1', state: 'pending', attempts: 1, lastError: 'boom', finishedAt: null });
        await tx((r) => r.jobs.finish('J1', 'failed', '2024-06-25T17:00:03+08:00', 'boom again'));
        expect((await read((r) => r.jobs.list()))[1]).toMatchObject({ id: 'J1', state: 'failed', attempts: 2, finishedAt: '2024-06-25T17:00:03+08:00' });
        expect(await read((r) => r.jobs.nextRunAt())).toBe('2024-06-25T17:00:00+08:00');
        expect((await tx((r) => r.jobs.claimDue('2024-06-30T00:00:00+08:00')))?.id).toBe('J2');

        // The clock moved back to before J1 and J3: they are pending again, from scratch.
        await tx((r) => r.jobs.rewind('2024-06-23T00:00:00+08:00'));
        const rewound = await read((r) => r.jobs.list());
        expect(rewound.map((j) => [j.id, j.state, j.attempts, j.lastError, j.finishedAt])).toEqual([
          ['J3', 'pending', 0, null, null],
          ['J1', 'pending', 0, null, null],
          ['J2', 'pending', 0, null, null],
        ]);
        await tx((r) => r.jobs.finish('J404', 'done', '2024-06-25T17:00:00+08:00'));
      });
      test('no pending job: nextRunAt is null', async () => {
        expect(await read((r) => r.jobs.nextRunAt())).toBeNull();
        expect(await read((r) => r.jobs.list())).toEqual([]);
      });
    });

    describe('audit', () => {
      test('appended, listed newest first, filtered by subject or actor, limited', async () => {
        await tx(async (r) => {
          await r.audit.append(f.audit(1));
          await r.audit.append(f.audit(2, { subjectId: 'A2' }));
          await r.audit.append(f.audit(3, { actorId: 'ST2', actorKind: 'system', beforeStatus: null, afterStatus: null, detail: {} }));
          await r.audit.append(f.audit(4));
        });
        expect((await read((r) => r.audit.list({ limit: 10 }))).map((a) => a.traceId)).toEqual(['t4', 't3', 't2', 't1']);
        expect((await read((r) => r.audit.list({ limit: 2 }))).map((a) => a.traceId)).toEqual(['t4', 't3']);
        expect((await read((r) => r.audit.list({ subjectId: 'A1', limit: 10 }))).map((a) => a.traceId)).toEqual(['t4', 't3', 't1']);
        expect((await read((r) => r.audit.list({ actorId: 'ST2', limit: 10 })))).toEqual([f.audit(3, { actorId: 'ST2', actorKind: 'system', beforeStatus: null, afterStatus: null, detail: {} })]);
        expect((await read((r) => r.audit.list({ subjectId: 'A1', actorId: 'ST1', limit: 1 })))).toEqual([f.audit(4)]);
      });
    });

    describe('staff', () => {
      test('round-trip by id and token hash, listed in issue order, revoked once', async () => {
        await tx(async (r) => {
          await r.staff.insert(f.staff('ST2'));
          await r.staff.insert(f.staff('ST1', { role: 'lotteryOperator', districtCode: null }));
        });
        expect(await read((r) => r.staff.get('ST1'))).toEqual(f.staff('ST1', { role: 'lotteryOperator', districtCode: null }));
        expect(await read((r) => r.staff.byTokenHash('hash-ST2'))).toEqual(f.staff('ST2'));
        expect(await read((r) => r.staff.byTokenHash('nope'))).toBeNull();
        expect(await read((r) => r.staff.get('ST9'))).toBeNull();
        expect((await read((r) => r.staff.list())).map((s) => s.id)).toEqual(['ST2', 'ST1']);
        await tx((r) => r.staff.revoke('ST2', '2024-06-02T10:00:00+08:00'));
        await tx((r) => r.staff.revoke('ST2', '2024-06-03T10:00:00+08:00'));
        await tx((r) => r.staff.revoke('ST404', '2024-06-03T10:00:00+08:00'));
        expect((await read((r) => r.staff.get('ST2')))?.revokedAt).toBe('2024-06-02T10:00:00+08:00');
      });
      test('the same id or token hash twice: unique', async () => {
        await tx((r) => r.staff.insert(f.staff('ST1')));
        await expectViolation(tx((r) => r.staff.insert(f.staff('ST1', { tokenHash: 'other' }))), 'unique');
        await expectViolation(tx((r) => r.staff.insert(f.staff('ST2', { tokenHash: 'hash-ST1' }))), 'unique');
      });
    });

    describe('settings', () => {
      test('named JSON values; sequences count from 1, each on its own', async () => {
        expect(await read((r) => r.settings.get('clock'))).toBeNull();
        await tx((r) => r.settings.put('clock', { now: '2024-06-10T10:00:00+08:00', frozen: true, list: [1, 'a', null] }));
        await tx((r) => r.settings.put('scenario', 'two-children'));
        await tx((r) => r.settings.put('clock', { now: '2024-06-11T10:00:00+08:00', frozen: false, list: [] }));
        expect(await read((r) => r.settings.get('clock'))).toEqual({ now: '2024-06-11T10:00:00+08:00', frozen: false, list: [] });
        expect(await read((r) => r.settings.get<string>('scenario'))).toBe('two-children');
        expect(await tx(async (r) => [await r.settings.next('seq:A'), await r.settings.next('seq:A'), await r.settings.next('seq:CH')])).toEqual([1, 2, 1]);
        expect(await tx((r) => r.settings.next('seq:A'))).toBe(3);
        expect(await read((r) => r.settings.get('seq:A'))).toBe(3);
      });
    });

    describe('transactions', () => {
      test('writes are kept only when the function resolves', async () => {
        await seed(1);
        await expect(
          tx(async (r) => {
            await r.accounts.insert(f.account(2));
            await r.settings.put('x', 1);
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        expect(await read((r) => r.accounts.get('AC2'))).toBeNull();
        expect(await read((r) => r.settings.get('x'))).toBeNull();
        expect(await read((r) => r.accounts.get('AC1'))).toEqual(f.account(1));
      });

      test('a call that fails fails the whole transaction, even when the caller caught it', async () => {
        await seed(1, 1);
        await tx((r) => r.applications.insert(f.application('A1', 'CH1', 'AC1'), []));
        const error = await rejection(
          tx(async (r) => {
            await r.settings.put('before', true);
            try {
              await r.applications.insert(f.application('A2', 'CH1', 'AC1'), []);
            } catch {
              // ignored by the caller: the transaction still fails
            }
            return 'resolved';
          }),
        );
        expect(error).toBeInstanceOf(ConstraintViolation);
        expect((error as ConstraintViolation).constraint).toBe('live_application');
        expect(await read((r) => r.settings.get('before'))).toBeNull();
        expect(await read((r) => r.applications.get('A2'))).toBeNull();
      });

      test('the value the function resolves with is returned', async () => {
        expect(await tx(async () => ({ ok: 1 }))).toEqual({ ok: 1 });
        expect(await read(async () => 'r')).toBe('r');
      });

      test('a read never sees a transaction\'s uncommitted writes', async () => {
        const gate = deferred();
        let bodyDone = false;
        const writing = tx(async (r) => {
          await r.settings.put('dirty', 'yes');
          // Wait for the read (an engine may run it after the transaction instead: then only briefly).
          await Promise.race([gate.promise, new Promise((resolve) => setTimeout(resolve, 300))]);
          bodyDone = true;
        });
        const reading = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const value = await read((r) => r.settings.get('dirty'));
          const whileOpen = !bodyDone;
          gate.resolve();
          return { value, whileOpen };
        })();
        const [seen] = await Promise.all([reading, writing]);
        // Read while the transaction was still open: it must not see the write.
        if (seen.whileOpen) expect(seen.value).toBeNull();
        else expect([null, 'yes']).toContain(seen.value);
        expect(await read((r) => r.settings.get('dirty'))).toBe('yes');
      });

      test('reset empties every table', async () => {
        await seed(1, 1);
        await tx(async (r) => {
          await r.guardianships.insert(f.guardianship('CH1', 'AC1'));
          await r.applications.insert(f.application('A1', 'CH1', 'AC1'), [f.history('submitted')]);
          await r.audit.append(f.audit(1));
          await r.settings.next('seq:A');
          await r.jobs.schedule({ id: 'J1', kind: 'k', key: 'k', runAt: '2024-06-10T10:00:00+08:00', payload: {} });
          await r.staff.insert(f.staff('ST1'));
        });
        await store().reset();
        expect(await read((r) => r.accounts.get('AC1'))).toBeNull();
        expect(await read((r) => r.children.listAll(10))).toEqual([]);
        expect(await read((r) => r.applications.listAll(10))).toEqual([]);
        expect(await read((r) => r.applications.history('A1'))).toEqual([]);
        expect(await read((r) => r.audit.list({ limit: 10 }))).toEqual([]);
        expect(await read((r) => r.jobs.list())).toEqual([]);
        expect(await read((r) => r.staff.list())).toEqual([]);
        expect(await tx((r) => r.settings.next('seq:A'))).toBe(1);
      });
    });

    describe('concurrent transactions', () => {
      const createLive = (id: string) =>
        tx(async (r) => {
          await r.children.lock('CH1');
          const live = (await r.applications.listByChild('CH1')).filter((a) => liveStatuses.has(a.status));
          // Let the other transaction run up to its lock meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 30));
          if (live.length > 0) throw new Error('already live');
          await r.applications.insert(f.application(id, 'CH1', 'AC1'), [f.history('submitted')]);
          return id;
        });

      test('two "create a live application" for one child, checked under the child lock: exactly one succeeds', async () => {
        await seed(1, 1);
        const results = await Promise.allSettled([createLive('A1'), createLive('A2')]);
        const ok = results.filter((r) => r.status === 'fulfilled');
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(ok).toHaveLength(1);
        expect(failed).toHaveLength(1);
        // The loser saw the winner (it waited for the lock), not a constraint error.
        expect((failed[0].reason as Error).message).toBe('already live');
        const apps = await read((r) => r.applications.listByChild('CH1'));
        expect(apps).toHaveLength(1);
        expect(await read((r) => r.applications.history(apps[0].id))).toHaveLength(1);
      });

      test('two live inserts for one child without a lock: the unique index lets exactly one in', async () => {
        await seed(1, 1);
        const insert = (id: string) =>
          tx(async (r) => {
            await r.applications.insert(f.application(id, 'CH1', 'AC1', { status: id === 'A1' ? 'submitted' : 'privateRegistered' }), []);
            await new Promise((resolve) => setTimeout(resolve, 30));
          });
        const results = await Promise.allSettled([insert('A1'), insert('A2')]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect(failed.reason).toBeInstanceOf(ConstraintViolation);
        expect((failed.reason as ConstraintViolation).constraint).toBe('live_application');
        expect(await read((r) => r.applications.countLivePerChildOverOne(LIVE))).toBe(0);
      });

      test('sequences handed out by parallel transactions are distinct', async () => {
        const n = await Promise.all(Array.from({ length: 8 }, () => tx((r) => r.settings.next('seq:P'))));
        expect([...n].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      });

      test('parallel idempotent inserts of one key: one record, the other idempotency', async () => {
        await seed(1);
        const rec = (resultId: string) => ({ accountId: 'AC1', scope: 'submit', key: 'k', bodyHash: 'h', resultId, createdAt: '2024-06-10T10:00:00+08:00' });
        const results = await Promise.allSettled(['A1', 'A2'].map((id) => tx((r) => r.idempotency.insert(rec(id)))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect((failed.reason as ConstraintViolation).constraint).toBe('idempotency');
      });
    });
  });
}
