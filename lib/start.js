"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/start.ts
var start_exports = {};
__export(start_exports, {
  BUNDLE_NAME: () => BUNDLE_NAME,
  CODE_CACHE_NAME: () => CODE_CACHE_NAME,
  loadCli: () => loadCli,
  mayParseSql: () => mayParseSql,
  saveCodeCache: () => saveCodeCache,
  start: () => start,
  startWorker: () => startWorker
});
module.exports = __toCommonJS(start_exports);
var fs2 = __toESM(require("node:fs"));
var import_node_module = require("node:module");
var path = __toESM(require("node:path"));
var v8 = __toESM(require("node:v8"));
var vm = __toESM(require("node:vm"));

// src/frontends/sql/pg-wasm.ts
var fs = __toESM(require("node:fs"));
var PARSER_STATE = /* @__PURE__ */ Symbol.for("migralint.postgresql-parser");
var wasm = globalThis.WebAssembly;
var state = globalThis[PARSER_STATE] ??= {};
function compiledParser(given) {
  state.compiled ??= given ? Promise.resolve(given) : wasm.compile(fs.readFileSync(require.resolve("libpg-query/wasm/libpg-query.wasm")));
  return state.compiled;
}
var utf8 = new TextDecoder();

// src/cli/start.ts
v8.setFlagsFromString("--liftoff-only");
v8.setFlagsFromString("--wasm-lazy-validation");
var BUNDLE_NAME = "migralint.js";
var CODE_CACHE_NAME = "migralint.cache";
function loadCli(options = {}) {
  const { exports: exports2, ...loaded } = loadBundle(options.dir ?? __dirname, options.codeCache !== false);
  if (typeof exports2.run !== "function") throw new Error(`${path.join(options.dir ?? __dirname, BUNDLE_NAME)} does not export the CLI`);
  return { run: exports2.run, ...loaded };
}
function loadBundle(dir, useCodeCache) {
  const bundleFile = path.join(dir, BUNDLE_NAME);
  const codeCacheFile = path.join(dir, CODE_CACHE_NAME);
  const source = fs2.readFileSync(bundleFile, "utf8");
  const cachedData = useCodeCache ? readCodeCache(codeCacheFile, bundleFile) : void 0;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}
})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, (0, import_node_module.createRequire)(bundleFile), bundle, bundleFile, dir);
  return { exports: bundle.exports, script, usedCodeCache: cachedData !== void 0 && script.cachedDataRejected === false, codeCacheFile };
}
function startWorker() {
  const { exports: exports2 } = loadBundle(__dirname, true);
  if (typeof exports2.startAnalysisWorker !== "function") throw new Error(`${path.join(__dirname, BUNDLE_NAME)} does not export the worker`);
  exports2.startAnalysisWorker();
}
function readCodeCache(codeCacheFile, bundleFile) {
  try {
    if (fs2.statSync(codeCacheFile).mtimeMs < fs2.statSync(bundleFile).mtimeMs) return void 0;
    return fs2.readFileSync(codeCacheFile);
  } catch {
    return void 0;
  }
}
function saveCodeCache(cli) {
  const temporary = `${cli.codeCacheFile}.${process.pid}.tmp`;
  try {
    fs2.writeFileSync(temporary, cli.script.createCachedData());
    fs2.renameSync(temporary, cli.codeCacheFile);
  } catch {
    fs2.rmSync(temporary, { force: true });
  }
}
var PARSES_NO_SQL = /* @__PURE__ */ new Set(["explain", "rules", "init", "lsp", "--help", "-h", "--version", "--cache", "--cache-location"]);
function mayParseSql(argv) {
  return !argv.some((arg) => PARSES_NO_SQL.has(arg) || arg.startsWith("--cache-location="));
}
function start(argv) {
  if (mayParseSql(argv)) compiledParser().catch(() => void 0);
  let cli;
  try {
    cli = loadCli();
  } catch (error) {
    process.stderr.write(`migralint: cannot start: ${error.message.split("\n")[0]}
`);
    process.exitCode = 2;
    return;
  }
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE") process.stderr.write(`migralint: cannot write the report: ${error.message.split("\n")[0]}
`);
    process.exit(2);
  });
  void cli.run(argv).then(({ exitCode, linted }) => {
    process.exitCode = exitCode;
    if (linted && !cli.usedCodeCache) saveCodeCache(cli);
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BUNDLE_NAME,
  CODE_CACHE_NAME,
  loadCli,
  mayParseSql,
  saveCodeCache,
  start,
  startWorker
});
