import type { FormatName } from './formats';
import type { Reporter } from './reporter';

export { type FormatName, formatNames, isFormatName } from './formats';

/** The reporter for a format, loaded on demand: a run needs only one. */
export function reporterFor(format: FormatName): Reporter {
  switch (format) {
    case 'stylish':
      return (require('./stylish') as typeof import('./stylish')).stylish;
    case 'json':
      return (require('./json') as typeof import('./json')).json;
    case 'sarif':
      return (require('./sarif') as typeof import('./sarif')).sarif;
    case 'github':
      return (require('./github') as typeof import('./github')).github;
    case 'junit':
      return (require('./junit') as typeof import('./junit')).junit;
    case 'gitlab':
      return (require('./gitlab') as typeof import('./gitlab')).gitlab;
    case 'compact':
      return (require('./compact') as typeof import('./compact')).compact;
  }
}
