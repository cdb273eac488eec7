import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeFile } from '../frontends/decode';
import { detectFrontend, isDjangoMigrationPath } from '../frontends/detect';
import { type DjangoSource, analyzeDjangoProject } from '../frontends/django';
import { readAppLabel } from '../frontends/django/apps';
import { type DjangoMigrationFile, USER_MODEL_APP, readDjangoMigration } from '../frontends/django/read-migration';
import type { TextAnalysis } from '../lint';

/** The Django migrations of a run, replayed in Django's order before any is checked. */
export interface DjangoRun {
  /** The analysis of each Django migration among the run's files, by absolute path. */
  analyses: Map<string, TextAnalysis>;
  /** Those files in the order Django applies them. */
  order: string[];
  /** A file of the run analysed again with another text, after the same migrations (for --fix to check its fixes). */
  reanalyze(file: string, text: string): TextAnalysis | undefined;
}

/** Folders never searched for apps: dependencies, virtual environments, caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'site-packages', '__pycache__', 'venv', 'env']);
const MAX_DEPTH = 6;

/** Parsed migrations that a long-running process (the language server) keeps between runs, by file: parsed again only when the text changes. */
export type DjangoParseCache = Map<string, { text: string; app: string; read: DjangoMigrationFile | undefined }>;

export interface DjangoRunOptions {
  /** Keep the state before each file of the run, so that another text of it is analysed without replaying the project again (runs that check fixes). */
  reanalyzes?: boolean;
  /** The text of a migration outside the run, where it is not the disk's (a file open in an editor). */
  otherText?: (file: string) => string | undefined;
  parsed?: DjangoParseCache;
}

/**
 * Reads the run's Django migrations, the other migrations of their apps, and
 * those of the apps they depend on (found under the project's root), orders
 * them all by their dependencies and replays them. `textOf` gives the text to
 * lint for a file of the run (the staged one with --staged); see DjangoRunOptions.
 */
export function prepareDjangoRun(files: readonly string[], textOf: (file: string) => string | undefined, options: DjangoRunOptions = {}): DjangoRun {
  const runFiles = new Set(files.filter(isDjangoMigrationPath));
  const sources = new Map<string, DjangoSource>();
  const loadedFolders = new Set<string>();
  const labels = new Map<string, string>();
  let appsUnderRoot: Map<string, string> | undefined;
  const loadFolder = (folder: string) => {
    if (loadedFolders.has(folder)) return;
    loadedFolders.add(folder);
    const app = appLabelOf(path.dirname(folder));
    labels.set(app, folder);
    for (const name of listMigrations(folder)) {
      const file = path.join(folder, name);
      const text = runFiles.has(file) ? textOf(file) : (options.otherText?.(file) ?? readOrUndefined(file));
      if (text === undefined || detectFrontend(file, text) !== 'django') continue;
      const cached = options.parsed?.get(file);
      const read = cached && cached.text === text && cached.app === app ? cached.read : parse(text, file, app);
      options.parsed?.set(file, { text, app, read });
      sources.set(file, { file, text, app, read });
    }
  };
  for (const file of runFiles) loadFolder(path.dirname(file));
  // The apps that the loaded migrations depend on, until none is missing.
  for (let pending = missingApps(sources, labels); pending.length > 0; pending = missingApps(sources, labels)) {
    appsUnderRoot ??= findApps(projectRoot([...runFiles][0]));
    let loadedAny = false;
    for (const app of pending) {
      const folder = appsUnderRoot.get(app);
      labels.set(app, folder ?? '');
      if (folder) {
        loadFolder(folder);
        loadedAny = true;
      }
    }
    if (!loadedAny) break;
  }
  const project = analyzeDjangoProject([...sources.values()], options.reanalyzes ? runFiles : undefined);
  const analyses = new Map<string, TextAnalysis>();
  for (const file of runFiles) {
    const analyzed = project.results.get(file);
    const source = sources.get(file);
    if (analyzed && source) analyses.set(file, { analyzed, source: source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text });
  }
  const reanalyze = (file: string, text: string): TextAnalysis | undefined => {
    const source = sources.get(file);
    if (!source) return undefined;
    const again = project.reanalyze(file, text);
    if (again) return { analyzed: again, source: text };
    // A text that moves the file in the history: the whole project replayed with it.
    const replaced = [...sources.values()].map((other) => (other.file === file ? { file, text, app: other.app } : other));
    const analyzed = analyzeDjangoProject(replaced).results.get(file);
    return analyzed && { analyzed, source: text };
  };
  return { analyses, order: project.order.filter((file) => analyses.has(file)), reanalyze };
}

function parse(text: string, file: string, app: string): DjangoMigrationFile | undefined {
  try {
    return readDjangoMigration(text, file, app);
  } catch {
    return undefined; // analysed again (and reported) with the others
  }
}

function missingApps(sources: Map<string, DjangoSource>, labels: Map<string, string>): string[] {
  const missing = new Set<string>();
  for (const source of sources.values()) {
    for (const dependency of source.read?.dependencies ?? []) {
      if (dependency.app !== USER_MODEL_APP && !labels.has(dependency.app)) missing.add(dependency.app);
    }
  }
  return [...missing];
}

/** `0001_initial.py` and the like, in name order. */
function listMigrations(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder)
      .filter((name) => isDjangoMigrationPath(path.join(folder, name)))
      .sort();
  } catch {
    return [];
  }
}

/** The app label: `label` of the AppConfig in apps.py, else the folder's name. */
function appLabelOf(appFolder: string): string {
  const apps = readOrUndefined(path.join(appFolder, 'apps.py'));
  return (apps !== undefined ? readAppLabel(apps) : undefined) ?? path.basename(appFolder);
}

/** The folder holding manage.py (or the repository's root) above an app, where other apps are looked for. */
function projectRoot(file: string | undefined): string {
  if (!file) return process.cwd();
  let folder = path.dirname(path.dirname(path.dirname(file)));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (['manage.py', '.git', 'pyproject.toml', 'setup.py'].some((marker) => fs.existsSync(path.join(folder, marker)))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return path.dirname(path.dirname(path.dirname(file)));
}

/** Every app with a migrations folder under `root`, by label. */
function findApps(root: string): Map<string, string> {
  const apps = new Map<string, string>();
  const visit = (folder: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.name === 'migrations') {
        const label = appLabelOf(folder);
        if (!apps.has(label)) apps.set(label, full);
        continue;
      }
      visit(full, depth + 1);
    }
  };
  visit(root, 0);
  return apps;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return decodeFile(fs.readFileSync(file)).text;
  } catch {
    return undefined;
  }
}
