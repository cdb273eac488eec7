import { type DecodedText, decodeFile } from '../frontends/decode';
import { readRegularFile } from './read-regular-file';

const MAX_MIGRATION_BYTES = 512 << 20;

/** A migration's text: a regular file of at most 512 MB (a path that has become a FIFO or a device is refused, not read), decoded. */
export function readMigration(file: string): DecodedText {
  return decodeFile(readRegularFile(file, MAX_MIGRATION_BYTES));
}
