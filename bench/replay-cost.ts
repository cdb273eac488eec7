/**
 * The replay alone, in-process: a folder's migrations are read once, then their
 * operations are replayed into a fresh schema model, timed over several rounds.
 * Run by `npm run bench` (scenario `replay`) in a process of its own; prints JSON.
 *
 *   node dist/bench/replay-cost.js FOLDER ROUNDS
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, defaultLintOptions, isSkipped, prepareLinting } from '../src/lint';
import type { Operation } from '../src/model/operations';
import { sortMigrations } from '../src/schema/order';
import { SchemaReplay } from '../src/schema/replay';

async function main(): Promise<void> {
  const [folder, rounds = '10'] = process.argv.slice(2);
  await prepareLinting();
  const files = sortMigrations(fs.readdirSync(folder).map((name) => path.join(folder, name)));
  const migrations: Array<{ name: string; operations: Operation[] }> = [];
  for (const file of files) {
    const analysis = analyzeText(fs.readFileSync(file, 'utf8'), file, defaultLintOptions());
    if (!isSkipped(analysis)) migrations.push({ name: file, operations: analysis.analyzed.operations });
  }
  const times: number[] = [];
  let operations = 0;
  let notModelled = 0;
  for (let round = 0; round < Number(rounds); round++) {
    const started = process.hrtime.bigint();
    const replay = new SchemaReplay();
    for (const migration of migrations) replay.applyFile({ name: migration.name, isNew: false }, migration.operations);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    operations = migrations.reduce((sum, migration) => sum + migration.operations.length, 0);
    notModelled = replay.notModelledCount;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ files: migrations.length, operations, notModelled, seconds: times[Math.floor(times.length / 2)] }));
}

void main();
