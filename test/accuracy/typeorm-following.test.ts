import { prepareLinting } from '../../src/lint';
import { keys, lintFile } from './lint-file';

beforeAll(prepareLinting);

describe('TypeScript wrappers around constants are read through', () => {
  test('transaction = false as const: the migration runs outside a transaction (CONCURRENTLY is fine)', () => {
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNoteIndex1700000000200 implements MigrationInterface {
  name = 'AddNoteIndex1700000000200';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_note_userId" ON "note" ("userId")\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    expect(keys(lintFile(source, 'packages/backend/migration/1700000000200-AddNoteIndex.ts'))).toEqual([]);
  });

  test('class fields, satisfies, !, <T>x and parentheses around table names', () => {
    const source = `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const TABLES = { users: 'user' } satisfies Record<string, string>;

export class DropLegacy1700000000300 implements MigrationInterface {
  private readonly table = 'note' as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SET lock_timeout = '2s'");
    await queryRunner.dropColumn(this.table, 'legacyText');
    await queryRunner.dropColumn(TABLES.users!, 'legacyName');
    await queryRunner.dropColumn(<string>('user'), 'legacyEmail');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    const result = lintFile(source, 'src/migrations/1700000000300-DropLegacy.ts');
    expect(keys(result)).toEqual(['ban-drop-column@10:23', 'ban-drop-column@11:23', 'ban-drop-column@12:23']);
    expect(result.findings.map((finding) => finding.message.match(/"(\w+)"\."(\w+)"/)?.slice(1).join('.'))).toEqual([
      'note.legacyText',
      'user.legacyName',
      'user.legacyEmail',
    ]);
  });
});

describe('a loop of data queries is not a schema change (misskey)', () => {
  test('createQueryBuilder().update() in an indexed loop over query results: no warning', () => {
    const source = `export class convertHardMutes1644010796173 {
    name = 'convertHardMutes1644010796173'

    async up(queryRunner) {
        let entries = await queryRunner.query(\`SELECT "userId", "mutedWords" FROM "user_profile" WHERE "userHost" IS NULL\`);
        for (let i = 0; i < entries.length; i++) {
            const words = entries[i].mutedWords.filter((line) => line !== '');
            await queryRunner.connection.createQueryBuilder()
                .update('user_profile')
                .set({ mutedWords: words })
                .where('userId = :id', { id: entries[i].userId })
                .execute();
        }
    }

    async down(queryRunner) {}
}
`;
    expect(keys(lintFile(source, 'packages/backend/migration/1644010796173-convert-hard-mutes.js'))).toEqual([]);
  });
});

describe('values TypeORM sends that are not known statically (grist)', () => {
  test("an added column's default read from a module that cannot be resolved is unanalyzed code, not a default said to rewrite the table", () => {
    const source = `import * as sqlUtils from "app/gen-server/sqlUtils";
import { nativeValues } from "app/gen-server/lib/values";

import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class GroupUsersCreatedAt1749454162428 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<any> {
    const dbType = queryRunner.connection.driver.options.type;
    const datetime = sqlUtils.datetime(dbType);
    const now = sqlUtils.now(dbType);
    await queryRunner.addColumn("group_users", new TableColumn({
      name: "created_at",
      type: datetime,
      default: now,
      isNullable: true,
    }));
    await queryRunner.addColumn("users", new TableColumn({
      name: "is_first_time_user",
      type: nativeValues.booleanType,
      default: nativeValues.falseValue,
    }));
    await queryRunner.addColumn("users", new TableColumn({ name: "token", type: "uuid", isNullable: true, default: "gen_random_uuid()" }));
  }

  public async down(queryRunner: QueryRunner): Promise<any> {
    await queryRunner.dropColumn("group_users", "created_at");
  }
}
`;
    const result = lintFile(source, 'app/gen-server/migration/1749454162428-GroupUsersCreatedAt.ts');
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
      'require-lock-timeout@11:23',
      'unanalyzed-code@14:16',
      'unanalyzed-code@20:16',
      'adding-field-with-default@22:23',
    ]);
    expect(result.findings[1].message).toBe('The default of column "created_at", `now`, is not known statically; whether adding it rewrites the table was not checked.');
  });
});

describe('run-time guards (TypeORM)', () => {
  test('a table created under a hasTable guard is new for the rest of that branch only', () => {
    const source = `import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class AddWebhooks1700000000300 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable('webhooks'))) {
      await queryRunner.createTable(new Table({ name: 'webhooks', columns: [{ name: 'id', type: 'uuid', isPrimary: true }, { name: 'url', type: 'text' }] }));
      await queryRunner.query(\`ALTER TABLE "webhooks" ADD "secret" text NOT NULL\`);
      await queryRunner.query(\`CREATE INDEX "IDX_webhooks_url" ON "webhooks" ("url")\`);
    }
    await queryRunner.query(\`ALTER TABLE "webhooks" ADD "events" text NOT NULL\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    const result = lintFile(source, 'src/migrations/1700000000300-AddWebhooks.ts');
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['adding-required-field@10:30', 'require-lock-timeout@10:30']);
  });
});

describe('code for other databases (TypeORM)', () => {
  test('queryRunner.connection.options.type: the postgres branch runs unconditionally', () => {
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFlowIndex1700000000400 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(\`CREATE INDEX "IDX_chat_flow_name" ON "chat_flow" ("name")\`);
    } else {
      await queryRunner.query('ALTER TABLE \`chat_flow\` ADD INDEX \`IDX_chat_flow_name\` (\`name\`)');
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    expect(keys(lintFile(source, 'src/database/migrations/1700000000400-AddFlowIndex.ts'))).toEqual(['require-concurrent-index-creation@6:32']);
  });

  const dailyPlan = (postgresCase: string) => `import { MigrationInterface, QueryRunner } from 'typeorm';
import { DatabaseTypeEnum } from '@gauzy/config';

export class CreateDailyPlan1714185928435 implements MigrationInterface {
\tpublic async up(queryRunner: QueryRunner): Promise<void> {
\t\tswitch (queryRunner.connection.options.type) {
\t\t\tcase DatabaseTypeEnum.sqlite:
\t\t\tcase DatabaseTypeEnum.betterSqlite3:
\t\t\t\tawait queryRunner.query(\`DROP INDEX "IDX_daily_plan_tenant"\`);
\t\t\t\tbreak;
\t\t\tcase ${postgresCase}:
\t\t\t\tawait queryRunner.query(\`CREATE INDEX "IDX_daily_plan_organization" ON "daily_plan" ("organizationId")\`);
\t\t\t\tbreak;
\t\t\tcase DatabaseTypeEnum.mysql:
\t\t\t\tawait queryRunner.query('ALTER TABLE \`daily_plan\` DROP COLUMN \`legacy\`');
\t\t\t\tbreak;
\t\t\tdefault:
\t\t\t\tthrow Error(\`Unsupported database: \${queryRunner.connection.options.type}\`);
\t\t}
\t}

\tpublic async down(queryRunner: QueryRunner): Promise<void> {}
}
`;

  test('a switch whose cases are members of an imported enum named after databases runs the PostgreSQL case (ever-gauzy)', () => {
    expect(keys(lintFile(dailyPlan('DatabaseTypeEnum.postgres'), 'src/database/migrations/1714185928435-CreateDailyPlan.ts'))).toEqual(['require-concurrent-index-creation@12:30']);
  });

  test('a switch on the database with a case whose value is not known is read whole, not as its default', () => {
    // SUPPORTED.primary may be PostgreSQL: every case is read, as in a switch on anything else (MySQL's backquotes are not SQL PostgreSQL reads).
    expect(keys(lintFile(dailyPlan('SUPPORTED.primary'), 'src/database/migrations/1714185928435-CreateDailyPlan.ts'))).toEqual([
      'require-concurrent-index-deletion@9:30',
      'require-concurrent-index-creation@12:30',
      'unanalyzed-code@15:29',
    ]);
  });
});

describe("n8n's migration context", () => {
  test('up({ queryRunner, tablePrefix }): the query runner is found, the prefix is empty, isMysql branches are left out', () => {
    const source = `import type { MigrationContext, ReversibleMigration } from '../migration-types';

export class AddStatusToExecutions1693491613982 implements ReversibleMigration {
\tasync up({ queryRunner, tablePrefix, isMysql }: MigrationContext) {
\t\tif (isMysql) {
\t\t\tawait queryRunner.query(\`ALTER TABLE \\\`\${tablePrefix}execution_entity\\\` ADD COLUMN status varchar(255)\`);
\t\t\treturn;
\t\t}
\t\tawait queryRunner.query(\`ALTER TABLE \${tablePrefix}execution_entity ADD COLUMN status varchar(255) NOT NULL\`);
\t}

\tasync down({ queryRunner, tablePrefix }: MigrationContext) {}
}
`;
    const result = lintFile(source, 'packages/@n8n/db/src/migrations/common/1693491613982-AddStatusToExecutions.ts');
    expect(keys(result)).toEqual(['adding-required-field@9:28']);
    expect(result.findings[0].message).toContain('"execution_entity"."status"');
  });

  test('runQuery and escape from the context; the schema builder is read as the QueryRunner calls it makes', () => {
    const source = `import type { MigrationContext, ReversibleMigration } from '../migration-types';

export class AddWorkflowDescription1762177736257 implements ReversibleMigration {
\tasync up({ escape, runQuery, schemaBuilder: { addColumns, column } }: MigrationContext) {
\t\tconst table = escape.tableName('workflow_entity');
\t\tawait runQuery(\`ALTER TABLE \${table} DROP COLUMN \${escape.columnName('legacyDescription')}\`);
\t\tawait addColumns('workflow_entity', [column('description').text.notNull]);
\t}

\tasync down() {}
}
`;
    const result = lintFile(source, 'packages/@n8n/db/src/migrations/common/1762177736257-AddWorkflowDescription.ts');
    expect(keys(result)).toEqual(['ban-drop-column@6:19', 'adding-required-field@7:9']);
    expect(result.findings[0].message).toContain('"workflow_entity"."legacyDescription"');
    expect(result.findings[2].message).toContain('"workflow_entity"."description"');
  });

  test('createTable(…).withColumns(…).withIndexOn(…) is a new table; a builder call with values not known is reported', () => {
    const source = `import type { MigrationContext, ReversibleMigration } from '../migration-types';

export class CreateTestRun1732549866705 implements ReversibleMigration {
\tasync up({ schemaBuilder: { createTable, addForeignKey, column }, tablePrefix }: MigrationContext) {
\t\tawait createTable('test_run')
\t\t\t.withColumns(column('id').varchar(36).primary.notNull, column('testDefinitionId').varchar(36).notNull)
\t\t\t.withIndexOn('testDefinitionId')
\t\t\t.withForeignKey('testDefinitionId', { tableName: 'test_definition', columnName: 'id' }).withTimestamps;
\t\tawait addForeignKey('workflow_entity', 'testRunId', ['test_run', 'id']);
\t\tawait addForeignKey(process.env.TABLE, 'testRunId', ['test_run', 'id']);
\t}
}
`;
    const result = lintFile(source, 'packages/@n8n/db/src/migrations/common/1732549866705-CreateTestRun.ts');
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual([
      'require-lock-timeout@5:9',
      'adding-foreign-key-constraint@9:9',
      'unanalyzed-code@10:9',
    ]);
    expect(result.findings[0].message).toContain('"test_definition"');
  });

  test('up(context) with the context taken apart later, and class methods handed it', () => {
    const source = `import type { MigrationContext, IrreversibleMigration } from '../migration-types';

export class MigrateTestDefinitionKeyToString1731582748663 implements IrreversibleMigration {
\tasync up(context: MigrationContext) {
\t\tawait this.renameKey('test_definition', context);
\t}

\tprivate async renameKey(table: string, { queryRunner, tablePrefix }: MigrationContext) {
\t\tawait queryRunner.query(\`ALTER TABLE \${tablePrefix}\${table} RENAME COLUMN id to tmp_id;\`);
\t}
}
`;
    const result = lintFile(source, 'packages/@n8n/db/src/migrations/postgresdb/1731582748663-MigrateTestDefinitionKeyToString.ts');
    expect(keys(result)).toEqual(['renaming-column@5:9']);
  });

  test('a migration class that extends another one, without an up() of its own, is reported', () => {
    const source = "import { AddNodeIds1658930531669 } from '../common/1658930531669-AddNodeIds';\n\nexport class AddNodeIds1658932090381 extends AddNodeIds1658930531669 {}\n";
    const result = lintFile(source, 'packages/@n8n/db/src/migrations/postgresdb/1658932090381-AddNodeIds.ts');
    expect(keys(result)).toEqual(['unanalyzed-code@3:1']);
  });
});

describe('ignore comments on a whole TypeORM statement', () => {
  test('the comment above a multi-line queryRunner call covers the SQL inside it', () => {
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropAvatar1700000000500 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SET lock_timeout = '2s'");
    // migralint-ignore ban-drop-column -- avatars moved to the drive in v12
    await queryRunner.query(
      \`ALTER TABLE "user" DROP COLUMN "avatarUrl", DROP COLUMN "bannerUrl"\`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;
    expect(keys(lintFile(source, 'src/migrations/1700000000500-DropAvatar.ts'))).toEqual([]);
  });
});
