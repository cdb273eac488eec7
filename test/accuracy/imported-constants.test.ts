import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareLinting } from '../../src/lint';
import { runCli, tempProject } from '../cli/run-cli';
import { keys, lintFile } from './lint-file';

beforeAll(prepareLinting);

/** Infisical's layout: migrations import their table names from a schemas module that re-exports an enum. */
const SCHEMAS = {
  'backend/src/db/schemas/index.ts': 'export * from "./models";\nexport * from "./users";\n',
  'backend/src/db/schemas/models.ts':
    'import { z } from "zod";\n\nexport enum TableName {\n  Users = "users",\n  SecretApprovalRequest = "secret_approval_requests",\n  SecretScanningFinding = "secret_scanning_findings"\n}\n\nexport type TImmutableDBKeys = "id" | "createdAt" | "updatedAt";\n\nexport const UserDeviceSchema = z.object({ ip: z.string() });\n',
  'backend/src/db/schemas/users.ts': 'export const UsersSchema = {};\n',
};

const MIGRATION = `import { Knex } from "knex";

import { TableName } from "../schemas";

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout = '2s'");
  const hasColumn = await knex.schema.hasColumn(TableName.SecretApprovalRequest, "bypassReason");
  if (!hasColumn) {
    await knex.schema.table(TableName.SecretApprovalRequest, (table) => {
      table.string("bypassReason").notNullable();
    });
  }
  await knex.raw(\`CREATE INDEX secret_scanning_findings_fingerprint_idx ON \${TableName.SecretScanningFinding} (fingerprint)\`);
}

export async function down(knex: Knex): Promise<void> {}
`;

describe("constants imported from the project's own modules", () => {
  test('an enum a module re-exports (export * from) gives the table names (infisical)', () => {
    const root = tempProject(SCHEMAS);
    const result = lintFile(MIGRATION, path.join(root, 'backend/src/db/migrations/20240102000000_bypass-reason.ts'));
    expect(keys(result)).toEqual(['adding-required-field@10:7', 'require-concurrent-index-creation@13:19']);
    expect(result.findings[0].message).toContain('"secret_approval_requests"."bypassReason"');
    expect(result.findings[1].message).toContain('on "secret_scanning_findings"');
  });

  test('a const object (as const), re-exported by name and renamed on import, and a same-file enum', () => {
    const root = tempProject({
      'src/db/tables.js': 'const PREFIX = "app_";\nexport const TABLES = { users: `${PREFIX}users` };\n',
      'src/db/index.ts': 'export { TABLES as Tables } from "./tables.js";\n',
    });
    const source = `import type { Knex } from "knex";
import { Tables as T } from "./../db";

enum Column {
  Legacy = "legacy_email",
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.schema.alterTable(T.users, (table) => table.dropColumn(Column.Legacy));
}
`;
    const result = lintFile(source, path.join(root, 'src/migrations/20240103000000_legacy.ts'));
    expect(keys(result)).toEqual(['ban-drop-column@10:52']);
    expect(result.findings[0].message).toContain('"legacy_email"');
    expect(result.findings[0].message).toContain('"app_users"');
  });

  test("an import through the tsconfig's paths alias (@app/*), and CommonJS require and exports", () => {
    const root = tempProject({
      ...Object.fromEntries(Object.entries(SCHEMAS).map(([name, text]) => [name, text])),
      'backend/package.json': '{ "name": "backend" }\n',
      'backend/tsconfig.json': '{\n  // path aliases\n  "compilerOptions": {\n    "baseUrl": ".",\n    "paths": { "@app/*": ["./src/*"] },\n  },\n}\n',
      'backend/src/db/tables.js': 'exports.LEGACY = "legacy_tokens";\nmodule.exports.Columns = { note: "note" };\n',
    });
    const aliased = MIGRATION.replace('"../schemas"', '"@app/db/schemas"');
    expect(keys(lintFile(aliased, path.join(root, 'backend/src/db/migrations/20240102000000_bypass-reason.ts')))).toEqual(['adding-required-field@10:7', 'require-concurrent-index-creation@13:19']);
    const commonJs = `const { LEGACY, Columns } = require("../tables");

exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.schema.dropTable(LEGACY);
  await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['users', Columns.note]);
};
`;
    const result = lintFile(commonJs, path.join(root, 'backend/src/db/migrations/20240104000000_legacy.js'));
    expect(keys(result)).toEqual(['ban-drop-table@5:21', 'ban-drop-column@6:19']);
    expect(result.findings.map((finding) => finding.message).join('\n')).toMatch(/"legacy_tokens"[\s\S]*"users"\."note"/);
  });

  test('an identifier binding whose value is not known is named after its expression and known only at run time', () => {
    const source = `exports.up = async (knex) => {
  await knex.raw("SET lock_timeout = '2s'");
  await knex.raw('ALTER TABLE ?? ALTER COLUMN "requestId" DROP NOT NULL', [TableName.Missing]);
};
`;
    const result = lintFile(source, 'migrations/20240105000000_requests.js');
    // No unknown-object for a name only the run knows, and the message names the expression, not binding_1.
    expect(keys(result)).toEqual(['ban-drop-not-null@3:19']);
    expect(result.findings[0].message).toContain('"TableName_Missing"."requestId"');
  });

  test("a helper imported from the project's utils is followed in its own module, and reported at the call (infisical)", () => {
    const root = tempProject({
      ...SCHEMAS,
      'backend/src/db/utils.ts': `import { Knex } from "knex";

import { TableName } from "./schemas";

export const createOnUpdateTrigger = async (knex: Knex, tableName: string) => {
  try {
    await knex.raw(\`
      CREATE TRIGGER "\${tableName}_updatedAt"
      BEFORE UPDATE ON \${tableName}
      FOR EACH ROW
      EXECUTE PROCEDURE on_update_timestamp();
    \`);
  } catch (error) {
    console.log(error);
  }
};

export async function addAuditColumns(knex: Knex, tableName: string) {
  await knex.schema.alterTable(tableName, (t) => {
    t.string("createdBy").notNullable();
  });
  await knex.schema.alterTable(TableName.Users, (t) => t.index(["email"]));
}

export const brokenHelper = async (knex: Knex) => knex.raw("ALTER TABLE users ADD COLUMN");
`,
    });
    const source = `import { Knex } from "knex";

import { TableName } from "../schemas";
import { addAuditColumns, brokenHelper, createOnUpdateTrigger } from "../utils";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("user_secrets", (t) => {
    t.uuid("id").primary();
  });
  await createOnUpdateTrigger(knex, "user_secrets");
  await createOnUpdateTrigger(knex, TableName.Users);
  await addAuditColumns(knex, TableName.SecretApprovalRequest);
  await brokenHelper(knex);
}
`;
    const result = lintFile(source, path.join(root, 'backend/src/db/migrations/20240103000000_users-trigger.ts'));
    // The trigger on the table made just before locks nothing that exists; the one on users waits for its lock.
    expect(result.findings.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`)).toEqual([
      'require-lock-timeout@11:9',
      'adding-required-field@12:9',
      'require-concurrent-index-creation@12:9',
      'syntax-error@13:9',
    ]);
    expect(result.findings[0].message).toContain('on "users"');
    expect(result.findings[0].message).toContain('(and 2 more in this file)');
    expect(result.findings[2].message).toContain('on "users"');
    expect(result.findings[3].message).toMatch(/^In `brokenHelper\(knex\)` \(utils\.ts\): /);
  });

  test('an import that does not resolve to a static value is still reported as not analysed', () => {
    const root = tempProject({ 'backend/src/db/schemas/index.ts': 'export const TableName = loadTableNames();\n' });
    const result = lintFile(MIGRATION, path.join(root, 'backend/src/db/migrations/20240102000000_bypass-reason.ts'));
    // As without the import: the table() call is not checked, and the index is on a table whose name is not known.
    expect(keys(result)).toEqual(['unanalyzed-code@9:29', 'require-concurrent-index-creation@13:19']);
  });

  test('--cache keeps a result with the modules it read, and lints the file again when one of them changes', async () => {
    const root = tempProject({ ...SCHEMAS, 'backend/src/db/migrations/20240102000000_bypass-reason.ts': MIGRATION });
    const cacheLocation = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cache-')), 'cache');
    // Paths are resolved as the process resolves them: the run is in the process's own folder.
    const args = [path.join(root, 'backend/src/db/migrations'), '--format', 'compact', '--cache', '--cache-location', cacheLocation];
    const first = await runCli(args, { cwd: process.cwd() });
    expect(first.stdout).toContain('on "secret_scanning_findings"');
    const models = path.join(root, SCHEMAS_MODELS);
    const cached = fs.readFileSync(cacheLocation, 'utf8');
    expect(cached).toContain(JSON.stringify(models));
    expect((await runCli(args, { cwd: process.cwd() })).stdout).toBe(first.stdout);
    fs.writeFileSync(models, fs.readFileSync(models, 'utf8').replace('"secret_scanning_findings"', '"scanning_findings"'));
    const changed = await runCli(args, { cwd: process.cwd() });
    expect(changed.stdout).toContain('on "scanning_findings"');
    expect(changed.stdout).not.toContain('on "secret_scanning_findings"');
  });
});

const SCHEMAS_MODELS = 'backend/src/db/schemas/models.ts';
