/**
 * Steps taken by the scans that must stay linear in the length of a file (the
 * SQL pre-scans: lexing, psql meta-commands, COPY data, runner markers,
 * placeholders, statement limits; the JavaScript nesting scan). Each counts a
 * step per token, range or match; the property tests bound the total.
 */
export const scanWork = { steps: 0 };
