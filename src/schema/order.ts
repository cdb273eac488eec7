/**
 * The order a migration runner applies a folder in, from the files' paths:
 * version prefixes compared as numbers (`2_x` before `10_x`, synapse's `delta/9`
 * before `delta/10`, temporal's `v1.9` before `v1.10`, and its `full_schemas/72` right after `delta/72`), flyway's `V1_2__x` (and baseline `B1_2__x`) by its version's parts, timestamps and
 * diesel's or Prisma's dated folders as they sort. `name` keeps plain name order;
 * a regular expression takes the version from what its first group captures.
 */
export type MigrationOrder = 'version' | 'name' | { pattern: RegExp };

/** The `order` setting of the config: `version` (the default), `name`, or a regular expression capturing the version. */
export function parseOrder(setting: string | undefined): MigrationOrder {
  if (setting === undefined || setting === 'version') return 'version';
  if (setting === 'name') return 'name';
  return { pattern: new RegExp(setting) };
}

/** The files (absolute or relative paths, `/`-separated or not) in the order they are applied. */
export function sortMigrations(files: readonly string[], order: MigrationOrder = 'version'): string[] {
  if (order === 'name') return [...files].sort(byCodeUnit);
  if (order === 'version') {
    const keyed = files.map((file) => ({ file, segments: segmentKeys(file) }));
    keyed.sort((a, b) => compareSegments(a.segments, b.segments) || byCodeUnit(a.file, b.file));
    return keyed.map((entry) => entry.file);
  }
  const { pattern } = order;
  const keyed = files.map((file) => {
    const captured = pattern.exec(file.replace(/\\/g, '/'))?.[1];
    return { file, version: captured === undefined ? undefined : versionParts(captured) };
  });
  keyed.sort((a, b) => {
    // Files the pattern does not match come after those it does.
    if (a.version === undefined || b.version === undefined) return (a.version === undefined ? 1 : 0) - (b.version === undefined ? 1 : 0) || byCodeUnit(a.file, b.file);
    return compareParts(a.version, b.version) || byCodeUnit(a.file, b.file);
  });
  return keyed.map((entry) => entry.file);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How one path segment sorts: its version (numbers), then the rest by name. */
interface SegmentKey {
  /** 0: versioned, 1: flyway's repeatable migrations (after every versioned one), 2: no version. */
  group: number;
  version: bigint[];
  /** flyway's baseline migration (`B<version>__`): a snapshot of the versioned ones up to its version, so after them. */
  baseline?: boolean;
  /** After every other entry of its folder (synapse's full schema among the deltas of its version). */
  last?: boolean;
  name: string;
}

/**
 * The keys of a path's segments. synapse's full schema at version N
 * (`full_schemas/N/full.sql.postgres`) sums up the deltas up to N: it sorts as
 * the last file of `delta/N`, so the deltas after N change what it made.
 */
function segmentKeys(file: string): SegmentKey[] {
  const parts = file.split(/[\\/]/);
  const keys = parts.map(versionKey);
  const at = parts.findIndex((part, index) => part === 'full_schemas' && /^\d+$/.test(parts[index + 1] ?? ''));
  if (at >= 0 && at + 2 < parts.length) {
    keys[at] = versionKey('delta');
    keys[keys.length - 1] = { ...keys[keys.length - 1], last: true };
  }
  return keys;
}

const FLYWAY = /^([VRB])(\d+(?:[._]\d+)*)?__/;
const LEADING_NUMBER = /^(\d+)/;
/** A version written with a `v` (temporal's `versioned/v1.10` folders, `v2_users.sql`): `v1.9` before `v1.10`. */
const V_VERSION = /^v(\d+(?:\.\d+)*)(?=$|[._-])/i;
/** diesel's `2017-09-23-182408_x` is the version 20170923182408, the same as an undashed `20170804200817_x` in the same folder. */
const DASHED_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})-(\d{6})(?!\d)/;
/** TypeORM orders by the 13-digit timestamp its class names end with, which files often carry too (`AddUsers1700000000000.ts`). */
const TRAILING_TIMESTAMP = /(\d{13})\.[cm]?[jt]s$/;

function versionKey(segment: string): SegmentKey {
  const flyway = FLYWAY.exec(segment);
  if (flyway) {
    if (flyway[1] === 'R' || !flyway[2]) return { group: 1, version: [], name: segment };
    return { group: 0, version: versionParts(flyway[2]), ...(flyway[1] === 'B' ? { baseline: true } : {}), name: segment };
  }
  const dashed = DASHED_TIMESTAMP.exec(segment);
  if (dashed) return { group: 0, version: [numberOrTime(dashed.slice(1).join(''))], name: segment };
  const leading = LEADING_NUMBER.exec(segment) ?? TRAILING_TIMESTAMP.exec(segment);
  if (leading) return { group: 0, version: [numberOrTime(leading[1])], name: segment };
  const prefixed = V_VERSION.exec(segment);
  if (prefixed) return { group: 0, version: versionParts(prefixed[1]), name: segment };
  return { group: 2, version: [], name: segment };
}

/** A date-time to the second or finer (`20241114091709`, nango's `2024111409170956`). */
const TIMESTAMP = /^(19|20)\d{12,}$/;
const TIME_DIGITS = 24;

/**
 * A version as a number; a timestamp as the time it says, whatever its precision:
 * `2024111409170956_x` comes before `20250519153421_y` (Knex sorts them by name),
 * where as numbers it would come after every 14-digit one.
 */
function numberOrTime(digits: string): bigint {
  return BigInt(TIMESTAMP.test(digits) && digits.length <= TIME_DIGITS ? digits.padEnd(TIME_DIGITS, '0') : digits);
}

/** `1.2.10` or `1_2_10` or `2024-01-01-000000`: its numbers. */
function versionParts(version: string): bigint[] {
  return (version.match(/\d+/g) ?? []).map((part) => BigInt(part));
}

function compareParts(a: readonly bigint[], b: readonly bigint[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    // A missing part counts as 0: flyway's 1.1 equals 1.1.0.
    const left = a[index] ?? 0n;
    const right = b[index] ?? 0n;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

function compareSegments(a: readonly SegmentKey[], b: readonly SegmentKey[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (left.name === right.name) continue;
    if (left.last !== right.last) return left.last ? 1 : -1;
    // Two names without versions (folders, say) keep their name order.
    if (left.group === 2 || right.group === 2) return byCodeUnit(left.name, right.name);
    return left.group - right.group || compareParts(left.version, right.version) || Number(left.baseline === true) - Number(right.baseline === true) || byCodeUnit(left.name, right.name);
  }
  return a.length - b.length;
}
