"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/engine/rule.ts
function defineRule(rule) {
  return rule;
}
function findingHelp(meta, context) {
  return meta.helpFor?.(context) ?? meta.help;
}
function docsFor(ruleId) {
  let text = docs.get(ruleId);
  if (text === void 0) {
    text = `migralint explain ${ruleId}`;
    docs.set(ruleId, text);
  }
  return text;
}
var docs;
var init_rule = __esm({
  "src/engine/rule.ts"() {
    "use strict";
    docs = /* @__PURE__ */ new Map();
  }
});

// src/model/locks.ts
function blockedBy(mode) {
  return BLOCKED[mode];
}
function blocksApplication(mode) {
  const blocked = BLOCKED[mode];
  return blocked === "reads and writes" || blocked === "writes";
}
function isLockMode(text) {
  return LOCK_MODES.includes(text);
}
function strongerMode(a, b) {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
var LOCK_MODES, BLOCKED;
var init_locks = __esm({
  "src/model/locks.ts"() {
    "use strict";
    LOCK_MODES = [
      "AccessShareLock",
      "RowShareLock",
      "RowExclusiveLock",
      "ShareUpdateExclusiveLock",
      "ShareLock",
      "ShareRowExclusiveLock",
      "ExclusiveLock",
      "AccessExclusiveLock"
    ];
    BLOCKED = {
      AccessShareLock: "nothing",
      RowShareLock: "nothing",
      RowExclusiveLock: "nothing",
      ShareUpdateExclusiveLock: "schema changes",
      ShareLock: "writes",
      ShareRowExclusiveLock: "writes",
      ExclusiveLock: "writes",
      AccessExclusiveLock: "reads and writes"
    };
  }
});

// src/model/operations.ts
function qualifiedName(table) {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}
var init_operations = __esm({
  "src/model/operations.ts"() {
    "use strict";
  }
});

// src/engine/finding-lock.ts
function claimsFor(claims, operation) {
  return claims.filter(
    (claim) => (!claim.operations || claim.operations.includes(operation.kind)) && (!claim.constraints || operation.kind === "addConstraint" && claim.constraints.includes(operation.constraint.kind))
  );
}
function findingLock(claims, operation, subject) {
  if (!claims || !operation) return void 0;
  for (const claim of claimsFor(claims, operation)) {
    const relations = claim.on.map((on) => on === "table" && operation.kind === "dropIndex" ? subject?.table : relationName(operation, on));
    const relation = subject?.table !== void 0 && relations.includes(subject.table) ? subject.table : relations.find((name) => name !== void 0);
    if (relation === void 0) continue;
    const lock = { mode: claim.mode, relation, blocks: blockedBy(claim.mode) };
    const rewrite = claim.rewrite === "possible" && subject?.rewrite !== void 0 ? subject.rewrite : claim.rewrite;
    if (rewrite !== false) lock.rewrite = rewrite;
    return lock;
  }
  return void 0;
}
function relationName(operation, on) {
  switch (on) {
    case "table":
      if (operation.kind === "dropTable" || operation.kind === "truncate") return operation.tables[0] && qualifiedName(operation.tables[0]);
      if (operation.kind === "reindex") return operation.targetKind === "table" ? operation.target : void 0;
      if (operation.kind === "createTable") return void 0;
      return "table" in operation ? qualifiedName(operation.table) : void 0;
    case "referencedTable": {
      const referenced = operation.kind === "addConstraint" ? operation.constraint.references?.table : operation.kind === "addColumn" ? operation.column.references?.table : operation.kind === "createTable" ? operation.columns.find((column) => column.references)?.references?.table ?? operation.constraints.find((constraint) => constraint.references)?.references?.table : void 0;
      return referenced && qualifiedName(referenced);
    }
    case "index":
      if (operation.kind === "dropIndex") return operation.names[0] && qualifiedName(operation.names[0]);
      if (operation.kind === "reindex") return operation.targetKind === "index" ? operation.target : void 0;
      if (operation.kind === "createIndex") return operation.name;
      return void 0;
  }
}
var init_finding_lock = __esm({
  "src/engine/finding-lock.ts"() {
    "use strict";
    init_locks();
    init_operations();
  }
});

// src/engine/statement-locks.ts
var BLOCKING_STATEMENT_LOCKS;
var init_statement_locks = __esm({
  "src/engine/statement-locks.ts"() {
    "use strict";
    BLOCKING_STATEMENT_LOCKS = [
      { mode: "ShareRowExclusiveLock", on: ["table", "referencedTable"], rewrite: false, operations: ["addConstraint"], constraints: ["foreignKey"] },
      {
        mode: "AccessExclusiveLock",
        on: ["table"],
        rewrite: false,
        operations: ["addColumn", "dropColumn", "renameColumn", "setNotNull", "dropNotNull", "setDefault", "addConstraint", "dropConstraint", "renameTable", "dropTable", "truncate", "detachPartition"]
      },
      { mode: "AccessExclusiveLock", on: ["table"], rewrite: "possible", operations: ["alterColumnType"] },
      { mode: "ShareLock", on: ["table"], rewrite: false, operations: ["createIndex", "reindex"] },
      { mode: "AccessExclusiveLock", on: ["index"], rewrite: false, operations: ["reindex"] },
      { mode: "ShareRowExclusiveLock", on: ["referencedTable"], rewrite: false, operations: ["createTable"] },
      { mode: "AccessExclusiveLock", on: ["table", "index"], rewrite: false, operations: ["dropIndex"] }
    ];
  }
});

// src/engine/object-names.ts
function objectName(table, columns, label) {
  let first = table.name;
  let second = columns.join("_");
  const fixed = Buffer.byteLength(`_${label}`) + (second ? 1 : 0);
  while (Buffer.byteLength(first) + Buffer.byteLength(second) + fixed > MAX_NAME_BYTES) {
    if (Buffer.byteLength(first) >= Buffer.byteLength(second)) first = dropLastCharacter(first);
    else second = dropLastCharacter(second);
  }
  return [first, second, label].filter((part) => part.length > 0).join("_");
}
function dropLastCharacter(text) {
  return Array.from(text).slice(0, -1).join("");
}
var MAX_NAME_BYTES;
var init_object_names = __esm({
  "src/engine/object-names.ts"() {
    "use strict";
    MAX_NAME_BYTES = 63;
  }
});

// src/engine/suggestion-steps.ts
function edit(operation, statementEdit, changed2) {
  return { kind: "edit", edit: statementEdit, operation: changed2 };
}
function statement(operation) {
  return { kind: "statement", operation };
}
function validate(from, table, name) {
  return statement({ kind: "validateConstraint", ...placeOf(from), table, name });
}
function addConstraint(from, table, constraint, completes = false) {
  const action = { kind: "statement", operation: { kind: "addConstraint", ...placeOf(from), table, constraint } };
  return completes ? { ...action, completes } : action;
}
function dropConstraint(from, table, name, ifExists = false) {
  return statement({ kind: "dropConstraint", ...placeOf(from), table, name, ifExists });
}
function concurrently(operation) {
  return {
    migration: "this",
    outsideTransaction: true,
    lock: "ShareUpdateExclusiveLock",
    ...operation.kind === "detachPartition" ? { lockOn: ["table"] } : {},
    actions: [edit(operation, { kind: "concurrently" }, { ...operation, concurrently: true })]
  };
}
function lockTakenBy(operation) {
  const concurrent = (operation.kind === "createIndex" || operation.kind === "dropIndex" || operation.kind === "reindex" || operation.kind === "detachPartition") && operation.concurrently;
  if (concurrent) return "ShareUpdateExclusiveLock";
  const modes = claimsFor(BLOCKING_STATEMENT_LOCKS, operation).map((claim) => claim.mode);
  return modes.length > 0 ? modes.reduce(strongerMode) : void 0;
}
function notNullSteps(from, table, column, setNotNull2, first = "this") {
  const name = objectName(table, [column], "not_null_check");
  const check = { kind: "check", name, columns: [column], notValid: true, checksNotNullOf: column };
  return [
    { migration: first, lock: "AccessExclusiveLock", actions: [addConstraint(from, table, check)] },
    {
      migration: first === "this" ? "next" : "later",
      lock: "AccessExclusiveLock",
      actions: [validate(from, table, name), setNotNull2, dropConstraint(from, table, name)]
    }
  ];
}
function setNotNull(from, table, column) {
  return statement({ kind: "setNotNull", ...placeOf(from), table, column });
}
var placeOf;
var init_suggestion_steps = __esm({
  "src/engine/suggestion-steps.ts"() {
    "use strict";
    init_locks();
    init_finding_lock();
    init_statement_locks();
    init_object_names();
    placeOf = (operation) => ({ location: operation.location, anchorLine: operation.anchorLine });
  }
});

// src/engine/runner-tables.ts
function queriesWaitOn(table, isNewTable) {
  return table.name !== "" && !RUNNER_TABLES.has(table.name) && !isNewTable(table);
}
var RUNNER_TABLES;
var init_runner_tables = __esm({
  "src/engine/runner-tables.ts"() {
    "use strict";
    RUNNER_TABLES = /* @__PURE__ */ new Set([
      "schema_migrations",
      // golang-migrate, dbmate, Rails
      "goose_db_version",
      // goose
      "flyway_schema_history",
      // Flyway (schema_version before Flyway 5)
      "schema_version",
      "knex_migrations",
      // Knex
      "knex_migrations_lock",
      "migrations",
      // TypeORM
      "typeorm_metadata",
      "_prisma_migrations",
      // Prisma
      "__diesel_schema_migrations",
      // diesel
      "django_migrations",
      // Django
      "_sqlx_migrations",
      // sqlx
      "gorp_migrations",
      // sql-migrate
      "seaql_migrations",
      // SeaORM
      "atlas_schema_revisions",
      // Atlas
      "pgmigrations",
      // node-pg-migrate
      "mikro_orm_migrations",
      // MikroORM
      "kysely_migration",
      // Kysely
      "kysely_migration_lock",
      "SequelizeMeta"
      // Sequelize
    ]);
  }
});

// src/engine/file-state.ts
function sameTable(a, b) {
  return a.name === b.name && (a.schema === void 0 || b.schema === void 0 || a.schema === b.schema);
}
function spanKey(span) {
  return `${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}
var FileState;
var init_file_state = __esm({
  "src/engine/file-state.ts"() {
    "use strict";
    init_operations();
    init_operation_helpers();
    init_runner_tables();
    FileState = class {
      constructor(runnerTransaction, schema) {
        this.runnerTransaction = runnerTransaction;
        this.schema = schema;
        this.runnerTransactionOpen = runnerTransaction;
      }
      runnerTransaction;
      schema;
      previous = [];
      /** The earlier operations by the span of their statement: a finding asks for its statement's, and a file may hold thousands. */
      bySpan = /* @__PURE__ */ new Map();
      settings = /* @__PURE__ */ new Map();
      explicitTransaction = false;
      /**
       * The runner's transaction is open: the file has not ended it with a COMMIT
       * or ROLLBACK of its own (to run a statement outside it), or has reopened it
       * with a BEGIN since, for the runner to commit.
       */
      runnerTransactionOpen;
      /** The file is one query of several statements: PostgreSQL runs it as one transaction. */
      implicitTransaction = false;
      /**
       * Tables that existed before this migration on which the open transaction has
       * taken a lock that blocks queries, by the name those queries use (kept until it ends).
       */
      heldLocks = /* @__PURE__ */ new Map();
      get inTransaction() {
        return this.runnerTransactionOpen || this.explicitTransaction || this.implicitTransaction;
      }
      /** A BEGIN here reopens the runner's transaction, which the file ended, rather than nesting in one. */
      get reopensRunnerTransaction() {
        return this.runnerTransaction && !this.runnerTransactionOpen && !this.explicitTransaction;
      }
      /** The operation the rules are looking at (set by the engine before it asks them). */
      current;
      /** Created earlier in this migration (or in one new in this run): nothing reads it yet. */
      isNewTable(table) {
        return this.schema.isNewTable(table) || this.createdWithCurrent(table) || this.schema.isCreatedInBranch(table, this.current?.branch);
      }
      /** The current operation is part of the creation of this table (its index, made with it). */
      createdWithCurrent(table) {
        const current = this.current;
        return current?.withTableCreation === true && "table" in current && sameTable(current.table, table);
      }
      /** New, and not filled from a query since: it has no rows. */
      isEmptyTable(table) {
        if (this.createdWithCurrent(table) || this.schema.isEmptyTable(table)) return true;
        return this.schema.isCreatedInBranch(table, this.current?.branch) && this.schema.table(table)?.filled === false;
      }
      /** A temporary table: private to its session, gone at its end. */
      isTemporaryTable(table) {
        return this.schema.table(table)?.temporary === true;
      }
      isPartitioned(table) {
        return this.schema.table(table)?.partitioned === true;
      }
      /**
       * The partitions of a partitioned table each have an index on these columns.
       * When its partitions are not known (made by a function, say), tables named
       * after the parent (`events_2024`, `wal_0`) with such an index stand for them.
       */
      partitionsIndexedOn(parent, columns) {
        const key = columns.join(",");
        const table = this.schema.table(parent);
        if (!table) return false;
        const indexedOn = (candidate) => candidate.indexes.some((index) => index.columns.join(",") === key);
        if (table.partitions.length > 0) return table.partitions.every(indexedOn);
        for (const index of this.schema.catalogue.indexes) {
          if (index.table !== table && index.table.name.startsWith(`${table.name}_`) && index.columns.join(",") === key) return true;
        }
        return false;
      }
      /** The file's operations, in order: those of the statement an operation is part of. */
      fileOperations = [];
      /**
       * The existing tables whose blocking locks are held while the operation runs: those
       * the transaction took before it, and those of the rest of its statement (an ALTER
       * TABLE takes every subcommand's lock before it does any of them).
       */
      locksHeldDuring(operation) {
        const held = new Map(this.heldLocks);
        const statement2 = (of) => spanKey(of.sqlLocation ?? of.location);
        const key = statement2(operation);
        for (const other2 of this.fileOperations) {
          if (other2 !== operation && statement2(other2) === key) this.addExistingLocked(other2, held);
        }
        return held;
      }
      /** The operations so far whose statement is at this span, in order. */
      previousAt(span) {
        return this.bySpan.get(spanKey(span))?.slice() ?? [];
      }
      apply(operation) {
        if (this.inTransaction) this.addExistingLocked(operation, this.heldLocks);
        this.previous.push(operation);
        const key = spanKey(operation.location);
        const same = this.bySpan.get(key);
        if (same) same.push(operation);
        else this.bySpan.set(key, [operation]);
        switch (operation.kind) {
          case "transaction":
            if (operation.action !== "begin") {
              this.explicitTransaction = false;
              this.runnerTransactionOpen = false;
            } else if (this.reopensRunnerTransaction) this.runnerTransactionOpen = true;
            else this.explicitTransaction = true;
            break;
          case "setSetting":
            this.settings.set(operation.name, operation.value);
            break;
        }
        if (!this.inTransaction) this.heldLocks.clear();
        this.schema.apply(operation);
      }
      /** Adds the existing tables the operation locks, by qualified name (asked before it is applied: a rename locks the name queries use). */
      addExistingLocked(operation, into) {
        for (const table of lockedTables(operation)) {
          if (!queriesWaitOn(table, (candidate) => this.isNewTable(candidate))) continue;
          const key = qualifiedName(table);
          if (!into.has(key)) into.set(key, table);
        }
      }
    };
  }
});

// src/engine/operation-helpers.ts
function blockingLockTarget(operation) {
  switch (operation.kind) {
    case "addColumn":
    case "dropColumn":
    case "renameColumn":
    case "alterColumnType":
    case "setNotNull":
    case "dropNotNull":
    case "setDefault":
    case "addConstraint":
    case "dropConstraint":
    case "renameTable":
      return operation.table;
    case "createIndex":
      return operation.concurrently || operation.only ? void 0 : operation.table;
    case "attachPartition":
      return operation.partition;
    // ACCESS EXCLUSIVE on the partition; the parent only SHARE UPDATE EXCLUSIVE
    case "createTable":
      return referencedTables(operation)[0];
    // a foreign key locks the referenced table SHARE ROW EXCLUSIVE
    case "detachPartition":
      return operation.concurrently ? void 0 : operation.table;
    case "reindex":
      return operation.concurrently ? void 0 : { name: operation.target };
    case "dropTable":
    case "truncate":
      return operation.tables[0];
    case "dropIndex":
      return operation.concurrently ? void 0 : operation.names[0];
    case "other":
      return operation.locksTables?.[0];
    default:
      return void 0;
  }
}
function lockedTables(operation) {
  const target = blockingLockTarget(operation);
  const referenced = foreignKeyTargets(operation);
  return target ? [target, ...referenced] : referenced;
}
function foreignKeyTargets(operation) {
  switch (operation.kind) {
    case "createTable":
      return referencedTables(operation);
    case "addColumn":
      return operation.column.references ? [operation.column.references.table] : [];
    case "addConstraint":
      return operation.constraint.references ? [operation.constraint.references.table] : [];
    default:
      return [];
  }
}
function referencedTables(operation) {
  const fromColumns = operation.columns.flatMap((column) => column.references ? [column.references.table] : []);
  const fromConstraints = operation.constraints.flatMap(
    (constraint) => constraint.references ? [constraint.references.table] : []
  );
  return [...fromColumns, ...fromConstraints].filter((table) => !sameTable(table, operation.table));
}
function blocksReadsOn(operation, table) {
  switch (operation.kind) {
    case "createIndex":
    case "reindex":
    case "createTable":
      return false;
    case "addConstraint":
      return operation.constraint.kind !== "foreignKey";
    case "addColumn":
      return sameTable(table, operation.table);
    case "other":
      return operation.statement !== "CreateTrigStmt" && operation.readsGoOn !== true;
    default:
      return true;
  }
}
function tablesNamedBy(operation) {
  if ("table" in operation) return [operation.table];
  if (operation.kind === "dropTable" || operation.kind === "truncate") return operation.tables;
  return [];
}
function declaredColumnTypes(operation) {
  switch (operation.kind) {
    case "createTable":
      return operation.columns.flatMap(
        (column) => column.type ? [{ table: operation.table, column: column.name, type: column.type, location: column.location }] : []
      );
    case "addColumn":
      return operation.column.type ? [{ table: operation.table, column: operation.column.name, type: operation.column.type, location: operation.column.location }] : [];
    case "alterColumnType":
      return operation.newType ? [{ table: operation.table, column: operation.column, type: operation.newType }] : [];
    default:
      return [];
  }
}
function isSerialType(type2) {
  return type2 !== void 0 && SERIAL_TYPES.has(type2.name.toLowerCase());
}
function renamesIndexOrSequence(schema, name) {
  return schema.table(name) === void 0 && (schema.index(name) !== void 0 || schema.sequence(name) !== void 0);
}
var SERIAL_TYPES;
var init_operation_helpers = __esm({
  "src/engine/operation-helpers.ts"() {
    "use strict";
    init_operations();
    init_file_state();
    SERIAL_TYPES = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
  }
});

// rules/adding-field-with-default.ts
function rewriteReason(column, pgVersion) {
  if (column.generated === "stored") return "a stored generated column";
  if (column.generated === "identity") return "an identity column";
  if (isSerialType(column.type)) return `a ${column.type?.name} column`;
  const value = column.default;
  if (!value || value.unread) return void 0;
  if (pgVersion < 11) return "a default (PostgreSQL before 11 rewrites for any default)";
  if (value.kind === "volatile") return `a volatile default (${value.functionName}())`;
  if (value.kind === "unknown") {
    return value.functionName ? `a default that calls ${value.functionName}(), which may be volatile` : "a non-constant default";
  }
  return void 0;
}
var adding_field_with_default_default;
var init_adding_field_with_default = __esm({
  "rules/adding-field-with-default.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    adding_field_with_default_default = defineRule({
      id: "adding-field-with-default",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a column whose default rewrites the table",
        message: ({ table, column, detail }) => `Adding "${table}"."${column}" with ${detail} rewrites the whole table under an ACCESS EXCLUSIVE lock.`,
        help: "Add the column without the default, SET DEFAULT for new rows, then backfill existing rows in batches.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: true }],
        costIsLockWait: true,
        safeLock: { rewrite: false },
        suggestion: {
          description: "Add the column without the default and SET DEFAULT for new rows (both instant), then fill the existing rows in batches in the next migration; enforce NOT NULL after that if the column needs it. A stored generated column has no such path: add a plain column filled by the application or a trigger.",
          steps: (operation) => {
            if (operation.kind !== "addColumn" || !operation.column.default || operation.column.generated === "stored") return void 0;
            const { table, column } = operation;
            const parts = column.notNull ? ["default", "notNull"] : ["default"];
            const plain = { ...operation, column: { ...column, default: void 0, notNull: false } };
            const steps = [
              {
                migration: "this",
                lock: "AccessExclusiveLock",
                actions: [edit(operation, { kind: "columnWithout", parts }, plain), statement({ kind: "setDefault", location: operation.location, anchorLine: operation.anchorLine, table, column: column.name, default: column.default })]
              },
              { migration: "next", lock: "RowExclusiveLock", actions: [{ kind: "backfill", table, column: column.name, value: { defaultOf: column.name } }] }
            ];
            return column.notNull ? [...steps, ...notNullSteps(operation, table, column.name, setNotNull(operation, table, column.name), "next")] : steps;
          }
        },
        rationale: `Since PostgreSQL 11, \`ADD COLUMN \u2026 DEFAULT\` with a constant (or a stable expression such as \`now()\`) is
instant: the value is stored once in the catalogue. A volatile default (\`gen_random_uuid()\`, \`random()\`,
\`clock_timestamp()\`, a sequence), a stored generated column or an identity column must be computed for every
existing row, so PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock. Before 11, any
default rewrites. Whether a function is volatile, stable or immutable comes from PostgreSQL's own catalogue
(\`pg_proc.provolatile\`, with the contrib extensions): \`DEFAULT pi()\` rewrites nothing. A function the catalogue
does not have (one of your own) is reported as possibly volatile.

Add the column without a default, \`SET DEFAULT\` so new rows get a value, and backfill existing rows in
batches.`
      },
      examples: {
        invalid: [
          { django: 'from django.contrib.postgres.functions import RandomUUID\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "token", models.UUIDField(db_default=RandomUUID())),\n    ]\n', line: 9 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isNullable: true, default: 'gen_random_uuid()' }));\n  }\n}\n", line: 5 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'token', type: 'uuid', isGenerated: true, generationStrategy: 'uuid' }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.uuid('token').defaultTo(knex.raw('gen_random_uuid()'));\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();", line: 1, column: 1 },
          { sql: "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';", line: 1, options: { pgVersion: 10 } },
          { sql: "ALTER TABLE orders\n  ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;", line: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "channel", models.CharField(max_length=8, db_default="web")),\n    ]\n' },
          { typeorm: `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class Migration1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'status', type: 'text', default: "'active'" }));
  }
}
` },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('status').defaultTo('active');\n  });\n};\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.timestamp('seen_at').defaultTo(knex.fn.now());\n  });\n};\n" },
          { sql: "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';" },
          { sql: "ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();" },
          { sql: "ALTER TABLE orders ADD COLUMN ratio numeric DEFAULT round(pi()::numeric, 4);" },
          { sql: "CREATE TABLE keys (id bigint);\nALTER TABLE keys ADD COLUMN token uuid DEFAULT gen_random_uuid();" }
        ]
      },
      create: (context) => ({
        addColumn(operation) {
          const detail = rewriteReason(operation.column, context.pgVersion);
          if (!detail || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table), column: operation.column.name, detail });
        }
      })
    });
  }
});

// rules/adding-foreign-key-constraint.ts
var adding_foreign_key_constraint_default;
var init_adding_foreign_key_constraint = __esm({
  "rules/adding-foreign-key-constraint.ts"() {
    "use strict";
    init_rule();
    init_object_names();
    init_suggestion_steps();
    init_operation_helpers();
    adding_foreign_key_constraint_default = defineRule({
      id: "adding-foreign-key-constraint",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a foreign key without NOT VALID",
        message: ({ table, name }) => `Adding foreign key ${name ? `"${name}" ` : ""}to "${table}" without NOT VALID checks every row while blocking writes to both tables.`,
        help: "Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration.",
        locks: [
          { mode: "ShareRowExclusiveLock", on: ["table", "referencedTable"], rewrite: false, operations: ["addConstraint"] },
          { mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["addColumn"] },
          { mode: "ShareRowExclusiveLock", on: ["referencedTable"], rewrite: false, operations: ["addColumn"] }
        ],
        costIsLockWait: true,
        safeLock: { mode: "ShareRowExclusiveLock", rewrite: false },
        suggestion: {
          fixable: true,
          description: "Add the foreign key NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.",
          steps: (operation, facts) => {
            const added = operation.kind === "addConstraint" ? facts.sameStatement?.find((other2) => other2.kind === "addColumn" && other2.column.name === operation.constraint.columns[0]) : void 0;
            if (operation.kind === "addConstraint" && operation.constraint.kind === "foreignKey" && added?.kind === "addColumn") {
              const name2 = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns, "fkey");
              const plainColumn2 = { ...added, column: { ...added.column, references: void 0 } };
              return [
                {
                  migration: "this",
                  lock: "AccessExclusiveLock",
                  actions: [edit(added, { kind: "columnWithout", parts: ["references"] }, plainColumn2), addConstraint(operation, operation.table, { ...operation.constraint, name: name2, notValid: true })]
                },
                { migration: "next", lock: "ShareUpdateExclusiveLock", actions: [validate(operation, operation.table, name2)] }
              ];
            }
            if (operation.kind === "addConstraint" && operation.constraint.kind === "foreignKey") {
              const name2 = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns, "fkey");
              const changed2 = { ...operation, constraint: { ...operation.constraint, name: name2, notValid: true } };
              return [
                { migration: "this", lock: "ShareRowExclusiveLock", actions: [edit(operation, { kind: "notValid", name: name2 }, changed2)] },
                { migration: "next", lock: "ShareUpdateExclusiveLock", actions: [validate(operation, operation.table, name2)] }
              ];
            }
            if (operation.kind !== "addColumn" || !operation.column.references) return void 0;
            const column = operation.column.name;
            const name = objectName(operation.table, [column], "fkey");
            const constraint = { kind: "foreignKey", name, columns: [column], notValid: true, references: operation.column.references };
            const plainColumn = { ...operation, column: { ...operation.column, references: void 0 } };
            return [
              {
                migration: "this",
                lock: "AccessExclusiveLock",
                actions: [edit(operation, { kind: "columnWithout", parts: ["references"] }, plainColumn), addConstraint(operation, operation.table, constraint)]
              },
              { migration: "next", lock: "ShareUpdateExclusiveLock", actions: [validate(operation, operation.table, name)] }
            ];
          }
        },
        rationale: `Adding a foreign key takes a SHARE ROW EXCLUSIVE lock on both the table and the referenced table and
then scans the table to check every existing row. Writes to both tables wait for the whole scan.

Add it \`NOT VALID\` (checked for new rows only, instant), then run \`ALTER TABLE \u2026 VALIDATE CONSTRAINT\` in a
later migration: validation takes a lock that lets reads and writes continue.

A foreign key declared inline on a new column without a default (\`ADD COLUMN customer_id bigint REFERENCES
customers\`) is not checked: every row holds NULL, so PostgreSQL skips the scan. It still locks the referenced
table briefly (SHARE ROW EXCLUSIVE), which \`require-lock-timeout\` covers. With a default, every row has a value
to check, and the scan is back. (Knex and TypeORM add a column's foreign key as a separate constraint, which is
checked; Django adds a foreign key column's constraint inline, as above.)`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "customer", models.ForeignKey(default=1, on_delete=models.CASCADE, to="shop.customer")),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createForeignKey('orders', new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.foreign('user_id').references('users.id');\n  });\n};\n", line: 3 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.bigInteger('coupon_id').references('id').inTable('coupons');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);", line: 1, column: 1 },
          { sql: "ALTER TABLE orders ADD COLUMN coupon_id bigint DEFAULT 1 REFERENCES coupons (id);", line: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "customer", models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.customer")),\n    ]\n' },
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.CreateModel("Refund", [("id", models.BigAutoField(primary_key=True)), ("order", models.ForeignKey(on_delete=models.CASCADE, to="shop.order"))]),\n    ]\n' },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID`);\n  }\n}\n' },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('refunds', (t) => {\n    t.bigInteger('order_id').references('id').inTable('orders');\n  });\n};\n" },
          { sql: "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;" },
          { sql: "CREATE TABLE refunds (id bigint, order_id bigint REFERENCES orders (id));" },
          { sql: "CREATE TABLE refunds (id bigint, order_id bigint);\nALTER TABLE refunds ADD FOREIGN KEY (order_id) REFERENCES orders (id);" }
        ]
      },
      create: (context) => ({
        addConstraint(operation) {
          const { constraint } = operation;
          if (constraint.kind !== "foreignKey" || constraint.notValid || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
        },
        addColumn(operation) {
          const { column } = operation;
          if (!column.references || column.default === void 0 || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table) });
        }
      })
    });
  }
});

// rules/adding-not-nullable-field.ts
var adding_not_nullable_field_default;
var init_adding_not_nullable_field = __esm({
  "rules/adding-not-nullable-field.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    adding_not_nullable_field_default = defineRule({
      id: "adding-not-nullable-field",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Setting NOT NULL on an existing column",
        message: ({ table, column }) => `Setting NOT NULL on "${table}"."${column}" scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
        help: "On PostgreSQL 12+, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate migration, then SET NOT NULL and drop the check.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["setNotNull"] }],
        costIsLockWait: true,
        safeLock: { rewrite: false },
        suggestion: {
          description: "Make sure the application never writes NULL there. Then add CHECK (col IS NOT NULL) NOT VALID; in the next migration VALIDATE it (reads and writes go on), SET NOT NULL (no scan: the validated check proves it, PostgreSQL 12+) and drop the check.",
          steps: (operation, facts) => operation.kind === "setNotNull" && facts.pgVersion >= 12 ? notNullSteps(operation, operation.table, operation.column, { kind: "flagged" }) : void 0
        },
        rationale: `\`ALTER COLUMN \u2026 SET NOT NULL\` has to prove that no row is null, so it reads the whole table while
holding an ACCESS EXCLUSIVE lock: every query on the table waits for the scan.

From PostgreSQL 12 a validated \`CHECK (col IS NOT NULL)\` constraint lets PostgreSQL skip that scan. Add the
check \`NOT VALID\` (instant), \`VALIDATE\` it in a separate migration (a weaker lock that lets reads and writes
go on), then \`SET NOT NULL\` and drop the check.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "note", models.TextField(default="")),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'email', type: 'text', isNullable: true }), new TableColumn({ name: 'email', type: 'text' }));\n  }\n}\n", line: 5 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL`);\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropNullable('email');\n  });\n};\n", line: 3 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('email').notNullable().alter();\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", line: 1, column: 1 },
          {
            sql: "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
            line: 2,
            options: { pgVersion: 11 }
          }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "note", models.TextField(null=True, help_text="free text")),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'email', type: 'text' }), new TableColumn({ name: 'email', type: 'text', isNullable: true }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('leads', (t) => t.string('email'));\n  await knex.schema.alterTable('leads', (t) => t.dropNullable('email'));\n};\n" },
          {
            sql: "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;"
          },
          { sql: "CREATE TABLE leads (email text);\nALTER TABLE leads ALTER COLUMN email SET NOT NULL;" }
        ]
      },
      create: (context) => ({
        setNotNull(operation) {
          if (context.isEmptyTable(operation.table)) return;
          const column = context.schema.column(operation.table, operation.column);
          if (column?.notNull) return;
          const checked = context.schema.table(operation.table)?.constraints.some((constraint) => constraint.validated && constraint.checksNotNullOf === operation.column);
          if (context.pgVersion >= 12 && checked) return;
          context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
        }
      })
    });
  }
});

// rules/adding-required-field.ts
var DEFAULT_DROPPED, HELP, adding_required_field_default;
var init_adding_required_field = __esm({
  "rules/adding-required-field.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_file_state();
    init_operation_helpers();
    DEFAULT_DROPPED = "default dropped after fill";
    HELP = "Add it nullable or with a constant default, backfill, then enforce NOT NULL (see adding-not-nullable-field).";
    adding_required_field_default = defineRule({
      id: "adding-required-field",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Adding a NOT NULL column without a default",
        message: ({ table, column, detail }) => detail === DEFAULT_DROPPED ? `Adding NOT NULL column "${table}"."${column}" fills the existing rows with its default, then drops the default: inserts from code that does not set the column (the version still running) fail.` : `Adding NOT NULL column "${table}"."${column}" without a default fails on a table with rows, and breaks inserts from code that does not set it.`,
        help: HELP,
        helpFor: ({ subject, frontend }) => subject.detail === DEFAULT_DROPPED && frontend !== "django" ? "Keep the default until the code that sets the column on every insert is deployed, and drop it in a later migration; or add the column nullable, backfill it, then enforce NOT NULL (see adding-not-nullable-field)." : subject.detail === DEFAULT_DROPPED ? "Keep the default in the database with db_default= (Django 5; on the model field too), or add the field with null=True, backfill it, then make it NOT NULL (see adding-not-nullable-field)." : HELP,
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Give the column a constant default that the database keeps (Django: db_default=): existing rows take it (instant from PostgreSQL 11, no rewrite), and so do inserts that do not set the column; or add it nullable, backfill it, and enforce NOT NULL as adding-not-nullable-field shows.",
          steps: (operation, facts) => {
            if (operation.kind === "setDefault") {
              const application = `Deploy the code that sets "${qualifiedName(operation.table)}"."${operation.column}" on every insert.`;
              return [{ migration: "later", application, lock: "AccessExclusiveLock", actions: [{ kind: "flagged" }] }];
            }
            if (operation.kind !== "addColumn" || facts.pgVersion < 11) return void 0;
            const value = { placeholder: "value for existing rows" };
            return [{ migration: "this", lock: "AccessExclusiveLock", actions: [edit(operation, { kind: "columnDefault", value }, operation)] }];
          }
        },
        rationale: `PostgreSQL cannot add a NOT NULL column without a default to a table that has rows: the statement
fails. Even on an empty table, the running application's \`INSERT\`s do not set the new column and start
failing.

Django's \`AddField\` of a NOT NULL field with a \`default=\` (the one-off default \`makemigrations\` asks for,
with \`preserve_default=False\`, included), or with a default Django implies (\`blank=True\` on a text field: the
empty string), does not fail: Django adds the column with that value as its default, which fills the
existing rows, and drops the default straight after, because the default lives in Python. The database then
has a NOT NULL column with no default, and every insert from the code still running (which does not know the
column) fails until the new code is deployed.

Add the column nullable (or with a constant default, which is instant on PostgreSQL 11+), backfill it, and
enforce NOT NULL afterwards with a validated CHECK constraint. In Django 5, \`db_default=\` keeps the default
in the database.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "currency", models.CharField(max_length=3, default="EUR")),\n    ]\n', line: 8 },
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "note", models.TextField(blank=True)),\n    ]\n', line: 8 },
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "currency", models.CharField(max_length=3)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3' }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3).notNullable();\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE orders ADD COLUMN currency text NOT NULL;", line: 1, column: 1 },
          { sql: "SET lock_timeout = '2s';\n\nALTER TABLE orders\n  ADD COLUMN IF NOT EXISTS region_id bigint NOT NULL;", line: 3 },
          { sql: "ALTER TABLE orders ADD COLUMN currency text DEFAULT NULL NOT NULL;", line: 1 },
          { sql: "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;", line: 2, column: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "currency", models.CharField(max_length=3, db_default="EUR")),\n    ]\n' },
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "currency", models.CharField(max_length=3, null=True)),\n    ]\n' },
          { typeorm: `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class Migration1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3', default: "'EUR'" }));
  }
}
` },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'varchar', length: '3', isNullable: true }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3).notNullable().defaultTo('EUR');\n  });\n};\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3);\n  });\n};\n" },
          { sql: "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';" },
          { sql: "ALTER TABLE orders ADD COLUMN currency text;" },
          { sql: "CREATE TABLE payments (id bigint);\nALTER TABLE payments ADD COLUMN currency text NOT NULL;" },
          { sql: "CREATE TABLE payments (id bigint);\nALTER TABLE payments ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE payments ALTER COLUMN currency DROP DEFAULT;" },
          { sql: "ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';\nALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;" },
          { sql: "ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;" },
          { sql: "ALTER TABLE order_lines RENAME TO items;\nALTER TABLE items ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\nALTER TABLE items ALTER COLUMN currency DROP DEFAULT;", options: { history: ["CREATE TABLE order_lines (id bigint)"] } },
          { sql: "ALTER TABLE orders ADD COLUMN row_id bigint GENERATED ALWAYS AS IDENTITY;" }
        ]
      },
      create: (context) => ({
        addColumn(operation) {
          const { column } = operation;
          const filledByPostgres = column.default !== void 0 || column.generated !== void 0 || isSerialType(column.type);
          if (!column.notNull || filledByPostgres || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table), column: column.name, ...column.defaultDroppedAfterFill ? { detail: DEFAULT_DROPPED } : {} });
        },
        // `ADD COLUMN … NOT NULL DEFAULT x` then `DROP DEFAULT` in one migration: what Django's default= does, written out.
        setDefault(operation) {
          if (operation.default || context.isEmptyTable(operation.table)) return;
          const added = context.previous.find(
            (earlier) => earlier.kind === "addColumn" && sameTable(earlier.table, operation.table) && earlier.column.name === operation.column
          );
          if (added?.kind !== "addColumn" || !added.column.notNull || added.column.default === void 0 || added.column.defaultDroppedAfterFill) return;
          const renamedHere = context.previous.some((earlier) => earlier.kind === "renameTable" && earlier.newName === operation.table.name);
          if (renamedHere) return;
          context.report(operation, { table: qualifiedName(operation.table), column: operation.column, detail: DEFAULT_DROPPED });
        }
      })
    });
  }
});

// rules/adding-serial-primary-key-field.ts
var adding_serial_primary_key_field_default;
var init_adding_serial_primary_key_field = __esm({
  "rules/adding-serial-primary-key-field.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    adding_serial_primary_key_field_default = defineRule({
      id: "adding-serial-primary-key-field",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a primary key without USING INDEX",
        message: ({ table }) => `Adding a primary key to "${table}" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
        help: "Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX.",
        locks: [
          { mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["addConstraint"] },
          { mode: "AccessExclusiveLock", on: ["table"], rewrite: true, operations: ["addColumn"] }
        ],
        costIsLockWait: true,
        safeLock: { rewrite: false },
        suggestion: {
          description: "Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY, outside a transaction, then ADD PRIMARY KEY USING INDEX; make its columns NOT NULL first (as adding-not-nullable-field shows), or that statement scans the table. A new serial key column fills every row: add it, fill it in batches, then do the same.",
          steps: (operation) => {
            if (operation.kind !== "addConstraint" || operation.constraint.kind !== "primaryKey" || operation.constraint.columns.length === 0) return void 0;
            const { table } = operation;
            const name = operation.constraint.name ?? `${table.name}_pkey`;
            const place = { location: operation.location, anchorLine: operation.anchorLine };
            return [
              {
                migration: "this",
                outsideTransaction: true,
                lock: "ShareUpdateExclusiveLock",
                actions: [statement({ kind: "createIndex", ...place, table, name, columns: operation.constraint.columns, unique: true, concurrently: true, ifNotExists: false })]
              },
              { migration: "this", lock: "AccessExclusiveLock", actions: [addConstraint(operation, table, { kind: "primaryKey", name, columns: [], notValid: false, usingIndex: name }, true)] }
            ];
          }
        },
        rationale: `\`ADD PRIMARY KEY\` builds a unique index (and checks NOT NULL) while holding an ACCESS EXCLUSIVE lock.
On a table of any size the application is blocked for the whole build.

Create the unique index concurrently first, then \`ALTER TABLE \u2026 ADD CONSTRAINT name PRIMARY KEY USING INDEX
index_name\`, which only takes the lock briefly.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createPrimaryKey('events', ['id']);\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('events', (table) => {\n    table.primary(['id']);\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE events ADD PRIMARY KEY (id);", line: 1, column: 1 },
          { sql: "ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;", line: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'logs', columns: [{ name: 'id', type: 'bigint', isPrimary: true }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('logs', (t) => {\n    t.bigInteger('id');\n    t.primary(['id']);\n  });\n};\n" },
          { sql: "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;" },
          { sql: "CREATE TABLE logs (id bigint);\nALTER TABLE logs ADD PRIMARY KEY (id);" }
        ]
      },
      create: (context) => ({
        addConstraint(operation) {
          const { constraint } = operation;
          if (constraint.kind !== "primaryKey" || constraint.usingIndex || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table) });
        },
        addColumn(operation) {
          if (!operation.column.primaryKey || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table) });
        }
      })
    });
  }
});

// rules/ban-alter-domain-with-add-constraint.ts
var ban_alter_domain_with_add_constraint_default;
var init_ban_alter_domain_with_add_constraint = __esm({
  "rules/ban-alter-domain-with-add-constraint.ts"() {
    "use strict";
    init_rule();
    ban_alter_domain_with_add_constraint_default = defineRule({
      id: "ban-alter-domain-with-add-constraint",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a constraint to a domain",
        message: ({ name }) => `Adding a constraint to domain "${name}" checks every column of that type in every table while locking them.`,
        help: "Use table CHECK constraints, added NOT VALID and validated in a separate migration.",
        suggestion: {
          description: "Put the check on the columns of the tables that use the domain instead, each added NOT VALID and validated in the next migration.",
          steps: () => void 0
        },
        rationale: `\`ALTER DOMAIN \u2026 ADD CONSTRAINT\` validates every existing value in every table column that uses the
domain, holding locks on all those tables for the duration. Table-level CHECK constraints can be added
\`NOT VALID\` and validated without blocking.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@')`);\n  }\n}\n", line: 5 },
          { knex: `exports.up = async (knex) => {
  await knex.raw("ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@')");
};
`, line: 2 },
          { sql: "ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE ~ '@');", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER DOMAIN email SET DEFAULT NULL`);\n  }\n}\n" },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("ALTER DOMAIN email SET DEFAULT NULL");\n};\n' },
          { sql: "ALTER DOMAIN email SET DEFAULT NULL;" }
        ]
      },
      create: (context) => ({
        alterDomainAddConstraint(operation) {
          context.report(operation, { name: operation.name });
        }
      })
    });
  }
});

// src/engine/column-type-rule.ts
function columnTypeVisitor(context, matches) {
  return {
    anyOperation(operation) {
      for (const declared of declaredColumnTypes(operation)) {
        if (!matches(declared.type)) continue;
        const at = declared.location ? { location: declared.location, anchorLine: operation.anchorLine } : operation;
        context.report(at, {
          table: qualifiedName(declared.table),
          column: declared.column,
          detail: declared.type.name
        });
      }
    }
  };
}
var init_column_type_rule = __esm({
  "src/engine/column-type-rule.ts"() {
    "use strict";
    init_operation_helpers();
  }
});

// rules/ban-char-field.ts
var ban_char_field_default;
var init_ban_char_field = __esm({
  "rules/ban-char-field.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    ban_char_field_default = defineRule({
      id: "ban-char-field",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A char(n) column",
        message: ({ table, column }) => `Column "${table}"."${column}" is char(n), which pads values with spaces.`,
        help: "Use text (with a CHECK constraint on the length if needed).",
        rationale: `\`char(n)\` pads shorter values with spaces and ignores trailing spaces in comparisons, which surprises
application code; it is never faster than \`text\` in PostgreSQL.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'countries',\n      columns: [{ name: 'code', type: 'char', length: '2' }],\n    }));\n  }\n}\n", line: 7 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('countries', (t) => {\n    t.specificType('code', 'char(2)');\n  });\n};\n", line: 3 },
          { sql: "CREATE TABLE countries (code char(2));", line: 1, column: 25 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'countries', columns: [{ name: 'code', type: 'text' }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('countries', (t) => {\n    t.text('code');\n  });\n};\n" },
          { sql: "CREATE TABLE countries (code text);" }
        ]
      },
      create: (context) => columnTypeVisitor(context, (type2) => type2.name === "bpchar" || type2.name === "char")
    });
  }
});

// rules/ban-concurrent-index-creation-in-transaction.ts
var ban_concurrent_index_creation_in_transaction_default;
var init_ban_concurrent_index_creation_in_transaction = __esm({
  "rules/ban-concurrent-index-creation-in-transaction.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    ban_concurrent_index_creation_in_transaction_default = defineRule({
      id: "ban-concurrent-index-creation-in-transaction",
      meta: {
        category: "locking",
        severity: "error",
        description: "CREATE/DROP INDEX CONCURRENTLY inside a transaction",
        message: ({ name, detail, wholeFileQuery }) => wholeFileQuery ? `${detail} INDEX CONCURRENTLY${name ? ` "${name}"` : ""} is sent in one query with the other statements of this file, which PostgreSQL runs as one transaction: it rejects the statement and the migration fails.` : `${detail} INDEX CONCURRENTLY${name ? ` "${name}"` : ""} cannot run inside a transaction; PostgreSQL rejects it and the migration fails.`,
        help: "Run it in its own migration with the runner's transaction turned off.",
        helpFor: ({ subject }) => subject.wholeFileQuery ? "Put it alone in a migration file of its own (golang-migrate can also run a file statement by statement, with x-multi-statement=true in the database URL)." : "Run it in its own migration with the runner's transaction turned off.",
        suggestion: {
          fixable: true,
          description: "Run it in a migration whose runner transaction is off: this one, if the statement is alone in it, else a migration of its own.",
          steps: (operation) => operation.kind === "createIndex" || operation.kind === "dropIndex" ? [{ migration: "this", outsideTransaction: true, lock: "ShareUpdateExclusiveLock", actions: [{ kind: "flagged" }] }] : void 0
        },
        rationale: `PostgreSQL refuses \`CREATE INDEX CONCURRENTLY\` and \`DROP INDEX CONCURRENTLY\` inside a transaction
block. Many runners (Knex, TypeORM, goose, dbmate, sql-migrate, diesel, flyway) wrap each migration in a
transaction by default, so the migration fails at deploy time. golang-migrate, sqlx (\`*.up.sql\`) and Prisma
(\`migration.sql\`) send a file to PostgreSQL as one query, and PostgreSQL runs a query of several statements
as one transaction: there a \`CONCURRENTLY\` statement must be alone in its file.

Put the statement in a migration of its own and turn the runner's transaction off for it
(\`-- +goose NO TRANSACTION\`, \`exports.config = { transaction: false }\`, \`transaction = false\` in TypeORM).`
      },
      examples: {
        invalid: [
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        AddIndexConcurrently("order", models.Index(fields=["total"], name="order_total_idx")),\n    ]\n', line: 9 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_customer" ON "orders" ("customer_id")`);\n  }\n}\n', line: 5 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");\n};\n', line: 2 },
          { sql: "BEGIN;\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\nCOMMIT;", line: 2, column: 1 },
          { sql: "DROP INDEX CONCURRENTLY orders_customer_idx;", line: 1, options: { assumeInTransaction: true } },
          { sql: "-- +goose Up\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);", line: 2 }
        ],
        valid: [
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        AddIndexConcurrently("order", models.Index(fields=["total"], name="order_total_idx")),\n    ]\n' },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_customer" ON "orders" ("customer_id")`);\n  }\n}\n' },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");\n};\n' },
          { sql: "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);" },
          { sql: "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);" }
        ]
      },
      create: (context) => {
        const sharing = () => context.runnerTransaction || context.explicitTransaction || !context.implicitTransaction ? {} : { wholeFileQuery: true };
        return {
          createIndex(operation) {
            if (operation.concurrently && context.inTransaction) {
              context.report(operation, { name: operation.name, detail: "CREATE", ...sharing() });
            }
          },
          dropIndex(operation) {
            if (operation.concurrently && context.inTransaction) {
              context.report(operation, { name: operation.names.map(qualifiedName).join(", "), detail: "DROP", ...sharing() });
            }
          }
        };
      }
    });
  }
});

// rules/ban-create-domain-with-constraint.ts
var ban_create_domain_with_constraint_default;
var init_ban_create_domain_with_constraint = __esm({
  "rules/ban-create-domain-with-constraint.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    ban_create_domain_with_constraint_default = defineRule({
      id: "ban-create-domain-with-constraint",
      meta: {
        category: "locking",
        severity: "error",
        description: "Creating a domain with a CHECK constraint",
        message: ({ name }) => `Domain "${name}" has a CHECK constraint, which is hard to change later without locking every table that uses it.`,
        help: "Use a plain domain (or the base type) and put the CHECK constraint on the tables.",
        suggestion: {
          description: "Create the domain without its CHECK, and put the check on the columns of the tables that use it (added NOT VALID, validated in the next migration).",
          steps: (operation) => operation.kind === "createDomain" ? [{ migration: "this", actions: [edit(operation, { kind: "domainWithoutCheck" }, { ...operation, hasCheck: false })] }] : void 0
        },
        rationale: `Changing a domain's constraint later validates every column of that domain in every table while holding
locks, and cannot be done \`NOT VALID\` the way table constraints can. Table CHECK constraints can be added
\`NOT VALID\` and validated without blocking traffic.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE DOMAIN email AS text CHECK (VALUE ~ '@')`);\n  }\n}\n", line: 5 },
          { knex: `exports.up = async (knex) => {
  await knex.raw("CREATE DOMAIN email AS text CHECK (VALUE ~ '@')");
};
`, line: 2 },
          { sql: "CREATE DOMAIN email AS text CHECK (VALUE ~ '@');", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE DOMAIN email AS text`);\n  }\n}\n" },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("CREATE DOMAIN email AS text");\n};\n' },
          { sql: "CREATE DOMAIN email AS text;" }
        ]
      },
      create: (context) => ({
        createDomain(operation) {
          if (operation.hasCheck) context.report(operation, { name: operation.name });
        }
      })
    });
  }
});

// rules/ban-drop-column.ts
var ban_drop_column_default;
var init_ban_drop_column = __esm({
  "rules/ban-drop-column.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    ban_drop_column_default = defineRule({
      id: "ban-drop-column",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Dropping a column breaks code that still uses it",
        message: ({ table, column }) => `Dropping column "${table}"."${column}" breaks application code that still reads or writes it.`,
        help: "Stop reading and writing the column (ORM: mark it ignored), deploy, then drop it in a later migration.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Stop using the column in the application first (ORM: remove it from the model, or mark it ignored) and deploy; drop it in a later migration. If it is NOT NULL without a default, drop NOT NULL first, so that the new code can insert rows.",
          steps: (operation) => operation.kind === "dropColumn" ? [
            { migration: "this", actions: [{ kind: "stateOnly" }] },
            { migration: "later", application: `Stop reading and writing "${qualifiedName(operation.table)}"."${operation.column}", and deploy.`, lock: "AccessExclusiveLock", actions: [{ kind: "flagged", databaseOnly: true }] }
          ] : void 0
        },
        rationale: `While a migration runs, the previous release of the application is still serving traffic. Its queries
name the column explicitly, or its ORM lists every mapped column in \`SELECT\` and \`INSERT\`; the moment the
column is gone those queries fail with \`column does not exist\`.

Dropping a column safely takes two deploys: first ship code that no longer uses the column (in an ORM, mark
it ignored so it is left out of generated queries), then drop it in a later migration.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RemoveField(model_name="order", name="note"),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'age');\n  }\n}\n", line: 5 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "age"`);\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('age');\n  });\n};\n", line: 3 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumns('legacy_flags');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users DROP COLUMN age;", line: 1, column: 1 },
          { sql: "SET lock_timeout = '2s';\nALTER TABLE users\n  DROP COLUMN IF EXISTS legacy_flags;", line: 2 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField(model_name="order", name="note")]),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'drafts', columns: [{ name: 'body', type: 'text' }] }));\n    await queryRunner.dropColumn('drafts', 'body');\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('drafts', (t) => { t.text('body'); });\n  await knex.schema.alterTable('drafts', (t) => { t.dropColumn('body'); });\n};\n" },
          { sql: "ALTER TABLE users ADD COLUMN age bigint;" },
          { sql: "CREATE TABLE drafts (id bigint, body text);\nALTER TABLE drafts DROP COLUMN body;" },
          { sql: "ALTER TABLE users DROP COLUMN age;", options: { fileName: "20240101_add_age.down.sql" } },
          { sql: "-- +goose Up\nALTER TABLE users ADD COLUMN age bigint;\n-- +goose Down\nALTER TABLE users DROP COLUMN age;" }
        ]
      },
      create: (context) => ({
        dropColumn(operation) {
          if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
          context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
        }
      })
    });
  }
});

// rules/ban-drop-database.ts
var ban_drop_database_default;
var init_ban_drop_database = __esm({
  "rules/ban-drop-database.ts"() {
    "use strict";
    init_rule();
    ban_drop_database_default = defineRule({
      id: "ban-drop-database",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Dropping a database from a migration",
        message: ({ name }) => `Dropping database "${name}" from a migration destroys every table in it.`,
        help: "Do not drop databases from a migration; do it by hand, deliberately, after a backup.",
        suggestion: {
          description: "Take it out of the migration, and drop the database by hand, deliberately, after a backup.",
          steps: () => void 0
        },
        rationale: `A migration runs unattended on every environment it reaches. \`DROP DATABASE\` there deletes all data
in that database, irreversibly, and breaks every application connected to it.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropDatabase('analytics');\n  }\n}\n", line: 5 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("DROP DATABASE analytics");\n};\n', line: 2 },
          { sql: "DROP DATABASE analytics;", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createDatabase('analytics', true);\n  }\n}\n" },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("CREATE DATABASE analytics");\n};\n' },
          { sql: "CREATE DATABASE analytics;" }
        ]
      },
      create: (context) => ({
        dropDatabase(operation) {
          context.report(operation, { name: operation.name });
        }
      })
    });
  }
});

// rules/ban-drop-not-null.ts
var ban_drop_not_null_default;
var init_ban_drop_not_null = __esm({
  "rules/ban-drop-not-null.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    ban_drop_not_null_default = defineRule({
      id: "ban-drop-not-null",
      meta: {
        category: "compatibility",
        severity: "warning",
        description: "Dropping NOT NULL from a column",
        message: ({ table, column }) => `Dropping NOT NULL from "${table}"."${column}" lets nulls in, which code that assumes a value may not handle.`,
        help: "Make sure every reader copes with null before the migration runs.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["dropNotNull"] }],
        rationale: `The statement itself is quick, but once NULL is allowed, new rows may lack the value and code (or other
services, reports and ETL jobs) that assumes it is always present can fail. Check every reader first.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "total", models.IntegerField(null=True)),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text' }), new TableColumn({ name: 'phone', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.setNullable('phone');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;", line: 1, column: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "total", models.IntegerField(verbose_name="total")),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class Migration1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('users', new TableColumn({ name: 'phone', type: 'text', isNullable: true }), new TableColumn({ name: 'phone', type: 'text', isNullable: true, default: "''" }));
  }
}
` },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('phone').defaultTo(null).alter({ alterNullable: false });\n  });\n};\n" },
          { sql: "ALTER TABLE users ALTER COLUMN phone SET DEFAULT NULL;" }
        ]
      },
      create: (context) => ({
        dropNotNull(operation) {
          if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
          if (context.schema.column(operation.table, operation.column)?.notNull === false) return;
          context.report(operation, { table: qualifiedName(operation.table), column: operation.column });
        }
      })
    });
  }
});

// rules/ban-drop-table.ts
var ban_drop_table_default;
var init_ban_drop_table = __esm({
  "rules/ban-drop-table.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    init_file_state();
    ban_drop_table_default = defineRule({
      id: "ban-drop-table",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Dropping a table breaks code that still uses it",
        message: ({ table }) => `Dropping table "${table}" breaks application code that still queries it, and loses its data.`,
        help: "Remove every code reference to the table, deploy, and drop it in a later release.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Remove every use of the table from the application and deploy; drop it in a later migration.",
          steps: (operation) => operation.kind === "dropTable" ? [
            { migration: "this", actions: [{ kind: "stateOnly" }] },
            { migration: "later", application: `Remove every use of ${operation.tables.map((table) => `"${qualifiedName(table)}"`).join(", ")} from the application, and deploy.`, lock: "AccessExclusiveLock", actions: [{ kind: "flagged", databaseOnly: true }] }
          ] : void 0
        },
        rationale: `The application release that is still running during a deploy may query the table; once it is dropped
those queries fail. The data is gone too, so a rollback of the application cannot bring it back.

Remove all reads and writes first, deploy, and drop the table in a later release (after a backup if the data
may be needed).

A table dropped and made again under the same name in the same transaction (rebuilt, or a copy renamed into
its place) is not reported: readers find the new table when the transaction commits.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.DeleteModel(name="Order"),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropTable('audit_log');\n  }\n}\n", line: 5 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP TABLE \"sessions\"`);\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.dropTable('audit_log');\n};\n", line: 2 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.dropTableIfExists('sessions');\n};\n", line: 2 },
          { sql: "DROP TABLE audit_log;", line: 1, column: 1 },
          { sql: "BEGIN;\nDROP TABLE IF EXISTS public.sessions CASCADE;\nCOMMIT;", line: 2 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Order")]),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'tmp_import', columns: [{ name: 'id', type: 'bigint' }] }));\n    await queryRunner.dropTable('tmp_import');\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('tmp_import', (t) => t.bigInteger('id'));\n  await knex.schema.dropTable('tmp_import');\n};\n" },
          { sql: "CREATE TABLE tmp_import (id bigint);\nDROP TABLE tmp_import;" },
          { sql: "DROP TABLE audit_log;", options: { fileName: "U3__drop_audit_log.sql" } }
        ]
      },
      create: (context) => {
        const pending = [];
        const remade = (table) => {
          for (let index = pending.length - 1; index >= 0; index--) if (sameTable(pending[index].table, table)) pending.splice(index, 1);
        };
        return {
          dropTable(operation) {
            const existing = operation.tables.find((table) => !context.isNewTable(table));
            if (!existing) return;
            if (context.inTransaction) pending.push({ operation, table: existing });
            else context.report(operation, { table: qualifiedName(existing) });
          },
          createTable(operation) {
            if (!operation.conditional) remade(operation.table);
          },
          renameTable(operation) {
            remade({ ...operation.table, name: operation.newName });
          },
          endOfFile() {
            for (const { operation, table } of pending) context.report(operation, { table: qualifiedName(table) });
          }
        };
      }
    });
  }
});

// rules/ban-truncate-cascade.ts
var ban_truncate_cascade_default;
var init_ban_truncate_cascade = __esm({
  "rules/ban-truncate-cascade.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    ban_truncate_cascade_default = defineRule({
      id: "ban-truncate-cascade",
      meta: {
        category: "locking",
        severity: "error",
        description: "TRUNCATE \u2026 CASCADE",
        message: ({ table }) => `TRUNCATE "${table}" CASCADE also empties every table that references it, recursively, which may be far more than intended.`,
        help: "Truncate the tables you mean explicitly, by name.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Name every table to empty; without CASCADE, PostgreSQL refuses (and names it) if another table still references them, instead of emptying that one too.",
          steps: (operation) => operation.kind === "truncate" ? [{ migration: "this", lock: "AccessExclusiveLock", actions: [edit(operation, { kind: "withoutCascade" }, { ...operation, cascade: false })] }] : void 0
        },
        rationale: `\`CASCADE\` makes \`TRUNCATE\` empty every table with a foreign key to the named tables, and the tables that
reference those, and so on. What gets deleted depends on the schema at run time, not on the migration text, and
every one of those tables is locked ACCESS EXCLUSIVE.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`TRUNCATE TABLE \"customers\" CASCADE`);\n  }\n}\n", line: 5 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("TRUNCATE TABLE customers CASCADE");\n};\n', line: 2 },
          { sql: "TRUNCATE TABLE customers CASCADE;", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.clearTable('import_rows');\n  }\n}\n" },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("TRUNCATE TABLE import_rows");\n};\n' },
          { sql: "TRUNCATE TABLE import_rows, import_batches;" }
        ]
      },
      create: (context) => ({
        truncate(operation) {
          if (operation.cascade) context.report(operation, { table: operation.tables.map(qualifiedName).join('", "') });
        }
      })
    });
  }
});

// rules/ban-uncommitted-transaction.ts
var ban_uncommitted_transaction_default;
var init_ban_uncommitted_transaction = __esm({
  "rules/ban-uncommitted-transaction.ts"() {
    "use strict";
    init_rule();
    ban_uncommitted_transaction_default = defineRule({
      id: "ban-uncommitted-transaction",
      meta: {
        category: "transactions",
        severity: "error",
        description: "BEGIN with no COMMIT or ROLLBACK by the end of the file",
        message: () => "This BEGIN is never committed: the migration ends with its transaction still open.",
        help: "Add COMMIT; at the end of the migration.",
        suggestion: {
          description: "End the transaction with COMMIT at the end of the migration.",
          steps: (operation) => operation.kind === "transaction" ? [{ migration: "this", at: "end", actions: [{ kind: "statement", operation: { ...operation, action: "commit" } }] }] : void 0
        },
        rationale: `A transaction left open at the end of a migration is committed or rolled back by whatever the runner does
next, or holds its locks until the connection closes. Either way the outcome is not what the file says.`
      },
      examples: {
        invalid: [
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);\n  }\n}\n', line: 7 },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("BEGIN");\n  await knex.raw("ALTER TABLE users ADD COLUMN bio text");\n};\n', line: 4 },
          { sql: "BEGIN;\nALTER TABLE users ADD COLUMN bio text;", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n' },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("BEGIN");\n  await knex.raw("ALTER TABLE users ADD COLUMN bio text");\n  await knex.raw("COMMIT");\n};\n' },
          { sql: "BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;" }
        ]
      },
      create: (context) => {
        let openedBy;
        return {
          transaction(operation) {
            if (operation.action === "begin") openedBy ??= context.reopensRunnerTransaction ? void 0 : operation;
            else openedBy = void 0;
          },
          endOfFile() {
            if (openedBy) context.report(openedBy);
          }
        };
      }
    });
  }
});

// src/engine/missing-timeout.ts
function isTimeoutSet(value) {
  return value !== void 0 && !/^\s*0\s*(ms|s|min)?\s*$/i.test(value);
}
function missingTimeoutVisitor(context, setting2) {
  let first;
  let others = 0;
  return {
    anyOperation(operation) {
      if (isTimeoutSet(context.settings.get(setting2))) return;
      const locked = lockedTable(operation, context);
      const table = [locked.table, ...foreignKeyTargets(operation)].find(
        (target) => target !== void 0 && queriesWaitOn(target, (table2) => context.isNewTable(table2))
      );
      if (!table) return;
      if (first) others++;
      else first = { operation, table, ofIndex: table === locked.table && locked.ofIndex };
    },
    endOfFile() {
      if (!first) return;
      const writesOnly = blocksReadsOn(first.operation, first.table) ? {} : { writesOnly: true };
      context.report(first.operation, { table: qualifiedName(first.table), others, ...writesOnly, ...first.ofIndex ? { ofIndex: true } : {} });
    }
  };
}
function lockedTable(operation, context) {
  const target = blockingLockTarget(operation);
  const namesIndex = operation.kind === "dropIndex" || operation.kind === "reindex" && operation.targetKind === "index";
  const table = target && namesIndex ? context.schema.index(target)?.table : void 0;
  return table ? { table, ofIndex: false } : { table: target, ofIndex: namesIndex && target !== void 0 };
}
function lockedRelation({ table, ofIndex }) {
  return ofIndex ? `the table of index "${table}"` : `"${table}"`;
}
function othersClause(others) {
  return others ? ` (and ${others} more in this file)` : "";
}
function timeoutHelp(frontend, statement2, retry) {
  const { code, where } = SETTING_STATEMENT[frontend];
  return `Put ${code(statement2)} ${where}${retry}`;
}
var SETTING_STATEMENT;
var init_missing_timeout = __esm({
  "src/engine/missing-timeout.ts"() {
    "use strict";
    init_operation_helpers();
    init_runner_tables();
    SETTING_STATEMENT = {
      sql: { code: (statement2) => `${statement2};`, where: "at the top of the migration" },
      knex: { code: (statement2) => `await knex.raw("${statement2}")`, where: "at the start of up()" },
      typeorm: { code: (statement2) => `await queryRunner.query("${statement2}")`, where: "at the start of up()" },
      django: { code: (statement2) => `migrations.RunSQL("${statement2}")`, where: "as the first of the migration's operations" }
    };
  }
});

// src/schema/types.ts
function canonicalTypeName(name) {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? (BUILT_IN.has(lower) ? lower : name);
}
function sameType(a, b) {
  return (
    // Case aside: a front-end may not spell an extension's type (`geometry`) as PostgreSQL folds it.
    canonicalTypeName(a.name).toLowerCase() === canonicalTypeName(b.name).toLowerCase() && a.isArray === b.isArray && a.modifiers.length === b.modifiers.length && a.modifiers.every((modifier, index) => modifier === b.modifiers[index])
  );
}
function shortType(type2) {
  const modifiers = type2.modifiers.length > 0 ? `(${type2.modifiers.join(",")})` : "";
  return `${canonicalTypeName(type2.name)}${modifiers}${type2.isArray ? "[]" : ""}`;
}
function classifyTypeChange(from, to, using) {
  if (using === "other") return "rewrite";
  if (sameType(from, to)) return "same";
  if (from.isArray !== to.isArray || from.isArray) return "rewrite";
  const a = canonicalTypeName(from.name);
  const b = canonicalTypeName(to.name);
  if (a === b && WIDENABLE.has(a) && widens(limitOf(a, from), limitOf(b, to))) return "catalogue";
  if (a === "numeric" && b === "numeric") {
    if (to.modifiers.length === 0) return "catalogue";
    const [precision, scale = 0] = from.modifiers;
    const [newPrecision, newScale = 0] = to.modifiers;
    return precision !== void 0 && newPrecision >= precision && newScale === scale ? "catalogue" : "rewrite";
  }
  if (a === "varchar" && b === "text") return "catalogue";
  if (a === "text" && b === "varchar" && to.modifiers.length === 0) return "catalogue";
  if (a === "cidr" && b === "inet") return "catalogue";
  if (a === "timestamp" && b === "timestamptz" || a === "timestamptz" && b === "timestamp") {
    return widens(limitOf(a, from), limitOf(b, to)) ? "timeZone" : "rewrite";
  }
  return "rewrite";
}
function limitOf(name, type2) {
  return type2.modifiers[0] ?? (name.startsWith("time") ? 6 : void 0);
}
function widens(from, to) {
  if (to === void 0) return true;
  return from !== void 0 && to >= from;
}
var ALIASES, SERIAL_BASE, BUILT_IN, WIDENABLE;
var init_types = __esm({
  "src/schema/types.ts"() {
    "use strict";
    ALIASES = {
      int: "int4",
      integer: "int4",
      smallint: "int2",
      bigint: "int8",
      real: "float4",
      "double precision": "float8",
      float: "float8",
      decimal: "numeric",
      boolean: "bool",
      "character varying": "varchar",
      character: "bpchar",
      char: "bpchar",
      "bit varying": "varbit",
      "timestamp with time zone": "timestamptz",
      "timestamp without time zone": "timestamp",
      "time with time zone": "timetz",
      "time without time zone": "time",
      serial4: "serial",
      serial8: "bigserial",
      serial2: "smallserial"
    };
    SERIAL_BASE = { serial: "int4", bigserial: "int8", smallserial: "int2" };
    BUILT_IN = /* @__PURE__ */ new Set([
      "int2",
      "int4",
      "int8",
      "float4",
      "float8",
      "numeric",
      "bool",
      "varchar",
      "bpchar",
      "text",
      "bytea",
      "bit",
      "varbit",
      "uuid",
      "json",
      "jsonb",
      "xml",
      "date",
      "time",
      "timetz",
      "timestamp",
      "timestamptz",
      "interval",
      "inet",
      "cidr",
      "macaddr",
      "macaddr8",
      "money",
      "oid",
      "tsvector",
      "tsquery",
      "point",
      "line",
      "lseg",
      "box",
      "path",
      "polygon",
      "circle",
      "serial",
      "bigserial",
      "smallserial",
      "int4range",
      "int8range",
      "numrange",
      "tsrange",
      "tstzrange",
      "daterange"
    ]);
    WIDENABLE = /* @__PURE__ */ new Set(["varchar", "varbit", "time", "timetz", "timestamp", "timestamptz"]);
  }
});

// rules/changing-column-type.ts
function message({ table, column, detail, from, rewrite, views }) {
  const change = `Changing the type of "${table}"."${column}"`;
  const blocked = views && views.length > 0 ? ` ${views.length === 1 ? "View" : "Views"} ${views.map((view) => `"${view}"`).join(", ")} ${views.length === 1 ? "uses" : "use"} the column: PostgreSQL refuses the change until ${views.length === 1 ? "it is" : "they are"} dropped.` : "";
  if (from === void 0) return `${change}${detail ? ` to ${detail}` : ""} can rewrite the table under an ACCESS EXCLUSIVE lock and break code that expects the old type.${blocked}`;
  const fromTo = `${change} from ${from} to ${detail}`;
  if (rewrite === true) return `${fromTo} rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, and can break code that expects the old type.${blocked}`;
  if (rewrite === false) return `${fromTo} rewrites no rows (PostgreSQL changes only the catalogue), but still takes an ACCESS EXCLUSIVE lock on "${table}" while it waits and runs.${blocked}`;
  return `${fromTo} rewrites the table under an ACCESS EXCLUSIVE lock unless the session's time zone is UTC (PostgreSQL 12+: SET TIME ZONE 'UTC' first), and changes the values code reads.${blocked}`;
}
var isUtc, EXPAND_AND_CONTRACT, CATALOGUE_ONLY, TIME_ZONE, onlyCatalogue, changing_column_type_default;
var init_changing_column_type = __esm({
  "rules/changing-column-type.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    init_missing_timeout();
    init_types();
    isUtc = (zone) => zone !== void 0 && /^\s*(utc|etc\/utc|gmt|etc\/gmt|zulu|z|\+?0+(:00)?)\s*$/i.test(zone);
    EXPAND_AND_CONTRACT = "Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column.";
    CATALOGUE_ONLY = "No new column is needed: keep the statement as it is, under a short lock_timeout.";
    TIME_ZONE = "On PostgreSQL 12+, put SET TIME ZONE 'UTC' before the change in the same migration, and nothing is rewritten; check that the code reads the values as it should. Otherwise add a new column of the new type and backfill it.";
    onlyCatalogue = (subject) => subject.rewrite === false && !(subject.views && subject.views.length > 0);
    changing_column_type_default = defineRule({
      id: "changing-column-type",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Changing a column's type",
        message,
        help: EXPAND_AND_CONTRACT,
        helpFor: ({ subject, frontend }) => onlyCatalogue(subject) ? `It rewrites nothing: keep it. ${timeoutHelp(frontend, "SET lock_timeout = '2s'", ", and retry the migration when it times out, so that its lock cannot queue the table's queries.")}` : subject.from !== void 0 && subject.rewrite === void 0 ? TIME_ZONE : EXPAND_AND_CONTRACT,
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: "possible", operations: ["alterColumnType"] }],
        suggestion: {
          description: "Expand and contract: add a column of the new type; deploy code that writes both and backfill; deploy code that reads the new one; then drop the old one.",
          descriptionFor: ({ subject }) => subject && onlyCatalogue(subject) ? CATALOGUE_ONLY : void 0,
          steps: (operation, { subject }) => {
            if (operation.kind !== "alterColumnType" || !operation.newType || subject && onlyCatalogue(subject)) return void 0;
            const { table, column, newType } = operation;
            const newColumn = `${column}_new`;
            return [
              { migration: "this", lock: "AccessExclusiveLock", actions: [{ kind: "addColumnLike", table, column: newColumn, like: column, type: newType }] },
              {
                migration: "next",
                application: `Write both "${column}" and "${newColumn}" of "${qualifiedName(table)}", and deploy.`,
                lock: "RowExclusiveLock",
                // The values the migration's USING computes, else the old ones cast: a backfill writes what the change would.
                actions: [{ kind: "backfill", table, column: newColumn, value: operation.using !== "other" ? { column, cast: newType } : operation.usingSql ? { sql: operation.usingSql } : { placeholder: "the USING expression" } }]
              },
              {
                migration: "later",
                application: `Read "${newColumn}" and stop writing "${column}", and deploy.`,
                lock: "AccessExclusiveLock",
                actions: [statement({ kind: "dropColumn", location: operation.location, anchorLine: operation.anchorLine, table, column, ifExists: false })]
              }
            ];
          }
        },
        rationale: `Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes while holding an
ACCESS EXCLUSIVE lock, so reads and writes wait for the entire rewrite. Code that is still running may also
send values the new type rejects.

The old type comes from the schema the earlier migrations build (replayed statically). Re-stating the type a
column already has (Knex's \`.alter()\` does) changes nothing and is not reported. A few changes only touch the
catalogue: \`varchar(n)\` to a longer \`varchar\`, to \`varchar\` or \`text\`; \`numeric(p, s)\` to a larger precision
with the same scale, or to \`numeric\`; a longer \`varbit\`; a larger time precision; \`cidr\` to \`inet\`. Those
are warnings: the ACCESS EXCLUSIVE lock is still taken (briefly, but it queues behind running queries), so
they are kept as they are, under a short lock_timeout; a view that uses the column makes PostgreSQL refuse the
change. Between \`timestamp\` and \`timestamptz\`,
PostgreSQL 12+ rewrites nothing when the session's time zone is UTC. When the old type is not known, the
finding says the table can be rewritten. A table created in the same migration is not reported; one renamed
in the same migration is, when the change rewrites its rows.

The safe route for a rewriting change is a new column, dual writes, a batched backfill, a switch of reads,
and dropping the old column later.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "total", models.BigIntegerField()),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'integer' }), new TableColumn({ name: 'id', type: 'bigint' }));\n  }\n}\n", line: 5 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "id" TYPE bigint`);\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id').notNullable().alter();\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;", line: 1, column: 1 },
          { sql: "ALTER TABLE accounts\n  ALTER COLUMN id SET DATA TYPE bigint;", line: 1 },
          { sql: "ALTER TABLE products ALTER COLUMN price TYPE bigint;", line: 1, options: { history: ["CREATE TABLE products (id bigint PRIMARY KEY, price integer, name varchar(50));"] } },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.string('name', 255).alter();\n  });\n};\n", line: 3, options: { history: ["CREATE TABLE products (id bigint PRIMARY KEY, price integer, name varchar(50));"] } },
          { sql: "ALTER TABLE uploaded_file RENAME TO attachment;\nALTER TABLE attachment ALTER COLUMN id TYPE text;", line: 2, options: { history: ["CREATE TABLE uploaded_file (id bigint PRIMARY KEY, name varchar(50));"] } }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterField("order", "status", models.CharField(max_length=20, choices=[("new", "New")])),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.changeColumn('accounts', new TableColumn({ name: 'id', type: 'bigint' }), new TableColumn({ name: 'id', type: 'bigint', comment: 'primary key' }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('accounts', (table) => {\n    table.bigInteger('id_big');\n  });\n};\n" },
          { sql: "CREATE TABLE metrics (value int);\nALTER TABLE metrics ALTER COLUMN value TYPE bigint;" },
          { sql: "ALTER TABLE events ADD COLUMN payload_json jsonb;" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('members', (table) => {\n    table.uuid('role_id').nullable().alter();\n  });\n};\n", options: { history: ["CREATE TABLE members (id bigint PRIMARY KEY, role_id uuid);"] } },
          { sql: "ALTER TABLE members ALTER COLUMN role_id TYPE uuid USING role_id::uuid;", options: { history: ["CREATE TABLE members (id bigint PRIMARY KEY, role_id uuid);"] } },
          { sql: "ALTER TABLE uploaded_file RENAME TO attachment;\nALTER TABLE attachment ALTER COLUMN name TYPE varchar(255);", options: { history: ["CREATE TABLE uploaded_file (id bigint PRIMARY KEY, name varchar(50));"] } },
          { sql: "CREATE TABLE user_report AS SELECT id, name FROM users;\nALTER TABLE user_report ALTER COLUMN id TYPE text;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50));"] } }
        ]
      },
      create: (context) => ({
        alterColumnType(operation) {
          const renamedHere = context.schema.isRenamedTable(operation.table);
          if (context.isNewTable(operation.table) && !renamedHere) return;
          const subject = { table: qualifiedName(operation.table), column: operation.column };
          const from = context.schema.column(operation.table, operation.column)?.type;
          const to = operation.newType;
          if (!from || !to) return context.report(operation, { ...subject, detail: to?.name });
          let change = classifyTypeChange(from, to, operation.using);
          if (change === "same" || renamedHere && change === "catalogue") return;
          if (change === "timeZone" && context.pgVersion >= 12 && isUtc(context.settings.get("timezone"))) change = "catalogue";
          const views = context.schema.viewsUsing(operation.table, operation.column);
          context.report(operation, {
            ...subject,
            detail: shortType(to),
            from: shortType(from),
            ...change === "timeZone" ? {} : { rewrite: change === "rewrite" },
            ...views.length > 0 ? { views } : {},
            // With a view on the column, PostgreSQL refuses even a catalogue-only change: that stays an error.
            ...change === "catalogue" && views.length === 0 ? { atMost: "warning" } : {}
          });
        }
      })
    });
  }
});

// rules/constraint-missing-not-valid.ts
function addedNotValidInSameTransaction(previous, name) {
  for (let index = previous.length - 1; index >= 0; index--) {
    const operation = previous[index];
    if (operation.kind === "transaction") return false;
    if (operation.kind === "addConstraint" && operation.constraint.name === name) return operation.constraint.notValid;
  }
  return false;
}
var constraint_missing_not_valid_default;
var init_constraint_missing_not_valid = __esm({
  "rules/constraint-missing-not-valid.ts"() {
    "use strict";
    init_rule();
    init_object_names();
    init_suggestion_steps();
    init_operation_helpers();
    constraint_missing_not_valid_default = defineRule({
      id: "constraint-missing-not-valid",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a CHECK constraint without NOT VALID, or validating it in the same transaction",
        message: ({ table, name, detail }) => detail === "validate" ? `Validating constraint "${name}" on "${table}" in the same transaction that added it holds the ACCESS EXCLUSIVE lock during the scan.` : `Adding CHECK constraint ${name ? `"${name}" ` : ""}to "${table}" without NOT VALID scans the whole table under an ACCESS EXCLUSIVE lock.`,
        help: "Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration (outside the transaction that added it).",
        locks: [
          { mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["addConstraint"] },
          { mode: "AccessExclusiveLock", on: ["table"], rewrite: false, operations: ["validateConstraint"], held: "transaction" }
        ],
        costIsLockWait: true,
        safeLock: { rewrite: false },
        suggestion: {
          fixable: true,
          description: "Add the CHECK constraint NOT VALID (new rows are checked at once, existing ones are not scanned), then VALIDATE CONSTRAINT in the next migration, which lets reads and writes go on.",
          steps: (operation) => {
            if (operation.kind === "validateConstraint") return [{ migration: "next", lock: "ShareUpdateExclusiveLock", actions: [{ kind: "flagged" }] }];
            if (operation.kind !== "addConstraint" || operation.constraint.kind !== "check") return void 0;
            const name = operation.constraint.name ?? objectName(operation.table, operation.constraint.columns.slice(0, 1), "check");
            const changed2 = { ...operation, constraint: { ...operation.constraint, name, notValid: true } };
            return [
              { migration: "this", lock: "AccessExclusiveLock", actions: [edit(operation, { kind: "notValid", name }, changed2)] },
              { migration: "next", lock: "ShareUpdateExclusiveLock", actions: [validate(operation, operation.table, name)] }
            ];
          }
        },
        rationale: `\`ADD CONSTRAINT \u2026 CHECK\` checks every existing row while holding an ACCESS EXCLUSIVE lock, so all
reads and writes wait for the scan.

Adding it \`NOT VALID\` is instant; \`VALIDATE CONSTRAINT\` then scans under a SHARE UPDATE EXCLUSIVE lock that
lets traffic continue. That only helps if the validation runs in a separate transaction: in the same one,
the ACCESS EXCLUSIVE lock taken by the add is still held during the scan.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddConstraint("order", models.CheckConstraint(condition=models.Q(total__gte=0), name="order_total_gte_0")),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class Migration1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createCheckConstraint('orders', new TableCheck({ name: 'CHK_total', expression: '"total" >= 0' }));
  }
}
`, line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.check('?? >= 0', ['total'], 'positive_total');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0);", line: 1, column: 1 },
          {
            sql: "BEGIN;\nALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;\nCOMMIT;",
            line: 3
          }
        ],
        valid: [
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        AddConstraintNotValid("order", models.CheckConstraint(condition=models.Q(total__gte=0), name="order_total_gte_0")),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "CHK_total" CHECK ("total" >= 0) NOT VALID`);\n  }\n}\n' },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID");\n};\n' },
          { sql: "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;" },
          { sql: "ALTER TABLE orders VALIDATE CONSTRAINT positive_total;" },
          {
            sql: "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;"
          },
          { sql: "CREATE TABLE lines (qty int);\nALTER TABLE lines ADD CONSTRAINT qty_positive CHECK (qty > 0);" }
        ]
      },
      create: (context) => ({
        addConstraint(operation) {
          const { constraint } = operation;
          if (constraint.kind !== "check" || constraint.notValid || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
        },
        validateConstraint(operation) {
          if (!context.inTransaction || !addedNotValidInSameTransaction(context.previous, operation.name)) return;
          context.report(operation, { table: qualifiedName(operation.table), name: operation.name, detail: "validate" });
        }
      })
    });
  }
});

// rules/disallowed-unique-constraint.ts
function uniqueSteps(from, table, columns, name = objectName(table, columns, "key")) {
  const place = { location: from.location, anchorLine: from.anchorLine };
  return [
    {
      migration: "this",
      outsideTransaction: true,
      lock: "ShareUpdateExclusiveLock",
      actions: [statement({ kind: "createIndex", ...place, table, name, columns, unique: true, concurrently: true, ifNotExists: false })]
    },
    { migration: "this", lock: "AccessExclusiveLock", actions: [addConstraint(from, table, { kind: "unique", name, columns: [], notValid: false, usingIndex: name }, true)] }
  ];
}
var disallowed_unique_constraint_default;
var init_disallowed_unique_constraint = __esm({
  "rules/disallowed-unique-constraint.ts"() {
    "use strict";
    init_rule();
    init_object_names();
    init_suggestion_steps();
    init_operation_helpers();
    disallowed_unique_constraint_default = defineRule({
      id: "disallowed-unique-constraint",
      meta: {
        category: "locking",
        severity: "error",
        description: "Adding a UNIQUE constraint without USING INDEX",
        message: ({ table, name }) => `Adding UNIQUE constraint ${name ? `"${name}" ` : ""}to "${table}" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.`,
        help: "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT \u2026 UNIQUE USING INDEX.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        costIsLockWait: true,
        safeLock: { rewrite: false },
        suggestion: {
          description: "Build the unique index with CREATE UNIQUE INDEX CONCURRENTLY (writes go on), outside a transaction, then ADD CONSTRAINT \u2026 UNIQUE USING INDEX, which is instant.",
          steps: (operation) => {
            if (operation.kind === "addConstraint" && operation.constraint.kind === "unique" && operation.constraint.columns.length > 0) {
              return uniqueSteps(operation, operation.table, operation.constraint.columns, operation.constraint.name);
            }
            if (operation.kind !== "addColumn" || !operation.column.unique) return void 0;
            const plain = { ...operation, column: { ...operation.column, unique: false } };
            return [
              { migration: "this", lock: "AccessExclusiveLock", actions: [edit(operation, { kind: "columnWithout", parts: ["unique"] }, plain)] },
              ...uniqueSteps(operation, operation.table, [operation.column.name], void 0)
            ];
          }
        },
        rationale: `A new UNIQUE constraint builds a unique index while the table is locked ACCESS EXCLUSIVE: nothing can
read or write the table until the build finishes.

Build the index with \`CREATE UNIQUE INDEX CONCURRENTLY\` (outside a transaction), then attach it with
\`ALTER TABLE \u2026 ADD CONSTRAINT name UNIQUE USING INDEX index_name\`, which is instant.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddConstraint("order", models.UniqueConstraint(fields=["status", "total"], name="order_status_total_uniq")),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createUniqueConstraint('users', new TableUnique({ name: 'UQ_users_email', columnNames: ['email'] }));\n  }\n}\n", line: 5 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'handle', type: 'text', isNullable: true, isUnique: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.unique(['email']);\n  });\n};\n", line: 3 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.string('handle').unique();\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", line: 1, column: 1 },
          { sql: "ALTER TABLE users ADD COLUMN handle text UNIQUE;", line: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.CreateModel("Coupon", [("id", models.BigAutoField(primary_key=True)), ("code", models.CharField(max_length=20, unique=True))]),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'teams', columns: [{ name: 'slug', type: 'text', isUnique: true }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('teams', (t) => {\n    t.string('slug').unique();\n  });\n};\n" },
          { sql: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;" },
          { sql: "CREATE TABLE teams (slug text);\nALTER TABLE teams ADD CONSTRAINT teams_slug_key UNIQUE (slug);" }
        ]
      },
      create: (context) => ({
        addConstraint(operation) {
          const { constraint } = operation;
          if (constraint.kind !== "unique" || constraint.usingIndex || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table), name: constraint.name });
        },
        addColumn(operation) {
          if (!operation.column.unique || context.isEmptyTable(operation.table)) return;
          context.report(operation, { table: qualifiedName(operation.table) });
        }
      })
    });
  }
});

// rules/identifier-too-long.ts
var MAX_IDENTIFIER_BYTES, identifier_too_long_default;
var init_identifier_too_long = __esm({
  "rules/identifier-too-long.ts"() {
    "use strict";
    init_rule();
    MAX_IDENTIFIER_BYTES = 63;
    identifier_too_long_default = defineRule({
      id: "identifier-too-long",
      meta: {
        category: "transactions",
        severity: "warning",
        description: "An identifier longer than 63 bytes",
        message: ({ name, detail }) => `Identifier "${name}" is ${detail} bytes long; PostgreSQL silently truncates it to 63 bytes.`,
        help: "Shorten the name to 63 bytes or fewer, so the name in the database is the one in the code.",
        rationale: `PostgreSQL keeps only the first 63 bytes of an identifier (NAMEDATALEN - 1) and only emits a NOTICE.
Two long names that share a prefix then collide, and code that refers to the full name (an ORM constraint
name, a later migration) no longer finds it.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer_id_created_at_status_region_warehouse_channel_x', columnNames: ['customer_id'] }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders_fulfillment_events', (table) => {\n    table.index(['customer_id', 'created_at', 'status', 'warehouse']);\n  });\n};\n", line: 3 },
          {
            sql: `CREATE INDEX CONCURRENTLY ${"orders_customer_id_created_at_status_region_".repeat(2)}idx ON orders (customer_id);`,
            line: 1,
            column: 1
          }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer_id', columnNames: ['customer_id'] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders_fulfillment_events', (table) => {\n    table.index(['customer_id', 'created_at', 'status', 'warehouse'], 'ofe_customer_idx');\n  });\n};\n" },
          { sql: "CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);" }
        ]
      },
      create: (context) => ({
        anyOperation(operation) {
          for (const name of operation.identifiers ?? []) {
            const bytes = Buffer.byteLength(name, "utf8");
            if (bytes > MAX_IDENTIFIER_BYTES) context.report(operation, { name, detail: String(bytes) });
          }
        }
      })
    });
  }
});

// rules/prefer-bigint-over-int.ts
var INT_TYPES, prefer_bigint_over_int_default;
var init_prefer_bigint_over_int = __esm({
  "rules/prefer-bigint-over-int.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    INT_TYPES = /* @__PURE__ */ new Set(["int4", "int", "integer", "serial", "serial4"]);
    prefer_bigint_over_int_default = defineRule({
      id: "prefer-bigint-over-int",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A 32-bit integer column",
        message: ({ table, column }) => `Column "${table}"."${column}" is a 32-bit integer, which runs out at about 2.1 billion.`,
        help: "Use bigint (or bigserial / an identity bigint) for ids and counters.",
        rationale: `Ids and counters in a 32-bit \`integer\` overflow at 2,147,483,647. Changing the type later rewrites the
table (see changing-column-type), which is exactly the migration this linter exists to avoid; \`bigint\` costs
four more bytes a row.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "points", models.IntegerField(null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'votes',\n      columns: [{ name: 'count', type: 'integer' }],\n    }));\n  }\n}\n", line: 7 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('votes', (t) => {\n    t.integer('count');\n  });\n};\n", line: 3 },
          { sql: "CREATE TABLE votes (id bigint, count integer);", line: 1, column: 32 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "points", models.BigIntegerField(null=True)),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'votes', columns: [{ name: 'count', type: 'bigint' }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('votes', (t) => {\n    t.bigInteger('count');\n  });\n};\n" },
          { sql: "CREATE TABLE votes (id bigint GENERATED ALWAYS AS IDENTITY, count bigint);" }
        ]
      },
      create: (context) => columnTypeVisitor(context, (type2) => INT_TYPES.has(type2.name))
    });
  }
});

// rules/prefer-bigint-over-smallint.ts
var SMALLINT_TYPES, prefer_bigint_over_smallint_default;
var init_prefer_bigint_over_smallint = __esm({
  "rules/prefer-bigint-over-smallint.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    SMALLINT_TYPES = /* @__PURE__ */ new Set(["int2", "smallint", "smallserial", "serial2"]);
    prefer_bigint_over_smallint_default = defineRule({
      id: "prefer-bigint-over-smallint",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A 16-bit integer column",
        message: ({ table, column }) => `Column "${table}"."${column}" is a 16-bit integer, which runs out at 32,767.`,
        help: "Use bigint unless the range is truly fixed.",
        rationale: `\`smallint\` overflows at 32,767. Widening it later rewrites the table under an ACCESS EXCLUSIVE lock.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "rank", models.SmallIntegerField(null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('products', new TableColumn({ name: 'stock', type: 'smallint', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.smallint('stock');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE products ADD COLUMN stock smallint;", line: 1, column: 33 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "rank", models.BigIntegerField(null=True)),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('products', new TableColumn({ name: 'stock', type: 'bigint', isNullable: true }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('products', (table) => {\n    table.bigInteger('stock');\n  });\n};\n" },
          { sql: "ALTER TABLE products ADD COLUMN stock bigint;" }
        ]
      },
      create: (context) => columnTypeVisitor(context, (type2) => SMALLINT_TYPES.has(type2.name))
    });
  }
});

// rules/prefer-identity.ts
var prefer_identity_default;
var init_prefer_identity = __esm({
  "rules/prefer-identity.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    init_operation_helpers();
    prefer_identity_default = defineRule({
      id: "prefer-identity",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A serial column instead of an identity column",
        message: ({ table, column, detail }) => `Column "${table}"."${column}" uses ${detail}; identity columns are the standard replacement.`,
        help: "Use bigint GENERATED BY DEFAULT AS IDENTITY (or ALWAYS).",
        rationale: `\`serial\` types create a sequence that is owned loosely by the column: permissions, dumps and copies of the
table treat it separately. \`GENERATED \u2026 AS IDENTITY\` is the SQL-standard form and keeps the sequence tied to
the column.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'invoices',\n      columns: [{ name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }],\n    }));\n  }\n}\n", line: 7 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('invoices', (t) => {\n    t.increments();\n  });\n};\n", line: 3 },
          { sql: "CREATE TABLE invoices (id bigserial PRIMARY KEY);", line: 1, column: 24 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.CreateModel("Refund", [("id", models.BigAutoField(primary_key=True))]),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'invoices', columns: [{ name: 'id', type: 'bigint', isPrimary: true, isGenerated: true, generationStrategy: 'identity' }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('invoices', (t) => {\n    t.specificType('id', 'bigint GENERATED ALWAYS AS IDENTITY').primary();\n  });\n};\n" },
          { sql: "CREATE TABLE invoices (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);" }
        ]
      },
      create: (context) => columnTypeVisitor(context, isSerialType)
    });
  }
});

// rules/prefer-robust-stmts.ts
function missingGuard(operation, previous) {
  switch (operation.kind) {
    case "addConstraint": {
      const { name } = operation.constraint;
      const dropsFirst = previous.some((earlier) => earlier.kind === "dropConstraint" && earlier.ifExists && earlier.name === name);
      return dropsFirst ? void 0 : `a DROP CONSTRAINT IF EXISTS ${name ?? "\u2026"} before it`;
    }
    case "renameColumn":
    case "renameTable":
      return "a check that the old name still exists (in a DO block)";
    case "createTable":
      return operation.ifNotExists ? void 0 : "CREATE TABLE IF NOT EXISTS";
    case "createIndex":
      return operation.ifNotExists || !operation.name ? void 0 : "CREATE INDEX IF NOT EXISTS";
    case "addColumn":
      return operation.ifNotExists ? void 0 : "ADD COLUMN IF NOT EXISTS";
    case "dropTable":
      return operation.ifExists ? void 0 : "DROP TABLE IF EXISTS";
    case "dropIndex":
      return operation.ifExists ? void 0 : "DROP INDEX IF EXISTS";
    case "dropColumn":
      return operation.ifExists ? void 0 : "DROP COLUMN IF EXISTS";
    case "dropConstraint":
      return operation.ifExists ? void 0 : "DROP CONSTRAINT IF EXISTS";
    default:
      return void 0;
  }
}
var prefer_robust_stmts_default;
var init_prefer_robust_stmts = __esm({
  "rules/prefer-robust-stmts.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    init_suggestion_steps();
    prefer_robust_stmts_default = defineRule({
      id: "prefer-robust-stmts",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A statement outside a transaction that fails when the migration is re-run",
        message: ({ detail }) => `Without ${detail}, this migration fails if it is re-run after failing part way through.`,
        help: "Add IF [NOT] EXISTS (or drop-if-exists first), so a migration that stopped half way can be run again.",
        suggestion: {
          fixable: true,
          description: "Add IF NOT EXISTS / IF EXISTS (or drop a constraint if it exists before adding it), so that a migration stopped half way can run again.",
          steps: (operation) => {
            const lock = lockTakenBy(operation);
            const taken = lock ? { lock } : {};
            switch (operation.kind) {
              case "createTable":
              case "createIndex":
              case "addColumn":
                return [{ migration: "this", ...taken, actions: [edit(operation, { kind: "ifNotExists" }, { ...operation, ifNotExists: true })] }];
              case "dropTable":
              case "dropIndex":
              case "dropColumn":
              case "dropConstraint":
                return [{ migration: "this", ...taken, actions: [edit(operation, { kind: "ifExists" }, { ...operation, ifExists: true })] }];
              case "addConstraint":
                return operation.constraint.name ? [{ migration: "this", lock: "AccessExclusiveLock", actions: [dropConstraint(operation, operation.table, operation.constraint.name, true), { kind: "flagged" }] }] : void 0;
              default:
                return void 0;
            }
          }
        },
        rationale: `A migration that runs outside a transaction (as \`CREATE INDEX CONCURRENTLY\` must) is not rolled back when
a later statement fails. Re-running it then fails on the statements that already took effect, unless they are
written with \`IF NOT EXISTS\` / \`IF EXISTS\`. Inside a transaction this does not matter, and the rule is quiet.`
      },
      examples: {
        invalid: [
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        AddIndexConcurrently("order", models.Index(fields=["status"], name="order_status_idx")),\n    ]\n', line: 10, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_user" ON "orders" ("user_id")`);\n  }\n}\n', line: 7 },
          { knex: "exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw('CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id)');\n};\n", line: 4 },
          { sql: "CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);", line: 1, column: 1 },
          { sql: "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;", line: 1 },
          { sql: "ALTER TABLE orders RENAME COLUMN total TO total_cents;", line: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "coupon", models.TextField(null=True)),\n    ]\n' },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_orders_user" ON "orders" ("user_id")`);\n  }\n}\n' },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id)");\n};\n' },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.string('note');\n  });\n};\n" },
          { sql: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);" },
          {
            sql: "ALTER TABLE orders DROP CONSTRAINT IF EXISTS total_positive;\nALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;"
          },
          { sql: "ALTER TABLE orders VALIDATE CONSTRAINT total_positive;" },
          { sql: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;" }
        ]
      },
      create: (context) => ({
        anyOperation(operation) {
          const onTemporary = operation.kind === "createTable" ? operation.temporary === true : tablesNamedBy(operation).some((table) => context.isTemporaryTable(table));
          const detail = onTemporary ? void 0 : missingGuard(operation, context.previous);
          if (detail && !context.inTransaction) context.report(operation, { detail });
        }
      })
    });
  }
});

// rules/prefer-text-field.ts
var prefer_text_field_default;
var init_prefer_text_field = __esm({
  "rules/prefer-text-field.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    prefer_text_field_default = defineRule({
      id: "prefer-text-field",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A varchar(n) column",
        message: ({ table, column }) => `Column "${table}"."${column}" is varchar with a length limit; raising the limit later needs a migration that locks the table.`,
        help: "Use text, with a CHECK (char_length(col) <= n) constraint if a limit is needed.",
        rationale: `\`varchar(n)\` and \`text\` are stored the same way. Changing a CHECK constraint can be done \`NOT VALID\` without
blocking; changing \`varchar(n)\` to a shorter length rewrites the table, and even widening takes an ACCESS
EXCLUSIVE lock.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "coupon", models.CharField(max_length=20, null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({\n      name: 'users',\n      columns: [{ name: 'email', type: 'varchar', length: '255' }],\n    }));\n  }\n}\n", line: 7 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('users', (t) => {\n    t.string('email');\n  });\n};\n", line: 3 },
          { sql: "CREATE TABLE users (id bigint, email varchar(255));", line: 1, column: 32 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "coupon", models.TextField(null=True)),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'users', columns: [{ name: 'email', type: 'text' }] }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('users', (t) => {\n    t.text('email');\n  });\n};\n" },
          { sql: "CREATE TABLE users (id bigint, email text);" }
        ]
      },
      create: (context) => columnTypeVisitor(context, (type2) => type2.name === "varchar" && type2.modifiers.length > 0)
    });
  }
});

// rules/prefer-timestamptz.ts
var prefer_timestamptz_default;
var init_prefer_timestamptz = __esm({
  "rules/prefer-timestamptz.ts"() {
    "use strict";
    init_rule();
    init_column_type_rule();
    prefer_timestamptz_default = defineRule({
      id: "prefer-timestamptz",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A timestamp column without time zone",
        message: ({ table, column }) => `Column "${table}"."${column}" is timestamp without time zone, which stores wall-clock times with no zone.`,
        help: "Use timestamptz (timestamp with time zone).",
        rationale: `\`timestamp\` drops the offset, so the same instant written from servers in different zones is stored as
different values, and daylight-saving changes create duplicates. \`timestamptz\` stores an instant.`,
        aliases: ["prefer-timestamp-tz"]
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'shipped_at', type: 'timestamp', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.timestamp('shipped_at', { useTz: false });\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE orders ADD COLUMN shipped_at timestamp;", line: 1, column: 31 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "paid_at", models.DateTimeField(null=True)),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'shipped_at', type: 'timestamp with time zone', isNullable: true }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.timestamp('shipped_at');\n  });\n};\n" },
          { sql: "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;" }
        ]
      },
      create: (context) => columnTypeVisitor(context, (type2) => type2.name === "timestamp")
    });
  }
});

// rules/renaming-column.ts
var renaming_column_default;
var init_renaming_column = __esm({
  "rules/renaming-column.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    renaming_column_default = defineRule({
      id: "renaming-column",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Renaming a column breaks code that uses the old name",
        message: ({ table, column, name }) => `Renaming column "${table}"."${column}" to "${name}" breaks application code that still uses the old name.`,
        help: "Expand and contract: add the new column, write both, backfill, switch reads, and drop the old one later.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Expand and contract: add the new column; deploy code that writes both and backfill; deploy code that reads the new one; then drop the old one.",
          steps: (operation) => {
            if (operation.kind !== "renameColumn") return void 0;
            const { table, column, newName } = operation;
            const where = `"${qualifiedName(table)}"`;
            return [
              { migration: "this", lock: "AccessExclusiveLock", actions: [{ kind: "addColumnLike", table, column: newName, like: column }] },
              {
                migration: "next",
                application: `Write both "${column}" and "${newName}" of ${where} (reads stay on "${column}"), and deploy.`,
                lock: "RowExclusiveLock",
                actions: [{ kind: "backfill", table, column: newName, value: { column } }]
              },
              {
                migration: "later",
                application: `Read "${newName}" and stop writing "${column}", and deploy.`,
                lock: "AccessExclusiveLock",
                actions: [statement({ kind: "dropColumn", location: operation.location, anchorLine: operation.anchorLine, table, column, ifExists: false })]
              }
            ];
          }
        },
        rationale: `The release that is running while the migration applies still uses the old column name, so every
query it makes against the column fails from that moment until the new release is fully rolled out.

Rename in steps instead: add the new column, make the application write both, backfill, switch reads to the
new column, and drop the old one in a later migration.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RenameField(model_name="order", old_name="note", new_name="remark"),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameColumn('users', 'email', 'email_address');\n  }\n}\n", line: 5 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "email" TO "email_address"`);\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.renameColumn('email', 'email_address');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users RENAME COLUMN email TO email_address;", line: 1, column: 1 },
          { sql: "-- keep the old name for reporting\nALTER TABLE users RENAME email TO primary_email;", line: 2 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RenameField(model_name="order", old_name="note", new_name="remark"),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True, db_column="note")),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'invites', columns: [{ name: 'mail', type: 'text' }] }));\n    await queryRunner.renameColumn('invites', 'mail', 'email');\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('invites', (t) => t.text('mail'));\n  await knex.schema.alterTable('invites', (t) => t.renameColumn('mail', 'email'));\n};\n" },
          { sql: "CREATE TABLE invites (id bigint, mail text);\nALTER TABLE invites RENAME COLUMN mail TO email;" },
          { sql: "ALTER TABLE users ADD COLUMN email_address text;" }
        ]
      },
      create: (context) => ({
        renameColumn(operation) {
          if (context.isNewTable(operation.table) || context.isNewColumn(operation.table, operation.column)) return;
          context.report(operation, {
            table: qualifiedName(operation.table),
            column: operation.column,
            name: operation.newName
          });
        }
      })
    });
  }
});

// rules/renaming-table.ts
var renaming_table_default;
var init_renaming_table = __esm({
  "rules/renaming-table.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    init_file_state();
    renaming_table_default = defineRule({
      id: "renaming-table",
      meta: {
        category: "compatibility",
        severity: "error",
        description: "Renaming a table breaks code that uses the old name",
        message: ({ table, name }) => `Renaming table "${table}" to "${name}" breaks application code that still uses the old name.`,
        help: "Expand and contract, or rename and leave a view with the old name for one release.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        suggestion: {
          description: "Rename it and, in the same migration, create a view with the old name (PostgreSQL lets the old code read and write through it); drop the view once the application uses the new name.",
          steps: (operation) => {
            if (operation.kind !== "renameTable") return void 0;
            const renamed = { ...operation.table, name: operation.newName };
            return [
              { migration: "this", lock: "AccessExclusiveLock", actions: [{ kind: "flagged" }, { kind: "createView", view: operation.table, table: renamed }] },
              { migration: "later", application: `Switch the application to "${qualifiedName(renamed)}", and deploy.`, lock: "AccessExclusiveLock", actions: [{ kind: "dropView", view: operation.table }] }
            ];
          }
        },
        rationale: `Code that is still running during the deploy queries the table by its old name and fails as soon as
the rename commits.

Either migrate in steps (new table, dual writes, backfill, switch, drop), or rename the table and create a
simple view under the old name in the same transaction so old code keeps working; drop the view one release
later.

A table set aside under another name and made again under its old name in the same transaction (a rebuild),
or renamed with a view left under the old name, is not reported: the old code finds the new table, or the view,
when the transaction commits.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AlterModelTable(name="order", table="sales_order"),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameTable('customers', 'clients');\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.renameTable('customers', 'clients');\n};\n", line: 2 },
          { sql: "ALTER TABLE customers RENAME TO clients;", line: 1, column: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RenameModel(old_name="Order", new_name="SalesOrder"),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n            options={"db_table": "orders"},\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'staging', columns: [{ name: 'id', type: 'bigint' }] }));\n    await queryRunner.renameTable('staging', 'imports');\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('staging', (t) => t.bigInteger('id'));\n  await knex.schema.renameTable('staging', 'imports');\n};\n" },
          { sql: "CREATE TABLE staging (id bigint);\nALTER TABLE staging RENAME TO imports;" }
        ]
      },
      create: (context) => {
        const pending = [];
        const remade = (table) => {
          for (let index = pending.length - 1; index >= 0; index--) if (sameTable(pending[index].table, table)) pending.splice(index, 1);
        };
        const report = (operation) => context.report(operation, { table: qualifiedName(operation.table), name: operation.newName });
        return {
          renameTable(operation) {
            remade({ ...operation.table, name: operation.newName });
            if (context.isNewTable(operation.table) || renamesIndexOrSequence(context.schema, operation.table)) return;
            if (context.inTransaction) pending.push({ operation, table: operation.table });
            else report(operation);
          },
          createTable(operation) {
            if (!operation.conditional) remade(operation.table);
          },
          other(operation) {
            if (operation.change?.kind === "createView" && !operation.change.materialized) remade(operation.change.view);
          },
          endOfFile() {
            for (const { operation } of pending) report(operation);
          }
        };
      }
    });
  }
});

// rules/require-concurrent-index-creation.ts
var PARTITIONED_HELP, require_concurrent_index_creation_default;
var init_require_concurrent_index_creation = __esm({
  "rules/require-concurrent-index-creation.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    PARTITIONED_HELP = "Build it partition by partition: CREATE INDEX CONCURRENTLY on each partition, CREATE INDEX \u2026 ON ONLY the parent, then ALTER INDEX \u2026 ATTACH PARTITION each partition's index.";
    require_concurrent_index_creation_default = defineRule({
      id: "require-concurrent-index-creation",
      meta: {
        category: "locking",
        severity: "error",
        description: "Creating an index without CONCURRENTLY",
        message: ({ table, name, partitioned }) => partitioned ? `Creating index${name ? ` "${name}"` : ""} on partitioned table "${table}" builds it on every partition, blocking writes to each until built; an index on a partitioned table cannot be built CONCURRENTLY.` : `Creating index${name ? ` "${name}"` : ""} on "${table}" without CONCURRENTLY blocks all writes to the table until the index is built.`,
        help: "Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.",
        locks: [{ mode: "ShareLock", on: ["table"], rewrite: false, operations: ["createIndex"] }],
        costIsLockWait: true,
        safeLock: { mode: "ShareUpdateExclusiveLock", rewrite: false },
        helpFor: ({ subject }) => subject.partitioned ? PARTITIONED_HELP : "Use CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction.",
        suggestion: {
          fixable: true,
          description: "Build the index with CREATE INDEX CONCURRENTLY, which lets writes go on, in a migration that runs outside a transaction.",
          // A partitioned table's index is built partition by partition (the help says how): no single statement does it.
          steps: (operation, facts) => operation.kind === "createIndex" && !facts.subject?.partitioned ? [concurrently(operation)] : void 0
        },
        rationale: `A plain \`CREATE INDEX\` holds a SHARE lock for the whole build: reads go on, but every \`INSERT\`,
\`UPDATE\` and \`DELETE\` waits, which on a large table means minutes of failed writes.

\`CREATE INDEX CONCURRENTLY\` builds the index without blocking writes. It cannot run inside a transaction, so
put it in its own migration with the runner's transaction turned off, and check for an \`INVALID\` index if
it fails.

A partitioned table's index cannot be built \`CONCURRENTLY\`. Build it partition by partition instead:
\`CREATE INDEX CONCURRENTLY\` on each partition, then \`CREATE INDEX \u2026 ON ONLY\` the parent (which builds
nothing and leaves the parent's index invalid), then \`ALTER INDEX \u2026 ATTACH PARTITION\` each partition's index;
the parent's index is valid once every partition's is attached. \`CREATE INDEX \u2026 ON ONLY\` is not a finding, and
neither is an index on the parent created after every partition has a matching one, since PostgreSQL then
attaches those instead of building.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddIndex("order", models.Index(fields=["status"], name="order_status_idx")),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'] }));\n  }\n}\n", line: 5 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX "IDX_orders_customer" ON "orders" ("customer_id")`);\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.index(['customer_id']);\n  });\n};\n", line: 3 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.bigInteger('customer_id').index();\n  });\n};\n", line: 3 },
          { sql: "CREATE INDEX orders_customer_idx ON orders (customer_id);", line: 1, column: 1 },
          { sql: "SET lock_timeout = '2s';\nCREATE UNIQUE INDEX IF NOT EXISTS users_email_key\n  ON users (lower(email));", line: 2 }
        ],
        valid: [
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        AddIndexConcurrently("order", models.Index(fields=["status"], name="order_status_idx")),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createTable(new Table({ name: 'carts', columns: [{ name: 'user_id', type: 'bigint' }], indices: [{ name: 'IDX_carts_user', columnNames: ['user_id'] }] }));\n  }\n}\n" },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_customer" ON "orders" ("customer_id")`);\n  }\n}\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'], isConcurrent: true }));\n  }\n}\n" },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");\n};\n' },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('carts', (t) => {\n    t.bigInteger('user_id').index();\n  });\n};\n" },
          { sql: "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);" },
          { sql: "CREATE TABLE carts (id bigint, user_id bigint);\nCREATE INDEX carts_user_idx ON carts (user_id);" }
        ]
      },
      create: (context) => ({
        createIndex(operation) {
          if (operation.concurrently || operation.only || context.isEmptyTable(operation.table)) return;
          const partitioned = context.isPartitioned(operation.table);
          if (partitioned && context.partitionsIndexedOn(operation.table, operation.columns)) return;
          context.report(operation, { table: qualifiedName(operation.table), name: operation.name, ...partitioned ? { partitioned } : {} });
        }
      })
    });
  }
});

// rules/require-concurrent-index-deletion.ts
var require_concurrent_index_deletion_default;
var init_require_concurrent_index_deletion = __esm({
  "rules/require-concurrent-index-deletion.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    require_concurrent_index_deletion_default = defineRule({
      id: "require-concurrent-index-deletion",
      meta: {
        category: "locking",
        severity: "error",
        description: "Dropping an index without CONCURRENTLY",
        message: ({ name, table }) => `Dropping index "${name}" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table${table ? ` "${table}"` : ""}, blocking reads and writes.`,
        help: "Use DROP INDEX CONCURRENTLY, in a migration that runs outside a transaction.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table", "index"], rewrite: false }],
        safeLock: { mode: "ShareUpdateExclusiveLock", rewrite: false },
        suggestion: {
          fixable: true,
          description: "Drop the index with DROP INDEX CONCURRENTLY (one index per statement), in a migration that runs outside a transaction.",
          steps: (operation) => {
            if (operation.kind !== "dropIndex") return void 0;
            if (operation.names.length === 1) return [concurrently(operation)];
            const each = operation.names.map((name) => statement({ ...operation, names: [name], concurrently: true }));
            return [{ migration: "this", outsideTransaction: true, lock: "ShareUpdateExclusiveLock", actions: each }];
          }
        },
        rationale: `\`DROP INDEX\` takes an ACCESS EXCLUSIVE lock on the index's table. It is quick once it has the lock, but
it has to wait for every running query on the table first, and every query that arrives meanwhile queues
behind it.

\`DROP INDEX CONCURRENTLY\` waits for conflicting transactions without blocking others. It cannot run inside a
transaction.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RemoveIndex(model_name="order", name="order_status_idx"),\n    ]\n', line: 8, options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropIndex('orders', 'IDX_orders_customer');\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('orders', (table) => {\n    table.dropIndex(['customer_id']);\n  });\n};\n", line: 3 },
          { sql: "DROP INDEX orders_customer_idx;", line: 1, column: 1 },
          { sql: "DROP INDEX IF EXISTS public.users_email_key;", line: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'], isConcurrent: true }));\n  }\n}\n" },
          { django: 'from django.contrib.postgres.operations import AddConstraintNotValid, AddIndexConcurrently, RemoveIndexConcurrently\nfrom django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        RemoveIndexConcurrently(model_name="order", name="order_status_idx"),\n    ]\n', options: { djangoHistory: ['from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("total", models.IntegerField()),\n                ("note", models.TextField(null=True)),\n                ("status", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n'] } },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS \"IDX_orders_customer\"`);\n  }\n}\n" },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("DROP INDEX CONCURRENTLY IF EXISTS orders_customer_id_index");\n};\n' },
          { sql: "DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;" },
          { sql: "CREATE TABLE carts (id bigint);\nCREATE INDEX carts_id_idx ON carts (id);\nDROP INDEX carts_id_idx;" }
        ]
      },
      create: (context) => ({
        dropIndex(operation) {
          if (operation.concurrently) return;
          const existing = operation.names.find((name) => {
            const index = context.schema.index(name);
            return !index || !context.isNewTable(index.table);
          });
          if (!existing) return;
          const table = context.schema.index(existing)?.table;
          context.report(operation, { name: qualifiedName(existing), ...table ? { table: qualifiedName(table) } : {} });
        }
      })
    });
  }
});

// rules/require-concurrent-partition-detach.ts
var require_concurrent_partition_detach_default;
var init_require_concurrent_partition_detach = __esm({
  "rules/require-concurrent-partition-detach.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    init_operation_helpers();
    require_concurrent_partition_detach_default = defineRule({
      id: "require-concurrent-partition-detach",
      meta: {
        category: "locking",
        severity: "error",
        description: "DETACH PARTITION without CONCURRENTLY",
        message: ({ table, name }) => `Detaching partition "${name}" from "${table}" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the parent table.`,
        help: "Use DETACH PARTITION \u2026 CONCURRENTLY (PostgreSQL 14+), outside a transaction.",
        locks: [{ mode: "AccessExclusiveLock", on: ["table"], rewrite: false }],
        safeLock: { mode: "ShareUpdateExclusiveLock", on: ["table"], rewrite: false },
        suggestion: {
          fixable: true,
          description: "Detach it with DETACH PARTITION \u2026 CONCURRENTLY (PostgreSQL 14+), in a migration that runs outside a transaction.",
          steps: (operation, facts) => operation.kind === "detachPartition" && facts.pgVersion >= 14 ? [concurrently(operation)] : void 0
        },
        rationale: `Detaching a partition normally locks the partitioned (parent) table ACCESS EXCLUSIVE, blocking every query
on every partition. From PostgreSQL 14, \`DETACH PARTITION \u2026 CONCURRENTLY\` uses a SHARE UPDATE EXCLUSIVE lock
instead and lets queries continue. (It still takes an ACCESS EXCLUSIVE lock on the partition being detached,
briefly, in its last step.)`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE measurements DETACH PARTITION measurements_2023`);\n  }\n}\n", line: 5 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("ALTER TABLE measurements DETACH PARTITION measurements_2023");\n};\n', line: 2 },
          { sql: "ALTER TABLE measurements DETACH PARTITION measurements_2023;", line: 1, column: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY`);\n  }\n}\n" },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY");\n};\n' },
          { sql: "ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;" }
        ]
      },
      create: (context) => ({
        detachPartition(operation) {
          if (operation.concurrently) return;
          context.report(operation, { table: qualifiedName(operation.table), name: qualifiedName(operation.partition) });
        }
      })
    });
  }
});

// rules/require-concurrent-reindex.ts
var require_concurrent_reindex_default;
var init_require_concurrent_reindex = __esm({
  "rules/require-concurrent-reindex.ts"() {
    "use strict";
    init_rule();
    init_suggestion_steps();
    require_concurrent_reindex_default = defineRule({
      id: "require-concurrent-reindex",
      meta: {
        category: "locking",
        severity: "error",
        description: "REINDEX without CONCURRENTLY",
        message: ({ name }) => `REINDEX of "${name}" without CONCURRENTLY blocks writes to the table, and reads that use the index, until it finishes.`,
        help: "Use REINDEX \u2026 CONCURRENTLY (PostgreSQL 12+), outside a transaction.",
        locks: [
          { mode: "ShareLock", on: ["table"], rewrite: false },
          { mode: "AccessExclusiveLock", on: ["index"], rewrite: false }
        ],
        safeLock: { mode: "ShareUpdateExclusiveLock", rewrite: false },
        suggestion: {
          fixable: true,
          description: "Rebuild it with REINDEX \u2026 CONCURRENTLY (PostgreSQL 12+), which lets reads and writes go on, in a migration that runs outside a transaction.",
          steps: (operation, facts) => operation.kind === "reindex" && facts.pgVersion >= 12 && operation.targetKind !== "system" ? [concurrently(operation)] : void 0
        },
        rationale: `A plain \`REINDEX\` locks out writes to the table and takes an ACCESS EXCLUSIVE lock on each index it
rebuilds, so queries that would use the index wait too. \`REINDEX CONCURRENTLY\` (PostgreSQL 12+) builds a new
index alongside and swaps it in with only brief locks.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX TABLE \"orders\"`);\n  }\n}\n", line: 5 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("REINDEX TABLE orders");\n};\n', line: 2 },
          { sql: "REINDEX INDEX orders_customer_idx;", line: 1, column: 1 },
          { sql: "REINDEX TABLE orders;", line: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`REINDEX TABLE CONCURRENTLY \"orders\"`);\n  }\n}\n" },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("REINDEX TABLE CONCURRENTLY orders");\n};\n' },
          { sql: "REINDEX INDEX CONCURRENTLY orders_customer_idx;" }
        ]
      },
      create: (context) => ({
        reindex(operation) {
          if (!operation.concurrently && operation.targetKind !== "system") context.report(operation, { name: operation.target });
        }
      })
    });
  }
});

// rules/require-lock-timeout.ts
var require_lock_timeout_default;
var init_require_lock_timeout = __esm({
  "rules/require-lock-timeout.ts"() {
    "use strict";
    init_rule();
    init_statement_locks();
    init_missing_timeout();
    require_lock_timeout_default = defineRule({
      id: "require-lock-timeout",
      meta: {
        category: "locking",
        severity: "warning",
        description: "A lock that blocks reads or writes is taken with no lock_timeout set",
        message: ({ table, others, writesOnly, ofIndex }) => `This statement${othersClause(others)} waits for a blocking lock on ${lockedRelation({ table, ofIndex })} with no lock_timeout set; while it waits, every ${writesOnly ? "write to" : "query on"} the table queues behind it.`,
        help: "Put SET lock_timeout = '2s'; at the top of the migration, and retry the migration when it times out.",
        locks: BLOCKING_STATEMENT_LOCKS,
        helpFor: ({ frontend }) => timeoutHelp(frontend, "SET lock_timeout = '2s'", ", and retry the migration when it times out."),
        suggestion: {
          fixable: true,
          description: "Set lock_timeout at the top of the migration, and retry the migration when it times out.",
          steps: () => [{ migration: "this", at: "top", actions: [{ kind: "setting", name: "lock_timeout", value: "'2s'" }] }]
        },
        rationale: `Even a statement that is instant once it has its lock (adding a nullable column, say) must first wait
for every transaction already using the table. While it waits in the lock queue, every new query on the table
waits behind it: one long-running report can turn a millisecond migration into an outage.

This applies to every lock that conflicts with the application's reads or writes: ACCESS EXCLUSIVE (most
\`ALTER TABLE\` forms, \`DROP\`, \`TRUNCATE\`), SHARE ROW EXCLUSIVE (foreign keys, on both tables) and SHARE
(\`CREATE INDEX\` without \`CONCURRENTLY\`). Setting \`lock_timeout\` makes the migration give up instead of
stalling the application; retry it later. Reported once per file, at the first statement that needs it,
with the number of the others; the help shows the setting in the file's own language (\`knex.raw\`,
\`queryRunner.query\`).`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "coupon", models.TextField(null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ADD COLUMN nickname text;", line: 1, column: 1 },
          { sql: "SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ADD COLUMN bio text;", line: 2 },
          { sql: "CREATE INDEX CONCURRENTLY users_bio_idx ON users (bio);\nCREATE INDEX users_name_idx ON users (name);", line: 2 },
          { sql: "CREATE TABLE avatars (user_id bigint REFERENCES users (id));", line: 1 }
        ],
        valid: [
          { django: `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RunSQL("SET LOCAL lock_timeout = '2s'", migrations.RunSQL.noop),
        migrations.AddField("order", "coupon", models.TextField(null=True)),
    ]
` },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`SET LOCAL lock_timeout = '2s'`);\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n" },
          { knex: `exports.up = async (knex) => {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
  });
};
` },
          { sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;" },
          { sql: "BEGIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;" },
          { sql: "CREATE TABLE tags (id bigint);\nALTER TABLE tags ADD COLUMN label text;" },
          { sql: "CREATE TABLE public.categories (id bigint PRIMARY KEY, parent_id bigint REFERENCES categories (id));" }
        ]
      },
      create: (context) => missingTimeoutVisitor(context, "lock_timeout")
    });
  }
});

// rules/require-statement-timeout.ts
var require_statement_timeout_default;
var init_require_statement_timeout = __esm({
  "rules/require-statement-timeout.ts"() {
    "use strict";
    init_rule();
    init_statement_locks();
    init_missing_timeout();
    require_statement_timeout_default = defineRule({
      id: "require-statement-timeout",
      meta: {
        category: "locking",
        severity: "off",
        description: "A blocking lock is taken with no statement_timeout set",
        message: ({ table, others, ofIndex }) => `This statement${othersClause(others)} locks ${lockedRelation({ table, ofIndex })} with no statement_timeout set, so nothing bounds how long it holds the lock.`,
        help: "Put SET statement_timeout = '5s'; at the top of the migration (or a limit that fits the change).",
        helpFor: ({ frontend }) => timeoutHelp(frontend, "SET statement_timeout = '5s'", " (or a limit that fits the change)."),
        locks: BLOCKING_STATEMENT_LOCKS,
        suggestion: {
          fixable: true,
          description: "Set statement_timeout at the top of the migration (or a limit that fits the change).",
          steps: () => [{ migration: "this", at: "top", actions: [{ kind: "setting", name: "statement_timeout", value: "'5s'" }] }]
        },
        rationale: `\`lock_timeout\` bounds how long a statement waits for its lock; \`statement_timeout\` bounds how long it
runs once it has it. Without one, a statement that unexpectedly rewrites or scans a large table holds its lock
for as long as that takes. Off by default (in the \`strict\` preset): long data migrations legitimately run
for a while.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.AddField("order", "coupon", models.TextField(null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('nickname');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ADD COLUMN nickname text;", line: 1, column: 1 }
        ],
        valid: [
          { django: `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RunSQL("SET LOCAL statement_timeout = '5s'", migrations.RunSQL.noop),
        migrations.AddField("order", "coupon", models.TextField(null=True)),
    ]
` },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`SET LOCAL statement_timeout = '5s'`);\n    await queryRunner.addColumn('users', new TableColumn({ name: 'nickname', type: 'text', isNullable: true }));\n  }\n}\n" },
          { knex: `exports.up = async (knex) => {
  await knex.raw("SET LOCAL statement_timeout = '5s'");
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
  });
};
` },
          { sql: "SET statement_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;" }
        ]
      },
      create: (context) => missingTimeoutVisitor(context, "statement_timeout")
    });
  }
});

// rules/require-table-schema.ts
var require_table_schema_default;
var init_require_table_schema = __esm({
  "rules/require-table-schema.ts"() {
    "use strict";
    init_rule();
    init_operation_helpers();
    require_table_schema_default = defineRule({
      id: "require-table-schema",
      meta: {
        category: "conventions",
        severity: "off",
        description: "A table named without its schema",
        message: ({ table }) => `Table "${table}" is named without a schema, so which table it means depends on the search_path.`,
        help: "Qualify the table with its schema, e.g. public.users.",
        rationale: `An unqualified name resolves through \`search_path\`, which differs between roles, tools and environments.
Qualifying names makes the migration act on the same table everywhere.`
      },
      examples: {
        invalid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('users', new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n", line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.text('bio');\n  });\n};\n", line: 3 },
          { sql: "ALTER TABLE users ADD COLUMN bio text;", line: 1, column: 1 },
          { sql: "DROP TABLE IF EXISTS public.sessions, sessions_old;", line: 1 }
        ],
        valid: [
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('public.users', new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.withSchema('public').alterTable('users', (table) => {\n    table.text('bio');\n  });\n};\n" },
          { sql: "ALTER TABLE public.users ADD COLUMN bio text;" },
          { sql: "DROP TABLE public.sessions;" },
          { sql: "CREATE TEMP TABLE moved_ids (id bigint) ON COMMIT DROP;\nINSERT INTO moved_ids SELECT id FROM public.orders;\nDROP TABLE moved_ids;" }
        ]
      },
      create: (context) => {
        const reportedAt = /* @__PURE__ */ new Set();
        return {
          anyOperation(operation) {
            const isTemporary = operation.kind === "createTable" ? operation.temporary === true : false;
            const table = tablesNamedBy(operation).find((named) => !named.schema && !isTemporary && !context.isTemporaryTable(named));
            const place = `${operation.location.line}:${operation.location.column}`;
            if (!table || reportedAt.has(place)) return;
            reportedAt.add(place);
            context.report(operation, { table: table.name });
          }
        };
      }
    });
  }
});

// rules/syntax-error.ts
var syntax_error_default;
var init_syntax_error = __esm({
  "rules/syntax-error.ts"() {
    "use strict";
    init_rule();
    syntax_error_default = defineRule({
      id: "syntax-error",
      meta: {
        category: "transactions",
        severity: "error",
        description: "PostgreSQL's parser rejects the SQL",
        message: ({ detail }) => `${detail}`,
        help: "Fix the SQL so that PostgreSQL can parse it; nothing else in the file was checked.",
        rationale: `migralint parses SQL with PostgreSQL's own parser. When it rejects a file (or a SQL string inside a Knex
or TypeORM migration), PostgreSQL would reject it too, and none of the file's other statements could be
checked. The finding points where the parser stopped.`,
        source: "frontend"
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunSQL("ALTER TABLE shop_order ADD COLUM note text"),\n    ]\n', line: 8 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "email" text NOT NUL`);\n  }\n}\n', line: 5, column: 78 },
          { knex: 'exports.up = async (knex) => {\n  await knex.raw("ALTER TABLE users ADD COLUMN email text NOT NUL");\n};\n', line: 2, column: 63 },
          { sql: "ALTER TABLE users ADD COLUMN email text NOT NUL;", line: 1, column: 45 },
          { sql: "-- caf\xE9\nCREATE TABLE caf\xE9 (id bigint,);", line: 2, column: 30 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunSQL("ALTER TABLE shop_order ADD COLUMN note text", reverse_sql="ALTER TABLE shop_order DROP COLUM note"),\n    ]\n' },
          { typeorm: `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class Migration1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "users" ADD COLUMN "email" text NOT NULL DEFAULT ''\`);
  }
}
` },
          { knex: `exports.up = async (knex) => {
  await knex.raw("ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT ''");
};
` },
          { sql: "ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT '';" }
        ]
      },
      create: () => ({})
    });
  }
});

// rules/transaction-nesting.ts
var transaction_nesting_default;
var init_transaction_nesting = __esm({
  "rules/transaction-nesting.ts"() {
    "use strict";
    init_rule();
    transaction_nesting_default = defineRule({
      id: "transaction-nesting",
      meta: {
        category: "transactions",
        severity: "error",
        description: "BEGIN inside a transaction, or COMMIT/ROLLBACK without BEGIN",
        message: ({ detail }) => `${detail}`,
        help: "Let the migration runner manage the transaction, or, where the runner can be told to, turn its transaction off and manage it in the file.",
        suggestion: {
          description: "Remove the BEGIN and its COMMIT (or the stray COMMIT/ROLLBACK): the runner already runs the migration in a transaction. To manage the transaction in the file instead, turn the runner's off where it has a switch (-- +goose NO TRANSACTION, exports.config = { transaction: false }, transaction = false, atomic = False); drizzle's migrator and synapse have none.",
          steps: () => void 0
        },
        rationale: `PostgreSQL has no nested transactions: a \`BEGIN\` inside a transaction only warns and is ignored, and the
first \`COMMIT\` then commits everything, including the runner's own transaction, so the runner can no longer
roll the migration back on failure. A \`COMMIT\` or \`ROLLBACK\` with no \`BEGIN\` in the file ends a
transaction the file did not start.`
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunSQL("BEGIN; ALTER TABLE shop_order ADD COLUMN note text; COMMIT;"),\n    ]\n', line: 8 },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n', line: 5 },
          { knex: "exports.up = async (knex) => {\n  await knex.raw('BEGIN');\n  await knex.raw('ALTER TABLE users ADD COLUMN bio text');\n  await knex.raw('COMMIT');\n};\n", line: 2 },
          { sql: "BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;", line: 1, column: 1, options: { assumeInTransaction: true } },
          { sql: "BEGIN;\nBEGIN;\nCOMMIT;", line: 2 },
          { sql: "ALTER TABLE users ADD COLUMN bio text;\nCOMMIT;", line: 2 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    atomic = False\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunSQL("BEGIN; ALTER TABLE shop_order ADD COLUMN note text; COMMIT;"),\n    ]\n' },
          { typeorm: 'import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from \'typeorm\';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  transaction = false;\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.startTransaction();\n    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);\n    await queryRunner.commitTransaction();\n  }\n}\n' },
          { knex: 'exports.config = { transaction: false };\n\nexports.up = async (knex) => {\n  await knex.raw("BEGIN");\n  await knex.raw("ALTER TABLE users ADD COLUMN bio text");\n  await knex.raw("COMMIT");\n};\n' },
          { sql: "BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;" }
        ]
      },
      create: (context) => ({
        transaction(operation) {
          if (operation.action === "begin" && (context.runnerTransactionOpen || context.explicitTransaction)) {
            const whose = context.explicitTransaction ? "an earlier BEGIN" : "the migration runner's transaction";
            context.report(operation, { detail: `BEGIN inside ${whose}: PostgreSQL does not nest transactions.` });
          } else if (operation.action !== "begin" && !context.explicitTransaction) {
            const action = operation.action.toUpperCase();
            context.report(operation, { detail: `${action} without a BEGIN in this file ends a transaction the file did not start.` });
          }
        }
      })
    });
  }
});

// rules/unanalyzed-code.ts
var unanalyzed_code_default;
var init_unanalyzed_code = __esm({
  "rules/unanalyzed-code.ts"() {
    "use strict";
    init_rule();
    unanalyzed_code_default = defineRule({
      id: "unanalyzed-code",
      meta: {
        category: "transactions",
        severity: "warning",
        description: "Migration code that static analysis cannot follow",
        message: ({ detail }) => `${detail}`,
        help: "Check this code by hand, or write it with literal table names and SQL so it can be checked.",
        rationale: `migralint reads Knex and TypeORM migrations without running them. SQL assembled at run time, table names
held in variables from elsewhere, helpers imported from other files and loops cannot be followed, so any
dangerous operation inside them would go unreported. This warning marks each such spot, so that silence is
never mistaken for safety.

The same goes for what is beyond the parsers' limits, in any file: a SQL statement nested more than 1,000 levels
deep or of more than 250,000 tokens, a constant of more than 1,000,000 characters, JavaScript nested too deeply
to be parsed. Only that statement or that part is left out; the rest of the file is checked.`,
        source: "frontend"
      },
      examples: { invalid: [
        { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunPython(fill_totals),\n    ]\n', line: 8 },
        { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nimport { addAuditColumns } from './helpers';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await addAuditColumns(queryRunner, 'users');\n  }\n}\n", line: 7, column: 11 },
        { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(buildMigrationSql());\n  }\n}\n", line: 5, column: 29 },
        { knex: "const { addAuditColumns } = require('./helpers');\n\nexports.up = async (knex) => {\n  await addAuditColumns(knex, 'users');\n};\n", line: 4, column: 9 },
        { knex: "exports.up = async (knex, tableName) => {\n  await knex.schema.dropTable(tableName);\n};\n", line: 2, column: 31 },
        { knex: "exports.up = async (knex) => {\n  const column = process.env.COLUMN;\n  await knex.raw(`ALTER TABLE users DROP COLUMN ${column} CASCADE CASCADE`);\n};\n", line: 3, column: 18 }
      ], valid: [
        { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        migrations.RunPython(fill_totals, migrations.RunPython.noop),\n    ]\n' },
        { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const table = await queryRunner.getTable('users');\n    await queryRunner.addColumn(table, new TableColumn({ name: 'bio', type: 'text', isNullable: true }));\n  }\n}\n" },
        { knex: "const TABLE = 'users';\n\nexports.up = async (knex) => {\n  await knex.schema.alterTable(TABLE, (table) => table.text('bio'));\n};\n" },
        { knex: "const addBio = (db) => db.schema.alterTable('users', (table) => table.text('bio'));\n\nexports.up = async (knex) => {\n  await addBio(knex);\n};\n" }
      ] },
      create: () => ({})
    });
  }
});

// src/schema/names.ts
function truncateIdentifier(name) {
  if (name.length <= 21 || name.length <= MAX_IDENTIFIER_BYTES2 && !NON_ASCII.test(name) || Buffer.byteLength(name, "utf8") <= MAX_IDENTIFIER_BYTES2) return name;
  let cut = "";
  for (const character of name) {
    if (Buffer.byteLength(cut + character, "utf8") > MAX_IDENTIFIER_BYTES2) break;
    cut += character;
  }
  return cut;
}
function objectName2(name1, name2, label) {
  const overhead = label.length + 1 + (name2 ? 1 : 0);
  const available = MAX_IDENTIFIER_BYTES2 - overhead;
  let length1 = name1.length;
  let length2 = name2?.length ?? 0;
  while (length1 + length2 > available) {
    if (length1 > length2) length1--;
    else length2--;
  }
  return [name1.slice(0, length1), ...name2 ? [name2.slice(0, length2)] : [], label].join("_");
}
function chooseName(table, columns, label, taken) {
  const columnPart = label === NAME_LABELS.primaryKey || columns.length === 0 ? void 0 : columns.join("_");
  const base = objectName2(table, columnPart, label);
  if (!taken(base)) return base;
  for (let suffix = 1; ; suffix++) {
    const candidate = objectName2(table, columnPart, `${label}${suffix}`);
    if (!taken(candidate)) return candidate;
  }
}
var MAX_IDENTIFIER_BYTES2, NON_ASCII, NAME_LABELS;
var init_names = __esm({
  "src/schema/names.ts"() {
    "use strict";
    MAX_IDENTIFIER_BYTES2 = 63;
    NON_ASCII = /[^\x00-\x7f]/;
    NAME_LABELS = { primaryKey: "pkey", unique: "key", foreignKey: "fkey", check: "check", exclusion: "excl", index: "idx" };
  }
});

// src/schema/catalogue.ts
function pick(candidates, schema) {
  if (candidates.length === 1) {
    const [only] = candidates;
    return schema === void 0 || only.schema === void 0 || sameSchema(only.schema, schema) ? only : void 0;
  }
  if (schema !== void 0) return candidates.find((candidate) => candidate.schema !== void 0 && sameSchema(candidate.schema, schema)) ?? candidates.find((candidate) => candidate.schema === void 0);
  return candidates.find((candidate) => candidate.schema === void 0 || candidate.schema === "public") ?? candidates[0];
}
function findColumn(table, name) {
  return findNamed(table.columns, truncateIdentifier(name));
}
function findConstraint(table, name) {
  return findNamed(table.constraints, truncateIdentifier(name));
}
function findNamed(entries, name) {
  const exact = entries.find((entry) => entry.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return entries.find((entry) => entry.name.toLowerCase() === lower);
}
function findSequence(catalogue, name) {
  const wanted = truncateIdentifier(name.name);
  if (!catalogue.sequenceNames.has(wanted)) return void 0;
  for (const table of catalogue.tables) {
    if (name.schema !== void 0 && table.schema !== void 0 && table.schema !== name.schema) continue;
    const column = table.columns.find((candidate) => candidate.sequence === wanted);
    if (column) return { table, column };
  }
  return void 0;
}
function cloneCatalogue(original) {
  const copy = new SchemaCatalogue();
  const tables = /* @__PURE__ */ new Map();
  for (const table of original.tables) {
    tables.set(table, {
      ...table,
      columns: table.columns.map((column) => ({ ...column })),
      constraints: table.constraints.map((constraint) => ({ ...constraint, columns: [...constraint.columns] })),
      indexes: [],
      partitions: []
    });
  }
  const tableOf = (table) => tables.get(table) ?? table;
  for (const [table, cloned] of tables) {
    if (table.parent) cloned.parent = tableOf(table.parent);
    cloned.partitions = table.partitions.map(tableOf);
    copy.tables.add(cloned);
    if (original.temporaryTables.has(table)) copy.temporaryTables.add(cloned);
  }
  const indexes = /* @__PURE__ */ new Map();
  const indexOf = (index) => {
    let cloned = indexes.get(index);
    if (!cloned) indexes.set(index, cloned = { ...index, table: tableOf(index.table), columns: [...index.columns], expressionColumns: [...index.expressionColumns] });
    return cloned;
  };
  for (const [table, cloned] of tables) cloned.indexes = table.indexes.map(indexOf);
  for (const index of original.indexes) copy.indexes.add(indexOf(index));
  for (const type2 of original.types) copy.types.add({ ...type2, ...type2.enumValues ? { enumValues: [...type2.enumValues] } : {} });
  for (const view of original.views) copy.views.add({ ...view });
  for (const schema of original.schemas) copy.schemas.add(schema);
  for (const name of original.sequenceNames) copy.sequenceNames.add(name);
  return copy;
}
var NamedSet, sameSchema, SchemaCatalogue;
var init_catalogue = __esm({
  "src/schema/catalogue.ts"() {
    "use strict";
    init_names();
    NamedSet = class {
      byName = /* @__PURE__ */ new Map();
      /** The names in use by their lower-case form, kept as names come and go (lookups that miss the exact name use it). */
      byLowerCase = /* @__PURE__ */ new Map();
      add(item) {
        item.name = truncateIdentifier(item.name);
        const list = this.byName.get(item.name);
        if (list) {
          list.push(item);
          return;
        }
        this.byName.set(item.name, [item]);
        const lower = item.name.toLowerCase();
        const names = this.byLowerCase.get(lower);
        if (names) names.add(item.name);
        else this.byLowerCase.set(lower, /* @__PURE__ */ new Set([item.name]));
      }
      remove(item) {
        const list = this.byName.get(item.name);
        if (!list) return;
        const kept = list.filter((candidate) => candidate !== item);
        if (kept.length > 0) {
          this.byName.set(item.name, kept);
          return;
        }
        this.byName.delete(item.name);
        const lower = item.name.toLowerCase();
        const names = this.byLowerCase.get(lower);
        names?.delete(item.name);
        if (names?.size === 0) this.byLowerCase.delete(lower);
      }
      rename(item, newName) {
        this.remove(item);
        item.name = newName;
        this.add(item);
      }
      find(name) {
        const exact = this.byName.get(truncateIdentifier(name.name));
        if (exact) return pick(exact, name.schema);
        const names = this.byLowerCase.get(truncateIdentifier(name.name).toLowerCase());
        return names ? pick([...names].flatMap((candidate) => this.byName.get(candidate) ?? []), name.schema) : void 0;
      }
      *[Symbol.iterator]() {
        for (const list of this.byName.values()) yield* list;
      }
      get size() {
        let count = 0;
        for (const list of this.byName.values()) count += list.length;
        return count;
      }
    };
    sameSchema = (a, b) => a === b || a.toLowerCase() === b.toLowerCase();
    SchemaCatalogue = class {
      tables = new NamedSet();
      indexes = new NamedSet();
      types = new NamedSet();
      views = new NamedSet();
      schemas = /* @__PURE__ */ new Set();
      /** Temporary tables made by the migration being replayed (dropped when it ends). */
      temporaryTables = /* @__PURE__ */ new Set();
      /**
       * Every name a column's sequence has had, never pruned: most names looked up
       * as a sequence are none, and this answers those without walking every column.
       */
      sequenceNames = /* @__PURE__ */ new Set();
      nameSequence(column, name) {
        column.sequence = name;
        this.sequenceNames.add(name);
      }
    };
  }
});

// rules/unknown-object.ts
function mayBeChosenName(name, chosen) {
  return chosen.some((object) => object.nameGenerated === true && (name.startsWith(`${object.table.name}_`) || ORM_NAME.test(name)));
}
function checks(context) {
  const { schema } = context;
  const guarded2 = (operation) => !schema.historyComplete || operation.conditional === true || operation.ifTableExists === true;
  const report = (operation, kind, name, table) => context.report(operation, { detail: kind, name, ...table ? { table: qualifiedName(table) } : {} });
  const missingTable = (operation, table) => {
    if (schema.table(table) || schema.view(table)) return false;
    if (RUNNER_TABLES.has(table.name)) return true;
    if (!schema.mentionedByCode(table.name) && !mayBePartition(table)) report(operation, "Table", qualifiedName(table));
    return true;
  };
  const mayBePartition = (table) => {
    const underscore = table.name.lastIndexOf("_");
    return underscore > 0 && schema.table({ ...table, name: table.name.slice(0, underscore) })?.partitioned === true;
  };
  const missingColumns = (operation, table, columns) => {
    if (guarded2(operation) || missingTable(operation, table)) return;
    const found = schema.table(table);
    if (!found?.columnsKnown) return;
    const missing = columns.find((column) => !findColumn(found, column) && !schema.mentionedByCode(column));
    if (missing !== void 0) report(operation, "Column", missing, table);
  };
  const onTable = (operation, table) => {
    if (!guarded2(operation)) missingTable(operation, table);
  };
  const onConstraint = (operation, table, name) => {
    if (guarded2(operation) || missingTable(operation, table)) return;
    const found = schema.table(table);
    if (!found || found.assumed || findConstraint(found, name) || schema.mentionedByCode(name)) return;
    if (!mayBeChosenName(name, found.constraints.map((constraint) => ({ nameGenerated: constraint.nameGenerated, table: found })))) report(operation, "Constraint", name, table);
  };
  return {
    addColumn: (operation) => onTable(operation, operation.table),
    dropColumn: (operation) => operation.ifExists ? onTable(operation, operation.table) : missingColumns(operation, operation.table, [operation.column]),
    renameColumn: (operation) => missingColumns(operation, operation.table, [operation.column]),
    alterColumnType: (operation) => missingColumns(operation, operation.table, [operation.column]),
    setNotNull: (operation) => missingColumns(operation, operation.table, [operation.column]),
    dropNotNull: (operation) => missingColumns(operation, operation.table, [operation.column]),
    setDefault: (operation) => missingColumns(operation, operation.table, [operation.column]),
    addConstraint: (operation) => missingColumns(operation, operation.table, operation.constraint.columns),
    validateConstraint: (operation) => onConstraint(operation, operation.table, operation.name),
    // A constraint the runner finds by its columns (Django) may carry another name than the one the replay gave it.
    dropConstraint: (operation) => operation.ifExists || operation.byLookup ? onTable(operation, operation.table) : onConstraint(operation, operation.table, operation.name),
    renameTable: (operation) => {
      if (!renamesIndexOrSequence(schema, operation.table)) onTable(operation, operation.table);
    },
    createIndex: (operation) => missingColumns(operation, operation.table, operation.columns),
    attachPartition: (operation) => {
      onTable(operation, operation.table);
      onTable(operation, operation.partition);
    },
    detachPartition: (operation) => onTable(operation, operation.partition),
    dropTable: (operation) => {
      if (!operation.ifExists) for (const table of operation.tables) onTable(operation, table);
    },
    dropIndex: (operation) => {
      if (operation.ifExists || guarded2(operation)) return;
      for (const name of operation.names) {
        if (schema.index(name) || schema.mentionedByCode(name.name)) continue;
        const chosen = [...schema.indexes()].filter((index) => index.nameGenerated);
        if (!mayBeChosenName(name.name, chosen)) report(operation, "Index", qualifiedName(name));
      }
    },
    other: (operation) => {
      const change = operation.change;
      if (!change || guarded2(operation)) return;
      if (change.kind === "addEnumValue" || change.kind === "renameEnumValue" || change.kind === "renameType" || change.kind === "dropType" && !change.ifExists) {
        const types = change.kind === "dropType" ? change.types : [change.type];
        for (const type2 of types) if (!schema.type(type2) && !schema.mentionedByCode(type2.name)) report(operation, "Type", qualifiedName(type2));
      }
      if (change.kind === "renameConstraint") onConstraint(operation, change.table, change.name);
    }
  };
}
var ORM_NAME, unknown_object_default;
var init_unknown_object = __esm({
  "rules/unknown-object.ts"() {
    "use strict";
    init_runner_tables();
    init_rule();
    init_operation_helpers();
    init_catalogue();
    ORM_NAME = /^(IDX|UQ|PK|FK|REL|CHK)_/;
    unknown_object_default = defineRule({
      id: "unknown-object",
      meta: {
        category: "transactions",
        severity: "warning",
        description: "A change to a table, column, index, constraint or type that the earlier migrations do not make",
        message: ({ detail, name, table }) => `${detail} "${name}"${table ? ` of "${table}"` : ""} is not in the schema the earlier migrations build: a typo, a migration out of order or a missing one would make this statement fail.`,
        help: "Check the name, the order of the migrations, and that none is missing; if the object is made outside the migrations, ignore this finding here.",
        rationale: `migralint replays the migrations in the order their runner applies them into a model of the schema
(statically: nothing is run). A statement that alters, drops or renames a table, column, index, constraint or
type that no earlier migration made fails when the migration is deployed: the name has a typo, the migrations
run in another order than intended, or one of them is missing from the folder.

The rule stays silent where the replayed history is evidently incomplete (a folder that starts by changing
tables it never creates, or a migration that could not be read whole: \`migralint --verbose\` says which), for
statements with \`IF EXISTS\` or under a run-time condition, for names that code run by the migrations
mentions (a \`DO\` block or a function may make them), for constraint and index names that PostgreSQL or an
ORM chose (the replay may have chosen another), and for the tables migration runners keep their own records
in (\`schema_migrations\`, \`goose_db_version\`, \`knex_migrations\`, \`_prisma_migrations\`\u2026), which exist before
the first migration.`
      },
      examples: {
        invalid: [
          { sql: "ALTER TABLE users DROP COLUMN emial;", line: 1, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE user_accounts ADD COLUMN nickname text;", line: 1, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE users DROP CONSTRAINT users_mail_key;", line: 1, options: { history: ["CREATE TABLE users (id bigint, email text, CONSTRAINT users_pkey PRIMARY KEY (id), CONSTRAINT users_email_key UNIQUE (email));"] } },
          { sql: "ALTER TYPE mood ADD VALUE 'ecstatic';", line: 1, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TYPE status AS ENUM ('active', 'blocked');"] } },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('emial');\n  });\n};\n", line: 3, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { typeorm: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.renameColumn('users', 'emial', 'email_address');\n  }\n}\n", line: 5, options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } }
        ],
        valid: [
          { sql: "ALTER TABLE users DROP COLUMN email;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE users DROP COLUMN IF EXISTS emial;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE IF EXISTS user_accounts ADD COLUMN nickname text;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE users DROP CONSTRAINT users_email_key;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);"] } },
          { sql: "ALTER TABLE accounts ADD COLUMN nickname text;" },
          { sql: "ALTER TABLE schema_migrations ADD COLUMN dirty boolean;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.alterTable('knex_migrations', (table) => {\n    table.dropColumn('batch');\n  });\n};\n", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY, email text);"] } },
          { sql: "ALTER TABLE audit_entries ADD COLUMN note text;", options: { history: ["CREATE TABLE users (id bigint PRIMARY KEY);\nDO $$ BEGIN EXECUTE 'CREATE TABLE audit_entries (id bigint)'; END $$;"] } },
          { knex: "exports.up = async (knex) => {\n  await knex.schema.createTable('tags', (table) => {\n    table.increments('id');\n    table.text('label');\n  });\n  await knex.schema.alterTable('tags', (table) => {\n    table.dropColumn('label');\n  });\n};\n" }
        ]
      },
      create: checks
    });
  }
});

// rules/unused-ignore.ts
var unused_ignore_default;
var init_unused_ignore = __esm({
  "rules/unused-ignore.ts"() {
    "use strict";
    init_rule();
    unused_ignore_default = defineRule({
      id: "unused-ignore",
      meta: {
        category: "transactions",
        severity: "warning",
        description: "An ignore comment that names an unknown rule or silences nothing",
        message: ({ detail }) => `${detail}`,
        help: "Remove the comment, or correct the rule id it names.",
        rationale: `An ignore comment that silences nothing is either stale (the statement changed) or mistyped (a rule id
that does not exist silences nothing, and the real finding still fires or, worse, the author believes it was
reviewed). Reporting it keeps ignore comments honest.`,
        source: "engine"
      },
      examples: {
        invalid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        # migralint-ignore ban-drop-table\n        migrations.AddField("order", "coupon", models.TextField(null=True)),\n    ]\n', line: 8 },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    // migralint-ignore ban-drop-colum\n    await queryRunner.dropColumn('users', 'bio');\n  }\n}\n", line: 5, column: 5 },
          { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-colum\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n", line: 2, column: 3 },
          { sql: "-- migralint-ignore ban-drop-column -- kept for reporting\nALTER TABLE users ADD COLUMN bio text;", line: 1, column: 1 },
          { sql: "-- migralint-ignore ban-drop-colum\nALTER TABLE users DROP COLUMN bio;", line: 1 }
        ],
        valid: [
          { django: 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n        # migralint-ignore ban-drop-column -- no code reads it since 2.3\n        migrations.RemoveField(model_name="order", name="note"),\n    ]\n' },
          { typeorm: "import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';\n\nexport class Migration1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    // migralint-ignore ban-drop-column -- unused since v42\n    await queryRunner.dropColumn('users', 'bio');\n  }\n}\n" },
          { knex: "exports.up = async (knex) => {\n  // migralint-ignore ban-drop-column -- unused since v42\n  await knex.schema.alterTable('users', (table) => table.dropColumn('bio'));\n};\n" },
          { sql: "-- migralint-ignore ban-drop-column -- column unused since v42\nALTER TABLE users DROP COLUMN bio;" },
          { sql: "ALTER TABLE users DROP COLUMN bio; -- migralint-ignore ban-drop-column" },
          { sql: "-- migralint-ignore-file ban-drop-column\nALTER TABLE users DROP COLUMN bio;" }
        ]
      },
      create: () => ({})
    });
  }
});

// rules/index.ts
var allRules;
var init_rules = __esm({
  "rules/index.ts"() {
    "use strict";
    init_adding_field_with_default();
    init_adding_foreign_key_constraint();
    init_adding_not_nullable_field();
    init_adding_required_field();
    init_adding_serial_primary_key_field();
    init_ban_alter_domain_with_add_constraint();
    init_ban_char_field();
    init_ban_concurrent_index_creation_in_transaction();
    init_ban_create_domain_with_constraint();
    init_ban_drop_column();
    init_ban_drop_database();
    init_ban_drop_not_null();
    init_ban_drop_table();
    init_ban_truncate_cascade();
    init_ban_uncommitted_transaction();
    init_changing_column_type();
    init_constraint_missing_not_valid();
    init_disallowed_unique_constraint();
    init_identifier_too_long();
    init_prefer_bigint_over_int();
    init_prefer_bigint_over_smallint();
    init_prefer_identity();
    init_prefer_robust_stmts();
    init_prefer_text_field();
    init_prefer_timestamptz();
    init_renaming_column();
    init_renaming_table();
    init_require_concurrent_index_creation();
    init_require_concurrent_index_deletion();
    init_require_concurrent_partition_detach();
    init_require_concurrent_reindex();
    init_require_lock_timeout();
    init_require_statement_timeout();
    init_require_table_schema();
    init_syntax_error();
    init_transaction_nesting();
    init_unanalyzed_code();
    init_unknown_object();
    init_unused_ignore();
    allRules = [
      adding_field_with_default_default,
      adding_foreign_key_constraint_default,
      adding_not_nullable_field_default,
      adding_required_field_default,
      adding_serial_primary_key_field_default,
      ban_alter_domain_with_add_constraint_default,
      ban_char_field_default,
      ban_concurrent_index_creation_in_transaction_default,
      ban_create_domain_with_constraint_default,
      ban_drop_column_default,
      ban_drop_database_default,
      ban_drop_not_null_default,
      ban_drop_table_default,
      ban_truncate_cascade_default,
      ban_uncommitted_transaction_default,
      changing_column_type_default,
      constraint_missing_not_valid_default,
      disallowed_unique_constraint_default,
      identifier_too_long_default,
      prefer_bigint_over_int_default,
      prefer_bigint_over_smallint_default,
      prefer_identity_default,
      prefer_robust_stmts_default,
      prefer_text_field_default,
      prefer_timestamptz_default,
      renaming_column_default,
      renaming_table_default,
      require_concurrent_index_creation_default,
      require_concurrent_index_deletion_default,
      require_concurrent_partition_detach_default,
      require_concurrent_reindex_default,
      require_lock_timeout_default,
      require_statement_timeout_default,
      require_table_schema_default,
      syntax_error_default,
      transaction_nesting_default,
      unanalyzed_code_default,
      unknown_object_default,
      unused_ignore_default
    ];
  }
});

// src/frontends/sql/placeholder-patterns.ts
function placeholderMatcher(entry) {
  const builtIn = Object.hasOwn(PLACEHOLDER_SYNTAXES, entry) ? PLACEHOLDER_SYNTAXES[entry] : void 0;
  return builtIn ? regExpMatcher(builtIn) : re2Matcher(compileRe2(entry));
}
function placeholderPatternProblem(entry) {
  if (Object.hasOwn(PLACEHOLDER_SYNTAXES, entry)) return void 0;
  let pattern;
  try {
    pattern = compileRe2(entry);
  } catch (error) {
    return `is neither a known syntax (${Object.keys(PLACEHOLDER_SYNTAXES).join(", ")}) nor a regular expression in RE2 syntax (${error.message.replace(/^error parsing regexp: /, "")})`;
  }
  const matcher = re2Matcher(pattern);
  if (EMPTY_MATCH_PROBES.some((probe2) => [...matcher.matches(probe2)].some((match) => match.end === match.start))) {
    return "can match the empty string; a placeholder pattern must match at least one character";
  }
  return void 0;
}
function compileRe2(source) {
  const { RE2JS } = require("./re2js.js");
  return RE2JS.compile(source);
}
function regExpMatcher(pattern) {
  return {
    *matches(text) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        yield { start, end: start + match[0].length, text: match[0], groups: match.slice(1) };
      }
    }
  };
}
function re2Matcher(pattern) {
  return {
    *matches(text) {
      const matcher = pattern.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        const groups = Array.from({ length: pattern.groupCount() }, (_, index) => matcher.group(index + 1) ?? void 0);
        yield { start, end, text: text.slice(start, end), groups };
      }
    }
  };
}
var PLACEHOLDER_SYNTAXES, EMPTY_MATCH_PROBES;
var init_placeholder_patterns = __esm({
  "src/frontends/sql/placeholder-patterns.ts"() {
    "use strict";
    PLACEHOLDER_SYNTAXES = {
      /** psql variables: `:name`, `:'name'`, `:"name"` (not `::type` casts). */
      psql: /(?<![:\w]):(?:'(\w+)'|"(\w+)"|([A-Za-z_]\w*))/g,
      /** Mustache, Jinja, Go templates: `{{ … }}`. */
      mustache: /\{\{[^}]*\}\}/g,
      /** Shell and JavaScript style: `${…}`. */
      "dollar-brace": /\$\{[^}]*\}/g,
      /** Synapse style: `$%NAME%$`. */
      "dollar-percent": /\$%\w+%\$/g
    };
    EMPTY_MATCH_PROBES = ["", "a", "ab", "a b", " ", "\n", "0", "_", "::", "{}", "$"];
  }
});

// src/files/read-regular-file.ts
function readRegularFile(file, maxBytes) {
  const descriptor = fs.openSync(file, OPEN_FLAGS);
  try {
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) throw new UnreadableFileError(`not a regular file (${kindOf(stats)})`);
    if (stats.size > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const stated = total === 0 ? Math.min(stats.size + 1, maxBytes + 1) : Math.min(stats.size - total, maxBytes + 1 - total);
      const chunk = stated > 0 ? Buffer.allocUnsafe(stated) : probe;
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
      chunks.push(chunk === probe ? Buffer.from(chunk.subarray(0, read)) : read === chunk.length ? chunk : chunk.subarray(0, read));
      if (chunk !== probe && stated === stats.size + 1 && read === stats.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(descriptor);
  }
}
function kindOf(stats) {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}
function describeSize(bytes) {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${Math.round(bytes / 1024)} KB`;
}
var fs, UnreadableFileError, OPEN_FLAGS, probe;
var init_read_regular_file = __esm({
  "src/files/read-regular-file.ts"() {
    "use strict";
    fs = __toESM(require("node:fs"));
    UnreadableFileError = class extends Error {
      name = "UnreadableFileError";
    };
    OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
    probe = Buffer.allocUnsafe(64 * 1024);
  }
});

// src/config/errors.ts
var UsageError;
var init_errors = __esm({
  "src/config/errors.ts"() {
    "use strict";
    UsageError = class extends Error {
      name = "UsageError";
    };
  }
});

// node_modules/jsonc-parser/lib/umd/main.js
var require_main = __commonJS({
  "node_modules/jsonc-parser/lib/umd/main.js"(exports2, module2) {
    (function(factory) {
      if (typeof module2 === "object" && typeof module2.exports === "object") {
        var v = factory(require, exports2);
        if (v !== void 0) module2.exports = v;
      } else if (typeof define === "function" && define.amd) {
        define(["require", "exports", "./impl/format", "./impl/edit", "./impl/scanner", "./impl/parser"], factory);
      }
    })(function(require2, exports3) {
      "use strict";
      Object.defineProperty(exports3, "__esModule", { value: true });
      exports3.applyEdits = exports3.modify = exports3.format = exports3.printParseErrorCode = exports3.ParseErrorCode = exports3.stripComments = exports3.visit = exports3.getNodeValue = exports3.getNodePath = exports3.findNodeAtOffset = exports3.findNodeAtLocation = exports3.parseTree = exports3.parse = exports3.getLocation = exports3.SyntaxKind = exports3.ScanError = exports3.createScanner = void 0;
      const formatter = require2("./impl/format");
      const edit2 = require2("./impl/edit");
      const scanner = require2("./impl/scanner");
      const parser = require2("./impl/parser");
      exports3.createScanner = scanner.createScanner;
      var ScanError;
      (function(ScanError2) {
        ScanError2[ScanError2["None"] = 0] = "None";
        ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
        ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
        ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
        ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
        ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
        ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
      })(ScanError || (exports3.ScanError = ScanError = {}));
      var SyntaxKind;
      (function(SyntaxKind2) {
        SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
        SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
        SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
        SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
        SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
        SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
        SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
        SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
        SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
        SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
        SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
        SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
        SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
        SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
        SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
        SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
        SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
      })(SyntaxKind || (exports3.SyntaxKind = SyntaxKind = {}));
      exports3.getLocation = parser.getLocation;
      exports3.parse = parser.parse;
      exports3.parseTree = parser.parseTree;
      exports3.findNodeAtLocation = parser.findNodeAtLocation;
      exports3.findNodeAtOffset = parser.findNodeAtOffset;
      exports3.getNodePath = parser.getNodePath;
      exports3.getNodeValue = parser.getNodeValue;
      exports3.visit = parser.visit;
      exports3.stripComments = parser.stripComments;
      var ParseErrorCode;
      (function(ParseErrorCode2) {
        ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
        ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
        ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
        ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
        ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
        ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
        ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
        ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
        ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
        ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
        ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
        ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
        ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
        ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
        ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
        ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
      })(ParseErrorCode || (exports3.ParseErrorCode = ParseErrorCode = {}));
      function printParseErrorCode(code) {
        switch (code) {
          case 1:
            return "InvalidSymbol";
          case 2:
            return "InvalidNumberFormat";
          case 3:
            return "PropertyNameExpected";
          case 4:
            return "ValueExpected";
          case 5:
            return "ColonExpected";
          case 6:
            return "CommaExpected";
          case 7:
            return "CloseBraceExpected";
          case 8:
            return "CloseBracketExpected";
          case 9:
            return "EndOfFileExpected";
          case 10:
            return "InvalidCommentToken";
          case 11:
            return "UnexpectedEndOfComment";
          case 12:
            return "UnexpectedEndOfString";
          case 13:
            return "UnexpectedEndOfNumber";
          case 14:
            return "InvalidUnicode";
          case 15:
            return "InvalidEscapeCharacter";
          case 16:
            return "InvalidCharacter";
        }
        return "<unknown ParseErrorCode>";
      }
      exports3.printParseErrorCode = printParseErrorCode;
      function format(documentText, range, options) {
        return formatter.format(documentText, range, options);
      }
      exports3.format = format;
      function modify(text, path19, value, options) {
        return edit2.setProperty(text, path19, value, options);
      }
      exports3.modify = modify;
      function applyEdits(text, edits) {
        let sortedEdits = edits.slice(0).sort((a, b) => {
          const diff = a.offset - b.offset;
          if (diff === 0) {
            return a.length - b.length;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          let e = sortedEdits[i];
          if (e.offset + e.length <= lastModifiedOffset) {
            text = edit2.applyEdit(text, e);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = e.offset;
        }
        return text;
      }
      exports3.applyEdits = applyEdits;
    });
  }
});

// src/config/jsonc.ts
function parseJson(text, file, options) {
  try {
    return JSON.parse(text);
  } catch {
  }
  const { parse: parse3, printParseErrorCode } = require_main();
  const errors = [];
  const value = parse3(text, errors, { disallowComments: !options.comments, allowTrailingComma: options.comments });
  const [error] = errors;
  if (!error) return value;
  const { line, column } = lineAndColumn(text, error.offset);
  const code = printParseErrorCode(error.error);
  throw new UsageError(`Invalid JSON in ${file} at line ${line}, column ${column}: ${REASONS[code] ?? code}`);
}
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
  return { line: breaks.length + 1, column: offset - lastBreak };
}
var REASONS;
var init_jsonc = __esm({
  "src/config/jsonc.ts"() {
    "use strict";
    init_errors();
    REASONS = {
      InvalidSymbol: "unexpected character",
      InvalidNumberFormat: "invalid number",
      PropertyNameExpected: "expected a property name in double quotes",
      ValueExpected: "expected a value",
      ColonExpected: "expected a colon",
      CommaExpected: "expected a comma",
      CloseBraceExpected: "expected a closing brace",
      CloseBracketExpected: "expected a closing bracket",
      EndOfFileExpected: "unexpected text after the end",
      InvalidCommentToken: "comments are not allowed here",
      UnexpectedEndOfComment: "unclosed comment",
      UnexpectedEndOfString: "unclosed string",
      UnexpectedEndOfNumber: "unfinished number",
      InvalidUnicode: "invalid \\u escape",
      InvalidEscapeCharacter: "invalid escape",
      InvalidCharacter: "invalid character in a string"
    };
  }
});

// src/config/rule-settings.ts
function parseRuleFlags(flags) {
  const settings = /* @__PURE__ */ Object.create(null);
  for (const flag of flags) {
    const match = /^([\w-]+)=(off|warn|warning|error)$/.exec(flag.trim());
    if (!match) throw new UsageError(`--rule "${flag}": expected RULE=off|warn|error`);
    settings[match[1]] = match[2] === "warning" ? "warn" : match[2];
  }
  return settings;
}
var RuleSettings;
var init_rule_settings = __esm({
  "src/config/rule-settings.ts"() {
    "use strict";
    init_errors();
    RuleSettings = class _RuleSettings {
      idByName = /* @__PURE__ */ new Map();
      severities = /* @__PURE__ */ new Map();
      constructor(rules, preset = "recommended") {
        for (const rule of rules) {
          this.idByName.set(rule.id, rule.id);
          for (const alias of rule.meta.aliases ?? []) this.idByName.set(alias, rule.id);
          const inPreset = rule.meta.severity === "off" && preset === "strict" ? "warning" : rule.meta.severity;
          this.severities.set(rule.id, inPreset);
        }
      }
      resolveRuleId = (name) => this.idByName.get(name);
      /** The resolved severities, as plain data (to send to worker threads). */
      toSeverities() {
        return Object.fromEntries(this.severities);
      }
      /** Settings with these resolved severities (from `toSeverities`). */
      static fromSeverities(rules, severities) {
        const settings = new _RuleSettings(rules);
        for (const [id, severity] of Object.entries(severities)) settings.severities.set(id, severity);
        return settings;
      }
      severityOf = (ruleId) => this.severities.get(ruleId) ?? "off";
      /** Applies `{ id: setting }`; `source` names where the settings came from, for the error message. */
      apply(settings, source) {
        for (const [name, setting2] of Object.entries(settings)) {
          const id = this.resolveRuleId(name);
          if (!id) throw new UsageError(`${source}: unknown rule "${name}" (see \`migralint rules\`)`);
          this.severities.set(id, setting2 === "warn" ? "warning" : setting2);
        }
      }
    };
  }
});

// src/frontends/decode.ts
function decodeFile(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 254 && bytes[1] === 255) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = lenientUtf8.decode(bytes);
    return { text, invalidUtf8At: lenientUtf8.decode(bytes.subarray(0, firstInvalidByte(bytes))).length };
  }
}
function firstInvalidByte(bytes) {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index];
    const length = byte < 128 ? 1 : byte >= 194 && byte < 224 ? 2 : byte >= 224 && byte < 240 ? 3 : byte >= 240 && byte < 245 ? 4 : 0;
    if (length === 0) return index;
    try {
      strictUtf8.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}
var strictUtf8, lenientUtf8;
var init_decode = __esm({
  "src/frontends/decode.ts"() {
    "use strict";
    strictUtf8 = new TextDecoder("utf-8", { fatal: true });
    lenientUtf8 = new TextDecoder("utf-8");
  }
});

// src/frontends/sql/drizzle-journal.ts
function drizzleJournalOf(filePath) {
  return drizzleJournalIn(path2.dirname(path2.resolve(filePath)));
}
function drizzleJournalIn(dir) {
  const cached = journals.get(dir);
  const now = Date.now();
  if (cached && now - cached.checked < RECHECK_MS) return cached.journal;
  const file = path2.join(dir, "meta", "_journal.json");
  const stats = fs3.statSync(file, { throwIfNoEntry: false });
  const stamp = stats ? `${stats.size}:${stats.mtimeMs}` : "none";
  if (cached && cached.stamp === stamp) {
    cached.checked = now;
    return cached.journal;
  }
  const journal = stamp === "none" ? void 0 : readJournal(file);
  journals.set(dir, { stamp, checked: now, journal });
  return journal;
}
function otherDrizzleDialectIn(dir) {
  const dialect = drizzleJournalIn(dir)?.dialect;
  return dialect === void 0 || /^(?:postgres(?:ql)?|pg)$/i.test(dialect) ? void 0 : dialect;
}
function drizzleTag(filePath) {
  return path2.basename(filePath).replace(/\.sql$/i, "");
}
function leftOutOfDrizzleJournal(filePath) {
  if (!/\.sql$/i.test(filePath)) return false;
  const tags = drizzleJournalOf(filePath)?.tags;
  return tags !== void 0 && !tags.has(drizzleTag(filePath));
}
function readJournal(file) {
  let parsed;
  try {
    parsed = JSON.parse(readRegularFile(file, MAX_JOURNAL_BYTES).toString("utf8"));
  } catch {
    return { file, tags: void 0 };
  }
  if (typeof parsed !== "object" || parsed === null) return { file, tags: void 0 };
  const dialect = "dialect" in parsed && typeof parsed.dialect === "string" ? { dialect: parsed.dialect } : {};
  if (!("entries" in parsed) || !Array.isArray(parsed.entries)) return { file, tags: void 0, ...dialect };
  const tags = parsed.entries.map((entry) => typeof entry === "object" && entry !== null && "tag" in entry ? entry.tag : void 0);
  return { file, tags: tags.every((tag) => typeof tag === "string") ? new Set(tags) : void 0, ...dialect };
}
var fs3, path2, MAX_JOURNAL_BYTES, journals, RECHECK_MS;
var init_drizzle_journal = __esm({
  "src/frontends/sql/drizzle-journal.ts"() {
    "use strict";
    fs3 = __toESM(require("node:fs"));
    path2 = __toESM(require("node:path"));
    init_read_regular_file();
    MAX_JOURNAL_BYTES = 8 * 1024 * 1024;
    journals = /* @__PURE__ */ new Map();
    RECHECK_MS = 1e3;
  }
});

// src/frontends/detect.ts
function isMigrationCandidate(filePath) {
  const extension = path3.extname(filePath).toLowerCase();
  return SQL_EXTENSIONS.includes(extension) || SCRIPT_EXTENSIONS.includes(extension) || SQL_FOR_DATABASE.test(filePath) || isInMigrationsFolder(filePath) || isPythonDeltaPath(filePath);
}
function isPythonDeltaPath(filePath) {
  return path3.extname(filePath) === ".py" && /^deltas?$/.test(path3.basename(path3.dirname(path3.dirname(filePath))));
}
function pythonDeltaStep(filePath, text) {
  if (!isPythonDeltaPath(filePath) || isInMigrationsFolder(filePath)) return void 0;
  const match = /^def (run_create|run_upgrade)\b/m.exec(text);
  if (!match) return "none";
  return { line: text.slice(0, match.index).split("\n").length, length: match[0].length, name: match[1] };
}
function dbMigrateCall(filePath, text) {
  if (!SCRIPT_EXTENSIONS.includes(path3.extname(filePath).toLowerCase())) return void 0;
  const up = DB_MIGRATE_UP.exec(text);
  if (!up) return void 0;
  DB_MIGRATE_CALL.lastIndex = up.index;
  const call = DB_MIGRATE_CALL.exec(text);
  DB_MIGRATE_DOWN.lastIndex = up.index;
  const down = DB_MIGRATE_DOWN.exec(text);
  if (!call || down && call.index > down.index) return void 0;
  const before = text.slice(0, call.index).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1, length: 3 + call[1].length, call: `db.${call[1]}` };
}
function quotesWithBackticks(text) {
  const query = FIRST_QUERY.exec(text);
  return query !== null && /`\w+`/.test(query[2]) && !/postgres|\bpg\b|\b(?:if|switch)\s*\(/i.test(text);
}
function otherDatabaseOf(filePath) {
  const name = path3.basename(filePath);
  const database = SQL_FOR_DATABASE.exec(name)?.[1];
  if (database) return POSTGRES_NAMES.has(database.toLowerCase()) ? void 0 : database;
  const beforeDirection = DATABASE_BEFORE_DIRECTION.exec(name)?.[1];
  if (beforeDirection && OTHER_DATABASE_NAMES.test(beforeDirection)) return beforeDirection;
  return otherDatabaseFolder(filePath) ?? otherDrizzleDialect(filePath);
}
function otherDatabaseFolder(filePath) {
  const folders = path3.dirname(path3.resolve(filePath)).split(path3.sep).slice(-DATABASE_FOLDER_DEPTH);
  const folder = folders.reverse().find((part) => OTHER_DATABASE_NAMES.test(part));
  return folder && `${folder.toLowerCase()} (by its folder ${folder}/)`;
}
function otherDrizzleDialect(filePath) {
  const dialect = /\.sql$/i.test(filePath) ? otherDrizzleDialectIn(path3.dirname(path3.resolve(filePath))) : void 0;
  return dialect && `${dialect} (the dialect of drizzle-kit's meta/_journal.json)`;
}
function postgresVersionOf(filePath, hasFile) {
  const match = POP_NAME.exec(path3.basename(filePath));
  if (!match) return void 0;
  const [, stem, segment, autocommit = ""] = match;
  if (segment !== void 0 && (POSTGRES_NAMES.has(segment.toLowerCase()) || OTHER_DATABASE_NAMES.test(segment))) return void 0;
  const base = segment === void 0 ? stem : `${stem}.${segment}`;
  const names = [`${base}.postgres${autocommit}.up.sql`, `${base}.postgres.up.sql`, `${base}.postgres.autocommit.up.sql`];
  return names.map((name) => path3.join(path3.dirname(filePath), name)).find(hasFile);
}
function isInMigrationsFolder(filePath) {
  return path3.extname(filePath) === ".py" && path3.basename(path3.dirname(filePath)) === "migrations";
}
function isDjangoMigrationPath(filePath) {
  return isInMigrationsFolder(filePath) && !/^[_~]/.test(path3.basename(filePath));
}
function detectFrontend(filePath, text) {
  const extension = path3.extname(filePath).toLowerCase();
  if (SQL_EXTENSIONS.includes(extension)) return otherDatabaseOf(filePath) ? void 0 : "sql";
  const database = SQL_FOR_DATABASE.exec(path3.basename(filePath))?.[1];
  if (database) return POSTGRES_NAMES.has(database.toLowerCase()) ? "sql" : void 0;
  if (extension === ".py") return isDjangoMigrationPath(filePath) && DJANGO_MIGRATION_CLASS.test(text) ? "django" : void 0;
  if (!SCRIPT_EXTENSIONS.includes(extension)) return void 0;
  if (otherDatabaseFolder(filePath)) return void 0;
  if (TYPEORM_MARKERS.test(text)) return quotesWithBackticks(text) ? void 0 : "typeorm";
  if (KNEX_MARKERS.test(text) || UP_WITH_KNEX_PARAMETER.test(text) || upUsesSchema(text)) return "knex";
  return void 0;
}
function delegatedMigration(filePath, text) {
  if (!IN_MIGRATIONS_FOLDER.test(filePath)) return void 0;
  if (/up\s*[(:=]/.test(text)) return handedOver(text);
  const required = /^module\.exports\s*=\s*require\(\s*(['"])([^'"\n]{1,300})\1\s*\)/m.exec(text);
  if (required) return { frontend: "knex", line: text.slice(0, required.index).split("\n").length, column: 1, length: required[0].length, delegate: required[2], calls: false };
  const subclass = /^(?:export\s+)?(?:default\s+)?class\s+\w+\s+extends\s+(\w+)/m.exec(text);
  const reexport = /^export\s+default\s+(\w+)\s*;?\s*$/m.exec(text);
  const match = subclass ?? (reexport && new RegExp(`^import\\s+${reexport[1]}\\b[^;\\n]*\\bfrom\\b`, "m").test(text) ? reexport : null);
  if (!match) return void 0;
  return { frontend: subclass ? "typeorm" : "knex", line: text.slice(0, match.index).split("\n").length, column: 1, length: match[0].length, delegate: match[1], calls: false };
}
function handedOver(text) {
  let candidates = 0;
  for (const definition of text.matchAll(UP_DEFINITION)) {
    if (++candidates > 5) return void 0;
    const match = UP_CALLS_FIRST.exec(text.slice(definition.index, definition.index + WINDOW));
    if (!match) continue;
    const name = match[1];
    if (!importedNames(text).has(name)) return void 0;
    const before = text.slice(0, definition.index + match[0].lastIndexOf(name)).split("\n");
    return { frontend: "knex", line: before.length, column: before[before.length - 1].length + 1, length: name.length, delegate: name, calls: true };
  }
  return void 0;
}
function importedNames(text) {
  const names = /* @__PURE__ */ new Set();
  for (const clause of text.matchAll(IMPORT_CLAUSE)) {
    for (const name of (clause[1] ?? clause[2]).match(/\w+/g) ?? []) names.add(name);
  }
  return names;
}
function upUsesSchema(text) {
  const up = UP.exec(text);
  if (!up) return false;
  SCHEMA_OR_RAW.lastIndex = up.index;
  return SCHEMA_OR_RAW.test(text);
}
var path3, SQL_EXTENSIONS, SCRIPT_EXTENSIONS, SQL_FOR_DATABASE, POSTGRES_NAMES, DATABASE_BEFORE_DIRECTION, OTHER_DATABASE_NAMES, DATABASE_FOLDER_DEPTH, DB_MIGRATE_UP, DB_MIGRATE_DOWN, DB_MIGRATE_CALL, FIRST_QUERY, POP_NAME, DJANGO_MIGRATION_CLASS, TYPEORM_MARKERS, KNEX_MARKERS, UP_WITH_KNEX_PARAMETER, UP, SCHEMA_OR_RAW, IN_MIGRATIONS_FOLDER, UP_DEFINITION, UP_CALLS_FIRST, WINDOW, IMPORT_CLAUSE;
var init_detect = __esm({
  "src/frontends/detect.ts"() {
    "use strict";
    path3 = __toESM(require("node:path"));
    init_drizzle_journal();
    SQL_EXTENSIONS = [".sql"];
    SCRIPT_EXTENSIONS = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"];
    SQL_FOR_DATABASE = /\.sql\.(\w+)$/i;
    POSTGRES_NAMES = /* @__PURE__ */ new Set(["postgres", "postgresql", "pg", "psql"]);
    DATABASE_BEFORE_DIRECTION = /\.(\w+)(?:\.autocommit)?\.(?:up|down)\.sql$/i;
    OTHER_DATABASE_NAMES = /^(?:mysql|mariadb|sqlite3?|mssql|sqlserver|oracle|cockroach(?:db)?|clickhouse)$/i;
    DATABASE_FOLDER_DEPTH = 3;
    DB_MIGRATE_UP = /(?:\bexports\.up\s*=|\b(?:const|let|var)\s+up\s*=|\bup\s*:)\s*(?:async\s*)?(?:function\b[^(]{0,100})?\(\s*db\s*[,)]|\bfunction\s+up\s*\(\s*db\s*[,)]/;
    DB_MIGRATE_DOWN = /\b(?:exports\.down\s*=|(?:const|let|var)\s+down\s*=|down\s*:|function\s+down\s*\()/g;
    DB_MIGRATE_CALL = /\bdb\.(runSql|all|createTable|dropTable|renameTable|addColumn|removeColumn|renameColumn|changeColumn|addIndex|removeIndex|addForeignKey|removeForeignKey|insert|createCollection|dropCollection)\s*(?:\(|\.(?:bind|call|apply)\s*\()/g;
    FIRST_QUERY = /\bquery\(\s*(["'])([^"'\n]{0,200})/;
    POP_NAME = /^(.+?)(?:\.(\w+))??(\.autocommit)?\.up\.sql$/i;
    DJANGO_MIGRATION_CLASS = /^class\s+Migration\s*\(/m;
    TYPEORM_MARKERS = /\bMigrationInterface\b|\bQueryRunner\b|\bup\s*\(\s*queryRunner\b|\b(?:Reversible|Irreversible)Migration\b|\bMigrationContext\b|\bup\s*\(\s*\{[^}]{0,1000}\bqueryRunner\b/;
    KNEX_MARKERS = /(['"])knex\1|\bKnex\b|\bbp\.database\b|\bdatabase\.knex\b/;
    UP_WITH_KNEX_PARAMETER = /\bup\s*(?:[=:]\s*(?:async\s*)?(?:function\b[^(]{0,100})?|\()\s*\(?\s*knex\b/;
    UP = /\bup\b/;
    SCHEMA_OR_RAW = /\.(?:schema|raw)\b/g;
    IN_MIGRATIONS_FOLDER = /(^|[\\/])migrations?[\\/]/i;
    UP_DEFINITION = /\bup\s{0,20}[:=(]/g;
    UP_CALLS_FIRST = /^up\s*[:=(](?:[^{}]|\{[^{}]*\})*?(?:=>\s*(?:\{\s*)?|\)\s*(?::[^{}=]*?)?\{\s*)(?:return\s+)?(?:await\s+)?(\w+)\s*\(/;
    WINDOW = 400;
    IMPORT_CLAUSE = /^(?:import\s+([^;'"]{1,1000}?)\s+from\s|(?:const|let|var)\s+([^=;]{1,500})=\s*require\s*\()/gm;
  }
});

// src/schema/apply.ts
function applyOperation(operation, context) {
  const handler = HANDLERS[operation.kind];
  handler?.(operation, context);
}
function followOpaqueRename(from, to, context) {
  if (context.opaqueNames.has(from) || context.opaqueNames.has(from.toLowerCase())) context.opaqueNames.add(to);
}
function applyChange(change, context) {
  CHANGES[change.kind](change, context);
}
function replaceType(context, type2) {
  const existing = context.catalogue.types.find(type2);
  if (existing) context.catalogue.types.remove(existing);
  context.catalogue.types.add(type2);
}
function dropViewNamed(name, context) {
  const view = context.catalogue.views.find(name);
  if (view) context.catalogue.views.remove(view);
  const materialized = view ? void 0 : context.catalogue.tables.find(name);
  if (materialized) removeTable(materialized, context, false);
}
function assumedTable(name) {
  return {
    ...name.schema !== void 0 ? { schema: name.schema } : {},
    name: name.name,
    columns: [],
    columnsKnown: false,
    constraints: [],
    indexes: [],
    createdIn: 0,
    namedIn: 0,
    assumed: true,
    filled: false,
    temporary: false,
    partitioned: false,
    partitions: []
  };
}
function tableOrAssumed(name, context) {
  const found = context.catalogue.tables.find(name);
  if (found) return found;
  context.assumed(name);
  const table = assumedTable(name);
  context.catalogue.tables.add(table);
  return table;
}
function columnOrAssumed(table, name) {
  const found = findColumn(table, name);
  if (found || table.columnsKnown) return found;
  const column = { name: truncateIdentifier(name), notNull: false, addedIn: 0 };
  table.columns.push(column);
  return column;
}
function addColumnTo(table, definition, origin, context) {
  const name = truncateIdentifier(definition.name);
  const serial = definition.type ? SERIAL_BASE[canonicalTypeName(definition.type.name)] : void 0;
  const column = {
    name,
    ...definition.type ? { type: serial ? { name: serial, modifiers: [], isArray: false } : definition.type } : {},
    notNull: definition.notNull || definition.primaryKey || serial !== void 0,
    ...serial ? { default: { kind: "volatile", functionName: "nextval", sql: `nextval('${table.name}_${name}_seq'::regclass)` } } : definition.default ? { default: definition.default } : {},
    ...definition.generated ? { generated: definition.generated } : {},
    addedIn: origin
  };
  if (serial || definition.generated === "identity") context.catalogue.nameSequence(column, objectName2(table.name, name, "seq"));
  const existing = findColumn(table, name);
  if (existing) table.columns[table.columns.indexOf(existing)] = column;
  else table.columns.push(column);
  const base = { columns: [name], notValid: false };
  if (definition.primaryKey) addConstraintTo(table, { kind: "primaryKey", ...base }, origin, context);
  const names = definition.constraintNames;
  if (definition.unique) addConstraintTo(table, { kind: "unique", ...base, ...names?.unique ? { name: names.unique } : {} }, origin, context);
  if (definition.references) addConstraintTo(table, { kind: "foreignKey", ...base, references: definition.references, ...names?.foreignKey ? { name: names.foreignKey } : {} }, origin, context);
  if (definition.hasCheck) addConstraintTo(table, { kind: "check", ...base, expressionColumns: [name] }, origin, context);
}
function addConstraintTo(table, definition, origin, context) {
  const label = NAME_LABELS[definition.kind];
  const nameParts = definition.kind === "check" ? definition.expressionColumns?.length === 1 ? definition.expressionColumns : [] : definition.columns;
  const makesIndex = definition.kind === "primaryKey" || definition.kind === "unique" || definition.kind === "exclusion";
  const taken = (name2) => table.constraints.some((constraint) => constraint.name === name2) || makesIndex && context.catalogue.indexes.find({ schema: table.schema, name: name2 }) !== void 0;
  const name = definition.name ? truncateIdentifier(definition.name) : chooseName(table.name, nameParts, label, taken);
  const existing = findConstraint(table, name);
  if (existing) table.constraints = table.constraints.filter((constraint) => constraint !== existing);
  table.constraints.push({
    name,
    ...definition.name ? {} : { nameGenerated: true },
    kind: definition.kind,
    columns: definition.columns.map(truncateIdentifier),
    validated: !definition.notValid,
    ...definition.references ? { references: definition.references } : {},
    ...definition.checksNotNullOf !== void 0 ? { checksNotNullOf: definition.checksNotNullOf } : {},
    ...definition.expression !== void 0 ? { expression: definition.expression } : {},
    ...definition.expressionColumns ? { expressionColumns: definition.expressionColumns } : {}
  });
  if (definition.kind === "primaryKey") {
    for (const columnName of definition.columns) {
      const column = findColumn(table, columnName);
      if (column) column.notNull = true;
    }
  }
  if (!makesIndex) return;
  const adopted = definition.usingIndex ? context.catalogue.indexes.find({ schema: table.schema, name: definition.usingIndex }) : void 0;
  if (adopted) {
    context.catalogue.indexes.rename(adopted, name);
    adopted.constraint = true;
    delete adopted.nameGenerated;
    return;
  }
  addIndex(table, { name, columns: definition.columns.map(truncateIdentifier), expressionColumns: [], unique: definition.kind !== "exclusion", partial: false, createdIn: origin, constraint: true, generated: !definition.name }, context);
}
function addIndex(table, spec, context) {
  const { catalogue } = context;
  const taken = (name2) => catalogue.indexes.find({ schema: table.schema, name: name2 }) !== void 0 || catalogue.tables.find({ schema: table.schema, name: name2 }) !== void 0;
  const name = spec.name ?? chooseName(table.name, spec.nameParts ?? spec.columns, spec.label ?? NAME_LABELS.index, taken);
  const existing = catalogue.indexes.find({ schema: table.schema, name });
  if (existing) removeIndex(existing, context);
  const index = {
    ...table.schema !== void 0 ? { schema: table.schema } : {},
    name,
    ...spec.name === void 0 || spec.generated ? { nameGenerated: true } : {},
    table,
    columns: spec.columns,
    expressionColumns: spec.expressionColumns,
    unique: spec.unique,
    partial: spec.partial,
    ...spec.method ? { method: spec.method } : {},
    ...spec.constraint ? { constraint: true } : {},
    createdIn: spec.createdIn
  };
  catalogue.indexes.add(index);
  table.indexes.push(index);
}
function removeIndex(index, context) {
  context.catalogue.indexes.remove(index);
  index.table.indexes = index.table.indexes.filter((candidate) => candidate !== index);
}
function removeTable(table, context, cascade) {
  const { catalogue } = context;
  catalogue.tables.remove(table);
  for (const index of [...table.indexes]) removeIndex(index, context);
  for (const partition of [...table.partitions]) removeTable(partition, context, cascade);
  if (table.parent) detach(table);
  if (!cascade) return;
  const named = (name) => name.name === table.name && (name.schema === void 0 || table.schema === void 0 || name.schema === table.schema);
  for (const other2 of catalogue.tables) {
    other2.constraints = other2.constraints.filter((constraint) => !(constraint.references && named(constraint.references.table)));
  }
  for (const view of [...catalogue.views]) if (view.uses.tables.some(named)) catalogue.views.remove(view);
}
function dropTemporaryTables(context) {
  const { catalogue } = context;
  for (const table of catalogue.temporaryTables) if (catalogue.tables.find(table) === table) removeTable(table, context, false);
  catalogue.temporaryTables.clear();
}
function attach(parent, partition) {
  if (partition.parent) detach(partition);
  parent.partitioned = true;
  partition.parent = parent;
  parent.partitions.push(partition);
}
function detach(partition) {
  const parent = partition.parent;
  if (!parent) return;
  parent.partitions = parent.partitions.filter((candidate) => candidate !== partition);
  delete partition.parent;
}
var originOf, HANDLERS, WITHOUT_SCHEMA_CHANGES, CHANGES;
var init_apply = __esm({
  "src/schema/apply.ts"() {
    "use strict";
    init_catalogue();
    init_names();
    init_types();
    originOf = (operation, context) => operation.conditional ? 0 : context.file;
    HANDLERS = {
      createTable(operation, context) {
        const { catalogue } = context;
        const existing = catalogue.tables.find(operation.table);
        if (existing && (operation.ifNotExists || operation.conditional)) return;
        if (existing) removeTable(existing, context, false);
        const guardHolds = operation.conditional === true && operation.ifNotExists && context.historyKnown();
        const origin = guardHolds ? context.file : originOf(operation, context);
        const table = {
          ...operation.table.schema !== void 0 ? { schema: operation.table.schema } : {},
          name: operation.table.name,
          columns: [],
          columnsKnown: operation.columnsUnknown !== true,
          constraints: [],
          indexes: [],
          createdIn: origin,
          ...operation.conditional && !guardHolds && operation.branch ? { createdUnder: { file: context.file, branch: operation.branch } } : {},
          namedIn: origin,
          assumed: false,
          filled: operation.withRows === true,
          temporary: operation.temporary === true,
          partitioned: operation.partitioned === true,
          partitions: []
        };
        catalogue.tables.add(table);
        if (table.temporary) catalogue.temporaryTables.add(table);
        if (operation.partitionOf) {
          const parent = tableOrAssumed(operation.partitionOf, context);
          attach(parent, table);
          for (const column of parent.columns) table.columns.push({ ...column, addedIn: origin });
          table.columnsKnown = parent.columnsKnown;
        }
        for (const column of operation.columns) addColumnTo(table, column, origin, context);
        for (const constraint of operation.constraints) addConstraintTo(table, constraint, origin, context);
      },
      dropTable(operation, context) {
        for (const name of operation.tables) {
          const table = context.catalogue.tables.find(name);
          if (table) removeTable(table, context, operation.cascade);
          else dropViewNamed(name, context);
        }
      },
      renameTable(operation, context) {
        const table = context.catalogue.tables.find(operation.table);
        if (!table) {
          const view = context.catalogue.views.find(operation.table);
          if (view) return context.catalogue.views.rename(view, operation.newName);
          if (context.catalogue.indexes.find(operation.table)) return CHANGES.renameIndex({ kind: "renameIndex", index: operation.table, newName: operation.newName, ifExists: false }, context);
          const sequence = findSequence(context.catalogue, operation.table);
          if (sequence) return context.catalogue.nameSequence(sequence.column, truncateIdentifier(operation.newName));
          context.catalogue.tables.add({ ...assumedTable({ ...operation.table, name: operation.newName }), namedIn: context.file });
          return;
        }
        context.catalogue.tables.rename(table, operation.newName);
        table.namedIn = context.file;
      },
      addColumn(operation, context) {
        const table = tableOrAssumed(operation.table, context);
        if (operation.ifNotExists && findColumn(table, operation.column.name)) return;
        addColumnTo(table, operation.column, originOf(operation, context), context);
      },
      dropColumn(operation, context) {
        const table = context.catalogue.tables.find(operation.table);
        const column = table && findColumn(table, operation.column);
        if (!table || !column) return;
        table.columns = table.columns.filter((candidate) => candidate !== column);
        const uses = (names) => names?.includes(column.name) === true;
        for (const index of [...table.indexes]) if (uses(index.columns) || uses(index.expressionColumns)) removeIndex(index, context);
        table.constraints = table.constraints.filter((constraint) => !uses(constraint.columns) && !uses(constraint.expressionColumns) && constraint.checksNotNullOf !== column.name);
      },
      renameColumn(operation, context) {
        const table = tableOrAssumed(operation.table, context);
        const column = columnOrAssumed(table, operation.column);
        if (!column) return;
        const from = column.name;
        const to = truncateIdentifier(operation.newName);
        column.name = to;
        const renamed = (names) => names.map((name) => name === from ? to : name);
        for (const index of table.indexes) {
          index.columns = renamed(index.columns);
          index.expressionColumns = renamed(index.expressionColumns);
        }
        for (const constraint of table.constraints) {
          constraint.columns = renamed(constraint.columns);
          if (constraint.expressionColumns) constraint.expressionColumns = renamed(constraint.expressionColumns);
          if (constraint.checksNotNullOf === from) constraint.checksNotNullOf = to;
        }
      },
      alterColumnType(operation, context) {
        const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
        if (column) column.type = operation.newType;
      },
      setNotNull(operation, context) {
        const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
        if (column) column.notNull = true;
      },
      dropNotNull(operation, context) {
        const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
        if (column) column.notNull = false;
      },
      setDefault(operation, context) {
        const column = columnOrAssumed(tableOrAssumed(operation.table, context), operation.column);
        if (!column) return;
        if (operation.default) column.default = operation.default;
        else delete column.default;
      },
      addConstraint(operation, context) {
        addConstraintTo(tableOrAssumed(operation.table, context), operation.constraint, originOf(operation, context), context);
      },
      validateConstraint(operation, context) {
        const table = context.catalogue.tables.find(operation.table);
        const constraint = table && findConstraint(table, operation.name);
        if (constraint) constraint.validated = true;
      },
      dropConstraint(operation, context) {
        const table = context.catalogue.tables.find(operation.table);
        const constraint = table && findConstraint(table, operation.name);
        if (!table || !constraint) return;
        table.constraints = table.constraints.filter((candidate) => candidate !== constraint);
        const index = table.indexes.find((candidate) => candidate.constraint && candidate.name === constraint.name);
        if (index) removeIndex(index, context);
      },
      createIndex(operation, context) {
        const { catalogue } = context;
        if (operation.ifNotExists && operation.name && catalogue.indexes.find({ schema: operation.table.schema, name: operation.name })) return;
        const table = tableOrAssumed(operation.table, context);
        const expressionColumns = operation.expressionColumns ?? [];
        addIndex(table, {
          name: operation.name,
          columns: operation.columns.map(truncateIdentifier),
          expressionColumns,
          unique: operation.unique,
          partial: operation.partial === true,
          method: operation.method,
          createdIn: originOf(operation, context),
          nameParts: [...operation.columns, ...expressionColumns],
          label: NAME_LABELS.index
        }, context);
      },
      dropIndex(operation, context) {
        for (const name of operation.names) {
          const index = context.catalogue.indexes.find(name);
          if (index) removeIndex(index, context);
        }
      },
      attachPartition(operation, context) {
        attach(tableOrAssumed(operation.table, context), tableOrAssumed(operation.partition, context));
      },
      detachPartition(operation, context) {
        const partition = context.catalogue.tables.find(operation.partition);
        if (partition?.parent) detach(partition);
      },
      createDomain(operation, context) {
        const [schema, name] = operation.name.includes(".") ? operation.name.split(".", 2) : [void 0, operation.name];
        replaceType(context, { ...schema !== void 0 ? { schema } : {}, name, kind: "domain" });
      },
      other(operation, context) {
        if (operation.fillsTable) {
          const table = context.catalogue.tables.find(operation.fillsTable);
          if (table) table.filled = true;
          return;
        }
        if (operation.change) applyChange(operation.change, context);
        else if (!WITHOUT_SCHEMA_CHANGES.has(operation.statement)) context.notModelled(operation);
      }
    };
    WITHOUT_SCHEMA_CHANGES = /* @__PURE__ */ new Set([
      "InsertStmt",
      "UpdateStmt",
      "DeleteStmt",
      "MergeStmt",
      "SelectStmt",
      "CopyStmt",
      "VariableSetStmt",
      "VariableShowStmt",
      "TransactionStmt",
      "ExplainStmt",
      "NotifyStmt",
      "ListenStmt",
      "UnlistenStmt",
      "LockStmt",
      "VacuumStmt",
      "ClusterStmt",
      "CheckPointStmt",
      "DiscardStmt",
      "PrepareStmt",
      "ExecuteStmt",
      "DeallocateStmt",
      "RefreshMatViewStmt",
      "ConstraintsSetStmt"
    ]);
    CHANGES = {
      createType: (change, context) => replaceType(context, { ...change.type.schema !== void 0 ? { schema: change.type.schema } : {}, name: change.type.name, kind: change.enumValues ? "enum" : "other", ...change.enumValues ? { enumValues: [...change.enumValues] } : {} }),
      addEnumValue(change, context) {
        const type2 = context.catalogue.types.find(change.type);
        if (type2?.enumValues && !type2.enumValues.includes(change.value)) type2.enumValues.push(change.value);
      },
      renameEnumValue(change, context) {
        const type2 = context.catalogue.types.find(change.type);
        if (type2?.enumValues) type2.enumValues = type2.enumValues.map((value) => value === change.from ? change.to : value);
      },
      renameType(change, context) {
        const type2 = context.catalogue.types.find(change.type);
        if (!type2) followOpaqueRename(change.type.name, change.newName, context);
        const from = type2?.name ?? change.type.name;
        if (type2) context.catalogue.types.rename(type2, change.newName);
        const to = type2?.name ?? change.newName;
        for (const table of context.catalogue.tables) {
          for (const column of table.columns) if (column.type && column.type.name === from) column.type = { ...column.type, name: to };
        }
      },
      dropType(change, context) {
        for (const name of change.types) {
          const type2 = context.catalogue.types.find(name);
          if (type2) context.catalogue.types.remove(type2);
        }
      },
      createView(change, context) {
        const existing = context.catalogue.views.find(change.view);
        if (existing) context.catalogue.views.remove(existing);
        context.catalogue.views.add({ ...change.view.schema !== void 0 ? { schema: change.view.schema } : {}, name: change.view.name, uses: change.uses });
      },
      dropView(change, context) {
        for (const name of change.views) dropViewNamed(name, context);
      },
      renameView(change, context) {
        const view = context.catalogue.views.find(change.view);
        if (view) context.catalogue.views.rename(view, change.newName);
        const materialized = view ? void 0 : context.catalogue.tables.find(change.view);
        if (materialized) context.catalogue.tables.rename(materialized, change.newName);
      },
      renameIndex(change, context) {
        const index = context.catalogue.indexes.find(change.index);
        if (!index) return followOpaqueRename(change.index.name, change.newName, context);
        const constraint = index.constraint ? findConstraint(index.table, index.name) : void 0;
        context.catalogue.indexes.rename(index, change.newName);
        delete index.nameGenerated;
        if (constraint) constraint.name = index.name;
      },
      renameConstraint(change, context) {
        const table = context.catalogue.tables.find(change.table);
        const constraint = table && findConstraint(table, change.name);
        if (!table || !constraint) return;
        const index = table.indexes.find((candidate) => candidate.constraint && candidate.name === constraint.name);
        constraint.name = truncateIdentifier(change.newName);
        delete constraint.nameGenerated;
        if (index) context.catalogue.indexes.rename(index, constraint.name);
      },
      createSchema: (change, context) => void context.catalogue.schemas.add(change.name),
      dropSchema(change, context) {
        for (const name of change.names) {
          context.catalogue.schemas.delete(name);
          for (const table of [...context.catalogue.tables]) if (table.schema === name) removeTable(table, context, true);
        }
      },
      setIdentity(change, context) {
        const column = columnOrAssumed(tableOrAssumed(change.table, context), change.column);
        if (!column) return;
        if (change.identity) {
          column.generated = "identity";
          column.notNull = true;
        } else if (column.generated === "identity") delete column.generated;
      },
      opaqueCode(change, context) {
        for (const name of change.names) context.opaqueNames.add(name);
      }
    };
  }
});

// src/schema/replay.ts
function changesSchema(operation) {
  switch (operation.kind) {
    case "transaction":
    case "setSetting":
    case "reindex":
    case "truncate":
    case "dropDatabase":
    case "alterDomainAddConstraint":
      return false;
    case "other":
      return operation.change !== void 0 || operation.fillsTable !== void 0;
    default:
      return true;
  }
}
function schemaEffectOf(analyzed) {
  return {
    operations: analyzed.operations.filter(changesSchema),
    ...isUnreadable(analyzed) ? { unreadable: true } : {},
    ...analyzed.newTables ? { newTables: analyzed.newTables } : {},
    ...analyzed.runtimeNames ? { runtimeNames: analyzed.runtimeNames } : {},
    ...analyzed.readsFiles ? { readsFiles: analyzed.readsFiles } : {},
    ...analyzed.besideHistory ? { besideHistory: true } : {}
  };
}
function isUnreadable(analyzed) {
  return analyzed.problems.some((problem) => !problem.keepsSchema);
}
function effectDigestOf(effect, hash) {
  return hash([JSON.stringify(effect.newTables ?? []), JSON.stringify(effect.runtimeNames ?? []), JSON.stringify(effect.operations, withoutPlaces)].join("\0"));
}
function digestInput(before, start, effectDigest) {
  return [before, start.isNew ? 1 : 0, start.unreadable ? 1 : 0, effectDigest].join("\0");
}
function withoutPlaces(key, value) {
  return key === "location" || key === "anchorLine" || key === "identifiers" || key === "sql" || key === "sqlLocation" ? void 0 : value;
}
var SchemaReplay;
var init_replay = __esm({
  "src/schema/replay.ts"() {
    "use strict";
    init_apply();
    init_catalogue();
    SchemaReplay = class {
      constructor(options = {}) {
        this.options = options;
        this.context = {
          catalogue: this.model,
          file: 0,
          opaqueNames: this.opaqueNames,
          // The first migration that creates tables, and those before it, change only what they create, in a whole history.
          assumed: (table) => {
            if (!this.createdBefore) this.markIncomplete(`the first migrations change "${table.name}", which they do not create`);
          },
          notModelled: (operation) => this.recordNotModelled(operation),
          historyKnown: () => this.createdBefore && this.firstIncompleteReason === void 0
        };
      }
      options;
      model = new SchemaCatalogue();
      /** The model as it was before a file beside the history began (see FileStart.besideHistory). */
      modelBefore;
      notModelledSoFar = 0;
      notModelledList = [];
      firstIncompleteReason;
      /** The digest of the state so far (with `hash`). */
      digest = "";
      /** The digest of what the last file ended did (with `hash`): what the cache keeps to replay it. */
      lastEffectDigest = "";
      /** Cached migrations not applied yet: a run answered from the cache never builds the model. */
      deferred = [];
      fileNumber = 0;
      fileName = "";
      newFiles = /* @__PURE__ */ new Set();
      freshTables = [];
      /** A table was created by the migration being replayed, or by an earlier one. */
      createdAny = false;
      /** A table was created by an earlier migration: the history has begun. */
      createdBefore = false;
      opaqueNames = /* @__PURE__ */ new Set();
      applied = [];
      start;
      context;
      /** The model, with every deferred migration applied. */
      get catalogue() {
        this.applyDeferred();
        return this.model;
      }
      /** Statements that may change the schema in ways the model does not follow. */
      get notModelledCount() {
        this.applyDeferred();
        return this.notModelledSoFar;
      }
      get notModelled() {
        this.applyDeferred();
        return this.notModelledList;
      }
      /** Why the history looks incomplete, where it does. */
      get incompleteReason() {
        this.applyDeferred();
        return this.firstIncompleteReason;
      }
      /**
       * A migration whose effect (and its digest) the cache kept: the digest moves on
       * now, the model only when it is next read (the next file begun, or a getter),
       * and the effect is read (`file()`) only then: a run answered from the cache never reads it.
       */
      deferFile(start, file, effectDigest) {
        if (this.options.hash) this.digest = this.options.hash(digestInput(this.digest, start, effectDigest));
        this.lastEffectDigest = effectDigest;
        this.deferred.push(file);
      }
      applyDeferred() {
        if (this.deferred.length === 0) return;
        const deferred = this.deferred;
        this.deferred = [];
        for (const file of deferred) {
          const { start, operations } = file();
          this.applyWhole(start, operations, false);
        }
      }
      beginFile(start) {
        this.applyDeferred();
        this.begin(start);
      }
      begin(start) {
        this.fileNumber++;
        this.context.file = this.fileNumber;
        this.fileName = start.name;
        this.start = start;
        if (start.isNew) this.newFiles.add(this.fileNumber);
        this.freshTables = start.newTables ?? [];
        if (start.besideHistory) {
          this.modelBefore = this.model;
          this.model = cloneCatalogue(this.model);
          this.context.catalogue = this.model;
        }
        for (const name of start.runtimeNames ?? []) this.opaqueNames.add(name);
        this.applied.length = 0;
      }
      apply(operation) {
        if (operation.kind === "createTable" && !operation.conditional) this.createdAny = true;
        applyOperation(operation, this.context);
        if (this.options.hash && changesSchema(operation)) this.applied.push(operation);
      }
      /** The file is done: its temporary tables are gone, and (after) what it did counts for the next. */
      endFile() {
        this.end(true);
      }
      end(moveDigest) {
        dropTemporaryTables(this.context);
        if (this.modelBefore) {
          this.model = this.modelBefore;
          this.context.catalogue = this.model;
          this.modelBefore = void 0;
        }
        this.createdBefore = this.createdAny;
        const start = this.start;
        if (start?.unreadable && !start.besideHistory) this.markIncomplete(`${start.name} could not be read whole`);
        if (this.options.hash && start && moveDigest) {
          this.lastEffectDigest = effectDigestOf({ operations: this.applied, newTables: start.newTables, runtimeNames: start.runtimeNames }, this.options.hash);
          this.digest = this.options.hash(digestInput(this.digest, start, this.lastEffectDigest));
        }
        this.applied.length = 0;
        this.start = void 0;
      }
      /** A migration the rules do not check (or whose result is cached): applied whole. */
      applyFile(start, operations) {
        this.applyDeferred();
        this.applyWhole(start, operations, true);
      }
      applyWhole(start, operations, moveDigest) {
        this.begin(start);
        for (const operation of operations) this.apply(operation);
        this.end(moveDigest);
      }
      /** A history cannot be judged whole before a migration before this one has created tables. */
      get historyComplete() {
        return this.createdBefore && this.incompleteReason === void 0;
      }
      mentionedByCode(name) {
        return this.opaqueNames.has(name) || this.opaqueNames.has(name.toLowerCase());
      }
      table(name) {
        return this.catalogue.tables.find(name);
      }
      column(table, column) {
        const found = this.table(table);
        return found && findColumn(found, column);
      }
      constraint(table, name) {
        const found = this.table(table);
        return found && findConstraint(found, name);
      }
      index(name) {
        return this.catalogue.indexes.find(name);
      }
      sequence(name) {
        return findSequence(this.catalogue, name);
      }
      type(name) {
        return this.catalogue.types.find(name);
      }
      view(name) {
        return this.catalogue.views.find(name);
      }
      indexes() {
        return this.catalogue.indexes;
      }
      isNewOrigin(origin) {
        return origin !== 0 && (origin === this.fileNumber || this.newFiles.has(origin));
      }
      isFresh(table) {
        return this.freshTables.some((fresh) => fresh.name === table.name && (fresh.schema === void 0 || table.schema === void 0 || fresh.schema === table.schema));
      }
      isNewTable(name) {
        const table = this.table(name);
        if (!table) return this.isFresh(name);
        return this.isNewOrigin(table.createdIn) || table.namedIn === this.fileNumber || this.isFresh(name);
      }
      /** Created earlier in this migration, in a run-time branch this one runs in: when it runs, the creation ran. */
      isCreatedInBranch(name, branch) {
        const created = this.table(name)?.createdUnder;
        if (!created || !branch || created.file !== this.fileNumber || created.branch.length > branch.length) return false;
        return created.branch.every((id, depth) => branch[depth] === id);
      }
      isRenamedTable(name) {
        const table = this.table(name);
        return table !== void 0 && table.namedIn === this.fileNumber && !this.isNewOrigin(table.createdIn) && !this.isFresh(name);
      }
      isEmptyTable(name) {
        const table = this.table(name);
        if (!table) return this.isFresh(name);
        if (!this.isNewOrigin(table.createdIn) && !this.isFresh(name)) return false;
        return !table.filled || table.temporary;
      }
      isNewColumn(table, column) {
        const found = this.column(table, column);
        return found !== void 0 && this.isNewOrigin(found.addedIn);
      }
      viewsUsing(table, column) {
        const found = this.table(table);
        if (!found) return [];
        const views = [];
        for (const view of this.catalogue.views) {
          const usesTable = view.uses.tables.some((used) => used.name === found.name && (used.schema === void 0 || found.schema === void 0 || used.schema === found.schema));
          if (usesTable && (view.uses.star || view.uses.columns.includes(column))) views.push(view.name);
        }
        return views;
      }
      /** Keeps the first reason: what the note about `unknown-object` says. */
      markIncomplete(reason) {
        this.firstIncompleteReason ??= reason;
      }
      recordNotModelled(operation) {
        this.notModelledSoFar++;
        if (this.options.recordNotModelled) this.notModelledList.push({ file: this.fileName, line: operation.location.line, statement: operation.statement });
      }
    };
  }
});

// src/engine/finding.ts
function compareFindings(a, b) {
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
var init_finding = __esm({
  "src/engine/finding.ts"() {
    "use strict";
  }
});

// src/engine/ignores.ts
var IgnoreTracker;
var init_ignores = __esm({
  "src/engine/ignores.ts"() {
    "use strict";
    IgnoreTracker = class {
      /** `resolveRuleId` maps aliases to ids and returns undefined for unknown ids. */
      constructor(directives, resolveRuleId) {
        this.directives = directives;
        this.resolveRuleId = resolveRuleId;
        directives.forEach((directive, index) => {
          if (directive.scope === "file") this.fileWide.push(index);
          else this.byTargetLine.set(directive.targetLine, [...this.byTargetLine.get(directive.targetLine) ?? [], index]);
        });
      }
      directives;
      resolveRuleId;
      used = /* @__PURE__ */ new Set();
      /** Directive indices: file-wide ones, and statement ones by the line they target (a file may have thousands). */
      fileWide = [];
      byTargetLine = /* @__PURE__ */ new Map();
      /** True when a directive silences the finding; remembers the directive (and rule) as used. */
      silences(finding) {
        const candidates = /* @__PURE__ */ new Set([
          ...this.fileWide,
          ...this.byTargetLine.get(finding.anchorLine) ?? [],
          ...this.byTargetLine.get(finding.line) ?? []
        ]);
        let silenced = false;
        for (const index of [...candidates].sort((a, b) => a - b)) {
          const directive = this.directives[index];
          const named = directive.rules.find((rule) => this.resolveRuleId(rule) === finding.rule);
          if (directive.rules.length > 0 && named === void 0) continue;
          this.used.add(`${index}:${named ?? "*"}`);
          silenced = true;
        }
        return silenced;
      }
      /** One complaint per unknown rule id, rule that silenced nothing, or bare directive that silenced nothing. */
      unused() {
        const complaints = [];
        this.directives.forEach((directive, index) => {
          if (directive.squawk) return;
          if (directive.implied) return;
          const keyword = directive.scope === "file" ? "migralint-ignore-file" : "migralint-ignore";
          if (directive.rules.length === 0 && !this.used.has(`${index}:*`)) {
            complaints.push({ directive, message: `This ${keyword} comment silences nothing.` });
          }
          for (const rule of directive.rules) {
            if (this.resolveRuleId(rule) === void 0) {
              complaints.push({ directive, message: `This ${keyword} comment names an unknown rule "${rule}".` });
            } else if (!this.used.has(`${index}:${rule}`)) {
              complaints.push({ directive, message: `This ${keyword} comment for "${rule}" silences nothing.` });
            }
          }
        });
        return complaints;
      }
    };
  }
});

// src/engine/filled-new-table.ts
function filledNewTableOnly(operation, tables) {
  const locked = lockedTables(operation);
  if (locked.length === 0) return void 0;
  for (const table of locked) if (!tables.isNewTable(table) || tables.isEmptyTable(table) || tables.schema.isRenamedTable(table)) return void 0;
  return locked[0];
}
function listOf(names) {
  const shown = names.slice(0, LISTED).map((name) => `"${name}"`);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : shown[0];
}
function filledNewTableMessage(table, heldLocks2) {
  const those = heldLocks2.length === 1 ? "that table" : "those tables";
  return `"${qualifiedName(table)}" was created and filled by this migration, so no query waits on it; but while this statement works through its rows, the transaction keeps its locks on ${listOf(heldLocks2)}, and every query on ${those} waits until the migration commits.`;
}
function filledNewTableHelp(heldLocks2) {
  return `Take the locks on "${heldLocks2[0]}"${heldLocks2.length > 1 ? " and the rest" : ""} as late in the transaction as the change allows: fill the new table and build its indexes and keys first, so that those locks are held only for the switch.`;
}
var LISTED;
var init_filled_new_table = __esm({
  "src/engine/filled-new-table.ts"() {
    "use strict";
    init_operations();
    init_operation_helpers();
    LISTED = 3;
  }
});

// src/engine/run-rules.ts
function runRules(analyzed, rules, filePath, options) {
  const raw = [];
  const replay = options.replay ?? new SchemaReplay();
  replay.beginFile({ name: filePath, isNew: options.newInRun === true, newTables: analyzed.newTables, unreadable: isUnreadable(analyzed), runtimeNames: analyzed.runtimeNames, besideHistory: analyzed.besideHistory });
  const state2 = new FileState(analyzed.runnerTransaction, replay);
  state2.fileOperations = analyzed.operations;
  state2.implicitTransaction = analyzed.implicitTransaction === true;
  const kindsPresent = /* @__PURE__ */ new Set();
  for (const operation of analyzed.operations) kindsPresent.add(operation.kind);
  const running = rulesToRun(rules, analyzed, options).filter((rule) => mayVisit(rule, kindsPresent));
  const visitors = running.map((rule) => createVisitor(rule, new FileRuleContext(rule, state2, options, raw)));
  const handlers = handlerLists(running, visitors);
  for (const operation of analyzed.operations) {
    state2.current = operation;
    for (const handler of handlers(operation.kind)) handler(operation);
    state2.apply(operation);
  }
  for (const visitor of visitors) visitor.endOfFile?.();
  replay.endFile();
  for (const problem of analyzed.problems) {
    raw.push({ rule: problem.rule, anchorLine: problem.location.line, line: problem.location.line, location: problem.location, message: problem.message });
  }
  const ignores = new IgnoreTracker(analyzed.directives, options.resolveRuleId);
  const kept = raw.filter((finding) => !ignores.silences(finding));
  for (const { directive, message: message2 } of ignores.unused()) {
    const { location } = directive;
    kept.push({ rule: "unused-ignore", anchorLine: location.line, line: location.line, location, message: message2 });
  }
  const byId = rulesById(rules);
  const findings = [];
  for (const finding of kept) {
    const configured = options.severityOf(finding.rule);
    const severity = configured === "error" && finding.subject?.atMost === "warning" ? "warning" : configured;
    const rule = byId.get(finding.rule);
    if (severity === "off" || !rule) continue;
    const { line, column, endLine, endColumn } = finding.location;
    const heldLocks2 = finding.subject?.heldLocks;
    const help = heldLocks2 ? filledNewTableHelp(heldLocks2) : findingHelp(rule.meta, { frontend: analyzed.frontend, subject: finding.subject ?? {} });
    const result = { rule: rule.id, severity, file: filePath, line, column, endLine, endColumn, message: finding.message, help, docs: docsFor(rule.id), anchorLine: finding.anchorLine };
    const lock = heldLocks2 ? void 0 : findingLock(rule.meta.locks, finding.operation, finding.subject);
    if (lock) result.lock = lock;
    if (finding.target) result.target = finding.target;
    findings.push(result);
  }
  findings.sort(compareFindings);
  return { findings };
}
function rulesToRun(rules, analyzed, options) {
  if (analyzed.directives.length > 0) return rules;
  return rules.filter((rule) => options.severityOf(rule.id) !== "off");
}
function handlerLists(rules, visitors) {
  const byKind = /* @__PURE__ */ new Map();
  return (kind) => {
    let list = byKind.get(kind);
    if (list === void 0) {
      list = [];
      for (const [position, visitor] of visitors.entries()) {
        const kinds = visitedKinds.get(rules[position]);
        if (kinds !== void 0 && kinds !== "all" && !kinds.has(kind)) continue;
        const handler = visitor[kind];
        if (handler) list.push(handler);
        if (visitor.anyOperation) list.push(visitor.anyOperation);
      }
      byKind.set(kind, list);
    }
    return list;
  };
}
function createVisitor(rule, context) {
  const visitor = rule.create(context);
  if (!visitedKinds.has(rule)) {
    const keys = Object.keys(visitor);
    visitedKinds.set(rule, keys.includes("anyOperation") || keys.includes("endOfFile") ? "all" : new Set(keys));
  }
  return visitor;
}
function mayVisit(rule, kindsPresent) {
  const kinds = visitedKinds.get(rule);
  if (kinds === void 0 || kinds === "all") return true;
  for (const kind of kinds) if (kindsPresent.has(kind)) return true;
  return false;
}
function rulesById(rules) {
  let byId = idMaps.get(rules);
  if (!byId) {
    byId = new Map(rules.map((rule) => [rule.id, rule]));
    idMaps.set(rules, byId);
  }
  return byId;
}
var visitedKinds, idMaps, FileRuleContext;
var init_run_rules = __esm({
  "src/engine/run-rules.ts"() {
    "use strict";
    init_operations();
    init_replay();
    init_file_state();
    init_finding();
    init_finding_lock();
    init_ignores();
    init_filled_new_table();
    init_rule();
    visitedKinds = /* @__PURE__ */ new WeakMap();
    idMaps = /* @__PURE__ */ new WeakMap();
    FileRuleContext = class {
      constructor(rule, state2, options, sink) {
        this.rule = rule;
        this.state = state2;
        this.sink = sink;
        this.runnerTransaction = state2.runnerTransaction;
        this.pgVersion = options.pgVersion;
        this.previous = state2.previous;
        this.schema = state2.schema;
        this.settings = state2.settings;
      }
      rule;
      state;
      sink;
      runnerTransaction;
      pgVersion;
      previous;
      schema;
      settings;
      report(at, subject = {}) {
        const operation = "kind" in at ? at : void 0;
        const filled = operation && this.rule.meta.costIsLockWait ? this.filledNewTableLocks(operation) : void 0;
        if (filled?.heldLocks.length === 0) return;
        if (filled) subject = { ...subject, heldLocks: filled.heldLocks };
        const message2 = filled ? filledNewTableMessage(filled.table, filled.heldLocks) : this.rule.meta.message(subject);
        const raw = { rule: this.rule.id, anchorLine: at.anchorLine, line: at.location.line, location: at.location, message: message2, operation, subject };
        if (operation && this.rule.meta.suggestion && !subject.heldLocks) {
          const facts = { pgVersion: this.pgVersion, inTransaction: this.state.inTransaction, explicitTransaction: this.state.explicitTransaction, subject };
          const before = this.state.previousAt(operation.location);
          if (before.length > 0) facts.sameStatement = before;
          raw.target = { operation, facts };
        }
        this.sink.push(raw);
      }
      /**
       * Where the operation locks only a table this migration created and filled: that table, and the
       * existing tables whose locks are held while it works. Asked only while the operation is being
       * visited (a rule reporting at the end of the file sees a later state).
       */
      filledNewTableLocks(operation) {
        if (operation !== this.state.current) return void 0;
        const table = filledNewTableOnly(operation, this.state);
        if (!table) return void 0;
        const held = this.state.locksHeldDuring(operation);
        if (held.has(qualifiedName(table))) return void 0;
        return { table, heldLocks: [...held.keys()] };
      }
      isNewColumn(table, column) {
        if (this.state.isNewTable(table) && !this.state.isEmptyTable(table)) return false;
        return this.state.schema.isNewColumn(table, column);
      }
      isNewTable(table) {
        return this.state.isNewTable(table);
      }
      isEmptyTable(table) {
        return this.state.isEmptyTable(table);
      }
      isTemporaryTable(table) {
        return this.state.isTemporaryTable(table);
      }
      isPartitioned(table) {
        return this.state.isPartitioned(table);
      }
      partitionsIndexedOn(table, columns) {
        return this.state.partitionsIndexedOn(table, columns);
      }
      get inTransaction() {
        return this.state.inTransaction;
      }
      get explicitTransaction() {
        return this.state.explicitTransaction;
      }
      get runnerTransactionOpen() {
        return this.state.runnerTransactionOpen;
      }
      get reopensRunnerTransaction() {
        return this.state.reopensRunnerTransaction;
      }
      get implicitTransaction() {
        return this.state.implicitTransaction;
      }
    };
  }
});

// src/frontends/file-problem.ts
function unparsableFile(frontend, message2, position, lineEnd2 = Number.POSITIVE_INFINITY) {
  return {
    frontend,
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: false,
    problems: [
      {
        rule: "syntax-error",
        message: message2,
        location: { line: position.line, column: position.column, endLine: position.line, endColumn: Math.min(position.column + 1, Math.max(lineEnd2, position.column)) }
      }
    ]
  };
}
var init_file_problem = __esm({
  "src/frontends/file-problem.ts"() {
    "use strict";
  }
});

// src/frontends/text-positions.ts
function byteToCharConverter(text) {
  if (Buffer.byteLength(text, "utf8") === text.length) return (offset) => offset;
  const charAtByte = [];
  for (let charIndex = 0; charIndex < text.length; charIndex++) {
    const code = text.charCodeAt(charIndex);
    let width = 1;
    if (code >= 55296 && code <= 56319) width = 4;
    else if (code >= 56320 && code <= 57343) width = 0;
    else if (code >= 2048) width = 3;
    else if (code >= 128) width = 2;
    for (let b = 0; b < width; b++) charAtByte.push(charIndex);
  }
  charAtByte.push(text.length);
  return (offset) => charAtByte[Math.min(Math.max(offset, 0), charAtByte.length - 1)];
}
var LineIndex;
var init_text_positions = __esm({
  "src/frontends/text-positions.ts"() {
    "use strict";
    LineIndex = class {
      constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code === 10 || code === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
        }
      }
      text;
      lineStarts = [0];
      /** Position of a character index (UTF-16 code units). */
      position(charIndex) {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
          const mid = low + high + 1 >> 1;
          if (this.lineStarts[mid] <= charIndex) low = mid;
          else high = mid - 1;
        }
        return { line: low + 1, column: charIndex - this.lineStarts[low] + 1 };
      }
      /** Character index of a 1-based line's first character. */
      lineStart(line) {
        return this.lineStarts[line - 1] ?? this.text.length;
      }
      lineText(line) {
        const next = this.lineStarts[line] ?? this.text.length;
        return this.text.slice(this.lineStart(line), next).replace(/\r?\n$|\r$/, "");
      }
      get lineCount() {
        return this.lineStarts.length;
      }
    };
  }
});

// src/frontends/sql/pg-wasm.ts
function compiledParser(given) {
  state.compiled ??= given ? Promise.resolve(given) : wasm.compile(fs4.readFileSync(require.resolve("libpg-query/wasm/libpg-query.wasm")));
  return state.compiled;
}
function loadParser(given) {
  state.loaded ??= (async () => {
    const module2 = await compiledParser(given);
    const factory = require("libpg-query/wasm/libpg-query.js");
    return factory({
      instantiateWasm: (imports, done) => {
        void wasm.instantiate(module2, imports).then(done);
        return {};
      }
    });
  })();
  return state.loaded.then((module2) => {
    state.instance = module2;
  });
}
function loadedParser() {
  if (!state.instance) throw new Error("the PostgreSQL parser is not loaded");
  return state.instance;
}
function longStringAt(module2, pointer) {
  const memory = module2.HEAPU8;
  const end = memory.indexOf(0, pointer);
  return utf8.decode(memory.subarray(pointer, end < 0 ? memory.length : end));
}
function withQuery(module2, text, call) {
  const size = module2.lengthBytesUTF8(text) + 1;
  const query = module2._malloc(size);
  try {
    module2.stringToUTF8(text, query, size);
    return call(query);
  } finally {
    module2._free(query);
  }
}
function parse(text) {
  const module2 = loadedParser();
  return withQuery(module2, text, (query) => {
    const result = module2._wasm_parse_query_raw(query);
    if (!result) throw new Error("the PostgreSQL parser ran out of memory");
    try {
      const tree = module2.getValue(result, "i32");
      const error = module2.getValue(result + 8, "i32");
      if (error) {
        const message2 = module2.UTF8ToString(module2.getValue(error, "i32")) || "unknown error";
        const cursor = module2.getValue(error + 16, "i32");
        throw new SqlSyntaxError({ message: message2, cursorPosition: cursor > 0 ? cursor - 1 : 0 });
      }
      if (!tree) throw new Error("the PostgreSQL parser returned no tree");
      return JSON.parse(longStringAt(module2, tree));
    } finally {
      module2._wasm_free_parse_result(result);
    }
  });
}
function scan(text) {
  const module2 = loadedParser();
  return withQuery(module2, text, (query) => {
    const result = module2._wasm_scan(query);
    try {
      const output = module2.UTF8ToString(result);
      if (!output.startsWith("{")) throw new Error(output);
      return JSON.parse(output);
    } finally {
      if (result) module2._wasm_free_string(result);
    }
  });
}
var fs4, PARSER_STATE, wasm, SqlSyntaxError, state, utf8;
var init_pg_wasm = __esm({
  "src/frontends/sql/pg-wasm.ts"() {
    "use strict";
    fs4 = __toESM(require("node:fs"));
    PARSER_STATE = /* @__PURE__ */ Symbol.for("migralint.postgresql-parser");
    wasm = globalThis.WebAssembly;
    SqlSyntaxError = class extends Error {
      constructor(sqlDetails) {
        super(sqlDetails.message);
        this.sqlDetails = sqlDetails;
      }
      sqlDetails;
      name = "SqlError";
    };
    state = globalThis[PARSER_STATE] ??= {};
    utf8 = new TextDecoder();
  }
});

// src/frontends/directives.ts
function parseDirective(text) {
  const body = text.replace(/^(--|\/\/|\/\*)/, "").replace(/\*\/$/, "").trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return void 0;
  const ruleList = match[3].split(/\s--(\s|$)/)[0];
  const rules = ruleList.split(/[\s,]+/).map((rule) => rule.trim()).filter((rule) => rule.length > 0);
  return { scope: match[2] ? "file" : "statement", rules, ...match[1] === "squawk" ? { squawk: true } : {} };
}
var DIRECTIVE;
var init_directives = __esm({
  "src/frontends/directives.ts"() {
    "use strict";
    DIRECTIVE = /^(migralint|squawk)-ignore(-file)?(?=\s|$)(.*)$/s;
  }
});

// src/frontends/scan-work.ts
var scanWork;
var init_scan_work = __esm({
  "src/frontends/scan-work.ts"() {
    "use strict";
    scanWork = { steps: 0 };
  }
});

// src/frontends/sql/lexer.ts
function isIdentifierStart(code) {
  return code >= 97 && code <= 122 || code >= 65 && code <= 90 || code === 95 || code >= 128;
}
function isIdentifierPart(code) {
  return isIdentifierStart(code) || code >= 48 && code <= 57 || code === 36;
}
function scanSql(text) {
  const comments = [];
  const longIdentifiers = [];
  const metaCommands = [];
  const semicolons = [];
  const copyData = [];
  let statementStart = 0;
  let firstWord;
  let pendingData;
  const noteIdentifier = (name, start, end) => {
    if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES3) longIdentifiers.push({ name, start, end });
  };
  let i = 0;
  while (i < text.length) {
    scanWork.steps++;
    if (pendingData && i >= pendingData.start) {
      copyData.push(pendingData);
      i = Math.max(i, pendingData.end);
      pendingData = void 0;
      continue;
    }
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "-" && next === "-") {
      const end = lineEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === "/" && next === "*") {
      const end = blockCommentEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]) && !IDENTIFIER_PART.test(text[i - 2] ?? " ");
      i = quotedEnd(text, i, "'", escapes);
    } else if (ch === '"') {
      const end = quotedEnd(text, i, '"', false);
      noteIdentifier(text.slice(i + 1, end - 1).replace(/""/g, '"'), i, end);
      i = end;
    } else if (ch === "$" && !IDENTIFIER_PART.test(text[i - 1] ?? " ")) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 128));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? text.length : close + tag[0].length;
      } else i++;
    } else if (ch === "\\") {
      const end = lineEnd(text, i);
      metaCommands.push({ start: i, end });
      if (COPY_META_FROM_STDIN.test(text.slice(i, end))) pendingData = copyDataAfter(text, end);
      if (firstWord !== void 0 && !startsLine(text, i)) {
        statementStart = end;
        firstWord = void 0;
      }
      i = end;
    } else if (ch === ";") {
      semicolons.push(++i);
      if (firstWord === "copy" && COPY_FROM_STDIN.test(text.slice(statementStart, i))) pendingData = copyDataAfter(text, i);
      statementStart = i;
      firstWord = void 0;
    } else if (isIdentifierStart(ch.charCodeAt(0))) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      firstWord ??= end - i === 4 ? text.slice(i, end).toLowerCase() : "";
      if (end - i > MAX_IDENTIFIER_BYTES3 / 4) noteIdentifier(text.slice(i, end), i, end);
      i = end;
    } else i++;
  }
  return { comments, longIdentifiers, metaCommands, semicolons, copyData };
}
function copyDataAfter(text, from) {
  const commandEnd = lineEnd(text, from);
  if (commandEnd >= text.length) return void 0;
  const start = commandEnd + (text[commandEnd] === "\r" && text[commandEnd + 1] === "\n" ? 2 : 1);
  let line = start;
  while (line < text.length) {
    scanWork.steps++;
    const end = lineEnd(text, line);
    if (end === line + 2 && text[line] === "\\" && text[line + 1] === ".") return { start, end };
    line = end + (text[end] === "\r" && text[end + 1] === "\n" ? 2 : 1);
  }
  return { start, end: text.length };
}
function startsLine(text, offset) {
  for (let index = offset - 1; index >= 0; index--) {
    const ch = text[index];
    if (ch === "\n" || ch === "\r") return true;
    if (ch !== " " && ch !== "	" && ch !== "\f") return false;
  }
  return true;
}
function lineEnd(text, from) {
  for (let i = from; i < text.length; i++) if (text[i] === "\n" || text[i] === "\r") return i;
  return text.length;
}
function blockCommentEnd(text, from) {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}
function quotedEnd(text, from, quote2, backslashEscapes) {
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === "\\") i += 2;
    else if (ch === quote2 && text[i + 1] === quote2) i += 2;
    else if (ch === quote2) return i + 1;
    else i++;
  }
  return text.length;
}
function trimTrailing(text, start, end, commentsByEnd) {
  let trimmed = end;
  for (; ; ) {
    while (trimmed > start && isSpace(text[trimmed - 1])) trimmed--;
    const comment = commentsByEnd.get(trimmed);
    if (!comment || comment.start < start) return trimmed;
    trimmed = comment.start;
  }
}
function trimLeading(text, start, end, commentsByStart) {
  let trimmed = start;
  for (; ; ) {
    while (trimmed < end && isSpace(text[trimmed])) trimmed++;
    const comment = commentsByStart.get(trimmed);
    if (!comment) return trimmed;
    trimmed = comment.end;
  }
}
function topLevelClauses(text, start, end) {
  const clauses = [];
  let depth = 0;
  let clauseStart = start;
  let i = start;
  const close = (at) => clauses.push(trimRange(text, clauseStart, at));
  while (i < end) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "-" && next === "-") i = lineEnd(text, i);
    else if (ch === "/" && next === "*") i = blockCommentEnd(text, i);
    else if (ch === "'" || ch === '"') i = quotedEnd(text, i, ch, ch === "'" && i > 0 && /[eE]/.test(text[i - 1]));
    else if (ch === "$" && !IDENTIFIER_PART.test(text[i - 1] ?? " ")) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 128));
      if (tag) {
        const closeAt = text.indexOf(tag[0], i + tag[0].length);
        i = closeAt < 0 ? end : closeAt + tag[0].length;
      } else i++;
    } else {
      if (ch === "(" || ch === "[") depth++;
      else if ((ch === ")" || ch === "]") && depth > 0) depth--;
      else if (ch === "," && depth === 0) {
        close(i);
        clauseStart = i + 1;
      }
      i++;
    }
  }
  close(Math.min(i, end));
  return clauses;
}
function trimRange(text, start, end) {
  let from = start;
  for (; ; ) {
    while (from < end && isSpace(text[from])) from++;
    if (text.startsWith("--", from)) from = Math.min(lineEnd(text, from), end);
    else if (text.startsWith("/*", from)) from = Math.min(blockCommentEnd(text, from), end);
    else break;
  }
  let to = end;
  while (to > from && isSpace(text[to - 1])) to--;
  return { start: from, end: to };
}
function qualifiedNameEnd(text, start) {
  let i = start;
  for (; ; ) {
    if (text[i] === '"') i = quotedEnd(text, i, '"', false);
    else while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
    if (text[i] !== ".") break;
    i++;
  }
  let after = i;
  while (isSpace(text[after])) after++;
  return text[after] === "*" ? after + 1 : i;
}
var MAX_IDENTIFIER_BYTES3, IDENTIFIER_PART, DOLLAR_TAG, COPY_FROM_STDIN, COPY_META_FROM_STDIN, isSpace;
var init_lexer = __esm({
  "src/frontends/sql/lexer.ts"() {
    "use strict";
    init_scan_work();
    MAX_IDENTIFIER_BYTES3 = 63;
    IDENTIFIER_PART = { test: (ch) => ch.length > 0 && isIdentifierPart(ch.charCodeAt(0)) };
    DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
    COPY_FROM_STDIN = /\bfrom\s+stdin\b/i;
    COPY_META_FROM_STDIN = /^\\copy\b.*\bfrom\s+stdin\b/i;
    isSpace = (ch) => ch === " " || ch === "	" || ch === "\n" || ch === "\r" || ch === "\f";
  }
});

// src/frontends/sql/parser.ts
function parseSql(text) {
  return guarded(() => parse(text));
}
function scanSqlTokens(text) {
  return guarded(() => scan(text));
}
function isSyntaxError(error) {
  const details = error?.sqlDetails;
  return typeof details?.message === "string";
}
function guarded(run) {
  const stdout = process.stdout;
  const stderr = process.stderr;
  const writeOut = stdout.write;
  const writeErr = stderr.write;
  stdout.write = ignoreOutput;
  stderr.write = ignoreOutput;
  try {
    return run();
  } catch (error) {
    if (isSyntaxError(error)) throw error;
    throw new ParserFailure(error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error?.message ?? error));
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
}
var ParserFailure, ignoreOutput;
var init_parser = __esm({
  "src/frontends/sql/parser.ts"() {
    "use strict";
    init_pg_wasm();
    ParserFailure = class extends Error {
      name = "ParserFailure";
    };
    ignoreOutput = () => true;
  }
});

// src/frontends/sql/statement-limits.ts
function statementsBeyondLimits(text, semicolons) {
  const found = [];
  let start = 0;
  for (const end of [...semicolons, text.length]) {
    if (end - start > MAX_STATEMENT_NESTING) {
      const measure = measureStatement(text, start, end);
      if (measure.tokens > MAX_STATEMENT_TOKENS) found.push({ start, end, reason: "size" });
      else if (measure.nesting > MAX_STATEMENT_NESTING) found.push({ start, end, reason: "nesting" });
    }
    start = end;
  }
  return found;
}
function withinParserLimits(sql) {
  if (sql.length <= MAX_STATEMENT_NESTING) return true;
  const measure = measureStatement(sql, 0, sql.length);
  return measure.tokens <= MAX_STATEMENT_TOKENS && measure.nesting <= MAX_STATEMENT_NESTING;
}
function endPart(group) {
  group.deepestPart = Math.max(group.deepestPart, group.operators + group.deepestChild);
  group.operators = 0;
  group.deepestChild = 0;
}
function endSegment(group) {
  endPart(group);
  group.deepest = Math.max(group.deepest, group.deepestPart + (group.hasBoolean ? 2 : 0));
  group.deepestPart = 0;
  group.hasBoolean = false;
}
function closeGroup(groups) {
  const group = groups.pop();
  endSegment(group);
  const parent = groups[groups.length - 1];
  parent.deepestChild = Math.max(parent.deepestChild, group.deepest + (group.isGrouping && !group.hasComma ? 0 : 1));
}
function measureStatement(text, from, to) {
  const groups = [newGroup(false)];
  let tokens = 0;
  let afterOperand = false;
  let i = from;
  while (i < to) {
    scanWork.steps++;
    const ch = text[i];
    const code = text.charCodeAt(i);
    const group = groups[groups.length - 1];
    if (ch === " " || ch === "\n" || ch === "	" || ch === "\r" || ch === "\f") {
      i++;
      continue;
    }
    if (ch === "-" && text[i + 1] === "-") {
      while (i < to && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      i = Math.min(blockCommentEnd(text, i), to);
      continue;
    }
    const operand = afterOperand;
    afterOperand = true;
    if (ch !== "(" && ch !== ")" && ch !== "[" && ch !== "]" && ch !== ",") tokens++;
    if (ch === "'") {
      i = Math.min(quotedEnd(text, i, "'", i > from && (text[i - 1] === "e" || text[i - 1] === "E")), to);
    } else if (ch === '"') {
      i = Math.min(quotedEnd(text, i, '"', false), to);
      group.operators++;
    } else if (ch === "$" && DOLLAR_TAG.test(text.slice(i, i + 64))) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 64))[0];
      const close = text.indexOf(tag, i + tag.length);
      i = close < 0 || close >= to ? to : close + tag.length;
    } else if (ch === "(" || ch === "[") {
      groups.push(newGroup(false, ch === "(" && !operand));
      afterOperand = false;
      i++;
    } else if (ch === ")" || ch === "]") {
      if (groups.length > 1 && !group.isCase) closeGroup(groups);
      i++;
    } else if (ch === ",") {
      endSegment(group);
      group.hasComma = true;
      afterOperand = false;
      i++;
    } else if (isIdentifierStart(code)) {
      let end = i + 1;
      while (end < to && isIdentifierPart(text.charCodeAt(end))) end++;
      word(groups, end - i <= 4 ? text.slice(i, end).toLowerCase() : "");
      i = end;
    } else if (code >= 48 && code <= 57) {
      while (i < to && (isIdentifierPart(text.charCodeAt(i)) || text[i] === ".")) i++;
    } else if (OPERATOR_CHARS.has(ch)) {
      while (i < to && OPERATOR_CHARS.has(text[i]) && !(text[i] === "-" && text[i + 1] === "-")) i++;
      group.operators++;
      afterOperand = false;
    } else i++;
  }
  while (groups.length > 1) closeGroup(groups);
  endSegment(groups[0]);
  return { nesting: groups[0].deepest, tokens };
}
function word(groups, lower) {
  const group = groups[groups.length - 1];
  if (lower === "and" || lower === "or") {
    endPart(group);
    group.hasBoolean = true;
  } else if (lower === "case") {
    group.operators++;
    groups.push(newGroup(true));
  } else if (group.isCase && (lower === "when" || lower === "then" || lower === "else")) {
    endSegment(group);
  } else if (group.isCase && lower === "end") {
    closeGroup(groups);
  } else {
    group.operators++;
  }
}
var MAX_STATEMENT_NESTING, MAX_STATEMENT_TOKENS, newGroup, OPERATOR_CHARS;
var init_statement_limits = __esm({
  "src/frontends/sql/statement-limits.ts"() {
    "use strict";
    init_scan_work();
    init_lexer();
    MAX_STATEMENT_NESTING = 1e3;
    MAX_STATEMENT_TOKENS = 25e4;
    newGroup = (isCase, isGrouping = false) => ({
      isCase,
      isGrouping,
      hasComma: false,
      deepest: 0,
      deepestPart: 0,
      hasBoolean: false,
      operators: 0,
      deepestChild: 0
    });
    OPERATOR_CHARS = new Set("+-*/<>=~!@#%^&|`?:");
  }
});

// src/frontends/sql/function-volatility.json
var require_function_volatility = __commonJS({
  "src/frontends/sql/function-volatility.json"(exports2, module2) {
    module2.exports = {
      description: "Function names by volatility (pg_proc.provolatile; a name takes its most volatile overload). Generated by scripts/generate-function-volatility.ts; do not edit.",
      postgresql: "15.18 (Debian 15.18-0+deb12u1)",
      extensions: ["adminpack", "amcheck", "autoinc", "bloom", "btree_gin", "btree_gist", "citext", "cube", "dblink", "dict_int", "dict_xsyn", "earthdistance", "file_fdw", "fuzzystrmatch", "hstore", "insert_username", "intagg", "intarray", "isn", "lo", "ltree", "moddatetime", "old_snapshot", "pageinspect", "pg_buffercache", "pg_freespacemap", "pg_prewarm", "pg_stat_statements", "pg_surgery", "pg_trgm", "pg_visibility", "pg_walinspect", "pgcrypto", "pgrowlocks", "pgstattuple", "postgres_fdw", "refint", "seg", "sslinfo", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time", "unaccent", "uuid-ossp", "xml2"],
      volatile: ["amvalidate", "autoprewarm_dump_now", "autoprewarm_start_worker", "binary_upgrade_create_empty_extension", "binary_upgrade_set_missing_value", "binary_upgrade_set_next_array_pg_type_oid", "binary_upgrade_set_next_heap_pg_class_oid", "binary_upgrade_set_next_heap_relfilenode", "binary_upgrade_set_next_index_pg_class_oid", "binary_upgrade_set_next_index_relfilenode", "binary_upgrade_set_next_multirange_array_pg_type_oid", "binary_upgrade_set_next_multirange_pg_type_oid", "binary_upgrade_set_next_pg_authid_oid", "binary_upgrade_set_next_pg_enum_oid", "binary_upgrade_set_next_pg_tablespace_oid", "binary_upgrade_set_next_pg_type_oid", "binary_upgrade_set_next_toast_pg_class_oid", "binary_upgrade_set_next_toast_relfilenode", "binary_upgrade_set_record_init_privs", "brin_desummarize_range", "brin_metapage_info", "brin_page_items", "brin_page_type", "brin_revmap_data", "brin_summarize_new_values", "brin_summarize_range", "bt_index_check", "bt_index_parent_check", "bt_metap", "bt_page_items", "bt_page_stats", "clock_timestamp", "current_query", "currtid2", "currval", "cursor_to_xml", "cursor_to_xmlschema", "dblink", "dblink_build_sql_delete", "dblink_build_sql_insert", "dblink_build_sql_update", "dblink_cancel_query", "dblink_close", "dblink_connect", "dblink_connect_u", "dblink_current_query", "dblink_disconnect", "dblink_error_message", "dblink_exec", "dblink_fdw_validator", "dblink_fetch", "dblink_get_connections", "dblink_get_notify", "dblink_get_pkey", "dblink_get_result", "dblink_is_busy", "dblink_open", "dblink_send_query", "file_fdw_validator", "fsm_page_contents", "gen_random_bytes", "gen_random_uuid", "gen_salt", "get_raw_page", "gin_clean_pending_list", "gin_leafpage_items", "gin_metapage_info", "gin_page_opaque_info", "gist_page_items", "gist_page_items_bytea", "gist_page_opaque_info", "hash_bitmap_info", "hash_metapage_info", "hash_page_items", "hash_page_stats", "hash_page_type", "heap_force_freeze", "heap_force_kill", "heap_page_item_attrs", "heap_page_items", "heap_tuple_infomask_flags", "lastval", "lo_close", "lo_creat", "lo_create", "lo_export", "lo_from_bytea", "lo_get", "lo_import", "lo_lseek", "lo_lseek64", "lo_open", "lo_put", "lo_tell", "lo_tell64", "lo_truncate", "lo_truncate64", "lo_unlink", "loread", "lowrite", "nextval", "normal_rand", "page_checksum", "page_header", "pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_unlock", "pg_advisory_unlock_all", "pg_advisory_unlock_shared", "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared", "pg_backup_start", "pg_backup_stop", "pg_blocking_pids", "pg_buffercache_pages", "pg_cancel_backend", "pg_check_frozen", "pg_check_visible", "pg_collation_actual_version", "pg_control_checkpoint", "pg_control_init", "pg_control_recovery", "pg_control_system", "pg_copy_logical_replication_slot", "pg_copy_physical_replication_slot", "pg_create_logical_replication_slot", "pg_create_physical_replication_slot", "pg_create_restore_point", "pg_current_logfile", "pg_current_wal_flush_lsn", "pg_current_wal_insert_lsn", "pg_current_wal_lsn", "pg_database_collation_actual_version", "pg_database_size", "pg_drop_replication_slot", "pg_export_snapshot", "pg_extension_config_dump", "pg_file_rename", "pg_file_sync", "pg_file_unlink", "pg_file_write", "pg_freespace", "pg_get_backend_memory_contexts", "pg_get_multixact_members", "pg_get_shmem_allocations", "pg_get_wal_record_info", "pg_get_wal_records_info", "pg_get_wal_records_info_till_end_of_wal", "pg_get_wal_replay_pause_state", "pg_get_wal_resource_managers", "pg_get_wal_stats", "pg_get_wal_stats_till_end_of_wal", "pg_hba_file_rules", "pg_ident_file_mappings", "pg_import_system_collations", "pg_indexes_size", "pg_is_in_recovery", "pg_is_wal_replay_paused", "pg_isolation_test_session_is_blocked", "pg_jit_available", "pg_last_committed_xact", "pg_last_wal_receive_lsn", "pg_last_wal_replay_lsn", "pg_last_xact_replay_timestamp", "pg_lock_status", "pg_log_backend_memory_contexts", "pg_logdir_ls", "pg_logical_emit_message", "pg_logical_slot_get_binary_changes", "pg_logical_slot_get_changes", "pg_logical_slot_peek_binary_changes", "pg_logical_slot_peek_changes", "pg_ls_archive_statusdir", "pg_ls_dir", "pg_ls_logdir", "pg_ls_logicalmapdir", "pg_ls_logicalsnapdir", "pg_ls_replslotdir", "pg_ls_tmpdir", "pg_ls_waldir", "pg_nextoid", "pg_notification_queue_usage", "pg_notify", "pg_old_snapshot_time_mapping", "pg_partition_ancestors", "pg_partition_tree", "pg_prepared_xact", "pg_prewarm", "pg_promote", "pg_read_binary_file", "pg_read_file", "pg_read_file_old", "pg_relation_size", "pg_reload_conf", "pg_relpages", "pg_replication_origin_advance", "pg_replication_origin_create", "pg_replication_origin_drop", "pg_replication_origin_progress", "pg_replication_origin_session_is_setup", "pg_replication_origin_session_progress", "pg_replication_origin_session_reset", "pg_replication_origin_session_setup", "pg_replication_origin_xact_reset", "pg_replication_origin_xact_setup", "pg_replication_slot_advance", "pg_rotate_logfile", "pg_rotate_logfile_old", "pg_safe_snapshot_blocking_pids", "pg_sequence_last_value", "pg_show_all_file_settings", "pg_show_replication_origin_status", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_stat_clear_snapshot", "pg_stat_file", "pg_stat_force_next_flush", "pg_stat_get_recovery_prefetch", "pg_stat_get_xact_blocks_fetched", "pg_stat_get_xact_blocks_hit", "pg_stat_get_xact_function_calls", "pg_stat_get_xact_function_self_time", "pg_stat_get_xact_function_total_time", "pg_stat_get_xact_numscans", "pg_stat_get_xact_tuples_deleted", "pg_stat_get_xact_tuples_fetched", "pg_stat_get_xact_tuples_hot_updated", "pg_stat_get_xact_tuples_inserted", "pg_stat_get_xact_tuples_returned", "pg_stat_get_xact_tuples_updated", "pg_stat_have_stats", "pg_stat_reset", "pg_stat_reset_replication_slot", "pg_stat_reset_shared", "pg_stat_reset_single_function_counters", "pg_stat_reset_single_table_counters", "pg_stat_reset_slru", "pg_stat_reset_subscription_stats", "pg_stat_statements", "pg_stat_statements_info", "pg_stat_statements_reset", "pg_stop_making_pinned_objects", "pg_switch_wal", "pg_table_size", "pg_tablespace_size", "pg_terminate_backend", "pg_total_relation_size", "pg_truncate_visibility_map", "pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared", "pg_visibility", "pg_visibility_map", "pg_visibility_map_summary", "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_xact_commit_timestamp", "pg_xact_commit_timestamp_origin", "pg_xact_status", "pgp_pub_encrypt", "pgp_pub_encrypt_bytea", "pgp_sym_encrypt", "pgp_sym_encrypt_bytea", "pgrowlocks", "pgstatginindex", "pgstathashindex", "pgstatindex", "pgstattuple", "pgstattuple_approx", "plpgsql_validator", "postgres_fdw_disconnect", "postgres_fdw_disconnect_all", "postgres_fdw_get_connections", "postgres_fdw_validator", "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema", "random", "set_config", "set_limit", "setseed", "setval", "ssl_cipher", "ssl_client_cert_present", "ssl_client_dn", "ssl_client_dn_field", "ssl_client_serial", "ssl_extension_info", "ssl_is_used", "ssl_issuer_dn", "ssl_issuer_field", "ssl_version", "timeofday", "ts_rewrite", "ts_stat", "tuple_data_split", "txid_status", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "verify_heapam", "xslt_process"],
      stable: ["aclexplode", "age", "anyarray_send", "anycompatiblearray_send", "anytextcat", "array_send", "array_to_json", "array_to_string", "bpcharsend", "brin_bloom_summary_send", "brin_minmax_multi_summary_send", "citextsend", "col_description", "concat", "concat_ws", "connectby", "convert", "convert_from", "convert_to", "crosstab", "crosstab2", "crosstab3", "crosstab4", "current_database", "current_schema", "current_schemas", "current_setting", "current_user", "database_to_xml", "database_to_xml_and_xmlschema", "database_to_xmlschema", "date", "date_cmp_timestamptz", "date_eq_timestamptz", "date_ge_timestamptz", "date_gt_timestamptz", "date_le_timestamptz", "date_lt_timestamptz", "date_ne_timestamptz", "date_part", "date_trunc", "enum_first", "enum_last", "enum_range", "enum_send", "extract", "fmgr_c_validator", "fmgr_internal_validator", "fmgr_sql_validator", "format", "format_type", "generate_series", "get_current_ts_config", "getdatabaseencoding", "getpgusername", "has_any_column_privilege", "has_column_privilege", "has_database_privilege", "has_foreign_data_wrapper_privilege", "has_function_privilege", "has_language_privilege", "has_parameter_privilege", "has_schema_privilege", "has_sequence_privilege", "has_server_privilege", "has_table_privilege", "has_tablespace_privilege", "has_type_privilege", "in_range", "inet_client_addr", "inet_client_port", "inet_server_addr", "inet_server_port", "interval_pl_timestamptz", "json_build_array", "json_build_object", "json_populate_record", "json_populate_recordset", "json_to_record", "json_to_recordset", "json_to_tsvector", "jsonb_build_array", "jsonb_build_object", "jsonb_path_exists_tz", "jsonb_path_match_tz", "jsonb_path_query_array_tz", "jsonb_path_query_first_tz", "jsonb_path_query_tz", "jsonb_populate_record", "jsonb_populate_recordset", "jsonb_to_record", "jsonb_to_recordset", "jsonb_to_tsvector", "length", "make_timestamptz", "money", "multirange_send", "mxid_age", "namesend", "now", "numeric", "obj_description", "oidvectortypes", "overlaps", "pg_available_extension_versions", "pg_available_extensions", "pg_backend_pid", "pg_char_to_encoding", "pg_client_encoding", "pg_collation_for", "pg_collation_is_visible", "pg_column_compression", "pg_column_is_updatable", "pg_column_size", "pg_conf_load_time", "pg_config", "pg_conversion_is_visible", "pg_current_snapshot", "pg_current_xact_id", "pg_current_xact_id_if_assigned", "pg_cursor", "pg_dependencies_send", "pg_describe_object", "pg_encoding_to_char", "pg_event_trigger_ddl_commands", "pg_event_trigger_dropped_objects", "pg_event_trigger_table_rewrite_oid", "pg_event_trigger_table_rewrite_reason", "pg_extension_update_paths", "pg_filenode_relation", "pg_function_is_visible", "pg_get_catalog_foreign_keys", "pg_get_constraintdef", "pg_get_expr", "pg_get_function_arg_default", "pg_get_function_arguments", "pg_get_function_identity_arguments", "pg_get_function_result", "pg_get_function_sqlbody", "pg_get_functiondef", "pg_get_indexdef", "pg_get_keywords", "pg_get_object_address", "pg_get_partition_constraintdef", "pg_get_partkeydef", "pg_get_publication_tables", "pg_get_replica_identity_index", "pg_get_replication_slots", "pg_get_ruledef", "pg_get_serial_sequence", "pg_get_statisticsobjdef", "pg_get_statisticsobjdef_columns", "pg_get_statisticsobjdef_expressions", "pg_get_triggerdef", "pg_get_userbyid", "pg_get_viewdef", "pg_has_role", "pg_identify_object", "pg_identify_object_as_address", "pg_index_column_has_property", "pg_index_has_property", "pg_indexam_has_property", "pg_is_other_temp_schema", "pg_listening_channels", "pg_mcv_list_items", "pg_mcv_list_send", "pg_my_temp_schema", "pg_ndistinct_send", "pg_node_tree_send", "pg_opclass_is_visible", "pg_operator_is_visible", "pg_opfamily_is_visible", "pg_options_to_table", "pg_postmaster_start_time", "pg_prepared_statement", "pg_relation_filenode", "pg_relation_filepath", "pg_relation_is_publishable", "pg_relation_is_updatable", "pg_replication_origin_oid", "pg_sequence_parameters", "pg_settings_get_flags", "pg_show_all_settings", "pg_stat_get_activity", "pg_stat_get_analyze_count", "pg_stat_get_archiver", "pg_stat_get_autoanalyze_count", "pg_stat_get_autovacuum_count", "pg_stat_get_backend_activity", "pg_stat_get_backend_activity_start", "pg_stat_get_backend_client_addr", "pg_stat_get_backend_client_port", "pg_stat_get_backend_dbid", "pg_stat_get_backend_idset", "pg_stat_get_backend_pid", "pg_stat_get_backend_start", "pg_stat_get_backend_userid", "pg_stat_get_backend_wait_event", "pg_stat_get_backend_wait_event_type", "pg_stat_get_backend_xact_start", "pg_stat_get_bgwriter_buf_written_checkpoints", "pg_stat_get_bgwriter_buf_written_clean", "pg_stat_get_bgwriter_maxwritten_clean", "pg_stat_get_bgwriter_requested_checkpoints", "pg_stat_get_bgwriter_stat_reset_time", "pg_stat_get_bgwriter_timed_checkpoints", "pg_stat_get_blocks_fetched", "pg_stat_get_blocks_hit", "pg_stat_get_buf_alloc", "pg_stat_get_buf_fsync_backend", "pg_stat_get_buf_written_backend", "pg_stat_get_checkpoint_sync_time", "pg_stat_get_checkpoint_write_time", "pg_stat_get_db_active_time", "pg_stat_get_db_blk_read_time", "pg_stat_get_db_blk_write_time", "pg_stat_get_db_blocks_fetched", "pg_stat_get_db_blocks_hit", "pg_stat_get_db_checksum_failures", "pg_stat_get_db_checksum_last_failure", "pg_stat_get_db_conflict_all", "pg_stat_get_db_conflict_bufferpin", "pg_stat_get_db_conflict_lock", "pg_stat_get_db_conflict_snapshot", "pg_stat_get_db_conflict_startup_deadlock", "pg_stat_get_db_conflict_tablespace", "pg_stat_get_db_deadlocks", "pg_stat_get_db_idle_in_transaction_time", "pg_stat_get_db_numbackends", "pg_stat_get_db_session_time", "pg_stat_get_db_sessions", "pg_stat_get_db_sessions_abandoned", "pg_stat_get_db_sessions_fatal", "pg_stat_get_db_sessions_killed", "pg_stat_get_db_stat_reset_time", "pg_stat_get_db_temp_bytes", "pg_stat_get_db_temp_files", "pg_stat_get_db_tuples_deleted", "pg_stat_get_db_tuples_fetched", "pg_stat_get_db_tuples_inserted", "pg_stat_get_db_tuples_returned", "pg_stat_get_db_tuples_updated", "pg_stat_get_db_xact_commit", "pg_stat_get_db_xact_rollback", "pg_stat_get_dead_tuples", "pg_stat_get_function_calls", "pg_stat_get_function_self_time", "pg_stat_get_function_total_time", "pg_stat_get_ins_since_vacuum", "pg_stat_get_last_analyze_time", "pg_stat_get_last_autoanalyze_time", "pg_stat_get_last_autovacuum_time", "pg_stat_get_last_vacuum_time", "pg_stat_get_live_tuples", "pg_stat_get_mod_since_analyze", "pg_stat_get_numscans", "pg_stat_get_progress_info", "pg_stat_get_replication_slot", "pg_stat_get_slru", "pg_stat_get_snapshot_timestamp", "pg_stat_get_subscription", "pg_stat_get_subscription_stats", "pg_stat_get_tuples_deleted", "pg_stat_get_tuples_fetched", "pg_stat_get_tuples_hot_updated", "pg_stat_get_tuples_inserted", "pg_stat_get_tuples_returned", "pg_stat_get_tuples_updated", "pg_stat_get_vacuum_count", "pg_stat_get_wal", "pg_stat_get_wal_receiver", "pg_stat_get_wal_senders", "pg_statistics_obj_is_visible", "pg_table_is_visible", "pg_tablespace_databases", "pg_tablespace_location", "pg_timezone_abbrevs", "pg_timezone_names", "pg_trigger_depth", "pg_ts_config_is_visible", "pg_ts_dict_is_visible", "pg_ts_parser_is_visible", "pg_ts_template_is_visible", "pg_type_is_visible", "pg_typeof", "phraseto_tsquery", "plainto_tsquery", "quote_literal", "quote_nullable", "range_send", "record_send", "regclass", "row_security_active", "row_to_json", "schema_to_xml", "schema_to_xml_and_xmlschema", "schema_to_xmlschema", "session_user", "shobj_description", "show_limit", "similarity_op", "statement_timestamp", "strict_word_similarity_commutator_op", "strict_word_similarity_op", "table_to_xml", "table_to_xml_and_xmlschema", "table_to_xmlschema", "textanycat", "textsend", "time", "timestamp", "timestamp_cmp_timestamptz", "timestamp_eq_timestamptz", "timestamp_ge_timestamptz", "timestamp_gt_timestamptz", "timestamp_le_timestamptz", "timestamp_lt_timestamptz", "timestamp_ne_timestamptz", "timestamptz", "timestamptz_cmp_date", "timestamptz_cmp_timestamp", "timestamptz_eq_date", "timestamptz_eq_timestamp", "timestamptz_ge_date", "timestamptz_ge_timestamp", "timestamptz_gt_date", "timestamptz_gt_timestamp", "timestamptz_le_date", "timestamptz_le_timestamp", "timestamptz_lt_date", "timestamptz_lt_timestamp", "timestamptz_mi_interval", "timestamptz_ne_date", "timestamptz_ne_timestamp", "timestamptz_pl_interval", "timetz", "timezone", "to_char", "to_date", "to_json", "to_jsonb", "to_number", "to_regclass", "to_regcollation", "to_regnamespace", "to_regoper", "to_regoperator", "to_regproc", "to_regprocedure", "to_regrole", "to_regtype", "to_timestamp", "to_tsquery", "to_tsvector", "transaction_timestamp", "ts_debug", "ts_headline", "ts_match_tq", "ts_match_tt", "ts_parse", "ts_token_type", "txid_current", "txid_current_if_assigned", "txid_current_snapshot", "unaccent", "varcharsend", "version", "websearch_to_tsquery", "word_similarity_commutator_op", "word_similarity_op", "xml", "xml_is_well_formed", "xml_send", "xml_valid", "xpath_table"],
      immutable: ["_int_contained", "_int_contains", "_int_different", "_int_inter", "_int_overlap", "_int_same", "_int_union", "_lt_q_regex", "_lt_q_rregex", "_ltq_extract_regex", "_ltq_regex", "_ltq_rregex", "_ltree_extract_isparent", "_ltree_extract_risparent", "_ltree_isparent", "_ltree_r_isparent", "_ltree_r_risparent", "_ltree_risparent", "_ltxtq_exec", "_ltxtq_extract_exec", "_ltxtq_rexec", "abbrev", "abs", "aclcontains", "acldefault", "aclinsert", "aclitemeq", "aclremove", "acos", "acosd", "acosh", "akeys", "area", "armor", "array_append", "array_cat", "array_dims", "array_eq", "array_fill", "array_ge", "array_gt", "array_larger", "array_le", "array_length", "array_lower", "array_lt", "array_ndims", "array_ne", "array_position", "array_positions", "array_prepend", "array_remove", "array_replace", "array_smaller", "array_to_tsvector", "array_upper", "arraycontained", "arraycontains", "arrayoverlap", "ascii", "asin", "asind", "asinh", "atan", "atan2", "atan2d", "atand", "atanh", "avals", "bit", "bit_count", "bit_length", "bit_send", "bitand", "bitcat", "bitcmp", "biteq", "bitge", "bitgt", "bitle", "bitlt", "bitne", "bitnot", "bitor", "bitshiftleft", "bitshiftright", "bittypmodin", "bitxor", "bool", "booland_statefunc", "booleq", "boolge", "boolgt", "boolle", "boollt", "boolne", "boolop", "boolor_statefunc", "boolsend", "bound_box", "box", "box_above", "box_above_eq", "box_add", "box_below", "box_below_eq", "box_center", "box_contain", "box_contain_pt", "box_contained", "box_distance", "box_div", "box_eq", "box_ge", "box_gt", "box_intersect", "box_le", "box_left", "box_lt", "box_mul", "box_overabove", "box_overbelow", "box_overlap", "box_overleft", "box_overright", "box_right", "box_same", "box_send", "box_sub", "bpchar", "bpchar_larger", "bpchar_pattern_ge", "bpchar_pattern_gt", "bpchar_pattern_le", "bpchar_pattern_lt", "bpchar_smaller", "bpcharcmp", "bpchareq", "bpcharge", "bpchargt", "bpchariclike", "bpcharicnlike", "bpcharicregexeq", "bpcharicregexne", "bpcharle", "bpcharlike", "bpcharlt", "bpcharne", "bpcharnlike", "bpcharregexeq", "bpcharregexne", "bpchartypmodin", "broadcast", "btarraycmp", "btboolcmp", "btbpchar_pattern_cmp", "btcharcmp", "btean13cmp", "btequalimage", "btfloat48cmp", "btfloat4cmp", "btfloat84cmp", "btfloat8cmp", "btint24cmp", "btint28cmp", "btint2cmp", "btint42cmp", "btint48cmp", "btint4cmp", "btint82cmp", "btint84cmp", "btint8cmp", "btisbn13cmp", "btisbncmp", "btismn13cmp", "btismncmp", "btissn13cmp", "btissncmp", "btnamecmp", "btnametextcmp", "btoidcmp", "btoidvectorcmp", "btrecordcmp", "btrecordimagecmp", "btrim", "bttext_pattern_cmp", "bttextcmp", "bttextnamecmp", "bttidcmp", "btupccmp", "btvarstrequalimage", "byteacat", "byteacmp", "byteaeq", "byteage", "byteagt", "byteale", "bytealike", "bytealt", "byteane", "byteanlike", "byteasend", "cardinality", "cash_cmp", "cash_dist", "cash_div_cash", "cash_div_flt4", "cash_div_flt8", "cash_div_int2", "cash_div_int4", "cash_div_int8", "cash_eq", "cash_ge", "cash_gt", "cash_le", "cash_lt", "cash_mi", "cash_mul_flt4", "cash_mul_flt8", "cash_mul_int2", "cash_mul_int4", "cash_mul_int8", "cash_ne", "cash_pl", "cash_send", "cash_words", "cashlarger", "cashsmaller", "cbrt", "ceil", "ceiling", "center", "char", "char_length", "character_length", "chareq", "charge", "chargt", "charle", "charlt", "charne", "charsend", "chr", "cideq", "cidr", "cidr_send", "cidsend", "circle", "circle_above", "circle_add_pt", "circle_below", "circle_center", "circle_contain", "circle_contain_pt", "circle_contained", "circle_distance", "circle_div_pt", "circle_eq", "circle_ge", "circle_gt", "circle_le", "circle_left", "circle_lt", "circle_mul_pt", "circle_ne", "circle_overabove", "circle_overbelow", "circle_overlap", "circle_overleft", "circle_overright", "circle_right", "circle_same", "circle_send", "circle_sub_pt", "citext", "citext_cmp", "citext_eq", "citext_ge", "citext_gt", "citext_hash", "citext_hash_extended", "citext_larger", "citext_le", "citext_lt", "citext_ne", "citext_pattern_cmp", "citext_pattern_ge", "citext_pattern_gt", "citext_pattern_le", "citext_pattern_lt", "citext_smaller", "close_ls", "close_lseg", "close_pb", "close_pl", "close_ps", "close_sb", "cos", "cosd", "cosh", "cot", "cotd", "crypt", "cube", "cube_cmp", "cube_contained", "cube_contains", "cube_coord", "cube_coord_llur", "cube_dim", "cube_distance", "cube_enlarge", "cube_eq", "cube_ge", "cube_gt", "cube_inter", "cube_is_point", "cube_le", "cube_ll_coord", "cube_lt", "cube_ne", "cube_overlap", "cube_send", "cube_size", "cube_subset", "cube_union", "cube_ur_coord", "date_bin", "date_cmp", "date_cmp_timestamp", "date_dist", "date_eq", "date_eq_timestamp", "date_ge", "date_ge_timestamp", "date_gt", "date_gt_timestamp", "date_larger", "date_le", "date_le_timestamp", "date_lt", "date_lt_timestamp", "date_mi", "date_mi_interval", "date_mii", "date_ne", "date_ne_timestamp", "date_pl_interval", "date_pli", "date_send", "date_smaller", "datemultirange", "daterange", "daterange_canonical", "daterange_subdiff", "datetime_pl", "datetimetz_pl", "dcbrt", "dearmor", "decode", "decrypt", "decrypt_iv", "defined", "degrees", "delete", "dexp", "diagonal", "diameter", "difference", "digest", "dist_bp", "dist_bs", "dist_cpoint", "dist_cpoly", "dist_lp", "dist_ls", "dist_pathp", "dist_pb", "dist_pc", "dist_pl", "dist_polyc", "dist_polyp", "dist_ppath", "dist_ppoly", "dist_ps", "dist_sb", "dist_sl", "dist_sp", "distance_chebyshev", "distance_taxicab", "div", "dlog1", "dlog10", "dmetaphone", "dmetaphone_alt", "dpow", "dround", "dsqrt", "dtrunc", "each", "earth", "earth_box", "earth_distance", "elem_contained_by_multirange", "elem_contained_by_range", "encode", "encrypt", "encrypt_iv", "enum_cmp", "enum_eq", "enum_ge", "enum_gt", "enum_larger", "enum_le", "enum_lt", "enum_ne", "enum_smaller", "exist", "exists_all", "exists_any", "exp", "factorial", "family", "fetchval", "float4", "float48div", "float48eq", "float48ge", "float48gt", "float48le", "float48lt", "float48mi", "float48mul", "float48ne", "float48pl", "float4_accum", "float4_dist", "float4abs", "float4div", "float4eq", "float4ge", "float4gt", "float4larger", "float4le", "float4lt", "float4mi", "float4mul", "float4ne", "float4pl", "float4send", "float4smaller", "float4um", "float4up", "float8", "float84div", "float84eq", "float84ge", "float84gt", "float84le", "float84lt", "float84mi", "float84mul", "float84ne", "float84pl", "float8_accum", "float8_avg", "float8_combine", "float8_corr", "float8_covar_pop", "float8_covar_samp", "float8_dist", "float8_regr_accum", "float8_regr_avgx", "float8_regr_avgy", "float8_regr_combine", "float8_regr_intercept", "float8_regr_r2", "float8_regr_slope", "float8_regr_sxx", "float8_regr_sxy", "float8_regr_syy", "float8_stddev_pop", "float8_stddev_samp", "float8_var_pop", "float8_var_samp", "float8abs", "float8div", "float8eq", "float8ge", "float8gt", "float8larger", "float8le", "float8lt", "float8mi", "float8mul", "float8ne", "float8pl", "float8send", "float8smaller", "float8um", "float8up", "floor", "flt4_mul_cash", "flt8_mul_cash", "gc_to_sec", "gcd", "generate_subscripts", "geo_distance", "get_bit", "get_byte", "gin_cmp_tslexeme", "gin_compare_jsonb", "gin_enum_cmp", "gin_numeric_cmp", "hash_aclitem", "hash_aclitem_extended", "hash_array", "hash_array_extended", "hash_multirange", "hash_multirange_extended", "hash_numeric", "hash_numeric_extended", "hash_range", "hash_range_extended", "hash_record", "hash_record_extended", "hashbpchar", "hashbpcharextended", "hashchar", "hashcharextended", "hashean13", "hashenum", "hashenumextended", "hashfloat4", "hashfloat4extended", "hashfloat8", "hashfloat8extended", "hashinet", "hashinetextended", "hashint2", "hashint2extended", "hashint4", "hashint4extended", "hashint8", "hashint8extended", "hashisbn", "hashisbn13", "hashismn", "hashismn13", "hashissn", "hashissn13", "hashmacaddr", "hashmacaddr8", "hashmacaddr8extended", "hashmacaddrextended", "hashname", "hashnameextended", "hashoid", "hashoidextended", "hashoidvector", "hashoidvectorextended", "hashtext", "hashtextextended", "hashtid", "hashtidextended", "hashupc", "height", "hmac", "host", "hostmask", "hs_concat", "hs_contained", "hs_contains", "hstore", "hstore_cmp", "hstore_eq", "hstore_ge", "hstore_gt", "hstore_hash", "hstore_hash_extended", "hstore_le", "hstore_lt", "hstore_ne", "hstore_send", "hstore_to_array", "hstore_to_json", "hstore_to_json_loose", "hstore_to_jsonb", "hstore_to_jsonb_loose", "hstore_to_matrix", "hstore_version_diag", "icount", "idx", "index", "inet_merge", "inet_same_family", "inet_send", "inetand", "inetmi", "inetmi_int8", "inetnot", "inetor", "inetpl", "initcap", "int2", "int24div", "int24eq", "int24ge", "int24gt", "int24le", "int24lt", "int24mi", "int24mul", "int24ne", "int24pl", "int28div", "int28eq", "int28ge", "int28gt", "int28le", "int28lt", "int28mi", "int28mul", "int28ne", "int28pl", "int2_avg_accum", "int2_avg_accum_inv", "int2_dist", "int2_mul_cash", "int2_sum", "int2abs", "int2and", "int2div", "int2eq", "int2ge", "int2gt", "int2int4_sum", "int2larger", "int2le", "int2lt", "int2mi", "int2mod", "int2mul", "int2ne", "int2not", "int2or", "int2pl", "int2send", "int2shl", "int2shr", "int2smaller", "int2um", "int2up", "int2vectorsend", "int2xor", "int4", "int42div", "int42eq", "int42ge", "int42gt", "int42le", "int42lt", "int42mi", "int42mul", "int42ne", "int42pl", "int48div", "int48eq", "int48ge", "int48gt", "int48le", "int48lt", "int48mi", "int48mul", "int48ne", "int48pl", "int4_avg_accum", "int4_avg_accum_inv", "int4_avg_combine", "int4_dist", "int4_mul_cash", "int4_sum", "int4abs", "int4and", "int4div", "int4eq", "int4ge", "int4gt", "int4inc", "int4larger", "int4le", "int4lt", "int4mi", "int4mod", "int4mul", "int4multirange", "int4ne", "int4not", "int4or", "int4pl", "int4range", "int4range_canonical", "int4range_subdiff", "int4send", "int4shl", "int4shr", "int4smaller", "int4um", "int4up", "int4xor", "int8", "int82div", "int82eq", "int82ge", "int82gt", "int82le", "int82lt", "int82mi", "int82mul", "int82ne", "int82pl", "int84div", "int84eq", "int84ge", "int84gt", "int84le", "int84lt", "int84mi", "int84mul", "int84ne", "int84pl", "int8_avg", "int8_dist", "int8_mul_cash", "int8_sum", "int8abs", "int8and", "int8dec", "int8dec_any", "int8div", "int8eq", "int8ge", "int8gt", "int8inc", "int8inc_any", "int8inc_float8_float8", "int8larger", "int8le", "int8lt", "int8mi", "int8mod", "int8mul", "int8multirange", "int8ne", "int8not", "int8or", "int8pl", "int8pl_inet", "int8range", "int8range_canonical", "int8range_subdiff", "int8send", "int8shl", "int8shr", "int8smaller", "int8um", "int8up", "int8xor", "int_array_enum", "intarray_del_elem", "intarray_push_array", "intarray_push_elem", "integer_pl_date", "inter_lb", "inter_sb", "inter_sl", "interval", "interval_accum", "interval_accum_inv", "interval_avg", "interval_cmp", "interval_combine", "interval_dist", "interval_div", "interval_eq", "interval_ge", "interval_gt", "interval_hash", "interval_hash_extended", "interval_larger", "interval_le", "interval_lt", "interval_mi", "interval_mul", "interval_ne", "interval_pl", "interval_pl_date", "interval_pl_time", "interval_pl_timestamp", "interval_pl_timetz", "interval_send", "interval_smaller", "interval_um", "intervaltypmodin", "intset", "intset_subtract", "intset_union_elem", "is_normalized", "is_valid", "isbn", "isbn13", "isclosed", "isdefined", "isempty", "isexists", "isfinite", "ishorizontal", "ismn", "ismn13", "isn_weak", "isneq", "isnge", "isngt", "isnle", "isnlt", "isnne", "isopen", "isparallel", "isperp", "issn", "issn13", "isvertical", "json_array_element", "json_array_element_text", "json_array_elements", "json_array_elements_text", "json_array_length", "json_each", "json_each_text", "json_extract_path", "json_extract_path_text", "json_object", "json_object_field", "json_object_field_text", "json_object_keys", "json_send", "json_strip_nulls", "json_typeof", "jsonb_array_element", "jsonb_array_element_text", "jsonb_array_elements", "jsonb_array_elements_text", "jsonb_array_length", "jsonb_cmp", "jsonb_concat", "jsonb_contained", "jsonb_contains", "jsonb_delete", "jsonb_delete_path", "jsonb_each", "jsonb_each_text", "jsonb_eq", "jsonb_exists", "jsonb_exists_all", "jsonb_exists_any", "jsonb_extract_path", "jsonb_extract_path_text", "jsonb_ge", "jsonb_gt", "jsonb_hash", "jsonb_hash_extended", "jsonb_insert", "jsonb_le", "jsonb_lt", "jsonb_ne", "jsonb_object", "jsonb_object_field", "jsonb_object_field_text", "jsonb_object_keys", "jsonb_path_exists", "jsonb_path_exists_opr", "jsonb_path_match", "jsonb_path_match_opr", "jsonb_path_query", "jsonb_path_query_array", "jsonb_path_query_first", "jsonb_pretty", "jsonb_send", "jsonb_set", "jsonb_set_lax", "jsonb_strip_nulls", "jsonb_typeof", "jsonpath_send", "justify_days", "justify_hours", "justify_interval", "latitude", "lca", "lcm", "left", "levenshtein", "levenshtein_less_equal", "like", "like_escape", "line", "line_distance", "line_eq", "line_horizontal", "line_interpt", "line_intersect", "line_parallel", "line_perp", "line_send", "line_vertical", "ll_to_earth", "ln", "lo_oid", "log", "log10", "longitude", "lower", "lower_inc", "lower_inf", "lpad", "lquery_send", "lseg", "lseg_center", "lseg_distance", "lseg_eq", "lseg_ge", "lseg_gt", "lseg_horizontal", "lseg_interpt", "lseg_intersect", "lseg_le", "lseg_length", "lseg_lt", "lseg_ne", "lseg_parallel", "lseg_perp", "lseg_send", "lseg_vertical", "lt_q_regex", "lt_q_rregex", "ltq_regex", "ltq_rregex", "ltree2text", "ltree_addltree", "ltree_addtext", "ltree_cmp", "ltree_eq", "ltree_ge", "ltree_gt", "ltree_isparent", "ltree_le", "ltree_lt", "ltree_ne", "ltree_risparent", "ltree_send", "ltree_textadd", "ltrim", "ltxtq_exec", "ltxtq_rexec", "ltxtq_send", "macaddr", "macaddr8", "macaddr8_and", "macaddr8_cmp", "macaddr8_eq", "macaddr8_ge", "macaddr8_gt", "macaddr8_le", "macaddr8_lt", "macaddr8_ne", "macaddr8_not", "macaddr8_or", "macaddr8_send", "macaddr8_set7bit", "macaddr_and", "macaddr_cmp", "macaddr_eq", "macaddr_ge", "macaddr_gt", "macaddr_le", "macaddr_lt", "macaddr_ne", "macaddr_not", "macaddr_or", "macaddr_send", "make_date", "make_interval", "make_time", "make_timestamp", "make_valid", "makeaclitem", "masklen", "md5", "metaphone", "min_scale", "mod", "mul_d_interval", "multirange", "multirange_adjacent_multirange", "multirange_adjacent_range", "multirange_after_multirange", "multirange_after_range", "multirange_before_multirange", "multirange_before_range", "multirange_cmp", "multirange_contained_by_multirange", "multirange_contained_by_range", "multirange_contains_elem", "multirange_contains_multirange", "multirange_contains_range", "multirange_eq", "multirange_ge", "multirange_gt", "multirange_intersect", "multirange_intersect_agg_transfn", "multirange_le", "multirange_lt", "multirange_minus", "multirange_ne", "multirange_overlaps_multirange", "multirange_overlaps_range", "multirange_overleft_multirange", "multirange_overleft_range", "multirange_overright_multirange", "multirange_overright_range", "multirange_union", "name", "nameconcatoid", "nameeq", "nameeqtext", "namege", "namegetext", "namegt", "namegttext", "nameiclike", "nameicnlike", "nameicregexeq", "nameicregexne", "namele", "nameletext", "namelike", "namelt", "namelttext", "namene", "namenetext", "namenlike", "nameregexeq", "nameregexne", "netmask", "network", "network_cmp", "network_eq", "network_ge", "network_gt", "network_larger", "network_le", "network_lt", "network_ne", "network_overlap", "network_smaller", "network_sub", "network_subeq", "network_sup", "network_supeq", "nlevel", "normalize", "notlike", "npoints", "num_nonnulls", "num_nulls", "numeric_abs", "numeric_add", "numeric_cmp", "numeric_div", "numeric_div_trunc", "numeric_eq", "numeric_exp", "numeric_ge", "numeric_gt", "numeric_inc", "numeric_larger", "numeric_le", "numeric_ln", "numeric_log", "numeric_lt", "numeric_mod", "numeric_mul", "numeric_ne", "numeric_pl_pg_lsn", "numeric_power", "numeric_send", "numeric_smaller", "numeric_sqrt", "numeric_sub", "numeric_uminus", "numeric_uplus", "numerictypmodin", "nummultirange", "numnode", "numrange", "numrange_subdiff", "octet_length", "oid", "oid_dist", "oideq", "oidge", "oidgt", "oidlarger", "oidle", "oidlt", "oidne", "oidsend", "oidsmaller", "oidvectoreq", "oidvectorge", "oidvectorgt", "oidvectorle", "oidvectorlt", "oidvectorne", "oidvectorsend", "on_pb", "on_pl", "on_ppath", "on_ps", "on_sb", "on_sl", "overlay", "parse_ident", "path", "path_add", "path_add_pt", "path_contain_pt", "path_distance", "path_div_pt", "path_inter", "path_length", "path_mul_pt", "path_n_eq", "path_n_ge", "path_n_gt", "path_n_le", "path_n_lt", "path_npoints", "path_send", "path_sub_pt", "pclose", "pg_ddl_command_send", "pg_encoding_max_length", "pg_indexam_progress_phasename", "pg_lsn", "pg_lsn_cmp", "pg_lsn_eq", "pg_lsn_ge", "pg_lsn_gt", "pg_lsn_hash", "pg_lsn_hash_extended", "pg_lsn_larger", "pg_lsn_le", "pg_lsn_lt", "pg_lsn_mi", "pg_lsn_mii", "pg_lsn_ne", "pg_lsn_pli", "pg_lsn_send", "pg_lsn_smaller", "pg_partition_root", "pg_size_bytes", "pg_size_pretty", "pg_snapshot_send", "pg_snapshot_xip", "pg_snapshot_xmax", "pg_snapshot_xmin", "pg_visible_in_snapshot", "pg_wal_lsn_diff", "pg_walfile_name", "pg_walfile_name_offset", "pgp_armor_headers", "pgp_key_id", "pgp_pub_decrypt", "pgp_pub_decrypt_bytea", "pgp_sym_decrypt", "pgp_sym_decrypt_bytea", "pi", "point", "point_above", "point_add", "point_below", "point_distance", "point_div", "point_eq", "point_horiz", "point_left", "point_mul", "point_ne", "point_right", "point_send", "point_sub", "point_vert", "poly_above", "poly_below", "poly_center", "poly_contain", "poly_contain_pt", "poly_contained", "poly_distance", "poly_left", "poly_npoints", "poly_overabove", "poly_overbelow", "poly_overlap", "poly_overleft", "poly_overright", "poly_right", "poly_same", "poly_send", "polygon", "popen", "populate_record", "position", "postgresql_fdw_validator", "pow", "power", "pt_contained_circle", "pt_contained_poly", "querytree", "quote_ident", "radians", "radius", "range_adjacent", "range_adjacent_multirange", "range_after", "range_after_multirange", "range_before", "range_before_multirange", "range_cmp", "range_contained_by", "range_contained_by_multirange", "range_contains", "range_contains_elem", "range_contains_multirange", "range_eq", "range_ge", "range_gt", "range_intersect", "range_intersect_agg_transfn", "range_le", "range_lt", "range_merge", "range_minus", "range_ne", "range_overlaps", "range_overlaps_multirange", "range_overleft", "range_overleft_multirange", "range_overright", "range_overright_multirange", "range_union", "rboolop", "record_eq", "record_ge", "record_gt", "record_image_eq", "record_image_ge", "record_image_gt", "record_image_le", "record_image_lt", "record_image_ne", "record_le", "record_lt", "record_ne", "regclasssend", "regcollationsend", "regconfigsend", "regdictionarysend", "regexp_count", "regexp_instr", "regexp_like", "regexp_match", "regexp_matches", "regexp_replace", "regexp_split_to_array", "regexp_split_to_table", "regexp_substr", "regnamespacesend", "regoperatorsend", "regopersend", "regproceduresend", "regprocsend", "regrolesend", "regtypesend", "repeat", "replace", "reverse", "right", "round", "rpad", "rtrim", "satisfies_hash_partition", "scale", "sec_to_gc", "seg_center", "seg_cmp", "seg_contained", "seg_contains", "seg_different", "seg_ge", "seg_gt", "seg_inter", "seg_le", "seg_left", "seg_lower", "seg_lt", "seg_over_left", "seg_over_right", "seg_overlap", "seg_right", "seg_same", "seg_size", "seg_union", "seg_upper", "set_bit", "set_byte", "set_masklen", "setweight", "sha224", "sha256", "sha384", "sha512", "show_trgm", "sign", "similar_escape", "similar_to_escape", "similarity", "similarity_dist", "sin", "sind", "sinh", "skeys", "slice", "slice_array", "slope", "sort", "sort_asc", "sort_desc", "soundex", "spg_poly_quad_compress", "split_part", "sqrt", "starts_with", "strict_word_similarity", "strict_word_similarity_dist_commutator_op", "strict_word_similarity_dist_op", "string_to_array", "string_to_table", "strip", "strpos", "subarray", "subltree", "subpath", "substr", "substring", "svals", "tan", "tand", "tanh", "tconvert", "text", "text2ltree", "text_ge", "text_gt", "text_larger", "text_le", "text_lt", "text_pattern_ge", "text_pattern_gt", "text_pattern_le", "text_pattern_lt", "text_smaller", "text_soundex", "textcat", "texteq", "texteqname", "textgename", "textgtname", "texticlike", "texticnlike", "texticregexeq", "texticregexne", "textlen", "textlename", "textlike", "textltname", "textne", "textnename", "textnlike", "textregexeq", "textregexne", "tideq", "tidge", "tidgt", "tidlarger", "tidle", "tidlt", "tidne", "tidsend", "tidsmaller", "time_cmp", "time_dist", "time_eq", "time_ge", "time_gt", "time_hash", "time_hash_extended", "time_larger", "time_le", "time_lt", "time_mi_interval", "time_mi_time", "time_ne", "time_pl_interval", "time_send", "time_smaller", "timedate_pl", "timestamp_cmp", "timestamp_cmp_date", "timestamp_eq", "timestamp_eq_date", "timestamp_ge", "timestamp_ge_date", "timestamp_gt", "timestamp_gt_date", "timestamp_hash", "timestamp_hash_extended", "timestamp_larger", "timestamp_le", "timestamp_le_date", "timestamp_lt", "timestamp_lt_date", "timestamp_mi", "timestamp_mi_interval", "timestamp_ne", "timestamp_ne_date", "timestamp_pl_interval", "timestamp_send", "timestamp_smaller", "timestamptypmodin", "timestamptz_cmp", "timestamptz_eq", "timestamptz_ge", "timestamptz_gt", "timestamptz_larger", "timestamptz_le", "timestamptz_lt", "timestamptz_mi", "timestamptz_ne", "timestamptz_send", "timestamptz_smaller", "timestamptztypmodin", "timetypmodin", "timetz_cmp", "timetz_eq", "timetz_ge", "timetz_gt", "timetz_hash", "timetz_hash_extended", "timetz_larger", "timetz_le", "timetz_lt", "timetz_mi_interval", "timetz_ne", "timetz_pl_interval", "timetz_send", "timetz_smaller", "timetzdate_pl", "timetztypmodin", "to_ascii", "to_hex", "translate", "trim_array", "trim_scale", "trunc", "ts_delete", "ts_dist", "ts_filter", "ts_lexize", "ts_match_qv", "ts_match_vq", "ts_rank", "ts_rank_cd", "tsmultirange", "tsq_mcontained", "tsq_mcontains", "tsquery_and", "tsquery_cmp", "tsquery_eq", "tsquery_ge", "tsquery_gt", "tsquery_le", "tsquery_lt", "tsquery_ne", "tsquery_not", "tsquery_or", "tsquery_phrase", "tsquerysend", "tsrange", "tsrange_subdiff", "tstz_dist", "tstzmultirange", "tstzrange", "tstzrange_subdiff", "tsvector_cmp", "tsvector_concat", "tsvector_eq", "tsvector_ge", "tsvector_gt", "tsvector_le", "tsvector_lt", "tsvector_ne", "tsvector_to_array", "tsvectorsend", "txid_snapshot_send", "txid_snapshot_xip", "txid_snapshot_xmax", "txid_snapshot_xmin", "txid_visible_in_snapshot", "uniq", "unistr", "unknownsend", "unnest", "upc", "upper", "upper_inc", "upper_inf", "uuid_cmp", "uuid_eq", "uuid_ge", "uuid_generate_v3", "uuid_generate_v5", "uuid_gt", "uuid_hash", "uuid_hash_extended", "uuid_le", "uuid_lt", "uuid_ne", "uuid_nil", "uuid_ns_dns", "uuid_ns_oid", "uuid_ns_url", "uuid_ns_x500", "uuid_send", "varbit", "varbit_send", "varbitcmp", "varbiteq", "varbitge", "varbitgt", "varbitle", "varbitlt", "varbitne", "varbittypmodin", "varchar", "varchartypmodin", "void_send", "width", "width_bucket", "word_similarity", "word_similarity_dist_commutator_op", "word_similarity_dist_op", "xid", "xid8_larger", "xid8_smaller", "xid8cmp", "xid8eq", "xid8ge", "xid8gt", "xid8le", "xid8lt", "xid8ne", "xid8send", "xideq", "xideqint4", "xidneq", "xidneqint4", "xidsend", "xml_encode_special_chars", "xml_is_well_formed_content", "xml_is_well_formed_document", "xmlcomment", "xmlconcat2", "xmlexists", "xmlvalidate", "xpath", "xpath_bool", "xpath_exists", "xpath_list", "xpath_nodeset", "xpath_number", "xpath_string"]
    };
  }
});

// src/frontends/sql/pg-nodes.ts
function nodeAs(node, kind) {
  if (!node || !(kind in node)) return void 0;
  return node[kind];
}
function nodeKind(node) {
  if (!node) return "unknown";
  for (const kind in node) return kind;
  return void 0;
}
function stringValue(node) {
  return nodeAs(node, "String")?.sval;
}
function stringList(nodes) {
  return (nodes ?? []).map(stringValue).filter((value) => value !== void 0);
}
function tableName(relation) {
  return relation?.schemaname ? { schema: relation.schemaname, name: relation.relname ?? "" } : { name: relation?.relname ?? "" };
}
function qualifiedNameFromList(node) {
  const parts = stringList(nodeAs(node, "List")?.items);
  return parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] ?? "" };
}
function columnType(typeName) {
  if (!typeName) return void 0;
  const names = stringList(typeName.names).filter((part) => part !== "pg_catalog");
  const modifiers = (typeName.typmods ?? []).map((modifier) => nodeAs(modifier, "A_Const")?.ival).filter((value) => value !== void 0).map((value) => value.ival ?? 0);
  return { name: names.join("."), modifiers, isArray: (typeName.arrayBounds?.length ?? 0) > 0 };
}
function volatilityOf(name) {
  if (!volatilityByName) {
    const data = require_function_volatility();
    const map = /* @__PURE__ */ new Map();
    for (const kind of ["immutable", "stable", "volatile"]) for (const functionName of data[kind]) map.set(functionName, kind);
    volatilityByName = map;
  }
  return volatilityByName.get(name);
}
function isNullExpression(expression) {
  const cast = nodeAs(expression, "TypeCast");
  if (cast) return isNullExpression(cast.arg);
  return nodeAs(expression, "A_Const")?.isnull === true;
}
function classifyDefault(expression) {
  if (!expression) return { kind: "constant" };
  const call = nodeAs(expression, "FuncCall");
  if (call) {
    const name = stringList(call.funcname).pop() ?? "";
    const volatility = volatilityOf(name) ?? volatilityOf(name.toLowerCase());
    if (volatility === "volatile") return { kind: "volatile", functionName: name };
    if (volatility === void 0) return { kind: "unknown", functionName: name };
    return worstOf([{ kind: volatility === "stable" ? "stable" : "constant" }, ...(call.args ?? []).map(classifyDefault)]);
  }
  if (nodeAs(expression, "A_Const")) return { kind: "constant" };
  if (nodeAs(expression, "SQLValueFunction")) return { kind: "stable" };
  const cast = nodeAs(expression, "TypeCast");
  if (cast) return classifyDefault(cast.arg);
  const operator = nodeAs(expression, "A_Expr");
  if (operator) return worstOf([classifyDefault(operator.lexpr), classifyDefault(operator.rexpr)]);
  const array = nodeAs(expression, "A_ArrayExpr");
  if (array) return worstOf((array.elements ?? []).map(classifyDefault));
  const collate = nodeAs(expression, "CollateClause");
  if (collate) return classifyDefault(collate.arg);
  const parts = nodeAs(expression, "CoalesceExpr")?.args ?? nodeAs(expression, "MinMaxExpr")?.args ?? nodeAs(expression, "BoolExpr")?.args;
  if (parts) return worstOf(parts.map(classifyDefault));
  return { kind: "unknown" };
}
function worstOf(defaults) {
  return defaults.reduce(
    (worst, current) => SEVERITY_ORDER.indexOf(current.kind) > SEVERITY_ORDER.indexOf(worst.kind) ? current : worst,
    { kind: "constant" }
  );
}
var volatilityByName, SEVERITY_ORDER;
var init_pg_nodes = __esm({
  "src/frontends/sql/pg-nodes.ts"() {
    "use strict";
    SEVERITY_ORDER = ["constant", "stable", "unknown", "volatile"];
  }
});

// src/frontends/sql/catalogue-statements.ts
function changed(statement2, place, change) {
  return [{ kind: "other", ...place, statement: statement2, change }];
}
function qualifiedNameOf(names) {
  const parts = stringList(names);
  return parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] ?? "" };
}
function dropOther(removeType, objects, ifExists) {
  switch (removeType) {
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return { kind: "dropType", types: (objects ?? []).map((object) => qualifiedNameOf(nodeAs(object, "TypeName")?.names ?? nodeAs(object, "List")?.items)), ifExists };
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
      return { kind: "dropView", views: (objects ?? []).map(qualifiedNameFromList), ifExists };
    case "OBJECT_SCHEMA":
      return { kind: "dropSchema", names: (objects ?? []).map((object) => stringValue(object) ?? ""), ifExists };
    default:
      return void 0;
  }
}
function renameOther(body) {
  const newName = body.newname ?? "";
  switch (body.renameType) {
    case "OBJECT_INDEX":
      return { kind: "renameIndex", index: tableName(body.relation), newName, ifExists: body.missing_ok === true };
    case "OBJECT_TABCONSTRAINT":
      return { kind: "renameConstraint", table: tableName(body.relation), name: body.subname ?? "", newName };
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return { kind: "renameType", type: qualifiedNameOf(nodeAs(body.object, "List")?.items ?? []), newName };
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
      return { kind: "renameView", view: tableName(body.relation), newName };
    default:
      return void 0;
  }
}
function referencedColumns(node) {
  const found = /* @__PURE__ */ new Set();
  walk(node, (key, value) => {
    if (key !== "ColumnRef") return;
    const last = stringList(value.fields).pop();
    if (last !== void 0) found.add(last);
  });
  return [...found];
}
function viewUses(query) {
  const tables = [];
  const columns = /* @__PURE__ */ new Set();
  let star = false;
  walk(query, (key, value) => {
    if (key === "RangeVar") tables.push(tableName(value));
    if (key !== "ColumnRef") return;
    const fields = value.fields ?? [];
    if (fields.some((field) => nodeAs(field, "A_Star"))) star = true;
    const last = stringList(fields).pop();
    if (last !== void 0) columns.add(last);
  });
  return { tables, columns: [...columns], star };
}
function walk(node, visit2) {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit2);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    visit2(key, value);
    walk(value, visit2);
  }
}
function namesIn(code) {
  const names = /* @__PURE__ */ new Set();
  for (const match of code.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g)) {
    names.add(match[1] !== void 0 ? match[1].replace(/""/g, '"') : match[2].toLowerCase());
  }
  return [...names];
}
var CATALOGUE_CONVERTERS;
var init_catalogue_statements = __esm({
  "src/frontends/sql/catalogue-statements.ts"() {
    "use strict";
    init_pg_nodes();
    CATALOGUE_CONVERTERS = {
      CreateEnumStmt: (body, place) => changed("CreateEnumStmt", place, { kind: "createType", type: qualifiedNameOf(body.typeName), enumValues: stringList(body.vals) }),
      CompositeTypeStmt: (body, place) => changed("CompositeTypeStmt", place, { kind: "createType", type: tableName(body.typevar) }),
      CreateRangeStmt: (body, place) => changed("CreateRangeStmt", place, { kind: "createType", type: qualifiedNameOf(body.typeName) }),
      AlterEnumStmt: (body, place) => {
        const type2 = qualifiedNameOf(body.typeName);
        return body.oldVal !== void 0 ? changed("AlterEnumStmt", place, { kind: "renameEnumValue", type: type2, from: body.oldVal, to: body.newVal ?? "" }) : changed("AlterEnumStmt", place, { kind: "addEnumValue", type: type2, value: body.newVal ?? "", ifNotExists: body.skipIfNewValExists === true });
      },
      ViewStmt: (body, place) => changed("ViewStmt", place, { kind: "createView", view: tableName(body.view), materialized: false, uses: viewUses(body.query) }),
      CreateSchemaStmt: (body, place) => changed("CreateSchemaStmt", place, { kind: "createSchema", name: body.schemaname ?? "" }),
      DoStmt: (body, place) => {
        const code = (body.args ?? []).map((arg) => nodeAs(arg, "DefElem")).find((element) => element?.defname === "as");
        return changed("DoStmt", place, { kind: "opaqueCode", names: namesIn(stringValue(code?.arg) ?? "") });
      },
      CreateFunctionStmt: (body, place) => {
        const code = (body.options ?? []).map((option) => nodeAs(option, "DefElem")).find((element) => element?.defname === "as");
        const texts = code ? [stringValue(code.arg) ?? "", ...stringList(nodeAs(code.arg, "List")?.items)] : [];
        const names = namesIn(texts.join(" "));
        return names.length > 0 ? changed("CreateFunctionStmt", place, { kind: "opaqueCode", names }) : [{ kind: "other", ...place, statement: "CreateFunctionStmt" }];
      }
    };
  }
});

// src/frontends/sql/expression-text.ts
function expressionText(node) {
  if (!node) return void 0;
  const kind = nodeKind(node);
  const print = Object.hasOwn(PRINTERS, kind) ? PRINTERS[kind] : void 0;
  return print?.(node[kind]);
}
function typeText(typeName) {
  if (!typeName) return void 0;
  const name = stringList(typeName.names).filter((part) => part !== "pg_catalog").join(".");
  const modifiers = (typeName.typmods ?? []).map((modifier) => expressionText(modifier));
  if (modifiers.some((modifier) => modifier === void 0)) return void 0;
  const bounds = "[]".repeat(typeName.arrayBounds?.length ?? 0);
  return `${name}${modifiers.length > 0 ? `(${modifiers.join(",")})` : ""}${bounds}`;
}
var quote, SQL_VALUE_FUNCTIONS, PRINTERS;
var init_expression_text = __esm({
  "src/frontends/sql/expression-text.ts"() {
    "use strict";
    init_pg_nodes();
    quote = (text) => `'${text.replace(/'/g, "''")}'`;
    SQL_VALUE_FUNCTIONS = {
      SVFOP_CURRENT_DATE: "CURRENT_DATE",
      SVFOP_CURRENT_TIME: "CURRENT_TIME",
      SVFOP_CURRENT_TIME_N: "CURRENT_TIME",
      SVFOP_CURRENT_TIMESTAMP: "CURRENT_TIMESTAMP",
      SVFOP_CURRENT_TIMESTAMP_N: "CURRENT_TIMESTAMP",
      SVFOP_LOCALTIME: "LOCALTIME",
      SVFOP_LOCALTIME_N: "LOCALTIME",
      SVFOP_LOCALTIMESTAMP: "LOCALTIMESTAMP",
      SVFOP_LOCALTIMESTAMP_N: "LOCALTIMESTAMP",
      SVFOP_CURRENT_ROLE: "CURRENT_ROLE",
      SVFOP_CURRENT_USER: "CURRENT_USER",
      SVFOP_USER: "USER",
      SVFOP_SESSION_USER: "SESSION_USER",
      SVFOP_CURRENT_CATALOG: "CURRENT_CATALOG",
      SVFOP_CURRENT_SCHEMA: "CURRENT_SCHEMA"
    };
    PRINTERS = {
      A_Const: (body) => {
        if (body.isnull) return "NULL";
        if (body.ival) return String(body.ival.ival ?? 0);
        if (body.fval) return body.fval.fval;
        if (body.sval) return quote(body.sval.sval ?? "");
        if (body.boolval) return body.boolval.boolval ? "true" : "false";
        if (body.bsval) return `B'${(body.bsval.bsval ?? "").replace(/^b/, "")}'`;
        return void 0;
      },
      TypeCast: (body) => {
        const arg = expressionText(body.arg);
        const type2 = typeText(body.typeName);
        return arg !== void 0 && type2 !== void 0 ? `${arg}::${type2}` : void 0;
      },
      FuncCall: (body) => {
        const args = (body.args ?? []).map(expressionText);
        if (args.some((arg) => arg === void 0)) return void 0;
        const name = stringList(body.funcname).filter((part) => part !== "pg_catalog").join(".");
        return `${name}(${body.agg_star ? "*" : args.join(", ")})`;
      },
      SQLValueFunction: (body) => {
        const name = SQL_VALUE_FUNCTIONS[body.op ?? ""];
        if (!name) return void 0;
        return body.op?.endsWith("_N") && body.typmod !== void 0 && body.typmod >= 0 ? `${name}(${body.typmod})` : name;
      },
      A_Expr: (body) => {
        if (body.kind !== "AEXPR_OP") return void 0;
        const operator = stringList(body.name).join(".");
        const right = expressionText(body.rexpr);
        if (right === void 0) return void 0;
        if (!body.lexpr) return `${operator}${right}`;
        const left = expressionText(body.lexpr);
        return left === void 0 ? void 0 : `${left} ${operator} ${right}`;
      },
      A_ArrayExpr: (body) => {
        const elements2 = (body.elements ?? []).map(expressionText);
        return elements2.some((element) => element === void 0) ? void 0 : `ARRAY[${elements2.join(", ")}]`;
      },
      ColumnRef: (body) => {
        const fields = (body.fields ?? []).map((field) => stringValue(field) ?? (nodeAs(field, "A_Star") ? "*" : void 0));
        return fields.some((field) => field === void 0) ? void 0 : fields.join(".");
      },
      BoolExpr: (body) => {
        const args = (body.args ?? []).map(expressionText);
        if (args.some((arg) => arg === void 0)) return void 0;
        if (body.boolop === "NOT_EXPR") return `NOT ${args[0]}`;
        return args.join(body.boolop === "AND_EXPR" ? " AND " : " OR ");
      }
    };
  }
});

// src/frontends/sql/statements.ts
function operationsOf(statement2, place, byteSpan, source) {
  spanAtByte = byteSpan;
  statementText = source;
  const kind = nodeKind(statement2);
  const convert = Object.hasOwn(CONVERTERS, kind) ? CONVERTERS[kind] : void 0;
  if (convert) return convert(statement2[kind], place);
  return [other(kind, place)];
}
function optionIsOn(argument) {
  if (!argument) return true;
  const boolean = nodeAs(argument, "Boolean");
  if (boolean) return boolean.boolval === true;
  const integer = nodeAs(argument, "Integer");
  if (integer) return (integer.ival ?? 0) !== 0;
  const word2 = nodeAs(argument, "String")?.sval?.toLowerCase();
  return word2 === void 0 || ["on", "true", "yes", "1"].includes(word2);
}
function blocking(statement2, place, tables) {
  return tables.length > 0 ? { kind: "other", ...place, statement: statement2, locksTables: tables } : other(statement2, place);
}
function other(statement2, place) {
  return { kind: "other", ...place, statement: statement2 };
}
function transaction(body, place) {
  const action = TRANSACTION_ACTIONS[body.kind ?? ""];
  return action ? [{ kind: "transaction", ...place, action }] : [other("TransactionStmt", place)];
}
function setting(body, place) {
  if (body.kind !== "VAR_SET_VALUE" || !body.name) return [other("VariableSetStmt", place)];
  const value = (body.args ?? []).map((arg) => {
    const constant = nodeAs(arg, "A_Const");
    if (!constant) return "";
    if (constant.sval) return constant.sval.sval ?? "";
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return constant.fval.fval ?? "";
    return "";
  }).join(", ");
  return [{ kind: "setSetting", ...place, name: body.name.toLowerCase(), value, local: body.is_local === true }];
}
function createTable(body, place) {
  const columns = [];
  const constraints = [];
  for (const element of body.tableElts ?? []) {
    const column = nodeAs(element, "ColumnDef");
    if (column) columns.push(columnDefinition(column));
    const constraint = nodeAs(element, "Constraint");
    const definition = constraint && constraintDefinition(constraint);
    if (definition) constraints.push(definition);
  }
  const parent = body.partbound ? nodeAs(body.inhRelations?.[0], "RangeVar") : void 0;
  const columnsUnknown = (body.tableElts ?? []).some((element) => nodeAs(element, "TableLikeClause")) || !parent && (body.inhRelations?.length ?? 0) > 0;
  return {
    kind: "createTable",
    ...place,
    table: tableName(body.relation),
    columns,
    constraints,
    ifNotExists: body.if_not_exists === true,
    ...body.relation?.relpersistence === "t" ? { temporary: true } : {},
    ...body.partspec ? { partitioned: true } : {},
    ...parent ? { partitionOf: tableName(parent) } : {},
    ...columnsUnknown ? { columnsUnknown } : {}
  };
}
function columnDefinition(column) {
  const definition = {
    name: column.colname ?? "",
    location: column.location !== void 0 && spanAtByte ? spanAtByte(column.location, Buffer.byteLength(column.colname ?? "", "utf8")) : void 0,
    type: columnType(column.typeName),
    notNull: false,
    primaryKey: false,
    unique: false,
    hasCheck: false
  };
  for (const node of column.constraints ?? []) {
    const constraint = nodeAs(node, "Constraint");
    if (constraint) applyColumnConstraint(definition, constraint);
  }
  return definition;
}
function applyColumnConstraint(definition, constraint) {
  switch (constraint.contype) {
    case "CONSTR_NOTNULL":
      definition.notNull = true;
      break;
    case "CONSTR_NULL":
      definition.notNull = false;
      break;
    case "CONSTR_DEFAULT":
      definition.default = isNullExpression(constraint.raw_expr) ? void 0 : withText(classifyDefault(constraint.raw_expr), constraint.raw_expr);
      break;
    case "CONSTR_PRIMARY":
      definition.primaryKey = true;
      definition.notNull = true;
      break;
    case "CONSTR_UNIQUE":
      definition.unique = true;
      break;
    case "CONSTR_CHECK":
      definition.hasCheck = true;
      break;
    case "CONSTR_FOREIGN":
      definition.references = { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) };
      break;
    case "CONSTR_GENERATED":
      definition.generated = "stored";
      break;
    case "CONSTR_IDENTITY":
      definition.generated = "identity";
      definition.notNull = true;
      break;
  }
}
function withText(classified, expression) {
  const sql = expressionText(expression);
  return sql === void 0 ? classified : { ...classified, sql };
}
function constraintDefinition(constraint) {
  const kind = CONSTRAINT_KINDS[constraint.contype ?? ""];
  if (!kind) return void 0;
  return {
    kind,
    name: constraint.conname,
    columns: stringList(kind === "foreignKey" ? constraint.fk_attrs : constraint.keys),
    notValid: constraint.skip_validation === true,
    usingIndex: constraint.indexname,
    references: kind === "foreignKey" ? { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) } : void 0,
    checksNotNullOf: kind === "check" ? notNullCheckColumn(constraint.raw_expr) : void 0,
    ...kind === "check" ? { expressionColumns: referencedColumns(constraint.raw_expr) } : {}
  };
}
function notNullCheckColumn(expression) {
  const test = nodeAs(expression, "NullTest");
  if (!test || test.nulltesttype !== "IS_NOT_NULL") return void 0;
  return stringList(nodeAs(test.arg, "ColumnRef")?.fields).pop();
}
function drop(body, place) {
  const names = (body.objects ?? []).map(qualifiedNameFromList);
  const ifExists = body.missing_ok === true;
  switch (body.removeType) {
    case "OBJECT_TABLE":
      return [{ kind: "dropTable", ...place, tables: names, ifExists, cascade: body.behavior === "DROP_CASCADE" }];
    case "OBJECT_INDEX":
      return [{ kind: "dropIndex", ...place, names, concurrently: body.concurrent === true, ifExists }];
    case "OBJECT_TRIGGER": {
      const tables = (body.objects ?? []).flatMap((object) => {
        const parts = stringList(nodeAs(object, "List")?.items);
        return parts.length >= 2 ? [parts.length === 3 ? { schema: parts[0], name: parts[1] } : { name: parts[0] }] : [];
      });
      return [tables.length > 0 ? { kind: "other", ...place, statement: "DropStmt:OBJECT_TRIGGER", locksTables: tables } : other("DropStmt:OBJECT_TRIGGER", place)];
    }
    default: {
      const change = dropOther(body.removeType, body.objects, ifExists);
      return [{ kind: "other", ...place, statement: `DropStmt:${body.removeType ?? ""}`, ...change ? { change } : {} }];
    }
  }
}
function rename(body, placeOfStatement) {
  const table = tableName(body.relation);
  const newName = body.newname ?? "";
  const place = body.missing_ok === true ? { ...placeOfStatement, ifTableExists: true } : placeOfStatement;
  if (body.renameType === "OBJECT_TABLE") return [{ kind: "renameTable", ...place, table, newName }];
  if (body.renameType === "OBJECT_COLUMN" && body.relationType === "OBJECT_TABLE") {
    return [{ kind: "renameColumn", ...place, table, column: body.subname ?? "", newName }];
  }
  const change = renameOther(body);
  return [{ kind: "other", ...place, statement: `RenameStmt:${body.renameType ?? ""}`, ...change ? { change } : {} }];
}
function alterTable(body, place) {
  if (body.objtype !== "OBJECT_TABLE") return [other(`AlterTableStmt:${body.objtype ?? ""}`, place)];
  const table = tableName(body.relation);
  const commands = (body.cmds ?? []).map((node) => nodeAs(node, "AlterTableCmd"));
  let split = null;
  const clauseRanges = () => split === null ? split = splitClauses(body, commands.length) : split;
  const clauses = commands.length > 1 ? clauseLocations(body, commands, clauseRanges()) : void 0;
  const clauseText = (index) => {
    const range = clauseRanges()?.[index];
    return range && statementText?.text.slice(range.start, range.end);
  };
  const guarded2 = body.missing_ok === true ? { ...place, ifTableExists: true } : place;
  const operations = [];
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    if (!command) continue;
    const clause = clauses?.[index];
    for (const operation of alterTableCommand(command, table, clause ? { ...guarded2, location: clause } : guarded2, () => clauseText(index))) operations.push(operation);
  }
  return operations;
}
function splitClauses(body, count) {
  const source = statementText;
  if (!source || body.relation?.location === void 0) return void 0;
  const clauses = topLevelClauses(source.text, qualifiedNameEnd(source.text, source.charAt(body.relation.location)), source.end);
  return clauses.length === count ? clauses : void 0;
}
function clauseLocations(body, commands, clauses) {
  const source = statementText;
  if (!source || body.relation?.location === void 0) return void 0;
  if (clauses) return clauses.map((clause) => source.span(clause.start, clause.end));
  return commands.map((command) => {
    const column = nodeAs(command?.def, "ColumnDef");
    return column?.location !== void 0 ? spanAtByte?.(column.location, Buffer.byteLength(column.colname ?? "", "utf8")) : void 0;
  });
}
function usingExpressionText(clause) {
  const bytes = Buffer.from(clause, "utf8");
  const keyword = scanSqlTokens(clause).tokens.find((token) => token.keywordName !== "NO_KEYWORD" && token.text?.toUpperCase() === "USING");
  const expression = keyword ? bytes.subarray(keyword.end).toString("utf8").trim() : "";
  return expression.length > 0 ? expression : void 0;
}
function alterTableCommand(command, table, place, clauseText) {
  const column = command.name ?? "";
  switch (command.subtype) {
    case "AT_AddColumn": {
      const definition = nodeAs(command.def, "ColumnDef");
      if (!definition) return [];
      return [
        { kind: "addColumn", ...place, table, column: columnDefinition(definition), ifNotExists: command.missing_ok === true }
      ];
    }
    case "AT_DropColumn":
      return [{ kind: "dropColumn", ...place, table, column, ifExists: command.missing_ok === true }];
    case "AT_AlterColumnType": {
      const definition = nodeAs(command.def, "ColumnDef");
      const using = definition?.raw_default ? usingKind(definition.raw_default, column) : void 0;
      const text = using === "other" ? clauseText() : void 0;
      const usingSql = text ? usingExpressionText(text) : void 0;
      return [{ kind: "alterColumnType", ...place, table, column, newType: columnType(definition?.typeName), ...using ? { using } : {}, ...usingSql ? { usingSql } : {} }];
    }
    case "AT_SetNotNull":
      return [{ kind: "setNotNull", ...place, table, column }];
    case "AT_DropNotNull":
      return [{ kind: "dropNotNull", ...place, table, column }];
    case "AT_ColumnDefault":
      return [
        { kind: "setDefault", ...place, table, column, default: command.def ? withText(classifyDefault(command.def), command.def) : void 0 }
      ];
    case "AT_AddConstraint": {
      const constraint = nodeAs(command.def, "Constraint");
      const definition = constraint && constraintDefinition(constraint);
      return definition ? [{ kind: "addConstraint", ...place, table, constraint: definition }] : [];
    }
    case "AT_ValidateConstraint":
      return [{ kind: "validateConstraint", ...place, table, name: column }];
    case "AT_DropConstraint":
      return [{ kind: "dropConstraint", ...place, table, name: column, ifExists: command.missing_ok === true }];
    case "AT_AttachPartition":
      return [{ kind: "attachPartition", ...place, table, partition: tableName(nodeAs(command.def, "PartitionCmd")?.name) }];
    case "AT_DetachPartition": {
      const partition = nodeAs(command.def, "PartitionCmd");
      return [
        {
          kind: "detachPartition",
          ...place,
          table,
          partition: tableName(partition?.name),
          concurrently: partition?.concurrent === true
        }
      ];
    }
    case "AT_AddIdentity":
    case "AT_DropIdentity":
      return [
        { kind: "other", ...place, statement: `AlterTableCmd:${command.subtype}`, locksTables: [table], change: { kind: "setIdentity", table, column, identity: command.subtype === "AT_AddIdentity" } }
      ];
    default:
      return [{ kind: "other", ...place, statement: `AlterTableCmd:${command.subtype ?? ""}`, locksTables: [table] }];
  }
}
function usingKind(expression, column) {
  let inner = expression;
  while (nodeAs(inner, "TypeCast")) inner = nodeAs(inner, "TypeCast")?.arg;
  const fields = stringList(nodeAs(inner, "ColumnRef")?.fields);
  return fields.length > 0 && fields[fields.length - 1] === column ? "column" : "other";
}
function createIndex(body, place) {
  const expressions = (body.indexParams ?? []).map((param) => nodeAs(param, "IndexElem")?.expr).filter((expression) => expression !== void 0);
  return {
    kind: "createIndex",
    ...place,
    table: tableName(body.relation),
    name: body.idxname,
    columns: (body.indexParams ?? []).map((param) => nodeAs(param, "IndexElem")?.name).filter((name) => name !== void 0),
    unique: body.unique === true,
    concurrently: body.concurrent === true,
    ifNotExists: body.if_not_exists === true,
    // The parser leaves `inh` out when it is false: `ON ONLY`.
    ...body.relation && body.relation.inh !== true ? { only: true } : {},
    ...body.whereClause ? { partial: true } : {},
    ...expressions.length > 0 ? { expressionColumns: referencedColumns(expressions) } : {},
    ...body.accessMethod && body.accessMethod !== "btree" ? { method: body.accessMethod } : {}
  };
}
var spanAtByte, statementText, CONVERTERS, SHARE_LOCK, ACCESS_EXCLUSIVE_LOCK, REINDEX_TARGETS, TRANSACTION_ACTIONS, CONSTRAINT_KINDS;
var init_statements = __esm({
  "src/frontends/sql/statements.ts"() {
    "use strict";
    init_pg_nodes();
    init_lexer();
    init_parser();
    init_catalogue_statements();
    init_expression_text();
    CONVERTERS = {
      TransactionStmt: (body, place) => transaction(body, place),
      VariableSetStmt: (body, place) => setting(body, place),
      CreateStmt: (body, place) => [createTable(body, place)],
      CreateTableAsStmt: (body, place) => [
        {
          kind: "createTable",
          ...place,
          table: tableName(body.into?.rel),
          columns: [],
          constraints: [],
          ifNotExists: body.if_not_exists === true,
          columnsUnknown: true,
          ...body.into?.rel?.relpersistence === "t" ? { temporary: true } : {},
          // A new materialized view has rows too, but nothing writes to it: an index on it blocks no one.
          ...body.into?.skipData || body.objtype === "OBJECT_MATVIEW" ? {} : { withRows: true }
        }
      ],
      InsertStmt: (body, place) => {
        const select = nodeAs(body.selectStmt, "SelectStmt");
        const fromQuery = select !== void 0 && select.valuesLists === void 0;
        return [{ kind: "other", ...place, statement: "InsertStmt", ...fromQuery ? { fillsTable: tableName(body.relation) } : {} }];
      },
      SelectStmt: (body, place) => (
        // SELECT … INTO creates a table with the query's rows.
        body.intoClause ? [{ kind: "createTable", ...place, table: tableName(body.intoClause.rel), columns: [], constraints: [], ifNotExists: false, withRows: true, columnsUnknown: true }] : [other("SelectStmt", place)]
      ),
      CopyStmt: (body, place) => [
        { kind: "other", ...place, statement: "CopyStmt", ...body.is_from && body.relation ? { fillsTable: tableName(body.relation) } : {} }
      ],
      DropStmt: (body, place) => drop(body, place),
      DropdbStmt: (body, place) => [{ kind: "dropDatabase", ...place, name: body.dbname ?? "" }],
      RenameStmt: (body, place) => rename(body, place),
      AlterTableStmt: (body, place) => alterTable(body, place),
      IndexStmt: (body, place) => [createIndex(body, place)],
      ReindexStmt: (body, place) => [
        {
          kind: "reindex",
          ...place,
          target: body.relation ? tableName(body.relation).name : body.name ?? "",
          targetKind: REINDEX_TARGETS[body.kind ?? ""],
          concurrently: (body.params ?? []).some((param) => nodeAs(param, "DefElem")?.defname === "concurrently")
        }
      ],
      TruncateStmt: (body, place) => [
        {
          kind: "truncate",
          ...place,
          tables: (body.relations ?? []).map((relation) => tableName(nodeAs(relation, "RangeVar"))),
          cascade: body.behavior === "DROP_CASCADE"
        }
      ],
      CreateDomainStmt: (body, place) => [
        {
          kind: "createDomain",
          ...place,
          name: stringList(body.domainname).join("."),
          hasCheck: (body.constraints ?? []).some((c) => nodeAs(c, "Constraint")?.contype === "CONSTR_CHECK")
        }
      ],
      AlterDomainStmt: (body, place) => body.subtype === "C" ? [{ kind: "alterDomainAddConstraint", ...place, name: stringList(body.typeName).join(".") }] : [other("AlterDomainStmt", place)],
      // Statements no rule flags on their own, but which wait for a lock that blocks the table's writes (or reads).
      CreateTrigStmt: (body, place) => [blocking("CreateTrigStmt", place, body.relation ? [tableName(body.relation)] : [])],
      VacuumStmt: (body, place) => {
        const full = (body.options ?? []).some((option) => {
          const element = nodeAs(option, "DefElem");
          return element?.defname === "full" && optionIsOn(element.arg);
        });
        const tables = (body.rels ?? []).flatMap((relation) => {
          const rel = nodeAs(relation, "VacuumRelation")?.relation;
          return rel ? [tableName(rel)] : [];
        });
        return [full ? blocking("VacuumStmt:FULL", place, tables) : other("VacuumStmt", place)];
      },
      // LOCK TABLE … IN SHARE MODE or stronger blocks the tables' writes (ACCESS EXCLUSIVE, the default, their reads too) until the transaction ends.
      LockStmt: (body, place) => {
        const mode = body.mode ?? ACCESS_EXCLUSIVE_LOCK;
        if (mode < SHARE_LOCK) return [other("LockStmt", place)];
        const tables = (body.relations ?? []).flatMap((relation) => {
          const range = nodeAs(relation, "RangeVar");
          return range ? [tableName(range)] : [];
        });
        if (tables.length === 0) return [other("LockStmt", place)];
        return [{ kind: "other", ...place, statement: "LockStmt", locksTables: tables, ...mode < ACCESS_EXCLUSIVE_LOCK ? { readsGoOn: true } : {} }];
      },
      // CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock.
      ClusterStmt: (body, place) => [blocking("ClusterStmt", place, body.relation ? [tableName(body.relation)] : [])],
      ...CATALOGUE_CONVERTERS
    };
    SHARE_LOCK = 5;
    ACCESS_EXCLUSIVE_LOCK = 8;
    REINDEX_TARGETS = {
      REINDEX_OBJECT_INDEX: "index",
      REINDEX_OBJECT_TABLE: "table",
      REINDEX_OBJECT_SCHEMA: "schema",
      REINDEX_OBJECT_DATABASE: "database",
      REINDEX_OBJECT_SYSTEM: "system"
    };
    TRANSACTION_ACTIONS = {
      TRANS_STMT_BEGIN: "begin",
      TRANS_STMT_START: "begin",
      TRANS_STMT_COMMIT: "commit",
      TRANS_STMT_ROLLBACK: "rollback"
    };
    CONSTRAINT_KINDS = {
      CONSTR_CHECK: "check",
      CONSTR_FOREIGN: "foreignKey",
      CONSTR_UNIQUE: "unique",
      CONSTR_PRIMARY: "primaryKey",
      CONSTR_EXCLUSION: "exclusion"
    };
  }
});

// src/frontends/sql/text-ranges.ts
function inRanges(ranges, offset) {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = low + high >> 1;
    const range = ranges[middle];
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return true;
  }
  return false;
}
function replaceRanges(text, ranges, replacement) {
  if (ranges.length === 0) return text;
  const parts = [];
  let last = 0;
  for (const range of ranges) {
    scanWork.steps++;
    parts.push(text.slice(last, range.start), replacement(range));
    last = range.end;
  }
  parts.push(text.slice(last));
  return parts.join("");
}
function blankedText(text, range) {
  return text.slice(range.start, range.end).replace(/[^\r\n]+/g, (run) => " ".repeat(run.length));
}
var init_text_ranges = __esm({
  "src/frontends/sql/text-ranges.ts"() {
    "use strict";
    init_scan_work();
  }
});

// src/frontends/sql/analyze-sql.ts
function analyzeSql(source) {
  const { locate } = source;
  const tokens = source.tokens ?? scanSql(source.text);
  const span = (start, end) => spanOf(locate, start, end);
  const commentsByStart = new Map(tokens.comments.map((comment) => [comment.start, comment]));
  const commentsByEnd = new Map(tokens.comments.map((comment) => [comment.end, comment]));
  const beyondLimits = statementsBeyondLimits(source.text, tokens.semicolons);
  const limitProblems = beyondLimits.map((statement2) => limitProblem(statement2, source.text, span, commentsByStart, commentsByEnd));
  const text = replaceRanges(source.text, beyondLimits, (statement2) => blankedText(source.text, statement2));
  const toChar = byteToCharConverter(text);
  let operations = [];
  let statementStarts = [];
  let statementEnds = [];
  const addStatement = (statement2, base) => {
    if (!statement2.stmt) return;
    const rawStart = toChar(base + (statement2.stmt_location ?? 0));
    const rawEnd = statement2.stmt_len ? toChar(base + (statement2.stmt_location ?? 0) + statement2.stmt_len) : text.length;
    const start = trimLeading(text, rawStart, rawEnd, commentsByStart);
    const end = trimTrailing(text, start, rawEnd, commentsByEnd);
    const location = span(start, end);
    statementStarts.push(start);
    statementEnds.push(end);
    const byteSpan = (byteOffset, length) => span(toChar(base + byteOffset), toChar(base + byteOffset + length));
    const statementText2 = { text, start, end, charAt: (byteOffset) => toChar(base + byteOffset), span };
    const statementOperations = operationsOf(statement2.stmt, { location, anchorLine: source.anchorLine ?? location.line }, byteSpan, statementText2);
    const sql = text.slice(start, end);
    if (source.keepStatementText) keepText(statementOperations, sql, statement2, { location, anchorLine: source.anchorLine ?? location.line });
    else {
      for (const operation of statementOperations) {
        operation.sql = sql;
        operation.sqlLocation = location;
      }
    }
    const identifiers = identifiersWithin(tokens.longIdentifiers, start, end);
    if (identifiers.length > 0 && statementOperations.length > 0) {
      statementOperations[0].identifiers = identifiers.map((identifier) => identifier.name);
    }
    operations.push(...statementOperations);
  };
  if (!parseInPieces(text, tokens.semicolons, addStatement)) {
    operations = [];
    statementStarts = [];
    statementEnds = [];
    let statements;
    try {
      statements = text.length === 0 ? [] : parseSql(text).stmts ?? [];
    } catch (error) {
      const problem = error instanceof ParserFailure ? parserFailureProblem(error, text, span) : syntaxProblem(error, text, span);
      if (!problem) throw error;
      return { operations: [], problems: [...limitProblems, problem], directives: directivesOf(tokens.comments, [], [], text, locate), statements: 0 };
    }
    for (const statement2 of statements) addStatement(statement2, 0);
  }
  return {
    operations,
    problems: limitProblems,
    directives: directivesOf(tokens.comments, statementStarts, statementEnds, text, locate),
    statements: statementStarts.length
  };
}
function parseInPieces(text, semicolons, add) {
  if (text.length <= PIECE_SIZE) return false;
  const pieces = [];
  let pieceStart = 0;
  for (const end of semicolons) {
    if (end - pieceStart < PIECE_SIZE) continue;
    pieces.push([pieceStart, end]);
    pieceStart = end;
  }
  if (pieceStart < text.length) pieces.push([pieceStart, text.length]);
  if (pieces.length < 2) return false;
  let base = 0;
  for (const [start, end] of pieces) {
    const piece = text.slice(start, end);
    const bytes = Buffer.byteLength(piece, "utf8");
    let statements;
    try {
      statements = parseSql(piece).stmts ?? [];
    } catch {
      return false;
    }
    for (const statement2 of statements) {
      add(statement2.stmt_len ? statement2 : { ...statement2, stmt_len: bytes - (statement2.stmt_location ?? 0) }, base);
    }
    base += bytes;
  }
  return true;
}
function keepText(operations, sql, statement2, place) {
  if (operations.length === 0) operations.push({ kind: "other", ...place, statement: Object.keys(statement2.stmt ?? {})[0] ?? "" });
  for (const operation of operations) {
    operation.sql = sql;
    operation.sqlLocation = place.location;
  }
}
function identifiersWithin(identifiers, start, end) {
  let low = 0;
  let high = identifiers.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (identifiers[middle].start < start) low = middle + 1;
    else high = middle;
  }
  const within = [];
  for (let index = low; index < identifiers.length && identifiers[index].start < end; index++) within.push(identifiers[index]);
  return within;
}
function spanOf(locate, start, end) {
  const from = locate(start);
  const to = locate(Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
function codePointsToIndex(text, count) {
  let index = 0;
  for (let seen = 0; seen < count && index < text.length; seen++) {
    const code = text.charCodeAt(index);
    index += code >= 55296 && code <= 56319 && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
function limitProblem(statement2, text, span, commentsByStart, commentsByEnd) {
  const start = trimLeading(text, statement2.start, statement2.end, commentsByStart);
  const end = trimTrailing(text, start, text[statement2.end - 1] === ";" ? statement2.end - 1 : statement2.end, commentsByEnd);
  const why = statement2.reason === "nesting" ? `nests more than ${MAX_STATEMENT_NESTING.toLocaleString("en")} levels deep` : `has more than ${MAX_STATEMENT_TOKENS.toLocaleString("en")} tokens`;
  return { rule: "unanalyzed-code", message: `This statement ${why}, more than PostgreSQL's parser can take as migralint runs it; it was not checked.`, location: span(start, end) };
}
function parserFailureProblem(failure, text, span) {
  const start = text.length - text.trimStart().length;
  return { rule: "unanalyzed-code", message: `PostgreSQL's parser failed on this SQL (${failure.message}); it was not checked.`, location: span(start, start) };
}
function syntaxProblem(error, text, span) {
  if (!isSyntaxError(error)) return void 0;
  const details = error.sqlDetails;
  const position = Math.min(codePointsToIndex(text, Math.max(details.cursorPosition ?? 0, 0)), text.length);
  const tokenLength = /^[^\s;(),]*/.exec(text.slice(position))?.[0].length || 1;
  const end = Math.min(position + tokenLength, text.length);
  return {
    rule: "syntax-error",
    message: `PostgreSQL cannot parse this SQL: ${details.message}.`,
    location: span(position, Math.max(end, position))
  };
}
function directivesOf(comments, statementStarts, statementEnds, text, locate) {
  const directives = [];
  let lines;
  let next = 0;
  for (const comment of comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed) continue;
    lines ??= new LineIndex(text);
    const location = spanOf(locate, comment.start, comment.end);
    const localLine = lines.position(comment.start).line;
    const codeBefore = lines.text.slice(lines.lineStart(localLine), comment.start).trim().length > 0;
    while (next < statementStarts.length && statementStarts[next] < comment.end) next++;
    const nextStatement = statementStarts[next];
    const insideStatement = next > 0 && comment.start < statementEnds[next - 1];
    const targetLine = codeBefore ? location.line : insideStatement ? locate(nextCode(text, comment.end)).line : nextStatement !== void 0 ? locate(nextStatement).line : location.endLine + 1;
    directives.push({ ...parsed, location, targetLine });
  }
  return directives;
}
function nextCode(text, from) {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text.startsWith("--", index)) index = text.indexOf("\n", index) < 0 ? text.length : text.indexOf("\n", index);
    else if (text.startsWith("/*", index)) index = text.indexOf("*/", index) < 0 ? text.length : text.indexOf("*/", index) + 2;
    else break;
  }
  return index;
}
var PIECE_SIZE;
var init_analyze_sql = __esm({
  "src/frontends/sql/analyze-sql.ts"() {
    "use strict";
    init_directives();
    init_text_positions();
    init_lexer();
    init_parser();
    init_statement_limits();
    init_statements();
    init_text_ranges();
    PIECE_SIZE = 64 * 1024;
  }
});

// src/frontends/sql/runner-files.ts
function runnerByName(filePath) {
  const name = path4.basename(filePath);
  if (name === "up.sql") return "diesel";
  if (/^([VB]\d[\d._]*|R)__.+\.sql$/.test(name)) return "flyway";
  if (drizzleJournal(filePath) !== void 0) return "drizzle";
  if (SQLX_NAME.test(name) && inSqlxCrate(filePath)) return "sqlx";
  if (POP_NAME2.test(name) && nearestManifest(filePath, GO_MOD).declares) return "pop";
  if (POSTGRES_MIGRATIONS_NAME.test(name) && nearestManifest(filePath, PACKAGE_JSON).declares) return "postgres-migrations";
  if (/\.sql(\.postgres)?$/i.test(name) && /^\d+$/.test(path4.basename(path4.dirname(filePath))) && path4.basename(path4.dirname(path4.dirname(filePath))) === "delta") return "synapse";
  if (/\.up\.sql$/i.test(name)) return "whole-file";
  const folder = path4.dirname(filePath);
  if (name === "migration.sql" && (/^\d{14}_/.test(path4.basename(folder)) || path4.basename(path4.dirname(folder)) === "migrations")) return "whole-file";
  return void 0;
}
function runnerForFile(filePath, text) {
  const named = runnerByName(filePath);
  return sendsAsOneQuery(named, filePath, text) ? "whole-file" : named;
}
function sendsAsOneQuery(runner, filePath, text) {
  switch (runner) {
    case "sqlx":
      return SQLX_NO_TRANSACTION.test(text);
    case "pop":
      return POP_AUTOCOMMIT.test(path4.basename(filePath));
    case "postgres-migrations":
      return text.includes(POSTGRES_MIGRATIONS_NO_TRANSACTION);
    case "diesel":
      return !dieselRunsInTransaction(filePath);
    default:
      return false;
  }
}
function drizzleJournal(filePath) {
  if (!/\.sql$/i.test(filePath)) return void 0;
  const journal = drizzleJournalOf(filePath);
  if (journal === void 0) return void 0;
  const listed = journal.tags?.has(drizzleTag(filePath)) ?? false;
  return listed || DRIZZLE_NAME.test(path4.basename(filePath)) ? journal.file : void 0;
}
function inSqlxCrate(filePath) {
  return nearestManifest(filePath, CARGO_TOML).declares;
}
function nearestManifest(filePath, kind) {
  let cache2 = manifestCache.get(kind.file);
  if (cache2 === void 0) manifestCache.set(kind.file, cache2 = /* @__PURE__ */ new Map());
  const visited = [];
  let dir = path4.dirname(path4.resolve(filePath));
  let found;
  for (; ; ) {
    found = cache2.get(dir);
    if (found !== void 0) break;
    visited.push(dir);
    let manifest;
    try {
      manifest = fs5.readFileSync(path4.join(dir, kind.file), "utf8");
    } catch {
    }
    if (manifest !== void 0) {
      found = { declares: kind.declares(manifest), manifest: path4.join(dir, kind.file) };
      break;
    }
    const parent = path4.dirname(dir);
    if (parent === dir) {
      found = { declares: false };
      break;
    }
    dir = parent;
  }
  for (const folder of visited) cache2.set(folder, found);
  return found;
}
function runnerFilesRead(filePath) {
  const name = path4.basename(filePath);
  if (name === "up.sql") {
    const metadata = path4.join(path4.dirname(path4.resolve(filePath)), "metadata.toml");
    return fs5.existsSync(metadata) ? [metadata] : [];
  }
  const journal = /\.sql$/i.test(name) ? drizzleJournalOf(filePath) : void 0;
  if (journal !== void 0) return [journal.file];
  const kinds = [SQLX_NAME.test(name) && CARGO_TOML, POP_NAME2.test(name) && GO_MOD, POSTGRES_MIGRATIONS_NAME.test(name) && PACKAGE_JSON];
  return kinds.flatMap((kind) => kind ? nearestManifest(filePath, kind).manifest ?? [] : []);
}
function dieselRunsInTransaction(filePath) {
  const dir = path4.dirname(path4.resolve(filePath));
  let runs = metadataCache.get(dir);
  if (runs === void 0) {
    let metadata = "";
    try {
      metadata = fs5.readFileSync(path4.join(dir, "metadata.toml"), "utf8");
    } catch {
    }
    runs = !/^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(metadata);
    metadataCache.set(dir, runs);
  }
  return runs;
}
function flywayRunsInTransaction(operations) {
  return !operations.some(
    (operation) => "concurrently" in operation && operation.concurrently || operation.kind === "dropDatabase" || operation.kind === "other" && FLYWAY_NON_TRANSACTIONAL.has(operation.statement)
  );
}
var fs5, path4, SQLX_NAME, SQLX_NO_TRANSACTION, POP_NAME2, POP_AUTOCOMMIT, POSTGRES_MIGRATIONS_NAME, POSTGRES_MIGRATIONS_NO_TRANSACTION, DRIZZLE_NAME, CARGO_TOML, GO_MOD, PACKAGE_JSON, manifestCache, metadataCache, FLYWAY_NON_TRANSACTIONAL;
var init_runner_files = __esm({
  "src/frontends/sql/runner-files.ts"() {
    "use strict";
    fs5 = __toESM(require("node:fs"));
    path4 = __toESM(require("node:path"));
    init_drizzle_journal();
    SQLX_NAME = /^\d+_.+\.sql$/;
    SQLX_NO_TRANSACTION = /^-- no-transaction/;
    POP_NAME2 = /^\d+_[^.]+(\.[a-z0-9]+)?(\.autocommit)?\.up\.sql$/;
    POP_AUTOCOMMIT = /\.autocommit\.up\.sql$/;
    POSTGRES_MIGRATIONS_NAME = /^-?\d+[-_]?.*\.sql$/i;
    POSTGRES_MIGRATIONS_NO_TRANSACTION = "-- postgres-migrations disable-transaction";
    DRIZZLE_NAME = /^\d{4}_.+\.sql$/;
    CARGO_TOML = { file: "Cargo.toml", declares: (text) => /^\s*sqlx\s*[=.]|^\s*\[(?:[\w-]+\.)*dependencies\.sqlx\]/m.test(text) };
    GO_MOD = { file: "go.mod", declares: (text) => /^\s*(?:require\s+)?github\.com\/(?:gobuffalo|ory)\/pop(?:\/v\d+)?\s+v\S+[ \t]*(?!\s*\/\/\s*indirect)$/m.test(text) };
    PACKAGE_JSON = { file: "package.json", declares: (text) => /"postgres-migrations"\s*:/.test(text) };
    manifestCache = /* @__PURE__ */ new Map();
    metadataCache = /* @__PURE__ */ new Map();
    FLYWAY_NON_TRANSACTIONAL = /* @__PURE__ */ new Set(["VacuumStmt", "CreatedbStmt", "AlterSystemStmt", "CreateTableSpaceStmt", "DropTableSpaceStmt"]);
  }
});

// src/frontends/sql/runner-markers.ts
function isRollbackFile(filePath) {
  return ROLLBACK_FILE.test(path5.basename(filePath));
}
function findRunnerMarkers(comments, textLength) {
  const downSections = [];
  let runnerTransaction;
  let transactionDisabled = false;
  let oneQuery = false;
  let downStart;
  for (const comment of comments) {
    scanWork.steps++;
    const marker = matchMarker(comment.text);
    if (!marker) continue;
    if (marker.transaction === false) transactionDisabled = true;
    if (marker.oneQuery) oneQuery = true;
    else if (marker.transaction === true) runnerTransaction = true;
    if (marker.direction === "down" && downStart === void 0) downStart = comment.start;
    if (marker.direction === "up" && downStart !== void 0) {
      downSections.push({ start: downStart, end: comment.start });
      downStart = void 0;
    }
  }
  if (downStart !== void 0) downSections.push({ start: downStart, end: textLength });
  return { downSections, runnerTransaction: transactionDisabled ? false : runnerTransaction, ...transactionDisabled && oneQuery ? { oneQuery } : {} };
}
function matchMarker(text) {
  for (const [pattern, marker] of MARKERS) {
    const match = pattern.exec(text);
    if (match) return marker(match);
  }
  return void 0;
}
var path5, ROLLBACK_FILE, MARKERS;
var init_runner_markers = __esm({
  "src/frontends/sql/runner-markers.ts"() {
    "use strict";
    path5 = __toESM(require("node:path"));
    init_scan_work();
    ROLLBACK_FILE = /^(down\.sql|.*[._]down\.sql|U\d[\w.]*__.*\.sql)$/i;
    MARKERS = [
      [/^--\s*\+goose\s+up\b/i, () => ({ direction: "up", transaction: true })],
      [/^--\s*\+goose\s+down\b/i, () => ({ direction: "down" })],
      [/^--\s*\+goose\s+no\s+transaction\b/i, () => ({ transaction: false })],
      [/^--\s*\+migrate\s+up\b(.*)$/i, (m) => ({ direction: "up", transaction: !/notransaction/i.test(m[1]) })],
      [/^--\s*\+migrate\s+down\b/i, () => ({ direction: "down" })],
      [/^--\s*migrate:up\b(.*)$/i, (m) => /transaction:\s*false/i.test(m[1]) ? { direction: "up", transaction: false, oneQuery: true } : { direction: "up", transaction: true }],
      [/^--\s*migrate:down\b/i, () => ({ direction: "down" })]
    ];
  }
});

// src/frontends/sql/templates.ts
function blankMetaCommands(text, commands) {
  return replaceRanges(text, commands, ({ start, end }) => (followsCode(text, start) ? ";" : " ") + " ".repeat(end - start - 1));
}
function followsCode(text, offset) {
  for (let index = offset - 1; index >= 0; index--) {
    scanWork.steps++;
    const ch = text[index];
    if (ch === "\n" || ch === "\r") return false;
    if (ch !== " " && ch !== "	" && ch !== "\f") return true;
  }
  return false;
}
function substitutePlaceholders(text, matchers) {
  let matches = [];
  for (const matcher of matchers) {
    const accepted = [];
    let taken = 0;
    for (const match of matcher.matches(text)) {
      scanWork.steps++;
      const { start, end } = match;
      if (end === start) continue;
      while (taken < matches.length && matches[taken].end <= start) {
        scanWork.steps++;
        taken++;
      }
      if (taken < matches.length && matches[taken].start < end) continue;
      accepted.push({ start, end, replacement: replacementFor(match) });
    }
    matches = mergeSorted(matches, accepted);
  }
  const parts = [];
  const offsets = [];
  let last = 0;
  for (const { start, end, replacement } of matches) {
    parts.push(text.slice(last, start), replacement);
    for (let offset = last; offset < start; offset++) offsets.push(offset);
    for (let index = 0; index < replacement.length; index++) offsets.push(start);
    last = end;
  }
  parts.push(text.slice(last));
  for (let offset = last; offset <= text.length; offset++) offsets.push(offset);
  return { text: parts.join(""), offsets };
}
function mergeSorted(a, b) {
  const merged = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || i < a.length && a[i].start <= b[j].start ? a[i++] : b[j++]);
  return merged;
}
function replacementFor(match) {
  if (match.groups[0] !== void 0 && match.text.startsWith(":'")) return `'${match.groups[0]}'`;
  if (match.groups[1] !== void 0 && match.text.startsWith(':"')) return `"${match.groups[1]}"`;
  const name = match.text.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return `placeholder_${name || "value"}`.slice(0, 63);
}
var init_templates = __esm({
  "src/frontends/sql/templates.ts"() {
    "use strict";
    init_scan_work();
    init_text_ranges();
  }
});

// src/frontends/sql/index.ts
function loadSqlParser() {
  return loadParser();
}
function analyzeSqlFile(text, filePath, options) {
  if (isRollbackFile(filePath)) {
    return {
      frontend: "sql",
      operations: [],
      problems: [],
      directives: [],
      statements: 0,
      runnerTransaction: options.assumeInTransaction,
      skippedReason: "rollback migration (down/undo file)"
    };
  }
  const tokens = scanSql(text);
  const markers = findRunnerMarkers(tokens.comments, text.length);
  const inForwardCode = (offset) => !inRanges(markers.downSections, offset);
  const lines = new LineIndex(text);
  const byName = markers.runnerTransaction === void 0 ? runnerForFile(filePath, text) : void 0;
  const runnerTransaction = markers.runnerTransaction ?? (options.assumeInTransaction || byName === "diesel" && dieselRunsInTransaction(filePath) || byName === "sqlx" || byName === "pop" || byName === "postgres-migrations" || byName === "synapse" || byName === "drizzle");
  const runnerFiles = markers.runnerTransaction === void 0 ? runnerFilesRead(filePath) : [];
  const readsFiles = runnerFiles.length > 0 ? { readsFiles: runnerFiles } : {};
  const metaCommands = tokens.metaCommands.filter((command) => inForwardCode(command.start));
  const copyData = tokens.copyData.filter((data) => inForwardCode(data.start));
  let forward = replaceRanges(text, markers.downSections, (section) => blankedText(text, section));
  if (metaCommands.length > 0) forward = blankMetaCommands(forward, metaCommands);
  forward = replaceRanges(forward, copyData, (data) => blankedText(forward, data));
  const notes = [
    ...metaCommands.map((command) => `skipped psql meta-command ${text.slice(command.start, command.end).trim().split(/\s/)[0]} on line ${lines.position(command.start).line}`),
    ...copyData.map((data) => `skipped COPY data on lines ${lines.position(data.start).line}\u2013${lines.position(data.end).line}`)
  ];
  if (options.placeholders && options.placeholders.length > 0) {
    const substituted = substitutePlaceholders(forward, options.placeholders.map(placeholderMatcher));
    const analysis2 = analyzeSql({
      text: substituted.text,
      locate: (charIndex) => lines.position(substituted.offsets[Math.min(charIndex, substituted.offsets.length - 1)]),
      keepStatementText: options.keepStatementText
    });
    return { frontend: "sql", ...analysis2, ...runnerOf(markers.oneQuery ? "whole-file" : byName, runnerTransaction, analysis2), notes, ...readsFiles };
  }
  const analysis = analyzeSql({
    text: forward,
    locate: (charIndex) => lines.position(charIndex),
    tokens: {
      comments: tokens.comments.filter((comment) => inForwardCode(comment.start)),
      longIdentifiers: tokens.longIdentifiers.filter((identifier) => inForwardCode(identifier.start)),
      metaCommands: [],
      semicolons: tokens.semicolons.filter((end) => inForwardCode(end - 1)),
      copyData: []
    },
    keepStatementText: options.keepStatementText
  });
  return { frontend: "sql", ...analysis, ...runnerOf(markers.oneQuery ? "whole-file" : byName, runnerTransaction, analysis), notes, ...readsFiles };
}
function runnerOf(byName, runnerTransaction, analysis) {
  if (runnerTransaction) return { runnerTransaction };
  if (byName === "flyway") return { runnerTransaction: flywayRunsInTransaction(analysis.operations) };
  if (byName === "whole-file" && analysis.statements > 1) return { runnerTransaction, implicitTransaction: true };
  return { runnerTransaction };
}
var init_sql = __esm({
  "src/frontends/sql/index.ts"() {
    "use strict";
    init_text_positions();
    init_pg_wasm();
    init_analyze_sql();
    init_runner_files();
    init_lexer();
    init_runner_markers();
    init_placeholder_patterns();
    init_templates();
    init_text_ranges();
  }
});

// src/frontends/js/js-comments.ts
function scriptDirectives(comments, lines) {
  const directives = [];
  for (const comment of comments) {
    const text = comment.type === "CommentLine" ? `//${comment.value}` : `/*${comment.value}*/`;
    const parsed = parseDirective(text);
    if (!parsed || comment.start == null || comment.end == null) continue;
    const start = lines.position(comment.start);
    const end = lines.position(comment.end);
    const codeBefore = lines.text.slice(lines.lineStart(start.line), comment.start).trim().length > 0;
    const targetLine = codeBefore ? start.line : lines.position(nextCodeOffset(lines.text, comment.end)).line;
    directives.push({
      ...parsed,
      location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      targetLine
    });
  }
  return directives;
}
function nextCodeOffset(text, from) {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text.startsWith("//", index)) index = text.indexOf("\n", index) < 0 ? text.length : text.indexOf("\n", index);
    else if (text.startsWith("/*", index)) index = text.indexOf("*/", index) < 0 ? text.length : text.indexOf("*/", index) + 2;
    else break;
  }
  return index;
}
var init_js_comments = __esm({
  "src/frontends/js/js-comments.ts"() {
    "use strict";
    init_directives();
  }
});

// src/frontends/js/nesting-limits.ts
function withoutRegions(text, regions) {
  let result = "";
  let last = 0;
  for (const region of regions) {
    result += text.slice(last, region.start) + region.replacement;
    last = region.end;
  }
  return result + text.slice(last);
}
function deepRegions(text) {
  const scanner = new NestingScanner(text, MAX_SCRIPT_NESTING);
  scanner.scan();
  return scanner.regions;
}
function newFrame(opener, start, counted) {
  return { opener, counted, operators: 0, segmentStart: start, elseIfs: 0 };
}
function standIn(cut, opener) {
  const blank = cut.replace(/[^\r\n\u2028\u2029]/g, " ");
  const leading = cut.length - cut.trimStart().length;
  if (opener === "{" || opener === "" || leading === blank.length) return blank;
  return `${blank.slice(0, leading)}0${blank.slice(leading + 1)}`;
}
function countNegations(text, from, to) {
  let count = 0;
  for (let i = from; i < to; i++) if (text[i] === "!" && text[i + 1] !== "=" || text[i] === "~") count++;
  return count;
}
function startsStatement(text, at) {
  const ch = text[at];
  if (isWordStart(ch)) {
    let end = at + 1;
    while (end < text.length && isWordPart(text[end])) end++;
    return !CONTINUING_WORDS.has(text.slice(at, end));
  }
  return ch === '"' || ch === "'" || isDigit(ch) || ch === "@";
}
function isDigit(ch) {
  return ch !== void 0 && ch >= "0" && ch <= "9";
}
function isWordStart(ch) {
  return ch >= "a" && ch <= "z" || ch >= "A" && ch <= "Z" || ch === "_" || ch === "$" || ch === "#" || ch.charCodeAt(0) >= 128;
}
function isWordPart(ch) {
  return isWordStart(ch) || isDigit(ch);
}
function stringEnd(text, from) {
  const quote2 = text[from];
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (ch === quote2 || ch === "\n" || ch === "\r") return i + 1;
    else i++;
  }
  return text.length;
}
function regularExpressionEnd(text, from) {
  let i = from + 1;
  let inClass = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\n" || ch === "\r") return from + 1;
    if (ch === "\\") i += 2;
    else if (ch === "[") {
      inClass = true;
      i++;
    } else if (ch === "]") {
      inClass = false;
      i++;
    } else if (ch === "/" && !inClass) {
      i++;
      while (i < text.length && isWordPart(text[i])) i++;
      return i;
    } else i++;
  }
  return from + 1;
}
var MAX_SCRIPT_NESTING, COSTS, WORDS_BEFORE_EXPRESSION, NESTING_WORDS, CONTINUING_WORDS, OPERATOR_CHARS2, NestingScanner;
var init_nesting_limits = __esm({
  "src/frontends/js/nesting-limits.ts"() {
    "use strict";
    init_scan_work();
    MAX_SCRIPT_NESTING = 1e3;
    COSTS = { bracket: 10, arrow: 6, conditional: 3, elseIf: 2, operator: 1 };
    WORDS_BEFORE_EXPRESSION = /* @__PURE__ */ new Set(["return", "typeof", "case", "do", "else", "in", "instanceof", "new", "delete", "void", "throw", "yield", "await", "of", "extends"]);
    NESTING_WORDS = /* @__PURE__ */ new Set(["new", "typeof", "void", "delete", "await", "yield", "in", "instanceof", "as", "satisfies", "keyof", "if", "for", "while", "with", "else"]);
    CONTINUING_WORDS = /* @__PURE__ */ new Set(["in", "instanceof", "as", "satisfies", "of"]);
    OPERATOR_CHARS2 = "+-*/%=<>!~&|^:?";
    NestingScanner = class {
      constructor(text, limit) {
        this.text = text;
        this.limit = limit;
      }
      text;
      limit;
      regions = [];
      /** The greatest cost seen. */
      deepest = 0;
      frames = [newFrame("", 0, true)];
      /** The cost of the open frames and their current segments and chains. */
      total = 0;
      /** The part being cut: it ends when `frame` closes, or (`segment`) when its current segment ends. */
      cutting;
      index = 0;
      /** Whether the last token can end an expression: then a `/` divides, and a line break may end a statement. */
      afterOperand = false;
      lineBreakAfterOperand = false;
      previousWord = "";
      scan() {
        const text = this.text;
        while (this.index < text.length) {
          scanWork.steps++;
          const ch = text[this.index];
          if (ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029") {
            if (this.afterOperand) this.lineBreakAfterOperand = true;
            this.index++;
          } else if (ch === " " || ch === "	" || ch === "\f" || ch === "\v" || ch === "\xA0" || ch === "\uFEFF") {
            this.index++;
          } else if (ch === "/" && text[this.index + 1] === "/") {
            while (this.index < text.length && text[this.index] !== "\n" && text[this.index] !== "\r") this.index++;
          } else if (ch === "/" && text[this.index + 1] === "*") {
            const end = text.indexOf("*/", this.index + 2);
            const close = end < 0 ? text.length : end + 2;
            if (this.afterOperand && /[\n\r\u2028\u2029]/.test(text.slice(this.index, close))) this.lineBreakAfterOperand = true;
            this.index = close;
          } else {
            if (this.lineBreakAfterOperand && startsStatement(text, this.index)) this.endSegment(this.index);
            this.lineBreakAfterOperand = false;
            const word2 = this.token(ch);
            this.previousWord = word2;
          }
        }
        if (this.cutting) this.finishCut(text.length);
      }
      /** Reads one token at `index`; returns it when it is a word. */
      token(ch) {
        const text = this.text;
        const next = text[this.index + 1];
        const at = this.index;
        if (ch === '"' || ch === "'") {
          this.index = stringEnd(text, at);
          this.afterOperand = true;
        } else if (ch === "`" || ch === "}" && this.top().opener === "${") {
          if (ch === "}") this.close(at);
          this.templateText(at + 1);
        } else if (ch === "(" || ch === "[" || ch === "{") {
          this.index++;
          this.open(ch, this.index);
          this.afterOperand = false;
        } else if (ch === ")" || ch === "]" || ch === "}") {
          if (this.frames.length > 1) this.close(at);
          this.index++;
          this.afterOperand = true;
        } else if (ch === "," || ch === ";") {
          this.endSegment(at, at + 1);
          this.index++;
          this.afterOperand = false;
        } else if (ch === "/" && !this.afterOperand) {
          this.index = regularExpressionEnd(text, at);
          this.afterOperand = true;
        } else if (isWordStart(ch)) {
          let end = at + 1;
          while (end < text.length && isWordPart(text[end])) end++;
          const word2 = text.slice(at, end);
          this.index = end;
          this.word(word2);
          return word2;
        } else if (isDigit(ch) || ch === "." && isDigit(next)) {
          while (this.index < text.length && (isWordPart(text[this.index]) || text[this.index] === ".")) this.index++;
          this.afterOperand = true;
        } else if (ch === "=" && next === ">") {
          this.index += 2;
          this.addCost(COSTS.arrow);
          this.afterOperand = false;
        } else if (ch === "?" && next === "." && !isDigit(text[at + 2])) {
          this.index += 2;
        } else if (ch === "?" && next !== "?") {
          this.index++;
          this.addCost(COSTS.conditional);
          this.afterOperand = false;
        } else if (OPERATOR_CHARS2.includes(ch)) {
          while (this.index < text.length && OPERATOR_CHARS2.includes(text[this.index]) && !text.startsWith("//", this.index) && !text.startsWith("/*", this.index)) this.index++;
          const postfix = ch === "+" && next === "+" || ch === "-" && next === "-";
          this.addCost(COSTS.operator * Math.max(1, countNegations(text, at, this.index)));
          this.afterOperand = postfix && this.afterOperand;
        } else {
          this.index++;
          this.afterOperand = false;
        }
        return "";
      }
      word(word2) {
        if (word2 === "if" && this.previousWord === "else") {
          this.addCost(COSTS.elseIf, true);
        } else if (word2 === "if") {
          this.total -= this.top().counted ? this.top().elseIfs * COSTS.elseIf : 0;
          this.top().elseIfs = 0;
        }
        if (NESTING_WORDS.has(word2)) this.addCost(COSTS.operator);
        this.afterOperand = !WORDS_BEFORE_EXPRESSION.has(word2) && !NESTING_WORDS.has(word2);
      }
      /** Template text up to its closing backquote, or up to a `${`, which opens a frame. */
      templateText(from) {
        const text = this.text;
        let i = from;
        while (i < text.length) {
          const ch = text[i];
          if (ch === "\\") i += 2;
          else if (ch === "`") break;
          else if (ch === "$" && text[i + 1] === "{") {
            this.index = i + 2;
            this.open("${", this.index);
            this.afterOperand = false;
            return;
          } else i++;
        }
        this.index = Math.min(i + 1, text.length);
        this.afterOperand = true;
      }
      top() {
        return this.frames[this.frames.length - 1];
      }
      open(opener, contentStart) {
        const frame = newFrame(opener, contentStart, !this.cutting);
        this.frames.push(frame);
        if (!frame.counted) return;
        this.total += COSTS.bracket;
        this.deepest = Math.max(this.deepest, this.total);
        if (this.total > this.limit) this.cutting = { start: contentStart, frame, segment: false };
      }
      close(at) {
        const frame = this.frames.pop();
        if (this.cutting?.frame === frame) this.finishCut(at);
        if (frame.counted) this.total -= COSTS.bracket + frame.operators + frame.elseIfs * COSTS.elseIf;
      }
      /** A comma, semicolon or statement break at `at`; the next segment starts at `next`. */
      endSegment(at, next = at) {
        const frame = this.top();
        if (this.cutting?.frame === frame && this.cutting.segment) this.finishCut(at);
        if (frame.counted) this.total -= frame.operators;
        frame.operators = 0;
        frame.segmentStart = next;
      }
      /** Adds to the current segment's cost, or (`chain`) to the frame's `else if` chain, which outlasts segments. */
      addCost(cost, chain = false) {
        const frame = this.top();
        if (this.cutting || !frame.counted) return;
        if (chain) frame.elseIfs++;
        else frame.operators += cost;
        this.total += cost;
        this.deepest = Math.max(this.deepest, this.total);
        if (this.total > this.limit) this.cutting = { start: frame.segmentStart, frame, segment: true };
      }
      finishCut(end) {
        const { start, frame } = this.cutting;
        this.cutting = void 0;
        if (end > start) this.regions.push({ start, end, replacement: standIn(this.text.slice(start, end), frame.opener) });
      }
    };
  }
});

// src/frontends/js/parse-js.ts
function parseScript(text, filePath) {
  const typescript = TYPESCRIPT_EXTENSIONS.includes(path6.extname(filePath).toLowerCase());
  const plugins = typescript ? ["typescript", "decorators-legacy", "decoratorAutoAccessors"] : ["decorators-legacy", "decoratorAutoAccessors"];
  try {
    const ast = (0, import_parser3.parse)(text, {
      sourceType: "unambiguous",
      plugins,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      errorRecovery: false
    });
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: "it nests too deeply to be parsed", line: 1, column: 1, tooDeep: true };
    const { loc, message: message2 } = error;
    return { ok: false, message: message2.replace(/\s*\(\d+:\d+\)$/, ""), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
  }
}
var path6, import_parser3, TYPESCRIPT_EXTENSIONS;
var init_parse_js = __esm({
  "src/frontends/js/parse-js.ts"() {
    "use strict";
    path6 = __toESM(require("node:path"));
    import_parser3 = require("./babel-parser.js");
    TYPESCRIPT_EXTENSIONS = [".ts", ".cts", ".mts"];
  }
});

// src/frontends/js/script-output.ts
function snippet(source, node, limit = 60) {
  const text = source.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, " ");
  return text.length > limit ? `${text.slice(0, limit - 1)}\u2026` : text;
}
var ScriptOutput;
var init_script_output = __esm({
  "src/frontends/js/script-output.ts"() {
    "use strict";
    ScriptOutput = class {
      constructor(lines, keepStatementText = false) {
        this.lines = lines;
        this.keepStatementText = keepStatementText;
      }
      lines;
      keepStatementText;
      operations = [];
      problems = [];
      directives = [];
      statements = 0;
      span(start, end) {
        const from = this.lines.position(start);
        const to = this.lines.position(Math.max(start, end));
        return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      }
      spanOf(node) {
        return this.span(node.start ?? 0, node.end ?? 0);
      }
      lineOf(node) {
        return this.lines.position(node.start ?? 0).line;
      }
      /** Marks code that static analysis could not follow, so silence is not mistaken for safety. */
      unanalyzed(node, message2) {
        this.problem({ rule: "unanalyzed-code", message: message2, location: this.spanOf(node) });
      }
      /** A problem, once: code walked several times (a helper, a loop) reports the same one only once. */
      problem(problem) {
        const { location, message: message2, rule } = problem;
        const seen = this.problems.some(
          (known) => known.rule === rule && known.message === message2 && known.location.line === location.line && known.location.column === location.column
        );
        if (!seen) this.problems.push(problem);
      }
      addSql(analysis, conditional) {
        for (const operation of analysis.operations) this.operations.push(conditional ? { ...operation, conditional } : operation);
        for (const problem of analysis.problems) this.problem(problem);
        this.directives.push(...analysis.directives);
        this.statements += analysis.statements;
      }
    };
  }
});

// src/frontends/js/static-values.ts
function joinText(parts) {
  if (parts.includes(TOO_LARGE)) return TOO_LARGE;
  let length = 0;
  for (const part of parts) {
    if (typeof part !== "string" && typeof part !== "number") return void 0;
    length += String(part).length;
  }
  return length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : parts.join("");
}
function propertyName(key) {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  return void 0;
}
function unwrapTypeScript(node) {
  let current = node;
  while (current.type === "TSAsExpression" || current.type === "TSNonNullExpression" || current.type === "TSTypeAssertion" || current.type === "TSSatisfiesExpression" || current.type === "ParenthesizedExpression") {
    current = current.expression;
  }
  return current;
}
function enumAsObject(declaration) {
  const properties = declaration.members.flatMap((member) => {
    const key = propertyName(member.id);
    if (key === void 0 || !member.initializer) return [];
    return [{ type: "ObjectProperty", key: { type: "StringLiteral", value: key }, value: member.initializer, computed: false, shorthand: false }];
  });
  return { type: "ObjectExpression", properties };
}
function literalOf(value) {
  if (typeof value === "string") return { type: "StringLiteral", value };
  if (typeof value === "number") return { type: "NumericLiteral", value };
  if (typeof value === "boolean") return { type: "BooleanLiteral", value };
  if (value === null) return { type: "NullLiteral" };
  if (Array.isArray(value)) return { type: "ArrayExpression", elements: value.map(literalOf) };
  const properties = Object.entries(value).map(([key, item]) => ({
    type: "ObjectProperty",
    key: { type: "StringLiteral", value: key },
    value: literalOf(item),
    computed: false,
    shorthand: false
  }));
  return { type: "ObjectExpression", properties };
}
var MAX_STATIC_VALUE_SIZE, TOO_LARGE, StaticScope;
var init_static_values = __esm({
  "src/frontends/js/static-values.ts"() {
    "use strict";
    MAX_STATIC_VALUE_SIZE = 1e6;
    TOO_LARGE = /* @__PURE__ */ Symbol("too large");
    StaticScope = class _StaticScope {
      constructor(parent, work = parent?.work ?? { evaluations: 0 }) {
        this.parent = parent;
        this.work = work;
      }
      parent;
      work;
      bindings = /* @__PURE__ */ new Map();
      /**
       * Values already evaluated in this scope, by the expression they come from and
       * the nesting depth they were evaluated at: each is evaluated once.
       */
      evaluated = /* @__PURE__ */ new Map();
      /** The size of each array and object value (strings measure themselves). */
      sizes = /* @__PURE__ */ new WeakMap();
      static ofProgram(program) {
        const scope = new _StaticScope();
        for (const statement2 of program.body) scope.declareFrom(statement2);
        return scope;
      }
      child() {
        return new _StaticScope(this);
      }
      /** Records `const NAME = <expression>`, `const { a, b: c } = <expression>` and `enum NAME { … }` (also when exported). */
      declareFrom(statement2) {
        const declaration = statement2.type === "ExportNamedDeclaration" ? statement2.declaration : statement2;
        if (declaration?.type === "TSEnumDeclaration") {
          this.bindings.set(declaration.id.name, enumAsObject(declaration));
          return;
        }
        if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") return;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === "Identifier" && declarator.init) this.bindings.set(declarator.id.name, declarator.init);
          else if (declarator.id.type === "ObjectPattern" && declarator.init) this.bindPattern(declarator.id, declarator.init);
        }
      }
      /** `{ a, b: c }` from `value`: each name stands for `value.a`, `value.b` (looked up when read). */
      bindPattern(pattern, value) {
        for (const property of pattern.properties) {
          if (property.type !== "ObjectProperty" || property.value.type !== "Identifier") continue;
          const key = propertyName(property.key);
          if (key === void 0 || property.computed) continue;
          const member = { type: "MemberExpression", object: value, property: { type: "Identifier", name: key }, computed: false };
          this.bindings.set(property.value.name, member);
        }
      }
      bind(name, value) {
        this.bindings.set(name, value);
      }
      /** A class's fields with a value (`name = 'X'`, `table = 'users' as const`), read as `this.field`. */
      bindClassFields(body) {
        for (const member of body.body) {
          if (member.type !== "ClassProperty" || member.static || !member.value) continue;
          const name = propertyName(member.key);
          if (name !== void 0) this.bindings.set(`this.${name}`, member.value);
        }
      }
      lookup(name) {
        return this.bindings.get(name) ?? this.parent?.lookup(name);
      }
      /** The expression a name or constant member stands for, following constants. */
      resolve(node, depth = 0) {
        if (!node || depth > 20) return void 0;
        const inner = unwrapTypeScript(node);
        if (inner.type === "Identifier") {
          const bound = this.lookup(inner.name);
          return bound ? this.resolve(bound, depth + 1) : inner;
        }
        if (inner.type === "MemberExpression" && !inner.computed && inner.property.type === "Identifier") {
          const field = inner.object.type === "ThisExpression" ? this.lookup(`this.${inner.property.name}`) : void 0;
          if (field) return this.resolve(field, depth + 1);
          const object = this.resolve(inner.object, depth + 1);
          if (object?.type === "ObjectExpression") {
            const name = inner.property.name;
            for (const property of object.properties) {
              if (property.type === "ObjectProperty" && propertyName(property.key) === name) return this.resolve(property.value, depth + 1);
            }
          }
        }
        if (inner.type === "MemberExpression" && inner.computed) {
          const index = this.evaluate(inner.property, depth + 1);
          const array = typeof index === "number" ? this.resolve(inner.object, depth + 1) : void 0;
          const element = array?.type === "ArrayExpression" ? array.elements[index] : void 0;
          if (element && element.type !== "SpreadElement") return this.resolve(element, depth + 1);
        }
        return inner;
      }
      string(node) {
        const value = this.value(node);
        return typeof value === "string" ? value : void 0;
      }
      /** A string, number, boolean, null or array/object of such; undefined when not static (or too large). */
      value(node) {
        const value = this.evaluate(node, 0);
        return value === TOO_LARGE ? void 0 : value;
      }
      /** Whether the node is a constant whose value is over MAX_STATIC_VALUE_SIZE (and so was not evaluated). */
      isTooLarge(node) {
        return this.evaluate(node, 0) === TOO_LARGE;
      }
      evaluate(node, depth) {
        const resolved = this.resolve(node);
        if (!resolved || depth > 20) return void 0;
        let byDepth = this.evaluated.get(resolved);
        if (byDepth?.has(depth)) return byDepth.get(depth);
        this.work.evaluations++;
        const value = this.bounded(this.evaluateResolved(resolved, depth));
        if (!byDepth) this.evaluated.set(resolved, byDepth = /* @__PURE__ */ new Map());
        byDepth.set(depth, value);
        return value;
      }
      evaluateResolved(resolved, depth) {
        const part = (child) => this.evaluate(child, depth + 1);
        switch (resolved.type) {
          case "StringLiteral":
          case "NumericLiteral":
          case "BooleanLiteral":
            return resolved.value;
          case "NullLiteral":
            return null;
          case "TemplateLiteral": {
            const parts = [resolved.quasis[0].value.cooked ?? ""];
            for (let index = 0; index < resolved.expressions.length; index++) {
              parts.push(part(resolved.expressions[index]), resolved.quasis[index + 1].value.cooked ?? "");
            }
            return joinText(parts);
          }
          case "BinaryExpression":
            return resolved.operator === "+" ? joinText([part(resolved.left), part(resolved.right)]) : void 0;
          case "ArrayExpression": {
            const items = resolved.elements.map((element) => element ? part(element) : void 0);
            if (items.includes(TOO_LARGE)) return TOO_LARGE;
            return items.every((item) => item !== void 0) ? items : void 0;
          }
          case "ObjectExpression": {
            const object = {};
            for (const property of resolved.properties) {
              if (property.type !== "ObjectProperty") return void 0;
              const key = propertyName(property.key);
              const value = part(property.value);
              if (value === TOO_LARGE) return TOO_LARGE;
              if (key === void 0 || value === void 0) return void 0;
              object[key] = value;
            }
            return object;
          }
          case "UnaryExpression":
            if (resolved.operator === "!") {
              const operand = part(resolved.argument);
              return operand === void 0 || operand === TOO_LARGE ? operand : !operand;
            }
            return void 0;
          default:
            return void 0;
        }
      }
      /** The value, or TOO_LARGE when it is over MAX_STATIC_VALUE_SIZE. */
      bounded(value) {
        if (typeof value === "string") return value.length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : value;
        if (!value || typeof value !== "object") return value;
        let size = 1;
        for (const [key, item] of Object.entries(value)) {
          size += key.length + (typeof item === "string" ? item.length : item && typeof item === "object" ? this.sizes.get(item) ?? 1 : 1);
        }
        if (size > MAX_STATIC_VALUE_SIZE) return TOO_LARGE;
        this.sizes.set(value, size);
        return value;
      }
    };
  }
});

// src/frontends/js/functions.ts
function functionOf(node, program, scope) {
  if (!node) return void 0;
  const inner = unwrapTypeScript(node);
  switch (inner.type) {
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "FunctionDeclaration":
    case "ObjectMethod":
    case "ClassMethod":
      return inner;
    case "Identifier": {
      const declared = program.body.find(
        (statement2) => statement2.type === "FunctionDeclaration" && statement2.id?.name === inner.name || statement2.type === "ExportNamedDeclaration" && statement2.declaration?.type === "FunctionDeclaration" && statement2.declaration.id?.name === inner.name
      );
      if (declared?.type === "FunctionDeclaration") return declared;
      if (declared?.type === "ExportNamedDeclaration" && declared.declaration?.type === "FunctionDeclaration") return declared.declaration;
      const bound = scope.lookup(inner.name) ?? variableInit(program, inner.name);
      return bound && bound !== inner ? functionOf(bound, program, scope) : void 0;
    }
    default:
      return void 0;
  }
}
function variableInit(program, name) {
  for (const statement2 of program.body) {
    const declaration = statement2.type === "ExportNamedDeclaration" ? statement2.declaration : statement2;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return void 0;
}
var init_functions = __esm({
  "src/frontends/js/functions.ts"() {
    "use strict";
    init_static_values();
  }
});

// src/frontends/js/imported-constants.ts
function importedConstants(program, filePath) {
  const result = { bindings: /* @__PURE__ */ new Map(), files: [] };
  for (const { from, imported, local } of importsOf(program, filePath)) {
    const value = findExport(from, imported, 0, result.files, VALUE_READER);
    if (value !== void 0) result.bindings.set(local, literalOf(value));
  }
  return result;
}
function importedFunction(program, filePath, localName) {
  const spec = importsOf(program, filePath).find((candidate) => candidate.local === localName);
  if (!spec) return void 0;
  const files = [];
  const found = findExport(spec.from, spec.imported, 0, files, FUNCTION_READER);
  if (!found) return void 0;
  if (!found.module.importsBound) {
    const constants3 = importedConstants(found.module.program, found.module.file);
    for (const [name, value] of constants3.bindings) found.module.scope.bind(name, value);
    found.module.constantFiles = constants3.files;
    found.module.importsBound = true;
  }
  return { ...found, files: [.../* @__PURE__ */ new Set([...files, ...found.module.constantFiles ?? []])] };
}
function findExport(file, name, depth, files, reader) {
  const module2 = moduleAt(file);
  if (!module2?.program || !module2.scope) return void 0;
  const parsed = module2;
  if (!files.includes(file)) files.push(file);
  const reexported = (specifier, exportedName) => {
    const next = depth < MAX_REEXPORT_DEPTH && specifier.startsWith(".") ? resolveModule(path7.dirname(file), specifier) : void 0;
    return next ? findExport(next, exportedName, depth + 1, files, reader) : void 0;
  };
  for (const statement2 of parsed.program.body) {
    if (statement2.type === "ExportNamedDeclaration") {
      const declared = statement2.declaration ? reader.declared(statement2.declaration, name, parsed) : void 0;
      if (declared !== void 0) return declared;
      for (const specifier of statement2.specifiers) {
        if (specifier.type !== "ExportSpecifier") continue;
        const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : specifier.exported.value;
        if (exported !== name) continue;
        return statement2.source ? reexported(statement2.source.value, specifier.local.name) : reader.local(specifier.local.name, parsed);
      }
    } else if (statement2.type === "ExportAllDeclaration") {
      const found = reexported(statement2.source.value, name);
      if (found !== void 0) return found;
    }
  }
  return reader.commonJs(name, parsed);
}
function importsOf(program, filePath) {
  let found = importsByProgram.get(program);
  if (!found) {
    found = resolveImports(program, filePath);
    importsByProgram.set(program, found);
  }
  return found;
}
function resolveImports(program, filePath) {
  const found = [];
  const bind = (specifier, names) => {
    if (names.length === 0) return;
    const from = specifier.startsWith(".") ? resolveModule(path7.dirname(filePath), specifier) : resolveAlias(path7.dirname(path7.resolve(filePath)), specifier);
    if (!from) return;
    for (const name of names) found.push({ from, ...name });
  };
  for (const statement2 of program.body) {
    if (statement2.type === "ImportDeclaration" && statement2.importKind !== "type") {
      const names = statement2.specifiers.flatMap(
        (specifier) => specifier.type === "ImportSpecifier" && specifier.importKind !== "type" ? [{ imported: specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value, local: specifier.local.name }] : []
      );
      bind(statement2.source.value, names);
    } else if (statement2.type === "VariableDeclaration" && statement2.kind === "const") {
      for (const declarator of statement2.declarations) {
        const init = declarator.init;
        const required = init?.type === "CallExpression" && init.callee.type === "Identifier" && init.callee.name === "require" && init.arguments[0]?.type === "StringLiteral" ? init.arguments[0].value : void 0;
        if (required === void 0 || declarator.id.type !== "ObjectPattern") continue;
        const names = declarator.id.properties.flatMap(
          (property) => property.type === "ObjectProperty" && !property.computed && property.key.type === "Identifier" && property.value.type === "Identifier" ? [{ imported: property.key.name, local: property.value.name }] : []
        );
        bind(required, names);
      }
    }
  }
  return found;
}
function commonJsAssignment(program, name) {
  for (const statement2 of program.body) {
    if (statement2.type !== "ExpressionStatement" || statement2.expression.type !== "AssignmentExpression") continue;
    const { left, right } = statement2.expression;
    if (left.type !== "MemberExpression" || left.computed || left.property.type !== "Identifier") continue;
    const property = left.property.name;
    const object = left.object;
    const onExports = object.type === "Identifier" && object.name === "exports" || object.type === "MemberExpression" && object.object.type === "Identifier" && object.object.name === "module" && object.property.type === "Identifier" && object.property.name === "exports";
    if (onExports && property === name) return right;
    if (object.type === "Identifier" && object.name === "module" && property === "exports" && right.type === "ObjectExpression") {
      for (const entry of right.properties) {
        if (entry.type === "ObjectProperty" && !entry.computed && propertyName(entry.key) === name) return entry.value;
        if (entry.type === "ObjectMethod" && !entry.computed && propertyName(entry.key) === name) return entry;
      }
    }
  }
  return void 0;
}
function commonJsValue(program, name, scope) {
  const assigned = commonJsAssignment(program, name);
  return assigned ? scope.value(assigned) : void 0;
}
function localValue(program, name, scope) {
  for (const statement2 of program.body) {
    const value = declaredValue(statement2, name, scope);
    if (value !== void 0) return value;
  }
  return void 0;
}
function declaredValue(declaration, name, scope) {
  if (declaration.type === "TSEnumDeclaration" && declaration.id.name === name) return scope.value(declaration.id);
  if (declaration.type === "VariableDeclaration" && declaration.kind === "const") {
    const declarator = declaration.declarations.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === name);
    return declarator?.init ? scope.value(declarator.init) : void 0;
  }
  return void 0;
}
function resolveAlias(directory, specifier) {
  const aliases = aliasesFor(directory);
  if (!aliases) return void 0;
  for (const [pattern, targets] of aliases.paths) {
    const star = pattern.indexOf("*");
    const matched = star < 0 ? specifier === pattern ? "" : void 0 : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : void 0;
    if (matched === void 0) continue;
    for (const target of targets) {
      const resolved = resolveModule(aliases.base, target.replace("*", matched));
      if (resolved) return resolved;
    }
  }
  return void 0;
}
function aliasesFor(directory) {
  if (aliasesByFolder.has(directory)) return aliasesByFolder.get(directory);
  let aliases;
  const tsconfig = path7.join(directory, "tsconfig.json");
  if (isFile(tsconfig)) aliases = aliasesIn(tsconfig);
  else if (path7.dirname(directory) !== directory && !isFile(path7.join(directory, "package.json"))) aliases = aliasesFor(path7.dirname(directory));
  aliasesByFolder.set(directory, aliases);
  return aliases;
}
function aliasesIn(tsconfig) {
  let options;
  try {
    options = parseJson(fs6.readFileSync(tsconfig, "utf8"), tsconfig, { comments: true })?.compilerOptions;
  } catch {
    return void 0;
  }
  if (!options || typeof options !== "object") return void 0;
  const { baseUrl, paths } = options;
  if (!paths || typeof paths !== "object") return void 0;
  const entries = Object.entries(paths).flatMap(
    ([pattern, targets]) => Array.isArray(targets) ? [[pattern, targets.filter((target) => typeof target === "string")]] : []
  );
  return { base: path7.resolve(path7.dirname(tsconfig), typeof baseUrl === "string" ? baseUrl : "."), paths: entries };
}
function resolveModule(directory, specifier) {
  const base = path7.resolve(directory, specifier);
  const withoutJs = base.replace(/\.[cm]?js$/, "");
  const candidates = [base, ...EXTENSIONS.map((extension) => withoutJs + extension), ...EXTENSIONS.map((extension) => path7.join(base, `index${extension}`))];
  return candidates.find((candidate) => isFile(candidate));
}
function isFile(candidate) {
  return versionOf(candidate) !== void 0;
}
function versionOf(file) {
  try {
    const stats = fs6.statSync(file);
    return stats.isFile() && stats.size <= MAX_MODULE_BYTES ? `${stats.size}:${stats.mtimeMs}` : void 0;
  } catch {
    return void 0;
  }
}
function moduleAt(file) {
  const version = versionOf(file);
  if (version === void 0) return void 0;
  let module2 = modules.get(file);
  if (!module2 || module2.version !== version) {
    let text;
    try {
      text = fs6.readFileSync(file, "utf8");
    } catch {
      return void 0;
    }
    const parsed = parseScript(text, file);
    const program = parsed.ok ? parsed.ast.program : void 0;
    module2 = { file, version, text, program, scope: program ? StaticScope.ofProgram(program) : void 0 };
    modules.set(file, module2);
  }
  return module2;
}
var fs6, path7, EXTENSIONS, MAX_MODULE_BYTES, MAX_REEXPORT_DEPTH, modules, FUNCTION_READER, VALUE_READER, importsByProgram, aliasesByFolder;
var init_imported_constants = __esm({
  "src/frontends/js/imported-constants.ts"() {
    "use strict";
    fs6 = __toESM(require("node:fs"));
    path7 = __toESM(require("node:path"));
    init_jsonc();
    init_functions();
    init_parse_js();
    init_static_values();
    EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs"];
    MAX_MODULE_BYTES = 2 * 1024 * 1024;
    MAX_REEXPORT_DEPTH = 4;
    modules = /* @__PURE__ */ new Map();
    FUNCTION_READER = {
      declared(declaration, name, module2) {
        if (declaration.type === "FunctionDeclaration" && declaration.id?.name === name) return { fn: declaration, module: module2 };
        if (declaration.type !== "VariableDeclaration") return void 0;
        const declarator = declaration.declarations.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === name);
        const fn = declarator?.init ? functionOf(declarator.init, module2.program, module2.scope) : void 0;
        return fn ? { fn, module: module2 } : void 0;
      },
      local(name, module2) {
        const fn = functionOf({ type: "Identifier", name }, module2.program, module2.scope);
        return fn ? { fn, module: module2 } : void 0;
      },
      commonJs(name, module2) {
        const assigned = commonJsAssignment(module2.program, name);
        const fn = assigned ? functionOf(assigned, module2.program, module2.scope) : void 0;
        return fn ? { fn, module: module2 } : void 0;
      }
    };
    VALUE_READER = {
      declared: (declaration, name, module2) => declaredValue(declaration, name, module2.scope),
      local: (name, module2) => localValue(module2.program, name, module2.scope),
      commonJs: (name, module2) => commonJsValue(module2.program, name, module2.scope)
    };
    importsByProgram = /* @__PURE__ */ new WeakMap();
    aliasesByFolder = /* @__PURE__ */ new Map();
  }
});

// src/frontends/js/analyze-script.ts
function parseWithout(text, deep, filePath) {
  if (deep.length === 0) return parseScript(text, filePath);
  const parsed = parseScript(withoutRegions(text, deep), filePath);
  return parsed.ok || parsed.tooDeep ? parsed : { ok: false, message: "it nests too deeply to be parsed", line: 1, column: 1, tooDeep: true };
}
function deepProblem(region, output) {
  return { rule: "unanalyzed-code", message: "This code nests too deeply for the JavaScript parser; it was not checked.", location: output.span(region.start, region.end) };
}
function withinAny(problem, regions, output) {
  return regions.some((region) => {
    const span = output.span(region.start, region.end);
    const { line, column } = problem.location;
    return (line > span.line || line === span.line && column >= span.column) && (line < span.endLine || line === span.endLine && column < span.endColumn);
  });
}
function analyzeScript(frontend, text, filePath, runnerTransaction, keepStatementText = false) {
  const deep = deepRegions(text);
  const parsed = parseWithout(text, deep, filePath);
  if (!parsed.ok && parsed.tooDeep) {
    const location = { line: 1, column: 1, endLine: 1, endColumn: 2 };
    const problem = { rule: "unanalyzed-code", message: "This file nests too deeply for the JavaScript parser; it was not checked.", location };
    return { ...unparsableFile(frontend.name, "", parsed), problems: [problem] };
  }
  const lines = new LineIndex(text);
  if (!parsed.ok) {
    const lineEnd2 = lines.lineText(Math.min(parsed.line, lines.lineCount)).length + 1;
    return unparsableFile(frontend.name, `This file is not valid JavaScript/TypeScript: ${parsed.message}.`, parsed, lineEnd2);
  }
  const scope = StaticScope.ofProgram(parsed.ast.program);
  const imported = importedConstants(parsed.ast.program, filePath);
  for (const [name, value] of imported.bindings) scope.bind(name, value);
  const readsFiles = (followed = []) => {
    const files = [.../* @__PURE__ */ new Set([...imported.files, ...followed])];
    return files.length > 0 ? { readsFiles: files } : {};
  };
  const migration = frontend.findMigration(parsed.ast, scope);
  const directives = scriptDirectives(parsed.ast.comments ?? [], lines);
  const transaction2 = migration.transaction && runnerTransaction;
  if (!migration.up) {
    return { frontend: frontend.name, operations: [], problems: [], directives, statements: 0, runnerTransaction: transaction2, skippedReason: frontend.noMigration, ...readsFiles() };
  }
  const param = migration.up.params[0];
  const subject = param?.type === "Identifier" ? param.name : frontend.defaultSubject;
  const output = new ScriptOutput(lines, keepStatementText);
  const upScope = scope.child();
  if (migration.classBody) upScope.bindClassFields(migration.classBody);
  const walker = frontend.createWalker(subject, output, text, parsed.ast.program, scope);
  walker.filePath = filePath;
  if (param?.type === "ObjectPattern") walker.destructuredContext(param, upScope);
  walker.walkBody(migration.up.body, upScope);
  if (output.operations.length === 0 && output.statements === 0 && output.problems.length === 0 && hasCode(migration.up) && !walker.leftOutCode) {
    output.unanalyzed(migration.up, `up() holds code, but none of it reaches ${frontend.subjectLabel} in a way migralint can follow; what it does was not checked.`);
  }
  return {
    frontend: frontend.name,
    operations: output.operations,
    problems: [...deep.map((region) => deepProblem(region, output)), ...output.problems.filter((problem) => !withinAny(problem, deep, output))],
    directives: [...directives, ...output.directives],
    statements: output.statements,
    runnerTransaction: transaction2,
    ...walker.runtimeNames.size > 0 ? { runtimeNames: [...walker.runtimeNames] } : {},
    ...readsFiles(walker.readFiles)
  };
}
function hasCode(fn) {
  const statements = fn.body.type === "BlockStatement" ? fn.body.body : [{ type: "ReturnStatement", argument: fn.body }];
  return statements.some((statement2) => statement2.type !== "EmptyStatement" && !(statement2.type === "ReturnStatement" && isNothing(statement2.argument)));
}
function isNothing(node) {
  if (!node || node.type === "NullLiteral" || node.type === "Identifier" && node.name === "undefined") return true;
  if (node.type !== "CallExpression" || node.arguments.length > 1) return false;
  const [argument] = node.arguments;
  if (argument && !isNothing(argument) && !["StringLiteral", "NumericLiteral", "BooleanLiteral"].includes(argument.type)) return false;
  const callee = node.callee;
  return callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === "Promise" && callee.property.type === "Identifier" && callee.property.name === "resolve";
}
var init_analyze_script = __esm({
  "src/frontends/js/analyze-script.ts"() {
    "use strict";
    init_file_problem();
    init_text_positions();
    init_js_comments();
    init_nesting_limits();
    init_parse_js();
    init_script_output();
    init_imported_constants();
    init_static_values();
  }
});

// src/frontends/knex/find-migration.ts
function findKnexMigration(ast, scope) {
  const program = ast.program;
  const exported = /* @__PURE__ */ new Map();
  for (const statement2 of program.body) {
    if (statement2.type === "ExpressionStatement" && statement2.expression.type === "AssignmentExpression") {
      const { left, right } = statement2.expression;
      const target = exportTarget(left);
      if (target === "module") collectObject(right, exported);
      else if (target) exported.set(target, right);
    } else if (statement2.type === "ExportNamedDeclaration") {
      const declaration = statement2.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id) exported.set(declaration.id.name, declaration);
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === "Identifier" && declarator.init) exported.set(declarator.id.name, declarator.init);
        }
      }
      for (const specifier of statement2.specifiers) {
        if (specifier.type === "ExportSpecifier") {
          const name = specifier.exported.type === "Identifier" ? specifier.exported.name : specifier.exported.value;
          exported.set(name, specifier.local);
        }
      }
    } else if (statement2.type === "ExportDefaultDeclaration") {
      collectObject(scope.resolve(statement2.declaration) ?? statement2.declaration, exported);
    }
  }
  const up = functionOf(exported.get("up"), program, scope);
  const config = scope.value(exported.get("config"));
  return { up, transaction: config?.transaction !== false };
}
function exportTarget(left) {
  if (left.type !== "MemberExpression" || left.computed || left.property.type !== "Identifier") return void 0;
  const object = left.object;
  if (object.type === "Identifier" && object.name === "exports") return left.property.name;
  if (object.type === "Identifier" && object.name === "module" && left.property.name === "exports") return "module";
  if (exportTarget(object) === "module") return left.property.name;
  return void 0;
}
function collectObject(node, into) {
  const object = unwrapTypeScript(node);
  if (object.type !== "ObjectExpression") return;
  for (const property of object.properties) {
    if (property.type === "ObjectMethod") {
      const name = propertyName(property.key);
      if (name) into.set(name, property);
    } else if (property.type === "ObjectProperty") {
      const name = propertyName(property.key);
      if (name) into.set(name, property.value);
    }
  }
}
var init_find_migration = __esm({
  "src/frontends/knex/find-migration.ts"() {
    "use strict";
    init_functions();
    init_static_values();
  }
});

// src/frontends/js/mapped-text.ts
function mappedText(node, scope, source, placeholder) {
  const resolved = scope.resolve(node);
  if (resolved && resolved.start == null) {
    const value = scope.value(resolved);
    return typeof value === "string" || typeof value === "number" ? constantAt(String(value), node.start ?? 0) : void 0;
  }
  if (!resolved || resolved.start == null || resolved.end == null || scope.isTooLarge(resolved)) return void 0;
  switch (resolved.type) {
    case "StringLiteral":
      return decodeEscapes(source.slice(resolved.start + 1, resolved.end - 1), resolved.start + 1);
    case "TemplateLiteral": {
      const parts = [];
      resolved.quasis.forEach((quasi, index) => {
        parts.push(decodeEscapes(source.slice(quasi.start ?? 0, quasi.end ?? 0), quasi.start ?? 0));
        const expression = resolved.expressions[index];
        if (!expression) return;
        const value = scope.value(expression);
        const text = typeof value === "string" || typeof value === "number" ? String(value) : placeholder(expression);
        parts.push(text === void 0 ? { text: "\0", offsets: [] } : constantAt(text, expression.start ?? 0));
      });
      if (parts.some((part) => part.text === "\0")) return void 0;
      return concat(parts);
    }
    case "BinaryExpression": {
      if (resolved.operator !== "+") return void 0;
      const left = mappedText(resolved.left, scope, source, placeholder);
      const right = left && mappedText(resolved.right, scope, source, placeholder);
      return left && right ? concat([left, right]) : void 0;
    }
    default:
      return void 0;
  }
}
function constantAt(text, offset) {
  return { text, offsets: [...Array(text.length).fill(offset), offset] };
}
function concat(parts) {
  if (parts.reduce((length, part) => length + part.text.length, 0) > MAX_STATIC_VALUE_SIZE) return void 0;
  const offsets = [];
  let text = "";
  for (const part of parts) {
    text += part.text;
    appendRange(offsets, part.offsets, 0, part.text.length);
  }
  offsets.push(parts.length > 0 ? parts[parts.length - 1].offsets[parts[parts.length - 1].text.length] : 0);
  return { text, offsets };
}
function appendRange(target, source, from, to) {
  for (let index = from; index < to; index++) target.push(source[index]);
}
function decodeEscapes(raw, base) {
  let text = "";
  const offsets = [];
  let index = 0;
  while (index < raw.length) {
    const start = index;
    let decoded;
    if (raw[index] !== "\\") {
      decoded = raw[index];
      index++;
    } else {
      const next = raw[index + 1];
      if (next === "\r" || next === "\n" || next === "\u2028" || next === "\u2029") {
        index += next === "\r" && raw[index + 2] === "\n" ? 3 : 2;
        continue;
      }
      const unicode = /^u\{([0-9a-fA-F]+)\}|^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})/.exec(raw.slice(index + 1));
      if (unicode) {
        decoded = String.fromCodePoint(parseInt(unicode[1] ?? unicode[2] ?? unicode[3], 16));
        index += 1 + unicode[0].length;
      } else {
        decoded = SIMPLE_ESCAPES[next] ?? next ?? "";
        index += 2;
      }
    }
    text += decoded;
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(base + start);
  }
  offsets.push(base + raw.length);
  return { text, offsets };
}
var SIMPLE_ESCAPES;
var init_mapped_text = __esm({
  "src/frontends/js/mapped-text.ts"() {
    "use strict";
    init_static_values();
    SIMPLE_ESCAPES = { n: "\n", t: "	", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
  }
});

// src/frontends/js/embedded-sql.ts
function substitute(source, pattern, replace) {
  let text = "";
  const offsets = [];
  let last = 0;
  for (const match of source.text.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))) {
    const index = match.index ?? 0;
    text += source.text.slice(last, index);
    appendRange(offsets, source.offsets, last, index);
    const replacement = replace(match);
    text += replacement;
    for (let unit = 0; unit < replacement.length; unit++) offsets.push(source.offsets[index]);
    last = index + match[0].length;
  }
  text += source.text.slice(last);
  appendRange(offsets, source.offsets, last, source.offsets.length);
  return { text, offsets };
}
function substituteKnexBindings(sql, bindings) {
  if (!bindings) return sql;
  let counter = 0;
  if (bindings.kind === "array") {
    return substitute(sql, /\\\?|\?\??/g, (match) => {
      if (match[0] === "\\?") return "?";
      const value = bindings.values?.[counter];
      counter++;
      return match[0] === "??" ? identifierText(value, () => bindings.unknownIdentifier?.(counter - 1) ?? `binding_${counter}`) : valueText(value, `$${counter}`);
    });
  }
  const known = new Set(bindings.names);
  return substitute(sql, /(?<!:):(\w+)(:?)(?!:)/g, (match) => {
    if (!known.has(match[1])) return match[0];
    counter++;
    const value = bindings.values?.[match[1]];
    return match[2] ? identifierText(value, () => bindings.unknownIdentifier?.(match[1]) ?? `binding_${match[1]}`) : valueText(value, `$${counter}`);
  });
}
function identifierText(value, fallback) {
  if (typeof value !== "string") return `"${fallback()}"`;
  return value.split(".").map((part) => `"${part.replace(/"/g, '""')}"`).join(".");
}
function valueText(value, fallback) {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "boolean") return String(value);
  return fallback;
}
function analyzeEmbeddedSql(sql, lines, anchorLine, keepStatementText = false) {
  return analyzeSql({
    text: sql.text,
    locate: (charIndex) => lines.position(sql.offsets[Math.min(charIndex, sql.offsets.length - 1)]),
    anchorLine,
    keepStatementText
  });
}
var init_embedded_sql = __esm({
  "src/frontends/js/embedded-sql.ts"() {
    "use strict";
    init_analyze_sql();
    init_mapped_text();
  }
});

// src/frontends/js/chains.ts
function flattenChain(node) {
  const links = [];
  let current = unwrapTypeScript(node);
  for (; ; ) {
    if (current.type === "CallExpression" || current.type === "OptionalCallExpression") {
      const callee = unwrapTypeScript(current.callee);
      if ((callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && !callee.computed && callee.property.type === "Identifier") {
        links.push({ name: callee.property.name, args: current.arguments, start: callee.property.start ?? 0, end: current.end ?? 0 });
        current = unwrapTypeScript(callee.object);
        continue;
      }
    } else if ((current.type === "MemberExpression" || current.type === "OptionalMemberExpression") && !current.computed && current.property.type === "Identifier") {
      links.push({ name: current.property.name, start: current.property.start ?? 0, end: current.property.end ?? 0 });
      current = unwrapTypeScript(current.object);
      continue;
    }
    return { root: current, links: links.reverse() };
  }
}
var init_chains = __esm({
  "src/frontends/js/chains.ts"() {
    "use strict";
    init_static_values();
  }
});

// src/frontends/js/dialect.ts
function staticTruth(expression, scope) {
  if (expression.type === "BinaryExpression" && ["===", "!==", "==", "!="].includes(expression.operator)) {
    const [left, right] = [scope.value(expression.left), scope.value(expression.right)];
    const comparable = (value2) => value2 === null || ["string", "number", "boolean"].includes(typeof value2);
    if (!comparable(left) || !comparable(right) || left !== null && right !== null && typeof left !== typeof right) return void 0;
    return expression.operator.startsWith("!") ? left !== right : left === right;
  }
  if (expression.type === "BinaryExpression" || expression.type === "LogicalExpression") return void 0;
  const value = scope.value(expression);
  return value === void 0 ? void 0 : Boolean(value);
}
function casesNameDatabases(statement2) {
  const labels = statement2.cases.flatMap((branch) => branch.test ? [branch.test] : []);
  if (labels.some((label) => label.type !== "StringLiteral")) return false;
  const names = labels.map((label) => label.value.toLowerCase());
  return names.filter(namesDatabase).length >= 2;
}
function isDatabaseSetting(node) {
  const expression = unwrapTypeScript(node);
  if (expression.type !== "MemberExpression" && expression.type !== "OptionalMemberExpression") return false;
  const chain = flattenChain(expression);
  const names = [...chain.root.type === "Identifier" ? [chain.root.name] : [], ...chain.links.map((link) => link.name)];
  const last = names[names.length - 1];
  if (last === void 0 || !SETTING_NAME.test(last)) return false;
  if (/^(?:db|database)_?/i.test(last)) return true;
  return names.slice(0, -1).some((name) => /^(?:db|database|databases|dbConfig|databaseConfig)$/i.test(name));
}
function namesDatabase(name) {
  const lower = name.toLowerCase();
  return isPostgresName(lower) || OTHER_DATABASES.includes(lower);
}
function enumMemberNamingDatabase(node) {
  const expression = unwrapTypeScript(node);
  if (expression.type !== "MemberExpression" || expression.computed || expression.property.type !== "Identifier") return void 0;
  const spelled = expression.property.name.replace(/[-_]/g, "").toLowerCase();
  const name = [...POSTGRES_NAMES2, ...OTHER_DATABASES].find((known) => known.replace(/[-_]/g, "") === spelled);
  return name === void 0 ? void 0 : { text: name };
}
function isPostgresName(name) {
  const lower = name.toLowerCase();
  return POSTGRES_NAMES2.includes(lower) || lower === "postgressql";
}
function negate(value) {
  return value === void 0 ? void 0 : !value;
}
var POSTGRES_NAMES2, DATABASE_FLAG, CLIENT_FUNCTION, CLIENT_PATHS, DialectConditions, OTHER_DATABASES, SETTING_NAME;
var init_dialect = __esm({
  "src/frontends/js/dialect.ts"() {
    "use strict";
    init_chains();
    init_static_values();
    POSTGRES_NAMES2 = ["pg", "postgres", "postgresql", "postgresdb", "pgnative", "pg-native", "aurora-postgres"];
    DATABASE_FLAG = /^(?:is|use|uses|using)_?(postgres(?:ql)?|pg|sqlite3?|lite|mysql|maria(?:db)?|mssql|sql_?server|oracle(?:db)?|cockroach(?:db)?|redshift|mongo(?:db)?)$/i;
    CLIENT_FUNCTION = /^get_?(?:database|db)?_?(?:client|type|dialect|driver|vendor)(?:name)?$/i;
    CLIENT_PATHS = ["client.config.client", "client.dialect", "client.driverName", "connection.options.type", "driver.options.type", "dbType", "databaseType"];
    DialectConditions = class {
      constructor(subjects) {
        this.subjects = subjects;
      }
      subjects;
      /**
       * Whether the condition holds on PostgreSQL, or undefined when it does not depend on the database alone.
       * A condition on values fixed in the file (`if (truncate)`, with `truncate` from a constant array a loop is
       * unrolled over) holds or not whatever the database.
       */
      holds(node, scope, depth = 0) {
        if (!node || depth > 12) return void 0;
        return this.onDatabase(node, scope, depth) ?? staticTruth(unwrapTypeScript(node), scope);
      }
      onDatabase(node, scope, depth) {
        const expression = unwrapTypeScript(node);
        switch (expression.type) {
          case "UnaryExpression":
            if (expression.operator !== "!") return void 0;
            return negate(this.holds(expression.argument, scope, depth + 1));
          case "LogicalExpression": {
            const left = this.holds(expression.left, scope, depth + 1);
            const right = this.holds(expression.right, scope, depth + 1);
            if (expression.operator === "&&") return left === false || right === false ? false : left === true && right === true ? true : void 0;
            if (expression.operator === "||") return left === true || right === true ? true : left === false && right === false ? false : void 0;
            return void 0;
          }
          case "BinaryExpression":
            return this.comparison(expression.operator, expression.left, expression.right, scope, depth);
          case "Identifier": {
            const flag = DATABASE_FLAG.exec(expression.name);
            if (flag) return isPostgresName(flag[1]);
            const bound = scope.lookup(expression.name);
            return bound && bound !== expression ? this.holds(bound, scope, depth + 1) : void 0;
          }
          case "MemberExpression": {
            const name = expression.property.type === "Identifier" && !expression.computed ? expression.property.name : void 0;
            const flag = name ? DATABASE_FLAG.exec(name) : null;
            if (flag) return isPostgresName(flag[1]);
            const resolved = scope.resolve(expression);
            return resolved && resolved !== expression ? this.holds(resolved, scope, depth + 1) : void 0;
          }
          case "CallExpression":
            return this.call(expression, scope, depth);
          default:
            return void 0;
        }
      }
      comparison(operator, left, right, scope, depth) {
        const equal = operator === "===" || operator === "==";
        if (!equal && operator !== "!==" && operator !== "!=") return void 0;
        const [a, b] = [this.value(left, scope, depth), this.value(right, scope, depth)];
        const client = a && "client" in a ? b : b && "client" in b ? a : void 0;
        const name = client && "text" in client ? client.text : this.settingComparedWithDatabase(left, right, a, b);
        if (name === void 0) return void 0;
        const isPostgres = isPostgresName(name);
        return equal ? isPostgres : !isPostgres;
      }
      /**
       * `WIKI.config.db.type === 'mysql'`, `process.env.DB_CLIENT !== 'pg'`: an application's own setting
       * compared with a database's name. The name is what it is compared with, or undefined when either
       * side is something else.
       */
      settingComparedWithDatabase(left, right, a, b) {
        const named = (value) => value && "text" in value && namesDatabase(value.text) ? value.text : void 0;
        if (named(b) !== void 0 && isDatabaseSetting(left)) return named(b);
        if (named(a) !== void 0 && isDatabaseSetting(right)) return named(a);
        return void 0;
      }
      /** `isPostgres(knex)`, `helpers.isSqlite(knex)`, `['pg', 'postgres'].includes(client)`, `/sqlite/.test(client)`, `client.startsWith('pg')`. */
      call(expression, scope, depth) {
        const callee = unwrapTypeScript(expression.callee);
        const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : "";
        const flag = DATABASE_FLAG.exec(name);
        if (flag) return isPostgresName(flag[1]);
        const [argument] = expression.arguments;
        if (name === "isOneOfClients" && argument) {
          const list = scope.value(argument);
          return Array.isArray(list) ? list.some((item) => typeof item === "string" && isPostgresName(item)) : void 0;
        }
        if (callee.type !== "MemberExpression" || !argument || argument.type === "SpreadElement" || argument.type === "ArgumentPlaceholder") return void 0;
        const object = unwrapTypeScript(callee.object);
        if (name === "includes") {
          const list = this.value(object, scope, depth);
          const item = this.value(argument, scope, depth);
          const names = list && "list" in list ? list.list.filter((entry) => typeof entry === "string") : [];
          const onClient = item && "client" in item || names.length > 0 && names.every(namesDatabase) && isDatabaseSetting(argument);
          if (onClient) return names.some(isPostgresName);
          return void 0;
        }
        if (name === "test" && object.type === "RegExpLiteral") {
          const subject = this.value(argument, scope, depth);
          if (!subject || !("client" in subject)) return void 0;
          const pattern = new RegExp(object.pattern, object.flags.replace(/[gy]/g, ""));
          return POSTGRES_NAMES2.some((postgres) => pattern.test(postgres));
        }
        if ((name === "startsWith" || name === "endsWith") && this.isClient(object, scope, depth)) {
          const text = scope.string(argument);
          if (text === void 0) return void 0;
          return POSTGRES_NAMES2.some((postgres) => name === "startsWith" ? postgres.startsWith(text) : postgres.endsWith(text));
        }
        return void 0;
      }
      value(node, scope, depth) {
        if (this.isClient(node, scope, depth)) return { client: true };
        const value = scope.value(node);
        if (typeof value === "string") return { text: value };
        if (Array.isArray(value)) return { list: value };
        return enumMemberNamingDatabase(node);
      }
      /**
       * In a `switch (client)` (or a switch whose cases are databases' names: `switch (WIKI.config.db.type)
       * { case 'mysql': … case 'mssql': … }`), the index of the case that runs on PostgreSQL (the matching case, else
       * `default`; -1 when none does); undefined when the switch is not on the client.
       */
      postgresCase(statement2, scope) {
        const discriminant = statement2.discriminant;
        const onClient = this.isClient(discriminant, scope);
        if (!onClient && !casesNameDatabases(statement2)) return void 0;
        let unknownCase = false;
        const matches = statement2.cases.findIndex((branch) => {
          if (!branch.test) return false;
          if (!onClient) return branch.test.type === "StringLiteral" && isPostgresName(branch.test.value);
          const holds = this.holds({ type: "BinaryExpression", operator: "===", left: discriminant, right: branch.test }, scope);
          if (holds === void 0) unknownCase = true;
          return holds === true;
        });
        if (matches >= 0) return matches;
        return unknownCase ? void 0 : statement2.cases.findIndex((branch) => !branch.test);
      }
      /** Whether the expression is the name of the database client in use. */
      isClient(node, scope, depth = 0) {
        if (depth > 12) return false;
        const expression = unwrapTypeScript(node);
        if (expression.type === "Identifier") {
          if (/^(dbType|databaseType|dialect|client|dbClient|databaseClient)$/.test(expression.name) && !scope.lookup(expression.name)) return true;
          const bound = scope.lookup(expression.name);
          return bound !== void 0 && bound !== expression && this.isClient(bound, scope, depth + 1);
        }
        if (expression.type === "CallExpression") {
          const callee = unwrapTypeScript(expression.callee);
          const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : "";
          return CLIENT_FUNCTION.test(name);
        }
        if (expression.type === "MemberExpression" || expression.type === "OptionalMemberExpression") {
          const chain = flattenChain(expression);
          const path19 = chain.links.map((link) => link.name).join(".");
          if (CLIENT_PATHS.some((known) => path19 === known || path19.endsWith(`.${known}`))) return true;
          const root = chain.root;
          const onDatabase = root.type === "Identifier" && (this.subjects.has(root.name) || /^(dataSource|connection)$/i.test(root.name)) || root.type === "ThisExpression";
          return path19.endsWith("options.type") && onDatabase;
        }
        return false;
      }
    };
    OTHER_DATABASES = ["mysql", "mysql2", "mariadb", "mssql", "sqlite", "sqlite3", "better-sqlite3", "oracle", "oracledb", "cockroachdb", "redshift"];
    SETTING_NAME = /^(?:(?:db|database)_?)?(?:type|client|dialect|driver|engine|vendor)$/i;
  }
});

// src/frontends/js/ast-walk.ts
function walkNodes(node, visit2, parent) {
  if (visit2(node, parent) === false) return;
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "extra" || key === "comments" || key.endsWith("Comments")) continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walkNodes(item, visit2, node);
    } else if (isNode(child)) walkNodes(child, visit2, node);
  }
}
function isNode(value) {
  return typeof value === "object" && value !== null && typeof value.type === "string";
}
var init_ast_walk = __esm({
  "src/frontends/js/ast-walk.ts"() {
    "use strict";
  }
});

// src/frontends/sql/fragments.ts
function parseTypeName(type2) {
  try {
    if (!withinParserLimits(type2)) return void 0;
    const [statement2] = parseSql(`CREATE TABLE t (c ${type2})`).stmts ?? [];
    const column = nodeAs(nodeAs(statement2?.stmt, "CreateStmt")?.tableElts?.[0], "ColumnDef");
    return columnType(column?.typeName);
  } catch {
    return void 0;
  }
}
function sqlDefault(expression) {
  const classified = classifySqlExpression(expression);
  return classified && { ...classified, sql: expression };
}
function classifySqlExpression(expression) {
  try {
    if (!withinParserLimits(expression)) return { kind: "unknown" };
    const [statement2] = parseSql(`SELECT ${expression}`).stmts ?? [];
    const target = nodeAs(nodeAs(statement2?.stmt, "SelectStmt")?.targetList?.[0], "ResTarget");
    return isNullExpression(target?.val) ? void 0 : classifyDefault(target?.val);
  } catch {
    return { kind: "unknown" };
  }
}
function isReservedWord(word2) {
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(word2) && /[0-9$]/.test(word2)) return false;
  if (!withinParserLimits(word2)) return false;
  const [token] = scanSqlTokens(word2).tokens;
  return token !== void 0 && token.keywordName !== "NO_KEYWORD" && token.keywordName !== "UNRESERVED_KEYWORD";
}
var init_fragments = __esm({
  "src/frontends/sql/fragments.ts"() {
    "use strict";
    init_parser();
    init_statement_limits();
    init_pg_nodes();
  }
});

// src/frontends/js/migration-walker.ts
function calledName(call) {
  const callee = unwrapTypeScript(call.callee);
  if (callee.type === "Identifier") return callee.name;
  const onThis = callee.type === "MemberExpression" && (callee.object.type === "ThisExpression" || callee.object.type === "Identifier" && callee.object.name === "_this");
  return onThis && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : void 0;
}
function countCalls(node, counts) {
  walkNodes(node, (inner) => {
    const name = inner.type === "CallExpression" ? calledName(inner) : void 0;
    if (name !== void 0) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
}
function constantElements(node, scope, depth = 0) {
  if (depth > MAX_SPREAD_DEPTH) return void 0;
  const ofObject = objectIteration(node, scope);
  if (ofObject) return ofObject.length > MAX_UNROLLED ? void 0 : ofObject;
  const array = scope.resolve(node);
  if (array?.type !== "ArrayExpression") return void 0;
  const elements2 = [];
  for (const element of array.elements) {
    if (element === null) return void 0;
    const spread = element.type === "SpreadElement" ? constantElements(element.argument, scope, depth + 1) : [element];
    if (!spread) return void 0;
    elements2.push(...spread);
    if (elements2.length > MAX_UNROLLED) return void 0;
  }
  return elements2;
}
function objectIteration(node, scope) {
  const call = unwrapTypeScript(node);
  if (call.type !== "CallExpression" || call.arguments.length !== 1) return void 0;
  const callee = unwrapTypeScript(call.callee);
  if (callee.type !== "MemberExpression" || callee.computed || callee.object.type !== "Identifier" || callee.object.name !== "Object") return void 0;
  const method = callee.property.type === "Identifier" ? callee.property.name : void 0;
  if (method !== "entries" && method !== "keys" && method !== "values") return void 0;
  const object = scope.resolve(call.arguments[0]);
  if (object?.type !== "ObjectExpression") return void 0;
  const pairs = [];
  for (const property of object.properties) {
    const key = property.type === "ObjectProperty" && !property.computed ? propertyName(property.key) : void 0;
    if (property.type !== "ObjectProperty" || key === void 0) return void 0;
    pairs.push([{ type: "StringLiteral", value: key }, property.value]);
  }
  if (method === "keys") return pairs.map(([key]) => key);
  if (method === "values") return pairs.map(([, value]) => value);
  return pairs.map((pair) => ({ type: "ArrayExpression", elements: pair }));
}
function bindPattern(scope, pattern, element) {
  if (pattern.type === "Identifier") scope.bind(pattern.name, element);
  else if (pattern.type === "ObjectPattern") scope.bindPattern(pattern, element);
  else if (pattern.type === "ArrayPattern") {
    pattern.elements.forEach((item, index) => {
      if (item?.type === "Identifier") scope.bind(item.name, { type: "MemberExpression", object: element, property: { type: "NumericLiteral", value: index }, computed: true });
    });
  }
  return scope;
}
function indexedLoop(statement2, scope) {
  const init = statement2.init;
  const declarator = init?.type === "VariableDeclaration" && init.declarations.length === 1 ? init.declarations[0] : void 0;
  if (declarator?.id.type !== "Identifier" || scope.value(declarator.init) !== 0) return void 0;
  const name = declarator.id.name;
  const update = statement2.update;
  const steps = update?.type === "UpdateExpression" && update.operator === "++" && update.argument.type === "Identifier" && update.argument.name === name || update?.type === "AssignmentExpression" && update.operator === "+=" && update.left.type === "Identifier" && update.left.name === name && scope.value(update.right) === 1;
  const test = statement2.test;
  if (!steps || test?.type !== "BinaryExpression" || test.left.type !== "Identifier" || test.left.name !== name) return void 0;
  const right = unwrapTypeScript(test.right);
  let bound;
  if (right.type === "MemberExpression" && !right.computed && right.property.type === "Identifier" && right.property.name === "length") {
    bound = constantElements(right.object, scope)?.length;
  } else {
    const value = scope.value(right);
    bound = typeof value === "number" ? value : void 0;
  }
  if (bound === void 0 || test.operator !== "<" && test.operator !== "<=") return void 0;
  const count = test.operator === "<=" ? bound + 1 : bound;
  return count >= 0 && count <= MAX_UNROLLED ? { name, count } : void 0;
}
function argumentValue(arg, scope) {
  if (!arg || arg.type === "SpreadElement" || arg.type === "ArgumentPlaceholder") return UNKNOWN;
  const value = scope.value(arg);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return literalOf(value);
  const resolved = scope.resolve(arg);
  const passable = ["ObjectExpression", "ArrayExpression", "ArrowFunctionExpression", "FunctionExpression", "TemplateLiteral"];
  return resolved && passable.includes(resolved.type) ? resolved : UNKNOWN;
}
function calleeName(node) {
  const callee = unwrapTypeScript(node.callee);
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression" && !callee.computed) return propertyName(callee.property) ?? "";
  return "";
}
function isDataStatement(operation) {
  return operation.kind === "other" && /^(Select|Insert|Update|Delete|Merge|Copy)Stmt$/.test(operation.statement);
}
function isReadOnlyHelper(node) {
  const call = unwrapTypeScript(node);
  if (call.type !== "CallExpression") return false;
  const callee = call.callee;
  const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : "";
  return /^(has|is|get|find|check|exists|count|select|fetch|load|read|list)[A-Z_]?/.test(name);
}
function classMethod(program, name) {
  let found;
  walkNodes(program, (node) => {
    if (found) return false;
    if (node.type === "ClassMethod" && node.key.type === "Identifier" && node.key.name === name) found = node;
    return found === void 0;
  });
  return found;
}
function isCompiledAsyncHelper(node) {
  const call = unwrapTypeScript(node);
  return call.type === "CallExpression" && call.callee.type === "Identifier" && /^__(awaiter|generator)\d*$/.test(call.callee.name);
}
function placeholderFor(expression, source, scope) {
  const inner = scope?.resolve(expression) ?? unwrapTypeScript(expression);
  if (scope && inner.type === "ConditionalExpression") {
    const branches = [scope.value(inner.consequent), scope.value(inner.alternate)].filter((value) => typeof value === "string");
    if (branches.length === 2) return branches[0].length >= branches[1].length ? branches[0] : branches[1];
  }
  const text = source.slice(expression.start ?? 0, expression.end ?? 0);
  const name = text.replace(/^this\./, "").replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  const identifier = /^[A-Za-z_]/.test(name) ? name.slice(0, 60) : `value_${name}`.slice(0, 60);
  return isReservedWord(identifier) ? `${identifier}_` : identifier;
}
function usesPlaceholders(node, scope) {
  const resolved = scope.resolve(node);
  return resolved?.type === "TemplateLiteral" && resolved.expressions.some((expression) => scope.value(expression) === void 0);
}
var path8, MAX_HELPER_DEPTH, MAX_UNROLLED, UNKNOWN, READ_ONLY_FACTORY, FACTORY, READ_ONLY_NAME, MigrationWalker, MAX_SPREAD_DEPTH;
var init_migration_walker = __esm({
  "src/frontends/js/migration-walker.ts"() {
    "use strict";
    path8 = __toESM(require("node:path"));
    init_chains();
    init_dialect();
    init_ast_walk();
    init_embedded_sql();
    init_functions();
    init_mapped_text();
    init_imported_constants();
    init_script_output();
    init_static_values();
    init_fragments();
    init_text_positions();
    MAX_HELPER_DEPTH = 3;
    MAX_UNROLLED = 200;
    UNKNOWN = { type: "Identifier", name: "\0unknown" };
    READ_ONLY_FACTORY = /^(createInspector|schemaInspector|SchemaInspector|knexSchemaInspector)$/;
    FACTORY = /^(get|make|use|build|create)[A-Z_]\w*(Helpers?|Inspector|Service|Builder|Client|Schema|Repository)$|^(get|use)Helpers?$/;
    READ_ONLY_NAME = /^(has|is|get|find|check|exists|count|select|fetch|load|read|list|describe|inspect|columnInfo|tableInfo|overview|foreignKeys|primary)([A-Z_]|$)/;
    MigrationWalker = class {
      constructor(subjectName, output, source, program, programScope) {
        this.output = output;
        this.source = source;
        this.program = program;
        this.programScope = programScope;
        this.homeProgram = program;
        this.subjectNames.add(subjectName);
        this.dialect = new DialectConditions(this.subjectNames);
      }
      output;
      source;
      program;
      programScope;
      /** Names bound to the subject: the parameter of `up`, and helpers' parameters that receive it. */
      subjectNames = /* @__PURE__ */ new Set();
      /** Property paths that stand for the subject: botpress's `bp.database`. */
      subjectPaths = /* @__PURE__ */ new Set();
      /** Values made from the subject by code outside this file (`const helper = getHelpers(knex)`), by name. */
      derived = /* @__PURE__ */ new Map();
      helperDepth = 0;
      /** How many calls in the file name each function (`helper(…)`, `this.method(…)`), counted when first needed. */
      callCounts;
      /** Helpers followed already: a helper called once is reported where its code is, the first time only. */
      followedHelpers = /* @__PURE__ */ new Set();
      /** Run-time branches numbered so far (see inBranch). */
      branches = 0;
      dialect;
      /** Names that stand in SQL for values known only at run time (`${tableName}`): what they name is not known. */
      runtimeNames = /* @__PURE__ */ new Set();
      /** Whether code was left out because a condition decided it does not run here (`if (isSqlite) { … }`, `case 'mysql':`). */
      leftOutCode = false;
      /** The migration's path (imported helpers are found from it), and the other files read to follow them. */
      filePath;
      readFiles = /* @__PURE__ */ new Set();
      homeProgram;
      /** `up({ … })` takes a context object: which of its properties stand for the subject is the front-end's to say. */
      destructuredContext(_pattern, _scope) {
      }
      /** Runs a walk of code that runs only under a run-time condition, and marks what it emitted as one branch. */
      inBranch(walk3) {
        const start = this.output.operations.length;
        walk3();
        const branch = ++this.branches;
        const operations = this.output.operations;
        for (let i = start; i < operations.length; i++) operations[i] = { ...operations[i], branch: [branch, ...operations[i].branch ?? []] };
      }
      walkBody(body, scope) {
        const frame = { scope, conditional: false, statementLine: this.output.lineOf(body) };
        if (body.type === "BlockStatement") this.statements(body.body, frame);
        else this.expression(body, frame);
      }
      statements(statements, frame) {
        for (const statement2 of statements) {
          frame.scope.declareFrom(statement2);
          if (this.statement(statement2, { ...frame, statementLine: this.output.lineOf(statement2) }) === "exit") return "exit";
        }
        return "normal";
      }
      statement(statement2, frame) {
        switch (statement2.type) {
          case "ExpressionStatement":
            this.expression(statement2.expression, frame);
            return "normal";
          case "ReturnStatement":
          case "ThrowStatement":
            if (statement2.argument) this.expression(statement2.argument, frame);
            return "exit";
          case "ContinueStatement":
          case "BreakStatement":
            return "exit";
          case "VariableDeclaration":
            for (const declarator of statement2.declarations) {
              if (!declarator.init) continue;
              if (declarator.id.type === "Identifier" && this.isSubject(declarator.init)) {
                this.subjectNames.add(declarator.id.name);
                continue;
              }
              if (declarator.id.type === "Identifier" && this.derivedFrom(declarator.id.name, declarator.init, frame)) continue;
              this.expression(declarator.init, frame);
              if (declarator.id.type === "Identifier") this.declared(declarator.id.name, declarator.init, frame);
            }
            return "normal";
          case "BlockStatement":
            return this.statements(statement2.body, { ...frame, scope: frame.scope.child() });
          case "IfStatement": {
            this.expression(statement2.test, frame);
            const holds = this.dialect.holds(statement2.test, frame.scope);
            if (holds !== void 0 && (holds === false || statement2.alternate)) this.leftOutCode = true;
            if (holds === true) {
              const completion = this.statement(statement2.consequent, frame);
              if (completion === "exit") this.leftOutCode = true;
              return completion;
            }
            if (holds === false) return statement2.alternate ? this.statement(statement2.alternate, frame) : "normal";
            const start = this.output.operations.length;
            this.inBranch(() => this.statement(statement2.consequent, { ...frame, conditional: true }));
            const absent = this.absentTableGuard(statement2.test, frame.scope);
            if (absent) this.markCreatedIfAbsent(start, absent);
            const alternate = statement2.alternate;
            if (alternate) this.inBranch(() => this.statement(alternate, { ...frame, conditional: true }));
            return "normal";
          }
          case "TryStatement": {
            const completion = this.statements(statement2.block.body, frame);
            if (statement2.finalizer) this.statements(statement2.finalizer.body, frame);
            return completion;
          }
          case "ForStatement":
          case "ForOfStatement":
          case "ForInStatement":
          case "WhileStatement":
          case "DoWhileStatement":
            this.loop(statement2, frame);
            return "normal";
          case "SwitchStatement":
            return this.switchStatement(statement2, frame);
          case "LabeledStatement":
            return this.statement(statement2.body, frame);
          default:
            return "normal";
        }
      }
      switchStatement(statement2, frame) {
        const discriminant = statement2.discriminant;
        const generator = discriminant.type === "MemberExpression" && discriminant.property.type === "Identifier" && discriminant.property.name === "label";
        const start = generator ? void 0 : this.dialect.postgresCase(statement2, frame.scope);
        if (start !== void 0) {
          this.leftOutCode = true;
          for (const branch of start < 0 ? [] : statement2.cases.slice(start)) {
            if (this.statements(branch.consequent, frame) === "exit") break;
          }
          return "normal";
        }
        for (const branch of statement2.cases) this.statements(branch.consequent, { ...frame, conditional: frame.conditional || !generator });
        return "normal";
      }
      /** A call on the migration's context other than its subject (n8n's `runQuery(sql)`); true when handled. */
      contextCall(_chain, _node, _frame) {
        return false;
      }
      /** A hook for `const x = <init>` (TypeORM binds `await queryRunner.getTable('t')` to its name). */
      declared(_name, _init, _frame) {
      }
      loop(statement2, frame) {
        const body = statement2.body;
        const unrolled = this.unrolled(statement2, frame);
        if (unrolled) {
          for (const scope of unrolled) this.statement(body, { ...frame, scope });
          return;
        }
        const scratch = new ScriptOutput(this.output.lines, this.output.keepStatementText);
        const outer = this.output;
        this.output = scratch;
        const test = "test" in statement2 ? statement2.test : void 0;
        if (test) this.expression(test, { ...frame, conditional: true });
        this.statement(body, { ...frame, scope: frame.scope.child(), conditional: true });
        this.output = outer;
        this.output.statements += scratch.statements;
        const changesSchema2 = scratch.operations.some((operation) => !isDataStatement(operation)) || scratch.problems.length > 0;
        if (changesSchema2) {
          this.output.unanalyzed(statement2, "A loop around schema changes: what runs inside depends on run-time values and was not checked.");
        }
      }
      /**
       * One scope per iteration of a loop over an array that is constant in the
       * file (`for (const t of TABLES)`, `for (let i = 0; i < TABLES.length; i++)`),
       * or undefined when the loop is not one.
       */
      unrolled(statement2, frame) {
        if (statement2.type === "ForOfStatement" && statement2.left.type === "VariableDeclaration") {
          const elements2 = constantElements(statement2.right, frame.scope);
          const binding = statement2.left.declarations[0]?.id;
          if (!elements2 || !binding) return void 0;
          return elements2.map((element) => bindPattern(frame.scope.child(), binding, element));
        }
        if (statement2.type === "ForStatement") {
          const counter = indexedLoop(statement2, frame.scope);
          if (!counter) return void 0;
          return Array.from({ length: counter.count }, (_item, index) => {
            const scope = frame.scope.child();
            scope.bind(counter.name, { type: "NumericLiteral", value: index });
            return scope;
          });
        }
        return void 0;
      }
      expression(node, frame) {
        const expression = unwrapTypeScript(node);
        switch (expression.type) {
          case "AwaitExpression":
          case "YieldExpression":
            if (expression.argument) this.expression(expression.argument, frame);
            return;
          case "SequenceExpression":
            for (const part of expression.expressions) this.expression(part, frame);
            return;
          case "ArrayExpression":
            for (const element of expression.elements) if (element && element.type !== "SpreadElement") this.expression(element, frame);
            return;
          case "ConditionalExpression": {
            const holds = this.dialect.holds(expression.test, frame.scope);
            if (holds !== false) this.expression(expression.consequent, holds === true ? frame : { ...frame, conditional: true });
            if (holds !== true) this.expression(expression.alternate, holds === false ? frame : { ...frame, conditional: true });
            return;
          }
          case "LogicalExpression": {
            this.expression(expression.left, frame);
            const holds = this.dialect.holds(expression.left, frame.scope);
            const runs = expression.operator === "&&" ? holds : expression.operator === "||" ? holds === void 0 ? void 0 : !holds : void 0;
            if (runs !== false) this.expression(expression.right, runs === true ? frame : { ...frame, conditional: true });
            else this.leftOutCode = true;
            return;
          }
          case "UnaryExpression":
            return this.expression(expression.argument, frame);
          case "BinaryExpression":
            if (expression.left.type !== "PrivateName") this.expression(expression.left, frame);
            return this.expression(expression.right, frame);
          case "AssignmentExpression":
            return this.expression(expression.right, frame);
          // query = knex.schema.raw(…)
          case "ArrowFunctionExpression":
          case "FunctionExpression":
            return this.walkFunction(expression, frame);
          case "CallExpression":
          case "OptionalCallExpression":
          case "MemberExpression":
          case "NewExpression":
            return this.call(expression, frame);
          default:
            return;
        }
      }
      walkFunction(fn, frame) {
        const scope = frame.scope.child();
        if (fn.body.type === "BlockStatement") this.statements(fn.body.body, { ...frame, scope });
        else this.expression(fn.body, { ...frame, scope });
      }
      call(node, frame) {
        const chain = this.dealiased(flattenChain(node), frame.scope);
        const root = chain.root;
        if (root.type === "Identifier" && this.subjectNames.has(root.name)) return this.subjectChain(chain, frame);
        if (root.type === "ThisExpression" || root.type === "Identifier" && root.name === "_this") {
          const [first] = chain.links;
          if (first && this.subjectNames.has(first.name)) return this.subjectChain({ root: { type: "Identifier", name: first.name }, links: chain.links.slice(1) }, frame);
        }
        if (root.type === "Identifier" && chain.links.length > 0 && this.subjectPaths.has(`${root.name}.${chain.links[0].name}`)) {
          if (chain.links[0].args) {
            this.output.statements++;
            return this.thenCallbacks(chain.links.slice(1), frame);
          }
          return this.subjectChain({ root, links: chain.links.slice(1) }, frame);
        }
        if (root.type === "CallExpression" && root.callee.type === "Identifier" && this.subjectNames.has(root.callee.name)) {
          this.output.statements++;
          return this.thenCallbacks(chain.links, frame);
        }
        if (root.type === "Identifier" && this.derived.has(root.name)) return this.derivedCall(chain, node, frame, this.derived.get(root.name));
        if (this.contextCall(chain, node, frame)) return;
        if (root.type === "Identifier" && root.name === "Promise" && chain.links[0]?.name.startsWith("all")) {
          for (const arg of chain.links[0].args ?? []) this.expression(arg, frame);
          return this.thenCallbacks(chain.links.slice(1), frame);
        }
        if (this.constantIteration(chain, frame)) return;
        if (isCompiledAsyncHelper(node)) {
          const args = unwrapTypeScript(node).arguments;
          const body = args[args.length - 1];
          if (body && (body.type === "FunctionExpression" || body.type === "ArrowFunctionExpression")) return this.walkFunction(body, frame);
        }
        if (root.type === "CallExpression" && chain.links.some((link) => link.args) && this.subjectArgumentIndex(root) >= 0 && !this.localFunction(root)) {
          return this.derivedCall(chain, node, frame, { origin: snippet(this.source, root), readOnly: READ_ONLY_FACTORY.test(calleeName(root)) });
        }
        const subjectArgument = this.subjectArgumentIndex(node);
        const helper = this.localFunction(node, frame.scope);
        if (helper && this.helperDepth < MAX_HELPER_DEPTH) return this.followHelper(helper, unwrapTypeScript(node), subjectArgument, frame);
        if (subjectArgument < 0 || isReadOnlyHelper(node)) return;
        const imported = this.helperDepth < MAX_HELPER_DEPTH ? this.importedHelper(node) : void 0;
        if (imported) return this.followHelper(imported.fn, unwrapTypeScript(node), subjectArgument, frame, imported.module);
        this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` hands ${this.subjectLabel} to code that is not followed; what it does was not checked.`);
      }
      /**
       * A chain on a name that stands for the subject or part of it (`const { queryRunner } = context`,
       * `const schema = knex.schema`) becomes the chain on the subject itself.
       */
      dealiased(chain, scope) {
        const root = chain.root;
        if (root.type !== "Identifier" || this.subjectNames.has(root.name)) return chain;
        const bound = scope.resolve(root);
        if (!bound || bound === root || bound.type !== "MemberExpression" && bound.type !== "Identifier") return chain;
        const inner = flattenChain(bound);
        const reachesSubject = inner.root.type === "Identifier" && (this.subjectNames.has(inner.root.name) || inner.links.length > 0 && this.subjectPaths.has(`${inner.root.name}.${inner.links[0].name}`));
        return reachesSubject && inner.links.every((link) => !link.args) ? { root: inner.root, links: [...inner.links, ...chain.links] } : chain;
      }
      /**
       * A helper defined in this file, followed with its parameters standing for the
       * call's arguments (the subject, and constants such as table names). A helper
       * the file calls once, handing it only the subject (`await this.postgresUp(queryRunner)`
       * in a switch on the database), is reported where its code is. Otherwise what it
       * does is reported at the call, once per call: each operation, and one warning
       * for whatever in it could not be followed.
       */
      followHelper(helper, call, subjectIndex, frame, foreign) {
        const scope = (foreign ? foreign.scope : frame.scope).child();
        const added = [];
        helper.params.forEach((param, index) => {
          if (index === subjectIndex && param.type === "ObjectPattern") return this.destructuredContext(param, scope);
          const name = param.type === "Identifier" ? param.name : param.type === "AssignmentPattern" && param.left.type === "Identifier" ? param.left.name : void 0;
          if (name === void 0) return;
          if (index === subjectIndex) {
            if (!this.subjectNames.has(name)) added.push(name);
            this.subjectNames.add(name);
          } else {
            scope.bind(name, argumentValue(call.arguments[index], frame.scope));
          }
        });
        const scratch = new ScriptOutput(foreign ? new LineIndex(foreign.text) : this.output.lines, this.output.keepStatementText);
        const outer = this.output;
        const home = { source: this.source, program: this.program, programScope: this.programScope };
        const callText = snippet(this.source, call);
        this.output = scratch;
        if (foreign) Object.assign(this, { source: foreign.text, program: foreign.program, programScope: foreign.scope });
        this.helperDepth++;
        try {
          if (helper.body.type === "BlockStatement") this.statements(helper.body.body, { ...frame, scope });
          else this.expression(helper.body, { ...frame, scope });
        } finally {
          this.helperDepth--;
          this.output = outer;
          Object.assign(this, home);
        }
        for (const name of added) this.subjectNames.delete(name);
        const onlySubject = call.arguments.every((arg, index) => index === subjectIndex || this.isSubject(arg) || this.holdsSubject(arg));
        const inPlace = !foreign && onlySubject && this.callCount(call) === 1 && !this.followedHelpers.has(helper);
        this.followedHelpers.add(helper);
        outer.statements += scratch.statements;
        outer.directives.push(...scratch.directives);
        if (inPlace) {
          outer.operations.push(...scratch.operations);
          for (const problem of scratch.problems) outer.problem(problem);
          return;
        }
        const place = { location: outer.spanOf(call), anchorLine: frame.statementLine };
        for (const operation of scratch.operations) {
          if (foreign) {
            const { sql: _sql, sqlLocation: _sqlLocation, ...moved } = operation;
            outer.operations.push({ ...moved, ...place });
          } else outer.operations.push({ ...operation, ...place });
        }
        for (const problem of scratch.problems.filter((entry) => entry.rule === "syntax-error")) {
          outer.problem(foreign ? { ...problem, location: place.location, message: `In \`${callText}\` (${path8.basename(foreign.file)}): ${problem.message}` } : problem);
        }
        const unfollowed = scratch.problems.filter((entry) => entry.rule === "unanalyzed-code");
        if (unfollowed.length > 0) {
          const more = unfollowed.length > 1 ? ` (and ${unfollowed.length - 1} more)` : "";
          outer.unanalyzed(call, `In \`${callText}\`: ${unfollowed[0].message}${more}`);
        }
      }
      /** `TABLES.forEach((t) => …)`, `Promise.all(TABLES.map(async (t) => …))` over an array constant in the file. */
      constantIteration(chain, frame) {
        const last = chain.links[chain.links.length - 1];
        if (!last || last.name !== "forEach" && last.name !== "map" || !last.args?.[0]) return false;
        const arrayNode = chain.links.length === 1 ? chain.root : void 0;
        const elements2 = arrayNode && constantElements(arrayNode, frame.scope);
        const callback = unwrapTypeScript(last.args[0]);
        if (!elements2 || callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression") return false;
        const binding = callback.params[0];
        for (const element of elements2) {
          const scope = binding ? bindPattern(frame.scope.child(), binding, element) : frame.scope.child();
          if (callback.body.type === "BlockStatement") this.statements(callback.body.body, { ...frame, scope });
          else this.expression(callback.body, { ...frame, scope });
        }
        return true;
      }
      /**
       * `const helper = getHelpers(knex).schema`, `const inspector = createInspector(knex)`:
       * a value made from the subject by code outside this file. Calls on it are checked
       * where they are made (see derivedCall). False when `init` is not such a value.
       */
      derivedFrom(name, init, frame) {
        const value = unwrapTypeScript(init.type === "AwaitExpression" ? init.argument : init);
        const chain = flattenChain(value);
        const root = chain.root;
        if (root.type === "Identifier" && this.derived.has(root.name) && chain.links.every((link) => !link.args)) {
          this.derived.set(name, this.derived.get(root.name));
          return true;
        }
        const made = root.type === "CallExpression" || root.type === "NewExpression" ? root : void 0;
        if (!made || chain.links.some((link) => link.args)) return false;
        const callee = calleeName(made);
        const receivesSubject = made.arguments.some((arg) => this.mentionsSubject(arg));
        if (!receivesSubject || this.localFunction(made) || !(made.type === "NewExpression" || FACTORY.test(callee) || READ_ONLY_FACTORY.test(callee))) return false;
        this.derived.set(name, { origin: snippet(this.source, made), readOnly: READ_ONLY_FACTORY.test(callee) });
        void frame;
        return true;
      }
      /** A call on a value made by outside code from the subject: checked by hand, unless it only reads. */
      derivedCall(chain, node, frame, origin) {
        const called = [...chain.links].reverse().find((link) => link.args);
        if (!called) return;
        if (origin.readOnly || READ_ONLY_NAME.test(called.name)) return this.thenCallbacks(chain.links, frame);
        this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` runs code from outside this file (on \`${origin.origin}\`); what it does was not checked.`);
      }
      /** The table named by `!(await knex.schema.hasTable('t'))` or `!(await queryRunner.hasTable('t'))`, a guard that runs its branch only when the table is not there. */
      absentTableGuard(test, scope) {
        const negation = unwrapTypeScript(test);
        if (negation.type !== "UnaryExpression" || negation.operator !== "!") return void 0;
        let inner = unwrapTypeScript(negation.argument);
        if (inner.type === "AwaitExpression") inner = unwrapTypeScript(inner.argument);
        if (inner.type !== "CallExpression") return void 0;
        const chain = flattenChain(inner);
        const last = chain.links[chain.links.length - 1];
        const path19 = chain.links.slice(0, -1).map((link) => link.name).join(".");
        if (last?.name !== "hasTable" || !["", "schema"].includes(path19) || !this.isSubject(chain.root)) return void 0;
        return scope.string(last.args?.[0]);
      }
      /**
       * The guarded branch's own creation of the table is `CREATE TABLE IF NOT EXISTS`: when the
       * replayed history does not have the table, the creation runs (see schema/apply.ts).
       */
      markCreatedIfAbsent(start, table) {
        const operations = this.output.operations;
        for (let i = start; i < operations.length; i++) {
          const operation = operations[i];
          if (operation.kind !== "createTable" || operation.branch?.length !== 1) continue;
          const name = operation.table.schema === void 0 ? operation.table.name : `${operation.table.schema}.${operation.table.name}`;
          if (name !== table && operation.table.name !== table) continue;
          operations[i] = { ...operation, ifNotExists: true };
          return;
        }
      }
      /** The subject itself: a name bound to it, or a path that stands for it (`database.knex`). */
      isSubject(node) {
        const inner = unwrapTypeScript(node);
        if (inner.type === "Identifier") return this.subjectNames.has(inner.name);
        return inner.type === "MemberExpression" && !inner.computed && inner.object.type === "Identifier" && inner.property.type === "Identifier" && this.subjectPaths.has(`${inner.object.name}.${inner.property.name}`);
      }
      /** The subject, or an object that holds it (botpress's `bp`, whose `bp.database` is Knex). */
      holdsSubject(node) {
        const inner = unwrapTypeScript(node);
        return this.isSubject(inner) || inner.type === "Identifier" && [...this.subjectPaths].some((path19) => path19.startsWith(`${inner.name}.`));
      }
      mentionsSubject(arg) {
        const inner = unwrapTypeScript(arg);
        if (inner.type === "Identifier" || inner.type === "MemberExpression") return this.holdsSubject(inner);
        if (inner.type === "ObjectExpression") {
          return inner.properties.some((property) => property.type === "ObjectProperty" && this.mentionsSubject(property.value));
        }
        return false;
      }
      thenCallbacks(links, frame) {
        for (const link of links) {
          if (link.name === "then" || link.name === "catch" || link.name === "finally") {
            for (const arg of link.args ?? []) this.expression(arg, frame);
          }
        }
      }
      /**
       * SQL in a string argument goes through the SQL front-end. `${…}` values not known
       * statically become placeholders; when the SQL then does not parse, the call is
       * reported as not analysed rather than as the author's syntax error.
       */
      embeddedSql(sqlArg, frame, prepare = (sql) => sql) {
        const resolved = frame.scope.resolve(sqlArg);
        if (resolved?.type === "ConditionalExpression") {
          const holds = this.dialect.holds(resolved.test, frame.scope);
          if (holds !== false) this.embeddedSql(resolved.consequent, holds === true ? frame : { ...frame, conditional: true }, prepare);
          if (holds !== true) this.embeddedSql(resolved.alternate, holds === false ? frame : { ...frame, conditional: true }, prepare);
          return;
        }
        const sql = mappedText(sqlArg, frame.scope, this.source, (expression) => this.placeholder(expression, frame.scope));
        if (!sql) {
          const why = frame.scope.isTooLarge(sqlArg) ? `is a constant over ${MAX_STATIC_VALUE_SIZE.toLocaleString("en")} characters long` : "is built at run time";
          this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` ${why}; it was not checked.`);
          return;
        }
        const analysis = analyzeEmbeddedSql(prepare(sql), this.output.lines, frame.statementLine, this.output.keepStatementText);
        if (analysis.problems.length > 0 && usesPlaceholders(sqlArg, frame.scope)) {
          this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` interpolates values known only at run time and could not be parsed with placeholders; it was not checked.`);
          return;
        }
        if (analysis.problems.length > 0 && frame.conditional) {
          this.output.unanalyzed(sqlArg, `The SQL \`${snippet(this.source, sqlArg)}\` runs only under a condition and PostgreSQL cannot parse it (is it for another database?); it was not checked.`);
          return;
        }
        this.output.addSql(analysis, frame.conditional);
      }
      /** What stands in SQL for a `${…}` that is not a constant (a front-end may know better, e.g. n8n's `escape`). */
      placeholder(expression, scope) {
        const inner = scope.resolve(expression) ?? unwrapTypeScript(expression);
        if (inner.type === "ConditionalExpression") {
          const holds = this.dialect.holds(inner.test, scope);
          const chosen = holds === true ? scope.value(inner.consequent) : holds === false ? scope.value(inner.alternate) : void 0;
          if (typeof chosen === "string") return chosen;
        }
        const name = placeholderFor(expression, this.source, scope);
        this.runtimeNames.add(name);
        return name;
      }
      push(operation) {
        this.output.operations.push(operation);
      }
      /** How many calls in the file name the function this call names. */
      callCount(call) {
        const name = calledName(call);
        if (name === void 0) return 0;
        if (!this.callCounts) {
          const counts = /* @__PURE__ */ new Map();
          countCalls(this.program, counts);
          this.callCounts = counts;
        }
        return this.callCounts.get(name) ?? 0;
      }
      /** A function the migration imports from the project's own modules, found in its module. */
      importedHelper(node) {
        const call = unwrapTypeScript(node);
        if (call.type !== "CallExpression" || call.callee.type !== "Identifier" || this.filePath === void 0 || this.program !== this.homeProgram) return void 0;
        const found = importedFunction(this.program, this.filePath, call.callee.name);
        for (const file of found?.files ?? []) this.readFiles.add(file);
        return found;
      }
      /** A function defined in this file: `helper(…)` (also a constant of `up`), or a method of the migration class, `this.helper(…)`. */
      localFunction(node, scope = this.programScope) {
        const call = unwrapTypeScript(node);
        if (call.type !== "CallExpression") return void 0;
        if (call.callee.type === "Identifier") return functionOf(call.callee, this.program, scope);
        const callee = call.callee;
        if (callee.type === "MemberExpression" && (callee.object.type === "ThisExpression" || callee.object.type === "Identifier" && callee.object.name === "_this")) {
          const name = callee.property.type === "Identifier" ? callee.property.name : void 0;
          return name ? classMethod(this.program, name) : void 0;
        }
        return void 0;
      }
      subjectArgumentIndex(node) {
        const call = unwrapTypeScript(node);
        if (call.type !== "CallExpression" && call.type !== "NewExpression") return -1;
        const subject = call.arguments.findIndex((arg) => this.isSubject(arg));
        return subject >= 0 ? subject : call.arguments.findIndex((arg) => this.holdsSubject(arg));
      }
    };
    MAX_SPREAD_DEPTH = 8;
  }
});

// src/frontends/knex/column-builders.ts
function withoutTimeZone(option) {
  if (option === true) return true;
  return typeof option === "object" && option !== null && option.useTz === false;
}
function enumType(options) {
  const native = options;
  return native?.useNative && native.enumName ? type(native.enumName) : type("text");
}
function buildColumns(links, scope, knexNames) {
  const [head, ...modifiers] = links;
  const args = (head.args ?? []).map((arg) => scope.value(arg));
  if (head.name === "timestamps") return timestampColumns(args, modifiers);
  const name = args[0] ?? (head.name.endsWith("ncrements") ? "id" : void 0);
  if (typeof name !== "string") return void 0;
  const column = {
    definition: {
      name,
      type: COLUMN_TYPES[head.name](args),
      notNull: false,
      primaryKey: false,
      unique: false,
      hasCheck: false
    },
    checks: []
  };
  if (head.name === "increments" || head.name === "bigIncrements") {
    const options = args[1];
    column.definition.notNull = true;
    column.definition.primaryKey = options?.primaryKey !== false;
  }
  if ((head.name === "enu" || head.name === "enum") && !args[2]?.useNative) {
    column.definition.hasCheck = true;
  }
  for (const modifier of modifiers) applyModifier(column, modifier, scope, knexNames);
  return [column];
}
function applyModifier(column, modifier, scope, knexNames) {
  const { definition } = column;
  const args = modifier.args ?? [];
  const firstValue = scope.value(args[0]);
  switch (modifier.name) {
    case "notNullable":
    case "notNull":
      definition.notNull = true;
      break;
    case "nullable":
      definition.notNull = false;
      break;
    case "defaultTo":
    case "defaultsTo":
    // Knex's aliases of defaultTo
    case "default":
      definition.default = defaultOf(args[0], scope, knexNames);
      break;
    case "primary":
      definition.primaryKey = true;
      definition.notNull = true;
      break;
    case "unique": {
      const options = firstValue;
      if (options?.useConstraint === false) column.uniqueAsIndex = true;
      else definition.unique = true;
      break;
    }
    case "index":
      column.index = { name: typeof firstValue === "string" ? firstValue : void 0 };
      break;
    case "references":
      definition.references = referenceOf(firstValue, definition.references);
      break;
    case "inTable":
      if (typeof firstValue === "string") definition.references = { table: tableNameOf(firstValue), columns: definition.references?.columns ?? [] };
      break;
    case "alter": {
      const options = firstValue;
      column.alter = { type: options?.alterType !== false, nullable: options?.alterNullable !== false };
      break;
    }
    default:
      if (/^check[A-Z]/.test(modifier.name)) {
        definition.hasCheck = true;
        column.checks.push(modifier.name);
      }
  }
}
function referenceOf(value, current) {
  if (typeof value !== "string") return current;
  const dot = value.lastIndexOf(".");
  if (dot < 0) return { table: current?.table ?? { name: "" }, columns: [value] };
  return { table: tableNameOf(value.slice(0, dot)), columns: [value.slice(dot + 1)] };
}
function tableNameOf(qualified) {
  const dot = qualified.indexOf(".");
  return dot < 0 ? { name: qualified } : { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}
function defaultOf(node, scope, knexNames) {
  if (!node) return void 0;
  const value = scope.value(node);
  if (value === null) return void 0;
  if (value !== void 0) return { kind: "constant", sql: sqlLiteral(value) };
  const chain = flattenChain(node);
  const root = chain.root.type === "Identifier" ? chain.root.name : void 0;
  if (root && knexNames.has(root)) {
    const names = chain.links.map((link) => link.name).join(".");
    if (names === "fn.now") return { kind: "stable", functionName: "now", sql: "CURRENT_TIMESTAMP" };
    if (names === "fn.uuid") return { kind: "volatile", functionName: "gen_random_uuid", sql: "gen_random_uuid()" };
    if (names === "raw") {
      const sql = scope.string(chain.links[0].args?.[0]);
      return sql === void 0 ? { kind: "unknown" } : sqlDefault(sql);
    }
  }
  return { kind: "constant" };
}
function sqlLiteral(value) {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "object" && value !== null) return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
  return void 0;
}
function timestampColumns(args, modifiers) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : void 0;
  const defaultToNow = options ? options.defaultToNow === true : args[1] === true;
  const camelCase = options ? options.useCamelCase === true : args[2] === true;
  const names = camelCase ? ["createdAt", "updatedAt"] : ["created_at", "updated_at"];
  return names.map((name) => ({
    definition: {
      name,
      type: type("timestamptz"),
      notNull: defaultToNow,
      default: defaultToNow ? { kind: "stable", functionName: "now", sql: "CURRENT_TIMESTAMP" } : void 0,
      primaryKey: false,
      unique: false,
      hasCheck: false
    },
    checks: [],
    alter: modifiers.some((modifier) => modifier.name === "alter") ? { type: true, nullable: true } : void 0
  }));
}
var type, COLUMN_TYPES, isColumnMethod;
var init_column_builders = __esm({
  "src/frontends/knex/column-builders.ts"() {
    "use strict";
    init_chains();
    init_fragments();
    type = (name, modifiers = []) => ({ name, modifiers, isArray: false });
    COLUMN_TYPES = {
      increments: () => type("serial"),
      bigIncrements: () => type("bigserial"),
      integer: () => type("int4"),
      mediumint: () => type("int4"),
      bigInteger: () => type("int8"),
      bigint: () => type("int8"),
      tinyint: () => type("int2"),
      smallint: () => type("int2"),
      text: () => type("text"),
      string: (args) => type("varchar", [typeof args[1] === "number" ? args[1] : 255]),
      float: () => type("float4"),
      double: () => type("float8"),
      decimal: (args) => type("numeric", [args[1], args[2]].filter((value) => typeof value === "number")),
      boolean: () => type("bool"),
      date: () => type("date"),
      datetime: (args) => type(withoutTimeZone(args[1]) ? "timestamp" : "timestamptz"),
      dateTime: (args) => type(withoutTimeZone(args[1]) ? "timestamp" : "timestamptz"),
      timestamp: (args) => type(withoutTimeZone(args[1]) ? "timestamp" : "timestamptz"),
      time: () => type("time"),
      binary: () => type("bytea"),
      json: () => type("json"),
      jsonb: () => type("jsonb"),
      uuid: () => type("uuid"),
      enu: (args) => enumType(args[2]),
      enum: (args) => enumType(args[2]),
      geometry: () => type("geometry"),
      geography: () => type("geography"),
      point: () => type("point"),
      specificType: (args) => typeof args[1] === "string" ? parseTypeName(args[1]) : void 0
    };
    isColumnMethod = (name) => name in COLUMN_TYPES || name === "timestamps";
  }
});

// src/frontends/knex/table-builder.ts
function readTableCallback(callback, context) {
  const definition = { columns: [], constraints: [], operations: [] };
  const fn = callback && (context.scope.resolve(callback) ?? unwrapTypeScript(callback));
  if (!fn || fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") {
    if (callback) context.output.unanalyzed(callback, `Table callback \`${snippet(context.source, callback)}\` is not a function in this file; its columns were not checked.`);
    return definition;
  }
  const param = fn.params[0];
  if (!param || param.type !== "Identifier") return definition;
  const reader = new CallbackReader(param.name, context, definition);
  if (fn.body.type === "BlockStatement") reader.statements(fn.body.body, context.conditional);
  else reader.expression(fn.body, context.conditional, fn.body);
  return definition;
}
function constantArray(node, scope) {
  const array = scope.resolve(node);
  if (array?.type !== "ArrayExpression" || array.elements.some((element) => element === null || element.type === "SpreadElement")) return void 0;
  return array.elements;
}
function columnList(value) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  return [];
}
function optionName(value, key) {
  if (typeof value === "string") return value;
  const named = typeof value === "object" && value !== null ? value[key] : void 0;
  return typeof named === "string" ? named : void 0;
}
function checkExpression(predicate, bindings) {
  if (typeof predicate !== "string") return void 0;
  const values = Array.isArray(bindings) ? bindings : [];
  let index = 0;
  let known = true;
  const sql = predicate.replace(/\?\??/g, (marker) => {
    const value = values[index++];
    if (marker === "??" && typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
    known = false;
    return marker;
  });
  return known ? sql : void 0;
}
function foreignTarget(links, scope) {
  let table = { name: "" };
  let columns = [];
  for (const link of links) {
    const value = scope.value(link.args?.[0]);
    if (link.name === "references" && typeof value === "string") {
      const dot = value.lastIndexOf(".");
      if (dot >= 0) table = tableNameOf(value.slice(0, dot));
      columns = [dot >= 0 ? value.slice(dot + 1) : value];
    } else if (link.name === "references" && Array.isArray(value)) {
      columns = value.filter((item) => typeof item === "string");
    } else if (link.name === "inTable" && typeof value === "string") {
      table = tableNameOf(value);
    }
  }
  return { table, columns };
}
function defaultName(table, columns, kind) {
  return `${table.name}_${columns.join("_")}_${kind}`.toLowerCase().replace(/[-.]/g, "_");
}
function caseBody(consequent) {
  const flat = consequent.length === 1 && consequent[0].type === "BlockStatement" ? consequent[0].body : consequent;
  const end = flat.findIndex((statement2) => statement2.type === "BreakStatement" || statement2.type === "ReturnStatement" || statement2.type === "ThrowStatement");
  return end < 0 ? { body: flat, exits: false } : { body: flat.slice(0, end + 1), exits: true };
}
var CallbackReader, NOT_NULL_CHECK, COLUMN_CHECKS;
var init_table_builder = __esm({
  "src/frontends/knex/table-builder.ts"() {
    "use strict";
    init_chains();
    init_script_output();
    init_static_values();
    init_column_builders();
    CallbackReader = class _CallbackReader {
      constructor(tableParam, context, definition) {
        this.tableParam = tableParam;
        this.context = context;
        this.definition = definition;
      }
      tableParam;
      context;
      definition;
      statements(statements, conditional) {
        for (const statement2 of statements) this.statement(statement2, conditional);
      }
      statement(statement2, conditional) {
        switch (statement2.type) {
          case "ExpressionStatement":
            this.expression(statement2.expression, conditional, statement2);
            break;
          case "BlockStatement":
            this.statements(statement2.body, conditional);
            break;
          case "IfStatement": {
            const holds = this.context.dialect.holds(statement2.test, this.context.scope);
            if (holds !== false) this.statement(statement2.consequent, holds === true ? conditional : true);
            if (statement2.alternate && holds !== true) this.statement(statement2.alternate, holds === false ? conditional : true);
            break;
          }
          case "ForStatement":
          case "ForOfStatement":
          case "ForInStatement":
          case "WhileStatement":
          case "DoWhileStatement": {
            const elements2 = statement2.type === "ForOfStatement" && statement2.left.type === "VariableDeclaration" ? constantArray(statement2.right, this.context.scope) : void 0;
            const binding = statement2.type === "ForOfStatement" && statement2.left.type === "VariableDeclaration" ? statement2.left.declarations[0]?.id : void 0;
            if (elements2 && binding && (binding.type === "Identifier" || binding.type === "ObjectPattern")) {
              for (const element of elements2) {
                const scope = this.context.scope.child();
                if (binding.type === "Identifier") scope.bind(binding.name, element);
                else scope.bindPattern(binding, element);
                new _CallbackReader(this.tableParam, { ...this.context, scope }, this.definition).statement(statement2.body, conditional);
              }
            } else if (this.mentionsTable(statement2)) {
              this.context.output.unanalyzed(statement2, "A loop over table builder calls: what it adds depends on run-time values and was not checked.");
            }
            break;
          }
          case "SwitchStatement": {
            const start = this.context.dialect.postgresCase(statement2, this.context.scope);
            if (start === void 0) {
              for (const branch of statement2.cases) this.statements(caseBody(branch.consequent).body, true);
              break;
            }
            for (const branch of start < 0 ? [] : statement2.cases.slice(start)) {
              const { body, exits } = caseBody(branch.consequent);
              this.statements(body, conditional);
              if (exits) break;
            }
            break;
          }
          case "TryStatement":
            this.statements(statement2.block.body, conditional);
            if (statement2.finalizer) this.statements(statement2.finalizer.body, conditional);
            break;
          case "ReturnStatement":
            if (statement2.argument) this.expression(statement2.argument, conditional, statement2);
            break;
          default:
            break;
        }
      }
      expression(node, conditional, statement2) {
        const expression = unwrapTypeScript(node.type === "AwaitExpression" ? node.argument : node);
        if (expression.type === "SequenceExpression") {
          for (const part of expression.expressions) this.expression(part, conditional, statement2);
          return;
        }
        const chain = flattenChain(expression);
        if (chain.root.type !== "Identifier" || chain.root.name !== this.tableParam || chain.links.length === 0) {
          if (this.mentionsTable(expression)) {
            this.context.output.unanalyzed(expression, `\`${snippet(this.context.source, expression)}\` passes the table builder to code that is not followed; what it does was not checked.`);
          }
          return;
        }
        const place = {
          location: this.context.output.spanOf(expression),
          anchorLine: this.context.anchorLine,
          ...conditional ? { conditional } : {}
        };
        if (isColumnMethod(chain.links[0].name)) this.column(chain.links, place, expression);
        else this.tableMethod(chain.links[0], chain.links.slice(1), place, expression);
      }
      column(links, place, node) {
        const columns = buildColumns(links, this.context.scope, this.context.knexNames);
        if (!columns) {
          this.context.output.unanalyzed(node, `The column name in \`${snippet(this.context.source, node)}\` is not a constant migralint can read in this file or the modules it imports; the column was not checked.`);
          return;
        }
        for (const column of columns) {
          if (this.context.mode === "create") this.createColumn(column, place);
          else this.alterColumn(column, place);
        }
      }
      createColumn(column, place) {
        this.definition.columns.push({ ...column.definition, ...this.constraintNames(column.definition), location: place.location });
        this.followingIndexes(column, place);
      }
      alterColumn(column, place) {
        const { table } = this.context;
        const { definition } = column;
        const push = (operation) => this.definition.operations.push(operation);
        if (column.alter) {
          if (column.alter.type) push({ kind: "alterColumnType", ...place, table, column: definition.name, newType: definition.type });
          if (column.alter.nullable) {
            push({ kind: definition.notNull ? "setNotNull" : "dropNotNull", ...place, table, column: definition.name });
          }
          if (definition.default) push({ kind: "setDefault", ...place, table, column: definition.name, default: definition.default });
          this.alteredColumnKeys(column, place);
          return;
        }
        const { references, ...added } = definition;
        push({ kind: "addColumn", ...place, table, column: { ...added, ...this.constraintNames(added) }, ifNotExists: false, identifiers: [definition.name] });
        if (references) {
          const name = defaultName(table, [definition.name], "foreign");
          push({ kind: "addConstraint", ...place, table, constraint: { kind: "foreignKey", name, columns: [definition.name], notValid: false, references }, identifiers: [name] });
        }
        for (const check of column.checks) {
          push({ kind: "addConstraint", ...place, table, constraint: { kind: "check", name: `${table.name}_${definition.name}_${check}`, columns: [definition.name], notValid: false, expression: COLUMN_CHECKS[check]?.(definition.name) } });
        }
        this.followingIndexes(column, place);
      }
      /**
       * A column's `.primary()`, `.unique()`, `.index()` and `.references()` call the
       * table's own methods, `alter()` or not: on a column that is re-stated they
       * still add the key, the constraint or the index.
       */
      alteredColumnKeys(column, place) {
        const { table } = this.context;
        const { definition } = column;
        const columns = [definition.name];
        const add = (constraint) => this.definition.operations.push({ kind: "addConstraint", ...place, table, constraint, identifiers: constraint.name ? [constraint.name] : [] });
        if (definition.primaryKey) add({ kind: "primaryKey", name: `${table.name}_pkey`, columns, notValid: false });
        if (definition.unique) add({ kind: "unique", name: defaultName(table, columns, "unique"), columns, notValid: false });
        if (definition.references) add({ kind: "foreignKey", name: defaultName(table, columns, "foreign"), columns, notValid: false, references: definition.references });
        this.followingIndexes(column, place);
      }
      /** Knex names a column's constraints itself: `users_email_unique`, `posts_user_id_foreign`. */
      constraintNames(definition) {
        const { table } = this.context;
        const names = {
          ...definition.unique ? { unique: defaultName(table, [definition.name], "unique") } : {},
          ...definition.references ? { foreignKey: defaultName(table, [definition.name], "foreign") } : {}
        };
        return Object.keys(names).length > 0 ? { constraintNames: names } : {};
      }
      followingIndexes(column, place) {
        const name = column.definition.name;
        if (column.index) this.index([name], column.index.name, false, place);
        if (column.uniqueAsIndex) this.index([name], void 0, true, place);
      }
      index(columns, name, unique, place) {
        const indexName = name ?? defaultName(this.context.table, columns, unique ? "unique" : "index");
        this.definition.operations.push({
          kind: "createIndex",
          ...place,
          table: this.context.table,
          name: indexName,
          columns,
          unique,
          concurrently: false,
          ifNotExists: false,
          identifiers: [indexName]
        });
      }
      /** Table-level builder methods, as Knex's PostgreSQL table compiler emits them. */
      tableMethod(head, rest, place, node) {
        const { table, scope } = this.context;
        const values = (head.args ?? []).map((arg) => scope.value(arg));
        const columns = columnList(values[0]);
        const push = (operation) => this.definition.operations.push(operation);
        const constraint = (definition) => {
          if (this.context.mode === "create") this.definition.constraints.push(definition);
          else push({ kind: "addConstraint", ...place, table, constraint: definition, identifiers: definition.name ? [definition.name] : [] });
        };
        const unknownArguments = () => this.context.output.unanalyzed(node, `\`${snippet(this.context.source, node)}\` names columns that are not constants in this file; it was not checked.`);
        switch (head.name) {
          case "dropColumn":
          case "dropColumns": {
            const names = values.flatMap(columnList);
            if (names.length === 0 || values.some((value) => columnList(value).length === 0)) return unknownArguments();
            for (const column of names) push({ kind: "dropColumn", ...place, table, column, ifExists: false });
            return;
          }
          case "dropTimestamps":
            for (const column of ["created_at", "updated_at"]) push({ kind: "dropColumn", ...place, table, column, ifExists: false });
            return;
          case "renameColumn":
            if (typeof values[0] !== "string" || typeof values[1] !== "string") return unknownArguments();
            push({ kind: "renameColumn", ...place, table, column: values[0], newName: values[1] });
            return;
          case "setNullable":
          case "dropNullable":
            if (typeof values[0] !== "string") return unknownArguments();
            push({ kind: head.name === "dropNullable" ? "setNotNull" : "dropNotNull", ...place, table, column: values[0] });
            return;
          case "index":
            if (columns.length === 0) return unknownArguments();
            return this.index(columns, optionName(values[1], "indexName"), false, place);
          case "unique": {
            if (columns.length === 0) return unknownArguments();
            const options = values[1];
            const name = optionName(options, "indexName") ?? defaultName(table, columns, "unique");
            if (typeof options === "object" && options.useConstraint === false) return this.index(columns, name, true, place);
            return constraint({ kind: "unique", name, columns, notValid: false });
          }
          case "primary":
            if (columns.length === 0) return unknownArguments();
            return constraint({ kind: "primaryKey", name: optionName(values[1], "constraintName") ?? `${table.name}_pkey`, columns, notValid: false });
          case "foreign": {
            if (columns.length === 0) return unknownArguments();
            const target = foreignTarget(rest, scope);
            return constraint({
              kind: "foreignKey",
              name: typeof values[1] === "string" ? values[1] : defaultName(table, columns, "foreign"),
              columns,
              notValid: false,
              references: target
            });
          }
          case "check": {
            const expression = checkExpression(values[0], values[1]);
            const match = expression === void 0 ? null : NOT_NULL_CHECK.exec(expression);
            const notNull = match ? match[1]?.replace(/""/g, '"') ?? match[2].toLowerCase() : void 0;
            return constraint({ kind: "check", name: typeof values[2] === "string" ? values[2] : void 0, columns: [], notValid: false, expression, ...notNull ? { checksNotNullOf: notNull, expressionColumns: [notNull] } : {} });
          }
          case "dropIndex": {
            const name = typeof values[1] === "string" ? values[1] : columns.length > 0 ? defaultName(table, columns, "index") : void 0;
            if (!name) return unknownArguments();
            push({ kind: "dropIndex", ...place, names: [{ schema: table.schema, name }], concurrently: false, ifExists: false });
            return;
          }
          case "dropUnique":
          case "dropForeign":
          case "dropPrimary":
          case "dropChecks": {
            const suffix = { dropUnique: "unique", dropForeign: "foreign", dropPrimary: "pkey", dropChecks: "check" }[head.name];
            const name = head.name === "dropPrimary" ? typeof values[0] === "string" ? values[0] : `${table.name}_pkey` : typeof values[1] === "string" ? values[1] : columns.length > 0 ? defaultName(table, columns, suffix) : void 0;
            if (!name) return unknownArguments();
            push({ kind: "dropConstraint", ...place, table, name, ifExists: false });
            return;
          }
          default:
            return;
        }
      }
      mentionsTable(node) {
        const text = this.context.source.slice(node.start ?? 0, node.end ?? 0);
        return new RegExp(`\\b${this.tableParam}\\b`).test(text);
      }
    };
    NOT_NULL_CHECK = /^\s*(?:"((?:[^"]|"")+)"|(\w+))\s+IS\s+NOT\s+NULL\s*$/i;
    COLUMN_CHECKS = {
      checkPositive: (column) => `"${column}" > 0`,
      checkNegative: (column) => `"${column}" < 0`
    };
  }
});

// src/frontends/knex/up-walker.ts
function bindingExpression(node, key) {
  const inner = node && unwrapTypeScript(node);
  if (inner?.type === "ArrayExpression" && typeof key === "number") {
    const element = inner.elements[key];
    return element && element.type !== "SpreadElement" ? element : void 0;
  }
  if (inner?.type === "ObjectExpression" && typeof key === "string") {
    const property = inner.properties.find((candidate) => candidate.type === "ObjectProperty" && propertyName(candidate.key) === key);
    return property?.type === "ObjectProperty" ? property.value : void 0;
  }
  return void 0;
}
function bindingsOf(node, scope) {
  if (!node) return void 0;
  const inner = unwrapTypeScript(node);
  if (inner.type === "ObjectExpression") {
    const names = inner.properties.flatMap((property) => {
      if (property.type !== "ObjectProperty" && property.type !== "ObjectMethod") return [];
      const name = propertyName(property.key);
      return name ? [name] : [];
    });
    const values2 = scope.value(inner);
    return { kind: "object", names, values: values2 };
  }
  if (inner.type === "ArrayExpression") {
    return { kind: "array", values: inner.elements.map((element) => element ? scope.value(element) : void 0) };
  }
  const values = scope.value(inner);
  return { kind: "array", values: Array.isArray(values) ? values : void 0 };
}
var QUIET_SCHEMA_METHODS, GUARDS, TABLE_METHODS, QUERY_METHODS, KnexUpWalker;
var init_up_walker = __esm({
  "src/frontends/knex/up-walker.ts"() {
    "use strict";
    init_embedded_sql();
    init_migration_walker();
    init_script_output();
    init_static_values();
    init_column_builders();
    init_table_builder();
    QUIET_SCHEMA_METHODS = /* @__PURE__ */ new Set(["transacting", "debug", "queryContext", "toString", "toSQL", "connection", "generateDdlCommands"]);
    GUARDS = /* @__PURE__ */ new Set(["hasTable", "hasColumn"]);
    TABLE_METHODS = /* @__PURE__ */ new Set(["createTable", "createTableIfNotExists", "table", "alterTable", "dropTable", "dropTableIfExists", "renameTable"]);
    QUERY_METHODS = /* @__PURE__ */ new Set([
      "select",
      "from",
      "table",
      "into",
      "insert",
      "update",
      "del",
      "delete",
      "where",
      "whereIn",
      "whereNotIn",
      "whereNull",
      "whereNotNull",
      "first",
      "pluck",
      "count",
      "max",
      "min",
      "sum",
      "avg",
      "distinct",
      "join",
      "leftJoin",
      "with",
      "withRecursive",
      "union",
      "orderBy",
      "returning",
      "onConflict",
      "upsert",
      "increment",
      "decrement",
      "truncate",
      "batchInsert",
      "queryBuilder",
      "fn",
      "ref",
      "client",
      "transacting",
      "userParams",
      "withUserParams",
      "isTransaction",
      "isCompleted",
      "commit",
      "rollback",
      "destroy",
      "initialize",
      "context"
    ]);
    KnexUpWalker = class extends MigrationWalker {
      subjectLabel = "the knex object";
      /** botpress: `up({ bp, database })`, with Knex as `bp.database` (modules) and `database.knex` (core). */
      destructuredContext(pattern) {
        for (const property of pattern.properties) {
          if (property.type !== "ObjectProperty" || property.value.type !== "Identifier") continue;
          const key = propertyName(property.key);
          if (key === "bp") this.subjectPaths.add(`${property.value.name}.database`);
          if (key === "database") this.subjectPaths.add(`${property.value.name}.knex`);
          if (key === "knex") this.subjectNames.add(property.value.name);
        }
      }
      subjectChain(chain, frame) {
        const [first, ...rest] = chain.links;
        if (!first) return;
        if (first.name === "raw") {
          this.raw(first, frame);
          return this.thenCallbacks(rest, frame);
        }
        if (first.name === "schema") return this.schemaChain(rest, frame);
        if (first.name === "createTableIfNotExists") return this.schemaChain(chain.links, frame);
        if (first.name === "transaction") {
          const callback = first.args?.[0] && unwrapTypeScript(first.args[0]);
          if (callback && (callback.type === "ArrowFunctionExpression" || callback.type === "FunctionExpression")) {
            const param = callback.params[0];
            if (param?.type === "Identifier") this.subjectNames.add(param.name);
            this.walkFunction(callback, frame);
          }
          return;
        }
        if (QUERY_METHODS.has(first.name) || !first.args) {
          if (first.args) this.output.statements++;
          return this.thenCallbacks(rest, frame);
        }
        const call = { start: chain.root.start, end: chain.links[chain.links.length - 1].end };
        this.output.unanalyzed(call, `\`${snippet(this.source, call)}\` is not a Knex call migralint reads; what it does was not checked.`);
      }
      schemaChain(links, frame) {
        let schema;
        let guarded2 = false;
        for (const link of links) {
          const place = { location: this.output.span(link.start, link.end), anchorLine: frame.statementLine, ...frame.conditional ? { conditional: true } : {} };
          const args = link.args ?? [];
          const table = (index) => {
            const name = frame.scope.string(args[index]);
            if (name === void 0) return void 0;
            const parsed = tableNameOf(name);
            return schema && !parsed.schema ? { schema, name: parsed.name } : parsed;
          };
          const unknownTable = (index) => this.output.unanalyzed(args[index] ?? { start: link.start, end: link.end }, `The table name \`${args[index] ? snippet(this.source, args[index]) : "?"}\` is not a constant migralint can read in this file or the modules it imports; this ${link.name}() was not checked.`);
          if (GUARDS.has(link.name)) {
            guarded2 = true;
            continue;
          }
          if (TABLE_METHODS.has(link.name)) {
            const name = table(0);
            if (!name) unknownTable(0);
            else this.tableMethod(link, name, place, frame, unknownTable);
            continue;
          }
          switch (link.name) {
            case "withSchema": {
              schema = frame.scope.string(args[0]);
              if (schema === void 0) unknownTable(0);
              continue;
            }
            case "raw":
              this.raw(link, frame);
              continue;
            case "then":
            case "catch":
            case "finally":
              for (const arg of args) this.expression(arg, { ...frame, conditional: frame.conditional || guarded2 });
              continue;
            default:
              if (!QUIET_SCHEMA_METHODS.has(link.name)) {
                this.output.statements++;
                this.push({ kind: "other", ...place, statement: `knex.schema.${link.name}` });
              }
          }
        }
      }
      /** A `knex.schema` method on a table whose name is known. */
      tableMethod(link, name, place, frame, unknownTable) {
        const args = link.args ?? [];
        switch (link.name) {
          case "createTable":
          case "createTableIfNotExists": {
            const definition = readTableCallback(args[1], this.builderContext(name, "create", frame));
            this.push({
              kind: "createTable",
              ...place,
              table: name,
              columns: definition.columns,
              constraints: definition.constraints,
              ifNotExists: link.name === "createTableIfNotExists",
              identifiers: [name.name, ...definition.columns.map((column) => column.name)]
            });
            for (const operation of definition.operations) this.push({ ...operation, withTableCreation: true });
            break;
          }
          case "table":
          case "alterTable":
            for (const operation of readTableCallback(args[1], this.builderContext(name, "alter", frame)).operations) this.push(operation);
            break;
          case "dropTable":
          case "dropTableIfExists":
            this.push({ kind: "dropTable", ...place, tables: [name], ifExists: link.name === "dropTableIfExists", cascade: false });
            break;
          case "renameTable": {
            const to = frame.scope.string(args[1]);
            if (to === void 0) return unknownTable(1);
            this.push({ kind: "renameTable", ...place, table: name, newName: to, identifiers: [to] });
            break;
          }
        }
        this.output.statements++;
      }
      /**
       * An identifier binding whose value is not known (`knex.raw('ALTER TABLE ??', [table])`): named after its
       * expression, and, like a `${…}` in a template, an object known only at run time.
       */
      bindingPlaceholder(bindingsArg, key, frame) {
        const expression = bindingExpression(bindingsArg, key);
        if (expression) return this.placeholder(expression, frame.scope);
        const name = `binding_${typeof key === "number" ? key + 1 : key}`;
        this.runtimeNames.add(name);
        return name;
      }
      /** `knex.raw(sql, bindings)` and `knex.schema.raw(sql)`: the SQL goes through the SQL front-end. */
      raw(link, frame) {
        const [sqlArg, bindingsArg] = link.args ?? [];
        if (!sqlArg) return;
        const bindings = bindingsOf(bindingsArg, frame.scope);
        if (bindings) bindings.unknownIdentifier = (key) => this.bindingPlaceholder(bindingsArg, key, frame);
        this.embeddedSql(sqlArg, frame, (sql) => substituteKnexBindings(sql, bindings));
      }
      builderContext(table, mode, frame) {
        return {
          table,
          mode,
          scope: frame.scope,
          knexNames: this.subjectNames,
          output: this.output,
          source: this.source,
          conditional: frame.conditional,
          anchorLine: frame.statementLine,
          dialect: this.dialect
        };
      }
    };
  }
});

// src/frontends/knex/index.ts
var knex_exports = {};
__export(knex_exports, {
  analyzeKnexFile: () => analyzeKnexFile
});
function analyzeKnexFile(text, filePath, options) {
  return analyzeScript(KNEX, text, filePath, !options.transactionsDisabled, options.keepStatementText);
}
var KNEX;
var init_knex = __esm({
  "src/frontends/knex/index.ts"() {
    "use strict";
    init_analyze_script();
    init_find_migration();
    init_up_walker();
    KNEX = {
      name: "knex",
      findMigration: findKnexMigration,
      noMigration: "no exported up() migration function",
      subjectLabel: "the knex object",
      defaultSubject: "knex",
      createWalker: (subject, output, source, program, scope) => new KnexUpWalker(subject, output, source, program, scope)
    };
  }
});

// src/frontends/knex/knexfile.ts
var knexfile_exports = {};
__export(knexfile_exports, {
  forgetKnexfiles: () => forgetKnexfiles,
  knexfileDisablesTransactions: () => knexfileDisablesTransactions,
  knexfileSettings: () => knexfileSettings
});
function knexfileDisablesTransactions(migrationPath) {
  return knexfileSettings(migrationPath).disablesTransactions;
}
function knexfileSettings(migrationPath) {
  const visited = [];
  const answer = (settings) => {
    for (const dir of visited) cache.set(dir, settings);
    return settings;
  };
  for (let dir = path9.dirname(path9.resolve(migrationPath)); ; dir = path9.dirname(dir)) {
    const cached = cache.get(dir);
    if (cached !== void 0) return answer(cached);
    visited.push(dir);
    const knexfile = KNEXFILE_NAMES.map((name) => path9.join(dir, name)).find((file) => fs7.existsSync(file));
    if (knexfile) return answer(readKnexfile(knexfile));
    if (fs7.existsSync(path9.join(dir, "package.json")) || path9.dirname(dir) === dir) return answer({ disablesTransactions: false });
  }
}
function forgetKnexfiles() {
  cache.clear();
}
function readKnexfile(file) {
  let text;
  try {
    text = readRegularFile(file, MAX_KNEXFILE_BYTES).toString("utf8");
  } catch (error) {
    return { disablesTransactions: false, note: error instanceof UnreadableFileError ? `ignoring ${file}: ${error.message}` : void 0 };
  }
  return { disablesTransactions: setsDisableTransactions(text, file), file };
}
function setsDisableTransactions(text, file) {
  if (!text.includes("disableTransactions")) return false;
  const parsed = parseScript(text, file);
  if (!parsed.ok) return false;
  let found = false;
  walkNodes(parsed.ast.program, (node) => {
    if (found) return false;
    if (node.type === "ObjectProperty" && propertyName(node.key) === "disableTransactions" && node.value.type === "BooleanLiteral" && node.value.value === true) found = true;
    return !found;
  });
  return found;
}
var fs7, path9, KNEXFILE_NAMES, cache, MAX_KNEXFILE_BYTES;
var init_knexfile = __esm({
  "src/frontends/knex/knexfile.ts"() {
    "use strict";
    fs7 = __toESM(require("node:fs"));
    path9 = __toESM(require("node:path"));
    init_read_regular_file();
    init_parse_js();
    init_ast_walk();
    init_static_values();
    KNEXFILE_NAMES = ["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"];
    cache = /* @__PURE__ */ new Map();
    MAX_KNEXFILE_BYTES = 1 << 20;
  }
});

// src/frontends/typeorm/find-migration.ts
function findTypeormMigration(ast) {
  let up;
  let classBody;
  let transaction2 = true;
  visit(ast.program, (node) => {
    if (node.type === "ClassBody" && !up) {
      const method = node.body.find((member) => member.type === "ClassMethod" && propertyName(member.key) === "up");
      if (method?.type === "ClassMethod") {
        up = method;
        classBody = node;
      }
    }
    if (node.type === "ClassMethod" && propertyName(node.key) === "up" && !up) up = node;
    if (node.type === "ClassProperty" && propertyName(node.key) === "transaction" && isFalse(node.value)) transaction2 = false;
    if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression" && node.left.property.type === "Identifier") {
      const name = node.left.property.name;
      const onPrototype = node.left.object.type === "MemberExpression" && propertyName(node.left.object.property) === "prototype";
      if (name === "up" && onPrototype && !up && (node.right.type === "FunctionExpression" || node.right.type === "ArrowFunctionExpression")) up = node.right;
      if (name === "transaction" && isFalse(node.right)) transaction2 = false;
    }
  });
  return { up, transaction: transaction2, classBody };
}
function isFalse(node) {
  const inner = node && unwrapTypeScript(node);
  return inner?.type === "BooleanLiteral" && inner.value === false;
}
function visit(node, callback) {
  walkNodes(node, (inner) => {
    callback(inner);
    return !(inner.type === "ClassMethod" && inner.kind !== "constructor");
  });
}
var init_find_migration2 = __esm({
  "src/frontends/typeorm/find-migration.ts"() {
    "use strict";
    init_ast_walk();
    init_static_values();
  }
});

// src/frontends/typeorm/schema-objects.ts
function optionsOf(node, scope) {
  const resolved = node && scope.resolve(node);
  if (!resolved) return void 0;
  const object = resolved.type === "NewExpression" ? resolved.arguments[0] && scope.resolve(resolved.arguments[0]) : resolved;
  if (!object || object.type !== "ObjectExpression") return void 0;
  const properties = /* @__PURE__ */ new Map();
  for (const property of object.properties) {
    if (property.type !== "ObjectProperty") continue;
    const key = propertyName(property.key);
    if (key) properties.set(key, { node: property.value, value: scope.value(property.value) });
  }
  return properties;
}
function nameOf(node, scope) {
  if (!node) return void 0;
  const text = scope.string(node);
  if (text !== void 0) return text;
  const resolved = scope.resolve(node);
  if (resolved?.type === "CallExpression" && resolved.callee.type === "MemberExpression" && propertyName(resolved.callee.property) === "findColumnByName") {
    return scope.string(resolved.arguments[0]);
  }
  const name = optionsOf(node, scope)?.get("name")?.value;
  return typeof name === "string" ? name : void 0;
}
function tableNameFrom(node, scope) {
  const name = nameOf(node, scope);
  return name === void 0 ? void 0 : tableNameOf(name);
}
function columnFrom(properties, location) {
  const get = (key) => properties.get(key)?.value;
  const name = get("name");
  if (typeof name !== "string") return void 0;
  const strategy = get("isGenerated") === true ? get("generationStrategy") ?? "increment" : void 0;
  const isPrimary = get("isPrimary") === true;
  return {
    name,
    location,
    type: typeOf(properties, strategy),
    // TypeORM's TableColumn is NOT NULL unless isNullable is true.
    notNull: isPrimary || get("isNullable") !== true,
    default: defaultOf2(properties, strategy),
    primaryKey: isPrimary,
    unique: get("isUnique") === true,
    hasCheck: false,
    generated: strategy === "identity" ? "identity" : typeof get("generatedType") === "string" && String(get("generatedType")).toUpperCase() === "STORED" ? "stored" : void 0,
    references: referenceOf2(properties)
  };
}
function typeOf(properties, strategy) {
  const get = (key) => properties.get(key)?.value;
  const type2 = get("type");
  if (typeof type2 !== "string") return void 0;
  if (strategy === "increment") return parseTypeName(/big/i.test(type2) ? "bigserial" : /small/i.test(type2) ? "smallserial" : "serial");
  const length = get("length");
  const precision = get("precision");
  const scale = get("scale");
  const size = length !== void 0 && length !== "" ? `(${length})` : typeof precision === "number" ? `(${precision}${typeof scale === "number" ? `, ${scale}` : ""})` : "";
  const parsed = parseTypeName(`${type2}${size}${get("isArray") === true ? "[]" : ""}`);
  return parsed ?? { name: type2.toLowerCase(), modifiers: [], isArray: get("isArray") === true };
}
function defaultOf2(properties, strategy) {
  if (strategy === "uuid") return { kind: "volatile", functionName: "uuid_generate_v4", sql: "uuid_generate_v4()" };
  const entry = properties.get("default");
  if (!entry || entry.value === null) return void 0;
  if (typeof entry.value === "number" || typeof entry.value === "boolean") return { kind: "constant", sql: String(entry.value) };
  if (typeof entry.value === "string") return sqlDefault(entry.value);
  const node = unwrapTypeScript(entry.node);
  if (node.type === "ArrowFunctionExpression" && node.body.type === "StringLiteral") return sqlDefault(node.body.value);
  return { kind: "unknown", unread: true };
}
function referenceOf2(properties) {
  const foreignKey = properties.get("foreignKey")?.value;
  if (!foreignKey?.referencedTableName) return void 0;
  return { table: tableNameOf(foreignKey.referencedTableName), columns: strings(foreignKey.referencedColumnNames) };
}
function constraintFrom(kind, properties) {
  const get = (key) => properties.get(key)?.value;
  const name = typeof get("name") === "string" ? get("name") : void 0;
  switch (kind) {
    case "uniques":
      return { kind: "unique", name, columns: strings(get("columnNames")), notValid: false };
    case "checks": {
      const expression = get("expression");
      const notNull = typeof expression === "string" ? /^\s*"?(\w+)"?\s+IS\s+NOT\s+NULL\s*$/i.exec(expression) : null;
      return { kind: "check", name, columns: [], notValid: false, checksNotNullOf: notNull?.[1], expression: typeof expression === "string" ? expression : void 0 };
    }
    case "foreignKeys": {
      const table = get("referencedTableName");
      return {
        kind: "foreignKey",
        name,
        columns: strings(get("columnNames")),
        notValid: false,
        references: { table: tableNameOf(typeof table === "string" ? table : ""), columns: strings(get("referencedColumnNames")) }
      };
    }
    case "exclusions":
      return { kind: "exclusion", name, columns: [], notValid: false };
  }
}
function elementsOf(node, scope) {
  const resolved = node && scope.resolve(node);
  if (resolved?.type !== "ArrayExpression") return [];
  return resolved.elements.filter((element) => element !== null && element.type !== "SpreadElement");
}
var strings;
var init_schema_objects = __esm({
  "src/frontends/typeorm/schema-objects.ts"() {
    "use strict";
    init_static_values();
    init_column_builders();
    init_fragments();
    strings = (value) => Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  }
});

// src/frontends/typeorm/n8n-schema-builder.ts
function n8nSchemaOperations(member, args, rest, scope, place) {
  const value = (index) => scope.value(args[index]);
  const table = typeof value(0) === "string" ? tableNameOf(value(0)) : void 0;
  if (!table) return void 0;
  switch (member) {
    case "createTable":
      return createTable2(table, rest, scope, place);
    case "dropTable":
      return [{ kind: "dropTable", ...place, tables: [table], ifExists: true, cascade: false }];
    case "addColumns": {
      const columns = elements(args[1], scope).map((node) => columnOf(node, scope));
      if (columns.length === 0 || columns.some((column) => !column)) return void 0;
      return columns.map((column) => ({ kind: "addColumn", ...place, table, column, ifNotExists: false, identifiers: [column.name] }));
    }
    case "dropColumns": {
      const names = value(1);
      if (!Array.isArray(names) || !names.every((name) => typeof name === "string")) return void 0;
      return names.map((column) => ({ kind: "dropColumn", ...place, table, column, ifExists: false }));
    }
    case "createIndex": {
      const columns = value(1);
      if (!Array.isArray(columns)) return void 0;
      const name = typeof value(3) === "string" ? value(3) : void 0;
      return [{ kind: "createIndex", ...place, table, name, columns: columns.map(String), unique: value(2) === true, concurrently: false, ifNotExists: false }];
    }
    case "dropIndex": {
      const options = value(2);
      const columns = value(1);
      const name = typeof options?.customIndexName === "string" ? options.customIndexName : `IDX_${table.name}_${Array.isArray(columns) ? columns.join("_") : ""}`;
      return [{ kind: "dropIndex", ...place, names: [{ schema: table.schema, name }], concurrently: false, ifExists: options?.skipIfMissing === true }];
    }
    case "addForeignKey": {
      const reference = value(2);
      if (typeof value(1) !== "string" || !Array.isArray(reference) || typeof reference[0] !== "string") return void 0;
      const constraint = {
        kind: "foreignKey",
        name: typeof value(3) === "string" ? value(3) : void 0,
        columns: [value(1)],
        notValid: false,
        references: { table: tableNameOf(reference[0]), columns: reference.slice(1).map(String) }
      };
      return [{ kind: "addConstraint", ...place, table, constraint }];
    }
    case "dropForeignKey":
      return [{ kind: "dropConstraint", ...place, table, name: typeof value(3) === "string" ? value(3) : `FK_${table.name}_${String(value(1))}`, ifExists: false }];
    case "addNotNull":
    case "dropNotNull":
      if (typeof value(1) !== "string") return void 0;
      return [{ kind: member === "addNotNull" ? "setNotNull" : "dropNotNull", ...place, table, column: value(1) }];
    default:
      return void 0;
  }
}
function createTable2(table, links, scope, place) {
  const columns = [];
  const constraints = [];
  const indexes = [];
  for (const link of links) {
    const args = link.args ?? [];
    const first = scope.value(args[0]);
    switch (link.name) {
      case "withColumns":
        for (const node of args) {
          const column = columnOf(node, scope);
          if (!column) return void 0;
          columns.push(column);
        }
        break;
      case "withTimestamps":
      case "withCreatedAt":
        for (const name of link.name === "withCreatedAt" ? ["createdAt"] : ["createdAt", "updatedAt"]) {
          columns.push({ name, type: parseTypeName("timestamptz(3)"), notNull: true, default: { kind: "stable", functionName: "now" }, primaryKey: false, unique: false, hasCheck: false });
        }
        break;
      case "withIndexOn":
        indexes.push({ kind: "createIndex", ...place, table, columns: typeof first === "string" ? [first] : Array.isArray(first) ? first.map(String) : [], unique: scope.value(args[1]) === true, concurrently: false, ifNotExists: false, withTableCreation: true });
        break;
      case "withUniqueConstraintOn":
        constraints.push({ kind: "unique", columns: typeof first === "string" ? [first] : Array.isArray(first) ? first.map(String) : [], notValid: false });
        break;
      case "withCheckConstraint":
        constraints.push({ kind: "check", name: typeof first === "string" ? first : void 0, columns: [], notValid: false });
        break;
      case "withForeignKey": {
        const target = optionsOf(args[1], scope);
        const referenced = target?.get("tableName")?.value;
        const column = target?.get("columnName")?.value;
        if (typeof first !== "string" || typeof referenced !== "string") return void 0;
        constraints.push({ kind: "foreignKey", columns: [first], notValid: false, references: { table: tableNameOf(referenced), columns: typeof column === "string" ? [column] : [] } });
        break;
      }
      default:
        break;
    }
  }
  return [{ kind: "createTable", ...place, table, columns, constraints, ifNotExists: false, identifiers: [table.name, ...columns.map((column) => column.name)] }, ...indexes];
}
function columnOf(node, scope) {
  const chain = node && flattenChain(scope.resolve(node) ?? unwrapTypeScript(node));
  const root = chain?.root;
  if (!chain || root?.type !== "CallExpression" && root?.type !== "NewExpression") return void 0;
  const name = scope.value(root.arguments[0]);
  if (typeof name !== "string") return void 0;
  const column = { name, notNull: false, primaryKey: false, unique: false, hasCheck: false };
  let typeName;
  for (const link of chain.links) {
    const args = (link.args ?? []).map((arg) => scope.value(arg));
    if (link.name in COLUMN_TYPES2) typeName = COLUMN_TYPES2[link.name](args);
    else if (link.name === "primary" || link.name === "primaryWithName") column.primaryKey = column.notNull = true;
    else if (link.name === "notNull") column.notNull = true;
    else if (link.name === "autoGenerate") typeName = typeName === "uuid" ? "uuid" : "serial";
    else if (link.name === "autoGenerate2") column.generated = "identity";
    else if (link.name === "default") column.default = defaultOf3(args[0]);
  }
  if (typeName === "uuid" && chain.links.some((link) => link.name === "autoGenerate" || link.name === "autoGenerate2")) {
    column.default = { kind: "volatile", functionName: "uuid_generate_v4" };
  }
  if (column.generated === "identity") column.notNull = true;
  column.type = typeName === void 0 ? void 0 : parseTypeName(typeName);
  return column;
}
function defaultOf3(value) {
  if (value === void 0 || value === null) return void 0;
  if (value === "NOW()") return { kind: "stable", functionName: "now" };
  if (typeof value === "string") return sqlDefault(value);
  return { kind: "constant" };
}
function elements(node, scope) {
  const array = node && scope.resolve(node);
  return array?.type === "ArrayExpression" ? array.elements.filter((element) => element && element.type !== "SpreadElement") : [];
}
var COLUMN_TYPES2;
var init_n8n_schema_builder = __esm({
  "src/frontends/typeorm/n8n-schema-builder.ts"() {
    "use strict";
    init_chains();
    init_static_values();
    init_column_builders();
    init_fragments();
    init_schema_objects();
    COLUMN_TYPES2 = {
      int: () => "int4",
      bool: () => "bool",
      bigint: () => "int8",
      smallint: () => "int2",
      double: () => "float8",
      text: () => "text",
      json: () => "json",
      uuid: () => "uuid",
      binary: () => "bytea",
      varchar: (args) => typeof args[0] === "number" ? `varchar(${args[0]})` : "varchar",
      timestamp: (args) => `timestamptz(${typeof args[0] === "number" ? args[0] : 3})`,
      timestampTimezone: (args) => `timestamptz(${typeof args[0] === "number" ? args[0] : 3})`,
      timestampNoTimezone: (args) => `timestamp(${typeof args[0] === "number" ? args[0] : 3})`
    };
  }
});

// src/frontends/typeorm/up-walker.ts
function namedParameters(node) {
  const inner = unwrapTypeScript(node);
  if (inner.type !== "ObjectExpression") return [];
  return inner.properties.flatMap((property) => {
    const name = property.type === "ObjectProperty" || property.type === "ObjectMethod" ? propertyName(property.key) : void 0;
    return name ? [name] : [];
  });
}
var QUIET_METHODS, TRANSACTION_METHODS, DATA_METHODS, OTHER_SCHEMA_METHODS, CONTEXT_ROLES, TypeormUpWalker;
var init_up_walker2 = __esm({
  "src/frontends/typeorm/up-walker.ts"() {
    "use strict";
    init_n8n_schema_builder();
    init_migration_walker();
    init_script_output();
    init_static_values();
    init_embedded_sql();
    init_chains();
    init_schema_objects();
    QUIET_METHODS = /* @__PURE__ */ new Set([
      "getTable",
      "getTables",
      "getView",
      "getViews",
      "hasTable",
      "hasColumn",
      "hasDatabase",
      "hasSchema",
      "getDatabases",
      "getSchemas",
      "release",
      "connect",
      "clearSqlMemory",
      "enableSqlMemory",
      "disableSqlMemory",
      "getMemorySql",
      "stream",
      "getReplicationMode"
    ]);
    TRANSACTION_METHODS = {
      startTransaction: "begin",
      commitTransaction: "commit",
      rollbackTransaction: "rollback"
    };
    DATA_METHODS = /* @__PURE__ */ new Set([
      "createQueryBuilder",
      "getRepository",
      "getTreeRepository",
      "find",
      "findBy",
      "findOne",
      "findOneBy",
      "findAndCount",
      "count",
      "exists",
      "save",
      "insert",
      "update",
      "upsert",
      "delete",
      "remove",
      "softDelete",
      "restore",
      "increment",
      "decrement",
      "clear",
      "transaction",
      "getMetadata",
      "hasMetadata",
      "getCustomRepository",
      "create",
      "merge",
      "preload",
      "sql"
    ]);
    OTHER_SCHEMA_METHODS = /* @__PURE__ */ new Set(["createSchema", "dropSchema", "createView", "dropView", "createDatabase", "clearDatabase", "changeTableComment"]);
    CONTEXT_ROLES = /* @__PURE__ */ new Set(["runQuery", "runInBatches", "copyTable", "escape", "tablePrefix", "schemaBuilder"]);
    TypeormUpWalker = class extends MigrationWalker {
      subjectLabel = "the query runner";
      roles = /* @__PURE__ */ new Map();
      destructuredContext(pattern, scope) {
        for (const property of pattern.properties) {
          if (property.type !== "ObjectProperty") continue;
          const key = propertyName(property.key);
          if (key === "schemaBuilder" && property.value.type === "ObjectPattern") {
            for (const inner of property.value.properties) {
              const member = inner.type === "ObjectProperty" ? propertyName(inner.key) : void 0;
              if (inner.type === "ObjectProperty" && inner.value.type === "Identifier") this.roles.set(inner.value.name, { role: "schemaBuilder", member });
            }
            continue;
          }
          if (property.value.type !== "Identifier" || key === void 0) continue;
          const local = property.value.name;
          if (key === "queryRunner") this.subjectNames.add(local);
          else if (CONTEXT_ROLES.has(key)) this.roles.set(local, { role: key });
          if (key === "tablePrefix") scope.bind(local, { type: "StringLiteral", value: "" });
        }
      }
      /** `${escape.tableName('user')}` is the quoted name, `"user"`; `${tablePrefix}` is empty. */
      placeholder(expression, scope) {
        const call = this.contextCallOf(flattenChain(scope.resolve(expression) ?? unwrapTypeScript(expression)), scope);
        if (call?.role === "tablePrefix" && !call.called) return "";
        if (call?.role === "escape" && call.called && call.rest.length === 0) {
          const name = scope.string(call.args[0]);
          if (name !== void 0) return `"${name.replace(/"/g, '""')}"`;
        }
        return super.placeholder(expression, scope);
      }
      /** n8n's context functions, called by their own names (`runQuery(sql)`, `createTable('t')…`). */
      contextCall(chain, node, frame) {
        const call = this.contextCallOf(chain, frame.scope);
        return call ? this.roleCall(call, node, frame) : false;
      }
      /**
       * A chain on n8n's context: `runQuery(sql)`, `createTable('t').withColumns(…)`,
       * `schemaBuilder.dropTable('t')`, `context.escape.tableName('t')`, `escape.tableName('t')`.
       */
      contextCallOf(chain, scope) {
        const root = chain.root;
        if (root.type === "CallExpression") {
          const name2 = this.nameOf(unwrapTypeScript(root.callee), scope);
          return name2 && { ...name2, args: root.arguments, rest: chain.links, called: true };
        }
        let links = chain.links;
        let name = root.type === "Identifier" && !this.subjectNames.has(root.name) ? this.nameOf(root, scope) : void 0;
        if (!name && root.type === "Identifier" && this.subjectNames.has(root.name) && links[0] && CONTEXT_ROLES.has(links[0].name)) {
          name = { role: links[0].name };
          if (!links[0].args) links = links.slice(1);
        }
        if (!name) return void 0;
        if (name.role === "schemaBuilder" && !name.member && links[0]) name = { role: "schemaBuilder", member: links[0].name };
        const called = links[0]?.args !== void 0;
        return { ...name, args: called ? links[0].args ?? [] : [], rest: called ? links.slice(1) : links, called };
      }
      /** What a name of the context stands for: destructured from up's parameter, or from the context later. */
      nameOf(node, scope, depth = 0) {
        if (depth > 5) return void 0;
        if (node.type === "Identifier") {
          const direct = this.roles.get(node.name);
          if (direct) return direct;
          const resolved = scope.resolve(node);
          return resolved && resolved !== node ? this.nameOf(resolved, scope, depth + 1) : void 0;
        }
        if (node.type === "MemberExpression") {
          const chain = flattenChain(node);
          const [key, further] = chain.links;
          if (chain.root.type !== "Identifier" || !key || chain.links.some((link) => link.args)) return void 0;
          const base = this.subjectNames.has(chain.root.name) && CONTEXT_ROLES.has(key.name) ? { role: key.name } : this.roles.get(chain.root.name);
          if (!base) return void 0;
          const member = base.role === "schemaBuilder" ? this.subjectNames.has(chain.root.name) ? further?.name : key.name : void 0;
          return member ? { role: "schemaBuilder", member } : base;
        }
        return void 0;
      }
      roleCall(call, node, frame) {
        const { role, args } = call;
        if (role === "runQuery" && args[0]) {
          this.output.statements++;
          const parameters = args[1];
          const bindings = parameters ? { kind: "object", names: namedParameters(parameters), values: frame.scope.value(parameters) } : void 0;
          this.embeddedSql(args[0], frame, (sql) => substituteKnexBindings(sql, bindings));
        } else if (role === "runInBatches" || role === "copyTable") {
          this.output.statements++;
          for (const arg of args) if (arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression") this.walkFunction(arg, { ...frame, conditional: true });
        } else if (role === "schemaBuilder" && call.called && call.member !== "column") {
          const place = { location: this.output.spanOf(node), anchorLine: frame.statementLine, ...frame.conditional ? { conditional: true } : {} };
          const operations = call.member ? n8nSchemaOperations(call.member, args, call.rest, frame.scope, place) : void 0;
          if (!operations) {
            this.output.unanalyzed(node, `\`${snippet(this.source, node)}\` is not a call of n8n's schema builder that migralint can read; what it does was not checked.`);
            return true;
          }
          this.output.statements++;
          for (const operation of operations) this.push(operation);
        }
        return true;
      }
      /** `const table = await queryRunner.getTable('users')`: `table` then stands for 'users'. */
      declared(name, init, frame) {
        const inner = unwrapTypeScript(init.type === "AwaitExpression" ? init.argument : init);
        const chain = flattenChain(inner);
        const [first] = chain.links;
        if (chain.root.type !== "Identifier" || !this.subjectNames.has(chain.root.name) || first?.name !== "getTable") return;
        const table = frame.scope.string(first.args?.[0]);
        if (table !== void 0) frame.scope.bind(name, { type: "StringLiteral", value: table });
      }
      subjectChain(chain, frame) {
        const [first] = chain.links;
        if (first && CONTEXT_ROLES.has(first.name)) {
          const call = this.contextCallOf(chain, frame.scope);
          if (call) this.roleCall(call, { start: chain.root.start, end: chain.links[chain.links.length - 1].end }, frame);
          return;
        }
        const links = first?.name === "manager" || first?.name === "connection" || first?.name === "queryRunner" ? chain.links.slice(1) : chain.links;
        const [method, ...rest] = links;
        if (!method || !method.args) return;
        const place = { location: this.output.span(method.start, method.end), anchorLine: frame.statementLine, ...frame.conditional ? { conditional: true } : {} };
        if (method.name === "query" && method.args?.[0]) {
          this.embeddedSql(method.args[0], frame);
        } else if (DATA_METHODS.has(method.name)) {
          if (method.args) this.output.statements++;
        } else if (TRANSACTION_METHODS[method.name]) {
          this.output.statements++;
          this.push({ kind: "transaction", ...place, action: TRANSACTION_METHODS[method.name] });
        } else if (!QUIET_METHODS.has(method.name)) {
          this.apiCall(method, place, frame);
        }
        this.thenCallbacks(rest, frame);
      }
      apiCall(method, place, frame) {
        const args = method.args ?? [];
        const { scope } = frame;
        const table = tableNameFrom(args[0], scope);
        const unknown = (node) => this.output.unanalyzed(node ?? args[0] ?? { start: method.start, end: method.end }, `\`${snippet(this.source, node ?? args[0] ?? { start: method.start, end: method.end })}\` is not known statically; this ${method.name}() was not checked.`);
        const oneOrMany = (single) => method.name === single ? [args[1]] : elementsOf(args[1], scope);
        const needsTable = !["dropDatabase", "createDatabase", "createSchema", "dropSchema", "createView", "dropView", "createTable"].includes(method.name);
        if (needsTable && !table) return unknown(args[0]);
        this.output.statements++;
        const on = table;
        switch (method.name) {
          case "createTable":
            return this.createTable(args, place, frame);
          case "dropTable":
            return this.push({ kind: "dropTable", ...place, tables: [on], ifExists: scope.value(args[1]) === true, cascade: false });
          case "renameTable": {
            const newName = nameOf(args[1], scope);
            if (newName === void 0) return unknown(args[1]);
            return this.push({ kind: "renameTable", ...place, table: on, newName, identifiers: [newName] });
          }
          case "addColumn":
          case "addColumns":
            for (const node of oneOrMany("addColumn")) {
              const column = this.column(node, frame);
              if (!column) {
                unknown(node);
                continue;
              }
              this.unreadDefault(node, column, frame);
              const { references, ...added } = column;
              this.push({ kind: "addColumn", ...place, table: on, column: added, ifNotExists: false, identifiers: [column.name] });
              if (references) {
                this.push({ kind: "addConstraint", ...place, table: on, constraint: { kind: "foreignKey", columns: [column.name], notValid: false, references } });
              }
            }
            return;
          case "renameColumn": {
            const from = nameOf(args[1], scope);
            const to = nameOf(args[2], scope);
            if (from === void 0 || to === void 0) return unknown(from === void 0 ? args[1] : args[2]);
            return this.push({ kind: "renameColumn", ...place, table: on, column: from, newName: to, identifiers: [to] });
          }
          case "changeColumn":
            return this.changeColumn(on, args[1], args[2], place, frame);
          case "changeColumns":
            for (const pair of elementsOf(args[1], scope)) {
              const options = optionsOf(pair, scope);
              this.changeColumn(on, options?.get("oldColumn")?.node, options?.get("newColumn")?.node, place, frame);
            }
            return;
          case "dropColumn":
          case "dropColumns":
            for (const node of oneOrMany("dropColumn")) {
              const column = nameOf(node, scope);
              if (column === void 0) unknown(node);
              else this.push({ kind: "dropColumn", ...place, table: on, column, ifExists: false });
            }
            return;
          case "createIndex":
          case "createIndices":
            for (const node of oneOrMany("createIndex")) this.createIndex(on, optionsOf(node, scope), place);
            return;
          case "dropIndex":
          case "dropIndices":
            for (const node of oneOrMany("dropIndex")) {
              const name = nameOf(node, scope);
              const concurrently2 = optionsOf(node, scope)?.get("isConcurrent")?.value === true;
              if (name === void 0) unknown(node);
              else this.push({ kind: "dropIndex", ...place, names: [{ schema: on.schema, name }], concurrently: concurrently2, ifExists: false });
            }
            return;
          case "createForeignKey":
          case "createForeignKeys":
            return this.constraints("foreignKeys", on, oneOrMany("createForeignKey"), place, frame);
          case "createUniqueConstraint":
          case "createUniqueConstraints":
            return this.constraints("uniques", on, oneOrMany("createUniqueConstraint"), place, frame);
          case "createCheckConstraint":
          case "createCheckConstraints":
            return this.constraints("checks", on, oneOrMany("createCheckConstraint"), place, frame);
          case "createExclusionConstraint":
          case "createExclusionConstraints":
            return this.constraints("exclusions", on, oneOrMany("createExclusionConstraint"), place, frame);
          case "createPrimaryKey": {
            const columns = scope.value(args[1]);
            const name = scope.string(args[2]);
            return this.push({
              kind: "addConstraint",
              ...place,
              table: on,
              constraint: { kind: "primaryKey", name, columns: Array.isArray(columns) ? columns.map(String) : [], notValid: false }
            });
          }
          case "dropForeignKey":
          case "dropForeignKeys":
          case "dropUniqueConstraint":
          case "dropUniqueConstraints":
          case "dropCheckConstraint":
          case "dropCheckConstraints":
          case "dropExclusionConstraint":
          case "dropPrimaryKey": {
            const nodes = method.name.endsWith("s") ? elementsOf(args[1], scope) : [args[1]];
            for (const node of nodes) {
              const name = method.name === "dropPrimaryKey" ? scope.string(args[1]) ?? `${on.name}_pkey` : nameOf(node, scope);
              if (name === void 0) unknown(node);
              else this.push({ kind: "dropConstraint", ...place, table: on, name, ifExists: false });
            }
            return;
          }
          case "clearTable":
            return this.push({ kind: "truncate", ...place, tables: [on], cascade: false });
          case "dropDatabase": {
            const name = scope.string(args[0]);
            return name === void 0 ? unknown(args[0]) : this.push({ kind: "dropDatabase", ...place, name });
          }
          default:
            if (OTHER_SCHEMA_METHODS.has(method.name)) return this.push({ kind: "other", ...place, statement: `queryRunner.${method.name}` });
            this.output.statements--;
            return this.output.unanalyzed({ start: method.start, end: method.end }, `\`${snippet(this.source, { start: method.start, end: method.end })}\` is not a QueryRunner call migralint reads; what it does was not checked.`);
        }
      }
      column(node, frame) {
        const options = optionsOf(node, frame.scope);
        return options && columnFrom(options, node ? this.output.spanOf(node) : void 0);
      }
      /** A column added to a table whose default is not known: whether adding it rewrites the table is not known either. */
      unreadDefault(node, column, frame) {
        const defaultNode = column.default?.unread ? optionsOf(node, frame.scope)?.get("default")?.node : void 0;
        if (!defaultNode) return;
        this.output.unanalyzed(defaultNode, `The default of column "${column.name}", \`${snippet(this.source, defaultNode)}\`, is not known statically; whether adding it rewrites the table was not checked.`);
      }
      /** `createTable(new Table({ name, columns, indices, foreignKeys, uniques, checks }), ifNotExist?, createForeignKeys?, createIndices?)`. */
      createTable(args, place, frame) {
        const { scope } = frame;
        const options = optionsOf(args[0], scope);
        const name = options?.get("name")?.value;
        if (!options || typeof name !== "string") {
          this.output.unanalyzed(args[0] ?? { start: 0, end: 0 }, `The table given to createTable() is not known statically; it was not checked.`);
          return;
        }
        const table = tableNameFrom(args[0], scope);
        const columns = [];
        for (const node of elementsOf(options.get("columns")?.node, scope)) {
          const column = this.column(node, frame);
          if (column) columns.push(column);
          else this.output.unanalyzed(node, `The column \`${snippet(this.source, node)}\` is not known statically; it was not checked.`);
        }
        const withForeignKeys = scope.value(args[2]) !== false;
        const constraints = ["uniques", "checks", "foreignKeys", "exclusions"].flatMap(
          (kind) => kind === "foreignKeys" && !withForeignKeys ? [] : elementsOf(options.get(kind)?.node, scope).flatMap((node) => {
            const properties = optionsOf(node, scope);
            return properties ? [constraintFrom(kind, properties)] : [];
          })
        );
        this.push({
          kind: "createTable",
          ...place,
          table,
          columns,
          constraints,
          ifNotExists: scope.value(args[1]) === true,
          identifiers: [table.name, ...columns.map((column) => column.name)]
        });
        if (scope.value(args[3]) === false) return;
        for (const node of elementsOf(options.get("indices")?.node, scope)) this.createIndex(table, optionsOf(node, scope), { ...place, withTableCreation: true });
      }
      /** TypeORM compares the old and new column; a different type makes it re-create the column. */
      changeColumn(table, oldNode, newNode, place, frame) {
        const newColumn = this.column(newNode, frame);
        const oldName = nameOf(oldNode, frame.scope);
        if (!newColumn || oldName === void 0) {
          this.output.unanalyzed(newNode ?? oldNode ?? { start: 0, end: 0 }, "The columns given to changeColumn() are not known statically; the change was not checked.");
          return;
        }
        const oldOptions = optionsOf(oldNode, frame.scope);
        const oldColumn = oldOptions && columnFrom(oldOptions, void 0);
        if (oldName !== newColumn.name) this.push({ kind: "renameColumn", ...place, table, column: oldName, newName: newColumn.name });
        const sameType2 = oldColumn?.type && newColumn.type && JSON.stringify(oldColumn.type) === JSON.stringify(newColumn.type);
        if (!sameType2) this.push({ kind: "alterColumnType", ...place, table, column: newColumn.name, newType: newColumn.type });
        if (oldColumn && oldColumn.notNull !== newColumn.notNull) {
          this.push({ kind: newColumn.notNull ? "setNotNull" : "dropNotNull", ...place, table, column: newColumn.name });
        }
      }
      createIndex(table, options, place) {
        const get = (key) => options?.get(key)?.value;
        const columns = get("columnNames");
        const name = typeof get("name") === "string" ? get("name") : void 0;
        this.push({
          kind: "createIndex",
          ...place,
          table,
          name,
          columns: Array.isArray(columns) ? columns.map(String) : [],
          unique: get("isUnique") === true,
          // TableIndex's isConcurrent: TypeORM then sends CREATE INDEX CONCURRENTLY (PostgreSQL).
          concurrently: get("isConcurrent") === true,
          ifNotExists: false,
          identifiers: name ? [name] : []
        });
      }
      constraints(kind, table, nodes, place, frame) {
        for (const node of nodes) {
          const properties = optionsOf(node, frame.scope);
          if (!properties) {
            this.output.unanalyzed(node ?? { start: 0, end: 0 }, `The constraint \`${node ? snippet(this.source, node) : "?"}\` is not known statically; it was not checked.`);
            continue;
          }
          const constraint = constraintFrom(kind, properties);
          this.push({ kind: "addConstraint", ...place, table, constraint, identifiers: constraint.name ? [constraint.name] : [] });
        }
      }
    };
  }
});

// src/frontends/typeorm/index.ts
var typeorm_exports = {};
__export(typeorm_exports, {
  analyzeTypeormFile: () => analyzeTypeormFile
});
function analyzeTypeormFile(text, filePath, options) {
  const analyzed = analyzeScript(TYPEORM, text, filePath, options.transactionMode !== "none", options.keepStatementText);
  return { ...analyzed, transactionSwitch: options.transactionMode === "each" };
}
var TYPEORM;
var init_typeorm = __esm({
  "src/frontends/typeorm/index.ts"() {
    "use strict";
    init_analyze_script();
    init_find_migration2();
    init_up_walker2();
    TYPEORM = {
      name: "typeorm",
      findMigration: (ast) => findTypeormMigration(ast),
      noMigration: "no migration class with an up() method",
      subjectLabel: "the query runner",
      defaultSubject: "queryRunner",
      createWalker: (subject, output, source, program, scope) => new TypeormUpWalker(subject, output, source, program, scope)
    };
  }
});

// src/lint.ts
async function prepareLinting() {
  await loadSqlParser();
}
function analyzeText(text, displayPath2, options, invalidUtf8At) {
  const bom = text.charCodeAt(0) === 65279 ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const frontend = options.frontend ?? detectFrontend(displayPath2, source);
  const database = frontend ? void 0 : otherDatabaseOf(displayPath2) ?? (quotesWithBackticks(source) ? "mysql or mariadb (its queries quote names with backticks)" : void 0);
  if (database) return { file: displayPath2, skipped: `SQL for ${database}, not PostgreSQL` };
  const delegated = frontend ? void 0 : delegatedMigration(displayPath2, source);
  if (delegated) return { analyzed: delegatedFile(delegated), source };
  const step = frontend ? void 0 : pythonDeltaStep(displayPath2, source);
  if (step === "none") return { file: displayPath2, skipped: "a Python delta with no run_create or run_upgrade, which synapse does not run" };
  if (step) return { analyzed: pythonStepFile(step), source };
  const dbMigrate = frontend ? void 0 : dbMigrateCall(displayPath2, source);
  if (dbMigrate) return { analyzed: dbMigrateFile(dbMigrate), source };
  if (!frontend) return { file: displayPath2, skipped: notMigration(displayPath2) };
  if (source.includes("\0")) return { analyzed: binaryFile(frontend, source), source: "" };
  if (invalidUtf8At !== void 0) {
    const position = new LineIndex(source).position(Math.max(invalidUtf8At - bom, 0));
    return { analyzed: unparsableFile(frontend, 'This file is not valid UTF-8: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8").', position), source };
  }
  return { analyzed: analyze(frontend, source, displayPath2, options), source };
}
function checkAnalysis(analysis, displayPath2, options) {
  return resultOf(analysis.analyzed, displayPath2, analysis.source, options);
}
function analyze(frontend, source, displayPath2, options) {
  switch (frontend) {
    case "sql":
      return analyzeSqlFile(source, displayPath2, { assumeInTransaction: options.assumeInTransaction, placeholders: options.placeholders, keepStatementText: options.keepStatementText });
    case "knex": {
      knexFrontend ??= { analyze: (init_knex(), __toCommonJS(knex_exports)), knexfile: (init_knexfile(), __toCommonJS(knexfile_exports)) };
      const knexfile = knexFrontend.knexfile.knexfileSettings(displayPath2);
      const analyzed = knexFrontend.analyze.analyzeKnexFile(source, displayPath2, { transactionsDisabled: knexfile.disablesTransactions, keepStatementText: options.keepStatementText });
      const read = knexfile.file ? { readsFiles: [...analyzed.readsFiles ?? [], knexfile.file] } : {};
      return knexfile.note ? { ...analyzed, ...read, warnings: [knexfile.note] } : { ...analyzed, ...read };
    }
    case "typeorm": {
      typeormFrontend ??= (init_typeorm(), __toCommonJS(typeorm_exports));
      return typeormFrontend.analyzeTypeormFile(source, displayPath2, { transactionMode: options.typeormTransactionMode ?? "all", keepStatementText: options.keepStatementText });
    }
    case "django": {
      const { analyzeDjangoFile } = require("./django.js");
      return analyzeDjangoFile(source, displayPath2);
    }
  }
}
function notMigration(displayPath2) {
  if (displayPath2.endsWith(".py")) return "not a Django migration (a module with class Migration in a migrations/ folder)";
  return "not a SQL, Knex or TypeORM migration";
}
function resultOf(analyzed, displayPath2, source, options) {
  const engine = runRules(analyzed, options.rules ?? allRules, displayPath2, {
    pgVersion: options.pgVersion,
    severityOf: options.settings.severityOf,
    resolveRuleId: options.settings.resolveRuleId,
    replay: options.replay,
    newInRun: options.newInRun
  });
  return {
    file: displayPath2,
    frontend: analyzed.frontend,
    statements: analyzed.statements,
    runnerTransaction: analyzed.runnerTransaction,
    operationCount: analyzed.operations.length,
    ...analyzed.transactionSwitch !== void 0 ? { transactionSwitch: analyzed.transactionSwitch } : {},
    findings: engine.findings,
    source,
    skippedReason: analyzed.skippedReason,
    notes: analyzed.notes,
    warnings: analyzed.warnings,
    schemaEffect: schemaEffectOf(analyzed),
    ...analyzed.readsFiles ? { readsFiles: analyzed.readsFiles } : {}
  };
}
function delegatedFile({ frontend, line, column, length, delegate, calls }) {
  const location = { line, column, endLine: line, endColumn: column + length };
  const message2 = calls ? `This migration's up() hands over to \`${delegate}\`, imported from another file; what it changes was not checked here.` : `This migration takes its up() from \`${delegate}\` in another file; it was not checked here.`;
  return { frontend, operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: "unanalyzed-code", message: message2, location }] };
}
function pythonStepFile({ line, length, name }) {
  const location = { line, column: 1, endLine: line, endColumn: length + 1 };
  const message2 = `synapse runs this Python delta's ${name}() with a database cursor; the SQL it sends was not checked here.`;
  return { frontend: "sql", operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: "unanalyzed-code", message: message2, location }] };
}
function dbMigrateFile({ line, column, length, call }) {
  const location = { line, column, endLine: line, endColumn: column + length };
  const message2 = `This is a db-migrate migration: migralint does not read db-migrate's ${call}() and the other calls of its up(), so what it changes was not checked.`;
  return { frontend: "sql", operations: [], directives: [], statements: 0, runnerTransaction: false, problems: [{ rule: "unanalyzed-code", message: message2, location }] };
}
function binaryFile(frontend, source) {
  const position = new LineIndex(source).position(source.indexOf("\0"));
  return unparsableFile(frontend, "This file contains a NUL byte: it is binary, not a migration PostgreSQL can read.", position);
}
function isSkipped(result) {
  return "skipped" in result;
}
var knexFrontend, typeormFrontend;
var init_lint = __esm({
  "src/lint.ts"() {
    "use strict";
    init_rules();
    init_run_rules();
    init_rule_settings();
    init_detect();
    init_file_problem();
    init_sql();
    init_text_positions();
    init_replay();
  }
});

// src/cli/describe-error.ts
function describe(error) {
  const code = error.code;
  const messages = {
    ENOENT: "no such file (it may have been deleted during the run)",
    EACCES: "permission denied",
    EISDIR: "is a directory"
  };
  if (code && messages[code]) return messages[code];
  const message2 = error?.message;
  return typeof message2 === "string" ? message2.split("\n")[0] : String(error);
}
var init_describe_error = __esm({
  "src/cli/describe-error.ts"() {
    "use strict";
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state2 = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state2.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state2 = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state2.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path19, { windows } = {}) => {
      const segs = path19.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state2 = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state2.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state2.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state2.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state2.maxDepth += tokens[tokens.length - 1].depth;
        }
        state2.slashes = slashes;
        state2.parts = parts;
      }
      return state2;
    };
    module2.exports = scan2;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants3 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type2, char) => {
      return `Missing ${type2}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed2 = true;
      while (changed2 === true) {
        changed2 = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed2 = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants3.globChars(opts.windows);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state2 = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state2);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state2.index === len - 1;
      const peek = state2.peek = (n = 1) => input[state2.index + n];
      const advance = state2.advance = () => input[++state2.index] || "";
      const remaining = () => input.slice(state2.index + 1);
      const consume = (value2 = "", num = 0) => {
        state2.consumed += value2;
        state2.index += num;
      };
      const append = (token) => {
        state2.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate2 = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state2.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state2.negated = true;
        state2.start++;
        return true;
      };
      const increment = (type2) => {
        state2[type2]++;
        stack.push(type2);
      };
      const decrement = (type2) => {
        state2[type2]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state2.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state2.output = state2.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state2.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type2, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state2.parens;
        token.output = state2.output;
        token.startIndex = state2.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type: type2, value: value2, output: state2.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state2.index + 1);
        const body = input.slice(token.startIndex + 2, state2.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state2.output = token.output + open.output;
          state2.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state2.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state2.output = input;
          return state2;
        }
        state2.output = utils.wrapOutput(output, state2, options);
        return state2;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state2.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state2.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state2.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state2.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state2.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state2.quotes = state2.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state2.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state2.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state2.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state2.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state2.output = state2.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state2.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state2.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state2.output.length,
            tokensIndex: state2.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state2.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state2.output.slice(0, brace.outputIndex);
            const toks = state2.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state2.output = out;
            for (const t of toks) {
              state2.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state2.index === state2.start + 1) {
            state2.start = state2.index + 1;
            state2.consumed = "";
            state2.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state2.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state2.braces + state2.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state2.index === 0) {
            negate2();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state2.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state2.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state2.backtrack = true;
          state2.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state2.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state2.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state2.parens > 0 && rest === ")".repeat(state2.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state2.output = prev.output;
            state2.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state2.output = state2.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state2.globstar = true;
            state2.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state2.output = state2.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state2.output += prior.output + prev.output;
            state2.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state2.output = prev.output;
            state2.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state2.output = state2.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state2.output += prev.output;
          state2.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state2.index === state2.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state2.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state2.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state2.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state2.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state2.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state2.output = utils.escapeLast(state2.output, "[");
        decrement("brackets");
      }
      while (state2.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state2.output = utils.escapeLast(state2.output, "(");
        decrement("parens");
      }
      while (state2.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state2.output = utils.escapeLast(state2.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state2.backtrack === true) {
        state2.output = "";
        for (const token of state2.tokens) {
          state2.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state2.output += token.suffix;
          }
        }
      }
      return state2;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants3.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state2 = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state2);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan2 = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants3 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch4 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch4(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state3 = isMatch(str);
            if (state3) return state3;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch4.compileRe(glob, options) : picomatch4.makeRe(glob, options, false, true);
      const state2 = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch4(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch4.test(input, regex, options, { glob, posix });
        const result = { glob, state: state2, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state2;
      }
      return matcher;
    };
    picomatch4.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch4.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch4.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch4.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch4.isMatch = (str, patterns, options) => picomatch4(patterns, options)(str);
    picomatch4.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch4.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch4.scan = (input, options) => scan2(input, options);
    picomatch4.compileRe = (state2, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state2.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state2.output})${append}`;
      if (state2 && state2.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch4.toRegex(source, options);
      if (returnState === true) {
        regex.state = state2;
      }
      return regex;
    };
    picomatch4.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch4.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch4.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch4.constants = constants3;
    module2.exports = picomatch4;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch4(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch4, pico);
    module2.exports = picomatch4;
  }
});

// src/cli/migration-folders.ts
function findMigrationFolders(root) {
  const found = [];
  const visit2 = (dir, depth) => {
    if (depth > MAX_DEPTH) return;
    for (const entry of readDirectories(dir)) {
      if (entry.startsWith(".") || SKIPPED_FOLDERS.has(entry) || OTHER_DATABASE_NAMES.test(entry)) continue;
      const full = path10.join(dir, entry);
      if (isMigrationFolder(full)) found.push({ folder: full, otherDatabases: otherDatabasesIn(full) });
      else visit2(full, depth + 1);
    }
  };
  visit2(root, 0);
  return found.sort((a, b) => a.folder.localeCompare(b.folder));
}
function enclosingMigrationFolder(file, root) {
  const relative4 = path10.relative(root, path10.dirname(file));
  if (relative4.startsWith("..") || path10.isAbsolute(relative4)) return void 0;
  const parts = relative4.split(path10.sep).filter(Boolean);
  const index = parts.findIndex((part) => MIGRATION_FOLDER.test(part));
  if (index < 0) return void 0;
  const folder = path10.join(root, ...parts.slice(0, index + 1));
  return { folder, otherDatabases: otherDatabasesIn(folder) };
}
function isMigrationFolder(folder) {
  if (MIGRATION_FOLDER.test(path10.basename(folder))) return true;
  return fs8.existsSync(path10.join(folder, "meta", "_journal.json")) && otherDrizzleDialectIn(folder) === void 0;
}
function otherDatabasesIn(folder) {
  return readDirectories(folder).filter((name) => OTHER_DATABASE_NAMES.test(name) || otherDrizzleDialectIn(path10.join(folder, name)) !== void 0);
}
function readDirectories(dir) {
  try {
    return fs8.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}
var fs8, path10, MIGRATION_FOLDER, TEST_FIXTURE_FOLDERS, SKIPPED_FOLDERS, MAX_DEPTH;
var init_migration_folders = __esm({
  "src/cli/migration-folders.ts"() {
    "use strict";
    fs8 = __toESM(require("node:fs"));
    path10 = __toESM(require("node:path"));
    init_detect();
    init_drizzle_journal();
    MIGRATION_FOLDER = /^(migrations?|db_migrations|knex_migrations|alterations)$/i;
    TEST_FIXTURE_FOLDERS = ["testdata", "fixtures", "__fixtures__", "stub", "stubs"];
    SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["node_modules", "dist", "build", "out", "coverage", "vendor", "target", "site-packages", "__pycache__", "venv", "env", ...TEST_FIXTURE_FOLDERS]);
    MAX_DEPTH = 6;
  }
});

// src/cli/discover.ts
function resolveInputs(inputs, options) {
  const isExcluded = exclusionMatcher(options);
  const found = /* @__PURE__ */ new Set();
  const named = /* @__PURE__ */ new Set();
  const foundBy = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const absolute = path11.resolve(options.cwd, input);
    const isFile2 = statOrUndefined(absolute)?.isFile() === true;
    if (isFile2 && isExcluded(absolute)) {
      options.note?.(`skipped ${input}: excluded by the config's "exclude"`);
      continue;
    }
    const inIndex = indexFilesFor(input, options);
    const onDisk = inIndex.includes(absolute) ? [] : filesFor(input, options.cwd, options.onUnreadableFolder);
    const files = [...onDisk, ...inIndex].filter((file) => !isExcluded(file));
    if (files.length === 0) {
      const isFolder = !isFile2 && statOrUndefined(absolute)?.isDirectory() === true;
      if (isFolder && inputs.length > 1) options.note?.(`skipped ${input}: no migration files (.sql, .js, .ts, Django .py) in it`);
      else throw new UsageError(noFilesMessage(input, options.cwd));
    }
    for (const file of files) {
      found.add(file);
      if (!isFile2 && !foundBy.has(file)) foundBy.set(file, absolute);
    }
    if (isFile2 || inIndex.includes(absolute)) named.add(absolute);
  }
  return { files: [...found].sort(), named, foundBy };
}
function defaultInputs(include, baseDir, cwd) {
  if (include && include.length > 0) return { inputs: include.map((glob) => path11.resolve(baseDir, glob)), exclude: [] };
  if (statOrUndefined(path11.join(cwd, "manage.py"))?.isFile()) return { inputs: [path11.join(cwd, "**", "migrations", "*.py")], exclude: [] };
  const folders = DEFAULT_MIGRATION_FOLDERS.filter((folder) => isDirectory(path11.join(cwd, folder)));
  if (folders.length > 0) return { inputs: folders.map((folder) => path11.join(cwd, folder)), exclude: [] };
  const found = findMigrationFolders(cwd).filter((candidate) => walk2(candidate.folder).some(isMigrationCandidate));
  if (found.length === 0) {
    throw new UsageError(
      `No paths given and no migrations folder found (looked for ${DEFAULT_MIGRATION_FOLDERS.map((f) => `${f}/`).join(", ")} and for folders named like migrations below this one); pass a path, or run \`migralint init\` to write a config that names them`
    );
  }
  return {
    inputs: found.map((candidate) => candidate.folder),
    exclude: found.flatMap((candidate) => candidate.otherDatabases.map((other2) => path11.join(candidate.folder, other2, "**"))),
    searched: found.map((candidate) => displayPath(candidate.folder, cwd))
  };
}
function filesFor(input, cwd, onUnreadableFolder) {
  const absolute = path11.resolve(cwd, input);
  const stats = statOrUndefined(absolute);
  if (stats?.isFile()) return [absolute];
  if (stats?.isDirectory()) return walk2(absolute, onUnreadableFolder).filter(isMigrationCandidate);
  if (stats) throw new UsageError(`${input} is not a regular file (${stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : "a device"})`);
  const scan2 = import_picomatch.default.scan(toPosix(input));
  if (!scan2.isGlob) throw new UsageError(`No such file or directory: ${input}`);
  const base = path11.resolve(cwd, scan2.base || ".");
  const matches = (0, import_picomatch.default)(toPosix(path11.resolve(cwd, input)), { dot: false });
  return isDirectory(base) ? walk2(base, onUnreadableFolder).filter((file) => matches(toPosix(file))) : [];
}
function indexFilesFor(input, options) {
  if (!options.onlyInIndex || options.onlyInIndex.size === 0) return [];
  const absolute = path11.resolve(options.cwd, input);
  const scan2 = import_picomatch.default.scan(toPosix(input));
  const matches = scan2.isGlob ? (0, import_picomatch.default)(toPosix(absolute), { dot: false }) : void 0;
  return [...options.onlyInIndex].filter((file) => {
    if (file === absolute) return true;
    if (matches) return matches(toPosix(file));
    const relative4 = path11.relative(absolute, file);
    const folders = relative4.split(path11.sep).slice(0, -1);
    return !relative4.startsWith("..") && !path11.isAbsolute(relative4) && isMigrationCandidate(file) && !folders.some((name) => name === "node_modules" || name.startsWith("."));
  });
}
function noFilesMessage(input, cwd) {
  const stats = statOrUndefined(path11.resolve(cwd, input));
  if (stats?.isDirectory()) return `No migration files (.sql, .js, .ts, Django .py) found in ${input}`;
  return `No files match the pattern ${input}`;
}
function walk2(root, onUnreadableFolder, options = {}) {
  const files = [];
  const visited = /* @__PURE__ */ new Set();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    const real = realpathOrUndefined(dir);
    if (!real || visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = fs9.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (!onUnreadableFolder) throw new UsageError(`Cannot read directory ${dir}: ${error.code ?? "unreadable"}`);
      onUnreadableFolder(dir, error);
      continue;
    }
    for (const entry of entries) {
      const full = path11.join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? statOrUndefined(full) : entry;
      if (!kind) continue;
      if (kind.isDirectory()) {
        if (entry.name === "node_modules" || entry.name === "site-packages" || entry.name.startsWith(".") || options.recursive === false) continue;
        pending.push(full);
      } else if (kind.isFile()) files.push(full);
    }
  }
  return files;
}
function exclusionMatcher(options) {
  if (options.exclude.length === 0) return () => false;
  const matches = (0, import_picomatch.default)(options.exclude.map((glob) => toPosix(path11.resolve(options.baseDir, glob))), { dot: true });
  return (file) => matches(toPosix(file));
}
function statOrUndefined(file) {
  try {
    return fs9.statSync(file);
  } catch {
    return void 0;
  }
}
function realpathOrUndefined(file) {
  try {
    return fs9.realpathSync(file);
  } catch {
    return void 0;
  }
}
function isDirectory(file) {
  return statOrUndefined(file)?.isDirectory() === true;
}
function toPosix(file) {
  return file.split(path11.sep).join("/");
}
function displayPath(file, cwd) {
  const relative4 = path11.relative(cwd, file);
  return toPosix(path11.isAbsolute(relative4) ? file : relative4);
}
var fs9, path11, import_picomatch, DEFAULT_MIGRATION_FOLDERS;
var init_discover = __esm({
  "src/cli/discover.ts"() {
    "use strict";
    fs9 = __toESM(require("node:fs"));
    path11 = __toESM(require("node:path"));
    import_picomatch = __toESM(require_picomatch2());
    init_errors();
    init_detect();
    init_migration_folders();
    DEFAULT_MIGRATION_FOLDERS = ["migrations", "db/migrations", "src/migrations", "prisma/migrations"];
  }
});

// src/files/read-migration.ts
var MAX_MIGRATION_BYTES;
var init_read_migration = __esm({
  "src/files/read-migration.ts"() {
    "use strict";
    init_decode();
    init_read_regular_file();
    MAX_MIGRATION_BYTES = 512 << 20;
  }
});

// src/reporters/reporter.ts
var init_reporter = __esm({
  "src/reporters/reporter.ts"() {
    "use strict";
  }
});

// src/cli/git.ts
var git_exports = {};
__export(git_exports, {
  changedSince: () => changedSince,
  committedFiles: () => committedFiles,
  stagedFiles: () => stagedFiles
});
function git(args, cwd) {
  return gitBytes(args, cwd).toString("utf8");
}
function gitBytes(args, cwd) {
  try {
    return (0, import_node_child_process.execFileSync)("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 29 });
  } catch (error) {
    const { code, stderr, message: message2 } = error;
    if (code === "ENOENT") throw new GitFailure("git is not installed (or not on PATH)");
    const said = (String(stderr ?? "") || message2).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(" ");
    throw new GitFailure(`git ${args[0]} failed: ${said}`);
  }
}
function tryGit(args, cwd) {
  try {
    return git(args, cwd);
  } catch {
    return void 0;
  }
}
function asUsage(flag, run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof GitFailure) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}
function repositoryRoot(cwd, flag) {
  try {
    return git(["rev-parse", "--show-toplevel"], cwd).trim();
  } catch (error) {
    if (error instanceof GitFailure && /not a git repository/i.test(error.message)) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not inside one`);
    throw error;
  }
}
function addedAndModified(diffArgs, root) {
  const fields = splitNul(git(["diff", "--name-status", "-z", "--diff-filter=AMR", "-M", ...diffArgs], root));
  const added = [];
  const modified = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index];
    if (status.startsWith("R")) {
      const renamedTo = fields[index + 2];
      if (status !== "R100" && renamedTo !== void 0) modified.push(path14.join(root, renamedTo));
      index += 3;
    } else {
      const file = fields[index + 1];
      if (file !== void 0) (status === "A" ? added : modified).push(path14.join(root, file));
      index += 2;
    }
  }
  return { added, modified };
}
function changedSince(ref, cwd) {
  refuseControlCharacters(ref);
  return asUsage(`--since ${ref}`, () => changedSinceRef(ref, cwd));
}
function refuseControlCharacters(ref) {
  if (/[\u0000-\u001f\u007f]/.test(ref)) throw new UsageError(`--since ${JSON.stringify(ref)}: not a git revision (it holds a control character)`);
}
function changedSinceRef(ref, cwd) {
  const root = repositoryRoot(cwd, "--since");
  if (tryGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root) === void 0) {
    const shallow = tryGit(["rev-parse", "--is-shallow-repository"], root)?.trim() === "true";
    const branch = ref.replace(/^origin\//, "");
    throw new UsageError(
      `--since ${ref}: no such revision here${shallow ? " (this is a shallow clone)" : ""}; fetch it first, e.g. git fetch --no-tags origin ${branch}:refs/remotes/origin/${branch}`
    );
  }
  const base = tryGit(["merge-base", ref, "HEAD"], root)?.trim();
  if (!base) {
    throw new UsageError(
      `--since ${ref}: ${ref} and HEAD share no history here, as in a shallow clone; fetch more of it (git fetch --deepen=200 origin, or fetch-depth: 0 in actions/checkout)`
    );
  }
  const { added, modified } = addedAndModified([base], root);
  const untracked = splitNul(git(["ls-files", "-z", "--others", "--exclude-standard"], root)).map((file) => path14.join(root, file));
  return { changed: /* @__PURE__ */ new Set([...added, ...modified, ...untracked]), added: /* @__PURE__ */ new Set([...added, ...untracked]) };
}
function stagedFiles(cwd) {
  return asUsage("--staged", () => stagedFilesOf(cwd));
}
function stagedFilesOf(cwd) {
  const root = repositoryRoot(cwd, "--staged");
  const { added, modified } = addedAndModified(["--cached"], root);
  const content = /* @__PURE__ */ new Map();
  for (const file of [...added, ...modified].sort()) {
    content.set(file, gitBytes(["show", `:${toPosix(path14.relative(root, file))}`], root));
  }
  return { changed: new Set(content.keys()), added: new Set(added), content };
}
function committedFiles(files, cwd) {
  const root = tryGit(["rev-parse", "--show-toplevel"], cwd)?.trim();
  if (root === void 0) return new Set(files);
  const listed = tryGit(["ls-tree", "-r", "-z", "--name-only", "--full-tree", "HEAD", "--", ...files.map((file) => toPosix(path14.relative(root, file)))], root);
  return new Set(splitNul(listed ?? "").map((file) => path14.join(root, file)));
}
var import_node_child_process, path14, GitFailure, splitNul;
var init_git = __esm({
  "src/cli/git.ts"() {
    "use strict";
    import_node_child_process = require("node:child_process");
    path14 = __toESM(require("node:path"));
    init_errors();
    init_discover();
    GitFailure = class extends Error {
    };
    splitNul = (output) => output.split("\0").filter((entry) => entry.length > 0);
  }
});

// src/files/atomic-file.ts
function openOutputFile(target, options = {}) {
  if (isStream(target, options.replacePipes === true)) return streamFile(target);
  const folder = path16.dirname(target);
  fs11.mkdirSync(folder, { recursive: true });
  removeStaleTemporaries(target);
  const temporary = path16.join(folder, `.${path16.basename(target)}.${process.pid}.${randomSuffix()}.tmp`);
  const descriptor = fs11.openSync(temporary, fs11.constants.O_WRONLY | fs11.constants.O_CREAT | fs11.constants.O_EXCL, options.mode ?? 438);
  if (options.mode !== void 0) fs11.fchmodSync(descriptor, options.mode);
  let open = true;
  const close = () => {
    if (open) fs11.closeSync(descriptor);
    open = false;
  };
  return {
    write: (content) => writeAll(descriptor, content),
    commit() {
      close();
      fs11.renameSync(temporary, target);
    },
    abandon() {
      try {
        close();
      } finally {
        fs11.rmSync(temporary, { force: true });
      }
    }
  };
}
function writeFileAtomically(target, content, options) {
  const file = openOutputFile(target, options);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abandon();
    throw error;
  }
}
function writeAll(descriptor, content) {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let written = 0;
  while (written < bytes.length) written += fs11.writeSync(descriptor, bytes, written);
}
function isStream(target, replacePipes) {
  if (process.platform !== "win32" && /^\/(dev|proc)\//.test(path16.resolve(target))) return true;
  try {
    const stats = fs11.lstatSync(target);
    return stats.isCharacterDevice() || stats.isBlockDevice() || !replacePipes && (stats.isFIFO() || stats.isSocket());
  } catch {
    return false;
  }
}
function streamFile(target) {
  const descriptor = fs11.openSync(target, "w");
  return {
    write: (content) => writeAll(descriptor, content),
    commit: () => fs11.closeSync(descriptor),
    abandon: () => fs11.closeSync(descriptor)
  };
}
function removeStaleTemporaries(target) {
  const folder = path16.dirname(target);
  const prefix = `.${path16.basename(target)}.`;
  let names;
  try {
    names = fs11.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{16}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const file = path16.join(folder, name);
    try {
      const stats = fs11.lstatSync(file);
      if (Date.now() - stats.mtimeMs > STALE_AFTER_MS || !isRunning(Number(match[1]))) fs11.rmSync(file, { force: true });
    } catch {
    }
  }
}
function isRunning(pid) {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
var fs11, path16, STALE_AFTER_MS, randomSuffix;
var init_atomic_file = __esm({
  "src/files/atomic-file.ts"() {
    "use strict";
    fs11 = __toESM(require("node:fs"));
    path16 = __toESM(require("node:path"));
    STALE_AFTER_MS = 24 * 3600 * 1e3;
    randomSuffix = () => require("node:crypto").randomBytes(8).toString("hex");
  }
});

// src/reporters/utf8-chunks.ts
var CHUNK_BYTES;
var init_utf8_chunks = __esm({
  "src/reporters/utf8-chunks.ts"() {
    "use strict";
    CHUNK_BYTES = 1 << 20;
  }
});

// src/trace/findings.ts
function traceFindings(file, statement2, lintFindings) {
  const place = { file, line: statement2.location.line, column: statement2.location.column, endLine: statement2.location.endLine, endColumn: statement2.location.endColumn };
  if (statement2.error) {
    return [{ rule: "statement-error", severity: "error", ...place, message: `PostgreSQL rejected the statement: ${statement2.error}.`, help: HELP2["statement-error"], docs: "migralint trace --help" }];
  }
  const blocking2 = statement2.locks.filter((lock2) => lock2.table && blocksApplication(lock2.mode));
  const rewrites = statement2.rewrites;
  if (blocking2.length === 0 && rewrites.length === 0) return [];
  const observed = strongest(blocking2);
  const lock = observed && { mode: observed.mode, relation: observed.relation, blocks: blockedBy(observed.mode) };
  if (lock && rewrites.includes(lock.relation)) lock.rewrite = true;
  const words = [lock && `takes ${lock.mode} on "${lock.relation}" (blocks ${lock.blocks})`, rewrites.length > 0 && `rewrites ${rewrites.map((name) => `"${name}"`).join(", ")}`].filter(Boolean).join(" and ");
  const ops = new Set(statement2.planned.operations.map((operation) => `${operation.location.line}:${operation.location.column}`));
  const matching = lintFindings.filter(
    (finding) => ops.has(`${finding.line}:${finding.column}`) && finding.lock !== void 0 && (statement2.locks.some((seen) => seen.mode === finding.lock?.mode) || finding.lock.rewrite !== void 0 && rewrites.length > 0)
  );
  const withLock = (finding) => lock ? { ...finding, lock } : finding;
  if (matching.length > 0) {
    return matching.map((finding) => withLock({ rule: finding.rule, severity: finding.severity, ...place, message: `This statement ${words}. ${finding.message}`, help: finding.help, docs: finding.docs }));
  }
  const rule = lock ? "blocking-lock" : "table-rewrite";
  const severity = "warning";
  return [withLock({ rule, severity, ...place, message: `This statement ${words}.`, help: HELP2[rule], docs: "migralint trace --help" })];
}
function strongest(locks) {
  const order = ["ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"];
  return [...locks].sort((a, b) => order.indexOf(b.mode) - order.indexOf(a.mode))[0];
}
var HELP2;
var init_findings = __esm({
  "src/trace/findings.ts"() {
    "use strict";
    init_locks();
    HELP2 = {
      "blocking-lock": "Keep the lock short (SET lock_timeout = '2s'; and retry), or use a form that takes a weaker lock.",
      "table-rewrite": "Use a form of the change that does not rewrite the table (see the rule for it), or run it in a maintenance window.",
      "statement-error": "Fix the statement: the migration fails here on a database at this point of the history."
    };
  }
});

// src/lowering/sql-text.ts
function quoted(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function tableSql(table) {
  return table.schema ? `${quoted(table.schema)}.${quoted(table.name)}` : quoted(table.name);
}
function columnList2(columns) {
  return `(${columns.map(quoted).join(", ")})`;
}
function typeSql(type2) {
  const modifiers = type2.modifiers.length > 0 ? `(${type2.modifiers.join(",")})` : "";
  return `${type2.name}${modifiers}${type2.isArray ? "[]" : ""}`;
}
var init_sql_text = __esm({
  "src/lowering/sql-text.ts"() {
    "use strict";
  }
});

// src/lowering/index.ts
function lowerOperation(operation, dialect) {
  try {
    const lowered = LOWER[operation.kind](operation, dialect);
    return { statements: Array.isArray(lowered) ? lowered.map(asStatement) : [asStatement(lowered)] };
  } catch (error) {
    if (error instanceof NotLowered) return { notLowered: error.message };
    throw error;
  }
}
function asStatement(item) {
  return typeof item === "string" ? { sql: item } : item;
}
function notLowered(reason) {
  throw new NotLowered(reason);
}
function createTable3(operation) {
  const primary = operation.columns.filter((column) => column.primaryKey);
  const columns = operation.columns.map((column) => columnSql(primary.length > 1 ? { ...column, primaryKey: false } : column));
  const constraints = [
    ...primary.length > 1 ? [`PRIMARY KEY ${columnList2(primary.map((column) => column.name))}`] : [],
    ...operation.constraints.map(constraintSql)
  ];
  const sql = `CREATE TABLE ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${tableSql(operation.table)} (${[...columns, ...constraints].join(", ")})`;
  const inline = operation.columns.some((column) => column.unique || column.references);
  return inline ? { sql, approximation: "column UNIQUE and REFERENCES clauses are written inline; the ORM may add them with separate ALTER TABLE statements (the same locks)" } : { sql };
}
function columnSql(column) {
  if (!column.type) notLowered(`the type of column "${column.name}" is not known statically`);
  const parts = [quoted(column.name), typeSql(column.type)];
  if (column.generated === "identity") parts.push("GENERATED BY DEFAULT AS IDENTITY");
  if (column.generated === "stored") notLowered(`the expression of generated column "${column.name}" is not known statically`);
  if (column.notNull) parts.push("NOT NULL");
  if (column.default) parts.push(`DEFAULT ${defaultSql(column.default)}`);
  if (column.primaryKey) parts.push("PRIMARY KEY");
  if (column.unique) parts.push("UNIQUE");
  if (column.references) parts.push(`REFERENCES ${tableSql(column.references.table)}${column.references.columns.length > 0 ? ` ${columnList2(column.references.columns)}` : ""}`);
  return parts.join(" ");
}
function defaultSql(value) {
  if (value.sql === void 0) notLowered("the default value is known only at run time");
  return value.sql === "uuid_generate_v4()" ? "gen_random_uuid()" : value.sql;
}
function constraintSql(constraint) {
  const name = constraint.name ? `CONSTRAINT ${quoted(constraint.name)} ` : "";
  const notValid = constraint.notValid ? " NOT VALID" : "";
  switch (constraint.kind) {
    case "unique":
      return `${name}UNIQUE ${constraint.usingIndex ? `USING INDEX ${quoted(constraint.usingIndex)}` : columnList2(constraint.columns)}`;
    case "primaryKey":
      return `${name}PRIMARY KEY ${constraint.usingIndex ? `USING INDEX ${quoted(constraint.usingIndex)}` : columnList2(constraint.columns)}`;
    case "foreignKey": {
      const target = constraint.references;
      if (!target) return notLowered("the table the foreign key references is not known statically");
      const targetColumns = target.columns.length > 0 ? ` ${columnList2(target.columns)}` : "";
      return `${name}FOREIGN KEY ${columnList2(constraint.columns)} REFERENCES ${tableSql(target.table)}${targetColumns}${notValid}`;
    }
    case "check":
      if (constraint.expression === void 0) return notLowered(`the expression of CHECK constraint${constraint.name ? ` "${constraint.name}"` : ""} is not known statically`);
      return `${name}CHECK (${constraint.expression})${notValid}`;
    case "exclusion":
      return notLowered("an exclusion constraint is not modelled");
  }
}
function alterColumnType(operation, dialect) {
  if (!operation.newType) notLowered(`the new type of column "${operation.column}" is not known statically`);
  const type2 = typeSql(operation.newType);
  const column = quoted(operation.column);
  if (dialect !== "typeorm") return [alter(operation.table, `ALTER COLUMN ${column} TYPE ${type2} USING (${column}::${type2})`)];
  return [
    alter(operation.table, `DROP COLUMN ${column}`),
    { sql: alter(operation.table, `ADD ${column} ${type2}`), approximation: "the new column is added nullable and without a default (the model does not carry them)" }
  ];
}
function createIndex2(operation, dialect) {
  const name = operation.name ?? (dialect === "knex" ? knexIndexName(operation.table, operation.columns, operation.unique) : void 0);
  const flags = `${operation.unique ? "UNIQUE " : ""}INDEX ${operation.concurrently ? "CONCURRENTLY " : ""}${operation.ifNotExists ? "IF NOT EXISTS " : ""}`;
  return `CREATE ${flags}${name ? `${quoted(name)} ` : ""}ON ${tableSql(operation.table)} ${columnList2(operation.columns)}`;
}
function knexIndexName(table, columns, unique) {
  return `${table.name}_${columns.join("_")}_${unique ? "unique" : "index"}`.toLowerCase().replace(/[-.]/g, "_");
}
var NotLowered, alter, LOWER;
var init_lowering = __esm({
  "src/lowering/index.ts"() {
    "use strict";
    init_sql_text();
    NotLowered = class extends Error {
    };
    alter = (table, action) => `ALTER TABLE ${tableSql(table)} ${action}`;
    LOWER = {
      createTable: (operation) => createTable3(operation),
      dropTable: (operation) => `DROP TABLE ${operation.ifExists ? "IF EXISTS " : ""}${operation.tables.map(tableSql).join(", ")}${operation.cascade ? " CASCADE" : ""}`,
      renameTable: (operation) => alter(operation.table, `RENAME TO ${quoted(operation.newName)}`),
      addColumn: (operation) => alter(operation.table, `ADD ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${columnSql(operation.column)}`),
      dropColumn: (operation) => alter(operation.table, `DROP COLUMN ${operation.ifExists ? "IF EXISTS " : ""}${quoted(operation.column)}`),
      renameColumn: (operation) => alter(operation.table, `RENAME COLUMN ${quoted(operation.column)} TO ${quoted(operation.newName)}`),
      alterColumnType: (operation, dialect) => alterColumnType(operation, dialect),
      setNotNull: (operation) => alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} SET NOT NULL`),
      dropNotNull: (operation) => alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} DROP NOT NULL`),
      setDefault: (operation) => alter(operation.table, `ALTER COLUMN ${quoted(operation.column)} ${operation.default ? `SET DEFAULT ${defaultSql(operation.default)}` : "DROP DEFAULT"}`),
      addConstraint: (operation) => alter(operation.table, `ADD ${constraintSql(operation.constraint)}`),
      validateConstraint: (operation) => alter(operation.table, `VALIDATE CONSTRAINT ${quoted(operation.name)}`),
      dropConstraint: (operation) => alter(operation.table, `DROP CONSTRAINT ${operation.ifExists ? "IF EXISTS " : ""}${quoted(operation.name)}`),
      createIndex: (operation, dialect) => createIndex2(operation, dialect),
      dropIndex: (operation) => `DROP INDEX ${operation.concurrently ? "CONCURRENTLY " : ""}${operation.ifExists ? "IF EXISTS " : ""}${operation.names.map(tableSql).join(", ")}`,
      reindex: (operation) => `REINDEX ${(operation.targetKind ?? "table").toUpperCase()} ${operation.concurrently ? "CONCURRENTLY " : ""}${quoted(operation.target)}`,
      // The partition bound is not modelled, so the statement cannot be rebuilt.
      attachPartition: () => notLowered("a partition is attached only in SQL"),
      detachPartition: (operation) => alter(operation.table, `DETACH PARTITION ${tableSql(operation.partition)}${operation.concurrently ? " CONCURRENTLY" : ""}`),
      truncate: (operation) => `TRUNCATE TABLE ${operation.tables.map(tableSql).join(", ")}${operation.cascade ? " CASCADE" : ""}`,
      createDomain: () => notLowered("a domain is created only in SQL"),
      alterDomainAddConstraint: () => notLowered("a domain is altered only in SQL"),
      dropDatabase: (operation) => `DROP DATABASE IF EXISTS ${quoted(operation.name)}`,
      transaction: (operation) => ({ begin: "START TRANSACTION", commit: "COMMIT", rollback: "ROLLBACK" })[operation.action],
      setSetting: (operation) => `SET ${operation.local ? "LOCAL " : ""}${operation.name} = ${operation.value}`,
      other: (operation) => notLowered(`\`${operation.statement}\` is not modelled`)
    };
  }
});

// src/trace/plan.ts
function planStatements(analyzed) {
  const planned = [];
  for (const operation of analyzed.operations) {
    const last = planned[planned.length - 1];
    if (operation.sql !== void 0) {
      const location = operation.sqlLocation ?? operation.location;
      if (last && last.sql === operation.sql && sameSpan(last.location, location) && last.operations[0].sql !== void 0) last.operations.push(operation);
      else planned.push({ location, sql: operation.sql, operations: [operation] });
      continue;
    }
    const lowered = lowerOperation(operation, analyzed.frontend);
    if ("notLowered" in lowered) {
      planned.push({ location: operation.location, sql: "", operations: [operation], notRun: `not run: ${lowered.notLowered}` });
      continue;
    }
    for (const statement2 of lowered.statements) {
      planned.push({ location: operation.location, sql: statement2.sql, operations: [operation], approximation: statement2.approximation });
    }
  }
  return planned;
}
function sameSpan(a, b) {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
function transactionAction(statement2) {
  const [first] = statement2.operations;
  return first?.kind === "transaction" ? first.action : void 0;
}
var init_plan = __esm({
  "src/trace/plan.ts"() {
    "use strict";
    init_lowering();
  }
});

// src/trace/catalogue.ts
async function readCatalogue(db) {
  const [row] = await db.rows(`SELECT
    (SELECT json_agg(r) FROM (
       SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relfilenode::int AS filenode,
              i.indrelid::int AS "table", i.indisvalid AS valid
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
       WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm', 'f')) r) AS relations,
    (SELECT json_agg(a) FROM (
       SELECT a.attrelid::int AS relation, a.attname AS name, a.atttypid::int AS "typeId", a.atttypmod AS "typeMod", a.attnotnull AS "notNull",
              d.oid::int AS "defaultId"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped) a) AS columns,
    (SELECT json_agg(k) FROM (
       SELECT k.conrelid::int AS relation, k.conname AS name, k.contype::text AS type, k.convalidated AS validated
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${USER_SCHEMAS} AND k.contype <> 'n') k) AS constraints`);
  const relations = row.relations ?? [];
  const columns = row.columns ?? [];
  const constraints = row.constraints ?? [];
  return {
    relations: new Map(
      relations.map((relation) => [
        relation.oid,
        {
          oid: relation.oid,
          name: relation.schema === "public" ? relation.name : `${relation.schema}.${relation.name}`,
          kind: relation.kind,
          filenode: relation.filenode,
          table: relation.table ?? void 0,
          valid: relation.valid ?? void 0
        }
      ])
    ),
    columns: new Map(columns.map((column) => [`${column.relation}:${column.name}`, column])),
    constraints: new Map(constraints.map((constraint) => [`${constraint.relation}:${constraint.name}`, constraint]))
  };
}
async function heldLocks(db) {
  const rows = await db.rows(
    `SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted`
  );
  return new Set(rows.map((row) => `${row.oid}:${row.mode}`));
}
function kindWord(relation) {
  return KIND_WORDS[relation.kind] ?? "relation";
}
function isTable(relation) {
  return relation.kind === "r" || relation.kind === "p";
}
async function compareCatalogues(db, before, after) {
  const created = [];
  const altered = [];
  const dropped = [];
  const newStorage = [];
  const nameOf2 = (catalogue, oid) => catalogue.relations.get(oid)?.name ?? String(oid);
  for (const [oid, relation] of after.relations) {
    const old = before.relations.get(oid);
    if (!old) {
      created.push(`${kindWord(relation)} ${relation.name}`);
      continue;
    }
    if (old.name !== relation.name) altered.push(`${kindWord(relation)} ${old.name} renamed to ${relation.name}`);
    if (old.filenode !== relation.filenode && relation.filenode !== 0) newStorage.push(relation);
    if (old.valid === false && relation.valid === true) altered.push(`index ${relation.name} became valid`);
  }
  for (const [oid, relation] of before.relations) if (!after.relations.has(oid)) dropped.push(`${kindWord(relation)} ${relation.name}`);
  const retyped = [];
  const defaults = [];
  for (const [key, column] of after.columns) {
    if (!before.relations.has(column.relation)) continue;
    const old = before.columns.get(key);
    const name = `column ${nameOf2(after, column.relation)}.${column.name}`;
    if (!old) {
      created.push(name);
      continue;
    }
    if (old.typeId !== column.typeId || old.typeMod !== column.typeMod) retyped.push([name, old, column]);
    if (old.notNull !== column.notNull) altered.push(`${name}: ${column.notNull ? "NOT NULL set" : "NOT NULL dropped"}`);
    if (old.defaultId !== column.defaultId) defaults.push([name, column]);
  }
  altered.push(...await describeColumnChanges(db, retyped, defaults));
  for (const [key, column] of before.columns) {
    if (!after.columns.has(key) && after.relations.has(column.relation)) dropped.push(`column ${nameOf2(before, column.relation)}.${column.name}`);
  }
  for (const [key, constraint] of after.constraints) {
    if (!before.relations.has(constraint.relation)) continue;
    const old = before.constraints.get(key);
    const name = `constraint ${constraint.name} on ${nameOf2(after, constraint.relation)}`;
    if (!old) created.push(`${name}${constraint.validated ? "" : " (not valid)"}`);
    else if (!old.validated && constraint.validated) altered.push(`${name}: validated`);
  }
  for (const [key, constraint] of before.constraints) {
    if (!after.constraints.has(key) && after.relations.has(constraint.relation)) dropped.push(`constraint ${constraint.name} on ${nameOf2(before, constraint.relation)}`);
  }
  return { created, altered, dropped, newStorage };
}
async function describeColumnChanges(db, retyped, defaults) {
  const words = [];
  if (retyped.length > 0) {
    const pairs = retyped.flatMap(([, old, now]) => [old, now]);
    const names = await db.rows(
      "SELECT format_type(t, m) AS name FROM unnest($1::oid[], $2::int[]) WITH ORDINALITY AS u(t, m, i) ORDER BY i",
      [pairs.map((column) => column.typeId), pairs.map((column) => column.typeMod)]
    );
    retyped.forEach(([name], index) => words.push(`${name}: type ${names[2 * index].name} \u2192 ${names[2 * index + 1].name}`));
  }
  if (defaults.length > 0) {
    const ids = defaults.flatMap(([, column]) => column.defaultId === null ? [] : [column.defaultId]);
    const rows = ids.length > 0 ? await db.rows("SELECT oid::int AS id, pg_get_expr(adbin, adrelid) AS text FROM pg_attrdef WHERE oid = ANY($1::oid[])", [ids]) : [];
    for (const [name, column] of defaults) words.push(`${name}: default ${rows.find((row) => row.id === column.defaultId)?.text ?? "dropped"}`);
  }
  return words;
}
var USER_SCHEMAS, KIND_WORDS;
var init_catalogue2 = __esm({
  "src/trace/catalogue.ts"() {
    "use strict";
    USER_SCHEMAS = `c.oid >= 16384 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;
    KIND_WORDS = { r: "table", p: "table", i: "index", I: "index", S: "sequence", v: "view", m: "materialized view", f: "foreign table" };
  }
});

// src/trace/database.ts
function statementError(error) {
  const fields = error;
  const position = fields.position !== void 0 ? Number(fields.position) : void 0;
  return new StatementError(String(fields.message ?? error), fields.code, Number.isFinite(position) ? position : void 0);
}
var StatementError, ACTIVE_SQL_TRANSACTION;
var init_database = __esm({
  "src/trace/database.ts"() {
    "use strict";
    StatementError = class extends Error {
      constructor(message2, code, position) {
        super(message2);
        this.code = code;
        this.position = position;
      }
      code;
      position;
    };
    ACTIVE_SQL_TRANSACTION = "25001";
  }
});

// src/trace/lock-catalogue.ts
function ownTransactionLocks(operations, catalogue) {
  const locks = [];
  for (const operation of operations) {
    for (const entry of OWN_TRANSACTION_LOCKS[operation.kind] ?? []) {
      for (const oid of relationsOf(operation, entry.on, catalogue)) locks.push({ oid, mode: entry.mode });
    }
  }
  return locks;
}
function tablesWorkedOn(operations, catalogue) {
  return operations.flatMap((operation) => [...relationsOf(operation, "table", catalogue), ...relationsOf(operation, "partition", catalogue)]);
}
function relationsOf(operation, on, catalogue) {
  const byName = (name) => {
    const unqualified = name.startsWith("public.") ? name.slice("public.".length) : name;
    return [...catalogue.relations.values()].filter((relation) => relation.name === unqualified);
  };
  switch (operation.kind) {
    case "createIndex":
      return on === "table" ? byName(qualifiedName(operation.table)).map((relation) => relation.oid) : [];
    case "dropIndex": {
      const indexes = operation.names.flatMap((name) => byName(qualifiedName(name)));
      if (on === "index") return indexes.map((index) => index.oid);
      return on === "table" ? indexes.flatMap((index) => index.table !== void 0 ? [index.table] : []) : [];
    }
    case "reindex": {
      const target = byName(operation.target);
      const tables = target.flatMap((relation) => relation.table !== void 0 ? [relation.table] : [relation.oid]);
      if (on === "table") return tables;
      if (on !== "index") return [];
      const indexes = target.filter((relation) => relation.table !== void 0);
      return indexes.length > 0 ? indexes.map((index) => index.oid) : [...catalogue.relations.values()].filter((relation) => relation.table !== void 0 && tables.includes(relation.table)).map((index) => index.oid);
    }
    case "detachPartition":
      if (on === "table") return byName(qualifiedName(operation.table)).map((relation) => relation.oid);
      return on === "partition" ? byName(qualifiedName(operation.partition)).map((relation) => relation.oid) : [];
    default:
      return [];
  }
}
var OWN_TRANSACTION_LOCKS;
var init_lock_catalogue = __esm({
  "src/trace/lock-catalogue.ts"() {
    "use strict";
    init_operations();
    OWN_TRANSACTION_LOCKS = {
      createIndex: [{ on: "table", mode: "ShareUpdateExclusiveLock" }],
      dropIndex: [
        { on: "table", mode: "ShareUpdateExclusiveLock" },
        { on: "index", mode: "ShareUpdateExclusiveLock" },
        { on: "index", mode: "AccessExclusiveLock" }
        // in its last step, when nothing can use the index any more
      ],
      reindex: [
        { on: "table", mode: "ShareUpdateExclusiveLock" },
        { on: "index", mode: "ShareUpdateExclusiveLock" },
        { on: "index", mode: "AccessExclusiveLock" }
        // in its last step, on the old index it drops, when nothing can use it any more
      ],
      detachPartition: [
        { on: "table", mode: "ShareUpdateExclusiveLock" },
        { on: "partition", mode: "ShareUpdateExclusiveLock" },
        { on: "partition", mode: "AccessExclusiveLock" }
        // in its second transaction
      ]
    };
  }
});

// src/trace/run-trace.ts
async function traceMigration(db, statements, runnerTransaction, settings) {
  const tracer = new MigrationTracer(db, settings, await readCatalogue(db));
  return tracer.run(statements, runnerTransaction);
}
function mayChangeCatalogue(operation) {
  if (operation.kind === "setSetting" || operation.kind === "transaction") return false;
  return !(operation.kind === "other" && /^(Select|Insert|Update|Delete|Variable\w*|Explain|Notify|Listen)Stmt$/.test(operation.statement));
}
function round(ms) {
  return Math.round(ms * 10) / 10;
}
var MigrationTracer;
var init_run_trace = __esm({
  "src/trace/run-trace.ts"() {
    "use strict";
    init_locks();
    init_catalogue2();
    init_database();
    init_lock_catalogue();
    init_plan();
    MigrationTracer = class {
      constructor(db, settings, start) {
        this.db = db;
        this.settings = settings;
        this.start = start;
        this.catalogue = start;
      }
      db;
      settings;
      start;
      catalogue;
      inTransaction = false;
      /** What pg_locks showed after the last statement of the open transaction: the next one's "before". */
      lastHeld;
      /** Locks taken in the open transaction: when and by which line. */
      open = /* @__PURE__ */ new Map();
      held = [];
      notes = [];
      async run(statements, runnerTransaction) {
        const traced = [];
        if (runnerTransaction) await this.begin();
        for (const [index, planned] of statements.entries()) {
          const result = await this.statement(planned);
          traced.push(result);
          if (result.error) {
            if (this.inTransaction) await this.end("ROLLBACK");
            const rest = statements.length - index - 1;
            if (rest > 0) this.notes.push(`${rest} later statement${rest === 1 ? " was" : "s were"} not run after the failure on line ${planned.location.line}`);
            return { statements: traced, heldLocks: this.held, notes: this.notes };
          }
        }
        if (this.inTransaction) await this.end(this.settings.commit ? "COMMIT" : "ROLLBACK");
        return { statements: traced, heldLocks: this.held, notes: this.notes };
      }
      async begin() {
        await this.db.run("BEGIN");
        this.inTransaction = true;
        this.lastHeld = void 0;
      }
      async end(command) {
        await this.db.run(command).catch(() => void 0);
        const now = performance.now();
        for (const lock of this.open.values()) this.held.push({ relation: lock.relation, mode: lock.mode, line: lock.line, heldMs: round(now - lock.at) });
        this.open.clear();
        this.inTransaction = false;
        this.lastHeld = void 0;
      }
      async statement(planned) {
        const result = {
          location: planned.location,
          sql: planned.sql,
          transaction: this.inTransaction,
          locks: [],
          rewrites: [],
          created: [],
          altered: [],
          dropped: [],
          durationMs: 0,
          planned
        };
        if (planned.approximation) result.approximation = planned.approximation;
        if (planned.notRun) return { ...result, notRun: planned.notRun };
        const action = transactionAction(planned);
        if (action === "begin") {
          await this.timed(result, () => this.db.run(planned.sql));
          this.inTransaction = true;
          this.lastHeld = void 0;
          return result;
        }
        if (action) {
          const command = action === "commit" && !this.settings.commit ? "ROLLBACK" : action === "commit" ? "COMMIT" : "ROLLBACK";
          if (command !== action.toUpperCase()) result.notRun = "rolled back instead: nothing is committed without --commit";
          const started = performance.now();
          await this.end(command);
          result.durationMs = round(performance.now() - started);
          return result;
        }
        if (this.inTransaction) return this.observed(result, planned);
        await this.begin();
        result.transaction = true;
        await this.observed(result, planned);
        if (result.error === void 0 || !result.error.startsWith(`${ACTIVE_SQL_TRANSACTION}:`)) {
          if (this.inTransaction) await this.end(this.settings.commit ? "COMMIT" : "ROLLBACK");
          return result;
        }
        await this.end("ROLLBACK");
        return this.outsideTransaction({ ...result, error: void 0, transaction: false, locks: [] }, planned);
      }
      /** Runs the statement in the open transaction and looks at what it newly holds and changed. */
      async observed(result, planned) {
        const before = this.lastHeld ?? await heldLocks(this.db);
        this.lastHeld = void 0;
        const ok = await this.timed(result, () => this.db.run(planned.sql));
        if (!ok) return result;
        const after = await heldLocks(this.db);
        this.lastHeld = after;
        const taken = [...after].filter((key) => !before.has(key)).map((key) => key.split(":"));
        result.locks = this.describeLocks(taken.map(([oid, mode]) => ({ oid: Number(oid), mode })));
        for (const lock of result.locks) {
          const key = `${lock.relation}:${lock.mode}`;
          if (!this.open.has(key)) this.open.set(key, { relation: lock.relation, mode: lock.mode, line: planned.location.line, at: performance.now() - result.durationMs });
        }
        await this.compare(result, planned);
        return result;
      }
      /** A statement that commits its own transactions: watched from a second connection, or its locks from the catalogue. */
      async outsideTransaction(result, planned) {
        if (!this.settings.commit) return { ...result, notRun: "not run: it commits its own transactions, and nothing is committed without --commit" };
        const gate = tablesWorkedOn(planned.operations, this.catalogue).filter((oid) => this.start.relations.has(oid));
        let watched;
        const ok = await this.timed(result, async () => {
          if (this.db.runWatched) watched = await this.db.runWatched(planned.sql, gate);
          else await this.db.run(planned.sql);
        });
        if (!ok) return result;
        const seen = watched && this.describeLocks(watched).length > 0 ? watched : void 0;
        result.locks = seen ? this.describeLocks(seen) : this.describeLocks(ownTransactionLocks(planned.operations, this.catalogue)).map((lock) => ({ ...lock, observed: false }));
        for (const lock of result.locks) this.held.push({ relation: lock.relation, mode: lock.mode, line: planned.location.line, heldMs: result.durationMs });
        await this.compare(result, planned);
        return result;
      }
      /** Runs and times the statement; a failure becomes the result's error (`SQLSTATE: message`). */
      async timed(result, run) {
        const started = performance.now();
        try {
          await run();
          return true;
        } catch (error) {
          const failure = error instanceof StatementError ? error : statementError(error);
          result.error = `${failure.code ?? "error"}: ${failure.message}`;
          if (failure.position !== void 0) result.error += ` (at character ${failure.position})`;
          return false;
        } finally {
          result.durationMs = round(performance.now() - started);
        }
      }
      describeLocks(locks) {
        const described = [];
        for (const { oid, mode } of locks) {
          const relation = this.start.relations.get(oid);
          if (!relation || !isLockMode(mode)) continue;
          const name = this.catalogue.relations.get(oid)?.name ?? relation.name;
          if (described.some((lock) => lock.relation === name && lock.mode === mode)) continue;
          described.push({ relation: name, mode, table: isTable(relation) });
        }
        return described;
      }
      async compare(result, planned) {
        if (!planned.operations.some(mayChangeCatalogue)) return;
        const after = await readCatalogue(this.db);
        const changes = await compareCatalogues(this.db, this.catalogue, after);
        this.catalogue = after;
        result.created = changes.created;
        result.altered = changes.altered;
        result.dropped = changes.dropped;
        const truncates = planned.operations.some((operation) => operation.kind === "truncate");
        for (const relation of changes.newStorage) {
          if (!this.start.relations.has(relation.oid)) continue;
          if (truncates) result.altered.push(`${relation.name} emptied`);
          else result.rewrites.push(relation.name);
        }
      }
    };
  }
});

// src/trace/pglite-database.ts
function cacheFolder(env = process.env) {
  if (env.MIGRALINT_CACHE_DIR) return env.MIGRALINT_CACHE_DIR;
  if (process.platform === "win32") return path17.join(env.LOCALAPPDATA ?? path17.join(os.homedir(), "AppData", "Local"), "migralint", "Cache");
  if (process.platform === "darwin") return path17.join(os.homedir(), "Library", "Caches", "migralint");
  return path17.join(env.XDG_CACHE_HOME || path17.join(os.homedir(), ".cache"), "migralint");
}
function pgliteVersion() {
  const entry = require.resolve("@electric-sql/pglite");
  const manifest = JSON.parse(fs12.readFileSync(path17.join(path17.dirname(entry), "..", "package.json"), "utf8"));
  return manifest.version;
}
function dataDirArchive(env = process.env) {
  return path17.join(cacheFolder(env), `pglite-${pgliteVersion()}`, "datadir.tar");
}
async function openPglite(env = process.env, extensionNames = []) {
  const { PGlite } = loadPglite();
  const extensions = contribExtensions(extensionNames);
  const archive = dataDirArchive(env);
  const saved = readOptional(archive);
  if (saved) {
    const db2 = new PGlite({ loadDataDir: new Blob([saved]), extensions });
    try {
      await db2.waitReady;
      await db2.query("SELECT 1");
      return await wrap(db2);
    } catch {
      await db2.close().catch(() => void 0);
    }
  }
  const db = new PGlite({ extensions });
  await db.waitReady;
  await save(db, archive);
  return wrap(db);
}
function contribExtensions(names) {
  const extensions = {};
  for (const name of new Set(names.map((extension) => extension.toLowerCase().replace(/-/g, "_")))) {
    if (CONTRIB.has(name)) extensions[name] = require(`@electric-sql/pglite/contrib/${name}`)[name];
  }
  return extensions;
}
function extensionsCreatedIn(text) {
  return [...text.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((match) => match[1]);
}
function loadPglite() {
  try {
    return require("@electric-sql/pglite");
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    throw new UsageError(`trace runs PostgreSQL from the package @electric-sql/pglite, an optional dependency that was left out of this install (--omit=optional?): npm install @electric-sql/pglite@${PGLITE_RANGE}`);
  }
}
async function save(db, archive) {
  try {
    const dump = Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer());
    writeFileAtomically(archive, dump);
  } catch {
  }
}
function readOptional(file) {
  try {
    return fs12.readFileSync(file);
  } catch {
    return void 0;
  }
}
async function wrap(db) {
  const ignoreNotice = () => void 0;
  const [{ version }] = (await db.query("SELECT version()")).rows;
  return {
    version: describeVersion(version),
    embedded: true,
    async run(sql) {
      try {
        await db.exec(sql, { onNotice: ignoreNotice });
      } catch (error) {
        throw statementError(error);
      }
    },
    async rows(sql, params) {
      return (await db.query(sql, params, { onNotice: ignoreNotice })).rows;
    },
    close: () => db.close()
  };
}
function describeVersion(version) {
  return /^PostgreSQL [\d.]+(?: \(PGlite [\d.]+\))?/.exec(version)?.[0] ?? version;
}
var fs12, os, path17, CONTRIB, PGLITE_RANGE;
var init_pglite_database = __esm({
  "src/trace/pglite-database.ts"() {
    "use strict";
    fs12 = __toESM(require("node:fs"));
    os = __toESM(require("node:os"));
    path17 = __toESM(require("node:path"));
    init_errors();
    init_database();
    init_atomic_file();
    CONTRIB = /* @__PURE__ */ new Set(["amcheck", "bloom", "btree_gin", "btree_gist", "citext", "cube", "dict_int", "dict_xsyn", "earthdistance", "fuzzystrmatch", "hstore", "intarray", "isn", "lo", "ltree", "pg_trgm", "pgcrypto", "seg", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time", "unaccent", "uuid_ossp"]);
    PGLITE_RANGE = "^0.5.17";
  }
});

// src/trace/server-database.ts
async function openServer(options) {
  const pg = loadPg();
  const connect = async () => {
    const client = new pg.Client({ connectionString: options.url });
    client.on("notice", () => void 0);
    client.on("error", () => void 0);
    await client.connect();
    return client;
  };
  let main;
  try {
    main = await connect();
  } catch (error) {
    throw new UsageError(`--database-url: cannot connect: ${error.message}`);
  }
  const tables = await main.query(
    `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`
  );
  const count = Number(tables.rows[0].count);
  if (count > 0 && !options.allowNonEmpty) {
    await main.end();
    throw new UsageError(`--database-url: the database has ${count} user table${count === 1 ? "" : "s"}; trace runs on an empty database unless --allow-non-empty is given`);
  }
  const version = describeVersion((await main.query("SELECT version()")).rows[0].version);
  const pid = Number((await main.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
  let watcher;
  return {
    version,
    embedded: false,
    async run(sql) {
      try {
        await main.query(sql);
      } catch (error) {
        throw statementError(error);
      }
    },
    async rows(sql, params) {
      return (await main.query(sql, params)).rows;
    },
    async runWatched(sql, gateRelations) {
      watcher ??= await connect();
      return watch(main, watcher, pid, sql, gateRelations);
    },
    async close() {
      await watcher?.end().catch(() => void 0);
      await main.end().catch(() => void 0);
    }
  };
}
function loadPg() {
  try {
    return require("pg");
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    throw new UsageError("trace --database-url connects with the package pg, an optional dependency that was left out of this install (--omit=optional?): npm install pg");
  }
}
async function watch(main, watcher, pid, sql, gateRelations) {
  const seen = /* @__PURE__ */ new Map();
  const look = async () => {
    const held = await watcher.query(
      "SELECT relation::int AS oid, mode, granted, locktype FROM pg_locks WHERE pid = $1",
      [pid]
    );
    for (const lock of held.rows) {
      if (lock.granted && lock.locktype === "relation" && lock.oid !== null) seen.set(`${lock.oid}:${lock.mode}`, { oid: lock.oid, mode: lock.mode });
    }
    return held.rows.some((lock) => !lock.granted);
  };
  await watcher.query("BEGIN");
  if (gateRelations.length > 0) {
    const names = await watcher.query("SELECT oid::regclass::text AS name FROM pg_class WHERE oid = ANY($1) AND relkind IN ($2, $3)", [gateRelations, "r", "p"]);
    if (names.rows.length > 0) await watcher.query(`LOCK TABLE ${names.rows.map((row) => row.name).join(", ")} IN ROW EXCLUSIVE MODE`);
  }
  let done = false;
  let failure;
  const running = main.query(sql).then(
    () => void (done = true),
    (error) => {
      done = true;
      failure = error;
    }
  );
  const started = Date.now();
  while (!done && Date.now() - started < WAIT_LIMIT_MS && !await look()) await pause(2);
  await watcher.query("ROLLBACK");
  while (!done) await look();
  await running;
  if (failure) throw statementError(failure);
  return [...seen.values()];
}
function pause(ms) {
  return new Promise((resolve12) => setTimeout(resolve12, ms));
}
var WAIT_LIMIT_MS;
var init_server_database = __esm({
  "src/trace/server-database.ts"() {
    "use strict";
    init_errors();
    init_database();
    init_pglite_database();
    WAIT_LIMIT_MS = 5e3;
  }
});

// src/trace/index.ts
var trace_exports = {};
__export(trace_exports, {
  extensionsCreatedIn: () => extensionsCreatedIn,
  openPglite: () => openPglite,
  openServer: () => openServer,
  runTrace: () => runTrace
});
async function runTrace(inputs, db, settings) {
  const started = performance.now();
  const migrations = [];
  const findings = [];
  for await (const input of inputs) {
    const { analyzed } = input.analysis;
    const base = { file: input.file, frontend: analyzed.frontend, transaction: analyzed.runnerTransaction };
    const skipped = analyzed.skippedReason ?? (analyzed.frontend === "django" ? "Django migrations are not traced yet" : void 0);
    if (skipped) {
      migrations.push({ ...base, statements: [], heldLocks: [], notes: [], skipped });
      continue;
    }
    const traced = await traceMigration(db, planStatements(analyzed), analyzed.runnerTransaction, settings);
    const notes = [...analyzed.problems.map((problem) => `line ${problem.location.line}: not run: ${problem.message}`), ...traced.notes];
    migrations.push({ ...base, statements: traced.statements, heldLocks: traced.heldLocks, notes });
    for (const statement2 of traced.statements) findings.push(...traceFindings(input.file, statement2, input.lint.findings));
  }
  return { engine: db.version, migrations, findings, durationMs: Math.round(performance.now() - started) };
}
var init_trace = __esm({
  "src/trace/index.ts"() {
    "use strict";
    init_findings();
    init_plan();
    init_run_trace();
    init_pglite_database();
    init_server_database();
  }
});

// src/reporters/colors.ts
function palette(enabled) {
  if (!enabled) {
    const plain = (text) => text;
    return { red: plain, yellow: plain, dim: plain, bold: plain, underline: plain, cyan: plain, green: plain };
  }
  return {
    red: wrap2(31, 39),
    yellow: wrap2(33, 39),
    dim: wrap2(2, 22),
    bold: wrap2(1, 22),
    underline: wrap2(4, 24),
    cyan: wrap2(36, 39),
    green: wrap2(32, 39)
  };
}
var wrap2;
var init_colors = __esm({
  "src/reporters/colors.ts"() {
    "use strict";
    wrap2 = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
  }
});

// src/reporters/lock-words.ts
function lockWords(lock) {
  const rewrite = lock.rewrite === true ? "; rewrites the table" : lock.rewrite === "possible" ? "; may rewrite the table" : "";
  return `takes ${lock.mode} on "${lock.relation}": blocks ${lock.blocks}${rewrite}`;
}
var init_lock_words = __esm({
  "src/reporters/lock-words.ts"() {
    "use strict";
  }
});

// src/trace/report.ts
var report_exports = {};
__export(report_exports, {
  traceJson: () => traceJson,
  traceStylish: () => traceStylish
});
function traceJson(result, toolVersion) {
  const document = {
    version: 1,
    tool: { name: "migralint", version: toolVersion },
    engine: result.engine,
    migrations: result.migrations.map((migration) => ({
      file: migration.file,
      frontend: migration.frontend,
      transaction: migration.transaction,
      ...migration.skipped ? { skipped: migration.skipped } : {},
      statements: migration.statements.map(statementJson),
      heldLocks: migration.heldLocks,
      notes: migration.notes
    })),
    findings: result.findings,
    summary: summaryOf(result)
  };
  return `${JSON.stringify(document, null, 2)}
`;
}
function statementJson(statement2) {
  return {
    line: statement2.location.line,
    sql: statement2.sql,
    transaction: statement2.transaction,
    locks: statement2.locks.map((lock) => ({ relation: lock.relation, mode: lock.mode, blocks: blockedBy(lock.mode), ...lock.observed === false ? { observed: false } : {} })),
    rewrites: statement2.rewrites,
    created: statement2.created,
    altered: statement2.altered,
    dropped: statement2.dropped,
    ...statement2.error !== void 0 ? { error: statement2.error } : {},
    ...statement2.notRun !== void 0 ? { notRun: statement2.notRun } : {},
    ...statement2.approximation !== void 0 ? { approximation: statement2.approximation } : {},
    durationMs: statement2.durationMs
  };
}
function summaryOf(result) {
  return {
    migrations: result.migrations.filter((migration) => !migration.skipped).length,
    statements: result.migrations.reduce((sum, migration) => sum + migration.statements.length, 0),
    errors: result.findings.filter((finding) => finding.severity === "error").length,
    warnings: result.findings.filter((finding) => finding.severity === "warning").length,
    durationMs: result.durationMs
  };
}
function traceStylish(result, color) {
  const colors = palette(color);
  const shown = result.migrations.filter((migration) => migration.skipped ? !migration.skipped.startsWith("rollback") : migration.statements.length + migration.notes.length > 0);
  const blocks = shown.map((migration) => migration.skipped ? `${colors.underline(migration.file)}${colors.dim(`  (not run: ${migration.skipped})`)}` : migrationBlock(migration, colors));
  const findings = result.findings.map((finding) => findingLine(finding, colors));
  const summary = summaryOf(result);
  const total = `Traced ${summary.migrations} migration${summary.migrations === 1 ? "" : "s"} (${summary.statements} statement${summary.statements === 1 ? "" : "s"}) on ${result.engine} in ${(result.durationMs / 1e3).toFixed(1)} s: ${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}.`;
  return [...blocks, ...findings.length > 0 ? [`${colors.bold("Findings")}
${findings.join("\n")}`] : [], colors.bold(total)].join("\n\n") + "\n";
}
function migrationBlock(migration, colors) {
  const heading = `${colors.underline(migration.file)}${colors.dim(migration.transaction ? "  (in a transaction)" : "  (no transaction)")}`;
  const lines = [heading];
  for (const statement2 of migration.statements) lines.push(...statementLines(statement2, colors));
  const tables = new Set(migration.statements.flatMap((statement2) => statement2.locks.filter((lock) => lock.table).map((lock) => lock.relation)));
  const held = migration.heldLocks.filter((lock) => tables.has(lock.relation) && blockedBy(lock.mode) !== "nothing");
  for (const lock of strongestPerRelation(held, (lock2) => `${lock2.relation}@${lock2.line}`)) {
    lines.push(`  ${colors.dim("held:")} ${lock.mode} on ${lock.relation} for ${lock.heldMs} ms (from line ${lock.line} until its transaction ended)`);
  }
  for (const note of migration.notes) lines.push(`  ${colors.dim("note:")} ${note}`);
  return lines.join("\n");
}
function statementLines(statement2, colors) {
  const text = statement2.sql.replace(/\s+/g, " ").trim();
  const shown = text.length > 90 ? `${text.slice(0, 89)}\u2026` : text;
  const where = statement2.transaction || statement2.planned.operations[0]?.kind === "transaction" ? "" : colors.dim("  (outside a transaction)");
  const lines = [`  ${colors.dim(String(statement2.location.line).padStart(4))}  ${shown || colors.dim("(builder call)")}  ${colors.dim(`${statement2.durationMs} ms`)}${where}`];
  const detail = (label, text2) => lines.push(`        ${label} ${text2}`);
  const catalogued = statement2.locks.some((lock) => lock.observed === false) ? " (from the lock catalogue: PGlite cannot watch a statement that commits its own transactions)" : "";
  for (const lock of strongestPerRelation(statement2.locks.filter((lock2) => lock2.table && blockedBy(lock2.mode) !== "nothing"), (lock2) => lock2.relation)) {
    const blocked = blockedBy(lock.mode);
    const words = `${lock.mode} on ${lock.relation}: blocks ${blocked}${catalogued}`;
    detail(colors.cyan("lock:"), blocked === "reads and writes" || blocked === "writes" ? colors.yellow(words) : words);
  }
  const indexLocks = strongestPerRelation(statement2.locks.filter((lock) => !lock.table && blockedBy(lock.mode) !== "nothing"), (lock) => lock.relation);
  for (const mode of [...new Set(indexLocks.map((lock) => lock.mode))]) {
    detail(colors.cyan("lock:"), `${mode} on ${indexLocks.filter((lock) => lock.mode === mode).map((lock) => lock.relation).join(", ")}${catalogued}`);
  }
  if (statement2.rewrites.length > 0) detail(colors.cyan("rewrites:"), colors.yellow(statement2.rewrites.join(", ")));
  if (statement2.created.length > 0) detail(colors.cyan("created:"), statement2.created.join(", "));
  if (statement2.altered.length > 0) detail(colors.cyan("altered:"), statement2.altered.join(", "));
  if (statement2.dropped.length > 0) detail(colors.cyan("dropped:"), statement2.dropped.join(", "));
  if (statement2.approximation) detail(colors.dim("approximation:"), statement2.approximation);
  if (statement2.notRun) detail(colors.dim("note:"), statement2.notRun);
  if (statement2.error) detail(colors.red("error:"), statement2.error);
  return lines;
}
function strongestPerRelation(locks, keyOf) {
  const strongest2 = /* @__PURE__ */ new Map();
  for (const lock of locks) {
    const key = keyOf(lock);
    const known = strongest2.get(key);
    if (!known || LOCK_MODES.indexOf(lock.mode) > LOCK_MODES.indexOf(known.mode)) strongest2.set(key, lock);
  }
  return [...strongest2.values()];
}
function findingLine(finding, colors) {
  const severity = finding.severity === "error" ? colors.red("error") : colors.yellow("warning");
  const lock = finding.lock ? `
    ${colors.cyan("lock:")} ${lockWords(finding.lock)}` : "";
  return `  ${finding.file}:${finding.line}:${finding.column}  ${severity}  ${finding.message}  ${colors.dim(finding.rule)}${lock}`;
}
var init_report = __esm({
  "src/trace/report.ts"() {
    "use strict";
    init_locks();
    init_colors();
    init_lock_words();
  }
});

// src/cli/trace-command.ts
var trace_command_exports = {};
__export(trace_command_exports, {
  runTraceCommand: () => runTraceCommand
});
module.exports = __toCommonJS(trace_command_exports);
var fs13 = __toESM(require("node:fs"));
var path18 = __toESM(require("node:path"));
init_rules();

// src/config/config-file.ts
var fs2 = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));
init_placeholder_patterns();
init_read_regular_file();
init_errors();
init_jsonc();
var CONFIG_FILE_NAMES = ["migralint.config.json", ".migralintrc.json"];
function loadConfig(cwd, explicitPath) {
  if (explicitPath) {
    const file = path.resolve(cwd, explicitPath);
    return { config: parseConfigFile(file, readConfigText(file)), path: file };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (fs2.existsSync(file)) return { config: parseConfigFile(file, readConfigText(file)), path: file };
    }
    const packageJson = path.join(dir, "package.json");
    if (fs2.existsSync(packageJson)) {
      const section = packageSection(packageJson);
      if (section !== void 0) return { config: validateConfig(section, `${packageJson} ("migralint")`), path: packageJson };
    }
    if (path.dirname(dir) === dir) return { config: {} };
  }
}
var MAX_CONFIG_BYTES = 1 << 20;
function readConfigText(file) {
  try {
    return readRegularFile(file, MAX_CONFIG_BYTES).toString("utf8");
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.message : error.code ?? "unreadable";
    throw new UsageError(`Cannot read config file ${file}: ${reason}`);
  }
}
function packageSection(file) {
  let text;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString("utf8");
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UsageError(`Cannot read config file ${file}: ${error.message}`);
    return void 0;
  }
  try {
    return JSON.parse(text)?.migralint;
  } catch {
    if (!/"migralint"\s*:/.test(text)) return void 0;
    return parseJson(text, `${file} (which holds the "migralint" config)`, { comments: false })?.migralint;
  }
}
function parseConfigFile(file, text) {
  return validateConfig(parseJson(text, `config file ${file}`, { comments: true }), file);
}
var isStringArray = (value, key, where) => {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new UsageError(`${where}: "${key}" must be an array of strings`);
  }
};
var KEY_VALIDATORS = {
  include: isStringArray,
  exclude: isStringArray,
  pgVersion: (value, key, where) => {
    if (typeof value !== "number" || !(value >= 9 && value < 100)) throw new UsageError(`${where}: "${key}" must be a PostgreSQL version number such as 15`);
  },
  assumeInTransaction: (value, key, where) => {
    if (typeof value !== "boolean") throw new UsageError(`${where}: "${key}" must be true or false`);
  },
  preset: (value, key, where) => {
    if (value !== "recommended" && value !== "strict") throw new UsageError(`${where}: "${key}" must be "recommended" or "strict"`);
  },
  rules: (value, key, where) => {
    if (!isPlainObject(value)) throw new UsageError(`${where}: "${key}" must be an object of rule ids to "off", "warn" or "error"`);
    for (const [rule, setting2] of Object.entries(value)) {
      if (setting2 !== "off" && setting2 !== "warn" && setting2 !== "error") {
        throw new UsageError(`${where}: "rules.${rule}" must be "off", "warn" or "error"`);
      }
    }
  },
  placeholders: (value, key, where) => {
    isStringArray(value, key, where);
    for (const entry of value) {
      const problem = placeholderPatternProblem(entry);
      if (problem) throw new UsageError(`${where}: "${key}" entry ${JSON.stringify(entry)} ${problem}`);
    }
  },
  order: (value, key, where) => {
    const message2 = `${where}: "${key}" must be "version", "name", or a regular expression with a group that captures the version`;
    if (typeof value !== "string") throw new UsageError(message2);
    if (value === "version" || value === "name") return;
    let pattern;
    try {
      pattern = new RegExp(value);
    } catch {
      throw new UsageError(message2);
    }
    if (new RegExp(`${pattern.source}|`).exec("")?.length === 1) throw new UsageError(message2);
  },
  typeormTransactionMode: (value, key, where) => {
    if (value !== "all" && value !== "each" && value !== "none") throw new UsageError(`${where}: "${key}" must be "all", "each" or "none"`);
  },
  frontends: (value, key, where) => {
    if (!isPlainObject(value)) throw new UsageError(`${where}: "${key}" must be an object of globs to "sql", "knex", "typeorm" or "django"`);
    for (const [glob, frontend] of Object.entries(value)) {
      if (frontend !== "sql" && frontend !== "knex" && frontend !== "typeorm" && frontend !== "django") {
        throw new UsageError(`${where}: "frontends.${glob}" must be "sql", "knex", "typeorm" or "django"`);
      }
    }
  }
};
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function validatorFor(key) {
  return Object.hasOwn(KEY_VALIDATORS, key) ? KEY_VALIDATORS[key] : void 0;
}
function validateConfig(value, where) {
  if (!isPlainObject(value)) throw new UsageError(`${where}: the config must be a JSON object`);
  for (const [key, entry] of Object.entries(value)) {
    const validate2 = validatorFor(key);
    if (!validate2) throw new UsageError(`${where}: unknown key "${key}"`);
    validate2(entry, key, where);
  }
  return value;
}

// src/cli/trace-command.ts
init_rule_settings();
init_decode();
init_detect();
init_lint();
init_replay();
init_describe_error();
init_discover();

// src/cli/lint-command.ts
init_rules();
init_errors();
init_lint();
init_replay();
init_detect();
init_read_migration();
init_pg_wasm();
init_reporter();
init_discover();

// src/cli/run-config.ts
var path12 = __toESM(require("node:path"));
var import_picomatch2 = __toESM(require_picomatch2());
init_rules();
init_rule_settings();
init_discover();
function frontendMatcher(frontends, baseDir) {
  const entries = Object.entries(frontends ?? {}).map(
    ([glob, frontend]) => [(0, import_picomatch2.default)(toPosix(path12.resolve(baseDir, glob)), { dot: true }), frontend]
  );
  return (file) => entries.find(([matches]) => matches(toPosix(file)))?.[1];
}

// src/cli/migration-set.ts
var fs10 = __toESM(require("node:fs"));
var path15 = __toESM(require("node:path"));
var import_picomatch3 = __toESM(require_picomatch2());
init_errors();
init_decode();
init_detect();
init_drizzle_journal();

// src/schema/order.ts
function parseOrder(setting2) {
  if (setting2 === void 0 || setting2 === "version") return "version";
  if (setting2 === "name") return "name";
  return { pattern: new RegExp(setting2) };
}
function sortMigrations(files, order = "version") {
  if (order === "name") return [...files].sort(byCodeUnit);
  if (order === "version") {
    const keyed2 = files.map((file) => ({ file, segments: segmentKeys(file) }));
    keyed2.sort((a, b) => compareSegments(a.segments, b.segments) || byCodeUnit(a.file, b.file));
    return keyed2.map((entry) => entry.file);
  }
  const { pattern } = order;
  const keyed = files.map((file) => {
    const captured = pattern.exec(file.replace(/\\/g, "/"))?.[1];
    return { file, version: captured === void 0 ? void 0 : versionParts(captured) };
  });
  keyed.sort((a, b) => {
    if (a.version === void 0 || b.version === void 0) return (a.version === void 0 ? 1 : 0) - (b.version === void 0 ? 1 : 0) || byCodeUnit(a.file, b.file);
    return compareParts(a.version, b.version) || byCodeUnit(a.file, b.file);
  });
  return keyed.map((entry) => entry.file);
}
var byCodeUnit = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function segmentKeys(file) {
  const parts = file.split(/[\\/]/);
  const keys = parts.map(versionKey);
  const at = parts.findIndex((part, index) => part === "full_schemas" && /^\d+$/.test(parts[index + 1] ?? ""));
  if (at >= 0 && at + 2 < parts.length) {
    keys[at] = versionKey("delta");
    keys[keys.length - 1] = { ...keys[keys.length - 1], last: true };
  }
  return keys;
}
var FLYWAY = /^([VRB])(\d+(?:[._]\d+)*)?__/;
var LEADING_NUMBER = /^(\d+)/;
var V_VERSION = /^v(\d+(?:\.\d+)*)(?=$|[._-])/i;
var DASHED_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})-(\d{6})(?!\d)/;
var TRAILING_TIMESTAMP = /(\d{13})\.[cm]?[jt]s$/;
function versionKey(segment) {
  const flyway = FLYWAY.exec(segment);
  if (flyway) {
    if (flyway[1] === "R" || !flyway[2]) return { group: 1, version: [], name: segment };
    return { group: 0, version: versionParts(flyway[2]), ...flyway[1] === "B" ? { baseline: true } : {}, name: segment };
  }
  const dashed = DASHED_TIMESTAMP.exec(segment);
  if (dashed) return { group: 0, version: [numberOrTime(dashed.slice(1).join(""))], name: segment };
  const leading = LEADING_NUMBER.exec(segment) ?? TRAILING_TIMESTAMP.exec(segment);
  if (leading) return { group: 0, version: [numberOrTime(leading[1])], name: segment };
  const prefixed = V_VERSION.exec(segment);
  if (prefixed) return { group: 0, version: versionParts(prefixed[1]), name: segment };
  return { group: 2, version: [], name: segment };
}
var TIMESTAMP = /^(19|20)\d{12,}$/;
var TIME_DIGITS = 24;
function numberOrTime(digits) {
  return BigInt(TIMESTAMP.test(digits) && digits.length <= TIME_DIGITS ? digits.padEnd(TIME_DIGITS, "0") : digits);
}
function versionParts(version) {
  return (version.match(/\d+/g) ?? []).map((part) => BigInt(part));
}
function compareParts(a, b) {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index] ?? 0n;
    const right = b[index] ?? 0n;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}
function compareSegments(a, b) {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (left.name === right.name) continue;
    if (left.last !== right.last) return left.last ? 1 : -1;
    if (left.group === 2 || right.group === 2) return byCodeUnit(left.name, right.name);
    return left.group - right.group || compareParts(left.version, right.version) || Number(left.baseline === true) - Number(right.baseline === true) || byCodeUnit(left.name, right.name);
  }
  return a.length - b.length;
}

// src/cli/migration-set.ts
init_discover();
init_migration_folders();

// src/cli/schema-manifests.ts
var path13 = __toESM(require("node:path"));
init_read_regular_file();
var MANIFEST = "manifest.json";
var MAX_MANIFEST_BYTES = 1024 * 1024;
var SchemaManifests = class {
  listings = /* @__PURE__ */ new Map();
  /** The files the manifest beside a SQL file lists, in order; undefined where there is no such manifest. */
  listingFor(file) {
    if (path13.extname(file).toLowerCase() !== ".sql") return void 0;
    const folder = path13.dirname(file);
    if (!this.listings.has(folder)) this.listings.set(folder, readListing(path13.join(folder, MANIFEST)));
    return this.listings.get(folder);
  }
  /** Why the tool does not apply this file, or undefined when it does (or the folder has no manifest). */
  leftOut(file) {
    const listing = this.listingFor(file);
    if (!listing || listing.includes(path13.basename(file))) return void 0;
    return `not listed in the SchemaUpdateCqlFiles of its ${MANIFEST}, so the schema tool does not apply it`;
  }
  /** Files in migration order, with each manifest's files in the order it lists them (in the slots they already take). */
  inListedOrder(files) {
    const byFolder = /* @__PURE__ */ new Map();
    for (const file of files) {
      if (!this.listingFor(file)) continue;
      const folder = path13.dirname(file);
      byFolder.set(folder, [...byFolder.get(folder) ?? [], file]);
    }
    if (byFolder.size === 0) return [...files];
    const queues = /* @__PURE__ */ new Map();
    for (const [folder, listed] of byFolder) {
      const listing = this.listingFor(listed[0]);
      queues.set(folder, [...listed].sort((a, b) => listing.indexOf(path13.basename(a)) - listing.indexOf(path13.basename(b))));
    }
    return files.map((file) => byFolder.has(path13.dirname(file)) ? queues.get(path13.dirname(file))?.shift() : file);
  }
};
function readListing(manifest) {
  let text;
  try {
    text = readRegularFile(manifest, MAX_MANIFEST_BYTES).toString("utf8");
  } catch {
    return void 0;
  }
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("SchemaUpdateCqlFiles" in parsed)) return void 0;
    const listed = parsed.SchemaUpdateCqlFiles;
    return Array.isArray(listed) && listed.every((name) => typeof name === "string") ? listed : void 0;
  } catch {
    return void 0;
  }
}

// src/cli/migration-set.ts
var loadGit = () => (init_git(), __toCommonJS(git_exports));
function planRun({ args, cwd, config, baseDir, paths, note, notice, leftOut: skipLeftOut = (shownAs, reason) => note(`skipped ${shownAs}: ${reason}`), read, onUnreadableFolder }) {
  const exclude = [...config.exclude ?? []];
  let inputs = paths;
  if (paths.length === 0) {
    const defaults = defaultInputs(config.include, baseDir, cwd);
    if (defaults.searched) {
      notice(`no "include" in a config and none of the usual folders here; linting the migrations folders found: ${defaults.searched.join(", ")} (migralint init writes a config that names them)`);
    }
    inputs = defaults.inputs;
    exclude.push(...defaults.exclude);
  }
  const git2 = gitChanges(args, cwd);
  const onlyInIndex = git2?.staged ? new Set([...git2.staged.keys()].filter((file) => !fs10.existsSync(file))) : void 0;
  const discovery = { cwd, exclude, baseDir, note, onUnreadableFolder, onlyInIndex };
  const { files, named, foundBy } = resolveInputs(inputs, discovery);
  const context = contextOfNamedFiles(named, { ...discovery, include: config.include });
  const inputFiles = new Set(files);
  const isReported = (file) => inputFiles.has(file) && (!git2 || git2.changed.has(file));
  const candidates = /* @__PURE__ */ new Set([...files, ...context.keys()]);
  for (const file of candidates) {
    const postgresVersion = postgresVersionOf(file, (other2) => candidates.has(other2));
    if (!postgresVersion) continue;
    candidates.delete(file);
    if (isReported(file)) note(`skipped ${displayPath(file, cwd)}: ${path15.basename(postgresVersion)} is what runs on PostgreSQL`);
  }
  const manifests = new SchemaManifests();
  for (const file of candidates) {
    const leftOut = manifests.leftOut(file) ?? (leftOutOfDrizzleJournal(file) ? "not in drizzle-kit's meta/_journal.json, so drizzle's migrator does not apply it" : void 0);
    if (!leftOut) continue;
    candidates.delete(file);
    if (isReported(file)) skipLeftOut(displayPath(file, cwd), leftOut);
  }
  const all = manifests.inListedOrder(sortMigrations([...candidates], parseOrder(config.order)));
  const fromInclude = paths.length === 0 && (config.include?.length ?? 0) > 0;
  const groupOf = (file) => isDjangoMigrationPath(file) ? "django" : fromInclude ? "include" : context.get(file) ?? foundBy.get(file) ?? file;
  let lastReported = all.length - 1;
  if (!all.some(isDjangoMigrationPath)) while (lastReported >= 0 && !isReported(all[lastReported])) lastReported--;
  let committed;
  return {
    files: all.slice(0, lastReported + 1).map((file) => ({ file, reported: isReported(file), group: groupOf(file) })),
    staged: git2?.staged,
    isNew: (file) => {
      if (git2) return git2.added.has(file);
      if (!named.has(file)) return false;
      committed ??= loadGit().committedFiles([...named], cwd);
      return !committed.has(file);
    }
  };
}
function inDjangoOrder(files, djangoOrder) {
  if (!djangoOrder || djangoOrder.length === 0) return files;
  const byFile = new Map(files.map((item) => [item.file, item]));
  const queue = djangoOrder.filter((file) => byFile.has(file));
  const ordered = new Set(queue);
  return files.map((item) => ordered.has(item.file) ? byFile.get(queue.shift()) : item);
}
function gitChanges(args, cwd) {
  if (args === void 0) return void 0;
  if (args.staged) {
    const staged = loadGit().stagedFiles(cwd);
    return { changed: staged.changed, added: staged.added, staged: new Map([...staged.content].map(([file, bytes]) => [file, decodeFile(bytes)])) };
  }
  if (args.since !== void 0) return { ...loadGit().changedSince(args.since, cwd), staged: void 0 };
  return void 0;
}
function contextOfNamedFiles(named, options) {
  const context = /* @__PURE__ */ new Map();
  if (named.size === 0) return context;
  const include = options.include?.length ? options.include.map((glob) => toPosix(path15.resolve(options.baseDir, glob))) : void 0;
  const isIncluded = include ? (0, import_picomatch3.default)(include, { dot: true }) : () => false;
  const isExcluded = options.exclude.length > 0 ? (0, import_picomatch3.default)(options.exclude.map((glob) => toPosix(path15.resolve(options.baseDir, glob))), { dot: true }) : () => false;
  const folders = /* @__PURE__ */ new Set();
  let includeAdded = false;
  for (const file of named) {
    if (isIncluded(toPosix(file))) {
      if (!includeAdded) for (const glob of include ?? []) for (const found of filesOrNone(glob, options)) context.set(found, "include");
      context.set(file, "include");
      includeAdded = true;
      continue;
    }
    const enclosing = enclosingMigrationFolder(file, options.cwd);
    const folder = enclosing?.folder ?? path15.dirname(file);
    context.set(file, folder);
    if (folders.has(folder)) continue;
    folders.add(folder);
    const others = (enclosing?.otherDatabases ?? []).map((name) => path15.join(folder, name) + path15.sep).filter((other2) => !file.startsWith(other2));
    for (const candidate of walk2(folder, void 0, { recursive: enclosing !== void 0 })) {
      if (isMigrationCandidate(candidate) && !isExcluded(toPosix(candidate)) && !others.some((other2) => candidate.startsWith(other2)) && !named.has(candidate)) context.set(candidate, folder);
    }
  }
  return context;
}
function filesOrNone(glob, options) {
  try {
    return resolveInputs([glob], options).files;
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

// src/cli/lint-command.ts
init_describe_error();

// src/cli/report-output.ts
init_rules();
init_errors();
init_reporter();
init_atomic_file();
init_describe_error();

// src/cli/spilled-text.ts
init_utf8_chunks();
var SPILL_BYTES = 1 << 20;
var READ_BYTES = 256 << 10;

// src/cli/overwrite-guard.ts
init_errors();
init_detect();
init_discover();

// src/cli/lint-command.ts
var EXIT_CLEAN = 0;
var EXIT_FINDINGS = 1;
var EXIT_FAILURE = 2;

// src/cli/trace-command.ts
function readOrEmpty(file) {
  try {
    return fs13.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
async function runTraceCommand(args, io, version) {
  const loaded = loadConfig(io.cwd, args.config);
  const baseDir = loaded.path ? path18.dirname(loaded.path) : io.cwd;
  const settings = new RuleSettings(allRules, loaded.config.preset);
  if (loaded.config.rules) settings.apply(loaded.config.rules, loaded.path ?? "config");
  settings.apply(parseRuleFlags(args.rule), "--rule");
  const options = {
    pgVersion: loaded.config.pgVersion ?? 15,
    assumeInTransaction: args.assumeInTransaction ?? loaded.config.assumeInTransaction ?? false,
    settings,
    typeormTransactionMode: loaded.config.typeormTransactionMode,
    placeholders: loaded.config.placeholders,
    keepStatementText: true
  };
  const forcedFrontend = frontendMatcher(loaded.config.frontends, baseDir);
  const plan = planRun({
    cwd: io.cwd,
    config: loaded.config,
    baseDir,
    paths: args.paths,
    note: () => {
    },
    notice: (message2) => io.stderr.write(`migralint: note: ${message2}
`),
    read: readOrEmpty
  });
  await prepareLinting();
  const django = plan.files.some((item) => isDjangoMigrationPath(item.file)) ? require("./django.js").prepareDjangoRun(plan.files.map((item) => item.file), (file) => readOrEmpty(file)) : void 0;
  const files = inDjangoOrder(plan.files, django?.order).filter((item) => item.reported).map((item) => item.file);
  const trace = (init_trace(), __toCommonJS(trace_exports));
  const texts = args.databaseUrl ? [] : files.map(readOrEmpty);
  const typeormUuid = texts.some((text) => text.includes("uuid_generate_v4"));
  const extensions = [...texts.flatMap(trace.extensionsCreatedIn), ...typeormUuid ? ["uuid-ossp"] : []];
  const db = args.databaseUrl ? await trace.openServer({ url: args.databaseUrl, allowNonEmpty: args.allowNonEmpty }) : await trace.openPglite(io.env, extensions);
  if (typeormUuid) await db.run('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
  let failed = false;
  const replay = new SchemaReplay();
  function* read() {
    for (const file of files) {
      const shownAs = displayPath(file, io.cwd);
      let text;
      try {
        text = decodeFile(fs13.readFileSync(file)).text;
      } catch (error) {
        io.stderr.write(`migralint: cannot read ${shownAs}: ${describe(error)}
`);
        failed = true;
        continue;
      }
      const analysis = django?.analyses.get(file) ?? analyzeText(text, shownAs, { ...options, frontend: forcedFrontend(file) });
      if (isSkipped(analysis)) continue;
      const lint = checkAnalysis(analysis, shownAs, { ...options, replay });
      yield { file: shownAs, analysis, lint };
    }
  }
  let result;
  try {
    result = await trace.runTrace(read(), db, { commit: args.databaseUrl ? args.commit : true });
  } finally {
    await db.close();
  }
  const { traceJson: traceJson2, traceStylish: traceStylish2 } = (init_report(), __toCommonJS(report_exports));
  const color = args.outputFile ? args.color === true : args.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR);
  const output = args.format === "json" ? traceJson2(result, version) : traceStylish2(result, color);
  if (args.outputFile) fs13.writeFileSync(path18.resolve(io.cwd, args.outputFile), output);
  else io.stdout.write(output);
  if (failed) return EXIT_FAILURE;
  return result.findings.some((finding) => finding.severity === "error") ? EXIT_FINDINGS : EXIT_CLEAN;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runTraceCommand
});
