import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProject } from '../cli/run-cli';

const BIN = path.join(__dirname, '..', '..', 'bin', 'migralint');

/**
 * Migration code is parsed, never run: a migration whose top-level code,
 * constructor or up() would write a file and exit the process is linted, and
 * nothing happens. Lint mode writes nothing but -o and the cache.
 */
test('linting migrations whose code would write a file and exit runs none of it', () => {
  const cwd = tempProject({});
  const marker = path.join(cwd, 'executed');
  const sideEffect = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); process.exit(42);`;
  fs.mkdirSync(path.join(cwd, 'migrations'));
  fs.writeFileSync(path.join(cwd, 'migrations', '001_knex.js'), `${sideEffect}\nexports.up = async (knex) => { ${sideEffect} await knex.schema.dropTable('t'); };\n`);
  fs.writeFileSync(
    path.join(cwd, 'migrations', '1700000000000-TypeOrm.ts'),
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n${sideEffect}\nexport class M1700000000000 implements MigrationInterface {\n  constructor() { ${sideEffect} }\n  async up(queryRunner: QueryRunner) { ${sideEffect} await queryRunner.query('DROP TABLE u'); }\n}\n`,
  );
  fs.writeFileSync(path.join(cwd, 'knexfile.js'), sideEffect);
  const before = fs.readdirSync(cwd).sort();

  const run = spawnSync(process.execPath, [BIN, 'migrations', '--format', 'compact'], { cwd, encoding: 'utf8' });

  expect(fs.existsSync(marker)).toBe(false);
  expect(run.status).toBe(1); // findings, not 42
  expect(run.stdout).toContain('migrations/001_knex.js:2:');
  expect(run.stdout).toContain('error ban-drop-table Dropping table "t"');
  expect(run.stdout).toContain('error ban-drop-table Dropping table "u"');
  expect(fs.readdirSync(cwd).sort()).toEqual(before); // nothing written
});
