/* eslint-disable no-console -- a command-line tool: the token and the list are its output */
/**
 * npm run staff -- <command>: staff tokens for the staff API, on the configured database
 * (DATABASE_URL, else the embedded PGlite under DATA_DIR, as the server uses).
 *   issue --role reviewer --district 500112 --name 张审核     prints the token once (only its hash is kept)
 *   issue --role lotteryOperator --name 李摇号
 *   list                                                     id, role, district, issued, revoked
 *   revoke --id ST00001
 */
import { parseArgs } from 'node:util';
import { composeServer } from '../server/compose';
import { createFileReportKeys } from '../server/adapters/keys/file';
import { openStore } from '../server/adapters/sql/open';
import { loadConfig } from '../server/node/config';
import { issueStaffToken } from '../server/usecases/staff';
import { StaffRoleSchema } from '../types/staff';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, district: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
  });
  const config = loadConfig();
  const opened = await openStore({ databaseUrl: config.databaseUrl ?? undefined, dataDir: `${config.dataDir}/pglite` });
  try {
    const now = new Date().toISOString();
    switch (positionals[0]) {
      case 'issue': {
        const role = StaffRoleSchema.safeParse(values.role);
        if (!role.success) throw new Error('--role must be reviewer or lotteryOperator');
        if (!values.name) throw new Error('--name is required (who the token is for, as the audit log will show)');
        // The server's deps (reference data, CSPRNG) without starting it: outside adapters are not needed here.
        const { deps } = await composeServer({ store: opened.store, reportKeys: createFileReportKeys({ dir: config.keysDir, production: false }), development: true });
        const issued = await issueStaffToken(deps, { name: values.name, role: role.data, districtCode: values.district ?? null }, now);
        console.warn(`issued ${issued.id} (${role.data}${values.district ? `, district ${values.district}` : ''}). The token, shown once:`);
        console.log(issued.token);
        break;
      }
      case 'list': {
        const staff = await opened.store.read((repos) => repos.staff.list());
        for (const s of staff) console.log([s.id, s.role, s.districtCode ?? '-', s.name, s.createdAt, s.revokedAt ? `revoked ${s.revokedAt}` : 'active'].join('\t'));
        break;
      }
      case 'revoke': {
        if (!values.id) throw new Error('--id is required');
        await opened.store.transaction(async (repos) => {
          if (!(await repos.staff.get(values.id!))) throw new Error(`no staff ${values.id}`);
          await repos.staff.revoke(values.id!, now);
          await repos.audit.append({ at: now, actorKind: 'system', actorId: 'staff-cli', action: 'staff.revoke', subjectKind: 'staff', subjectId: values.id!, beforeStatus: null, afterStatus: null, detail: {}, traceId: 'cli' });
        });
        console.warn(`revoked ${values.id}`);
        break;
      }
      default:
        throw new Error('usage: npm run staff -- issue|list|revoke [--role reviewer|lotteryOperator] [--district 500112] [--name 张三] [--id ST00001]');
    }
  } finally {
    await opened.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
