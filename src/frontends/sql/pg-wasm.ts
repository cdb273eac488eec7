import * as fs from 'node:fs';
import type { ParseResult } from '@pgsql/types';
import type { ScanResult } from 'libpg-query';

/**
 * PostgreSQL's parser as WebAssembly (the libpg-query package's build), called
 * through its Emscripten module directly rather than the package's JavaScript
 * API: the compiled module can then be handed to worker threads, which get
 * with it the code V8 has compiled so far (each would otherwise compile the
 * parser again on its first statement), and start-up skips the package's API
 * and type re-exports.
 */
interface EmscriptenModule {
  _malloc(size: number): number;
  _free(pointer: number): void;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, maxBytes: number): void;
  UTF8ToString(pointer: number): string;
  /** The memory as bytes (a new view after the memory grows). */
  HEAPU8: Uint8Array;
  getValue(pointer: number, type: 'i32'): number;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_scan(query: number): number;
  _wasm_free_string(text: number): void;
}

const PARSER_STATE = Symbol.for('migralint.postgresql-parser');

type Instance = object;
type Factory = (options: { instantiateWasm: (imports: object, done: (instance: Instance) => void) => object }) => Promise<EmscriptenModule>;

/** The WebAssembly API Node.js has (its types here declare little of it). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module>; instantiate(module: WebAssembly.Module, imports: object): Promise<Instance> } }).WebAssembly;

/** PostgreSQL rejected the SQL: its message, and the 0-based character position it gives (as libpg-query reports them). */
export class SqlSyntaxError extends Error {
  override readonly name = 'SqlError';
  constructor(readonly sqlDetails: { message: string; cursorPosition: number }) {
    super(sqlDetails.message);
  }
}

interface ParserState {
  compiled?: Promise<WebAssembly.Module>;
  loaded?: Promise<EmscriptenModule>;
  instance?: EmscriptenModule;
}

/**
 * One parser a thread, whichever of lib/'s bundles loads it: the CLI's, or the
 * Django front-end's and trace's, which have copies of this module of their own.
 */
const state: ParserState = ((globalThis as { [PARSER_STATE]?: ParserState })[PARSER_STATE] ??= {});

/** The compiled parser: compiled here once, or the main thread's, given to a worker. */
export function compiledParser(given?: WebAssembly.Module): Promise<WebAssembly.Module> {
  state.compiled ??= given ? Promise.resolve(given) : wasm.compile(fs.readFileSync(require.resolve('libpg-query/wasm/libpg-query.wasm')));
  return state.compiled;
}

/** Loads the parser once (with the compiled module given, on a worker thread). */
export function loadParser(given?: WebAssembly.Module): Promise<void> {
  state.loaded ??= (async () => {
    const module = await compiledParser(given);
    const factory = require('libpg-query/wasm/libpg-query.js') as Factory;
    return factory({
      instantiateWasm: (imports, done) => {
        void wasm.instantiate(module, imports).then(done);
        return {}; // instantiated asynchronously
      },
    });
  })();
  return state.loaded.then((module) => {
    state.instance = module;
  });
}

function loadedParser(): EmscriptenModule {
  if (!state.instance) throw new Error('the PostgreSQL parser is not loaded');
  return state.instance;
}

const utf8 = new TextDecoder();

/**
 * The NUL-terminated UTF-8 text at `pointer`, as UTF8ToString reads it, but
 * found by a native search: UTF8ToString looks for the end a byte at a time
 * in JavaScript, a noticeable part of decoding a large tree.
 */
function longStringAt(module: EmscriptenModule, pointer: number): string {
  const memory = module.HEAPU8;
  const end = memory.indexOf(0, pointer);
  return utf8.decode(memory.subarray(pointer, end < 0 ? memory.length : end));
}

/** Calls the parser on a NUL-terminated copy of the text in its memory. */
function withQuery<T>(module: EmscriptenModule, text: string, call: (query: number) => T): T {
  const size = module.lengthBytesUTF8(text) + 1;
  const query = module._malloc(size);
  try {
    module.stringToUTF8(text, query, size);
    return call(query);
  } finally {
    module._free(query);
  }
}

/** The parse tree of the text, as the parser's JSON; a SqlSyntaxError where PostgreSQL rejects it. */
export function parse(text: string): ParseResult {
  const module = loadedParser();
  return withQuery(module, text, (query) => {
    const result = module._wasm_parse_query_raw(query);
    if (!result) throw new Error('the PostgreSQL parser ran out of memory');
    try {
      // PgQueryParseResult: the tree (JSON), the parser's stderr, and the error, if any.
      const tree = module.getValue(result, 'i32');
      const error = module.getValue(result + 8, 'i32');
      if (error) {
        // PgQueryError: message, function name, file name, line, cursor position (1-based; 0 when none).
        const message = module.UTF8ToString(module.getValue(error, 'i32')) || 'unknown error';
        const cursor = module.getValue(error + 16, 'i32');
        throw new SqlSyntaxError({ message, cursorPosition: cursor > 0 ? cursor - 1 : 0 });
      }
      if (!tree) throw new Error('the PostgreSQL parser returned no tree');
      return JSON.parse(longStringAt(module, tree)) as ParseResult;
    } finally {
      module._wasm_free_parse_result(result);
    }
  });
}

/** The text's tokens, by PostgreSQL's lexer. */
export function scan(text: string): ScanResult {
  const module = loadedParser();
  return withQuery(module, text, (query) => {
    const result = module._wasm_scan(query);
    try {
      const output = module.UTF8ToString(result);
      if (!output.startsWith('{')) throw new Error(output);
      return JSON.parse(output) as ScanResult;
    } finally {
      if (result) module._wasm_free_string(result);
    }
  });
}
