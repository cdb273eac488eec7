"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
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

// src/frontends/js/parse-js.ts
var parse_js_exports = {};
__export(parse_js_exports, {
  parseScript: () => parseScript
});
function parseScript(text, filePath) {
  const typescript = TYPESCRIPT_EXTENSIONS.includes(path3.extname(filePath).toLowerCase());
  const plugins = typescript ? ["typescript", "decorators-legacy", "decoratorAutoAccessors"] : ["decorators-legacy", "decoratorAutoAccessors"];
  try {
    const ast = (0, import_parser2.parse)(text, {
      sourceType: "unambiguous",
      plugins,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      errorRecovery: false
    });
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: "it nests too deeply to be parsed", line: 1, column: 1, tooDeep: true };
    const { loc, message } = error;
    return { ok: false, message: message.replace(/\s*\(\d+:\d+\)$/, ""), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
  }
}
var path3, import_parser2, TYPESCRIPT_EXTENSIONS;
var init_parse_js = __esm({
  "src/frontends/js/parse-js.ts"() {
    "use strict";
    path3 = __toESM(require("node:path"));
    import_parser2 = require("./babel-parser.js");
    TYPESCRIPT_EXTENSIONS = [".ts", ".cts", ".mts"];
  }
});

// src/frontends/js/static-values.ts
var static_values_exports = {};
__export(static_values_exports, {
  MAX_STATIC_VALUE_SIZE: () => MAX_STATIC_VALUE_SIZE,
  StaticScope: () => StaticScope,
  literalOf: () => literalOf,
  propertyName: () => propertyName,
  unwrapTypeScript: () => unwrapTypeScript
});
function joinText(parts) {
  if (parts.includes(TOO_LARGE)) return TOO_LARGE;
  let length = 0;
  for (const part of parts) {
    if (typeof part !== "string" && typeof part !== "number") return void 0;
    length += String(part).length;
  }
  return length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : parts.join("");
}
function propertyName(key) {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  return void 0;
}
function unwrapTypeScript(node) {
  let current = node;
  while (current.type === "TSAsExpression" || current.type === "TSNonNullExpression" || current.type === "TSTypeAssertion" || current.type === "TSSatisfiesExpression" || current.type === "ParenthesizedExpression") {
    current = current.expression;
  }
  return current;
}
function enumAsObject(declaration) {
  const properties = declaration.members.flatMap((member) => {
    const key = propertyName(member.id);
    if (key === void 0 || !member.initializer) return [];
    return [{ type: "ObjectProperty", key: { type: "StringLiteral", value: key }, value: member.initializer, computed: false, shorthand: false }];
  });
  return { type: "ObjectExpression", properties };
}
function literalOf(value) {
  if (typeof value === "string") return { type: "StringLiteral", value };
  if (typeof value === "number") return { type: "NumericLiteral", value };
  if (typeof value === "boolean") return { type: "BooleanLiteral", value };
  if (value === null) return { type: "NullLiteral" };
  if (Array.isArray(value)) return { type: "ArrayExpression", elements: value.map(literalOf) };
  const properties = Object.entries(value).map(([key, item]) => ({
    type: "ObjectProperty",
    key: { type: "StringLiteral", value: key },
    value: literalOf(item),
    computed: false,
    shorthand: false
  }));
  return { type: "ObjectExpression", properties };
}
var MAX_STATIC_VALUE_SIZE, TOO_LARGE, StaticScope;
var init_static_values = __esm({
  "src/frontends/js/static-values.ts"() {
    "use strict";
    MAX_STATIC_VALUE_SIZE = 1e6;
    TOO_LARGE = /* @__PURE__ */ Symbol("too large");
    StaticScope = class _StaticScope {
      constructor(parent, work = parent?.work ?? { evaluations: 0 }) {
        this.parent = parent;
        this.work = work;
      }
      parent;
      work;
      bindings = /* @__PURE__ */ new Map();
      /**
       * Values already evaluated in this scope, by the expression they come from and
       * the nesting depth they were evaluated at: each is evaluated once.
       */
      evaluated = /* @__PURE__ */ new Map();
      /** The size of each array and object value (strings measure themselves). */
      sizes = /* @__PURE__ */ new WeakMap();
      static ofProgram(program) {
        const scope = new _StaticScope();
        for (const statement of program.body) scope.declareFrom(statement);
        return scope;
      }
      child() {
        return new _StaticScope(this);
      }
      /** Records `const NAME = <expression>`, `const { a, b: c } = <expression>` and `enum NAME { … }` (also when exported). */
      declareFrom(statement) {
        const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
        if (declaration?.type === "TSEnumDeclaration") {
          this.bindings.set(declaration.id.name, enumAsObject(declaration));
          return;
        }
        if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") return;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === "Identifier" && declarator.init) this.bindings.set(declarator.id.name, declarator.init);
          else if (declarator.id.type === "ObjectPattern" && declarator.init) this.bindPattern(declarator.id, declarator.init);
        }
      }
      /** `{ a, b: c }` from `value`: each name stands for `value.a`, `value.b` (looked up when read). */
      bindPattern(pattern, value) {
        for (const property of pattern.properties) {
          if (property.type !== "ObjectProperty" || property.value.type !== "Identifier") continue;
          const key = propertyName(property.key);
          if (key === void 0 || property.computed) continue;
          const member = { type: "MemberExpression", object: value, property: { type: "Identifier", name: key }, computed: false };
          this.bindings.set(property.value.name, member);
        }
      }
      bind(name, value) {
        this.bindings.set(name, value);
      }
      /** A class's fields with a value (`name = 'X'`, `table = 'users' as const`), read as `this.field`. */
      bindClassFields(body) {
        for (const member of body.body) {
          if (member.type !== "ClassProperty" || member.static || !member.value) continue;
          const name = propertyName(member.key);
          if (name !== void 0) this.bindings.set(`this.${name}`, member.value);
        }
      }
      lookup(name) {
        return this.bindings.get(name) ?? this.parent?.lookup(name);
      }
      /** The expression a name or constant member stands for, following constants. */
      resolve(node, depth = 0) {
        if (!node || depth > 20) return void 0;
        const inner = unwrapTypeScript(node);
        if (inner.type === "Identifier") {
          const bound = this.lookup(inner.name);
          return bound ? this.resolve(bound, depth + 1) : inner;
        }
        if (inner.type === "MemberExpression" && !inner.computed && inner.property.type === "Identifier") {
          const field = inner.object.type === "ThisExpression" ? this.lookup(`this.${inner.property.name}`) : void 0;
          if (field) return this.resolve(field, depth + 1);
          const object = this.resolve(inner.object, depth + 1);
          if (object?.type === "ObjectExpression") {
            const name = inner.property.name;
            for (const property of object.properties) {
              if (property.type === "ObjectProperty" && propertyName(property.key) === name) return this.resolve(property.value, depth + 1);
            }
          }
        }
        if (inner.type === "MemberExpression" && inner.computed) {
          const index = this.evaluate(inner.property, depth + 1);
          const array = typeof index === "number" ? this.resolve(inner.object, depth + 1) : void 0;
          const element = array?.type === "ArrayExpression" ? array.elements[index] : void 0;
          if (element && element.type !== "SpreadElement") return this.resolve(element, depth + 1);
        }
        return inner;
      }
      string(node) {
        const value = this.value(node);
        return typeof value === "string" ? value : void 0;
      }
      /** A string, number, boolean, null or array/object of such; undefined when not static (or too large). */
      value(node) {
        const value = this.evaluate(node, 0);
        return value === TOO_LARGE ? void 0 : value;
      }
      /** Whether the node is a constant whose value is over MAX_STATIC_VALUE_SIZE (and so was not evaluated). */
      isTooLarge(node) {
        return this.evaluate(node, 0) === TOO_LARGE;
      }
      evaluate(node, depth) {
        const resolved = this.resolve(node);
        if (!resolved || depth > 20) return void 0;
        let byDepth = this.evaluated.get(resolved);
        if (byDepth?.has(depth)) return byDepth.get(depth);
        this.work.evaluations++;
        const value = this.bounded(this.evaluateResolved(resolved, depth));
        if (!byDepth) this.evaluated.set(resolved, byDepth = /* @__PURE__ */ new Map());
        byDepth.set(depth, value);
        return value;
      }
      evaluateResolved(resolved, depth) {
        const part = (child) => this.evaluate(child, depth + 1);
        switch (resolved.type) {
          case "StringLiteral":
          case "NumericLiteral":
          case "BooleanLiteral":
            return resolved.value;
          case "NullLiteral":
            return null;
          case "TemplateLiteral": {
            const parts = [resolved.quasis[0].value.cooked ?? ""];
            for (let index = 0; index < resolved.expressions.length; index++) {
              parts.push(part(resolved.expressions[index]), resolved.quasis[index + 1].value.cooked ?? "");
            }
            return joinText(parts);
          }
          case "BinaryExpression":
            return resolved.operator === "+" ? joinText([part(resolved.left), part(resolved.right)]) : void 0;
          case "ArrayExpression": {
            const items = resolved.elements.map((element) => element ? part(element) : void 0);
            if (items.includes(TOO_LARGE)) return TOO_LARGE;
            return items.every((item) => item !== void 0) ? items : void 0;
          }
          case "ObjectExpression": {
            const object = {};
            for (const property of resolved.properties) {
              if (property.type !== "ObjectProperty") return void 0;
              const key = propertyName(property.key);
              const value = part(property.value);
              if (value === TOO_LARGE) return TOO_LARGE;
              if (key === void 0 || value === void 0) return void 0;
              object[key] = value;
            }
            return object;
          }
          case "UnaryExpression":
            if (resolved.operator === "!") {
              const operand = part(resolved.argument);
              return operand === void 0 || operand === TOO_LARGE ? operand : !operand;
            }
            return void 0;
          default:
            return void 0;
        }
      }
      /** The value, or TOO_LARGE when it is over MAX_STATIC_VALUE_SIZE. */
      bounded(value) {
        if (typeof value === "string") return value.length > MAX_STATIC_VALUE_SIZE ? TOO_LARGE : value;
        if (!value || typeof value !== "object") return value;
        let size = 1;
        for (const [key, item] of Object.entries(value)) {
          size += key.length + (typeof item === "string" ? item.length : item && typeof item === "object" ? this.sizes.get(item) ?? 1 : 1);
        }
        if (size > MAX_STATIC_VALUE_SIZE) return TOO_LARGE;
        this.sizes.set(value, size);
        return value;
      }
    };
  }
});

// src/frontends/js/functions.ts
function functionOf(node, program, scope) {
  if (!node) return void 0;
  const inner = unwrapTypeScript(node);
  switch (inner.type) {
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "FunctionDeclaration":
    case "ObjectMethod":
    case "ClassMethod":
      return inner;
    case "Identifier": {
      const declared = program.body.find(
        (statement) => statement.type === "FunctionDeclaration" && statement.id?.name === inner.name || statement.type === "ExportNamedDeclaration" && statement.declaration?.type === "FunctionDeclaration" && statement.declaration.id?.name === inner.name
      );
      if (declared?.type === "FunctionDeclaration") return declared;
      if (declared?.type === "ExportNamedDeclaration" && declared.declaration?.type === "FunctionDeclaration") return declared.declaration;
      const bound = scope.lookup(inner.name) ?? variableInit(program, inner.name);
      return bound && bound !== inner ? functionOf(bound, program, scope) : void 0;
    }
    default:
      return void 0;
  }
}
function variableInit(program, name) {
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return void 0;
}
var init_functions = __esm({
  "src/frontends/js/functions.ts"() {
    "use strict";
    init_static_values();
  }
});

// src/frontends/knex/find-migration.ts
var find_migration_exports = {};
__export(find_migration_exports, {
  findKnexMigration: () => findKnexMigration
});
function findKnexMigration(ast, scope) {
  const program = ast.program;
  const exported = /* @__PURE__ */ new Map();
  for (const statement of program.body) {
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const { left, right } = statement.expression;
      const target = exportTarget(left);
      if (target === "module") collectObject(right, exported);
      else if (target) exported.set(target, right);
    } else if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id) exported.set(declaration.id.name, declaration);
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === "Identifier" && declarator.init) exported.set(declarator.id.name, declarator.init);
        }
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ExportSpecifier") {
          const name = specifier.exported.type === "Identifier" ? specifier.exported.name : specifier.exported.value;
          exported.set(name, specifier.local);
        }
      }
    } else if (statement.type === "ExportDefaultDeclaration") {
      collectObject(scope.resolve(statement.declaration) ?? statement.declaration, exported);
    }
  }
  const up = functionOf(exported.get("up"), program, scope);
  const config = scope.value(exported.get("config"));
  return { up, transaction: config?.transaction !== false };
}
function exportTarget(left) {
  if (left.type !== "MemberExpression" || left.computed || left.property.type !== "Identifier") return void 0;
  const object = left.object;
  if (object.type === "Identifier" && object.name === "exports") return left.property.name;
  if (object.type === "Identifier" && object.name === "module" && left.property.name === "exports") return "module";
  if (exportTarget(object) === "module") return left.property.name;
  return void 0;
}
function collectObject(node, into) {
  const object = unwrapTypeScript(node);
  if (object.type !== "ObjectExpression") return;
  for (const property of object.properties) {
    if (property.type === "ObjectMethod") {
      const name = propertyName(property.key);
      if (name) into.set(name, property);
    } else if (property.type === "ObjectProperty") {
      const name = propertyName(property.key);
      if (name) into.set(name, property.value);
    }
  }
}
var init_find_migration = __esm({
  "src/frontends/knex/find-migration.ts"() {
    "use strict";
    init_functions();
    init_static_values();
  }
});

// node_modules/diff/libcjs/diff/base.js
var require_base = __commonJS({
  "node_modules/diff/libcjs/diff/base.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var Diff = class {
      diff(oldStr, newStr, options = {}) {
        let callback;
        if (typeof options === "function") {
          callback = options;
          options = {};
        } else if ("callback" in options) {
          callback = options.callback;
        }
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
      }
      diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
          value = this.postProcess(value, options);
          if (callback) {
            setTimeout(function() {
              callback(value);
            }, 0);
            return void 0;
          } else {
            return value;
          }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
          maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        const execEditLength = () => {
          for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
            let basePath;
            const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
            if (removePath) {
              bestPath[diagonalPath - 1] = void 0;
            }
            let canAdd = false;
            if (addPath) {
              const addPathNewPos = addPath.oldPos - diagonalPath;
              canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
            }
            const canRemove = removePath && removePath.oldPos + 1 < oldLen;
            if (!canAdd && !canRemove) {
              bestPath[diagonalPath] = void 0;
              continue;
            }
            if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
              basePath = this.addToPath(addPath, true, false, 0, options);
            } else {
              basePath = this.addToPath(removePath, false, true, 1, options);
            }
            newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
            if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
              return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
            } else {
              bestPath[diagonalPath] = basePath;
              if (basePath.oldPos + 1 >= oldLen) {
                maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
              }
              if (newPos + 1 >= newLen) {
                minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
              }
            }
          }
          editLength++;
        };
        if (callback) {
          (function exec() {
            setTimeout(function() {
              if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                return callback(void 0);
              }
              if (!execEditLength()) {
                exec();
              }
            }, 0);
          })();
        } else {
          while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
            const ret = execEditLength();
            if (ret) {
              return ret;
            }
          }
        }
      }
      addToPath(path5, added, removed, oldPosInc, options) {
        const last = path5.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
          return {
            oldPos: path5.oldPos + oldPosInc,
            lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
          };
        } else {
          return {
            oldPos: path5.oldPos + oldPosInc,
            lastComponent: { count: 1, added, removed, previousComponent: last }
          };
        }
      }
      extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
          newPos++;
          oldPos++;
          commonCount++;
          if (options.oneChangePerToken) {
            basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
          }
        }
        if (commonCount && !options.oneChangePerToken) {
          basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
      }
      equals(left, right, options) {
        if (options.comparator) {
          return options.comparator(left, right);
        } else {
          return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
        }
      }
      removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
          if (array[i]) {
            ret.push(array[i]);
          }
        }
        return ret;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      castInput(value, options) {
        return value;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      tokenize(value, options) {
        return Array.from(value);
      }
      join(chars) {
        return chars.join("");
      }
      postProcess(changeObjects, options) {
        return changeObjects;
      }
      get useLongestToken() {
        return false;
      }
      buildValues(lastComponent, newTokens, oldTokens) {
        const components = [];
        let nextComponent;
        while (lastComponent) {
          components.push(lastComponent);
          nextComponent = lastComponent.previousComponent;
          delete lastComponent.previousComponent;
          lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
          const component = components[componentPos];
          if (!component.removed) {
            if (!component.added && this.useLongestToken) {
              let value = newTokens.slice(newPos, newPos + component.count);
              value = value.map(function(value2, i) {
                const oldValue = oldTokens[oldPos + i];
                return oldValue.length > value2.length ? oldValue : value2;
              });
              component.value = this.join(value);
            } else {
              component.value = this.join(newTokens.slice(newPos, newPos + component.count));
            }
            newPos += component.count;
            if (!component.added) {
              oldPos += component.count;
            }
          } else {
            component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
            oldPos += component.count;
          }
        }
        return components;
      }
    };
    exports2.default = Diff;
  }
});

// node_modules/diff/libcjs/diff/character.js
var require_character = __commonJS({
  "node_modules/diff/libcjs/diff/character.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.characterDiff = void 0;
    exports2.diffChars = diffChars;
    var base_js_1 = __importDefault(require_base());
    var CharacterDiff = class extends base_js_1.default {
    };
    exports2.characterDiff = new CharacterDiff();
    function diffChars(oldStr, newStr, options) {
      return exports2.characterDiff.diff(oldStr, newStr, options);
    }
  }
});

// node_modules/diff/libcjs/util/string.js
var require_string = __commonJS({
  "node_modules/diff/libcjs/util/string.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.longestCommonPrefix = longestCommonPrefix;
    exports2.longestCommonSuffix = longestCommonSuffix;
    exports2.replacePrefix = replacePrefix;
    exports2.replaceSuffix = replaceSuffix;
    exports2.removePrefix = removePrefix;
    exports2.removeSuffix = removeSuffix;
    exports2.maximumOverlap = maximumOverlap;
    exports2.hasOnlyWinLineEndings = hasOnlyWinLineEndings;
    exports2.hasOnlyUnixLineEndings = hasOnlyUnixLineEndings;
    exports2.segment = segment;
    exports2.trailingWs = trailingWs;
    exports2.leadingWs = leadingWs;
    exports2.leadingAndTrailingWs = leadingAndTrailingWs;
    function longestCommonPrefix(str1, str2) {
      let i;
      for (i = 0; i < str1.length && i < str2.length; i++) {
        if (str1[i] != str2[i]) {
          return str1.slice(0, i);
        }
      }
      return str1.slice(0, i);
    }
    function longestCommonSuffix(str1, str2) {
      let i;
      if (!str1 || !str2 || str1[str1.length - 1] != str2[str2.length - 1]) {
        return "";
      }
      for (i = 0; i < str1.length && i < str2.length; i++) {
        if (str1[str1.length - (i + 1)] != str2[str2.length - (i + 1)]) {
          return str1.slice(-i);
        }
      }
      return str1.slice(-i);
    }
    function replacePrefix(string, oldPrefix, newPrefix) {
      if (string.slice(0, oldPrefix.length) != oldPrefix) {
        throw Error(`string ${JSON.stringify(string)} doesn't start with prefix ${JSON.stringify(oldPrefix)}; this is a bug`);
      }
      return newPrefix + string.slice(oldPrefix.length);
    }
    function replaceSuffix(string, oldSuffix, newSuffix) {
      if (!oldSuffix) {
        return string + newSuffix;
      }
      if (string.slice(-oldSuffix.length) != oldSuffix) {
        throw Error(`string ${JSON.stringify(string)} doesn't end with suffix ${JSON.stringify(oldSuffix)}; this is a bug`);
      }
      return string.slice(0, -oldSuffix.length) + newSuffix;
    }
    function removePrefix(string, oldPrefix) {
      return replacePrefix(string, oldPrefix, "");
    }
    function removeSuffix(string, oldSuffix) {
      return replaceSuffix(string, oldSuffix, "");
    }
    function maximumOverlap(string1, string2) {
      return string2.slice(0, overlapCount(string1, string2));
    }
    function overlapCount(a, b) {
      let startA = 0;
      if (a.length > b.length) {
        startA = a.length - b.length;
      }
      let endB = b.length;
      if (a.length < b.length) {
        endB = a.length;
      }
      const map = Array(endB);
      let k = 0;
      map[0] = 0;
      for (let j = 1; j < endB; j++) {
        if (b[j] == b[k]) {
          map[j] = map[k];
        } else {
          map[j] = k;
        }
        while (k > 0 && b[j] != b[k]) {
          k = map[k];
        }
        if (b[j] == b[k]) {
          k++;
        }
      }
      k = 0;
      for (let i = startA; i < a.length; i++) {
        while (k > 0 && a[i] != b[k]) {
          k = map[k];
        }
        if (a[i] == b[k]) {
          k++;
        }
      }
      return k;
    }
    function hasOnlyWinLineEndings(string) {
      return string.includes("\r\n") && !string.startsWith("\n") && !string.match(/[^\r]\n/);
    }
    function hasOnlyUnixLineEndings(string) {
      return !string.includes("\r\n") && string.includes("\n");
    }
    function segment(string, segmenter) {
      const parts = [];
      for (const segmentObj of Array.from(segmenter.segment(string))) {
        const segment2 = segmentObj.segment;
        if (parts.length && /\s/.test(parts[parts.length - 1]) && /\s/.test(segment2)) {
          parts[parts.length - 1] += segment2;
        } else {
          parts.push(segment2);
        }
      }
      return parts;
    }
    function trailingWs(string, segmenter) {
      if (segmenter) {
        return leadingAndTrailingWs(string, segmenter)[1];
      }
      let i;
      for (i = string.length - 1; i >= 0; i--) {
        if (!string[i].match(/\s/)) {
          break;
        }
      }
      return string.substring(i + 1);
    }
    function leadingWs(string, segmenter) {
      if (segmenter) {
        return leadingAndTrailingWs(string, segmenter)[0];
      }
      const match = string.match(/^\s*/);
      return match ? match[0] : "";
    }
    function leadingAndTrailingWs(string, segmenter) {
      if (!segmenter) {
        return [leadingWs(string), trailingWs(string)];
      }
      if (segmenter.resolvedOptions().granularity != "word") {
        throw new Error('The segmenter passed must have a granularity of "word"');
      }
      const segments = segment(string, segmenter);
      const firstSeg = segments[0];
      const lastSeg = segments[segments.length - 1];
      const head = /\s/.test(firstSeg) ? firstSeg : "";
      const tail = /\s/.test(lastSeg) ? lastSeg : "";
      return [head, tail];
    }
  }
});

// node_modules/diff/libcjs/diff/word.js
var require_word = __commonJS({
  "node_modules/diff/libcjs/diff/word.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.wordsWithSpaceDiff = exports2.wordDiff = void 0;
    exports2.diffWords = diffWords;
    exports2.diffWordsWithSpace = diffWordsWithSpace;
    var base_js_1 = __importDefault(require_base());
    var string_js_1 = require_string();
    var extendedWordChars = "a-zA-Z0-9_\\u{AD}\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2C6}\\u{2C8}-\\u{2D7}\\u{2DE}-\\u{2FF}\\u{1E00}-\\u{1EFF}";
    var tokenizeIncludingWhitespace = new RegExp(`[${extendedWordChars}]+|\\s+|[^${extendedWordChars}]`, "ug");
    var WordDiff = class extends base_js_1.default {
      equals(left, right, options) {
        if (options.ignoreCase) {
          left = left.toLowerCase();
          right = right.toLowerCase();
        }
        return left.trim() === right.trim();
      }
      tokenize(value, options = {}) {
        let parts;
        if (options.intlSegmenter) {
          const segmenter = options.intlSegmenter;
          if (segmenter.resolvedOptions().granularity != "word") {
            throw new Error('The segmenter passed must have a granularity of "word"');
          }
          parts = (0, string_js_1.segment)(value, segmenter);
        } else {
          parts = value.match(tokenizeIncludingWhitespace) || [];
        }
        const tokens = [];
        let prevPart = null;
        parts.forEach((part) => {
          if (/\s/.test(part)) {
            if (prevPart == null) {
              tokens.push(part);
            } else {
              tokens.push(tokens.pop() + part);
            }
          } else if (prevPart != null && /\s/.test(prevPart)) {
            if (tokens[tokens.length - 1] == prevPart) {
              tokens.push(tokens.pop() + part);
            } else {
              tokens.push(prevPart + part);
            }
          } else {
            tokens.push(part);
          }
          prevPart = part;
        });
        return tokens;
      }
      join(tokens) {
        return tokens.map((token, i) => {
          if (i == 0) {
            return token;
          } else {
            return token.replace(/^\s+/, "");
          }
        }).join("");
      }
      postProcess(changes, options) {
        if (!changes || options.oneChangePerToken) {
          return changes;
        }
        let lastKeep = null;
        let insertion = null;
        let deletion = null;
        changes.forEach((change) => {
          if (change.added) {
            insertion = change;
          } else if (change.removed) {
            deletion = change;
          } else {
            if (insertion || deletion) {
              dedupeWhitespaceInChangeObjects(lastKeep, deletion, insertion, change, options.intlSegmenter);
            }
            lastKeep = change;
            insertion = null;
            deletion = null;
          }
        });
        if (insertion || deletion) {
          dedupeWhitespaceInChangeObjects(lastKeep, deletion, insertion, null, options.intlSegmenter);
        }
        return changes;
      }
    };
    exports2.wordDiff = new WordDiff();
    function diffWords(oldStr, newStr, options) {
      if ((options === null || options === void 0 ? void 0 : options.ignoreWhitespace) != null && !options.ignoreWhitespace) {
        return diffWordsWithSpace(oldStr, newStr, options);
      }
      return exports2.wordDiff.diff(oldStr, newStr, options);
    }
    function dedupeWhitespaceInChangeObjects(startKeep, deletion, insertion, endKeep, segmenter) {
      if (deletion && insertion) {
        const [oldWsPrefix, oldWsSuffix] = (0, string_js_1.leadingAndTrailingWs)(deletion.value, segmenter);
        const [newWsPrefix, newWsSuffix] = (0, string_js_1.leadingAndTrailingWs)(insertion.value, segmenter);
        if (startKeep) {
          const commonWsPrefix = (0, string_js_1.longestCommonPrefix)(oldWsPrefix, newWsPrefix);
          startKeep.value = (0, string_js_1.replaceSuffix)(startKeep.value, newWsPrefix, commonWsPrefix);
          deletion.value = (0, string_js_1.removePrefix)(deletion.value, commonWsPrefix);
          insertion.value = (0, string_js_1.removePrefix)(insertion.value, commonWsPrefix);
        }
        if (endKeep) {
          const commonWsSuffix = (0, string_js_1.longestCommonSuffix)(oldWsSuffix, newWsSuffix);
          endKeep.value = (0, string_js_1.replacePrefix)(endKeep.value, newWsSuffix, commonWsSuffix);
          deletion.value = (0, string_js_1.removeSuffix)(deletion.value, commonWsSuffix);
          insertion.value = (0, string_js_1.removeSuffix)(insertion.value, commonWsSuffix);
        }
      } else if (insertion) {
        if (startKeep) {
          const ws = (0, string_js_1.leadingWs)(insertion.value, segmenter);
          insertion.value = insertion.value.substring(ws.length);
        }
        if (endKeep) {
          const ws = (0, string_js_1.leadingWs)(endKeep.value, segmenter);
          endKeep.value = endKeep.value.substring(ws.length);
        }
      } else if (startKeep && endKeep) {
        const newWsFull = (0, string_js_1.leadingWs)(endKeep.value, segmenter), [delWsStart, delWsEnd] = (0, string_js_1.leadingAndTrailingWs)(deletion.value, segmenter);
        const newWsStart = (0, string_js_1.longestCommonPrefix)(newWsFull, delWsStart);
        deletion.value = (0, string_js_1.removePrefix)(deletion.value, newWsStart);
        const newWsEnd = (0, string_js_1.longestCommonSuffix)((0, string_js_1.removePrefix)(newWsFull, newWsStart), delWsEnd);
        deletion.value = (0, string_js_1.removeSuffix)(deletion.value, newWsEnd);
        endKeep.value = (0, string_js_1.replacePrefix)(endKeep.value, newWsFull, newWsEnd);
        startKeep.value = (0, string_js_1.replaceSuffix)(startKeep.value, newWsFull, newWsFull.slice(0, newWsFull.length - newWsEnd.length));
      } else if (endKeep) {
        const endKeepWsPrefix = (0, string_js_1.leadingWs)(endKeep.value, segmenter);
        const deletionWsSuffix = (0, string_js_1.trailingWs)(deletion.value, segmenter);
        const overlap = (0, string_js_1.maximumOverlap)(deletionWsSuffix, endKeepWsPrefix);
        deletion.value = (0, string_js_1.removeSuffix)(deletion.value, overlap);
      } else if (startKeep) {
        const startKeepWsSuffix = (0, string_js_1.trailingWs)(startKeep.value, segmenter);
        const deletionWsPrefix = (0, string_js_1.leadingWs)(deletion.value, segmenter);
        const overlap = (0, string_js_1.maximumOverlap)(startKeepWsSuffix, deletionWsPrefix);
        deletion.value = (0, string_js_1.removePrefix)(deletion.value, overlap);
      }
    }
    var WordsWithSpaceDiff = class extends base_js_1.default {
      tokenize(value) {
        const regex = new RegExp(`(\\r?\\n)|[${extendedWordChars}]+|[^\\S\\n\\r]+|[^${extendedWordChars}]`, "ug");
        return value.match(regex) || [];
      }
    };
    exports2.wordsWithSpaceDiff = new WordsWithSpaceDiff();
    function diffWordsWithSpace(oldStr, newStr, options) {
      return exports2.wordsWithSpaceDiff.diff(oldStr, newStr, options);
    }
  }
});

// node_modules/diff/libcjs/util/params.js
var require_params = __commonJS({
  "node_modules/diff/libcjs/util/params.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.generateOptions = generateOptions;
    function generateOptions(options, defaults) {
      if (typeof options === "function") {
        defaults.callback = options;
      } else if (options) {
        for (const name in options) {
          if (Object.prototype.hasOwnProperty.call(options, name)) {
            defaults[name] = options[name];
          }
        }
      }
      return defaults;
    }
  }
});

// node_modules/diff/libcjs/diff/line.js
var require_line = __commonJS({
  "node_modules/diff/libcjs/diff/line.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.lineDiff = void 0;
    exports2.diffLines = diffLines;
    exports2.diffTrimmedLines = diffTrimmedLines;
    exports2.tokenize = tokenize;
    var base_js_1 = __importDefault(require_base());
    var params_js_1 = require_params();
    var LineDiff = class extends base_js_1.default {
      constructor() {
        super(...arguments);
        this.tokenize = tokenize;
      }
      equals(left, right, options) {
        if (options.ignoreWhitespace) {
          if (!options.newlineIsToken || !left.includes("\n")) {
            left = left.trim();
          }
          if (!options.newlineIsToken || !right.includes("\n")) {
            right = right.trim();
          }
        } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
          if (left.endsWith("\n")) {
            left = left.slice(0, -1);
          }
          if (right.endsWith("\n")) {
            right = right.slice(0, -1);
          }
        }
        return super.equals(left, right, options);
      }
    };
    exports2.lineDiff = new LineDiff();
    function diffLines(oldStr, newStr, options) {
      return exports2.lineDiff.diff(oldStr, newStr, options);
    }
    function diffTrimmedLines(oldStr, newStr, options) {
      options = (0, params_js_1.generateOptions)(options, { ignoreWhitespace: true });
      return exports2.lineDiff.diff(oldStr, newStr, options);
    }
    function tokenize(value, options) {
      if (options.stripTrailingCr) {
        value = value.replace(/\r\n/g, "\n");
      }
      const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
      if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
      }
      for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
          retLines[retLines.length - 1] += line;
        } else {
          retLines.push(line);
        }
      }
      return retLines;
    }
  }
});

// node_modules/diff/libcjs/diff/sentence.js
var require_sentence = __commonJS({
  "node_modules/diff/libcjs/diff/sentence.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.sentenceDiff = void 0;
    exports2.diffSentences = diffSentences;
    var base_js_1 = __importDefault(require_base());
    function isSentenceEndPunct(char) {
      return char == "." || char == "!" || char == "?";
    }
    var SentenceDiff = class extends base_js_1.default {
      tokenize(value) {
        var _a;
        const result = [];
        let tokenStartI = 0;
        for (let i = 0; i < value.length; i++) {
          if (i == value.length - 1) {
            result.push(value.slice(tokenStartI));
            break;
          }
          if (isSentenceEndPunct(value[i]) && value[i + 1].match(/\s/)) {
            result.push(value.slice(tokenStartI, i + 1));
            i = tokenStartI = i + 1;
            while ((_a = value[i + 1]) === null || _a === void 0 ? void 0 : _a.match(/\s/)) {
              i++;
            }
            result.push(value.slice(tokenStartI, i + 1));
            tokenStartI = i + 1;
          }
        }
        return result;
      }
    };
    exports2.sentenceDiff = new SentenceDiff();
    function diffSentences(oldStr, newStr, options) {
      return exports2.sentenceDiff.diff(oldStr, newStr, options);
    }
  }
});

// node_modules/diff/libcjs/diff/css.js
var require_css = __commonJS({
  "node_modules/diff/libcjs/diff/css.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.cssDiff = void 0;
    exports2.diffCss = diffCss;
    var base_js_1 = __importDefault(require_base());
    var CssDiff = class extends base_js_1.default {
      tokenize(value) {
        return value.split(/([{}:;,]|\s+)/);
      }
    };
    exports2.cssDiff = new CssDiff();
    function diffCss(oldStr, newStr, options) {
      return exports2.cssDiff.diff(oldStr, newStr, options);
    }
  }
});

// node_modules/diff/libcjs/diff/json.js
var require_json = __commonJS({
  "node_modules/diff/libcjs/diff/json.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.jsonDiff = void 0;
    exports2.diffJson = diffJson;
    exports2.canonicalize = canonicalize;
    var base_js_1 = __importDefault(require_base());
    var line_js_1 = require_line();
    var JsonDiff = class extends base_js_1.default {
      constructor() {
        super(...arguments);
        this.tokenize = line_js_1.tokenize;
      }
      get useLongestToken() {
        return true;
      }
      castInput(value, options) {
        const { undefinedReplacement, stringifyReplacer = (k, v) => typeof v === "undefined" ? undefinedReplacement : v } = options;
        return typeof value === "string" ? value : JSON.stringify(canonicalize(value, null, null, stringifyReplacer), null, "  ");
      }
      equals(left, right, options) {
        return super.equals(left.replace(/,([\r\n])/g, "$1"), right.replace(/,([\r\n])/g, "$1"), options);
      }
    };
    exports2.jsonDiff = new JsonDiff();
    function diffJson(oldStr, newStr, options) {
      return exports2.jsonDiff.diff(oldStr, newStr, options);
    }
    function canonicalize(obj, stack, replacementStack, replacer, key) {
      stack = stack || [];
      replacementStack = replacementStack || [];
      if (replacer) {
        obj = replacer(key === void 0 ? "" : key, obj);
      }
      let i;
      for (i = 0; i < stack.length; i += 1) {
        if (stack[i] === obj) {
          return replacementStack[i];
        }
      }
      let canonicalizedObj;
      if ("[object Array]" === Object.prototype.toString.call(obj)) {
        stack.push(obj);
        canonicalizedObj = new Array(obj.length);
        replacementStack.push(canonicalizedObj);
        for (i = 0; i < obj.length; i += 1) {
          canonicalizedObj[i] = canonicalize(obj[i], stack, replacementStack, replacer, String(i));
        }
        stack.pop();
        replacementStack.pop();
        return canonicalizedObj;
      }
      if (obj && obj.toJSON) {
        obj = obj.toJSON();
      }
      if (typeof obj === "object" && obj !== null) {
        stack.push(obj);
        canonicalizedObj = {};
        replacementStack.push(canonicalizedObj);
        const sortedKeys = [];
        let key2;
        for (key2 in obj) {
          if (Object.prototype.hasOwnProperty.call(obj, key2)) {
            sortedKeys.push(key2);
          }
        }
        sortedKeys.sort();
        for (i = 0; i < sortedKeys.length; i += 1) {
          key2 = sortedKeys[i];
          canonicalizedObj[key2] = canonicalize(obj[key2], stack, replacementStack, replacer, key2);
        }
        stack.pop();
        replacementStack.pop();
      } else {
        canonicalizedObj = obj;
      }
      return canonicalizedObj;
    }
  }
});

// node_modules/diff/libcjs/diff/array.js
var require_array = __commonJS({
  "node_modules/diff/libcjs/diff/array.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.arrayDiff = void 0;
    exports2.diffArrays = diffArrays;
    var base_js_1 = __importDefault(require_base());
    var ArrayDiff = class extends base_js_1.default {
      tokenize(value) {
        return value.slice();
      }
      join(value) {
        return value;
      }
      removeEmpty(value) {
        return value;
      }
    };
    exports2.arrayDiff = new ArrayDiff();
    function diffArrays(oldArr, newArr, options) {
      return exports2.arrayDiff.diff(oldArr, newArr, options);
    }
  }
});

// node_modules/diff/libcjs/patch/line-endings.js
var require_line_endings = __commonJS({
  "node_modules/diff/libcjs/patch/line-endings.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.unixToWin = unixToWin;
    exports2.winToUnix = winToUnix;
    exports2.isUnix = isUnix;
    exports2.isWin = isWin;
    function unixToWin(patch) {
      if (Array.isArray(patch)) {
        return patch.map((p) => unixToWin(p));
      }
      return Object.assign(Object.assign({}, patch), { hunks: patch.hunks.map((hunk) => Object.assign(Object.assign({}, hunk), { lines: hunk.lines.map((line, i) => {
        var _a;
        return line.startsWith("\\") || line.endsWith("\r") || ((_a = hunk.lines[i + 1]) === null || _a === void 0 ? void 0 : _a.startsWith("\\")) ? line : line + "\r";
      }) })) });
    }
    function winToUnix(patch) {
      if (Array.isArray(patch)) {
        return patch.map((p) => winToUnix(p));
      }
      return Object.assign(Object.assign({}, patch), { hunks: patch.hunks.map((hunk) => Object.assign(Object.assign({}, hunk), { lines: hunk.lines.map((line) => line.endsWith("\r") ? line.substring(0, line.length - 1) : line) })) });
    }
    function isUnix(patch) {
      if (!Array.isArray(patch)) {
        patch = [patch];
      }
      return !patch.some((index) => index.hunks.some((hunk) => hunk.lines.some((line) => !line.startsWith("\\") && line.endsWith("\r"))));
    }
    function isWin(patch) {
      if (!Array.isArray(patch)) {
        patch = [patch];
      }
      return patch.some((index) => index.hunks.some((hunk) => hunk.lines.some((line) => line.endsWith("\r")))) && patch.every((index) => index.hunks.every((hunk) => hunk.lines.every((line, i) => {
        var _a;
        return line.startsWith("\\") || line.endsWith("\r") || ((_a = hunk.lines[i + 1]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"));
      })));
    }
  }
});

// node_modules/diff/libcjs/patch/parse.js
var require_parse = __commonJS({
  "node_modules/diff/libcjs/patch/parse.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.parsePatch = parsePatch;
    function parsePatch(uniDiff) {
      const diffstr = uniDiff.split(/\n/), list = [];
      let i = 0;
      function isGitDiffHeader(line) {
        return /^diff --git /.test(line);
      }
      function isDiffHeader(line) {
        return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
      }
      function isFileHeader(line) {
        return /^(---|\+\+\+)\s/.test(line);
      }
      function isHunkHeader(line) {
        return /^@@\s/.test(line);
      }
      function parseIndex() {
        var _a;
        const index = {};
        index.hunks = [];
        list.push(index);
        let seenDiffHeader = false;
        while (i < diffstr.length) {
          const line = diffstr[i];
          if (isFileHeader(line) || isHunkHeader(line)) {
            break;
          }
          if (isGitDiffHeader(line)) {
            if (seenDiffHeader) {
              return;
            }
            seenDiffHeader = true;
            index.isGit = true;
            const paths = parseGitDiffHeader(line);
            if (paths) {
              index.oldFileName = paths.oldFileName;
              index.newFileName = paths.newFileName;
            }
            i++;
            while (i < diffstr.length) {
              const extLine = diffstr[i];
              if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
                break;
              }
              const renameFromMatch = /^rename from (.*)/.exec(extLine);
              if (renameFromMatch) {
                index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
                index.isRename = true;
              }
              const renameToMatch = /^rename to (.*)/.exec(extLine);
              if (renameToMatch) {
                index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
                index.isRename = true;
              }
              const copyFromMatch = /^copy from (.*)/.exec(extLine);
              if (copyFromMatch) {
                index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
                index.isCopy = true;
              }
              const copyToMatch = /^copy to (.*)/.exec(extLine);
              if (copyToMatch) {
                index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
                index.isCopy = true;
              }
              const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
              if (newFileModeMatch) {
                index.isCreate = true;
                index.newMode = newFileModeMatch[1];
              }
              const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
              if (deletedFileModeMatch) {
                index.isDelete = true;
                index.oldMode = deletedFileModeMatch[1];
              }
              const oldModeMatch = /^old mode (\d+)/.exec(extLine);
              if (oldModeMatch) {
                index.oldMode = oldModeMatch[1];
              }
              const newModeMatch = /^new mode (\d+)/.exec(extLine);
              if (newModeMatch) {
                index.newMode = newModeMatch[1];
              }
              if (/^Binary files /.test(extLine)) {
                index.isBinary = true;
              }
              i++;
            }
            continue;
          } else if (isDiffHeader(line)) {
            if (seenDiffHeader) {
              return;
            }
            seenDiffHeader = true;
            const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
            if (headerMatch) {
              index.index = line.substring(headerMatch[0].length).trim();
            }
          }
          i++;
        }
        parseFileHeader(index);
        parseFileHeader(index);
        if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
          throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
        }
        while (i < diffstr.length) {
          const line = diffstr[i];
          if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
            break;
          } else if (isHunkHeader(line)) {
            index.hunks.push(parseHunk());
          } else {
            i++;
          }
        }
      }
      function parseGitDiffHeader(line) {
        const rest = line.substring("diff --git ".length);
        if (rest.startsWith('"')) {
          const oldPath = parseQuotedFileName(rest);
          if (oldPath === null) {
            return null;
          }
          const afterOld = rest.substring(oldPath.rawLength + 1);
          let newFileName;
          if (afterOld.startsWith('"')) {
            const newPath = parseQuotedFileName(afterOld);
            if (newPath === null) {
              return null;
            }
            newFileName = newPath.fileName;
          } else {
            newFileName = afterOld;
          }
          return {
            oldFileName: oldPath.fileName,
            newFileName
          };
        }
        const quoteIdx = rest.indexOf('"');
        if (quoteIdx > 0) {
          const oldFileName = rest.substring(0, quoteIdx - 1);
          const newPath = parseQuotedFileName(rest.substring(quoteIdx));
          if (newPath === null) {
            return null;
          }
          return {
            oldFileName,
            newFileName: newPath.fileName
          };
        }
        if (rest.startsWith("a/")) {
          const splits = [];
          let idx = 0;
          while (true) {
            idx = rest.indexOf(" b/", idx + 1);
            if (idx === -1) {
              break;
            }
            splits.push(idx);
          }
          if (splits.length > 0) {
            const mid = splits[Math.floor(splits.length / 2)];
            return {
              oldFileName: rest.substring(0, mid),
              newFileName: rest.substring(mid + 1)
            };
          }
        }
        return null;
      }
      function unquoteIfQuoted(s) {
        if (s.startsWith('"')) {
          const parsed = parseQuotedFileName(s);
          if (parsed) {
            return parsed.fileName;
          }
        }
        return s;
      }
      function parseQuotedFileName(s) {
        if (!s.startsWith('"')) {
          return null;
        }
        let result = "";
        let j = 1;
        while (j < s.length) {
          if (s[j] === '"') {
            return { fileName: result, rawLength: j + 1 };
          }
          if (s[j] === "\\" && j + 1 < s.length) {
            j++;
            switch (s[j]) {
              case "a":
                result += "\x07";
                break;
              case "b":
                result += "\b";
                break;
              case "f":
                result += "\f";
                break;
              case "n":
                result += "\n";
                break;
              case "r":
                result += "\r";
                break;
              case "t":
                result += "	";
                break;
              case "v":
                result += "\v";
                break;
              case "\\":
                result += "\\";
                break;
              case '"':
                result += '"';
                break;
              case "0":
              case "1":
              case "2":
              case "3":
              case "4":
              case "5":
              case "6":
              case "7": {
                if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
                  return null;
                }
                const bytes = [parseInt(s.substring(j, j + 3), 8)];
                j += 3;
                while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
                  if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                    return null;
                  }
                  bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
                  j += 4;
                }
                result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
                continue;
              }
              // Note that in C, there are also three kinds of hex escape sequences:
              // - \xhh
              // - \uhhhh
              // - \Uhhhhhhhh
              // We do not bother to parse them here because, so far as we know,
              // they are never emitted by any tools that generate unified diff
              // format diffs, and so for now jsdiff does not consider them legal.
              default:
                return null;
            }
          } else {
            result += s[j];
          }
          j++;
        }
        return null;
      }
      function parseFileHeader(index) {
        const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
        if (fileHeaderMatch) {
          const prefix = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
          let fileName = data[0];
          if (fileName.startsWith('"')) {
            fileName = unquoteIfQuoted(fileName);
          } else {
            fileName = fileName.replace(/\\\\/g, "\\");
          }
          if (prefix === "---") {
            index.oldFileName = fileName;
            index.oldHeader = header;
          } else {
            index.newFileName = fileName;
            index.newHeader = header;
          }
          i++;
        }
      }
      function parseHunk() {
        var _a;
        const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
        const hunk = {
          oldStart: +chunkHeader[1],
          oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
          newStart: +chunkHeader[3],
          newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
          lines: []
        };
        if (hunk.oldLines === 0) {
          hunk.oldStart += 1;
        }
        if (hunk.newLines === 0) {
          hunk.newStart += 1;
        }
        let addCount = 0, removeCount = 0;
        for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
          const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
          if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
            hunk.lines.push(diffstr[i]);
            if (operation === "+") {
              addCount++;
            } else if (operation === "-") {
              removeCount++;
            } else if (operation === " ") {
              addCount++;
              removeCount++;
            }
          } else {
            throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
          }
        }
        if (!addCount && hunk.newLines === 1) {
          hunk.newLines = 0;
        }
        if (!removeCount && hunk.oldLines === 1) {
          hunk.oldLines = 0;
        }
        if (addCount !== hunk.newLines) {
          throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
        }
        if (removeCount !== hunk.oldLines) {
          throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
        }
        if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
          throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
        }
        return hunk;
      }
      while (i < diffstr.length) {
        parseIndex();
      }
      return list;
    }
  }
});

// node_modules/diff/libcjs/util/distance-iterator.js
var require_distance_iterator = __commonJS({
  "node_modules/diff/libcjs/util/distance-iterator.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.default = default_1;
    function default_1(start, minLine, maxLine) {
      let wantForward = true, backwardExhausted = false, forwardExhausted = false, localOffset = 1;
      return function iterator() {
        if (wantForward && !forwardExhausted) {
          if (backwardExhausted) {
            localOffset++;
          } else {
            wantForward = false;
          }
          if (start + localOffset <= maxLine) {
            return start + localOffset;
          }
          forwardExhausted = true;
        }
        if (!backwardExhausted) {
          if (!forwardExhausted) {
            wantForward = true;
          }
          if (minLine <= start - localOffset) {
            return start - localOffset++;
          }
          backwardExhausted = true;
          return iterator();
        }
        return void 0;
      };
    }
  }
});

// node_modules/diff/libcjs/patch/apply.js
var require_apply = __commonJS({
  "node_modules/diff/libcjs/patch/apply.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.applyPatch = applyPatch;
    exports2.applyPatches = applyPatches;
    var string_js_1 = require_string();
    var line_endings_js_1 = require_line_endings();
    var parse_js_1 = require_parse();
    var distance_iterator_js_1 = __importDefault(require_distance_iterator());
    function applyPatch(source, patch, options = {}) {
      let patches;
      if (typeof patch === "string") {
        patches = (0, parse_js_1.parsePatch)(patch);
      } else if (Array.isArray(patch)) {
        patches = patch;
      } else {
        patches = [patch];
      }
      if (patches.length > 1) {
        throw new Error("applyPatch only works with a single input.");
      }
      return applyStructuredPatch(source, patches[0], options);
    }
    function applyStructuredPatch(source, patch, options = {}) {
      if (options.autoConvertLineEndings || options.autoConvertLineEndings == null) {
        if ((0, string_js_1.hasOnlyWinLineEndings)(source) && (0, line_endings_js_1.isUnix)(patch)) {
          patch = (0, line_endings_js_1.unixToWin)(patch);
        } else if ((0, string_js_1.hasOnlyUnixLineEndings)(source) && (0, line_endings_js_1.isWin)(patch)) {
          patch = (0, line_endings_js_1.winToUnix)(patch);
        }
      }
      const lines = source.split("\n"), hunks = patch.hunks, compareLine = options.compareLine || ((lineNumber, line, operation, patchContent) => line === patchContent), fuzzFactor = options.fuzzFactor || 0;
      let minLine = 0;
      if (fuzzFactor < 0 || !Number.isInteger(fuzzFactor)) {
        throw new Error("fuzzFactor must be a non-negative integer");
      }
      if (!hunks.length) {
        return source;
      }
      let prevLine = "", removeEOFNL = false, addEOFNL = false;
      for (let i = 0; i < hunks[hunks.length - 1].lines.length; i++) {
        const line = hunks[hunks.length - 1].lines[i];
        if (line[0] == "\\") {
          if (prevLine[0] == "+") {
            removeEOFNL = true;
          } else if (prevLine[0] == "-") {
            addEOFNL = true;
          }
        }
        prevLine = line;
      }
      if (removeEOFNL) {
        if (addEOFNL) {
          if (!fuzzFactor && lines[lines.length - 1] == "") {
            return false;
          }
        } else if (lines[lines.length - 1] == "") {
          lines.pop();
        } else if (!fuzzFactor) {
          return false;
        }
      } else if (addEOFNL) {
        if (lines[lines.length - 1] != "") {
          lines.push("");
        } else if (!fuzzFactor) {
          return false;
        }
      }
      function applyHunk(hunkLines, toPos, maxErrors, hunkLinesI = 0, lastContextLineMatched = true, patchedLines = [], patchedLinesLength = 0) {
        let nConsecutiveOldContextLines = 0;
        let nextContextLineMustMatch = false;
        for (; hunkLinesI < hunkLines.length; hunkLinesI++) {
          const hunkLine = hunkLines[hunkLinesI], operation = hunkLine.length > 0 ? hunkLine[0] : " ", content = hunkLine.length > 0 ? hunkLine.substr(1) : hunkLine;
          if (operation === "-") {
            if (compareLine(toPos + 1, lines[toPos], operation, content)) {
              toPos++;
              nConsecutiveOldContextLines = 0;
            } else {
              if (!maxErrors || lines[toPos] == null) {
                return null;
              }
              patchedLines[patchedLinesLength] = lines[toPos];
              return applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI, false, patchedLines, patchedLinesLength + 1);
            }
          }
          if (operation === "+") {
            if (!lastContextLineMatched) {
              return null;
            }
            patchedLines[patchedLinesLength] = content;
            patchedLinesLength++;
            nConsecutiveOldContextLines = 0;
            nextContextLineMustMatch = true;
          }
          if (operation === " ") {
            nConsecutiveOldContextLines++;
            patchedLines[patchedLinesLength] = lines[toPos];
            if (compareLine(toPos + 1, lines[toPos], operation, content)) {
              patchedLinesLength++;
              lastContextLineMatched = true;
              nextContextLineMustMatch = false;
              toPos++;
            } else {
              if (nextContextLineMustMatch || !maxErrors) {
                return null;
              }
              return lines[toPos] && (applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI + 1, false, patchedLines, patchedLinesLength + 1) || applyHunk(hunkLines, toPos + 1, maxErrors - 1, hunkLinesI, false, patchedLines, patchedLinesLength + 1)) || applyHunk(hunkLines, toPos, maxErrors - 1, hunkLinesI + 1, false, patchedLines, patchedLinesLength);
            }
          }
        }
        patchedLinesLength -= nConsecutiveOldContextLines;
        toPos -= nConsecutiveOldContextLines;
        patchedLines.length = patchedLinesLength;
        return {
          patchedLines,
          oldLineLastI: toPos - 1
        };
      }
      const resultLines = [];
      let prevHunkOffset = 0;
      for (let i = 0; i < hunks.length; i++) {
        const hunk = hunks[i];
        let hunkResult;
        const maxLine = lines.length - hunk.oldLines + fuzzFactor;
        let toPos;
        for (let maxErrors = 0; maxErrors <= fuzzFactor; maxErrors++) {
          toPos = hunk.oldStart + prevHunkOffset - 1;
          const iterator = (0, distance_iterator_js_1.default)(toPos, minLine, maxLine);
          for (; toPos !== void 0; toPos = iterator()) {
            hunkResult = applyHunk(hunk.lines, toPos, maxErrors);
            if (hunkResult) {
              break;
            }
          }
          if (hunkResult) {
            break;
          }
        }
        if (!hunkResult) {
          return false;
        }
        for (let i2 = minLine; i2 < toPos; i2++) {
          resultLines.push(lines[i2]);
        }
        for (let i2 = 0; i2 < hunkResult.patchedLines.length; i2++) {
          const line = hunkResult.patchedLines[i2];
          resultLines.push(line);
        }
        minLine = hunkResult.oldLineLastI + 1;
        prevHunkOffset = toPos + 1 - hunk.oldStart;
      }
      for (let i = minLine; i < lines.length; i++) {
        resultLines.push(lines[i]);
      }
      return resultLines.join("\n");
    }
    function applyPatches(uniDiff, options) {
      const spDiff = typeof uniDiff === "string" ? (0, parse_js_1.parsePatch)(uniDiff) : uniDiff;
      let currentIndex = 0;
      function processIndex() {
        const index = spDiff[currentIndex++];
        if (!index) {
          return options.complete();
        }
        options.loadFile(index, function(err, data) {
          if (err) {
            return options.complete(err);
          }
          const updatedContent = applyPatch(data, index, options);
          options.patched(index, updatedContent, function(err2) {
            if (err2) {
              return options.complete(err2);
            }
            processIndex();
          });
        });
      }
      processIndex();
    }
  }
});

// node_modules/diff/libcjs/patch/reverse.js
var require_reverse = __commonJS({
  "node_modules/diff/libcjs/patch/reverse.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.reversePatch = reversePatch;
    function swapPrefix(fileName) {
      if (fileName === void 0 || fileName === "/dev/null") {
        return fileName;
      }
      if (fileName.startsWith("a/")) {
        return "b/" + fileName.slice(2);
      }
      if (fileName.startsWith("b/")) {
        return "a/" + fileName.slice(2);
      }
      return fileName;
    }
    function reversePatch(structuredPatch) {
      if (Array.isArray(structuredPatch)) {
        return structuredPatch.map((patch) => reversePatch(patch)).reverse();
      }
      const reversed = Object.assign(Object.assign({}, structuredPatch), { oldFileName: structuredPatch.isGit ? swapPrefix(structuredPatch.newFileName) : structuredPatch.newFileName, oldHeader: structuredPatch.newHeader, newFileName: structuredPatch.isGit ? swapPrefix(structuredPatch.oldFileName) : structuredPatch.oldFileName, newHeader: structuredPatch.oldHeader, oldMode: structuredPatch.newMode, newMode: structuredPatch.oldMode, isCreate: structuredPatch.isDelete, isDelete: structuredPatch.isCreate, hunks: structuredPatch.hunks.map((hunk) => {
        return {
          oldLines: hunk.newLines,
          oldStart: hunk.newStart,
          newLines: hunk.oldLines,
          newStart: hunk.oldStart,
          lines: hunk.lines.map((l) => {
            if (l.startsWith("-")) {
              return `+${l.slice(1)}`;
            }
            if (l.startsWith("+")) {
              return `-${l.slice(1)}`;
            }
            return l;
          })
        };
      }) });
      if (structuredPatch.isCopy) {
        reversed.newFileName = "/dev/null";
        reversed.newHeader = void 0;
        reversed.isDelete = true;
        delete reversed.isCreate;
        delete reversed.isCopy;
        delete reversed.isRename;
        reversed.hunks = [];
      }
      return reversed;
    }
  }
});

// node_modules/diff/libcjs/patch/create.js
var require_create = __commonJS({
  "node_modules/diff/libcjs/patch/create.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.OMIT_HEADERS = exports2.FILE_HEADERS_ONLY = exports2.INCLUDE_HEADERS = void 0;
    exports2.structuredPatch = structuredPatch;
    exports2.formatPatch = formatPatch;
    exports2.createTwoFilesPatch = createTwoFilesPatch;
    exports2.createPatch = createPatch;
    var line_js_1 = require_line();
    function needsQuoting(s) {
      for (let i = 0; i < s.length; i++) {
        if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
          return true;
        }
      }
      return false;
    }
    function quoteFileNameIfNeeded(s) {
      if (!needsQuoting(s)) {
        return s;
      }
      let result = '"';
      const bytes = new TextEncoder().encode(s);
      let i = 0;
      while (i < bytes.length) {
        const b = bytes[i];
        if (b === 7) {
          result += "\\a";
        } else if (b === 8) {
          result += "\\b";
        } else if (b === 9) {
          result += "\\t";
        } else if (b === 10) {
          result += "\\n";
        } else if (b === 11) {
          result += "\\v";
        } else if (b === 12) {
          result += "\\f";
        } else if (b === 13) {
          result += "\\r";
        } else if (b === 34) {
          result += '\\"';
        } else if (b === 92) {
          result += "\\\\";
        } else if (b >= 32 && b <= 126) {
          result += String.fromCharCode(b);
        } else {
          result += "\\" + b.toString(8).padStart(3, "0");
        }
        i++;
      }
      result += '"';
      return result;
    }
    exports2.INCLUDE_HEADERS = {
      includeIndex: true,
      includeUnderline: true,
      includeFileHeaders: true
    };
    exports2.FILE_HEADERS_ONLY = {
      includeIndex: false,
      includeUnderline: false,
      includeFileHeaders: true
    };
    exports2.OMIT_HEADERS = {
      includeIndex: false,
      includeUnderline: false,
      includeFileHeaders: false
    };
    function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
      let optionsObj;
      if (!options) {
        optionsObj = {};
      } else if (typeof options === "function") {
        optionsObj = { callback: options };
      } else {
        optionsObj = options;
      }
      if (typeof optionsObj.context === "undefined") {
        optionsObj.context = 4;
      }
      const context = optionsObj.context;
      if (optionsObj.newlineIsToken) {
        throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
      }
      if (!optionsObj.callback) {
        return diffLinesResultToPatch((0, line_js_1.diffLines)(oldStr, newStr, optionsObj));
      } else {
        const { callback } = optionsObj;
        (0, line_js_1.diffLines)(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
          const patch = diffLinesResultToPatch(diff);
          callback(patch);
        } }));
      }
      function diffLinesResultToPatch(diff) {
        if (!diff) {
          return;
        }
        diff.push({ value: "", lines: [] });
        function contextLines(lines) {
          return lines.map(function(entry) {
            return " " + entry;
          });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
          const current = diff[i], lines = current.lines || splitLines(current.value);
          current.lines = lines;
          if (current.added || current.removed) {
            if (!oldRangeStart) {
              const prev = diff[i - 1];
              oldRangeStart = oldLine;
              newRangeStart = newLine;
              if (prev) {
                curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                oldRangeStart -= curRange.length;
                newRangeStart -= curRange.length;
              }
            }
            for (const line of lines) {
              curRange.push((current.added ? "+" : "-") + line);
            }
            if (current.added) {
              newLine += lines.length;
            } else {
              oldLine += lines.length;
            }
          } else {
            if (oldRangeStart) {
              if (lines.length <= context * 2 && i < diff.length - 2) {
                for (const line of contextLines(lines)) {
                  curRange.push(line);
                }
              } else {
                const contextSize = Math.min(lines.length, context);
                for (const line of contextLines(lines.slice(0, contextSize))) {
                  curRange.push(line);
                }
                const hunk = {
                  oldStart: oldRangeStart,
                  oldLines: oldLine - oldRangeStart + contextSize,
                  newStart: newRangeStart,
                  newLines: newLine - newRangeStart + contextSize,
                  lines: curRange
                };
                hunks.push(hunk);
                oldRangeStart = 0;
                newRangeStart = 0;
                curRange = [];
              }
            }
            oldLine += lines.length;
            newLine += lines.length;
          }
        }
        for (const hunk of hunks) {
          for (let i = 0; i < hunk.lines.length; i++) {
            if (hunk.lines[i].endsWith("\n")) {
              hunk.lines[i] = hunk.lines[i].slice(0, -1);
            } else {
              hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
              i++;
            }
          }
        }
        return {
          oldFileName,
          newFileName,
          oldHeader,
          newHeader,
          hunks
        };
      }
    }
    function formatPatch(patch, headerOptions) {
      var _a, _b, _c, _d, _e, _f;
      if (!headerOptions) {
        headerOptions = exports2.INCLUDE_HEADERS;
      }
      if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
          throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
        }
        return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
      }
      const ret = [];
      if (patch.isGit) {
        headerOptions = exports2.INCLUDE_HEADERS;
        if (!patch.oldFileName) {
          throw new Error("oldFileName must be specified for Git patches");
        }
        if (!patch.newFileName) {
          throw new Error("newFileName must be specified for Git patches");
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === "/dev/null") {
          gitOldName = gitNewName.replace(/^b\//, "a/");
        } else if (patch.isDelete && gitNewName === "/dev/null") {
          gitNewName = gitOldName.replace(/^a\//, "b/");
        }
        ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
          ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
        }
        if (patch.isCreate) {
          ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
          ret.push("old mode " + patch.oldMode);
          ret.push("new mode " + patch.newMode);
        }
        if (patch.isRename) {
          ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
          ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
        }
        if (patch.isCopy) {
          ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
          ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
        }
      } else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
          ret.push("Index: " + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
          ret.push("===================================================================");
        }
      }
      const hasHunks = patch.hunks.length > 0;
      if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
        ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
        ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
      }
      for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
        for (const line of hunk.lines) {
          ret.push(line);
        }
      }
      return ret.join("\n") + "\n";
    }
    function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
      if (typeof options === "function") {
        options = { callback: options };
      }
      if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
          return;
        }
        return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
      } else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
          if (!patchObj) {
            callback(void 0);
          } else {
            callback(formatPatch(patchObj, options.headerOptions));
          }
        } }));
      }
    }
    function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
      return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
    }
    function splitLines(text) {
      const hasTrailingNl = text.endsWith("\n");
      const result = text.split("\n").map((line) => line + "\n");
      if (hasTrailingNl) {
        result.pop();
      } else {
        result.push(result.pop().slice(0, -1));
      }
      return result;
    }
  }
});

// node_modules/diff/libcjs/convert/dmp.js
var require_dmp = __commonJS({
  "node_modules/diff/libcjs/convert/dmp.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.convertChangesToDMP = convertChangesToDMP;
    function convertChangesToDMP(changes) {
      const ret = [];
      let change, operation;
      for (let i = 0; i < changes.length; i++) {
        change = changes[i];
        if (change.added) {
          operation = 1;
        } else if (change.removed) {
          operation = -1;
        } else {
          operation = 0;
        }
        ret.push([operation, change.value]);
      }
      return ret;
    }
  }
});

// node_modules/diff/libcjs/convert/xml.js
var require_xml = __commonJS({
  "node_modules/diff/libcjs/convert/xml.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.convertChangesToXML = convertChangesToXML;
    function convertChangesToXML(changes) {
      const ret = [];
      for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        if (change.added) {
          ret.push("<ins>");
        } else if (change.removed) {
          ret.push("<del>");
        }
        ret.push(escapeHTML(change.value));
        if (change.added) {
          ret.push("</ins>");
        } else if (change.removed) {
          ret.push("</del>");
        }
      }
      return ret.join("");
    }
    function escapeHTML(s) {
      let n = s;
      n = n.replace(/&/g, "&amp;");
      n = n.replace(/</g, "&lt;");
      n = n.replace(/>/g, "&gt;");
      n = n.replace(/"/g, "&quot;");
      return n;
    }
  }
});

// node_modules/diff/libcjs/index.js
var require_libcjs = __commonJS({
  "node_modules/diff/libcjs/index.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.canonicalize = exports2.convertChangesToXML = exports2.convertChangesToDMP = exports2.reversePatch = exports2.parsePatch = exports2.applyPatches = exports2.applyPatch = exports2.OMIT_HEADERS = exports2.FILE_HEADERS_ONLY = exports2.INCLUDE_HEADERS = exports2.formatPatch = exports2.createPatch = exports2.createTwoFilesPatch = exports2.structuredPatch = exports2.arrayDiff = exports2.diffArrays = exports2.jsonDiff = exports2.diffJson = exports2.cssDiff = exports2.diffCss = exports2.sentenceDiff = exports2.diffSentences = exports2.diffTrimmedLines = exports2.lineDiff = exports2.diffLines = exports2.wordsWithSpaceDiff = exports2.diffWordsWithSpace = exports2.wordDiff = exports2.diffWords = exports2.characterDiff = exports2.diffChars = exports2.Diff = void 0;
    var base_js_1 = __importDefault(require_base());
    exports2.Diff = base_js_1.default;
    var character_js_1 = require_character();
    Object.defineProperty(exports2, "diffChars", { enumerable: true, get: function() {
      return character_js_1.diffChars;
    } });
    Object.defineProperty(exports2, "characterDiff", { enumerable: true, get: function() {
      return character_js_1.characterDiff;
    } });
    var word_js_1 = require_word();
    Object.defineProperty(exports2, "diffWords", { enumerable: true, get: function() {
      return word_js_1.diffWords;
    } });
    Object.defineProperty(exports2, "diffWordsWithSpace", { enumerable: true, get: function() {
      return word_js_1.diffWordsWithSpace;
    } });
    Object.defineProperty(exports2, "wordDiff", { enumerable: true, get: function() {
      return word_js_1.wordDiff;
    } });
    Object.defineProperty(exports2, "wordsWithSpaceDiff", { enumerable: true, get: function() {
      return word_js_1.wordsWithSpaceDiff;
    } });
    var line_js_1 = require_line();
    Object.defineProperty(exports2, "diffLines", { enumerable: true, get: function() {
      return line_js_1.diffLines;
    } });
    Object.defineProperty(exports2, "diffTrimmedLines", { enumerable: true, get: function() {
      return line_js_1.diffTrimmedLines;
    } });
    Object.defineProperty(exports2, "lineDiff", { enumerable: true, get: function() {
      return line_js_1.lineDiff;
    } });
    var sentence_js_1 = require_sentence();
    Object.defineProperty(exports2, "diffSentences", { enumerable: true, get: function() {
      return sentence_js_1.diffSentences;
    } });
    Object.defineProperty(exports2, "sentenceDiff", { enumerable: true, get: function() {
      return sentence_js_1.sentenceDiff;
    } });
    var css_js_1 = require_css();
    Object.defineProperty(exports2, "diffCss", { enumerable: true, get: function() {
      return css_js_1.diffCss;
    } });
    Object.defineProperty(exports2, "cssDiff", { enumerable: true, get: function() {
      return css_js_1.cssDiff;
    } });
    var json_js_1 = require_json();
    Object.defineProperty(exports2, "diffJson", { enumerable: true, get: function() {
      return json_js_1.diffJson;
    } });
    Object.defineProperty(exports2, "canonicalize", { enumerable: true, get: function() {
      return json_js_1.canonicalize;
    } });
    Object.defineProperty(exports2, "jsonDiff", { enumerable: true, get: function() {
      return json_js_1.jsonDiff;
    } });
    var array_js_1 = require_array();
    Object.defineProperty(exports2, "diffArrays", { enumerable: true, get: function() {
      return array_js_1.diffArrays;
    } });
    Object.defineProperty(exports2, "arrayDiff", { enumerable: true, get: function() {
      return array_js_1.arrayDiff;
    } });
    var apply_js_1 = require_apply();
    Object.defineProperty(exports2, "applyPatch", { enumerable: true, get: function() {
      return apply_js_1.applyPatch;
    } });
    Object.defineProperty(exports2, "applyPatches", { enumerable: true, get: function() {
      return apply_js_1.applyPatches;
    } });
    var parse_js_1 = require_parse();
    Object.defineProperty(exports2, "parsePatch", { enumerable: true, get: function() {
      return parse_js_1.parsePatch;
    } });
    var reverse_js_1 = require_reverse();
    Object.defineProperty(exports2, "reversePatch", { enumerable: true, get: function() {
      return reverse_js_1.reversePatch;
    } });
    var create_js_1 = require_create();
    Object.defineProperty(exports2, "structuredPatch", { enumerable: true, get: function() {
      return create_js_1.structuredPatch;
    } });
    Object.defineProperty(exports2, "createTwoFilesPatch", { enumerable: true, get: function() {
      return create_js_1.createTwoFilesPatch;
    } });
    Object.defineProperty(exports2, "createPatch", { enumerable: true, get: function() {
      return create_js_1.createPatch;
    } });
    Object.defineProperty(exports2, "formatPatch", { enumerable: true, get: function() {
      return create_js_1.formatPatch;
    } });
    Object.defineProperty(exports2, "INCLUDE_HEADERS", { enumerable: true, get: function() {
      return create_js_1.INCLUDE_HEADERS;
    } });
    Object.defineProperty(exports2, "FILE_HEADERS_ONLY", { enumerable: true, get: function() {
      return create_js_1.FILE_HEADERS_ONLY;
    } });
    Object.defineProperty(exports2, "OMIT_HEADERS", { enumerable: true, get: function() {
      return create_js_1.OMIT_HEADERS;
    } });
    var dmp_js_1 = require_dmp();
    Object.defineProperty(exports2, "convertChangesToDMP", { enumerable: true, get: function() {
      return dmp_js_1.convertChangesToDMP;
    } });
    var xml_js_1 = require_xml();
    Object.defineProperty(exports2, "convertChangesToXML", { enumerable: true, get: function() {
      return xml_js_1.convertChangesToXML;
    } });
  }
});

// src/cli/fix-command.ts
var fix_command_exports = {};
__export(fix_command_exports, {
  FixRun: () => FixRun
});
module.exports = __toCommonJS(fix_command_exports);

// src/frontends/js/ast-walk.ts
function walkNodes(node, visit, parent) {
  if (visit(node, parent) === false) return;
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "extra" || key === "comments" || key.endsWith("Comments")) continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walkNodes(item, visit, node);
    } else if (isNode(child)) walkNodes(child, visit, node);
  }
}
function isNode(value) {
  return typeof value === "object" && value !== null && typeof value.type === "string";
}

// src/frontends/text-positions.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }
  text;
  lineStarts = [0];
  /** Position of a character index (UTF-16 code units). */
  position(charIndex) {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.lineStarts[mid] <= charIndex) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: charIndex - this.lineStarts[low] + 1 };
  }
  /** Character index of a 1-based line's first character. */
  lineStart(line) {
    return this.lineStarts[line - 1] ?? this.text.length;
  }
  lineText(line) {
    const next = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(this.lineStart(line), next).replace(/\r?\n$|\r$/, "");
  }
  get lineCount() {
    return this.lineStarts.length;
  }
};

// src/frontends/sql/pg-wasm.ts
var PARSER_STATE = /* @__PURE__ */ Symbol.for("migralint.postgresql-parser");
var wasm = globalThis.WebAssembly;
var state = globalThis[PARSER_STATE] ??= {};
function loadedParser() {
  if (!state.instance) throw new Error("the PostgreSQL parser is not loaded");
  return state.instance;
}
var utf8 = new TextDecoder();
function withQuery(module2, text, call) {
  const size = module2.lengthBytesUTF8(text) + 1;
  const query = module2._malloc(size);
  try {
    module2.stringToUTF8(text, query, size);
    return call(query);
  } finally {
    module2._free(query);
  }
}
function scan(text) {
  const module2 = loadedParser();
  return withQuery(module2, text, (query) => {
    const result = module2._wasm_scan(query);
    try {
      const output = module2.UTF8ToString(result);
      if (!output.startsWith("{")) throw new Error(output);
      return JSON.parse(output);
    } finally {
      if (result) module2._wasm_free_string(result);
    }
  });
}

// src/frontends/sql/parser.ts
var ParserFailure = class extends Error {
  name = "ParserFailure";
};
function scanSqlTokens(text) {
  return guarded(() => scan(text));
}
function isSyntaxError(error) {
  const details = error?.sqlDetails;
  return typeof details?.message === "string";
}
var ignoreOutput = () => true;
function guarded(run) {
  const stdout = process.stdout;
  const stderr = process.stderr;
  const writeOut = stdout.write;
  const writeErr = stderr.write;
  stdout.write = ignoreOutput;
  stderr.write = ignoreOutput;
  try {
    return run();
  } catch (error) {
    if (isSyntaxError(error)) throw error;
    throw new ParserFailure(error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error?.message ?? error));
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
}

// src/frontends/scan-work.ts
var scanWork = { steps: 0 };

// src/frontends/sql/lexer.ts
function isIdentifierStart(code) {
  return code >= 97 && code <= 122 || code >= 65 && code <= 90 || code === 95 || code >= 128;
}
function isIdentifierPart(code) {
  return isIdentifierStart(code) || code >= 48 && code <= 57 || code === 36;
}
var DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
function blockCommentEnd(text, from) {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}
function quotedEnd(text, from, quote, backslashEscapes) {
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === "\\") i += 2;
    else if (ch === quote && text[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return text.length;
}

// src/frontends/sql/statement-limits.ts
var MAX_STATEMENT_NESTING = 1e3;
var MAX_STATEMENT_TOKENS = 25e4;
function withinParserLimits(sql) {
  if (sql.length <= MAX_STATEMENT_NESTING) return true;
  const measure = measureStatement(sql, 0, sql.length);
  return measure.tokens <= MAX_STATEMENT_TOKENS && measure.nesting <= MAX_STATEMENT_NESTING;
}
var newGroup = (isCase, isGrouping = false) => ({
  isCase,
  isGrouping,
  hasComma: false,
  deepest: 0,
  deepestPart: 0,
  hasBoolean: false,
  operators: 0,
  deepestChild: 0
});
function endPart(group) {
  group.deepestPart = Math.max(group.deepestPart, group.operators + group.deepestChild);
  group.operators = 0;
  group.deepestChild = 0;
}
function endSegment(group) {
  endPart(group);
  group.deepest = Math.max(group.deepest, group.deepestPart + (group.hasBoolean ? 2 : 0));
  group.deepestPart = 0;
  group.hasBoolean = false;
}
function closeGroup(groups) {
  const group = groups.pop();
  endSegment(group);
  const parent = groups[groups.length - 1];
  parent.deepestChild = Math.max(parent.deepestChild, group.deepest + (group.isGrouping && !group.hasComma ? 0 : 1));
}
var OPERATOR_CHARS = new Set("+-*/<>=~!@#%^&|`?:");
function measureStatement(text, from, to) {
  const groups = [newGroup(false)];
  let tokens = 0;
  let afterOperand = false;
  let i = from;
  while (i < to) {
    scanWork.steps++;
    const ch = text[i];
    const code = text.charCodeAt(i);
    const group = groups[groups.length - 1];
    if (ch === " " || ch === "\n" || ch === "	" || ch === "\r" || ch === "\f") {
      i++;
      continue;
    }
    if (ch === "-" && text[i + 1] === "-") {
      while (i < to && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      i = Math.min(blockCommentEnd(text, i), to);
      continue;
    }
    const operand = afterOperand;
    afterOperand = true;
    if (ch !== "(" && ch !== ")" && ch !== "[" && ch !== "]" && ch !== ",") tokens++;
    if (ch === "'") {
      i = Math.min(quotedEnd(text, i, "'", i > from && (text[i - 1] === "e" || text[i - 1] === "E")), to);
    } else if (ch === '"') {
      i = Math.min(quotedEnd(text, i, '"', false), to);
      group.operators++;
    } else if (ch === "$" && DOLLAR_TAG.test(text.slice(i, i + 64))) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 64))[0];
      const close = text.indexOf(tag, i + tag.length);
      i = close < 0 || close >= to ? to : close + tag.length;
    } else if (ch === "(" || ch === "[") {
      groups.push(newGroup(false, ch === "(" && !operand));
      afterOperand = false;
      i++;
    } else if (ch === ")" || ch === "]") {
      if (groups.length > 1 && !group.isCase) closeGroup(groups);
      i++;
    } else if (ch === ",") {
      endSegment(group);
      group.hasComma = true;
      afterOperand = false;
      i++;
    } else if (isIdentifierStart(code)) {
      let end = i + 1;
      while (end < to && isIdentifierPart(text.charCodeAt(end))) end++;
      word(groups, end - i <= 4 ? text.slice(i, end).toLowerCase() : "");
      i = end;
    } else if (code >= 48 && code <= 57) {
      while (i < to && (isIdentifierPart(text.charCodeAt(i)) || text[i] === ".")) i++;
    } else if (OPERATOR_CHARS.has(ch)) {
      while (i < to && OPERATOR_CHARS.has(text[i]) && !(text[i] === "-" && text[i + 1] === "-")) i++;
      group.operators++;
      afterOperand = false;
    } else i++;
  }
  while (groups.length > 1) closeGroup(groups);
  endSegment(groups[0]);
  return { nesting: groups[0].deepest, tokens };
}
function word(groups, lower) {
  const group = groups[groups.length - 1];
  if (lower === "and" || lower === "or") {
    endPart(group);
    group.hasBoolean = true;
  } else if (lower === "case") {
    group.operators++;
    groups.push(newGroup(true));
  } else if (group.isCase && (lower === "when" || lower === "then" || lower === "else")) {
    endSegment(group);
  } else if (group.isCase && lower === "end") {
    closeGroup(groups);
  } else {
    group.operators++;
  }
}

// src/frontends/sql/fragments.ts
function isReservedWord(word2) {
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(word2) && /[0-9$]/.test(word2)) return false;
  if (!withinParserLimits(word2)) return false;
  const [token] = scanSqlTokens(word2).tokens;
  return token !== void 0 && token.keywordName !== "NO_KEYWORD" && token.keywordName !== "UNRESERVED_KEYWORD";
}

// src/fixes/sql-text.ts
var PLAIN = { quoteAll: false };
var reserved = /* @__PURE__ */ new Map();
function ident(name, style = PLAIN) {
  if (!style.quoteAll && /^[a-z_][a-z0-9_$]*$/.test(name)) {
    let keyword = reserved.get(name);
    if (keyword === void 0) {
      keyword = isReservedWord(name);
      if (reserved.size < 1e4) reserved.set(name, keyword);
    }
    if (!keyword) return name;
  }
  return `"${name.replace(/"/g, '""')}"`;
}
function tableSql(table, style = PLAIN) {
  return table.schema ? `${ident(table.schema, style)}.${ident(table.name, style)}` : ident(table.name, style);
}
function columnList(columns, style = PLAIN) {
  return `(${columns.map((column) => ident(column, style)).join(", ")})`;
}
var TYPE_WORDS = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar",
  serial4: "serial",
  serial8: "bigserial",
  serial2: "smallserial"
};
function typeSql(type) {
  const name = TYPE_WORDS[type.name] ?? type.name;
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(", ")})` : "";
  return `${name}${modifiers}${type.isArray ? "[]" : ""}`;
}
function placeholder(text) {
  return `"<${text.replace(/["<>]/g, "")}>"`;
}
function valueSql(value, style = PLAIN) {
  if ("sql" in value) return value.sql;
  if ("placeholder" in value) return placeholder(value.placeholder);
  if ("defaultOf" in value) return "DEFAULT";
  return value.cast ? `${ident(value.column, style)}::${typeSql(value.cast)}` : ident(value.column, style);
}
function foreignKeyTargetSql(target, style) {
  const columns = target.columns.length > 0 ? ` ${columnList(target.columns, style)}` : "";
  const onDelete = target.onDelete ? ` ON DELETE ${target.onDelete}` : "";
  const onUpdate = target.onUpdate ? ` ON UPDATE ${target.onUpdate}` : "";
  return `REFERENCES ${tableSql(target.table, style)}${columns}${onDelete}${onUpdate}`;
}
function columnDefinitionSql(column, style = PLAIN) {
  if (!column.type) return void 0;
  const parts = [ident(column.name, style), typeSql(column.type)];
  if (column.generated === "identity") parts.push("GENERATED BY DEFAULT AS IDENTITY");
  if (column.generated === "stored") return void 0;
  if (column.notNull) parts.push("NOT NULL");
  if (column.default) {
    if (column.default.sql === void 0) return void 0;
    parts.push(`DEFAULT ${column.default.sql}`);
  }
  if (column.primaryKey) parts.push("PRIMARY KEY");
  if (column.unique) parts.push("UNIQUE");
  if (column.references) parts.push(foreignKeyTargetSql(column.references, style));
  return parts.join(" ");
}
function constraintSql(constraint, style = PLAIN) {
  const name = constraint.name ? `CONSTRAINT ${ident(constraint.name, style)} ` : "";
  const notValid2 = constraint.notValid ? " NOT VALID" : "";
  switch (constraint.kind) {
    case "unique":
    case "primaryKey": {
      const keyword = constraint.kind === "unique" ? "UNIQUE" : "PRIMARY KEY";
      const target = constraint.usingIndex ? `USING INDEX ${ident(constraint.usingIndex, style)}` : columnList(constraint.columns, style);
      return `${name}${keyword} ${target}`;
    }
    case "foreignKey":
      return constraint.references ? `${name}FOREIGN KEY ${columnList(constraint.columns, style)} ${foreignKeyTargetSql(constraint.references, style)}${notValid2}` : void 0;
    case "check":
      if (constraint.checksNotNullOf !== void 0) return `${name}CHECK (${ident(constraint.checksNotNullOf, style)} IS NOT NULL)${notValid2}`;
      return constraint.expression === void 0 ? void 0 : `${name}CHECK (${constraint.expression})${notValid2}`;
    case "exclusion":
      return void 0;
  }
}
var alter = (table, action, style) => `ALTER TABLE ${tableSql(table, style)} ${action}`;
var WRITERS = {
  addColumn: (operation, style) => {
    const definition = columnDefinitionSql(operation.column, style);
    return definition && alter(operation.table, `ADD COLUMN ${operation.ifNotExists ? "IF NOT EXISTS " : ""}${definition}`, style);
  },
  dropColumn: (operation, style) => alter(operation.table, `DROP COLUMN ${operation.ifExists ? "IF EXISTS " : ""}${ident(operation.column, style)}`, style),
  setNotNull: (operation, style) => alter(operation.table, `ALTER COLUMN ${ident(operation.column, style)} SET NOT NULL`, style),
  dropNotNull: (operation, style) => alter(operation.table, `ALTER COLUMN ${ident(operation.column, style)} DROP NOT NULL`, style),
  setDefault: (operation, style) => {
    if (!operation.default) return alter(operation.table, `ALTER COLUMN ${ident(operation.column, style)} DROP DEFAULT`, style);
    return operation.default.sql === void 0 ? void 0 : alter(operation.table, `ALTER COLUMN ${ident(operation.column, style)} SET DEFAULT ${operation.default.sql}`, style);
  },
  addConstraint: (operation, style) => {
    const constraint = constraintSql(operation.constraint, style);
    return constraint && alter(operation.table, `ADD ${constraint}`, style);
  },
  validateConstraint: (operation, style) => alter(operation.table, `VALIDATE CONSTRAINT ${ident(operation.name, style)}`, style),
  dropConstraint: (operation, style) => alter(operation.table, `DROP CONSTRAINT ${operation.ifExists ? "IF EXISTS " : ""}${ident(operation.name, style)}`, style),
  createIndex: (operation, style) => {
    if (operation.columns.length === 0) return void 0;
    const flags = `${operation.unique ? "UNIQUE " : ""}INDEX ${operation.concurrently ? "CONCURRENTLY " : ""}${operation.ifNotExists ? "IF NOT EXISTS " : ""}`;
    return `CREATE ${flags}${operation.name ? `${ident(operation.name, style)} ` : ""}ON ${tableSql(operation.table, style)} ${columnList(operation.columns, style)}`;
  },
  dropIndex: (operation, style) => `DROP INDEX ${operation.concurrently ? "CONCURRENTLY " : ""}${operation.ifExists ? "IF EXISTS " : ""}${operation.names.map((name) => tableSql(name, style)).join(", ")}`,
  reindex: (operation, style) => operation.targetKind ? `REINDEX ${operation.targetKind.toUpperCase()} ${operation.concurrently ? "CONCURRENTLY " : ""}${ident(operation.target, style)}` : void 0,
  detachPartition: (operation, style) => alter(operation.table, `DETACH PARTITION ${tableSql(operation.partition, style)}${operation.concurrently ? " CONCURRENTLY" : ""}`, style),
  truncate: (operation, style) => `TRUNCATE ${operation.tables.map((table) => tableSql(table, style)).join(", ")}${operation.cascade ? " CASCADE" : ""}`,
  dropTable: (operation, style) => `DROP TABLE ${operation.ifExists ? "IF EXISTS " : ""}${operation.tables.map((table) => tableSql(table, style)).join(", ")}${operation.cascade ? " CASCADE" : ""}`,
  renameTable: (operation, style) => alter(operation.table, `RENAME TO ${ident(operation.newName, style)}`, style),
  renameColumn: (operation, style) => alter(operation.table, `RENAME COLUMN ${ident(operation.column, style)} TO ${ident(operation.newName, style)}`, style),
  alterColumnType: (operation, style) => operation.newType ? alter(operation.table, `ALTER COLUMN ${ident(operation.column, style)} TYPE ${typeSql(operation.newType)}`, style) : void 0,
  createTable: () => void 0,
  transaction: (operation) => ({ begin: "BEGIN", commit: "COMMIT", rollback: "ROLLBACK" })[operation.action],
  setSetting: (operation) => `SET ${operation.local ? "LOCAL " : ""}${operation.name} = ${operation.value}`
};
function operationSql(operation, style = PLAIN) {
  const writer = WRITERS[operation.kind];
  return writer?.(operation, style);
}

// src/frontends/sql/runner-files.ts
var fs3 = __toESM(require("node:fs"));
var path2 = __toESM(require("node:path"));

// src/frontends/sql/drizzle-journal.ts
var fs2 = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));

// src/files/read-regular-file.ts
var fs = __toESM(require("node:fs"));
var UnreadableFileError = class extends Error {
  name = "UnreadableFileError";
};
var OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
var probe = Buffer.allocUnsafe(64 * 1024);
function readRegularFile(file, maxBytes) {
  const descriptor = fs.openSync(file, OPEN_FLAGS);
  try {
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) throw new UnreadableFileError(`not a regular file (${kindOf(stats)})`);
    if (stats.size > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const stated = total === 0 ? Math.min(stats.size + 1, maxBytes + 1) : Math.min(stats.size - total, maxBytes + 1 - total);
      const chunk = stated > 0 ? Buffer.allocUnsafe(stated) : probe;
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new UnreadableFileError(`larger than ${describeSize(maxBytes)}`);
      chunks.push(chunk === probe ? Buffer.from(chunk.subarray(0, read)) : read === chunk.length ? chunk : chunk.subarray(0, read));
      if (chunk !== probe && stated === stats.size + 1 && read === stats.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(descriptor);
  }
}
function kindOf(stats) {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}
function describeSize(bytes) {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${Math.round(bytes / 1024)} KB`;
}

// src/frontends/sql/drizzle-journal.ts
var MAX_JOURNAL_BYTES = 8 * 1024 * 1024;
var journals = /* @__PURE__ */ new Map();
var RECHECK_MS = 1e3;
function drizzleJournalOf(filePath) {
  return drizzleJournalIn(path.dirname(path.resolve(filePath)));
}
function drizzleJournalIn(dir) {
  const cached = journals.get(dir);
  const now = Date.now();
  if (cached && now - cached.checked < RECHECK_MS) return cached.journal;
  const file = path.join(dir, "meta", "_journal.json");
  const stats = fs2.statSync(file, { throwIfNoEntry: false });
  const stamp = stats ? `${stats.size}:${stats.mtimeMs}` : "none";
  if (cached && cached.stamp === stamp) {
    cached.checked = now;
    return cached.journal;
  }
  const journal = stamp === "none" ? void 0 : readJournal(file);
  journals.set(dir, { stamp, checked: now, journal });
  return journal;
}
function drizzleTag(filePath) {
  return path.basename(filePath).replace(/\.sql$/i, "");
}
function readJournal(file) {
  let parsed;
  try {
    parsed = JSON.parse(readRegularFile(file, MAX_JOURNAL_BYTES).toString("utf8"));
  } catch {
    return { file, tags: void 0 };
  }
  if (typeof parsed !== "object" || parsed === null) return { file, tags: void 0 };
  const dialect = "dialect" in parsed && typeof parsed.dialect === "string" ? { dialect: parsed.dialect } : {};
  if (!("entries" in parsed) || !Array.isArray(parsed.entries)) return { file, tags: void 0, ...dialect };
  const tags = parsed.entries.map((entry) => typeof entry === "object" && entry !== null && "tag" in entry ? entry.tag : void 0);
  return { file, tags: tags.every((tag) => typeof tag === "string") ? new Set(tags) : void 0, ...dialect };
}

// src/frontends/sql/runner-files.ts
var SQLX_NAME = /^\d+_.+\.sql$/;
var SQLX_NO_TRANSACTION = /^-- no-transaction/;
var POP_NAME = /^\d+_[^.]+(\.[a-z0-9]+)?(\.autocommit)?\.up\.sql$/;
var POP_AUTOCOMMIT = /\.autocommit\.up\.sql$/;
var POSTGRES_MIGRATIONS_NAME = /^-?\d+[-_]?.*\.sql$/i;
var POSTGRES_MIGRATIONS_NO_TRANSACTION = "-- postgres-migrations disable-transaction";
function runnerByName(filePath) {
  const name = path2.basename(filePath);
  if (name === "up.sql") return "diesel";
  if (/^([VB]\d[\d._]*|R)__.+\.sql$/.test(name)) return "flyway";
  if (drizzleJournal(filePath) !== void 0) return "drizzle";
  if (SQLX_NAME.test(name) && inSqlxCrate(filePath)) return "sqlx";
  if (POP_NAME.test(name) && nearestManifest(filePath, GO_MOD).declares) return "pop";
  if (POSTGRES_MIGRATIONS_NAME.test(name) && nearestManifest(filePath, PACKAGE_JSON).declares) return "postgres-migrations";
  if (/\.sql(\.postgres)?$/i.test(name) && /^\d+$/.test(path2.basename(path2.dirname(filePath))) && path2.basename(path2.dirname(path2.dirname(filePath))) === "delta") return "synapse";
  if (/\.up\.sql$/i.test(name)) return "whole-file";
  const folder = path2.dirname(filePath);
  if (name === "migration.sql" && (/^\d{14}_/.test(path2.basename(folder)) || path2.basename(path2.dirname(folder)) === "migrations")) return "whole-file";
  return void 0;
}
function runnerForFile(filePath, text) {
  const named = runnerByName(filePath);
  return sendsAsOneQuery(named, filePath, text) ? "whole-file" : named;
}
function sendsAsOneQuery(runner, filePath, text) {
  switch (runner) {
    case "sqlx":
      return SQLX_NO_TRANSACTION.test(text);
    case "pop":
      return POP_AUTOCOMMIT.test(path2.basename(filePath));
    case "postgres-migrations":
      return text.includes(POSTGRES_MIGRATIONS_NO_TRANSACTION);
    case "diesel":
      return !dieselRunsInTransaction(filePath);
    default:
      return false;
  }
}
var DRIZZLE_NAME = /^\d{4}_.+\.sql$/;
function drizzleJournal(filePath) {
  if (!/\.sql$/i.test(filePath)) return void 0;
  const journal = drizzleJournalOf(filePath);
  if (journal === void 0) return void 0;
  const listed = journal.tags?.has(drizzleTag(filePath)) ?? false;
  return listed || DRIZZLE_NAME.test(path2.basename(filePath)) ? journal.file : void 0;
}
var CARGO_TOML = { file: "Cargo.toml", declares: (text) => /^\s*sqlx\s*[=.]|^\s*\[(?:[\w-]+\.)*dependencies\.sqlx\]/m.test(text) };
var GO_MOD = { file: "go.mod", declares: (text) => /^\s*(?:require\s+)?github\.com\/(?:gobuffalo|ory)\/pop(?:\/v\d+)?\s+v\S+[ \t]*(?!\s*\/\/\s*indirect)$/m.test(text) };
var PACKAGE_JSON = { file: "package.json", declares: (text) => /"postgres-migrations"\s*:/.test(text) };
var manifestCache = /* @__PURE__ */ new Map();
function inSqlxCrate(filePath) {
  return nearestManifest(filePath, CARGO_TOML).declares;
}
function nearestManifest(filePath, kind) {
  let cache2 = manifestCache.get(kind.file);
  if (cache2 === void 0) manifestCache.set(kind.file, cache2 = /* @__PURE__ */ new Map());
  const visited = [];
  let dir = path2.dirname(path2.resolve(filePath));
  let found;
  for (; ; ) {
    found = cache2.get(dir);
    if (found !== void 0) break;
    visited.push(dir);
    let manifest;
    try {
      manifest = fs3.readFileSync(path2.join(dir, kind.file), "utf8");
    } catch {
    }
    if (manifest !== void 0) {
      found = { declares: kind.declares(manifest), manifest: path2.join(dir, kind.file) };
      break;
    }
    const parent = path2.dirname(dir);
    if (parent === dir) {
      found = { declares: false };
      break;
    }
    dir = parent;
  }
  for (const folder of visited) cache2.set(folder, found);
  return found;
}
var metadataCache = /* @__PURE__ */ new Map();
function dieselRunsInTransaction(filePath) {
  const dir = path2.dirname(path2.resolve(filePath));
  let runs = metadataCache.get(dir);
  if (runs === void 0) {
    let metadata = "";
    try {
      metadata = fs3.readFileSync(path2.join(dir, "metadata.toml"), "utf8");
    } catch {
    }
    runs = !/^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(metadata);
    metadataCache.set(dir, runs);
  }
  return runs;
}

// src/fixes/file-facts.ts
var cache = /* @__PURE__ */ new WeakMap();
function factsOf(file) {
  let facts = cache.get(file);
  if (!facts) {
    facts = readFacts(file);
    cache.set(file, facts);
  }
  return facts;
}
function readFacts(file) {
  const runner = file.frontend === "sql" ? sqlRunner(file.file, file.source) : void 0;
  const common = {
    path: file.file,
    source: file.source,
    runnerTransaction: file.runnerTransaction ?? false,
    // Flyway runs a migration whose statements include a CONCURRENTLY one without a transaction: the statement is its own switch.
    transactionSwitch: file.transactionSwitch ?? (runner === void 0 || ["goose", "dbmate", "sql-migrate", "flyway", "postgres-migrations", "sqlx"].includes(runner)),
    statements: file.statements,
    operations: file.operationCount ?? file.statements
  };
  const source = file.source;
  switch (file.frontend) {
    case "sql":
      return { ...common, frontend: "sql", runner };
    // read above, for every SQL file
    case "knex":
      return { ...common, frontend: "knex", module: moduleStyle(file.file, source), subject: subjectOf(source, "knex"), asyncUp: asyncUp(source), checksDatabase: checksDatabase(source) };
    case "typeorm": {
      const named = /class\s+([A-Za-z_$][\w$]*?)(\d{13})?\b/.exec(source);
      return {
        ...common,
        frontend: "typeorm",
        module: moduleStyle(file.file, source),
        subject: subjectOf(source, "queryRunner"),
        asyncUp: asyncUp(source),
        checksDatabase: checksDatabase(source),
        className: named?.[1] ?? "Migration",
        timestamp: Number(named?.[2] ?? /(\d{13})/.exec(file.file)?.[1] ?? Date.now())
      };
    }
    case "django": {
      const parts = file.file.split("/");
      const imported = /from\s+django\.contrib\.postgres\.operations\s+import\s+\(?([\w\s,]+)\)?/.exec(source)?.[1] ?? "";
      return {
        ...common,
        frontend: "django",
        app: parts.length >= 3 ? parts[parts.length - 3] : "app",
        migration: (parts[parts.length - 1] ?? "").replace(/\.py$/, ""),
        checkKeyword: /CheckConstraint\([^)]*\bcheck\s*=/.test(source) ? "check" : "condition",
        postgresOperations: new Set(imported.split(/[\s,]+/).filter((name) => name.length > 0))
      };
    }
  }
}
var RUNNER_ANNOTATION = /^--\s*(?:(\+goose\s)|(migrate:(?:up|down))|\+migrate\s)/im;
function sqlRunner(filePath, source) {
  const annotation = RUNNER_ANNOTATION.exec(source);
  if (annotation) return annotation[1] !== void 0 ? "goose" : annotation[2] !== void 0 ? "dbmate" : "sql-migrate";
  const named = runnerByName(filePath);
  if (named === "pop" || named === "postgres-migrations" || named === "diesel") return named;
  return runnerForFile(filePath, source) ?? "plain";
}
function moduleStyle(filePath, source) {
  if (/\.[cm]?ts$/.test(filePath)) return "typescript";
  if (filePath.endsWith(".mjs") || !filePath.endsWith(".cjs") && /^\s*(export|import)\s/m.test(source)) return "esm";
  return "commonjs";
}
function asyncUp(source) {
  return /\basync\s+(function\s+)?up\s*\(|\bup\s*[:=]\s*async\b/.test(source);
}
function checksDatabase(source) {
  return /\.client\s*\.\s*(config|dialect|driverName)\b|\b(connection|dataSource|driver)\s*\.\s*options\s*\.\s*type\b|\bconnection\s*\.\s*driver\b|\binstanceof\s+\w*Driver\b/.test(source);
}
function subjectOf(source, fallback) {
  const match = /\bup\s*(?:=\s*(?:async\s*)?(?:function\s*)?)?\(\s*([A-Za-z_$][\w$]*)/.exec(source) ?? /\bup\s*[:=]\s*(?:async\s*)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  return match?.[1] ?? fallback;
}

// src/fixes/literals.ts
function jsString(text, backtick = false) {
  if (backtick || /[\n\r]/.test(text) || text.includes("'") && text.includes('"')) {
    return `\`${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
  }
  const quote = text.includes("'") ? '"' : "'";
  return `${quote}${text.replace(/\\/g, "\\\\")}${quote}`;
}
function pyString(text) {
  if (/[\n\r]/.test(text)) return `"""${text.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"')}"""`;
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

// src/fixes/sql-tokens.ts
var isWordStart = (code) => code >= 97 && code <= 122 || code >= 65 && code <= 90 || code === 95 || code >= 128;
var isWordPart = (code) => isWordStart(code) || code >= 48 && code <= 57 || code === 36;
var isSpace = (code) => code === 32 || code >= 9 && code <= 13;
function sqlTokens(sql) {
  const tokens = [];
  let depth = 0;
  let index = 0;
  const push = (start, end, kind, word2) => {
    const text = sql.slice(start, end);
    if (text === ")") depth = Math.max(depth - 1, 0);
    tokens.push({ start, end, text, word: word2, kind, depth });
    if (text === "(") depth++;
  };
  while (index < sql.length) {
    const code = sql.charCodeAt(index);
    const char = sql[index];
    if (isSpace(code)) {
      index++;
      continue;
    }
    if (char === "-" && sql[index + 1] === "-") {
      const end = sql.indexOf("\n", index);
      index = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (char === "/" && sql[index + 1] === "*") {
      const end = blockCommentEnd2(sql, index);
      if (end === void 0) return void 0;
      index = end;
      continue;
    }
    if (char === '"') {
      const end = quotedEnd2(sql, index, '"');
      if (end === void 0) return void 0;
      push(index, end, "identifier", sql.slice(index + 1, end - 1).replace(/""/g, '"'));
      index = end;
      continue;
    }
    if (char === "'" || (char === "E" || char === "e") && sql[index + 1] === "'") {
      const open = char === "'" ? index : index + 1;
      const end = quotedEnd2(sql, open, "'", open !== index);
      if (end === void 0) return void 0;
      push(index, end, "other", sql.slice(index, end));
      index = end;
      continue;
    }
    if (char === "$") {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(index, index + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], index + tag[0].length);
        if (end < 0) return void 0;
        push(index, end + tag[0].length, "other", sql.slice(index, end + tag[0].length));
        index = end + tag[0].length;
        continue;
      }
    }
    if (isWordStart(code)) {
      let end = index + 1;
      while (end < sql.length && isWordPart(sql.charCodeAt(end))) end++;
      push(index, end, "keyword", sql.slice(index, end).toUpperCase());
      index = end;
      continue;
    }
    if (code >= 48 && code <= 57) {
      let end = index + 1;
      while (end < sql.length && /[0-9.eE]/.test(sql[end])) end++;
      push(index, end, "other", sql.slice(index, end));
      index = end;
      continue;
    }
    const length = char === ":" && sql[index + 1] === ":" ? 2 : 1;
    push(index, index + length, "other", sql.slice(index, index + length));
    index += length;
  }
  return tokens;
}
function blockCommentEnd2(sql, start) {
  let nesting = 0;
  for (let index = start; index < sql.length - 1; index++) {
    if (sql[index] === "/" && sql[index + 1] === "*") {
      nesting++;
      index++;
    } else if (sql[index] === "*" && sql[index + 1] === "/") {
      nesting--;
      index++;
      if (nesting === 0) return index + 1;
    }
  }
  return void 0;
}
function quotedEnd2(sql, start, quote, backslashes = false) {
  for (let index = start + 1; index < sql.length; index++) {
    if (backslashes && sql[index] === "\\") index++;
    else if (sql[index] === quote) {
      if (sql[index + 1] === quote) index++;
      else return index + 1;
    }
  }
  return void 0;
}
function nameOf(token) {
  if (!token) return void 0;
  return token.kind === "identifier" ? token.word : token.text.toLowerCase();
}
function isName(token, name) {
  if (!token) return false;
  if (token.kind === "identifier") return token.word === name;
  return token.kind === "keyword" && token.text.toLowerCase() === name;
}
function findWords(tokens, words, from = 0) {
  for (let index = from; index < tokens.length; index++) {
    if (tokens[index].depth !== 0) continue;
    const matched = matchAt(tokens, index, words);
    if (matched !== void 0) return { start: index, end: matched };
  }
  return void 0;
}
function matchAt(tokens, index, words) {
  let at = index;
  for (const word2 of words) {
    const optional = word2.endsWith("?");
    const wanted = optional ? word2.slice(0, -1) : word2;
    if (tokens[at]?.kind !== "identifier" && tokens[at]?.word === wanted) at++;
    else if (!optional) return void 0;
  }
  return at;
}
function skipQualifiedName(tokens, index) {
  let at = index + 1;
  while (tokens[at]?.text === "." && tokens[at + 1]) at += 2;
  return at;
}
function clauseEnd(tokens, index) {
  const depth = tokens[index]?.depth ?? 0;
  for (let at = index; at < tokens.length; at++) {
    if (tokens[at].depth < depth) return at;
    if (tokens[at].depth === depth && (tokens[at].text === "," || tokens[at].text === ";")) return at;
  }
  return tokens.length;
}

// src/fixes/sql-edits.ts
function applyEdits(text, edits) {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
var insertAfter = (token, text) => ({ start: token.end, end: token.end, text });
function statementEdits(sql, edit, operation) {
  const tokens = sqlTokens(sql);
  if (!tokens || tokens.length === 0) return void 0;
  switch (edit.kind) {
    case "concurrently":
      return concurrently(tokens, operation);
    case "notValid":
      return notValid(tokens, operation, edit.name);
    case "ifNotExists":
      return ifNotExists(tokens, operation);
    case "ifExists":
      return ifExists(tokens, operation);
    case "withoutCascade":
      return withoutCascade(tokens);
    case "columnWithout":
      return columnWithout(tokens, operation, edit.parts);
    case "columnDefault":
      return columnDefault(tokens, operation, valueSql(edit.value));
    case "domainWithoutCheck":
      return domainWithoutCheck(tokens);
  }
}
function topLevel(tokens, word2) {
  return tokens.some((token) => token.depth === 0 && token.kind !== "identifier" && token.word === word2);
}
function concurrently(tokens, operation) {
  if (topLevel(tokens, "CONCURRENTLY")) return void 0;
  switch (operation.kind) {
    case "createIndex": {
      const found = findWords(tokens, ["CREATE", "UNIQUE?", "INDEX"]);
      return found && [insertAfter(tokens[found.end - 1], " CONCURRENTLY")];
    }
    case "dropIndex": {
      const found = findWords(tokens, ["DROP", "INDEX"]);
      if (!found || topLevel(tokens, "CASCADE") || tokens.some((token, index) => index > found.end && token.depth === 0 && token.text === ",")) return void 0;
      return [insertAfter(tokens[found.end - 1], " CONCURRENTLY")];
    }
    case "reindex": {
      const found = findWords(tokens, ["REINDEX"]);
      if (!found) return void 0;
      let at = found.end;
      if (tokens[at]?.text === "(") {
        while (at < tokens.length && !(tokens[at].text === ")" && tokens[at].depth === 0)) at++;
        if (tokens.slice(found.end, at).some((token) => token.word === "CONCURRENTLY")) return void 0;
        at++;
      }
      const target = tokens[at];
      if (!target || !["INDEX", "TABLE", "SCHEMA", "DATABASE"].includes(target.word) || target.kind === "identifier") return void 0;
      return [insertAfter(target, " CONCURRENTLY")];
    }
    case "detachPartition": {
      const found = findWords(tokens, ["DETACH", "PARTITION"]);
      if (!found || !tokens[found.end]) return void 0;
      const nameEnd = skipQualifiedName(tokens, found.end);
      if (tokens[nameEnd]?.word === "FINALIZE") return void 0;
      return [insertAfter(tokens[nameEnd - 1], " CONCURRENTLY")];
    }
    default:
      return void 0;
  }
}
function notValid(tokens, operation, name) {
  if (operation.kind !== "addConstraint") return void 0;
  const keyword = operation.constraint.kind === "foreignKey" ? "FOREIGN" : operation.constraint.kind === "check" ? "CHECK" : void 0;
  if (!keyword) return void 0;
  const clauses = [];
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].depth !== 0 || tokens[index].word !== "ADD" || tokens[index].kind === "identifier") continue;
    let at = index + 1;
    let constraintName;
    if (tokens[at]?.word === "CONSTRAINT" && tokens[at].kind !== "identifier") {
      constraintName = nameOf(tokens[at + 1]);
      at += 2;
    }
    if (tokens[at]?.word !== keyword || tokens[at].kind === "identifier") continue;
    if (operation.constraint.name !== void 0 && constraintName !== operation.constraint.name) continue;
    clauses.push({ add: index, keyword: at, named: constraintName !== void 0 });
  }
  if (clauses.length !== 1) return void 0;
  const [clause] = clauses;
  const end = clauseEnd(tokens, clause.add);
  const body = tokens.slice(clause.add, end);
  if (body.some((token, index) => token.word === "NOT" && body[index + 1]?.word === "VALID")) return void 0;
  const edits = [insertAfter(tokens[end - 1], " NOT VALID")];
  if (!clause.named) edits.push({ start: tokens[clause.keyword].start, end: tokens[clause.keyword].start, text: `CONSTRAINT ${ident(name)} ` });
  return edits;
}
var TABLE_MODIFIERS = /* @__PURE__ */ new Set(["GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED"]);
function ifNotExists(tokens, operation) {
  switch (operation.kind) {
    case "createTable": {
      const create = findWords(tokens, ["CREATE"]);
      if (!create) return void 0;
      let at = create.end;
      while (tokens[at] && TABLE_MODIFIERS.has(tokens[at].word)) at++;
      if (tokens[at]?.word !== "TABLE" || tokens[at + 1]?.word === "IF") return void 0;
      return [insertAfter(tokens[at], " IF NOT EXISTS")];
    }
    case "createIndex": {
      const found = findWords(tokens, ["CREATE", "UNIQUE?", "INDEX", "CONCURRENTLY?"]);
      if (!found || tokens[found.end]?.word === "IF" || tokens[found.end]?.word === "ON" || !operation.name) return void 0;
      return [insertAfter(tokens[found.end - 1], " IF NOT EXISTS")];
    }
    case "addColumn": {
      const clause = findColumnClause(tokens, operation.column.name);
      if (!clause || clause.ifNotExists) return void 0;
      return [insertAfter(tokens[clause.name - 2], " IF NOT EXISTS")];
    }
    default:
      return void 0;
  }
}
function ifExists(tokens, operation) {
  const after = (words, wanted) => {
    for (let index = 0; index < tokens.length; index++) {
      if (tokens[index].depth !== 0) continue;
      const end = matchAt(tokens, index, words);
      if (end === void 0 || tokens[end]?.word === "IF") continue;
      if (wanted !== void 0 && !isName(tokens[end], wanted)) continue;
      return [insertAfter(tokens[end - 1], " IF EXISTS")];
    }
    return void 0;
  };
  switch (operation.kind) {
    case "dropTable":
      return after(["DROP", "TABLE"]);
    case "dropIndex":
      return after(["DROP", "INDEX", "CONCURRENTLY?"]);
    case "dropColumn":
      return after(["DROP", "COLUMN"], operation.column) ?? after(["DROP"], operation.column);
    case "dropConstraint":
      return after(["DROP", "CONSTRAINT"], operation.name);
    default:
      return void 0;
  }
}
function withoutCascade(tokens) {
  const index = tokens.findIndex((token) => token.depth === 0 && token.word === "CASCADE" && token.kind !== "identifier");
  if (index < 1) return void 0;
  return [{ start: tokens[index - 1].end, end: tokens[index].end, text: "" }];
}
var CONSTRAINT_START = /* @__PURE__ */ new Set(["CONSTRAINT", "NOT", "NULL", "DEFAULT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES", "GENERATED", "COLLATE"]);
var CONSTRAINT_CONTINUATION = /* @__PURE__ */ new Set(["DEFERRABLE", "INITIALLY"]);
function findColumnClause(tokens, column) {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.depth !== 0 || token.word !== "ADD" || token.kind === "identifier") continue;
    let at = index + 1;
    if (tokens[at]?.word === "COLUMN" && tokens[at].kind !== "identifier") at++;
    const ifNotExists2 = matchAt(tokens, at, ["IF", "NOT", "EXISTS"]);
    if (ifNotExists2 !== void 0) at = ifNotExists2;
    if (!isName(tokens[at], column)) continue;
    const name = at + 1;
    const end = clauseEnd(tokens, index);
    const isStart = (i) => tokens[i].depth === 0 && tokens[i].kind !== "identifier" && CONSTRAINT_START.has(tokens[i].word) && !(tokens[i].word === "NOT" && tokens[i + 1]?.word === "DEFERRABLE");
    let typeEnd = name;
    while (typeEnd < end && !isStart(typeEnd)) typeEnd++;
    return { add: index, ifNotExists: ifNotExists2 !== void 0, name, typeEnd, end, parts: columnParts(tokens, typeEnd, end, isStart) };
  }
  return void 0;
}
function columnParts(tokens, from, end, isStart) {
  const parts = [];
  let at = from;
  while (at < end) {
    const start = at;
    if (tokens[at].word === "CONSTRAINT") at += 2;
    const word2 = tokens[at]?.word;
    at++;
    if (word2 === "DEFAULT" && tokens[at]?.word === "NULL") at++;
    while (at < end && (!isStart(at) || word2 === "REFERENCES" && CONSTRAINT_CONTINUATION.has(tokens[at].word))) at++;
    if (word2 === "NOT" && tokens[start + (tokens[start].word === "CONSTRAINT" ? 3 : 1)]?.word === "NULL") {
      const notNullEnd = start + (tokens[start].word === "CONSTRAINT" ? 4 : 2);
      parts.push({ kind: "notNull", start, end: notNullEnd });
      at = notNullEnd;
      while (at < end && !isStart(at)) at++;
      continue;
    }
    parts.push({ kind: PART_KINDS[word2 ?? ""] ?? "check", start, end: at });
  }
  return parts;
}
var PART_KINDS = {
  NULL: "null",
  DEFAULT: "default",
  CHECK: "check",
  UNIQUE: "unique",
  PRIMARY: "primaryKey",
  REFERENCES: "references",
  GENERATED: "generated",
  COLLATE: "collate"
};
function columnWithout(tokens, operation, parts) {
  const column = operation.kind === "addColumn" ? operation.column.name : operation.kind === "addConstraint" && operation.constraint.kind === "foreignKey" ? operation.constraint.columns[0] : void 0;
  if (column === void 0) return void 0;
  const clause = findColumnClause(tokens, column);
  if (!clause) return void 0;
  const removed = clause.parts.filter((part) => parts.includes(part.kind));
  if (removed.length === 0) return void 0;
  return removed.map((part) => ({ start: tokens[part.start - 1].end, end: tokens[part.end - 1].end, text: "" }));
}
function columnDefault(tokens, operation, value) {
  if (operation.kind !== "addColumn") return void 0;
  const clause = findColumnClause(tokens, operation.column.name);
  if (!clause || clause.parts.some((part) => part.kind === "default" || part.kind === "generated") || clause.typeEnd <= clause.name) return void 0;
  return [insertAfter(tokens[clause.typeEnd - 1], ` DEFAULT ${value}`)];
}
function domainWithoutCheck(tokens) {
  const edits = [];
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].depth !== 0 || tokens[index].word !== "CHECK" || tokens[index].kind === "identifier") continue;
    const start = tokens[index - 2]?.word === "CONSTRAINT" ? index - 2 : index;
    let end = index + 1;
    if (tokens[end]?.text !== "(") return void 0;
    end++;
    while (end < tokens.length && !(tokens[end].text === ")" && tokens[end].depth === 0)) end++;
    if (start < 1 || end >= tokens.length) return void 0;
    edits.push({ start: tokens[start - 1].end, end: tokens[end].end, text: "" });
  }
  return edits.length > 0 ? edits : void 0;
}

// src/fixes/fix-edits.ts
function fixEdits(finding, plan, file) {
  const facts = factsOf(file);
  const source = new SourceText(file.source, facts);
  const operation = finding.target?.operation;
  if (!operation) return void 0;
  switch (plan.kind) {
    case "edit": {
      const statement = editStatement(source, operation, plan.edit);
      if (!statement) return void 0;
      if (!plan.transactionOff) return statement;
      const off = transactionOff(source);
      return off && [...statement, ...off];
    }
    case "transactionOff":
      return transactionOff(source);
    case "setting":
      return settingAtTop(source, `SET ${plan.name} = ${plan.value}`);
    case "notValid":
      return notValidThenValidate(source, operation, plan.name);
  }
}
var SourceText = class {
  constructor(text, facts) {
    this.text = text;
    this.facts = facts;
    this.lines = new LineIndex(text);
  }
  text;
  facts;
  lines;
  parsed;
  offset(line, column) {
    return this.lines.lineStart(line) + column - 1;
  }
  span(span) {
    return { start: this.offset(span.line, span.column), end: this.offset(span.endLine, span.endColumn) };
  }
  /** The leading white space of the line an offset is on. */
  indentAt(offset) {
    const line = this.lines.position(offset).line;
    return /^[ \t]*/.exec(this.lines.lineText(line))?.[0] ?? "";
  }
  /** The JavaScript syntax tree (Babel, loaded only for fixes of JavaScript files). */
  ast() {
    if (this.parsed === void 0) {
      const { parseScript: parseScript2 } = (init_parse_js(), __toCommonJS(parse_js_exports));
      const result = parseScript2(this.text, this.facts.path);
      this.parsed = result.ok ? result.ast : null;
    }
    return this.parsed ?? void 0;
  }
};
function editStatement(source, operation, edit) {
  if (operation.sql !== void 0) {
    const { start, end } = source.span(operation.location);
    return statementEdits(source.text.slice(start, end), edit, operation)?.map((change) => ({ ...change, start: change.start + start, end: change.end + start }));
  }
  switch (source.facts.frontend) {
    case "typeorm":
      return concurrentTableIndex(source, operation);
    case "knex":
      return dropTableIfExists(source, operation);
    case "django":
      return concurrentDjangoOperation(source, operation);
    default:
      return void 0;
  }
}
function concurrentTableIndex(source, operation) {
  const call = callAt(source, operation, "createIndex");
  const index = call?.arguments[1];
  const options = index?.type === "NewExpression" ? index.arguments[0] : void 0;
  if (options?.type !== "ObjectExpression" || options.properties.length === 0) return void 0;
  if (options.properties.some((property) => property.type !== "ObjectProperty" || keyName(property.key) === "isConcurrent")) return void 0;
  const last = options.properties[options.properties.length - 1];
  const end = last.end ?? 0;
  if (source.lines.position(last.start ?? 0).line !== source.lines.position(options.start ?? 0).line) {
    const comma = /^\s*,/.exec(source.text.slice(end));
    const at = comma ? end + comma[0].length : end;
    return [{ start: at, end: at, text: `${comma ? "" : ","}
${source.indentAt(last.start ?? 0)}isConcurrent: true${comma ? "," : ""}` }];
  }
  return [{ start: end, end, text: ", isConcurrent: true" }];
}
function dropTableIfExists(source, operation) {
  const call = callAt(source, operation, "dropTable");
  const property = call?.callee.type === "MemberExpression" ? call.callee.property : void 0;
  if (!property || property.type !== "Identifier") return void 0;
  return [{ start: property.start ?? 0, end: property.end ?? 0, text: "dropTableIfExists" }];
}
function concurrentDjangoOperation(source, operation) {
  const callee = { AddIndex: "AddIndexConcurrently", RemoveIndex: "RemoveIndexConcurrently" }[operation.django?.operation ?? ""];
  if (!callee) return void 0;
  const renamed = renameDjangoCall(source, operation, callee);
  const imported = importPostgresOperation(source, callee);
  return renamed && imported && [...renamed, ...imported];
}
function renameDjangoCall(source, operation, callee) {
  const { start, end } = source.span(operation.location);
  const written = /^[\w.]+(?=\s*\()/.exec(source.text.slice(start, end));
  return written ? [{ start, end: start + written[0].length, text: callee }] : void 0;
}
function transactionOff(source) {
  switch (source.facts.frontend) {
    case "sql":
      return sqlTransactionOff(source);
    case "knex":
      return knexConfig(source);
    case "typeorm":
      return typeormTransaction(source);
    case "django":
      return djangoAtomic(source);
  }
}
function sqlTransactionOff(source) {
  const { text, facts } = source;
  if (facts.frontend !== "sql") return void 0;
  const marker = (pattern) => pattern.exec(text);
  switch (facts.runner) {
    case "flyway":
      return [];
    // CONCURRENTLY itself makes Flyway run the migration without a transaction
    case "sqlx":
      return [{ start: 0, end: 0, text: "-- no-transaction\n" }];
    // read from the file's first bytes
    case "postgres-migrations":
      return [{ start: 0, end: 0, text: "-- postgres-migrations disable-transaction\n" }];
    // looked for anywhere in the file
    case "goose": {
      const up = marker(/^--\s*\+goose\s+up\b/im);
      return up ? [{ start: up.index, end: up.index, text: "-- +goose NO TRANSACTION\n" }] : void 0;
    }
    case "dbmate": {
      const up = marker(/^--\s*migrate:up\b[^\r\n]*/im);
      if (!up || /transaction:/i.test(up[0])) return void 0;
      return [{ start: up.index + up[0].trimEnd().length, end: up.index + up[0].trimEnd().length, text: " transaction:false" }];
    }
    case "sql-migrate": {
      const up = marker(/^--\s*\+migrate\s+up\b[^\r\n]*/im);
      if (!up || /notransaction/i.test(up[0])) return void 0;
      return [{ start: up.index + up[0].trimEnd().length, end: up.index + up[0].trimEnd().length, text: " notransaction" }];
    }
    default:
      return void 0;
  }
}
function knexConfig(source) {
  const ast = source.ast();
  if (!ast) return void 0;
  for (const statement of ast.program.body) {
    if (exportsName(statement, "config")) return void 0;
  }
  for (const statement of ast.program.body) {
    const start = statement.start ?? 0;
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const target = memberPath(statement.expression.left);
      if (target === "exports.up" || target === "module.exports.up") return [{ start, end: start, text: "exports.config = { transaction: false };\n\n" }];
      if (target === "module.exports" && statement.expression.right.type === "ObjectExpression") return configProperty(source, statement.expression.right);
    }
    if (statement.type === "ExportNamedDeclaration" && exportsName(statement, "up")) return [{ start, end: start, text: "export const config = { transaction: false };\n\n" }];
    if (statement.type === "ExportDefaultDeclaration" && statement.declaration.type === "ObjectExpression") return configProperty(source, statement.declaration);
  }
  return void 0;
}
function configProperty(source, object) {
  const first = object.properties[0];
  if (!first || !object.properties.some((property) => property.type !== "SpreadElement" && keyName(property.key) === "up")) return void 0;
  const start = first.start ?? 0;
  const ownLine = source.lines.position(start).line !== source.lines.position(object.start ?? 0).line;
  return [{ start, end: start, text: ownLine ? `config: { transaction: false },
${source.indentAt(start)}` : "config: { transaction: false }, " }];
}
function typeormTransaction(source) {
  const up = typeormUp(source);
  if (!up) return void 0;
  const { body } = up.classBody;
  if (body.some((member) => member.type === "ClassProperty" && keyName(member.key) === "transaction")) return void 0;
  const start = body[0].start ?? 0;
  return [{ start, end: start, text: `transaction = false;

${source.indentAt(start)}` }];
}
function djangoAtomic(source) {
  const { text } = source;
  if (/^\s+atomic\s*=/m.test(text)) return void 0;
  const header = /^class\s+Migration\s*\([^)]*\)\s*:[ \t]*(?:#[^\r\n]*)?\r?\n/m.exec(text);
  if (!header) return void 0;
  const bodyStart = header.index + header[0].length;
  const firstLine = /^(?:[ \t]*\r?\n)*([ \t]+)\S/.exec(text.slice(bodyStart));
  if (!firstLine) return void 0;
  const start = bodyStart + firstLine[0].length - firstLine[1].length - 1;
  return [{ start, end: start, text: `${firstLine[1]}atomic = False
` }];
}
function settingAtTop(source, statement) {
  switch (source.facts.frontend) {
    case "sql":
      return sqlAtTop(source, `${statement};`);
    case "knex":
      return atStartOfUp(source, `await ${source.facts.subject}.raw(${jsString(statement)});`);
    case "typeorm":
      return atStartOfUp(source, `await ${source.facts.subject}.query(${jsString(statement)});`);
    case "django":
      return firstOperation(source, `migrations.RunSQL(${pyString(statement)}, migrations.RunSQL.noop),`);
  }
}
function sqlAtTop(source, statement) {
  const { text } = source;
  const up = /^--\s*(?:\+goose\s+up|migrate:up|\+migrate\s+up)\b[^\r\n]*\r?\n/im.exec(text);
  const from = up ? up.index + up[0].length : 0;
  const tokens = sqlTokens(text.slice(from));
  const first = tokens?.[0];
  if (!first) return void 0;
  const start = from + first.start;
  const lineStart = source.lines.lineStart(source.lines.position(start).line);
  if (text.slice(lineStart, start).trim().length > 0) return void 0;
  return [{ start: lineStart, end: lineStart, text: `${text.slice(lineStart, start)}${statement}
` }];
}
function atStartOfUp(source, statement) {
  const up = source.facts.frontend === "typeorm" ? typeormUp(source)?.method : knexUp(source);
  if (!up || !up.async || up.body.type !== "BlockStatement" || up.body.body.length === 0) return void 0;
  const start = up.body.body[0].start ?? 0;
  return [{ start, end: start, text: `${statement}
${source.indentAt(start)}` }];
}
function firstOperation(source, element) {
  if (!/\bfrom\s+django\.db\s+import\s+[^\r\n]*\bmigrations\b/.test(source.text)) return void 0;
  const list = /^[ \t]+operations\s*=\s*\[[ \t]*\r?\n?/m.exec(source.text);
  if (!list) return void 0;
  const after = list.index + list[0].length;
  const first = /^(\s*)\S/.exec(source.text.slice(after));
  if (!first || source.text[after + first[0].length - 1] === "]") return void 0;
  const start = after + first[1].length;
  const onItsLine = list[0].endsWith("\n");
  return [{ start, end: start, text: onItsLine ? `${element}
${source.indentAt(start)}` : `${element} ` }];
}
function notValidThenValidate(source, operation, name) {
  if (operation.kind !== "addConstraint") return void 0;
  const validate = { kind: "validateConstraint", location: operation.location, anchorLine: operation.anchorLine, table: operation.table, name };
  if (operation.sql === void 0) {
    const model = operation.django?.model;
    const renamed = model && renameDjangoCall(source, operation, "AddConstraintNotValid");
    const end2 = source.span(operation.location).end;
    const comma = /^\s*,/.exec(source.text.slice(end2));
    const imports = importPostgresOperation(source, "AddConstraintNotValid", "ValidateConstraint");
    if (!renamed || !comma || !imports) return void 0;
    const at = end2 + comma[0].length;
    return [...renamed, { start: at, end: at, text: `
${source.indentAt(source.span(operation.location).start)}ValidateConstraint(${pyString(model)}, ${pyString(name)}),` }, ...imports];
  }
  const notValid2 = editStatement(source, operation, { kind: "notValid", name });
  if (!notValid2) return void 0;
  const { facts } = source;
  const sql = operationSql(validate, { quoteAll: facts.frontend === "typeorm" });
  if (!sql) return void 0;
  const { start, end } = source.span(operation.sqlLocation ?? operation.location);
  switch (facts.frontend) {
    case "sql": {
      const semicolon = /^\s*;/.exec(source.text.slice(end));
      if (!semicolon) return void 0;
      const at = end + semicolon[0].length;
      return [...notValid2, { start: at, end: at, text: `
${source.indentAt(start)}${sql};` }];
    }
    case "knex":
    case "typeorm": {
      const statement = upStatementAt(source, start);
      if (!statement) return void 0;
      const call = facts.frontend === "knex" ? `await ${facts.subject}.raw(${jsString(sql)});` : `await ${facts.subject}.query(${jsString(sql, true)});`;
      const at = statement.end ?? 0;
      return [...notValid2, { start: at, end: at, text: `
${source.indentAt(statement.start ?? 0)}${call}` }];
    }
    case "django":
      return void 0;
  }
}
function keyName(key) {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  return void 0;
}
function memberPath(node) {
  if (node.type === "Identifier") return node.name;
  if (node.type !== "MemberExpression" || node.computed) return void 0;
  const object = memberPath(node.object);
  const property = keyName(node.property);
  return object && property ? `${object}.${property}` : void 0;
}
function exportsName(statement, name) {
  if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
    const target = memberPath(statement.expression.left);
    if (target === `exports.${name}` || target === `module.exports.${name}`) return true;
    const right = statement.expression.right;
    return target === "module.exports" && right.type === "ObjectExpression" && right.properties.some((property) => property.type !== "SpreadElement" && keyName(property.key) === name);
  }
  if (statement.type === "ExportNamedDeclaration") {
    const declaration = statement.declaration;
    if (declaration?.type === "FunctionDeclaration" && declaration.id?.name === name) return true;
    if (declaration?.type === "VariableDeclaration" && declaration.declarations.some((declarator) => declarator.id.type === "Identifier" && declarator.id.name === name)) return true;
    return statement.specifiers.some((specifier) => specifier.type === "ExportSpecifier" && keyName(specifier.exported) === name);
  }
  return false;
}
function callAt(source, operation, method) {
  const ast = source.ast();
  if (!ast) return void 0;
  const { start, end } = source.span(operation.location);
  let found;
  walkNodes(ast.program, (node) => {
    if (found || node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    const property = node.callee.property;
    if (keyName(property) !== method) return;
    const at = [property.start, node.start];
    if (at.includes(start) && (node.end ?? 0) >= end - 1) found = node;
  });
  return found;
}
function knexUp(source) {
  const ast = source.ast();
  if (!ast) return void 0;
  const { findKnexMigration: findKnexMigration2 } = (init_find_migration(), __toCommonJS(find_migration_exports));
  const { StaticScope: StaticScope2 } = (init_static_values(), __toCommonJS(static_values_exports));
  return findKnexMigration2(ast, StaticScope2.ofProgram(ast.program)).up;
}
function typeormUp(source) {
  const ast = source.ast();
  if (!ast) return void 0;
  let found;
  walkNodes(ast.program, (node) => {
    if (found || node.type !== "ClassBody") return;
    const method = node.body.find((member) => member.type === "ClassMethod" && keyName(member.key) === "up");
    if (method) found = { method, classBody: node };
  });
  return found;
}
function upStatementAt(source, offset) {
  const up = source.facts.frontend === "typeorm" ? typeormUp(source)?.method : knexUp(source);
  if (!up || up.body.type !== "BlockStatement") return void 0;
  return up.body.body.find((statement) => (statement.start ?? 0) <= offset && offset < (statement.end ?? 0));
}
function importPostgresOperation(source, ...names) {
  const { text } = source;
  const existing = /^from\s+django\.contrib\.postgres\.operations\s+import\s+([^\r\n(]+)$/m.exec(text);
  if (existing) {
    const imported = new Set(existing[1].split(",").map((name) => name.trim()));
    const missing = names.filter((name) => !imported.has(name));
    const end = existing.index + existing[0].trimEnd().length;
    return missing.length === 0 ? [] : [{ start: end, end, text: `, ${missing.join(", ")}` }];
  }
  if (/django\.contrib\.postgres\.operations/.test(text)) return void 0;
  const anchor = /^from\s+django\.db\s+import\b/m.exec(text) ?? /^(from|import)\s/m.exec(text);
  if (!anchor) return void 0;
  return [{ start: anchor.index, end: anchor.index, text: `from django.contrib.postgres.operations import ${names.join(", ")}
` }];
}

// src/fixes/suggest.ts
function canTurnOffTransaction(target, facts) {
  if (target.facts.explicitTransaction || !facts.runnerTransaction) return false;
  const alone = facts.statements === 1 && (facts.frontend === "django" || facts.operations === 1);
  if ((facts.frontend === "knex" || facts.frontend === "typeorm") && facts.checksDatabase) return false;
  return alone && (facts.frontend !== "sql" || facts.transactionSwitch);
}

// src/fixes/fix-plan.ts
var FIXABLE_EDITS = /* @__PURE__ */ new Set(["concurrently", "ifNotExists", "ifExists"]);
function planFix(finding, file, rule) {
  const target = finding.target;
  const recipe = rule?.meta.suggestion;
  if (!target || !recipe?.fixable || file.skippedReason !== void 0) return void 0;
  const steps = recipe.steps(target.operation, target.facts);
  if (!steps || steps.length === 0) return void 0;
  const facts = factsOf(file);
  const operation = target.operation;
  const [first, second] = steps;
  const [action] = first.actions;
  if (first.migration !== "this") return void 0;
  if (steps.length === 1 && first.at === "top" && first.actions.length === 1 && action.kind === "setting") {
    if ((facts.frontend === "knex" || facts.frontend === "typeorm") && (!facts.asyncUp || facts.checksDatabase)) return void 0;
    return { kind: "setting", name: action.name, value: action.value };
  }
  if ((first.at ?? "replace") !== "replace" || first.actions.length !== 1) return void 0;
  const outside = first.outsideTransaction === true && target.facts.inTransaction;
  if (outside && !(canTurnOffTransaction(target, facts) && facts.transactionSwitch)) return void 0;
  if (steps.length === 1 && action.kind === "flagged" && outside) return { kind: "transactionOff" };
  if (action.kind !== "edit") return void 0;
  const { edit } = action;
  if (steps.length === 1 && FIXABLE_EDITS.has(edit.kind) && editable(edit, operation, facts)) return { kind: "edit", edit, transactionOff: outside };
  const validates = second?.actions.length === 1 && second.actions[0].kind === "statement" && second.actions[0].operation.kind === "validateConstraint";
  const oneQuery = facts.frontend === "sql" && (facts.runner === "whole-file" || (facts.runner === "pop" || facts.runner === "postgres-migrations" || facts.runner === "diesel") && !facts.runnerTransaction);
  if (edit.kind === "notValid" && steps.length === 2 && validates && !target.facts.inTransaction && !oneQuery && notValidEditable(operation, edit.name)) {
    return { kind: "notValid", name: edit.name };
  }
  return void 0;
}
function editable(edit, operation, facts) {
  if (operation.sql !== void 0) return true;
  switch (facts.frontend) {
    case "typeorm":
      return edit.kind === "concurrently" && operation.kind === "createIndex";
    case "knex":
      return edit.kind === "ifExists" && operation.kind === "dropTable";
    case "django":
      return edit.kind === "concurrently" && (operation.django?.operation === "AddIndex" || operation.django?.operation === "RemoveIndex");
    default:
      return false;
  }
}
function notValidEditable(operation, name) {
  if (operation.kind !== "addConstraint" || operation.constraint.name !== name) return false;
  if (operation.sql !== void 0) return true;
  return operation.django?.operation === "AddConstraint" && operation.constraint.kind === "check";
}
function describeFix(plan) {
  const outside = "run the migration outside a transaction";
  switch (plan.kind) {
    case "edit": {
      const words = { concurrently: "Add CONCURRENTLY", ifNotExists: "Add IF NOT EXISTS", ifExists: "Add IF EXISTS" }[plan.edit.kind];
      return plan.transactionOff ? `${words} and ${outside}` : words;
    }
    case "transactionOff":
      return outside.charAt(0).toUpperCase() + outside.slice(1);
    case "setting":
      return `Set ${plan.name} at the top of the migration`;
    case "notValid":
      return `Add "${plan.name}" NOT VALID, then validate it`;
  }
}

// src/fixes/fix-file.ts
var RELINT_BUDGET = 8e6;
function fixFile(file, rules, relintAny, budget = RELINT_BUDGET) {
  let left = budget;
  let overBudget = false;
  const relint = (source) => {
    if (source.length > left) {
      overBudget = true;
      return void 0;
    }
    left -= source.length;
    return relintAny(source);
  };
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const candidates = [];
  const concurrently2 = /* @__PURE__ */ new Set();
  for (const finding of file.findings) {
    const plan = planFix(finding, file, byId.get(finding.rule));
    const edits = plan && fixEdits(finding, plan, file);
    if (!plan || !edits || edits.length === 0) continue;
    const fix = { finding, description: describeFix(plan), edits: withLineEnding(edits, lineEnding(file.source)) };
    candidates.push(fix);
    if (plan.kind === "edit" && plan.edit.kind === "concurrently") concurrently2.add(fix);
  }
  if (candidates.length === 0) return { each: [], applied: [] };
  candidates.sort((a, b) => Number(!concurrently2.has(a)) - Number(!concurrently2.has(b)));
  const relinted = relint(file.source);
  if (overBudget) return { each: [], applied: [], unchecked: candidates.length };
  if (!relinted || relinted.result.skippedReason !== void 0) return { each: [], applied: [] };
  const baseline = { ...relinted, keys: findingKeys(relinted.result.findings, file.source) };
  const verified = (fixes) => verify(file, baseline, fixes, relint);
  const each = [];
  const alone = /* @__PURE__ */ new Map();
  let unchecked = 0;
  for (const fix of candidates) {
    if (overBudget) {
      unchecked++;
      continue;
    }
    const own = verified([fix]);
    if (own) {
      each.push(fix);
      alone.set(fix, own);
      continue;
    }
    const extended = withFollowUps(file, baseline, fix, byId, relint);
    const extendedOwn = extended && verified([extended]);
    if (extended && extendedOwn) {
      each.push(extended);
      alone.set(extended, extendedOwn);
    } else if (overBudget) {
      unchecked++;
    }
  }
  const notChecked = unchecked > 0 ? { unchecked } : {};
  const applied = [];
  let after;
  const all = each.length === 1 ? alone.get(each[0]) : verified(compatible(each));
  if (all) return { each, applied: compatible(each), fixed: all.fixed, after: all.after(), ...notChecked };
  for (const fix of each) {
    const attempt = verified(compatible([...applied, fix]));
    if (attempt && compatible([...applied, fix]).length === applied.length + 1) {
      applied.push(fix);
      after = attempt.after;
    }
  }
  return { each, applied, ...applied.length > 0 && after ? { fixed: applyFixes(file.source, applied), after: after() } : {}, ...notChecked };
}
function findingKeys(findings, source, edits = []) {
  const lines = new LineIndex(edits.length === 0 ? source : applyEdits(source, edits));
  const ordered = inOrder(edits);
  const keys = /* @__PURE__ */ new Set();
  for (const finding of findings) {
    const offset = lines.lineStart(finding.line) + finding.column - 1;
    const at = edits.length === 0 ? offset : sourcePosition(ordered, offset);
    keys.add(at === void 0 ? `${finding.rule}@inserted` : `${finding.rule}@${at}`);
  }
  return keys;
}
function withFollowUps(file, baseline, fix, byId, relint) {
  const fixed = applyFixes(file.source, [fix]);
  const relinted = relint(fixed);
  if (!relinted || relinted.result.skippedReason !== void 0) return void 0;
  const after = { ...relinted.result, source: fixed };
  const added = after.findings.filter((finding) => !baseline.keys.has([...findingKeys([finding], file.source, fix.edits)][0]));
  if (added.length === 0) return void 0;
  const edits = [...fix.edits];
  const descriptions = [fix.description];
  for (const finding of added) {
    const plan = planFix(finding, after, byId.get(finding.rule));
    const more = plan && fixEdits(finding, plan, after);
    if (!plan || !more || more.length === 0) return void 0;
    for (const edit of withLineEnding(more, lineEnding(fixed))) {
      const start = toSource(fix.edits, edit.start);
      const end = toSource(fix.edits, edit.end);
      if (start === void 0 || end === void 0 || fix.edits.some((other) => start < other.end && other.start < end)) return void 0;
      if (!edits.some((other) => same(other, { start, end, text: edit.text }))) edits.push({ start, end, text: edit.text });
    }
    const description = describeFix(plan).replace(/^./, (letter) => letter.toLowerCase());
    if (!descriptions.includes(description)) descriptions.push(description);
  }
  return { finding: fix.finding, description: descriptions.join("; "), edits };
}
function toSource(edits, position) {
  return sourcePosition(inOrder(edits), position);
}
var inOrder = (edits) => [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
function sourcePosition(ordered, position) {
  let delta = 0;
  for (const edit of ordered) {
    const start = edit.start + delta;
    const end = start + edit.text.length;
    if (position < start) break;
    if (position === end) return edit.end;
    if (position < end) return void 0;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return position - delta;
}
function lineEnding(source) {
  const crlf = source.split("\r\n").length - 1;
  const lf = source.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}
function withLineEnding(edits, ending) {
  return ending === "\n" ? [...edits] : edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, ending) }));
}
function compatible(fixes) {
  const kept = [];
  const taken = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !taken.some((other) => same(edit, other)));
    if (fresh.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    kept.push(fix);
    taken.push(...fresh);
  }
  return kept;
}
var same = (a, b) => a.start === b.start && a.end === b.end && a.text === b.text;
function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}
function applyFixes(source, fixes) {
  const edits = [];
  for (const fix of fixes) for (const edit of fix.edits) if (!edits.some((other) => same(edit, other))) edits.push(edit);
  return applyEdits(source, edits);
}
function verify(file, baseline, fixes, relint) {
  if (fixes.length === 0) return void 0;
  const fixed = applyFixes(file.source, fixes);
  const relinted = relint(fixed);
  if (!relinted || relinted.result.skippedReason !== void 0 || relinted.problems > baseline.problems) return void 0;
  const count = (result, rule) => result.findings.filter((finding) => finding.rule === rule).length;
  const rulesSeen = new Set([...baseline.result.findings, ...relinted.result.findings].map((finding) => finding.rule));
  const fixedKeys = findingKeys(fixes.map((fix) => fix.finding), file.source);
  for (const rule of rulesSeen) {
    const removed = [...fixedKeys].filter((key) => key.startsWith(`${rule}@`) && baseline.keys.has(key)).length;
    if (count(relinted.result, rule) > count(baseline.result, rule) - removed) return void 0;
  }
  return { fixed, after: () => remaining(file, baseline, relinted.result, fixes, fixed) };
}
function remaining(file, baseline, after, fixes, fixed) {
  const edits = fixes.flatMap((fix) => fix.edits).filter((edit, index, all) => all.findIndex((other) => same(edit, other)) === index);
  const still = findingKeys(after.findings, file.source, edits);
  const before = new LineIndex(file.source);
  const now = new LineIndex(fixed);
  const moved = (line, column, end) => {
    const position = now.position(toFixed(edits, before.lineStart(line) + column - 1, end));
    return position;
  };
  const findings = file.findings.filter((finding) => {
    const key = `${finding.rule}@${before.lineStart(finding.line) + finding.column - 1}`;
    return still.has(key) || !baseline.keys.has(key);
  }).map((finding) => {
    const start = moved(finding.line, finding.column, false);
    const end = moved(finding.endLine, finding.endColumn, true);
    return { ...finding, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
  return { ...file, findings, source: fixed };
}
function toFixed(edits, position, end) {
  let delta = 0;
  for (const edit of edits) {
    const before = edit.end < position || edit.end === position && (edit.start < position || !end);
    if (before) delta += edit.text.length - (edit.end - edit.start);
  }
  return position + delta;
}

// src/fixes/write-fixed-file.ts
var fs5 = __toESM(require("node:fs"));

// src/files/atomic-file.ts
var fs4 = __toESM(require("node:fs"));
var path4 = __toESM(require("node:path"));
var STALE_AFTER_MS = 24 * 3600 * 1e3;
function openOutputFile(target, options = {}) {
  if (isStream(target, options.replacePipes === true)) return streamFile(target);
  const folder = path4.dirname(target);
  fs4.mkdirSync(folder, { recursive: true });
  removeStaleTemporaries(target);
  const temporary = path4.join(folder, `.${path4.basename(target)}.${process.pid}.${randomSuffix()}.tmp`);
  const descriptor = fs4.openSync(temporary, fs4.constants.O_WRONLY | fs4.constants.O_CREAT | fs4.constants.O_EXCL, options.mode ?? 438);
  if (options.mode !== void 0) fs4.fchmodSync(descriptor, options.mode);
  let open = true;
  const close = () => {
    if (open) fs4.closeSync(descriptor);
    open = false;
  };
  return {
    write: (content) => writeAll(descriptor, content),
    commit() {
      close();
      fs4.renameSync(temporary, target);
    },
    abandon() {
      try {
        close();
      } finally {
        fs4.rmSync(temporary, { force: true });
      }
    }
  };
}
var randomSuffix = () => require("node:crypto").randomBytes(8).toString("hex");
function writeFileAtomically(target, content, options) {
  const file = openOutputFile(target, options);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abandon();
    throw error;
  }
}
function writeAll(descriptor, content) {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let written = 0;
  while (written < bytes.length) written += fs4.writeSync(descriptor, bytes, written);
}
function isStream(target, replacePipes) {
  if (process.platform !== "win32" && /^\/(dev|proc)\//.test(path4.resolve(target))) return true;
  try {
    const stats = fs4.lstatSync(target);
    return stats.isCharacterDevice() || stats.isBlockDevice() || !replacePipes && (stats.isFIFO() || stats.isSocket());
  } catch {
    return false;
  }
}
function streamFile(target) {
  const descriptor = fs4.openSync(target, "w");
  return {
    write: (content) => writeAll(descriptor, content),
    commit: () => fs4.closeSync(descriptor),
    abandon: () => fs4.closeSync(descriptor)
  };
}
function removeStaleTemporaries(target) {
  const folder = path4.dirname(target);
  const prefix = `.${path4.basename(target)}.`;
  let names;
  try {
    names = fs4.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{16}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const file = path4.join(folder, name);
    try {
      const stats = fs4.lstatSync(file);
      if (Date.now() - stats.mtimeMs > STALE_AFTER_MS || !isRunning(Number(match[1]))) fs4.rmSync(file, { force: true });
    } catch {
    }
  }
}
function isRunning(pid) {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/fixes/write-fixed-file.ts
function writeFixedFile(file, linted, fixed) {
  const stats = fs5.lstatSync(file);
  if (stats.isSymbolicLink()) throw new Error("it is a symbolic link (fix the file it points to)");
  if (!stats.isFile()) throw new Error("it is not a regular file");
  const bytes = fs5.readFileSync(file);
  const encoding = encodingOf(bytes);
  const text = decode(bytes, encoding);
  if (text !== linted) return "changed";
  writeFileAtomically(file, encode(fixed, encoding), { mode: stats.mode & 4095 });
  return "written";
}
function encodingOf(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return "utf16le";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf16be";
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf8-bom";
  return "utf8";
}
function decode(bytes, encoding) {
  switch (encoding) {
    case "utf16le":
      return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    case "utf16be":
      return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    case "utf8-bom":
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
    case "utf8":
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }
}
function encode(text, encoding) {
  switch (encoding) {
    case "utf16le":
      return Buffer.concat([Buffer.from([255, 254]), Buffer.from(text, "utf16le")]);
    case "utf16be":
      return Buffer.concat([Buffer.from([254, 255]), Buffer.from(text, "utf16le").swap16()]);
    case "utf8-bom":
      return Buffer.concat([Buffer.from([239, 187, 191]), Buffer.from(text, "utf8")]);
    case "utf8":
      return Buffer.from(text, "utf8");
  }
}

// src/reporters/reporter.ts
function plural(count, word2) {
  return `${count} ${word2}${count === 1 ? "" : "s"}`;
}

// src/cli/describe-error.ts
function describe(error) {
  const code = error.code;
  const messages = {
    ENOENT: "no such file (it may have been deleted during the run)",
    EACCES: "permission denied",
    EISDIR: "is a directory"
  };
  if (code && messages[code]) return messages[code];
  const message = error?.message;
  return typeof message === "string" ? message.split("\n")[0] : String(error);
}

// src/cli/fix-command.ts
var FixRun = class {
  constructor(mode, io, rules) {
    this.mode = mode;
    this.io = io;
    this.rules = rules;
  }
  mode;
  io;
  rules;
  pending = [];
  /** The file's fixes attached to its result, and the result to report (what remains after fixing, when fixing). */
  consider(result, relint, file) {
    if (!result.findings.some((finding) => finding.target)) return result;
    const fixes = fixFile(result, this.rules, relint);
    if (fixes.unchecked) {
      const count = fixes.unchecked === 1 ? "the fix of 1 finding" : `the fixes of ${fixes.unchecked} findings`;
      this.io.stderr.write(`migralint: note: ${result.file}: ${count} left out: the file is too large to check each fix by linting it again
`);
    }
    const withFixes = fixes.each.length > 0 ? { ...result, fixes: fixes.each } : result;
    if (this.mode === "report" || fixes.fixed === void 0 || !fixes.after || file === void 0) return withFixes;
    this.pending.push({ file, shownAs: result.file, before: result.source, after: fixes.fixed, fixed: fixes.applied.length });
    return { ...fixes.after, source: fixes.fixed };
  }
  /** `--fix`: writes the fixed files; false when one could not be written. `--fix-dry-run`: prints the diff. */
  finish() {
    if (this.mode === "dry-run") {
      const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require_libcjs();
      for (const { shownAs, before, after } of this.pending) {
        this.io.stdout.write(createTwoFilesPatch(`a/${shownAs}`, `b/${shownAs}`, before, after, "", "", { context: 3, headerOptions: FILE_HEADERS_ONLY }));
      }
      return true;
    }
    if (this.mode !== "fix") return true;
    let ok = true;
    let fixed = 0;
    let files = 0;
    for (const entry of this.pending) {
      try {
        const outcome = writeFixedFile(entry.file, entry.before, entry.after);
        if (outcome === "changed") {
          this.io.stderr.write(`migralint: not fixed: ${entry.shownAs} changed while it was linted
`);
          continue;
        }
        fixed += entry.fixed;
        files++;
      } catch (error) {
        ok = false;
        this.io.stderr.write(`migralint: cannot write the fixes to ${entry.shownAs}: ${describe(error)}
`);
      }
    }
    this.io.stderr.write(`migralint: fixed ${plural(fixed, "finding")} in ${plural(files, "file")}
`);
    return ok;
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  FixRun
});
