import type { FormatName } from './formats';
import type { Reporter } from './reporter';

export { type FormatName, formatNames, isFormatName } from './formats';

/** Each reporter's module, loaded on demand: a run needs only one. */
const LOADERS: Record<FormatName, () => Reporter> = {
  stylish: () => (require('./stylish') as typeof import('./stylish')).stylish,
  json: () => (require('./json') as typeof import('./json')).json,
  sarif: () => (require('./sarif') as typeof import('./sarif')).sarif,
  github: () => (require('./github') as typeof import('./github')).github,
  junit: () => (require('./junit') as typeof import('./junit')).junit,
  gitlab: () => (require('./gitlab') as typeof import('./gitlab')).gitlab,
  compact: () => (require('./compact') as typeof import('./compact')).compact,
};

export function reporterFor(format: FormatName): Reporter {
  return LOADERS[format]();
}
