import type { RuleDefinition } from '../src/engine/rule';
import addingFieldWithDefault from './adding-field-with-default';
import addingForeignKeyConstraint from './adding-foreign-key-constraint';
import addingNotNullableField from './adding-not-nullable-field';
import addingRequiredField from './adding-required-field';
import addingSerialPrimaryKeyField from './adding-serial-primary-key-field';
import banAlterDomainWithAddConstraint from './ban-alter-domain-with-add-constraint';
import banCharField from './ban-char-field';
import banConcurrentIndexCreationInTransaction from './ban-concurrent-index-creation-in-transaction';
import banCreateDomainWithConstraint from './ban-create-domain-with-constraint';
import banDropColumn from './ban-drop-column';
import banDropDatabase from './ban-drop-database';
import banDropNotNull from './ban-drop-not-null';
import banDropTable from './ban-drop-table';
import banTruncateCascade from './ban-truncate-cascade';
import banUncommittedTransaction from './ban-uncommitted-transaction';
import changingColumnType from './changing-column-type';
import constraintMissingNotValid from './constraint-missing-not-valid';
import disallowedUniqueConstraint from './disallowed-unique-constraint';
import identifierTooLong from './identifier-too-long';
import preferBigintOverInt from './prefer-bigint-over-int';
import preferBigintOverSmallint from './prefer-bigint-over-smallint';
import preferIdentity from './prefer-identity';
import preferRobustStmts from './prefer-robust-stmts';
import preferTextField from './prefer-text-field';
import preferTimestamptz from './prefer-timestamptz';
import renamingColumn from './renaming-column';
import renamingTable from './renaming-table';
import requireConcurrentIndexCreation from './require-concurrent-index-creation';
import requireConcurrentIndexDeletion from './require-concurrent-index-deletion';
import requireConcurrentPartitionDetach from './require-concurrent-partition-detach';
import requireConcurrentReindex from './require-concurrent-reindex';
import requireLockTimeout from './require-lock-timeout';
import requireStatementTimeout from './require-statement-timeout';
import requireTableSchema from './require-table-schema';
import syntaxError from './syntax-error';
import transactionNesting from './transaction-nesting';
import unanalyzedCode from './unanalyzed-code';
import unknownObject from './unknown-object';
import unusedIgnore from './unused-ignore';

/** Every rule, sorted by id. A test checks this list against the files in this folder and the README. */
export const allRules: readonly RuleDefinition[] = [
  addingFieldWithDefault,
  addingForeignKeyConstraint,
  addingNotNullableField,
  addingRequiredField,
  addingSerialPrimaryKeyField,
  banAlterDomainWithAddConstraint,
  banCharField,
  banConcurrentIndexCreationInTransaction,
  banCreateDomainWithConstraint,
  banDropColumn,
  banDropDatabase,
  banDropNotNull,
  banDropTable,
  banTruncateCascade,
  banUncommittedTransaction,
  changingColumnType,
  constraintMissingNotValid,
  disallowedUniqueConstraint,
  identifierTooLong,
  preferBigintOverInt,
  preferBigintOverSmallint,
  preferIdentity,
  preferRobustStmts,
  preferTextField,
  preferTimestamptz,
  renamingColumn,
  renamingTable,
  requireConcurrentIndexCreation,
  requireConcurrentIndexDeletion,
  requireConcurrentPartitionDetach,
  requireConcurrentReindex,
  requireLockTimeout,
  requireStatementTimeout,
  requireTableSchema,
  syntaxError,
  transactionNesting,
  unanalyzedCode,
  unknownObject,
  unusedIgnore,
];
