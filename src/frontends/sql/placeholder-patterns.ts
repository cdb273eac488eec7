/**
 * Template placeholders in SQL files, by the names and patterns of the config's
 * `placeholders`. A pattern comes from a file that a pull request can change,
 * so it is matched with RE2's semantics (re2js), in time linear in the text,
 * never with a backtracking engine; one that can match the empty string is refused.
 */

/** One occurrence: where it is, its text, and its capture groups. */
export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
  groups: ReadonlyArray<string | undefined>;
}

export interface PlaceholderMatcher {
  matches(text: string): Iterable<PlaceholderMatch>;
}

/** Built-in placeholder syntaxes, by the name used in `placeholders` in the config (JavaScript patterns of ours, known to be linear). */
export const PLACEHOLDER_SYNTAXES: Record<string, RegExp> = {
  /** psql variables: `:name`, `:'name'`, `:"name"` (not `::type` casts). */
  psql: /(?<![:\w]):(?:'(\w+)'|"(\w+)"|([A-Za-z_]\w*))/g,
  /** Mustache, Jinja, Go templates: `{{ … }}`. */
  mustache: /\{\{[^}]*\}\}/g,
  /** Shell and JavaScript style: `${…}`. */
  'dollar-brace': /\$\{[^}]*\}/g,
  /** Synapse style: `$%NAME%$`. */
  'dollar-percent': /\$%\w+%\$/g,
};

/** Texts on which a pattern that can match the empty string does so (at a start, an end, or a word boundary). */
const EMPTY_MATCH_PROBES = ['', 'a', 'ab', 'a b', ' ', '\n', '0', '_', '::', '{}', '$'];

type Re2Pattern = import('re2js').RE2JS;

/** The matcher for a config entry: a built-in syntax by name, else an RE2 regular expression. */
export function placeholderMatcher(entry: string): PlaceholderMatcher {
  const builtIn = Object.hasOwn(PLACEHOLDER_SYNTAXES, entry) ? PLACEHOLDER_SYNTAXES[entry] : undefined;
  return builtIn ? regExpMatcher(builtIn) : re2Matcher(compileRe2(entry));
}

/** Why a config entry cannot be a placeholder pattern, or undefined when it can. */
export function placeholderPatternProblem(entry: string): string | undefined {
  if (Object.hasOwn(PLACEHOLDER_SYNTAXES, entry)) return undefined;
  let pattern: Re2Pattern;
  try {
    pattern = compileRe2(entry);
  } catch (error) {
    return `is neither a known syntax (${Object.keys(PLACEHOLDER_SYNTAXES).join(', ')}) nor a regular expression in RE2 syntax (${(error as Error).message.replace(/^error parsing regexp: /, '')})`;
  }
  const matcher = re2Matcher(pattern);
  if (EMPTY_MATCH_PROBES.some((probe) => [...matcher.matches(probe)].some((match) => match.end === match.start))) {
    return 'can match the empty string; a placeholder pattern must match at least one character';
  }
  return undefined;
}

function compileRe2(source: string): Re2Pattern {
  // Loaded only for configs that use their own patterns.
  const { RE2JS } = require('re2js') as typeof import('re2js');
  return RE2JS.compile(source);
}

function regExpMatcher(pattern: RegExp): PlaceholderMatcher {
  return {
    *matches(text) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        yield { start, end: start + match[0].length, text: match[0], groups: match.slice(1) };
      }
    },
  };
}

function re2Matcher(pattern: Re2Pattern): PlaceholderMatcher {
  return {
    *matches(text) {
      const matcher = pattern.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        const groups = Array.from({ length: pattern.groupCount() }, (_, index) => matcher.group(index + 1) ?? undefined);
        yield { start, end, text: text.slice(start, end), groups };
      }
    },
  };
}
