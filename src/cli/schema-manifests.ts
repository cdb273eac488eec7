import * as path from 'node:path';
import { readRegularFile } from '../files/read-regular-file';

/**
 * temporal's schema tool (temporal-sql-tool, and cadence's before it) keeps one
 * folder per version (`versioned/v1.10/`) with a `manifest.json` whose
 * `SchemaUpdateCqlFiles` lists the SQL files it applies, in that order. A file the
 * list leaves out (superseded by a combined file of a later version) is never applied.
 */
const MANIFEST = 'manifest.json';
/** A manifest lists a few files; anything larger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Reads each folder's manifest once per run (a long-running editor session plans every lint afresh). */
export class SchemaManifests {
  private readonly listings = new Map<string, readonly string[] | undefined>();

  /** The files the manifest beside a SQL file lists, in order; undefined where there is no such manifest. */
  listingFor(file: string): readonly string[] | undefined {
    if (path.extname(file).toLowerCase() !== '.sql') return undefined;
    const folder = path.dirname(file);
    if (!this.listings.has(folder)) this.listings.set(folder, readListing(path.join(folder, MANIFEST)));
    return this.listings.get(folder);
  }

  /** Why the tool does not apply this file, or undefined when it does (or the folder has no manifest). */
  leftOut(file: string): string | undefined {
    const listing = this.listingFor(file);
    if (!listing || listing.includes(path.basename(file))) return undefined;
    return `not listed in the SchemaUpdateCqlFiles of its ${MANIFEST}, so the schema tool does not apply it`;
  }

  /** Files in migration order, with each manifest's files in the order it lists them (in the slots they already take). */
  inListedOrder(files: readonly string[]): string[] {
    const byFolder = new Map<string, string[]>();
    for (const file of files) {
      if (!this.listingFor(file)) continue;
      const folder = path.dirname(file);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
    }
    if (byFolder.size === 0) return [...files];
    const queues = new Map<string, string[]>();
    for (const [folder, listed] of byFolder) {
      const listing = this.listingFor(listed[0]) as readonly string[];
      queues.set(folder, [...listed].sort((a, b) => listing.indexOf(path.basename(a)) - listing.indexOf(path.basename(b))));
    }
    return files.map((file) => (byFolder.has(path.dirname(file)) ? (queues.get(path.dirname(file))?.shift() as string) : file));
  }
}

/** The `SchemaUpdateCqlFiles` of a manifest, when the file is one (a JSON object with that list of names). */
function readListing(manifest: string): readonly string[] | undefined {
  let text: string;
  try {
    text = readRegularFile(manifest, MAX_MANIFEST_BYTES).toString('utf8');
  } catch {
    // None there, or not a regular file of a manifest's size: no listing.
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('SchemaUpdateCqlFiles' in parsed)) return undefined;
    const listed = parsed.SchemaUpdateCqlFiles;
    return Array.isArray(listed) && listed.every((name) => typeof name === 'string') ? listed : undefined;
  } catch {
    // Some other manifest.json (not the schema tool's): no listing.
    return undefined;
  }
}
