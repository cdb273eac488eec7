"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// node_modules/@lezer/common/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/@lezer/common/dist/index.cjs"(exports2) {
    "use strict";
    var DefaultBufferLength = 1024;
    var nextPropID = 0;
    var Range = class {
      constructor(from, to) {
        this.from = from;
        this.to = to;
      }
    };
    var NodeProp = class {
      /**
      Create a new node prop type.
      */
      constructor(config = {}) {
        this.id = nextPropID++;
        this.perNode = !!config.perNode;
        this.deserialize = config.deserialize || (() => {
          throw new Error("This node type doesn't define a deserialize function");
        });
        this.combine = config.combine || null;
      }
      /**
      This is meant to be used with
      [`NodeSet.extend`](#common.NodeSet.extend) or
      [`LRParser.configure`](#lr.ParserConfig.props) to compute
      prop values for each node type in the set. Takes a [match
      object](#common.NodeType^match) or function that returns undefined
      if the node type doesn't get this prop, and the prop's value if
      it does.
      */
      add(match) {
        if (this.perNode)
          throw new RangeError("Can't add per-node props to node types");
        if (typeof match != "function")
          match = NodeType.match(match);
        return (type2) => {
          let result = match(type2);
          return result === void 0 ? null : [this, result];
        };
      }
    };
    NodeProp.closedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
    NodeProp.openedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
    NodeProp.group = new NodeProp({ deserialize: (str) => str.split(" ") });
    NodeProp.isolate = new NodeProp({ deserialize: (value) => {
      if (value && value != "rtl" && value != "ltr" && value != "auto")
        throw new RangeError("Invalid value for isolate: " + value);
      return value || "auto";
    } });
    NodeProp.contextHash = new NodeProp({ perNode: true });
    NodeProp.lookAhead = new NodeProp({ perNode: true });
    NodeProp.mounted = new NodeProp({ perNode: true });
    var MountedTree = class {
      constructor(tree, overlay, parser, bracketed = false) {
        this.tree = tree;
        this.overlay = overlay;
        this.parser = parser;
        this.bracketed = bracketed;
      }
      /**
      @internal
      */
      static get(tree) {
        return tree && tree.props && tree.props[NodeProp.mounted.id];
      }
    };
    var noProps = /* @__PURE__ */ Object.create(null);
    var NodeType = class _NodeType {
      /**
      @internal
      */
      constructor(name, props, id, flags = 0) {
        this.name = name;
        this.props = props;
        this.id = id;
        this.flags = flags;
      }
      /**
      Define a node type.
      */
      static define(spec) {
        let props = spec.props && spec.props.length ? /* @__PURE__ */ Object.create(null) : noProps;
        let flags = (spec.top ? 1 : 0) | (spec.skipped ? 2 : 0) | (spec.error ? 4 : 0) | (spec.name == null ? 8 : 0);
        let type2 = new _NodeType(spec.name || "", props, spec.id, flags);
        if (spec.props)
          for (let src of spec.props) {
            if (!Array.isArray(src))
              src = src(type2);
            if (src) {
              if (src[0].perNode)
                throw new RangeError("Can't store a per-node prop on a node type");
              props[src[0].id] = src[1];
            }
          }
        return type2;
      }
      /**
      Retrieves a node prop for this type. Will return `undefined` if
      the prop isn't present on this node.
      */
      prop(prop) {
        return this.props[prop.id];
      }
      /**
      True when this is the top node of a grammar.
      */
      get isTop() {
        return (this.flags & 1) > 0;
      }
      /**
      True when this node is produced by a skip rule.
      */
      get isSkipped() {
        return (this.flags & 2) > 0;
      }
      /**
      Indicates whether this is an error node.
      */
      get isError() {
        return (this.flags & 4) > 0;
      }
      /**
      When true, this node type doesn't correspond to a user-declared
      named node, for example because it is used to cache repetition.
      */
      get isAnonymous() {
        return (this.flags & 8) > 0;
      }
      /**
      Returns true when this node's name or one of its
      [groups](#common.NodeProp^group) matches the given string.
      */
      is(name) {
        if (typeof name == "string") {
          if (this.name == name)
            return true;
          let group = this.prop(NodeProp.group);
          return group ? group.indexOf(name) > -1 : false;
        }
        return this.id == name;
      }
      /**
      Create a function from node types to arbitrary values by
      specifying an object whose property names are node or
      [group](#common.NodeProp^group) names. Often useful with
      [`NodeProp.add`](#common.NodeProp.add). You can put multiple
      names, separated by spaces, in a single property name to map
      multiple node names to a single value.
      */
      static match(map) {
        let direct = /* @__PURE__ */ Object.create(null);
        for (let prop in map)
          for (let name of prop.split(" "))
            direct[name] = map[prop];
        return (node) => {
          for (let groups = node.prop(NodeProp.group), i = -1; i < (groups ? groups.length : 0); i++) {
            let found = direct[i < 0 ? node.name : groups[i]];
            if (found)
              return found;
          }
        };
      }
    };
    NodeType.none = new NodeType(
      "",
      /* @__PURE__ */ Object.create(null),
      0,
      8
      /* NodeFlag.Anonymous */
    );
    var NodeSet = class _NodeSet {
      /**
      Create a set with the given types. The `id` property of each
      type should correspond to its position within the array.
      */
      constructor(types) {
        this.types = types;
        for (let i = 0; i < types.length; i++)
          if (types[i].id != i)
            throw new RangeError("Node type ids should correspond to array positions when creating a node set");
      }
      /**
      Create a copy of this set with some node properties added. The
      arguments to this method can be created with
      [`NodeProp.add`](#common.NodeProp.add).
      */
      extend(...props) {
        let newTypes = [];
        for (let type2 of this.types) {
          let newProps = null;
          for (let source of props) {
            let add = source(type2);
            if (add) {
              if (!newProps)
                newProps = Object.assign({}, type2.props);
              let value = add[1], prop = add[0];
              if (prop.combine && prop.id in newProps)
                value = prop.combine(newProps[prop.id], value);
              newProps[prop.id] = value;
            }
          }
          newTypes.push(newProps ? new NodeType(type2.name, newProps, type2.id, type2.flags) : type2);
        }
        return new _NodeSet(newTypes);
      }
    };
    var CachedNode = /* @__PURE__ */ new WeakMap();
    var CachedInnerNode = /* @__PURE__ */ new WeakMap();
    exports2.IterMode = void 0;
    (function(IterMode) {
      IterMode[IterMode["ExcludeBuffers"] = 1] = "ExcludeBuffers";
      IterMode[IterMode["IncludeAnonymous"] = 2] = "IncludeAnonymous";
      IterMode[IterMode["IgnoreMounts"] = 4] = "IgnoreMounts";
      IterMode[IterMode["IgnoreOverlays"] = 8] = "IgnoreOverlays";
      IterMode[IterMode["EnterBracketed"] = 16] = "EnterBracketed";
    })(exports2.IterMode || (exports2.IterMode = {}));
    var Tree = class _Tree {
      /**
      Construct a new tree. See also [`Tree.build`](#common.Tree^build).
      */
      constructor(type2, children, positions, length, props) {
        this.type = type2;
        this.children = children;
        this.positions = positions;
        this.length = length;
        this.props = null;
        if (props && props.length) {
          this.props = /* @__PURE__ */ Object.create(null);
          for (let [prop, value] of props)
            this.props[typeof prop == "number" ? prop : prop.id] = value;
        }
      }
      /**
      @internal
      */
      toString() {
        let mounted = MountedTree.get(this);
        if (mounted && !mounted.overlay)
          return mounted.tree.toString();
        let children = "";
        for (let ch of this.children) {
          let str = ch.toString();
          if (str) {
            if (children)
              children += ",";
            children += str;
          }
        }
        return !this.type.name ? children : (/\W/.test(this.type.name) && !this.type.isError ? JSON.stringify(this.type.name) : this.type.name) + (children.length ? "(" + children + ")" : "");
      }
      /**
      Get a [tree cursor](#common.TreeCursor) positioned at the top of
      the tree. Mode can be used to [control](#common.IterMode) which
      nodes the cursor visits.
      */
      cursor(mode = 0) {
        return new TreeCursor(this.topNode, mode);
      }
      /**
      Get a [tree cursor](#common.TreeCursor) pointing into this tree
      at the given position and side (see
      [`moveTo`](#common.TreeCursor.moveTo).
      */
      cursorAt(pos, side = 0, mode = 0) {
        let scope = CachedNode.get(this) || this.topNode;
        let cursor = new TreeCursor(scope);
        cursor.moveTo(pos, side);
        CachedNode.set(this, cursor._tree);
        return cursor;
      }
      /**
      Get a [syntax node](#common.SyntaxNode) object for the top of the
      tree.
      */
      get topNode() {
        return new TreeNode(this, 0, 0, null);
      }
      /**
      Get the [syntax node](#common.SyntaxNode) at the given position.
      If `side` is -1, this will move into nodes that end at the
      position. If 1, it'll move into nodes that start at the
      position. With 0, it'll only enter nodes that cover the position
      from both sides.
      
      Note that this will not enter
      [overlays](#common.MountedTree.overlay), and you often want
      [`resolveInner`](#common.Tree.resolveInner) instead.
      */
      resolve(pos, side = 0) {
        let node = resolveNode(CachedNode.get(this) || this.topNode, pos, side, false);
        CachedNode.set(this, node);
        return node;
      }
      /**
      Like [`resolve`](#common.Tree.resolve), but will enter
      [overlaid](#common.MountedTree.overlay) nodes, producing a syntax node
      pointing into the innermost overlaid tree at the given position
      (with parent links going through all parent structure, including
      the host trees).
      */
      resolveInner(pos, side = 0) {
        let node = resolveNode(CachedInnerNode.get(this) || this.topNode, pos, side, true);
        CachedInnerNode.set(this, node);
        return node;
      }
      /**
      In some situations, it can be useful to iterate through all
      nodes around a position, including those in overlays that don't
      directly cover the position. This method gives you an iterator
      that will produce all nodes, from small to big, around the given
      position.
      */
      resolveStack(pos, side = 0) {
        return stackIterator(this, pos, side);
      }
      /**
      Iterate over the tree and its children, calling `enter` for any
      node that touches the `from`/`to` region (if given) before
      running over such a node's children, and `leave` (if given) when
      leaving the node. When `enter` returns `false`, that node will
      not have its children iterated over (or `leave` called).
      */
      iterate(spec) {
        let { enter, leave, from = 0, to = this.length } = spec;
        let mode = spec.mode || 0, anon = (mode & exports2.IterMode.IncludeAnonymous) > 0;
        for (let c = this.cursor(mode | exports2.IterMode.IncludeAnonymous); ; ) {
          let entered = false;
          if (c.from <= to && c.to >= from && (!anon && c.type.isAnonymous || enter(c) !== false)) {
            if (c.firstChild())
              continue;
            entered = true;
          }
          for (; ; ) {
            if (entered && leave && (anon || !c.type.isAnonymous))
              leave(c);
            if (c.nextSibling())
              break;
            if (!c.parent())
              return;
            entered = true;
          }
        }
      }
      /**
      Get the value of the given [node prop](#common.NodeProp) for this
      node. Works with both per-node and per-type props.
      */
      prop(prop) {
        return !prop.perNode ? this.type.prop(prop) : this.props ? this.props[prop.id] : void 0;
      }
      /**
      Returns the node's [per-node props](#common.NodeProp.perNode) in a
      format that can be passed to the [`Tree`](#common.Tree)
      constructor.
      */
      get propValues() {
        let result = [];
        if (this.props)
          for (let id in this.props)
            result.push([+id, this.props[id]]);
        return result;
      }
      /**
      Balance the direct children of this tree, producing a copy of
      which may have children grouped into subtrees with type
      [`NodeType.none`](#common.NodeType^none).
      */
      balance(config = {}) {
        return this.children.length <= 8 ? this : balanceRange(NodeType.none, this.children, this.positions, 0, this.children.length, 0, this.length, (children, positions, length) => new _Tree(this.type, children, positions, length, this.propValues), config.makeTree || ((children, positions, length) => new _Tree(NodeType.none, children, positions, length)));
      }
      /**
      Build a tree from a postfix-ordered buffer of node information,
      or a cursor over such a buffer.
      */
      static build(data) {
        return buildTree(data);
      }
    };
    Tree.empty = new Tree(NodeType.none, [], [], 0);
    var FlatBufferCursor = class _FlatBufferCursor {
      constructor(buffer, index) {
        this.buffer = buffer;
        this.index = index;
      }
      get id() {
        return this.buffer[this.index - 4];
      }
      get start() {
        return this.buffer[this.index - 3];
      }
      get end() {
        return this.buffer[this.index - 2];
      }
      get size() {
        return this.buffer[this.index - 1];
      }
      get pos() {
        return this.index;
      }
      next() {
        this.index -= 4;
      }
      fork() {
        return new _FlatBufferCursor(this.buffer, this.index);
      }
    };
    var TreeBuffer = class _TreeBuffer {
      /**
      Create a tree buffer.
      */
      constructor(buffer, length, set) {
        this.buffer = buffer;
        this.length = length;
        this.set = set;
      }
      /**
      @internal
      */
      get type() {
        return NodeType.none;
      }
      /**
      @internal
      */
      toString() {
        let result = [];
        for (let index = 0; index < this.buffer.length; ) {
          result.push(this.childString(index));
          index = this.buffer[index + 3];
        }
        return result.join(",");
      }
      /**
      @internal
      */
      childString(index) {
        let id = this.buffer[index], endIndex = this.buffer[index + 3];
        let type2 = this.set.types[id], result = type2.name;
        if (/\W/.test(result) && !type2.isError)
          result = JSON.stringify(result);
        index += 4;
        if (endIndex == index)
          return result;
        let children = [];
        while (index < endIndex) {
          children.push(this.childString(index));
          index = this.buffer[index + 3];
        }
        return result + "(" + children.join(",") + ")";
      }
      /**
      @internal
      */
      findChild(startIndex, endIndex, dir, pos, side) {
        let { buffer } = this, pick = -1;
        for (let i = startIndex; i != endIndex; i = buffer[i + 3]) {
          if (checkSide(side, pos, buffer[i + 1], buffer[i + 2])) {
            pick = i;
            if (dir > 0)
              break;
          }
        }
        return pick;
      }
      /**
      @internal
      */
      slice(startI, endI, from) {
        let b = this.buffer;
        let copy = new Uint16Array(endI - startI), len = 0;
        for (let i = startI, j = 0; i < endI; ) {
          copy[j++] = b[i++];
          copy[j++] = b[i++] - from;
          let to = copy[j++] = b[i++] - from;
          copy[j++] = b[i++] - startI;
          len = Math.max(len, to);
        }
        return new _TreeBuffer(copy, len, this.set);
      }
    };
    function checkSide(side, pos, from, to) {
      switch (side) {
        case -2:
          return from < pos;
        case -1:
          return to >= pos && from < pos;
        case 0:
          return from < pos && to > pos;
        case 1:
          return from <= pos && to > pos;
        case 2:
          return to > pos;
        case 4:
          return true;
      }
    }
    function resolveNode(node, pos, side, overlays) {
      var _a;
      while (node.from == node.to || (side < 1 ? node.from >= pos : node.from > pos) || (side > -1 ? node.to <= pos : node.to < pos)) {
        let parent = !overlays && node instanceof TreeNode && node.index < 0 ? null : node.parent;
        if (!parent)
          return node;
        node = parent;
      }
      let mode = overlays ? 0 : exports2.IterMode.IgnoreOverlays;
      if (overlays)
        for (let scan = node, parent = scan.parent; parent; scan = parent, parent = scan.parent) {
          if (scan instanceof TreeNode && scan.index < 0 && ((_a = parent.enter(pos, side, mode)) === null || _a === void 0 ? void 0 : _a.from) != scan.from)
            node = parent;
        }
      for (; ; ) {
        let inner = node.enter(pos, side, mode);
        if (!inner)
          return node;
        node = inner;
      }
    }
    var BaseNode = class {
      cursor(mode = 0) {
        return new TreeCursor(this, mode);
      }
      getChild(type2, before = null, after = null) {
        let r = getChildren(this, type2, before, after);
        return r.length ? r[0] : null;
      }
      getChildren(type2, before = null, after = null) {
        return getChildren(this, type2, before, after);
      }
      resolve(pos, side = 0) {
        return resolveNode(this, pos, side, false);
      }
      resolveInner(pos, side = 0) {
        return resolveNode(this, pos, side, true);
      }
      matchContext(context) {
        return matchNodeContext(this.parent, context);
      }
      enterUnfinishedNodesBefore(pos) {
        let scan = this.childBefore(pos), node = this;
        while (scan) {
          let last = scan.lastChild;
          if (!last || last.to != scan.to)
            break;
          if (last.type.isError && last.from == last.to) {
            node = scan;
            scan = last.prevSibling;
          } else {
            scan = last;
          }
        }
        return node;
      }
      get node() {
        return this;
      }
      get next() {
        return this.parent;
      }
    };
    var TreeNode = class _TreeNode extends BaseNode {
      constructor(_tree, from, index, _parent) {
        super();
        this._tree = _tree;
        this.from = from;
        this.index = index;
        this._parent = _parent;
      }
      get type() {
        return this._tree.type;
      }
      get name() {
        return this._tree.type.name;
      }
      get to() {
        return this.from + this._tree.length;
      }
      nextChild(i, dir, pos, side, mode = 0) {
        for (let parent = this; ; ) {
          for (let { children, positions } = parent._tree, e = dir > 0 ? children.length : -1; i != e; i += dir) {
            let next = children[i], start = positions[i] + parent.from, mounted;
            if (!(mode & exports2.IterMode.EnterBracketed && next instanceof Tree && (mounted = MountedTree.get(next)) && !mounted.overlay && mounted.bracketed && pos >= start && pos <= start + next.length) && !checkSide(side, pos, start, start + next.length))
              continue;
            if (next instanceof TreeBuffer) {
              if (mode & exports2.IterMode.ExcludeBuffers)
                continue;
              let index = next.findChild(0, next.buffer.length, dir, pos - start, side);
              if (index > -1)
                return new BufferNode(new BufferContext(parent, next, i, start), null, index);
            } else if (mode & exports2.IterMode.IncludeAnonymous || (!next.type.isAnonymous || hasChild(next))) {
              let mounted2;
              if (!(mode & exports2.IterMode.IgnoreMounts) && (mounted2 = MountedTree.get(next)) && !mounted2.overlay)
                return new _TreeNode(mounted2.tree, start, i, parent);
              let inner = new _TreeNode(next, start, i, parent);
              return mode & exports2.IterMode.IncludeAnonymous || !inner.type.isAnonymous ? inner : inner.nextChild(dir < 0 ? next.children.length - 1 : 0, dir, pos, side, mode);
            }
          }
          if (mode & exports2.IterMode.IncludeAnonymous || !parent.type.isAnonymous)
            return null;
          if (parent.index >= 0)
            i = parent.index + dir;
          else
            i = dir < 0 ? -1 : parent._parent._tree.children.length;
          parent = parent._parent;
          if (!parent)
            return null;
        }
      }
      get firstChild() {
        return this.nextChild(
          0,
          1,
          0,
          4
          /* Side.DontCare */
        );
      }
      get lastChild() {
        return this.nextChild(
          this._tree.children.length - 1,
          -1,
          0,
          4
          /* Side.DontCare */
        );
      }
      childAfter(pos) {
        return this.nextChild(
          0,
          1,
          pos,
          2
          /* Side.After */
        );
      }
      childBefore(pos) {
        return this.nextChild(
          this._tree.children.length - 1,
          -1,
          pos,
          -2
          /* Side.Before */
        );
      }
      prop(prop) {
        return this._tree.prop(prop);
      }
      enter(pos, side, mode = 0) {
        let mounted;
        if (!(mode & exports2.IterMode.IgnoreOverlays) && (mounted = MountedTree.get(this._tree)) && mounted.overlay) {
          let rPos = pos - this.from, enterBracketed = mode & exports2.IterMode.EnterBracketed && mounted.bracketed;
          for (let { from, to } of mounted.overlay) {
            if ((side > 0 || enterBracketed ? from <= rPos : from < rPos) && (side < 0 || enterBracketed ? to >= rPos : to > rPos))
              return new _TreeNode(mounted.tree, mounted.overlay[0].from + this.from, -1, this);
          }
        }
        return this.nextChild(0, 1, pos, side, mode);
      }
      nextSignificantParent() {
        let val = this;
        while (val.type.isAnonymous && val._parent)
          val = val._parent;
        return val;
      }
      get parent() {
        return this._parent ? this._parent.nextSignificantParent() : null;
      }
      get nextSibling() {
        return this._parent && this.index >= 0 ? this._parent.nextChild(
          this.index + 1,
          1,
          0,
          4
          /* Side.DontCare */
        ) : null;
      }
      get prevSibling() {
        return this._parent && this.index >= 0 ? this._parent.nextChild(
          this.index - 1,
          -1,
          0,
          4
          /* Side.DontCare */
        ) : null;
      }
      get tree() {
        return this._tree;
      }
      toTree() {
        return this._tree;
      }
      /**
      @internal
      */
      toString() {
        return this._tree.toString();
      }
    };
    function getChildren(node, type2, before, after) {
      let cur = node.cursor(), result = [];
      if (!cur.firstChild())
        return result;
      if (before != null)
        for (let found = false; !found; ) {
          found = cur.type.is(before);
          if (!cur.nextSibling())
            return result;
        }
      for (; ; ) {
        if (after != null && cur.type.is(after))
          return result;
        if (cur.type.is(type2))
          result.push(cur.node);
        if (!cur.nextSibling())
          return after == null ? result : [];
      }
    }
    function matchNodeContext(node, context, i = context.length - 1) {
      for (let p = node; i >= 0; p = p.parent) {
        if (!p)
          return false;
        if (!p.type.isAnonymous) {
          if (context[i] && context[i] != p.name)
            return false;
          i--;
        }
      }
      return true;
    }
    var BufferContext = class {
      constructor(parent, buffer, index, start) {
        this.parent = parent;
        this.buffer = buffer;
        this.index = index;
        this.start = start;
      }
    };
    var BufferNode = class _BufferNode extends BaseNode {
      get name() {
        return this.type.name;
      }
      get from() {
        return this.context.start + this.context.buffer.buffer[this.index + 1];
      }
      get to() {
        return this.context.start + this.context.buffer.buffer[this.index + 2];
      }
      constructor(context, _parent, index) {
        super();
        this.context = context;
        this._parent = _parent;
        this.index = index;
        this.type = context.buffer.set.types[context.buffer.buffer[index]];
      }
      child(dir, pos, side) {
        let { buffer } = this.context;
        let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.context.start, side);
        return index < 0 ? null : new _BufferNode(this.context, this, index);
      }
      get firstChild() {
        return this.child(
          1,
          0,
          4
          /* Side.DontCare */
        );
      }
      get lastChild() {
        return this.child(
          -1,
          0,
          4
          /* Side.DontCare */
        );
      }
      childAfter(pos) {
        return this.child(
          1,
          pos,
          2
          /* Side.After */
        );
      }
      childBefore(pos) {
        return this.child(
          -1,
          pos,
          -2
          /* Side.Before */
        );
      }
      prop(prop) {
        return this.type.prop(prop);
      }
      enter(pos, side, mode = 0) {
        if (mode & exports2.IterMode.ExcludeBuffers)
          return null;
        let { buffer } = this.context;
        let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], side > 0 ? 1 : -1, pos - this.context.start, side);
        return index < 0 ? null : new _BufferNode(this.context, this, index);
      }
      get parent() {
        return this._parent || this.context.parent.nextSignificantParent();
      }
      externalSibling(dir) {
        return this._parent ? null : this.context.parent.nextChild(
          this.context.index + dir,
          dir,
          0,
          4
          /* Side.DontCare */
        );
      }
      get nextSibling() {
        let { buffer } = this.context;
        let after = buffer.buffer[this.index + 3];
        if (after < (this._parent ? buffer.buffer[this._parent.index + 3] : buffer.buffer.length))
          return new _BufferNode(this.context, this._parent, after);
        return this.externalSibling(1);
      }
      get prevSibling() {
        let { buffer } = this.context;
        let parentStart = this._parent ? this._parent.index + 4 : 0;
        if (this.index == parentStart)
          return this.externalSibling(-1);
        return new _BufferNode(this.context, this._parent, buffer.findChild(
          parentStart,
          this.index,
          -1,
          0,
          4
          /* Side.DontCare */
        ));
      }
      get tree() {
        return null;
      }
      toTree() {
        let children = [], positions = [];
        let { buffer } = this.context;
        let startI = this.index + 4, endI = buffer.buffer[this.index + 3];
        if (endI > startI) {
          let from = buffer.buffer[this.index + 1];
          children.push(buffer.slice(startI, endI, from));
          positions.push(0);
        }
        return new Tree(this.type, children, positions, this.to - this.from);
      }
      /**
      @internal
      */
      toString() {
        return this.context.buffer.childString(this.index);
      }
    };
    function iterStack(heads) {
      if (!heads.length)
        return null;
      let pick = 0, picked = heads[0];
      for (let i = 1; i < heads.length; i++) {
        let node = heads[i];
        if (node.from > picked.from || node.to < picked.to) {
          picked = node;
          pick = i;
        }
      }
      let next = picked instanceof TreeNode && picked.index < 0 ? null : picked.parent;
      let newHeads = heads.slice();
      if (next)
        newHeads[pick] = next;
      else
        newHeads.splice(pick, 1);
      return new StackIterator(newHeads, picked);
    }
    var StackIterator = class {
      constructor(heads, node) {
        this.heads = heads;
        this.node = node;
      }
      get next() {
        return iterStack(this.heads);
      }
    };
    function stackIterator(tree, pos, side) {
      let inner = tree.resolveInner(pos, side), layers = null;
      for (let scan = inner instanceof TreeNode ? inner : inner.context.parent; scan; scan = scan.parent) {
        if (scan.index < 0) {
          let parent = scan.parent;
          (layers || (layers = [inner])).push(parent.resolve(pos, side));
          scan = parent;
        } else {
          let mount = MountedTree.get(scan.tree);
          if (mount && mount.overlay && mount.overlay[0].from <= pos && mount.overlay[mount.overlay.length - 1].to >= pos) {
            let root = new TreeNode(mount.tree, mount.overlay[0].from + scan.from, -1, scan);
            (layers || (layers = [inner])).push(resolveNode(root, pos, side, false));
          }
        }
      }
      return layers ? iterStack(layers) : inner;
    }
    var TreeCursor = class {
      /**
      Shorthand for `.type.name`.
      */
      get name() {
        return this.type.name;
      }
      /**
      @internal
      */
      constructor(node, mode = 0) {
        this.buffer = null;
        this.stack = [];
        this.index = 0;
        this.bufferNode = null;
        this.mode = mode & ~exports2.IterMode.EnterBracketed;
        if (node instanceof TreeNode) {
          this.yieldNode(node);
        } else {
          this._tree = node.context.parent;
          this.buffer = node.context;
          for (let n = node._parent; n; n = n._parent)
            this.stack.unshift(n.index);
          this.bufferNode = node;
          this.yieldBuf(node.index);
        }
      }
      yieldNode(node) {
        if (!node)
          return false;
        this._tree = node;
        this.type = node.type;
        this.from = node.from;
        this.to = node.to;
        return true;
      }
      yieldBuf(index, type2) {
        this.index = index;
        let { start, buffer } = this.buffer;
        this.type = type2 || buffer.set.types[buffer.buffer[index]];
        this.from = start + buffer.buffer[index + 1];
        this.to = start + buffer.buffer[index + 2];
        return true;
      }
      /**
      @internal
      */
      yield(node) {
        if (!node)
          return false;
        if (node instanceof TreeNode) {
          this.buffer = null;
          return this.yieldNode(node);
        }
        this.buffer = node.context;
        return this.yieldBuf(node.index, node.type);
      }
      /**
      @internal
      */
      toString() {
        return this.buffer ? this.buffer.buffer.childString(this.index) : this._tree.toString();
      }
      /**
      @internal
      */
      enterChild(dir, pos, side) {
        if (!this.buffer)
          return this.yield(this._tree.nextChild(dir < 0 ? this._tree._tree.children.length - 1 : 0, dir, pos, side, this.mode));
        let { buffer } = this.buffer;
        let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.buffer.start, side);
        if (index < 0)
          return false;
        this.stack.push(this.index);
        return this.yieldBuf(index);
      }
      /**
      Move the cursor to this node's first child. When this returns
      false, the node has no child, and the cursor has not been moved.
      */
      firstChild() {
        return this.enterChild(
          1,
          0,
          4
          /* Side.DontCare */
        );
      }
      /**
      Move the cursor to this node's last child.
      */
      lastChild() {
        return this.enterChild(
          -1,
          0,
          4
          /* Side.DontCare */
        );
      }
      /**
      Move the cursor to the first child that ends after `pos`.
      */
      childAfter(pos) {
        return this.enterChild(
          1,
          pos,
          2
          /* Side.After */
        );
      }
      /**
      Move to the last child that starts before `pos`.
      */
      childBefore(pos) {
        return this.enterChild(
          -1,
          pos,
          -2
          /* Side.Before */
        );
      }
      /**
      Move the cursor to the child around `pos`. If side is -1 the
      child may end at that position, when 1 it may start there. This
      will also enter [overlaid](#common.MountedTree.overlay)
      [mounted](#common.NodeProp^mounted) trees unless `overlays` is
      set to false.
      */
      enter(pos, side, mode = this.mode) {
        if (!this.buffer)
          return this.yield(this._tree.enter(pos, side, mode));
        return mode & exports2.IterMode.ExcludeBuffers ? false : this.enterChild(1, pos, side);
      }
      /**
      Move to the node's parent node, if this isn't the top node.
      */
      parent() {
        if (!this.buffer)
          return this.yieldNode(this.mode & exports2.IterMode.IncludeAnonymous ? this._tree._parent : this._tree.parent);
        if (this.stack.length)
          return this.yieldBuf(this.stack.pop());
        let parent = this.mode & exports2.IterMode.IncludeAnonymous ? this.buffer.parent : this.buffer.parent.nextSignificantParent();
        this.buffer = null;
        return this.yieldNode(parent);
      }
      /**
      @internal
      */
      sibling(dir) {
        if (!this.buffer)
          return !this._tree._parent ? false : this.yield(this._tree.index < 0 ? null : this._tree._parent.nextChild(this._tree.index + dir, dir, 0, 4, this.mode));
        let { buffer } = this.buffer, d = this.stack.length - 1;
        if (dir < 0) {
          let parentStart = d < 0 ? 0 : this.stack[d] + 4;
          if (this.index != parentStart)
            return this.yieldBuf(buffer.findChild(
              parentStart,
              this.index,
              -1,
              0,
              4
              /* Side.DontCare */
            ));
        } else {
          let after = buffer.buffer[this.index + 3];
          if (after < (d < 0 ? buffer.buffer.length : buffer.buffer[this.stack[d] + 3]))
            return this.yieldBuf(after);
        }
        return d < 0 ? this.yield(this.buffer.parent.nextChild(this.buffer.index + dir, dir, 0, 4, this.mode)) : false;
      }
      /**
      Move to this node's next sibling, if any.
      */
      nextSibling() {
        return this.sibling(1);
      }
      /**
      Move to this node's previous sibling, if any.
      */
      prevSibling() {
        return this.sibling(-1);
      }
      atLastNode(dir) {
        let index, parent, { buffer } = this;
        if (buffer) {
          if (dir > 0) {
            if (this.index < buffer.buffer.buffer.length)
              return false;
          } else {
            for (let i = 0; i < this.index; i++)
              if (buffer.buffer.buffer[i + 3] < this.index)
                return false;
          }
          ({ index, parent } = buffer);
        } else {
          ({ index, _parent: parent } = this._tree);
        }
        for (; parent; { index, _parent: parent } = parent) {
          if (index > -1)
            for (let i = index + dir, e = dir < 0 ? -1 : parent._tree.children.length; i != e; i += dir) {
              let child = parent._tree.children[i];
              if (this.mode & exports2.IterMode.IncludeAnonymous || child instanceof TreeBuffer || !child.type.isAnonymous || hasChild(child))
                return false;
            }
        }
        return true;
      }
      move(dir, enter) {
        if (enter && this.enterChild(
          dir,
          0,
          4
          /* Side.DontCare */
        ))
          return true;
        for (; ; ) {
          if (this.sibling(dir))
            return true;
          if (this.atLastNode(dir) || !this.parent())
            return false;
        }
      }
      /**
      Move to the next node in a
      [pre-order](https://en.wikipedia.org/wiki/Tree_traversal#Pre-order,_NLR)
      traversal, going from a node to its first child or, if the
      current node is empty or `enter` is false, its next sibling or
      the next sibling of the first parent node that has one.
      */
      next(enter = true) {
        return this.move(1, enter);
      }
      /**
      Move to the next node in a last-to-first pre-order traversal. A
      node is followed by its last child or, if it has none, its
      previous sibling or the previous sibling of the first parent
      node that has one.
      */
      prev(enter = true) {
        return this.move(-1, enter);
      }
      /**
      Move the cursor to the innermost node that covers `pos`. If
      `side` is -1, it will enter nodes that end at `pos`. If it is 1,
      it will enter nodes that start at `pos`.
      */
      moveTo(pos, side = 0) {
        while (this.from == this.to || (side < 1 ? this.from >= pos : this.from > pos) || (side > -1 ? this.to <= pos : this.to < pos))
          if (!this.parent())
            break;
        while (this.enterChild(1, pos, side)) {
        }
        return this;
      }
      /**
      Get a [syntax node](#common.SyntaxNode) at the cursor's current
      position.
      */
      get node() {
        if (!this.buffer)
          return this._tree;
        let cache = this.bufferNode, result = null, depth = 0;
        if (cache && cache.context == this.buffer) {
          scan: for (let index = this.index, d = this.stack.length; d >= 0; ) {
            for (let c = cache; c; c = c._parent)
              if (c.index == index) {
                if (index == this.index)
                  return c;
                result = c;
                depth = d + 1;
                break scan;
              }
            index = this.stack[--d];
          }
        }
        for (let i = depth; i < this.stack.length; i++)
          result = new BufferNode(this.buffer, result, this.stack[i]);
        return this.bufferNode = new BufferNode(this.buffer, result, this.index);
      }
      /**
      Get the [tree](#common.Tree) that represents the current node, if
      any. Will return null when the node is in a [tree
      buffer](#common.TreeBuffer).
      */
      get tree() {
        return this.buffer ? null : this._tree._tree;
      }
      /**
      Iterate over the current node and all its descendants, calling
      `enter` when entering a node and `leave`, if given, when leaving
      one. When `enter` returns `false`, any children of that node are
      skipped, and `leave` isn't called for it.
      */
      iterate(enter, leave) {
        for (let depth = 0; ; ) {
          let mustLeave = false;
          if (this.type.isAnonymous || enter(this) !== false) {
            if (this.firstChild()) {
              depth++;
              continue;
            }
            if (!this.type.isAnonymous)
              mustLeave = true;
          }
          for (; ; ) {
            if (mustLeave && leave)
              leave(this);
            mustLeave = this.type.isAnonymous;
            if (!depth)
              return;
            if (this.nextSibling())
              break;
            this.parent();
            depth--;
            mustLeave = true;
          }
        }
      }
      /**
      Test whether the current node matches a given context—a sequence
      of direct parent node names. Empty strings in the context array
      are treated as wildcards.
      */
      matchContext(context) {
        if (!this.buffer)
          return matchNodeContext(this.node.parent, context);
        let { buffer } = this.buffer, { types } = buffer.set;
        for (let i = context.length - 1, d = this.stack.length - 1; i >= 0; d--) {
          if (d < 0)
            return matchNodeContext(this._tree, context, i);
          let type2 = types[buffer.buffer[this.stack[d]]];
          if (!type2.isAnonymous) {
            if (context[i] && context[i] != type2.name)
              return false;
            i--;
          }
        }
        return true;
      }
    };
    function hasChild(tree) {
      return tree.children.some((ch) => ch instanceof TreeBuffer || !ch.type.isAnonymous || hasChild(ch));
    }
    function buildTree(data) {
      var _a;
      let { buffer, nodeSet, maxBufferLength = DefaultBufferLength, reused = [], minRepeatType = nodeSet.types.length } = data;
      let cursor = Array.isArray(buffer) ? new FlatBufferCursor(buffer, buffer.length) : buffer;
      let types = nodeSet.types;
      let contextHash = 0, lookAhead = 0;
      function takeNode(parentStart, minPos, children2, positions2, inRepeat, depth) {
        let { id, start, end, size } = cursor;
        let lookAheadAtStart = lookAhead, contextAtStart = contextHash;
        if (size < 0) {
          cursor.next();
          if (size == -1) {
            let node2 = reused[id];
            children2.push(node2);
            positions2.push(start - parentStart);
            return;
          } else if (size == -3) {
            contextHash = id;
            return;
          } else if (size == -4) {
            lookAhead = id;
            return;
          } else {
            throw new RangeError(`Unrecognized record size: ${size}`);
          }
        }
        let type2 = types[id], node, buffer2;
        let startPos = start - parentStart;
        if (end - start <= maxBufferLength && (buffer2 = findBufferSize(cursor.pos - minPos, inRepeat))) {
          let data2 = new Uint16Array(buffer2.size - buffer2.skip);
          let endPos = cursor.pos - buffer2.size, index = data2.length;
          while (cursor.pos > endPos)
            index = copyToBuffer(buffer2.start, data2, index);
          node = new TreeBuffer(data2, end - buffer2.start, nodeSet);
          startPos = buffer2.start - parentStart;
        } else {
          let endPos = cursor.pos - size;
          cursor.next();
          let localChildren = [], localPositions = [];
          let localInRepeat = id >= minRepeatType ? id : -1;
          let lastGroup = 0, lastEnd = end, groupLookAhead = lookAheadAtStart;
          while (cursor.pos > endPos) {
            if (localInRepeat >= 0 && cursor.id == localInRepeat && cursor.size >= 0) {
              if (cursor.end <= lastEnd - maxBufferLength) {
                makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
                lastGroup = localChildren.length;
                lastEnd = cursor.end;
                groupLookAhead = lookAhead;
              }
              cursor.next();
            } else if (depth > 2500) {
              takeFlatNode(start, endPos, localChildren, localPositions);
            } else {
              if (localInRepeat >= 0 && cursor.size == -1 && reused[cursor.id].type == nodeSet.types[localInRepeat]) {
                if (lastGroup < localChildren.length)
                  makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
                lastGroup = localChildren.length + 1;
                lastEnd = cursor.start;
                groupLookAhead = lookAhead;
              }
              takeNode(start, endPos, localChildren, localPositions, localInRepeat, depth + 1);
            }
          }
          if (localInRepeat >= 0 && lastGroup > 0 && lastGroup < localChildren.length)
            makeRepeatLeaf(localChildren, localPositions, start, lastGroup, start, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
          localChildren.reverse();
          localPositions.reverse();
          if (localInRepeat > -1 && lastGroup > 0) {
            let make = makeBalanced(type2, contextAtStart);
            node = balanceRange(type2, localChildren, localPositions, 0, localChildren.length, 0, end - start, make, make);
          } else {
            node = makeTree(type2, localChildren, localPositions, end - start, lookAheadAtStart - end, contextAtStart);
          }
        }
        children2.push(node);
        positions2.push(startPos);
      }
      function takeFlatNode(parentStart, minPos, children2, positions2) {
        let nodes = [];
        let nodeCount = 0, stopAt = -1;
        while (cursor.pos > minPos) {
          let { id, start, end, size } = cursor;
          if (size > 4) {
            cursor.next();
          } else if (stopAt > -1 && start < stopAt) {
            break;
          } else {
            if (stopAt < 0)
              stopAt = end - maxBufferLength;
            nodes.push(id, start, end);
            nodeCount++;
            cursor.next();
          }
        }
        if (nodeCount) {
          let buffer2 = new Uint16Array(nodeCount * 4);
          let start = nodes[nodes.length - 2];
          for (let i = nodes.length - 3, j = 0; i >= 0; i -= 3) {
            buffer2[j++] = nodes[i];
            buffer2[j++] = nodes[i + 1] - start;
            buffer2[j++] = nodes[i + 2] - start;
            buffer2[j++] = j;
          }
          children2.push(new TreeBuffer(buffer2, nodes[2] - start, nodeSet));
          positions2.push(start - parentStart);
        }
      }
      function makeBalanced(type2, contextHash2) {
        return (children2, positions2, length2) => {
          let lookAhead2 = 0, lastI = children2.length - 1, last, lookAheadProp;
          if (lastI >= 0 && (last = children2[lastI]) instanceof Tree) {
            if (!lastI && last.type == type2 && last.length == length2)
              return last;
            if (lookAheadProp = last.prop(NodeProp.lookAhead))
              lookAhead2 = positions2[lastI] + last.length + lookAheadProp - length2;
          }
          return makeTree(type2, children2, positions2, length2, lookAhead2, contextHash2);
        };
      }
      function makeRepeatLeaf(children2, positions2, base, i, from, to, type2, lookAhead2, contextHash2) {
        let localChildren = [], localPositions = [];
        while (children2.length > i) {
          localChildren.push(children2.pop());
          localPositions.push(positions2.pop() + base - from);
        }
        children2.push(makeTree(nodeSet.types[type2], localChildren, localPositions, to - from, lookAhead2 - to, contextHash2));
        positions2.push(from - base);
      }
      function makeTree(type2, children2, positions2, length2, lookAhead2, contextHash2, props) {
        if (contextHash2) {
          let pair = [NodeProp.contextHash, contextHash2];
          props = props ? [pair].concat(props) : [pair];
        }
        if (lookAhead2 > 25) {
          let pair = [NodeProp.lookAhead, lookAhead2];
          props = props ? [pair].concat(props) : [pair];
        }
        return new Tree(type2, children2, positions2, length2, props);
      }
      function findBufferSize(maxSize, inRepeat) {
        let fork = cursor.fork();
        let size = 0, start = 0, skip = 0, minStart = fork.end - maxBufferLength;
        let result = { size: 0, start: 0, skip: 0 };
        scan: for (let minPos = fork.pos - maxSize; fork.pos > minPos; ) {
          let nodeSize2 = fork.size;
          if (fork.id == inRepeat && nodeSize2 >= 0) {
            result.size = size;
            result.start = start;
            result.skip = skip;
            skip += 4;
            size += 4;
            fork.next();
            continue;
          }
          let startPos = fork.pos - nodeSize2;
          if (nodeSize2 < 0 || startPos < minPos || fork.start < minStart)
            break;
          let localSkipped = fork.id >= minRepeatType ? 4 : 0;
          let nodeStart = fork.start;
          fork.next();
          while (fork.pos > startPos) {
            if (fork.size < 0) {
              if (fork.size == -3 || fork.size == -4)
                localSkipped += 4;
              else
                break scan;
            } else if (fork.id >= minRepeatType) {
              localSkipped += 4;
            }
            fork.next();
          }
          start = nodeStart;
          size += nodeSize2;
          skip += localSkipped;
        }
        if (inRepeat < 0 || size == maxSize) {
          result.size = size;
          result.start = start;
          result.skip = skip;
        }
        return result.size > 4 ? result : void 0;
      }
      function copyToBuffer(bufferStart, buffer2, index) {
        let { id, start, end, size } = cursor;
        cursor.next();
        if (size >= 0 && id < minRepeatType) {
          let startIndex = index;
          if (size > 4) {
            let endPos = cursor.pos - (size - 4);
            while (cursor.pos > endPos)
              index = copyToBuffer(bufferStart, buffer2, index);
          }
          buffer2[--index] = startIndex;
          buffer2[--index] = end - bufferStart;
          buffer2[--index] = start - bufferStart;
          buffer2[--index] = id;
        } else if (size == -3) {
          contextHash = id;
        } else if (size == -4) {
          lookAhead = id;
        }
        return index;
      }
      let children = [], positions = [];
      while (cursor.pos > 0)
        takeNode(data.start || 0, data.bufferStart || 0, children, positions, -1, 0);
      let length = (_a = data.length) !== null && _a !== void 0 ? _a : children.length ? positions[0] + children[0].length : 0;
      return new Tree(types[data.topID], children.reverse(), positions.reverse(), length);
    }
    var nodeSizeCache = /* @__PURE__ */ new WeakMap();
    function nodeSize(balanceType, node) {
      if (!balanceType.isAnonymous || node instanceof TreeBuffer || node.type != balanceType)
        return 1;
      let size = nodeSizeCache.get(node);
      if (size == null) {
        size = 1;
        for (let child of node.children) {
          if (child.type != balanceType || !(child instanceof Tree)) {
            size = 1;
            break;
          }
          size += nodeSize(balanceType, child);
        }
        nodeSizeCache.set(node, size);
      }
      return size;
    }
    function balanceRange(balanceType, children, positions, from, to, start, length, mkTop, mkTree) {
      let total = 0;
      for (let i = from; i < to; i++)
        total += nodeSize(balanceType, children[i]);
      let maxChild = Math.ceil(
        total * 1.5 / 8
        /* Balance.BranchFactor */
      );
      let localChildren = [], localPositions = [];
      function divide(children2, positions2, from2, to2, offset) {
        for (let i = from2; i < to2; ) {
          let groupFrom = i, groupStart = positions2[i], groupSize = nodeSize(balanceType, children2[i]);
          i++;
          for (; i < to2; i++) {
            let nextSize = nodeSize(balanceType, children2[i]);
            if (groupSize + nextSize >= maxChild)
              break;
            groupSize += nextSize;
          }
          if (i == groupFrom + 1) {
            if (groupSize > maxChild) {
              let only = children2[groupFrom];
              divide(only.children, only.positions, 0, only.children.length, positions2[groupFrom] + offset);
              continue;
            }
            localChildren.push(children2[groupFrom]);
          } else {
            let length2 = positions2[i - 1] + children2[i - 1].length - groupStart;
            localChildren.push(balanceRange(balanceType, children2, positions2, groupFrom, i, groupStart, length2, null, mkTree));
          }
          localPositions.push(groupStart + offset - start);
        }
      }
      divide(children, positions, from, to, 0);
      return (mkTop || mkTree)(localChildren, localPositions, length);
    }
    var NodeWeakMap = class {
      constructor() {
        this.map = /* @__PURE__ */ new WeakMap();
      }
      setBuffer(buffer, index, value) {
        let inner = this.map.get(buffer);
        if (!inner)
          this.map.set(buffer, inner = /* @__PURE__ */ new Map());
        inner.set(index, value);
      }
      getBuffer(buffer, index) {
        let inner = this.map.get(buffer);
        return inner && inner.get(index);
      }
      /**
      Set the value for this syntax node.
      */
      set(node, value) {
        if (node instanceof BufferNode)
          this.setBuffer(node.context.buffer, node.index, value);
        else if (node instanceof TreeNode)
          this.map.set(node.tree, value);
      }
      /**
      Retrieve value for this syntax node, if it exists in the map.
      */
      get(node) {
        return node instanceof BufferNode ? this.getBuffer(node.context.buffer, node.index) : node instanceof TreeNode ? this.map.get(node.tree) : void 0;
      }
      /**
      Set the value for the node that a cursor currently points to.
      */
      cursorSet(cursor, value) {
        if (cursor.buffer)
          this.setBuffer(cursor.buffer.buffer, cursor.index, value);
        else
          this.map.set(cursor.tree, value);
      }
      /**
      Retrieve the value for the node that a cursor currently points
      to.
      */
      cursorGet(cursor) {
        return cursor.buffer ? this.getBuffer(cursor.buffer.buffer, cursor.index) : this.map.get(cursor.tree);
      }
    };
    var TreeFragment = class _TreeFragment {
      /**
      Construct a tree fragment. You'll usually want to use
      [`addTree`](#common.TreeFragment^addTree) and
      [`applyChanges`](#common.TreeFragment^applyChanges) instead of
      calling this directly.
      */
      constructor(from, to, tree, offset, openStart = false, openEnd = false) {
        this.from = from;
        this.to = to;
        this.tree = tree;
        this.offset = offset;
        this.open = (openStart ? 1 : 0) | (openEnd ? 2 : 0);
      }
      /**
      Whether the start of the fragment represents the start of a
      parse, or the end of a change. (In the second case, it may not
      be safe to reuse some nodes at the start, depending on the
      parsing algorithm.)
      */
      get openStart() {
        return (this.open & 1) > 0;
      }
      /**
      Whether the end of the fragment represents the end of a
      full-document parse, or the start of a change.
      */
      get openEnd() {
        return (this.open & 2) > 0;
      }
      /**
      Create a set of fragments from a freshly parsed tree, or update
      an existing set of fragments by replacing the ones that overlap
      with a tree with content from the new tree. When `partial` is
      true, the parse is treated as incomplete, and the resulting
      fragment has [`openEnd`](#common.TreeFragment.openEnd) set to
      true.
      */
      static addTree(tree, fragments = [], partial = false) {
        let result = [new _TreeFragment(0, tree.length, tree, 0, false, partial)];
        for (let f of fragments)
          if (f.to > tree.length)
            result.push(f);
        return result;
      }
      /**
      Apply a set of edits to an array of fragments, removing or
      splitting fragments as necessary to remove edited ranges, and
      adjusting offsets for fragments that moved.
      */
      static applyChanges(fragments, changes, minGap = 128) {
        if (!changes.length)
          return fragments;
        let result = [];
        let fI = 1, nextF = fragments.length ? fragments[0] : null;
        for (let cI = 0, pos = 0, off = 0; ; cI++) {
          let nextC = cI < changes.length ? changes[cI] : null;
          let nextPos = nextC ? nextC.fromA : 1e9;
          if (nextPos - pos >= minGap)
            while (nextF && nextF.from < nextPos) {
              let cut = nextF;
              if (pos >= cut.from || nextPos <= cut.to || off) {
                let fFrom = Math.max(cut.from, pos) - off, fTo = Math.min(cut.to, nextPos) - off;
                cut = fFrom >= fTo ? null : new _TreeFragment(fFrom, fTo, cut.tree, cut.offset + off, cI > 0, !!nextC);
              }
              if (cut)
                result.push(cut);
              if (nextF.to > nextPos)
                break;
              nextF = fI < fragments.length ? fragments[fI++] : null;
            }
          if (!nextC)
            break;
          pos = nextC.toA;
          off = nextC.toA - nextC.toB;
        }
        return result;
      }
    };
    var Parser = class {
      /**
      Start a parse, returning a [partial parse](#common.PartialParse)
      object. [`fragments`](#common.TreeFragment) can be passed in to
      make the parse incremental.
      
      By default, the entire input is parsed. You can pass `ranges`,
      which should be a sorted array of non-empty, non-overlapping
      ranges, to parse only those ranges. The tree returned in that
      case will start at `ranges[0].from`.
      */
      startParse(input, fragments, ranges) {
        if (typeof input == "string")
          input = new StringInput(input);
        ranges = !ranges ? [new Range(0, input.length)] : ranges.length ? ranges.map((r) => new Range(r.from, r.to)) : [new Range(0, 0)];
        return this.createParse(input, fragments || [], ranges);
      }
      /**
      Run a full parse, returning the resulting tree.
      */
      parse(input, fragments, ranges) {
        let parse = this.startParse(input, fragments, ranges);
        for (; ; ) {
          let done = parse.advance();
          if (done)
            return done;
        }
      }
    };
    var StringInput = class {
      constructor(string) {
        this.string = string;
      }
      get length() {
        return this.string.length;
      }
      chunk(from) {
        return this.string.slice(from);
      }
      get lineChunks() {
        return false;
      }
      read(from, to) {
        return this.string.slice(from, to);
      }
    };
    function parseMixed(nest) {
      return (parse, input, fragments, ranges) => new MixedParse(parse, nest, input, fragments, ranges);
    }
    var InnerParse = class {
      constructor(parser, parse, overlay, bracketed, target, from) {
        this.parser = parser;
        this.parse = parse;
        this.overlay = overlay;
        this.bracketed = bracketed;
        this.target = target;
        this.from = from;
      }
    };
    function checkRanges(ranges) {
      if (!ranges.length || ranges.some((r) => r.from >= r.to))
        throw new RangeError("Invalid inner parse ranges given: " + JSON.stringify(ranges));
    }
    var ActiveOverlay = class {
      constructor(parser, predicate, mounts, index, start, bracketed, target, prev) {
        this.parser = parser;
        this.predicate = predicate;
        this.mounts = mounts;
        this.index = index;
        this.start = start;
        this.bracketed = bracketed;
        this.target = target;
        this.prev = prev;
        this.depth = 0;
        this.ranges = [];
      }
    };
    var stoppedInner = new NodeProp({ perNode: true });
    var MixedParse = class {
      constructor(base, nest, input, fragments, ranges) {
        this.nest = nest;
        this.input = input;
        this.fragments = fragments;
        this.ranges = ranges;
        this.inner = [];
        this.innerDone = 0;
        this.baseTree = null;
        this.stoppedAt = null;
        this.baseParse = base;
      }
      advance() {
        if (this.baseParse) {
          let done2 = this.baseParse.advance();
          if (!done2)
            return null;
          this.baseParse = null;
          this.baseTree = done2;
          this.startInner();
          if (this.stoppedAt != null)
            for (let inner2 of this.inner)
              inner2.parse.stopAt(this.stoppedAt);
        }
        if (this.innerDone == this.inner.length) {
          let result = this.baseTree;
          if (this.stoppedAt != null)
            result = new Tree(result.type, result.children, result.positions, result.length, result.propValues.concat([[stoppedInner, this.stoppedAt]]));
          return result;
        }
        let inner = this.inner[this.innerDone], done = inner.parse.advance();
        if (done) {
          this.innerDone++;
          let props = Object.assign(/* @__PURE__ */ Object.create(null), inner.target.props);
          props[NodeProp.mounted.id] = new MountedTree(done, inner.overlay, inner.parser, inner.bracketed);
          inner.target.props = props;
        }
        return null;
      }
      get parsedPos() {
        if (this.baseParse)
          return 0;
        let pos = this.input.length;
        for (let i = this.innerDone; i < this.inner.length; i++) {
          if (this.inner[i].from < pos)
            pos = Math.min(pos, this.inner[i].parse.parsedPos);
        }
        return pos;
      }
      stopAt(pos) {
        this.stoppedAt = pos;
        if (this.baseParse)
          this.baseParse.stopAt(pos);
        else
          for (let i = this.innerDone; i < this.inner.length; i++)
            this.inner[i].parse.stopAt(pos);
      }
      startInner() {
        let fragmentCursor = new FragmentCursor(this.fragments);
        let overlay = null;
        let covered = null;
        let cursor = new TreeCursor(new TreeNode(this.baseTree, this.ranges[0].from, 0, null), exports2.IterMode.IncludeAnonymous | exports2.IterMode.IgnoreMounts);
        scan: for (let nest, isCovered; ; ) {
          let enter = true, range;
          if (this.stoppedAt != null && cursor.from >= this.stoppedAt) {
            enter = false;
          } else if (fragmentCursor.hasNode(cursor)) {
            if (overlay) {
              let match = overlay.mounts.find((m) => m.frag.from <= cursor.from && m.frag.to >= cursor.to && m.mount.overlay);
              if (match)
                for (let r of match.mount.overlay) {
                  let from = r.from + match.pos, to = r.to + match.pos;
                  if (from >= cursor.from && to <= cursor.to && !overlay.ranges.some((r2) => r2.from < to && r2.to > from))
                    overlay.ranges.push({ from, to });
                }
            }
            enter = false;
          } else if (covered && (isCovered = checkCover(covered.ranges, cursor.from, cursor.to))) {
            enter = isCovered != 2;
          } else if (!cursor.type.isAnonymous && (nest = this.nest(cursor, this.input)) && (cursor.from < cursor.to || !nest.overlay)) {
            if (!cursor.tree) {
              materialize(cursor);
              if (overlay)
                overlay.depth++;
              if (covered)
                covered.depth++;
            }
            let oldMounts = fragmentCursor.findMounts(cursor.from, nest.parser);
            if (typeof nest.overlay == "function") {
              overlay = new ActiveOverlay(nest.parser, nest.overlay, oldMounts, this.inner.length, cursor.from, !!nest.bracketed, cursor.tree, overlay);
            } else {
              let ranges = punchRanges(this.ranges, nest.overlay || (cursor.from < cursor.to ? [new Range(cursor.from, cursor.to)] : []));
              if (ranges.length)
                checkRanges(ranges);
              if (ranges.length || !nest.overlay)
                this.inner.push(new InnerParse(nest.parser, ranges.length ? nest.parser.startParse(this.input, enterFragments(oldMounts, ranges), ranges) : nest.parser.startParse(""), nest.overlay ? nest.overlay.map((r) => new Range(r.from - cursor.from, r.to - cursor.from)) : null, !!nest.bracketed, cursor.tree, ranges.length ? ranges[0].from : cursor.from));
              if (!nest.overlay)
                enter = false;
              else if (ranges.length)
                covered = { ranges, depth: 0, prev: covered };
            }
          } else if (overlay && (range = overlay.predicate(cursor))) {
            if (range === true)
              range = new Range(cursor.from, cursor.to);
            if (range.from < range.to) {
              let last = overlay.ranges.length - 1;
              if (last >= 0 && overlay.ranges[last].to == range.from)
                overlay.ranges[last] = { from: overlay.ranges[last].from, to: range.to };
              else
                overlay.ranges.push(range);
            }
          }
          if (enter && cursor.firstChild()) {
            if (overlay)
              overlay.depth++;
            if (covered)
              covered.depth++;
          } else {
            for (; ; ) {
              if (cursor.nextSibling())
                break;
              if (!cursor.parent())
                break scan;
              if (overlay && !--overlay.depth) {
                let ranges = punchRanges(this.ranges, overlay.ranges);
                if (ranges.length) {
                  checkRanges(ranges);
                  this.inner.splice(overlay.index, 0, new InnerParse(overlay.parser, overlay.parser.startParse(this.input, enterFragments(overlay.mounts, ranges), ranges), overlay.ranges.map((r) => new Range(r.from - overlay.start, r.to - overlay.start)), overlay.bracketed, overlay.target, ranges[0].from));
                }
                overlay = overlay.prev;
              }
              if (covered && !--covered.depth)
                covered = covered.prev;
            }
          }
        }
      }
    };
    function checkCover(covered, from, to) {
      for (let range of covered) {
        if (range.from >= to)
          break;
        if (range.to > from)
          return range.from <= from && range.to >= to ? 2 : 1;
      }
      return 0;
    }
    function sliceBuf(buf, startI, endI, nodes, positions, off) {
      if (startI < endI) {
        let from = buf.buffer[startI + 1];
        nodes.push(buf.slice(startI, endI, from));
        positions.push(from - off);
      }
    }
    function materialize(cursor) {
      let { node } = cursor, stack = [];
      let buffer = node.context.buffer;
      do {
        stack.push(cursor.index);
        cursor.parent();
      } while (!cursor.tree);
      let base = cursor.tree, i = base.children.indexOf(buffer);
      let buf = base.children[i], b = buf.buffer, newStack = [i];
      function split(startI, endI, type2, innerOffset, length, stackPos) {
        let targetI = stack[stackPos];
        let children = [], positions = [];
        sliceBuf(buf, startI, targetI, children, positions, innerOffset);
        let from = b[targetI + 1], to = b[targetI + 2];
        newStack.push(children.length);
        let child = stackPos ? split(targetI + 4, b[targetI + 3], buf.set.types[b[targetI]], from, to - from, stackPos - 1) : node.toTree();
        children.push(child);
        positions.push(from - innerOffset);
        sliceBuf(buf, b[targetI + 3], endI, children, positions, innerOffset);
        return new Tree(type2, children, positions, length);
      }
      base.children[i] = split(0, b.length, NodeType.none, 0, buf.length, stack.length - 1);
      for (let index of newStack) {
        let tree = cursor.tree.children[index], pos = cursor.tree.positions[index];
        cursor.yield(new TreeNode(tree, pos + cursor.from, index, cursor._tree));
      }
    }
    var StructureCursor = class {
      constructor(root, offset) {
        this.offset = offset;
        this.done = false;
        this.cursor = root.cursor(exports2.IterMode.IncludeAnonymous | exports2.IterMode.IgnoreMounts | exports2.IterMode.ExcludeBuffers);
      }
      // Move to the first node (in pre-order) that starts at or after `pos`.
      moveTo(pos) {
        let { cursor } = this, p = pos - this.offset;
        while (!this.done && cursor.from < p) {
          if (cursor.to >= p && cursor.enter(p, 1, exports2.IterMode.IncludeAnonymous | exports2.IterMode.IgnoreMounts | exports2.IterMode.IgnoreOverlays | exports2.IterMode.ExcludeBuffers)) ;
          else if (cursor.to <= p) {
            if (!cursor.next(false))
              this.done = true;
          } else {
            break;
          }
        }
      }
      hasNode(cursor) {
        this.moveTo(cursor.from);
        if (!this.done && this.cursor.from + this.offset == cursor.from && this.cursor.tree) {
          for (let tree = this.cursor.tree; ; ) {
            if (tree == cursor.tree)
              return true;
            if (tree.children.length && tree.positions[0] == 0 && tree.children[0] instanceof Tree)
              tree = tree.children[0];
            else
              break;
          }
        }
        return false;
      }
    };
    function fragEnd(frag) {
      let stopped = frag.tree.prop(stoppedInner);
      return stopped == null ? frag.to : Math.min(frag.to, stopped - frag.offset);
    }
    var FragmentCursor = class {
      constructor(fragments) {
        this.fragments = fragments;
        this.curTo = 0;
        this.fragI = 0;
        if (fragments.length) {
          let first = this.curFrag = fragments[0];
          this.curTo = fragEnd(first);
          this.inner = new StructureCursor(first.tree, -first.offset);
        } else {
          this.curFrag = this.inner = null;
        }
      }
      hasNode(node) {
        while (this.curFrag && node.from >= this.curTo)
          this.nextFrag();
        return this.curFrag && this.curFrag.from <= node.from && this.curTo >= node.to && this.inner.hasNode(node);
      }
      nextFrag() {
        this.fragI++;
        if (this.fragI == this.fragments.length) {
          this.curFrag = this.inner = null;
        } else {
          let frag = this.curFrag = this.fragments[this.fragI];
          this.curTo = fragEnd(frag);
          this.inner = new StructureCursor(frag.tree, -frag.offset);
        }
      }
      findMounts(pos, parser) {
        var _a;
        let result = [];
        if (this.inner) {
          this.inner.cursor.moveTo(pos, 1);
          for (let pos2 = this.inner.cursor.node; pos2; pos2 = pos2.parent) {
            let mount = (_a = pos2.tree) === null || _a === void 0 ? void 0 : _a.prop(NodeProp.mounted);
            if (mount && mount.parser == parser) {
              for (let i = this.fragI; i < this.fragments.length; i++) {
                let frag = this.fragments[i];
                if (frag.from >= pos2.to)
                  break;
                if (frag.tree == this.curFrag.tree)
                  result.push({
                    frag,
                    pos: pos2.from - frag.offset,
                    mount
                  });
              }
            }
          }
        }
        return result;
      }
    };
    function punchRanges(outer, ranges) {
      let copy = null, current = ranges;
      for (let i = 1, j = 0; i < outer.length; i++) {
        let gapFrom = outer[i - 1].to, gapTo = outer[i].from;
        for (; j < current.length; j++) {
          let r = current[j];
          if (r.from >= gapTo)
            break;
          if (r.to <= gapFrom)
            continue;
          if (!copy)
            current = copy = ranges.slice();
          if (r.from < gapFrom) {
            copy[j] = new Range(r.from, gapFrom);
            if (r.to > gapTo)
              copy.splice(j + 1, 0, new Range(gapTo, r.to));
          } else if (r.to > gapTo) {
            copy[j--] = new Range(gapTo, r.to);
          } else {
            copy.splice(j--, 1);
          }
        }
      }
      return current;
    }
    function findCoverChanges(a, b, from, to) {
      let iA = 0, iB = 0, inA = false, inB = false, pos = -1e9;
      let result = [];
      for (; ; ) {
        let nextA = iA == a.length ? 1e9 : inA ? a[iA].to : a[iA].from;
        let nextB = iB == b.length ? 1e9 : inB ? b[iB].to : b[iB].from;
        if (inA != inB) {
          let start = Math.max(pos, from), end = Math.min(nextA, nextB, to);
          if (start < end)
            result.push(new Range(start, end));
        }
        pos = Math.min(nextA, nextB);
        if (pos == 1e9)
          break;
        if (nextA == pos) {
          if (!inA)
            inA = true;
          else {
            inA = false;
            iA++;
          }
        }
        if (nextB == pos) {
          if (!inB)
            inB = true;
          else {
            inB = false;
            iB++;
          }
        }
      }
      return result;
    }
    function enterFragments(mounts, ranges) {
      let result = [];
      for (let { pos, mount, frag } of mounts) {
        let startPos = pos + (mount.overlay ? mount.overlay[0].from : 0), endPos = startPos + mount.tree.length;
        let from = Math.max(frag.from, startPos), to = Math.min(frag.to, endPos);
        if (mount.overlay) {
          let overlay = mount.overlay.map((r) => new Range(r.from + pos, r.to + pos));
          let changes = findCoverChanges(ranges, overlay, from, to);
          for (let i = 0, pos2 = from; ; i++) {
            let last = i == changes.length, end = last ? to : changes[i].from;
            if (end > pos2)
              result.push(new TreeFragment(pos2, end, mount.tree, -startPos, frag.from >= pos2 || frag.openStart, frag.to <= end || frag.openEnd));
            if (last)
              break;
            pos2 = changes[i].to;
          }
        } else {
          result.push(new TreeFragment(from, to, mount.tree, -startPos, frag.from >= startPos || frag.openStart, frag.to <= endPos || frag.openEnd));
        }
      }
      return result;
    }
    exports2.DefaultBufferLength = DefaultBufferLength;
    exports2.MountedTree = MountedTree;
    exports2.NodeProp = NodeProp;
    exports2.NodeSet = NodeSet;
    exports2.NodeType = NodeType;
    exports2.NodeWeakMap = NodeWeakMap;
    exports2.Parser = Parser;
    exports2.Tree = Tree;
    exports2.TreeBuffer = TreeBuffer;
    exports2.TreeCursor = TreeCursor;
    exports2.TreeFragment = TreeFragment;
    exports2.parseMixed = parseMixed;
  }
});

// node_modules/@lezer/lr/dist/index.cjs
var require_dist2 = __commonJS({
  "node_modules/@lezer/lr/dist/index.cjs"(exports2) {
    "use strict";
    var common = require_dist();
    var Stack = class _Stack {
      /**
      @internal
      */
      constructor(p, stack, state, reducePos, pos, score, buffer, bufferBase, curContext, lookAhead = 0, parent) {
        this.p = p;
        this.stack = stack;
        this.state = state;
        this.reducePos = reducePos;
        this.pos = pos;
        this.score = score;
        this.buffer = buffer;
        this.bufferBase = bufferBase;
        this.curContext = curContext;
        this.lookAhead = lookAhead;
        this.parent = parent;
      }
      /**
      @internal
      */
      toString() {
        return `[${this.stack.filter((_, i) => i % 3 == 0).concat(this.state)}]@${this.pos}${this.score ? "!" + this.score : ""}`;
      }
      // Start an empty stack
      /**
      @internal
      */
      static start(p, state, pos = 0) {
        let cx = p.parser.context;
        return new _Stack(p, [], state, pos, pos, 0, [], 0, cx ? new StackContext(cx, cx.start) : null, 0, null);
      }
      /**
      The stack's current [context](#lr.ContextTracker) value, if
      any. Its type will depend on the context tracker's type
      parameter, or it will be `null` if there is no context
      tracker.
      */
      get context() {
        return this.curContext ? this.curContext.context : null;
      }
      // Push a state onto the stack, tracking its start position as well
      // as the buffer base at that point.
      /**
      @internal
      */
      pushState(state, start) {
        this.stack.push(this.state, start, this.bufferBase + this.buffer.length);
        this.state = state;
      }
      // Apply a reduce action
      /**
      @internal
      */
      reduce(action) {
        var _a;
        let depth = action >> 19, type2 = action & 65535;
        let { parser } = this.p;
        let lookaheadRecord = this.reducePos < this.pos - 25 && this.setLookAhead(this.pos);
        let dPrec = parser.dynamicPrecedence(type2);
        if (dPrec)
          this.score += dPrec;
        if (depth == 0) {
          if (type2 < parser.minRepeatTerm && this.reducePos < this.pos)
            this.reducePos = this.pos;
          this.pushState(parser.getGoto(this.state, type2, true), this.reducePos);
          if (type2 < parser.minRepeatTerm)
            this.storeNode(type2, this.reducePos, this.reducePos, lookaheadRecord ? 8 : 4, true);
          this.reduceContext(type2, this.reducePos);
          return;
        }
        let base = this.stack.length - (depth - 1) * 3 - (action & 262144 ? 6 : 0);
        let start = base ? this.stack[base - 2] : this.p.ranges[0].from;
        if (type2 < parser.minRepeatTerm && start == this.reducePos && this.reducePos < this.pos)
          this.reducePos = this.pos;
        let size = this.reducePos - start;
        if (size >= 2e3 && !((_a = this.p.parser.nodeSet.types[type2]) === null || _a === void 0 ? void 0 : _a.isAnonymous)) {
          if (start == this.p.lastBigReductionStart) {
            this.p.bigReductionCount++;
            this.p.lastBigReductionSize = size;
          } else if (this.p.lastBigReductionSize < size) {
            this.p.bigReductionCount = 1;
            this.p.lastBigReductionStart = start;
            this.p.lastBigReductionSize = size;
          }
        }
        let bufferBase = base ? this.stack[base - 1] : 0, count = this.bufferBase + this.buffer.length - bufferBase;
        if (type2 < parser.minRepeatTerm || action & 131072) {
          let pos = parser.stateFlag(
            this.state,
            1
            /* StateFlag.Skipped */
          ) ? this.pos : this.reducePos;
          this.storeNode(type2, start, pos, count + 4, true);
        }
        if (action & 262144) {
          this.state = this.stack[base];
        } else {
          let baseStateID = this.stack[base - 3];
          this.state = parser.getGoto(baseStateID, type2, true);
        }
        while (this.stack.length > base)
          this.stack.pop();
        this.reduceContext(type2, start);
      }
      // Shift a value into the buffer
      /**
      @internal
      */
      storeNode(term, start, end, size = 4, mustSink = false) {
        if (term == 0 && (!this.stack.length || this.stack[this.stack.length - 1] < this.buffer.length + this.bufferBase)) {
          let top = this.buffer.length;
          if (top > 0 && this.buffer[top - 4] == 0 && this.buffer[top - 1] > -1) {
            if (start == end)
              return;
            if (this.buffer[top - 2] >= start) {
              this.buffer[top - 2] = end;
              return;
            }
          }
        }
        if (!mustSink || this.pos == end) {
          this.buffer.push(term, start, end, size);
        } else {
          let index = this.buffer.length;
          if (index > 0 && (this.buffer[index - 4] != 0 || this.buffer[index - 1] < 0)) {
            let mustMove = false;
            for (let scan = index; scan > 0 && this.buffer[scan - 2] > end; scan -= 4) {
              if (this.buffer[scan - 1] >= 0) {
                mustMove = true;
                break;
              }
            }
            if (mustMove)
              while (index > 0 && this.buffer[index - 2] > end) {
                this.buffer[index] = this.buffer[index - 4];
                this.buffer[index + 1] = this.buffer[index - 3];
                this.buffer[index + 2] = this.buffer[index - 2];
                this.buffer[index + 3] = this.buffer[index - 1];
                index -= 4;
                if (size > 4)
                  size -= 4;
              }
          }
          this.buffer[index] = term;
          this.buffer[index + 1] = start;
          this.buffer[index + 2] = end;
          this.buffer[index + 3] = size;
        }
      }
      // Apply a shift action
      /**
      @internal
      */
      shift(action, type2, start, end) {
        if (action & 131072) {
          this.pushState(action & 65535, this.pos);
        } else if ((action & 262144) == 0) {
          let nextState = action, { parser } = this.p;
          this.pos = end;
          let skipped = parser.stateFlag(
            nextState,
            1
            /* StateFlag.Skipped */
          );
          if (!skipped && (end > start || type2 <= parser.maxNode))
            this.reducePos = end;
          this.pushState(nextState, skipped ? start : Math.min(start, this.reducePos));
          this.shiftContext(type2, start);
          if (type2 <= parser.maxNode)
            this.buffer.push(type2, start, end, 4);
        } else {
          this.pos = end;
          this.shiftContext(type2, start);
          if (type2 <= this.p.parser.maxNode)
            this.buffer.push(type2, start, end, 4);
        }
      }
      // Apply an action
      /**
      @internal
      */
      apply(action, next, nextStart, nextEnd) {
        if (action & 65536)
          this.reduce(action);
        else
          this.shift(action, next, nextStart, nextEnd);
      }
      // Add a prebuilt (reused) node into the buffer.
      /**
      @internal
      */
      useNode(value, next, start) {
        let index = this.p.reused.length - 1;
        if (index < 0 || this.p.reused[index] != value) {
          this.p.reused.push(value);
          index++;
        }
        let end = this.reducePos = this.pos = start + value.length;
        this.pushState(next, start);
        this.buffer.push(
          index,
          start,
          end,
          -1
          /* size == -1 means this is a reused value */
        );
        if (this.curContext)
          this.updateContext(this.curContext.tracker.reuse(this.curContext.context, value, this, this.p.stream.reset(this.pos - value.length)));
      }
      // Split the stack. Due to the buffer sharing and the fact
      // that `this.stack` tends to stay quite shallow, this isn't very
      // expensive.
      /**
      @internal
      */
      split() {
        let parent = this;
        let off = parent.buffer.length;
        if (off && parent.buffer[off - 4] == 0)
          off -= 4;
        while (off > 0 && parent.buffer[off - 2] > parent.reducePos)
          off -= 4;
        let buffer = parent.buffer.slice(off), base = parent.bufferBase + off;
        while (parent && base == parent.bufferBase)
          parent = parent.parent;
        return new _Stack(this.p, this.stack.slice(), this.state, this.reducePos, this.pos, this.score, buffer, base, this.curContext, this.lookAhead, parent);
      }
      // Try to recover from an error by 'deleting' (ignoring) one token.
      /**
      @internal
      */
      recoverByDelete(next, nextEnd) {
        let isNode = next <= this.p.parser.maxNode;
        if (isNode)
          this.storeNode(next, this.pos, nextEnd, 4);
        this.storeNode(0, this.pos, nextEnd, isNode ? 8 : 4);
        this.pos = this.reducePos = nextEnd;
        this.score -= 190;
      }
      /**
      Check if the given term would be able to be shifted (optionally
      after some reductions) on this stack. This can be useful for
      external tokenizers that want to make sure they only provide a
      given token when it applies.
      */
      canShift(term) {
        for (let sim = new SimulatedStack(this); ; ) {
          let action = this.p.parser.stateSlot(
            sim.state,
            4
            /* ParseState.DefaultReduce */
          ) || this.p.parser.hasAction(sim.state, term);
          if (action == 0)
            return false;
          if ((action & 65536) == 0)
            return true;
          sim.reduce(action);
        }
      }
      // Apply up to Recover.MaxNext recovery actions that conceptually
      // inserts some missing token or rule.
      /**
      @internal
      */
      recoverByInsert(next) {
        if (this.stack.length >= 300)
          return [];
        let nextStates = this.p.parser.nextStates(this.state);
        if (nextStates.length > 4 << 1 || this.stack.length >= 120) {
          let best = [];
          for (let i = 0, s; i < nextStates.length; i += 2) {
            if ((s = nextStates[i + 1]) != this.state && this.p.parser.hasAction(s, next))
              best.push(nextStates[i], s);
          }
          if (this.stack.length < 120)
            for (let i = 0; best.length < 4 << 1 && i < nextStates.length; i += 2) {
              let s = nextStates[i + 1];
              if (!best.some((v, i2) => i2 & 1 && v == s))
                best.push(nextStates[i], s);
            }
          nextStates = best;
        }
        let result = [];
        for (let i = 0; i < nextStates.length && result.length < 4; i += 2) {
          let s = nextStates[i + 1];
          if (s == this.state)
            continue;
          let stack = this.split();
          stack.pushState(s, this.pos);
          stack.storeNode(0, stack.pos, stack.pos, 4, true);
          stack.shiftContext(nextStates[i], this.pos);
          stack.reducePos = this.pos;
          stack.score -= 200;
          result.push(stack);
        }
        return result;
      }
      // Force a reduce, if possible. Return false if that can't
      // be done.
      /**
      @internal
      */
      forceReduce() {
        let { parser } = this.p;
        let reduce = parser.stateSlot(
          this.state,
          5
          /* ParseState.ForcedReduce */
        );
        if ((reduce & 65536) == 0)
          return false;
        if (!parser.validAction(this.state, reduce)) {
          let depth = reduce >> 19, term = reduce & 65535;
          let target = this.stack.length - depth * 3;
          if (target < 0 || parser.getGoto(this.stack[target], term, false) < 0) {
            let backup = this.findForcedReduction();
            if (backup == null)
              return false;
            reduce = backup;
          }
          this.storeNode(0, this.pos, this.pos, 4, true);
          this.score -= 100;
        }
        this.reducePos = this.pos;
        this.reduce(reduce);
        return true;
      }
      /**
      Try to scan through the automaton to find some kind of reduction
      that can be applied. Used when the regular ForcedReduce field
      isn't a valid action. @internal
      */
      findForcedReduction() {
        let { parser } = this.p, seen = [];
        let explore = (state, depth) => {
          if (seen.includes(state))
            return;
          seen.push(state);
          return parser.allActions(state, (action) => {
            if (action & (262144 | 131072)) ;
            else if (action & 65536) {
              let rDepth = (action >> 19) - depth;
              if (rDepth > 1) {
                let term = action & 65535, target = this.stack.length - rDepth * 3;
                if (target >= 0 && parser.getGoto(this.stack[target], term, false) >= 0)
                  return rDepth << 19 | 65536 | term;
              }
            } else {
              let found = explore(action, depth + 1);
              if (found != null)
                return found;
            }
          });
        };
        return explore(this.state, 0);
      }
      /**
      @internal
      */
      forceAll() {
        while (!this.p.parser.stateFlag(
          this.state,
          2
          /* StateFlag.Accepting */
        )) {
          if (!this.forceReduce()) {
            this.storeNode(0, this.pos, this.pos, 4, true);
            break;
          }
        }
        return this;
      }
      /**
      Check whether this state has no further actions (assumed to be a direct descendant of the
      top state, since any other states must be able to continue
      somehow). @internal
      */
      get deadEnd() {
        if (this.stack.length != 3)
          return false;
        let { parser } = this.p;
        return parser.data[parser.stateSlot(
          this.state,
          1
          /* ParseState.Actions */
        )] == 65535 && !parser.stateSlot(
          this.state,
          4
          /* ParseState.DefaultReduce */
        );
      }
      /**
      Restart the stack (put it back in its start state). Only safe
      when this.stack.length == 3 (state is directly below the top
      state). @internal
      */
      restart() {
        this.storeNode(0, this.pos, this.pos, 4, true);
        this.state = this.stack[0];
        this.stack.length = 0;
      }
      /**
      @internal
      */
      sameState(other3) {
        if (this.state != other3.state || this.stack.length != other3.stack.length)
          return false;
        for (let i = 0; i < this.stack.length; i += 3)
          if (this.stack[i] != other3.stack[i])
            return false;
        return true;
      }
      /**
      Get the parser used by this stack.
      */
      get parser() {
        return this.p.parser;
      }
      /**
      Test whether a given dialect (by numeric ID, as exported from
      the terms file) is enabled.
      */
      dialectEnabled(dialectID) {
        return this.p.parser.dialect.flags[dialectID];
      }
      shiftContext(term, start) {
        if (this.curContext)
          this.updateContext(this.curContext.tracker.shift(this.curContext.context, term, this, this.p.stream.reset(start)));
      }
      reduceContext(term, start) {
        if (this.curContext)
          this.updateContext(this.curContext.tracker.reduce(this.curContext.context, term, this, this.p.stream.reset(start)));
      }
      /**
      @internal
      */
      emitContext() {
        let last = this.buffer.length - 1;
        if (last < 0 || this.buffer[last] != -3)
          this.storeNode(this.curContext.hash, this.reducePos, this.reducePos, -3, true);
      }
      /**
      @internal
      */
      emitLookAhead() {
        let last = this.buffer.length - 1;
        if (last < 0 || this.buffer[last] != -4)
          this.buffer.push(this.lookAhead, this.pos, this.pos, -4);
      }
      updateContext(context) {
        if (context != this.curContext.context) {
          let newCx = new StackContext(this.curContext.tracker, context);
          if (newCx.hash != this.curContext.hash)
            this.emitContext();
          this.curContext = newCx;
        }
      }
      /**
      @internal
      */
      setLookAhead(lookAhead) {
        if (lookAhead <= this.lookAhead)
          return false;
        this.emitLookAhead();
        this.lookAhead = lookAhead;
        return true;
      }
      /**
      @internal
      */
      close() {
        if (this.curContext && this.curContext.tracker.strict)
          this.emitContext();
        if (this.lookAhead > 0)
          this.emitLookAhead();
      }
    };
    var StackContext = class {
      constructor(tracker, context) {
        this.tracker = tracker;
        this.context = context;
        this.hash = tracker.strict ? tracker.hash(context) : 0;
      }
    };
    var SimulatedStack = class {
      constructor(start) {
        this.start = start;
        this.state = start.state;
        this.stack = start.stack;
        this.base = this.stack.length;
      }
      reduce(action) {
        let term = action & 65535, depth = action >> 19;
        if (depth == 0) {
          if (this.stack == this.start.stack)
            this.stack = this.stack.slice();
          this.stack.push(this.state, 0, 0);
          this.base += 3;
        } else {
          this.base -= (depth - 1) * 3;
        }
        let goto = this.start.p.parser.getGoto(this.stack[this.base - 3], term, true);
        this.state = goto;
      }
    };
    var StackBufferCursor = class _StackBufferCursor {
      constructor(stack, pos, index) {
        this.stack = stack;
        this.pos = pos;
        this.index = index;
        this.buffer = stack.buffer;
        if (this.index == 0)
          this.maybeNext();
      }
      static create(stack, pos = stack.bufferBase + stack.buffer.length) {
        return new _StackBufferCursor(stack, pos, pos - stack.bufferBase);
      }
      maybeNext() {
        let next = this.stack.parent;
        if (next != null) {
          this.index = this.stack.bufferBase - next.bufferBase;
          this.stack = next;
          this.buffer = next.buffer;
        }
      }
      get id() {
        return this.buffer[this.index - 4];
      }
      get start() {
        return this.buffer[this.index - 3];
      }
      get end() {
        return this.buffer[this.index - 2];
      }
      get size() {
        return this.buffer[this.index - 1];
      }
      next() {
        this.index -= 4;
        this.pos -= 4;
        if (this.index == 0)
          this.maybeNext();
      }
      fork() {
        return new _StackBufferCursor(this.stack, this.pos, this.index);
      }
    };
    function decodeArray(input, Type = Uint16Array) {
      if (typeof input != "string")
        return input;
      let array = null;
      for (let pos = 0, out = 0; pos < input.length; ) {
        let value = 0;
        for (; ; ) {
          let next = input.charCodeAt(pos++), stop = false;
          if (next == 126) {
            value = 65535;
            break;
          }
          if (next >= 92)
            next--;
          if (next >= 34)
            next--;
          let digit = next - 32;
          if (digit >= 46) {
            digit -= 46;
            stop = true;
          }
          value += digit;
          if (stop)
            break;
          value *= 46;
        }
        if (array)
          array[out++] = value;
        else
          array = new Type(value);
      }
      return array;
    }
    var CachedToken = class {
      constructor() {
        this.start = -1;
        this.value = -1;
        this.end = -1;
        this.extended = -1;
        this.lookAhead = 0;
        this.mask = 0;
        this.context = 0;
      }
    };
    var nullToken = new CachedToken();
    var InputStream = class {
      /**
      @internal
      */
      constructor(input, ranges) {
        this.input = input;
        this.ranges = ranges;
        this.chunk = "";
        this.chunkOff = 0;
        this.chunk2 = "";
        this.chunk2Pos = 0;
        this.next = -1;
        this.token = nullToken;
        this.rangeIndex = 0;
        this.pos = this.chunkPos = ranges[0].from;
        this.range = ranges[0];
        this.end = ranges[ranges.length - 1].to;
        this.readNext();
      }
      /**
      @internal
      */
      resolveOffset(offset, assoc) {
        let range = this.range, index = this.rangeIndex;
        let pos = this.pos + offset;
        while (pos < range.from) {
          if (!index)
            return null;
          let next = this.ranges[--index];
          pos -= range.from - next.to;
          range = next;
        }
        while (assoc < 0 ? pos > range.to : pos >= range.to) {
          if (index == this.ranges.length - 1)
            return null;
          let next = this.ranges[++index];
          pos += next.from - range.to;
          range = next;
        }
        return pos;
      }
      /**
      @internal
      */
      clipPos(pos) {
        if (pos >= this.range.from && pos < this.range.to)
          return pos;
        for (let range of this.ranges)
          if (range.to > pos)
            return Math.max(pos, range.from);
        return this.end;
      }
      /**
      Look at a code unit near the stream position. `.peek(0)` equals
      `.next`, `.peek(-1)` gives you the previous character, and so
      on.
      
      Note that looking around during tokenizing creates dependencies
      on potentially far-away content, which may reduce the
      effectiveness incremental parsing—when looking forward—or even
      cause invalid reparses when looking backward more than 25 code
      units, since the library does not track lookbehind.
      */
      peek(offset) {
        let idx = this.chunkOff + offset, pos, result;
        if (idx >= 0 && idx < this.chunk.length) {
          pos = this.pos + offset;
          result = this.chunk.charCodeAt(idx);
        } else {
          let resolved = this.resolveOffset(offset, 1);
          if (resolved == null)
            return -1;
          pos = resolved;
          if (pos >= this.chunk2Pos && pos < this.chunk2Pos + this.chunk2.length) {
            result = this.chunk2.charCodeAt(pos - this.chunk2Pos);
          } else {
            let i = this.rangeIndex, range = this.range;
            while (range.to <= pos)
              range = this.ranges[++i];
            this.chunk2 = this.input.chunk(this.chunk2Pos = pos);
            if (pos + this.chunk2.length > range.to)
              this.chunk2 = this.chunk2.slice(0, range.to - pos);
            result = this.chunk2.charCodeAt(0);
          }
        }
        if (pos >= this.token.lookAhead)
          this.token.lookAhead = pos + 1;
        return result;
      }
      /**
      Accept a token. By default, the end of the token is set to the
      current stream position, but you can pass an offset (relative to
      the stream position) to change that.
      */
      acceptToken(token, endOffset = 0) {
        let end = endOffset ? this.resolveOffset(endOffset, -1) : this.pos;
        if (end == null || end < this.token.start)
          throw new RangeError("Token end out of bounds");
        this.token.value = token;
        this.token.end = end;
      }
      /**
      Accept a token ending at a specific given position.
      */
      acceptTokenTo(token, endPos) {
        this.token.value = token;
        this.token.end = endPos;
      }
      getChunk() {
        if (this.pos >= this.chunk2Pos && this.pos < this.chunk2Pos + this.chunk2.length) {
          let { chunk, chunkPos } = this;
          this.chunk = this.chunk2;
          this.chunkPos = this.chunk2Pos;
          this.chunk2 = chunk;
          this.chunk2Pos = chunkPos;
          this.chunkOff = this.pos - this.chunkPos;
        } else {
          this.chunk2 = this.chunk;
          this.chunk2Pos = this.chunkPos;
          let nextChunk = this.input.chunk(this.pos);
          let end = this.pos + nextChunk.length;
          this.chunk = end > this.range.to ? nextChunk.slice(0, this.range.to - this.pos) : nextChunk;
          this.chunkPos = this.pos;
          this.chunkOff = 0;
        }
      }
      readNext() {
        if (this.chunkOff >= this.chunk.length) {
          this.getChunk();
          if (this.chunkOff == this.chunk.length)
            return this.next = -1;
        }
        return this.next = this.chunk.charCodeAt(this.chunkOff);
      }
      /**
      Move the stream forward N (defaults to 1) code units. Returns
      the new value of [`next`](#lr.InputStream.next).
      */
      advance(n = 1) {
        this.chunkOff += n;
        while (this.pos + n >= this.range.to) {
          if (this.rangeIndex == this.ranges.length - 1)
            return this.setDone();
          n -= this.range.to - this.pos;
          this.range = this.ranges[++this.rangeIndex];
          this.pos = this.range.from;
        }
        this.pos += n;
        if (this.pos >= this.token.lookAhead)
          this.token.lookAhead = this.pos + 1;
        return this.readNext();
      }
      setDone() {
        this.pos = this.chunkPos = this.end;
        this.range = this.ranges[this.rangeIndex = this.ranges.length - 1];
        this.chunk = "";
        return this.next = -1;
      }
      /**
      @internal
      */
      reset(pos, token) {
        if (token) {
          this.token = token;
          token.start = pos;
          token.lookAhead = pos + 1;
          token.value = token.extended = -1;
        } else {
          this.token = nullToken;
        }
        if (this.pos != pos) {
          this.pos = pos;
          if (pos == this.end) {
            this.setDone();
            return this;
          }
          while (pos < this.range.from)
            this.range = this.ranges[--this.rangeIndex];
          while (pos >= this.range.to)
            this.range = this.ranges[++this.rangeIndex];
          if (pos >= this.chunkPos && pos < this.chunkPos + this.chunk.length) {
            this.chunkOff = pos - this.chunkPos;
          } else {
            this.chunk = "";
            this.chunkOff = 0;
          }
          this.readNext();
        }
        return this;
      }
      /**
      @internal
      */
      read(from, to) {
        if (from >= this.chunkPos && to <= this.chunkPos + this.chunk.length)
          return this.chunk.slice(from - this.chunkPos, to - this.chunkPos);
        if (from >= this.chunk2Pos && to <= this.chunk2Pos + this.chunk2.length)
          return this.chunk2.slice(from - this.chunk2Pos, to - this.chunk2Pos);
        if (from >= this.range.from && to <= this.range.to)
          return this.input.read(from, to);
        let result = "";
        for (let r of this.ranges) {
          if (r.from >= to)
            break;
          if (r.to > from)
            result += this.input.read(Math.max(r.from, from), Math.min(r.to, to));
        }
        return result;
      }
    };
    var TokenGroup = class {
      constructor(data, id2) {
        this.data = data;
        this.id = id2;
      }
      token(input, stack) {
        let { parser } = stack.p;
        readToken(this.data, input, stack, this.id, parser.data, parser.tokenPrecTable);
      }
    };
    TokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
    var LocalTokenGroup = class {
      constructor(data, precTable, elseToken) {
        this.precTable = precTable;
        this.elseToken = elseToken;
        this.data = typeof data == "string" ? decodeArray(data) : data;
      }
      token(input, stack) {
        let start = input.pos, skipped = 0;
        for (; ; ) {
          let atEof = input.next < 0, nextPos = input.resolveOffset(1, 1);
          readToken(this.data, input, stack, 0, this.data, this.precTable);
          if (input.token.value > -1)
            break;
          if (this.elseToken == null)
            return;
          if (!atEof)
            skipped++;
          if (nextPos == null)
            break;
          input.reset(nextPos, input.token);
        }
        if (skipped) {
          input.reset(start, input.token);
          input.acceptToken(this.elseToken, skipped);
        }
      }
    };
    LocalTokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
    var ExternalTokenizer = class {
      /**
      Create a tokenizer. The first argument is the function that,
      given an input stream, scans for the types of tokens it
      recognizes at the stream's position, and calls
      [`acceptToken`](#lr.InputStream.acceptToken) when it finds
      one.
      */
      constructor(token, options = {}) {
        this.token = token;
        this.contextual = !!options.contextual;
        this.fallback = !!options.fallback;
        this.extend = !!options.extend;
      }
    };
    function readToken(data, input, stack, group, precTable, precOffset) {
      let state = 0, groupMask = 1 << group, { dialect } = stack.p.parser;
      scan: for (; ; ) {
        if ((groupMask & data[state]) == 0)
          break;
        let accEnd = data[state + 1];
        for (let i = state + 3; i < accEnd; i += 2)
          if ((data[i + 1] & groupMask) > 0) {
            let term = data[i];
            if (dialect.allows(term) && (input.token.value == -1 || input.token.value == term || overrides(term, input.token.value, precTable, precOffset))) {
              input.acceptToken(term);
              break;
            }
          }
        let next = input.next, low = 0, high = data[state + 2];
        if (input.next < 0 && high > low && data[accEnd + high * 3 - 3] == 65535) {
          state = data[accEnd + high * 3 - 1];
          continue scan;
        }
        for (; low < high; ) {
          let mid = low + high >> 1;
          let index = accEnd + mid + (mid << 1);
          let from = data[index], to = data[index + 1] || 65536;
          if (next < from)
            high = mid;
          else if (next >= to)
            low = mid + 1;
          else {
            state = data[index + 2];
            input.advance();
            continue scan;
          }
        }
        break;
      }
    }
    function findOffset(data, start, term) {
      for (let i = start, next; (next = data[i]) != 65535; i++)
        if (next == term)
          return i - start;
      return -1;
    }
    function overrides(token, prev, tableData, tableOffset) {
      let iPrev = findOffset(tableData, tableOffset, prev);
      return iPrev < 0 || findOffset(tableData, tableOffset, token) < iPrev;
    }
    var verbose = typeof process != "undefined" && process.env && /\bparse\b/.test(process.env.LOG);
    var stackIDs = null;
    function cutAt(tree, pos, side) {
      let cursor = tree.cursor(common.IterMode.IncludeAnonymous);
      cursor.moveTo(pos);
      for (; ; ) {
        if (!(side < 0 ? cursor.childBefore(pos) : cursor.childAfter(pos)))
          for (; ; ) {
            if ((side < 0 ? cursor.to < pos : cursor.from > pos) && !cursor.type.isError)
              return side < 0 ? Math.max(0, Math.min(
                cursor.to - 1,
                pos - 25
                /* Lookahead.Margin */
              )) : Math.min(tree.length, Math.max(
                cursor.from + 1,
                pos + 25
                /* Lookahead.Margin */
              ));
            if (side < 0 ? cursor.prevSibling() : cursor.nextSibling())
              break;
            if (!cursor.parent())
              return side < 0 ? 0 : tree.length;
          }
      }
    }
    var FragmentCursor = class {
      constructor(fragments, minRepeat) {
        this.fragments = fragments;
        this.minRepeat = minRepeat;
        this.i = 0;
        this.fragment = null;
        this.safeFrom = -1;
        this.safeTo = -1;
        this.trees = [];
        this.start = [];
        this.index = [];
        this.lastRepeat = null;
        this.lastRepeatPos = -1;
        this.nextFragment();
      }
      nextFragment() {
        let fr = this.fragment = this.i == this.fragments.length ? null : this.fragments[this.i++];
        if (fr) {
          this.safeFrom = fr.openStart ? cutAt(fr.tree, fr.from + fr.offset, 1) - fr.offset : fr.from;
          this.safeTo = fr.openEnd ? cutAt(fr.tree, fr.to + fr.offset, -1) - fr.offset : fr.to;
          while (this.trees.length) {
            this.trees.pop();
            this.start.pop();
            this.index.pop();
          }
          this.trees.push(fr.tree);
          this.start.push(-fr.offset);
          this.index.push(0);
          this.nextStart = this.safeFrom;
        } else {
          this.nextStart = 1e9;
        }
      }
      // `pos` must be >= any previously given `pos` for this cursor
      nodeAt(pos) {
        if (pos < this.nextStart)
          return null;
        while (this.fragment && this.safeTo <= pos)
          this.nextFragment();
        if (!this.fragment)
          return null;
        for (; ; ) {
          let last = this.trees.length - 1;
          if (last < 0) {
            this.nextFragment();
            return null;
          }
          if (pos < this.safeFrom)
            return null;
          let top = this.trees[last], index = this.index[last];
          if (index == top.children.length) {
            this.trees.pop();
            this.start.pop();
            this.index.pop();
            continue;
          }
          let next = top.children[index];
          let start = this.start[last] + top.positions[index];
          if (start > pos) {
            this.nextStart = start;
            return null;
          }
          if (next instanceof common.Tree) {
            let storeRepeat = start > this.lastRepeatPos && next.type.id >= this.minRepeat;
            if (start == pos || storeRepeat) {
              let end = start + next.length, lookahead;
              if (start >= this.safeFrom && end <= this.safeTo && (!(lookahead = next.prop(common.NodeProp.lookAhead)) || end + lookahead < this.fragment.to)) {
                if (storeRepeat) {
                  this.lastRepeat = next;
                  this.lastRepeatPos = start;
                }
                if (start == pos)
                  return next;
              }
            }
            this.index[last]++;
            if (start + next.length >= Math.max(this.safeFrom, pos)) {
              this.trees.push(next);
              this.start.push(start);
              this.index.push(0);
            }
          } else {
            this.index[last]++;
            this.nextStart = start + next.length;
          }
        }
      }
    };
    var TokenCache = class {
      constructor(parser, stream) {
        this.stream = stream;
        this.tokens = [];
        this.mainToken = null;
        this.actions = [];
        this.tokens = parser.tokenizers.map((_) => new CachedToken());
      }
      getActions(stack) {
        let actionIndex = 0;
        let main = null;
        let { parser } = stack.p, { tokenizers } = parser;
        let mask = parser.stateSlot(
          stack.state,
          3
          /* ParseState.TokenizerMask */
        );
        let context = stack.curContext ? stack.curContext.hash : 0;
        let lookAhead = 0;
        for (let i = 0; i < tokenizers.length; i++) {
          if ((1 << i & mask) == 0)
            continue;
          let tokenizer = tokenizers[i], token = this.tokens[i];
          if (main && !tokenizer.fallback)
            continue;
          if (tokenizer.contextual || token.start != stack.pos || token.mask != mask || token.context != context) {
            this.updateCachedToken(token, tokenizer, stack);
            token.mask = mask;
            token.context = context;
          }
          if (token.lookAhead > token.end + 25)
            lookAhead = Math.max(token.lookAhead, lookAhead);
          if (token.value != 0) {
            let startIndex = actionIndex;
            if (token.extended > -1)
              actionIndex = this.addActions(stack, token.extended, token.end, actionIndex);
            actionIndex = this.addActions(stack, token.value, token.end, actionIndex);
            if (!tokenizer.extend) {
              main = token;
              if (actionIndex > startIndex)
                break;
            }
          }
        }
        while (this.actions.length > actionIndex)
          this.actions.pop();
        if (lookAhead)
          stack.setLookAhead(lookAhead);
        if (!main && stack.pos == this.stream.end) {
          main = new CachedToken();
          main.value = stack.p.parser.eofTerm;
          main.start = main.end = stack.pos;
          actionIndex = this.addActions(stack, main.value, main.end, actionIndex);
        }
        this.mainToken = main;
        return this.actions;
      }
      getMainToken(stack) {
        if (this.mainToken)
          return this.mainToken;
        let main = new CachedToken(), { pos, p } = stack;
        main.start = pos;
        main.end = Math.min(pos + 1, p.stream.end);
        main.value = pos == p.stream.end ? p.parser.eofTerm : 0;
        return main;
      }
      updateCachedToken(token, tokenizer, stack) {
        let start = this.stream.clipPos(stack.pos);
        tokenizer.token(this.stream.reset(start, token), stack);
        if (token.value > -1) {
          let { parser } = stack.p;
          for (let i = 0; i < parser.specialized.length; i++)
            if (parser.specialized[i] == token.value) {
              let result = parser.specializers[i](this.stream.read(token.start, token.end), stack);
              if (result >= 0 && stack.p.parser.dialect.allows(result >> 1)) {
                if ((result & 1) == 0)
                  token.value = result >> 1;
                else
                  token.extended = result >> 1;
                break;
              }
            }
        } else {
          token.value = 0;
          token.end = this.stream.clipPos(start + 1);
        }
      }
      putAction(action, token, end, index) {
        for (let i = 0; i < index; i += 3)
          if (this.actions[i] == action)
            return index;
        this.actions[index++] = action;
        this.actions[index++] = token;
        this.actions[index++] = end;
        return index;
      }
      addActions(stack, token, end, index) {
        let { state } = stack, { parser } = stack.p, { data } = parser;
        for (let set = 0; set < 2; set++) {
          for (let i = parser.stateSlot(
            state,
            set ? 2 : 1
            /* ParseState.Actions */
          ); ; i += 3) {
            if (data[i] == 65535) {
              if (data[i + 1] == 1) {
                i = pair(data, i + 2);
              } else {
                if (index == 0 && data[i + 1] == 2)
                  index = this.putAction(pair(data, i + 2), token, end, index);
                break;
              }
            }
            if (data[i] == token)
              index = this.putAction(pair(data, i + 1), token, end, index);
          }
        }
        return index;
      }
    };
    var Parse = class {
      constructor(parser, input, fragments, ranges) {
        this.parser = parser;
        this.input = input;
        this.ranges = ranges;
        this.recovering = 0;
        this.nextStackID = 9812;
        this.minStackPos = 0;
        this.reused = [];
        this.stoppedAt = null;
        this.lastBigReductionStart = -1;
        this.lastBigReductionSize = 0;
        this.bigReductionCount = 0;
        this.stream = new InputStream(input, ranges);
        this.tokens = new TokenCache(parser, this.stream);
        this.topTerm = parser.top[1];
        let { from } = ranges[0];
        this.stacks = [Stack.start(this, parser.top[0], from)];
        this.fragments = fragments.length && this.stream.end - from > parser.bufferLength * 4 ? new FragmentCursor(fragments, parser.minRepeatTerm) : null;
      }
      get parsedPos() {
        return this.minStackPos;
      }
      // Move the parser forward. This will process all parse stacks at
      // `this.pos` and try to advance them to a further position. If no
      // stack for such a position is found, it'll start error-recovery.
      //
      // When the parse is finished, this will return a syntax tree. When
      // not, it returns `null`.
      advance() {
        let stacks = this.stacks, pos = this.minStackPos;
        let newStacks = this.stacks = [];
        let stopped, stoppedTokens;
        if (this.bigReductionCount > 300 && stacks.length == 1) {
          let [s] = stacks;
          while (s.forceReduce() && s.stack.length && s.stack[s.stack.length - 2] >= this.lastBigReductionStart) {
          }
          this.bigReductionCount = this.lastBigReductionSize = 0;
        }
        for (let i = 0; i < stacks.length; i++) {
          let stack = stacks[i];
          for (; ; ) {
            this.tokens.mainToken = null;
            if (stack.pos > pos) {
              newStacks.push(stack);
            } else if (this.advanceStack(stack, newStacks, stacks)) {
              continue;
            } else {
              if (!stopped) {
                stopped = [];
                stoppedTokens = [];
              }
              stopped.push(stack);
              let tok = this.tokens.getMainToken(stack);
              stoppedTokens.push(tok.value, tok.end);
            }
            break;
          }
        }
        if (!newStacks.length) {
          let finished = stopped && findFinished(stopped);
          if (finished) {
            if (verbose)
              console.log("Finish with " + this.stackID(finished));
            return this.stackToTree(finished);
          }
          if (this.parser.strict) {
            if (verbose && stopped)
              console.log("Stuck with token " + (this.tokens.mainToken ? this.parser.getName(this.tokens.mainToken.value) : "none"));
            throw new SyntaxError("No parse at " + pos);
          }
          if (!this.recovering)
            this.recovering = 5;
        }
        if (this.recovering && stopped) {
          let finished = this.stoppedAt != null && stopped[0].pos > this.stoppedAt ? stopped[0] : this.runRecovery(stopped, stoppedTokens, newStacks);
          if (finished) {
            if (verbose)
              console.log("Force-finish " + this.stackID(finished));
            return this.stackToTree(finished.forceAll());
          }
        }
        if (this.recovering) {
          let maxRemaining = this.recovering == 1 ? 1 : this.recovering * 3;
          if (newStacks.length > maxRemaining) {
            newStacks.sort((a, b) => b.score - a.score);
            while (newStacks.length > maxRemaining)
              newStacks.pop();
          }
          if (newStacks.some((s) => s.reducePos > pos))
            this.recovering--;
        } else if (newStacks.length > 1) {
          outer: for (let i = 0; i < newStacks.length - 1; i++) {
            let stack = newStacks[i];
            for (let j = i + 1; j < newStacks.length; j++) {
              let other3 = newStacks[j];
              if (stack.sameState(other3) || stack.buffer.length > 500 && other3.buffer.length > 500) {
                if ((stack.score - other3.score || stack.buffer.length - other3.buffer.length) > 0) {
                  newStacks.splice(j--, 1);
                } else {
                  newStacks.splice(i--, 1);
                  continue outer;
                }
              }
            }
          }
          if (newStacks.length > 12) {
            newStacks.sort((a, b) => b.score - a.score);
            newStacks.splice(
              12,
              newStacks.length - 12
              /* Rec.MaxStackCount */
            );
          }
        }
        this.minStackPos = newStacks[0].pos;
        for (let i = 1; i < newStacks.length; i++)
          if (newStacks[i].pos < this.minStackPos)
            this.minStackPos = newStacks[i].pos;
        return null;
      }
      stopAt(pos) {
        if (this.stoppedAt != null && this.stoppedAt < pos)
          throw new RangeError("Can't move stoppedAt forward");
        this.stoppedAt = pos;
      }
      // See if a given tree, or a descendant right at its start, can be
      // reused in the given stack.
      tryReuse(stack, start, tree, repeatOnly) {
        if (!tree)
          return null;
        let strictCx = stack.curContext && stack.curContext.tracker.strict, cxHash = strictCx ? stack.curContext.hash : 0;
        for (; tree; ) {
          let match = this.parser.nodeSet.types[tree.type.id] != tree.type ? -1 : this.parser.getGoto(stack.state, tree.type.id);
          if (match > -1 && tree.length && (!strictCx || (tree.prop(common.NodeProp.contextHash) || 0) == cxHash)) {
            stack.useNode(tree, match, start);
            return tree;
          }
          if (tree.children.length == 0 || tree.positions[0] > 0)
            break;
          let inner = tree.children[0];
          if (inner instanceof common.Tree && (!repeatOnly || inner.type.id >= this.parser.minRepeatTerm))
            tree = inner;
          else
            break;
        }
        return null;
      }
      // Returns an updated version of the given stack, or null if the
      // stack can't advance normally. When `split` and `stacks` are
      // given, stacks split off by ambiguous operations will be pushed to
      // `split`, or added to `stacks` if they move `pos` forward.
      advanceStack(stack, stacks, split) {
        let start = stack.pos, { parser } = this;
        let base = verbose ? this.stackID(stack) + " -> " : "";
        if (this.stoppedAt != null && start > this.stoppedAt)
          return stack.forceReduce() ? stack : null;
        if (this.fragments) {
          let reused = stack.reducePos < start && stack.buffer.length && stack.buffer[stack.buffer.length - 2] <= stack.reducePos && this.fragments.lastRepeatPos == stack.reducePos && this.tryReuse(stack, stack.reducePos, this.fragments.lastRepeat, true) || this.tryReuse(stack, start, this.fragments.nodeAt(start), false);
          if (reused) {
            if (verbose)
              console.log(base + this.stackID(stack) + ` (via reuse of ${parser.getName(reused.type.id)})`);
            return true;
          }
        }
        let defaultReduce = parser.stateSlot(
          stack.state,
          4
          /* ParseState.DefaultReduce */
        );
        if (defaultReduce > 0) {
          stack.reduce(defaultReduce);
          if (verbose)
            console.log(base + this.stackID(stack) + ` (via always-reduce ${parser.getName(
              defaultReduce & 65535
              /* Action.ValueMask */
            )})`);
          return true;
        }
        if (stack.stack.length >= 8400) {
          while (stack.stack.length > 6e3 && stack.forceReduce()) {
          }
        }
        let actions = this.tokens.getActions(stack);
        for (let i = 0; i < actions.length; ) {
          let action = actions[i++], term = actions[i++], end = actions[i++];
          let last = i == actions.length || !split;
          let localStack = last ? stack : stack.split();
          let main = this.tokens.mainToken;
          localStack.apply(action, term, main ? main.start : localStack.pos, end);
          if (verbose)
            console.log(base + this.stackID(localStack) + ` (via ${(action & 65536) == 0 ? "shift" : `reduce of ${parser.getName(
              action & 65535
              /* Action.ValueMask */
            )}`} for ${parser.getName(term)} @ ${start}${localStack == stack ? "" : ", split"})`);
          if (last)
            return true;
          else if (localStack.pos > start)
            stacks.push(localStack);
          else
            split.push(localStack);
        }
        return false;
      }
      // Advance a given stack forward as far as it will go. Returns the
      // (possibly updated) stack if it got stuck, or null if it moved
      // forward and was given to `pushStackDedup`.
      advanceFully(stack, newStacks) {
        let pos = stack.pos;
        for (; ; ) {
          if (!this.advanceStack(stack, null, null))
            return false;
          if (stack.pos > pos) {
            pushStackDedup(stack, newStacks);
            return true;
          }
        }
      }
      runRecovery(stacks, tokens, newStacks) {
        let finished = null, restarted = false;
        for (let i = 0; i < stacks.length; i++) {
          let stack = stacks[i], token = tokens[i << 1], tokenEnd = tokens[(i << 1) + 1];
          let base = verbose ? this.stackID(stack) + " -> " : "";
          if (stack.deadEnd) {
            if (restarted)
              continue;
            restarted = true;
            stack.restart();
            if (verbose)
              console.log(base + this.stackID(stack) + " (restarted)");
            let done = this.advanceFully(stack, newStacks);
            if (done)
              continue;
          }
          let force = stack.split(), forceBase = base;
          for (let j = 0; j < 10 && force.forceReduce(); j++) {
            if (verbose)
              console.log(forceBase + this.stackID(force) + " (via force-reduce)");
            let done = this.advanceFully(force, newStacks);
            if (done)
              break;
            if (verbose)
              forceBase = this.stackID(force) + " -> ";
          }
          for (let insert of stack.recoverByInsert(token)) {
            if (verbose)
              console.log(base + this.stackID(insert) + " (via recover-insert)");
            this.advanceFully(insert, newStacks);
          }
          if (this.stream.end > stack.pos) {
            if (tokenEnd == stack.pos) {
              tokenEnd++;
              token = 0;
            }
            stack.recoverByDelete(token, tokenEnd);
            if (verbose)
              console.log(base + this.stackID(stack) + ` (via recover-delete ${this.parser.getName(token)})`);
            pushStackDedup(stack, newStacks);
          } else if (!finished || finished.score < force.score) {
            finished = force;
          }
        }
        return finished;
      }
      // Convert the stack's buffer to a syntax tree.
      stackToTree(stack) {
        stack.close();
        return common.Tree.build({
          buffer: StackBufferCursor.create(stack),
          nodeSet: this.parser.nodeSet,
          topID: this.topTerm,
          maxBufferLength: this.parser.bufferLength,
          reused: this.reused,
          start: this.ranges[0].from,
          length: stack.pos - this.ranges[0].from,
          minRepeatType: this.parser.minRepeatTerm
        });
      }
      stackID(stack) {
        let id2 = (stackIDs || (stackIDs = /* @__PURE__ */ new WeakMap())).get(stack);
        if (!id2)
          stackIDs.set(stack, id2 = String.fromCodePoint(this.nextStackID++));
        return id2 + stack;
      }
    };
    function pushStackDedup(stack, newStacks) {
      for (let i = 0; i < newStacks.length; i++) {
        let other3 = newStacks[i];
        if (other3.pos == stack.pos && other3.sameState(stack)) {
          if (newStacks[i].score < stack.score)
            newStacks[i] = stack;
          return;
        }
      }
      newStacks.push(stack);
    }
    var Dialect = class {
      constructor(source, flags, disabled) {
        this.source = source;
        this.flags = flags;
        this.disabled = disabled;
      }
      allows(term) {
        return !this.disabled || this.disabled[term] == 0;
      }
    };
    var id = (x) => x;
    var ContextTracker = class {
      /**
      Define a context tracker.
      */
      constructor(spec) {
        this.start = spec.start;
        this.shift = spec.shift || id;
        this.reduce = spec.reduce || id;
        this.reuse = spec.reuse || id;
        this.hash = spec.hash || (() => 0);
        this.strict = spec.strict !== false;
      }
    };
    var LRParser = class _LRParser extends common.Parser {
      /**
      @internal
      */
      constructor(spec) {
        super();
        this.wrappers = [];
        if (spec.version != 14)
          throw new RangeError(`Parser version (${spec.version}) doesn't match runtime version (${14})`);
        let nodeNames = spec.nodeNames.split(" ");
        this.minRepeatTerm = nodeNames.length;
        for (let i = 0; i < spec.repeatNodeCount; i++)
          nodeNames.push("");
        let topTerms = Object.keys(spec.topRules).map((r) => spec.topRules[r][1]);
        let nodeProps = [];
        for (let i = 0; i < nodeNames.length; i++)
          nodeProps.push([]);
        function setProp(nodeID, prop, value) {
          nodeProps[nodeID].push([prop, prop.deserialize(String(value))]);
        }
        if (spec.nodeProps)
          for (let propSpec of spec.nodeProps) {
            let prop = propSpec[0];
            if (typeof prop == "string")
              prop = common.NodeProp[prop];
            for (let i = 1; i < propSpec.length; ) {
              let next = propSpec[i++];
              if (next >= 0) {
                setProp(next, prop, propSpec[i++]);
              } else {
                let value = propSpec[i + -next];
                for (let j = -next; j > 0; j--)
                  setProp(propSpec[i++], prop, value);
                i++;
              }
            }
          }
        this.nodeSet = new common.NodeSet(nodeNames.map((name, i) => common.NodeType.define({
          name: i >= this.minRepeatTerm ? void 0 : name,
          id: i,
          props: nodeProps[i],
          top: topTerms.indexOf(i) > -1,
          error: i == 0,
          skipped: spec.skippedNodes && spec.skippedNodes.indexOf(i) > -1
        })));
        if (spec.propSources)
          this.nodeSet = this.nodeSet.extend(...spec.propSources);
        this.strict = false;
        this.bufferLength = common.DefaultBufferLength;
        let tokenArray = decodeArray(spec.tokenData);
        this.context = spec.context;
        this.specializerSpecs = spec.specialized || [];
        this.specialized = new Uint16Array(this.specializerSpecs.length);
        for (let i = 0; i < this.specializerSpecs.length; i++)
          this.specialized[i] = this.specializerSpecs[i].term;
        this.specializers = this.specializerSpecs.map(getSpecializer);
        this.states = decodeArray(spec.states, Uint32Array);
        this.data = decodeArray(spec.stateData);
        this.goto = decodeArray(spec.goto);
        this.maxTerm = spec.maxTerm;
        this.tokenizers = spec.tokenizers.map((value) => typeof value == "number" ? new TokenGroup(tokenArray, value) : value);
        this.topRules = spec.topRules;
        this.dialects = spec.dialects || {};
        this.dynamicPrecedences = spec.dynamicPrecedences || null;
        this.tokenPrecTable = spec.tokenPrec;
        this.termNames = spec.termNames || null;
        this.maxNode = this.nodeSet.types.length - 1;
        this.dialect = this.parseDialect();
        this.top = this.topRules[Object.keys(this.topRules)[0]];
      }
      createParse(input, fragments, ranges) {
        let parse = new Parse(this, input, fragments, ranges);
        for (let w of this.wrappers)
          parse = w(parse, input, fragments, ranges);
        return parse;
      }
      /**
      Get a goto table entry @internal
      */
      getGoto(state, term, loose = false) {
        let table2 = this.goto;
        if (term >= table2[0])
          return -1;
        for (let pos = table2[term + 1]; ; ) {
          let groupTag = table2[pos++], last = groupTag & 1;
          let target = table2[pos++];
          if (last && loose)
            return target;
          for (let end = pos + (groupTag >> 1); pos < end; pos++)
            if (table2[pos] == state)
              return target;
          if (last)
            return -1;
        }
      }
      /**
      Check if this state has an action for a given terminal @internal
      */
      hasAction(state, terminal) {
        let data = this.data;
        for (let set = 0; set < 2; set++) {
          for (let i = this.stateSlot(
            state,
            set ? 2 : 1
            /* ParseState.Actions */
          ), next; ; i += 3) {
            if ((next = data[i]) == 65535) {
              if (data[i + 1] == 1)
                next = data[i = pair(data, i + 2)];
              else if (data[i + 1] == 2)
                return pair(data, i + 2);
              else
                break;
            }
            if (next == terminal || next == 0)
              return pair(data, i + 1);
          }
        }
        return 0;
      }
      /**
      @internal
      */
      stateSlot(state, slot) {
        return this.states[state * 6 + slot];
      }
      /**
      @internal
      */
      stateFlag(state, flag) {
        return (this.stateSlot(
          state,
          0
          /* ParseState.Flags */
        ) & flag) > 0;
      }
      /**
      @internal
      */
      validAction(state, action) {
        return !!this.allActions(state, (a) => a == action ? true : null);
      }
      /**
      @internal
      */
      allActions(state, action) {
        let deflt = this.stateSlot(
          state,
          4
          /* ParseState.DefaultReduce */
        );
        let result = deflt ? action(deflt) : void 0;
        for (let i = this.stateSlot(
          state,
          1
          /* ParseState.Actions */
        ); result == null; i += 3) {
          if (this.data[i] == 65535) {
            if (this.data[i + 1] == 1)
              i = pair(this.data, i + 2);
            else
              break;
          }
          result = action(pair(this.data, i + 1));
        }
        return result;
      }
      /**
      Get the states that can follow this one through shift actions or
      goto jumps. @internal
      */
      nextStates(state) {
        let result = [];
        for (let i = this.stateSlot(
          state,
          1
          /* ParseState.Actions */
        ); ; i += 3) {
          if (this.data[i] == 65535) {
            if (this.data[i + 1] == 1)
              i = pair(this.data, i + 2);
            else
              break;
          }
          if ((this.data[i + 2] & 65536 >> 16) == 0) {
            let value = this.data[i + 1];
            if (!result.some((v, i2) => i2 & 1 && v == value))
              result.push(this.data[i], value);
          }
        }
        return result;
      }
      /**
      Configure the parser. Returns a new parser instance that has the
      given settings modified. Settings not provided in `config` are
      kept from the original parser.
      */
      configure(config) {
        let copy = Object.assign(Object.create(_LRParser.prototype), this);
        if (config.props)
          copy.nodeSet = this.nodeSet.extend(...config.props);
        if (config.top) {
          let info = this.topRules[config.top];
          if (!info)
            throw new RangeError(`Invalid top rule name ${config.top}`);
          copy.top = info;
        }
        if (config.tokenizers)
          copy.tokenizers = this.tokenizers.map((t) => {
            let found = config.tokenizers.find((r) => r.from == t);
            return found ? found.to : t;
          });
        if (config.specializers) {
          copy.specializers = this.specializers.slice();
          copy.specializerSpecs = this.specializerSpecs.map((s, i) => {
            let found = config.specializers.find((r) => r.from == s.external);
            if (!found)
              return s;
            let spec = Object.assign(Object.assign({}, s), { external: found.to });
            copy.specializers[i] = getSpecializer(spec);
            return spec;
          });
        }
        if (config.contextTracker)
          copy.context = config.contextTracker;
        if (config.dialect)
          copy.dialect = this.parseDialect(config.dialect);
        if (config.strict != null)
          copy.strict = config.strict;
        if (config.wrap)
          copy.wrappers = copy.wrappers.concat(config.wrap);
        if (config.bufferLength != null)
          copy.bufferLength = config.bufferLength;
        return copy;
      }
      /**
      Tells you whether any [parse wrappers](#lr.ParserConfig.wrap)
      are registered for this parser.
      */
      hasWrappers() {
        return this.wrappers.length > 0;
      }
      /**
      Returns the name associated with a given term. This will only
      work for all terms when the parser was generated with the
      `--names` option. By default, only the names of tagged terms are
      stored.
      */
      getName(term) {
        return this.termNames ? this.termNames[term] : String(term <= this.maxNode && this.nodeSet.types[term].name || term);
      }
      /**
      The eof term id is always allocated directly after the node
      types. @internal
      */
      get eofTerm() {
        return this.maxNode + 1;
      }
      /**
      The type of top node produced by the parser.
      */
      get topNode() {
        return this.nodeSet.types[this.top[1]];
      }
      /**
      @internal
      */
      dynamicPrecedence(term) {
        let prec = this.dynamicPrecedences;
        return prec == null ? 0 : prec[term] || 0;
      }
      /**
      @internal
      */
      parseDialect(dialect) {
        let values = Object.keys(this.dialects), flags = values.map(() => false);
        if (dialect)
          for (let part of dialect.split(" ")) {
            let id2 = values.indexOf(part);
            if (id2 >= 0)
              flags[id2] = true;
          }
        let disabled = null;
        for (let i = 0; i < values.length; i++)
          if (!flags[i]) {
            for (let j = this.dialects[values[i]], id2; (id2 = this.data[j++]) != 65535; )
              (disabled || (disabled = new Uint8Array(this.maxTerm + 1)))[id2] = 1;
          }
        return new Dialect(dialect, flags, disabled);
      }
      /**
      Used by the output of the parser generator. Not available to
      user code. @hide
      */
      static deserialize(spec) {
        return new _LRParser(spec);
      }
    };
    function pair(data, off) {
      return data[off] | data[off + 1] << 16;
    }
    function findFinished(stacks) {
      let best = null;
      for (let stack of stacks) {
        let stopped = stack.p.stoppedAt;
        if ((stack.pos == stack.p.stream.end || stopped != null && stack.pos > stopped) && stack.p.parser.stateFlag(
          stack.state,
          2
          /* StateFlag.Accepting */
        ) && (!best || best.score < stack.score))
          best = stack;
      }
      return best;
    }
    function getSpecializer(spec) {
      if (spec.external) {
        let mask = spec.extend ? 1 : 0;
        return (value, stack) => spec.external(value, stack) << 1 | mask;
      }
      return spec.get;
    }
    exports2.ContextTracker = ContextTracker;
    exports2.ExternalTokenizer = ExternalTokenizer;
    exports2.InputStream = InputStream;
    exports2.LRParser = LRParser;
    exports2.LocalTokenGroup = LocalTokenGroup;
    exports2.Stack = Stack;
  }
});

// node_modules/@lezer/highlight/dist/index.cjs
var require_dist3 = __commonJS({
  "node_modules/@lezer/highlight/dist/index.cjs"(exports2) {
    "use strict";
    var common = require_dist();
    var nextTagID = 0;
    var Tag = class _Tag {
      /**
      @internal
      */
      constructor(name2, set, base, modified) {
        this.name = name2;
        this.set = set;
        this.base = base;
        this.modified = modified;
        this.id = nextTagID++;
      }
      toString() {
        let { name: name2 } = this;
        for (let mod of this.modified)
          if (mod.name)
            name2 = `${mod.name}(${name2})`;
        return name2;
      }
      static define(nameOrParent, parent) {
        let name2 = typeof nameOrParent == "string" ? nameOrParent : "?";
        if (nameOrParent instanceof _Tag)
          parent = nameOrParent;
        if (parent === null || parent === void 0 ? void 0 : parent.base)
          throw new Error("Can not derive from a modified tag");
        let tag = new _Tag(name2, [], null, []);
        tag.set.push(tag);
        if (parent)
          for (let t2 of parent.set)
            tag.set.push(t2);
        return tag;
      }
      /**
      Define a tag _modifier_, which is a function that, given a tag,
      will return a tag that is a subtag of the original. Applying the
      same modifier to a twice tag will return the same value (`m1(t1)
      == m1(t1)`) and applying multiple modifiers will, regardless or
      order, produce the same tag (`m1(m2(t1)) == m2(m1(t1))`).
      
      When multiple modifiers are applied to a given base tag, each
      smaller set of modifiers is registered as a parent, so that for
      example `m1(m2(m3(t1)))` is a subtype of `m1(m2(t1))`,
      `m1(m3(t1)`, and so on.
      */
      static defineModifier(name2) {
        let mod = new Modifier(name2);
        return (tag) => {
          if (tag.modified.indexOf(mod) > -1)
            return tag;
          return Modifier.get(tag.base || tag, tag.modified.concat(mod).sort((a, b) => a.id - b.id));
        };
      }
    };
    var nextModifierID = 0;
    var Modifier = class _Modifier {
      constructor(name2) {
        this.name = name2;
        this.instances = [];
        this.id = nextModifierID++;
      }
      static get(base, mods) {
        if (!mods.length)
          return base;
        let exists = mods[0].instances.find((t2) => t2.base == base && sameArray(mods, t2.modified));
        if (exists)
          return exists;
        let set = [], tag = new Tag(base.name, set, base, mods);
        for (let m of mods)
          m.instances.push(tag);
        let configs = powerSet(mods);
        for (let parent of base.set)
          if (!parent.modified.length)
            for (let config of configs)
              set.push(_Modifier.get(parent, config));
        return tag;
      }
    };
    function sameArray(a, b) {
      return a.length == b.length && a.every((x, i) => x == b[i]);
    }
    function powerSet(array) {
      let sets = [[]];
      for (let i = 0; i < array.length; i++) {
        for (let j = 0, e = sets.length; j < e; j++) {
          sets.push(sets[j].concat(array[i]));
        }
      }
      return sets.sort((a, b) => b.length - a.length);
    }
    function styleTags(spec) {
      let byName = /* @__PURE__ */ Object.create(null);
      for (let prop in spec) {
        let tags2 = spec[prop];
        if (!Array.isArray(tags2))
          tags2 = [tags2];
        for (let part of prop.split(" "))
          if (part) {
            let pieces = [], mode = 2, rest = part;
            for (let pos = 0; ; ) {
              if (rest == "..." && pos > 0 && pos + 3 == part.length) {
                mode = 1;
                break;
              }
              let m = /^"(?:[^"\\]|\\.)*?"|[^\/!]+/.exec(rest);
              if (!m)
                throw new RangeError("Invalid path: " + part);
              pieces.push(m[0] == "*" ? "" : m[0][0] == '"' ? JSON.parse(m[0]) : m[0]);
              pos += m[0].length;
              if (pos == part.length)
                break;
              let next = part[pos++];
              if (pos == part.length && next == "!") {
                mode = 0;
                break;
              }
              if (next != "/")
                throw new RangeError("Invalid path: " + part);
              rest = part.slice(pos);
            }
            let last = pieces.length - 1, inner = pieces[last];
            if (!inner)
              throw new RangeError("Invalid path: " + part);
            let rule = new Rule(tags2, mode, last > 0 ? pieces.slice(0, last) : null);
            byName[inner] = rule.sort(byName[inner]);
          }
      }
      return ruleNodeProp.add(byName);
    }
    var ruleNodeProp = new common.NodeProp({
      combine(a, b) {
        let cur, root, take;
        while (a || b) {
          if (!a || b && a.depth <= b.depth) {
            take = b;
            b = b.next;
          } else {
            take = a;
            a = a.next;
          }
          if (cur && cur.mode == take.mode && !take.context && !cur.context)
            continue;
          let copy = new Rule(take.tags, take.mode, take.context);
          if (cur)
            cur.next = copy;
          else
            root = copy;
          cur = copy;
        }
        return root;
      }
    });
    var Rule = class {
      constructor(tags2, mode, context, next) {
        this.tags = tags2;
        this.mode = mode;
        this.context = context;
        this.next = next;
      }
      get opaque() {
        return this.mode == 0;
      }
      get inherit() {
        return this.mode == 1;
      }
      sort(other3) {
        if (!other3 || other3.depth < this.depth) {
          this.next = other3;
          return this;
        }
        other3.next = this.sort(other3.next);
        return other3;
      }
      get depth() {
        return this.context ? this.context.length : 0;
      }
    };
    Rule.empty = new Rule([], 2, null);
    function tagHighlighter(tags2, options) {
      let map = /* @__PURE__ */ Object.create(null);
      for (let style of tags2) {
        if (!Array.isArray(style.tag))
          map[style.tag.id] = style.class;
        else
          for (let tag of style.tag)
            map[tag.id] = style.class;
      }
      let { scope, all = null } = options || {};
      return {
        style: (tags3) => {
          let cls = all;
          for (let tag of tags3) {
            for (let sub of tag.set) {
              let tagClass = map[sub.id];
              if (tagClass) {
                cls = cls ? cls + " " + tagClass : tagClass;
                break;
              }
            }
          }
          return cls;
        },
        scope
      };
    }
    function highlightTags(highlighters, tags2) {
      let result = null;
      for (let highlighter of highlighters) {
        let value = highlighter.style(tags2);
        if (value)
          result = result ? result + " " + value : value;
      }
      return result;
    }
    function highlightTree(tree, highlighter, putStyle, from = 0, to = tree.length) {
      let builder = new HighlightBuilder(from, Array.isArray(highlighter) ? highlighter : [highlighter], putStyle);
      builder.highlightRange(tree.cursor(), from, to, "", builder.highlighters);
      builder.flush(to);
    }
    function highlightCode(code, tree, highlighter, putText, putBreak, from = 0, to = code.length) {
      let pos = from;
      function writeTo(p, classes) {
        if (p <= pos)
          return;
        for (let text = code.slice(pos, p), i = 0; ; ) {
          let nextBreak = text.indexOf("\n", i);
          let upto = nextBreak < 0 ? text.length : nextBreak;
          if (upto > i)
            putText(text.slice(i, upto), classes);
          if (nextBreak < 0)
            break;
          putBreak();
          i = nextBreak + 1;
        }
        pos = p;
      }
      highlightTree(tree, highlighter, (from2, to2, classes) => {
        writeTo(from2, "");
        writeTo(to2, classes);
      }, from, to);
      writeTo(to, "");
    }
    var HighlightBuilder = class {
      constructor(at, highlighters, span) {
        this.at = at;
        this.highlighters = highlighters;
        this.span = span;
        this.class = "";
      }
      startSpan(at, cls) {
        if (cls != this.class) {
          this.flush(at);
          if (at > this.at)
            this.at = at;
          this.class = cls;
        }
      }
      flush(to) {
        if (to > this.at && this.class)
          this.span(this.at, to, this.class);
      }
      highlightRange(cursor, from, to, inheritedClass, highlighters) {
        let { type: type2, from: start, to: end } = cursor;
        if (start >= to || end <= from)
          return;
        if (type2.isTop)
          highlighters = this.highlighters.filter((h) => !h.scope || h.scope(type2));
        let cls = inheritedClass;
        let rule = getStyleTags(cursor) || Rule.empty;
        let tagCls = highlightTags(highlighters, rule.tags);
        if (tagCls) {
          if (cls)
            cls += " ";
          cls += tagCls;
          if (rule.mode == 1)
            inheritedClass += (inheritedClass ? " " : "") + tagCls;
        }
        this.startSpan(Math.max(from, start), cls);
        if (rule.opaque)
          return;
        let mounted = cursor.tree && cursor.tree.prop(common.NodeProp.mounted);
        if (mounted && mounted.overlay) {
          let inner = cursor.node.enter(mounted.overlay[0].from + start, 1);
          let innerHighlighters = this.highlighters.filter((h) => !h.scope || h.scope(mounted.tree.type));
          let hasChild = cursor.firstChild();
          for (let i = 0, pos = start; ; i++) {
            let next = i < mounted.overlay.length ? mounted.overlay[i] : null;
            let nextPos = next ? next.from + start : end;
            let rangeFrom = Math.max(from, pos), rangeTo = Math.min(to, nextPos);
            if (rangeFrom < rangeTo && hasChild) {
              while (cursor.from < rangeTo) {
                this.highlightRange(cursor, rangeFrom, rangeTo, inheritedClass, highlighters);
                this.startSpan(Math.min(rangeTo, cursor.to), cls);
                if (cursor.to >= nextPos || !cursor.nextSibling())
                  break;
              }
            }
            if (!next || nextPos > to)
              break;
            pos = next.to + start;
            if (pos > from) {
              this.highlightRange(inner.cursor(), Math.max(from, next.from + start), Math.min(to, pos), "", innerHighlighters);
              this.startSpan(Math.min(to, pos), cls);
            }
          }
          if (hasChild)
            cursor.parent();
        } else if (cursor.firstChild()) {
          if (mounted)
            inheritedClass = "";
          do {
            if (cursor.to <= from)
              continue;
            if (cursor.from >= to)
              break;
            this.highlightRange(cursor, from, to, inheritedClass, highlighters);
            this.startSpan(Math.min(to, cursor.to), cls);
          } while (cursor.nextSibling());
          cursor.parent();
        }
      }
    };
    function getStyleTags(node) {
      let rule = node.type.prop(ruleNodeProp);
      while (rule && rule.context && !node.matchContext(rule.context))
        rule = rule.next;
      return rule || null;
    }
    var t = Tag.define;
    var comment = t();
    var name = t();
    var typeName = t(name);
    var propertyName = t(name);
    var literal = t();
    var string = t(literal);
    var number = t(literal);
    var content = t();
    var heading = t(content);
    var keyword = t();
    var operator = t();
    var punctuation = t();
    var bracket = t(punctuation);
    var meta = t();
    var tags = {
      /**
      A comment.
      */
      comment,
      /**
      A line [comment](#highlight.tags.comment).
      */
      lineComment: t(comment),
      /**
      A block [comment](#highlight.tags.comment).
      */
      blockComment: t(comment),
      /**
      A documentation [comment](#highlight.tags.comment).
      */
      docComment: t(comment),
      /**
      Any kind of identifier.
      */
      name,
      /**
      The [name](#highlight.tags.name) of a variable.
      */
      variableName: t(name),
      /**
      A type [name](#highlight.tags.name).
      */
      typeName,
      /**
      A tag name (subtag of [`typeName`](#highlight.tags.typeName)).
      */
      tagName: t(typeName),
      /**
      A property or field [name](#highlight.tags.name).
      */
      propertyName,
      /**
      An attribute name (subtag of [`propertyName`](#highlight.tags.propertyName)).
      */
      attributeName: t(propertyName),
      /**
      The [name](#highlight.tags.name) of a class.
      */
      className: t(name),
      /**
      A label [name](#highlight.tags.name).
      */
      labelName: t(name),
      /**
      A namespace [name](#highlight.tags.name).
      */
      namespace: t(name),
      /**
      The [name](#highlight.tags.name) of a macro.
      */
      macroName: t(name),
      /**
      A literal value.
      */
      literal,
      /**
      A string [literal](#highlight.tags.literal).
      */
      string,
      /**
      A documentation [string](#highlight.tags.string).
      */
      docString: t(string),
      /**
      A character literal (subtag of [string](#highlight.tags.string)).
      */
      character: t(string),
      /**
      An attribute value (subtag of [string](#highlight.tags.string)).
      */
      attributeValue: t(string),
      /**
      A number [literal](#highlight.tags.literal).
      */
      number,
      /**
      An integer [number](#highlight.tags.number) literal.
      */
      integer: t(number),
      /**
      A floating-point [number](#highlight.tags.number) literal.
      */
      float: t(number),
      /**
      A boolean [literal](#highlight.tags.literal).
      */
      bool: t(literal),
      /**
      Regular expression [literal](#highlight.tags.literal).
      */
      regexp: t(literal),
      /**
      An escape [literal](#highlight.tags.literal), for example a
      backslash escape in a string.
      */
      escape: t(literal),
      /**
      A color [literal](#highlight.tags.literal).
      */
      color: t(literal),
      /**
      A URL [literal](#highlight.tags.literal).
      */
      url: t(literal),
      /**
      A language keyword.
      */
      keyword,
      /**
      The [keyword](#highlight.tags.keyword) for the self or this
      object.
      */
      self: t(keyword),
      /**
      The [keyword](#highlight.tags.keyword) for null.
      */
      null: t(keyword),
      /**
      A [keyword](#highlight.tags.keyword) denoting some atomic value.
      */
      atom: t(keyword),
      /**
      A [keyword](#highlight.tags.keyword) that represents a unit.
      */
      unit: t(keyword),
      /**
      A modifier [keyword](#highlight.tags.keyword).
      */
      modifier: t(keyword),
      /**
      A [keyword](#highlight.tags.keyword) that acts as an operator.
      */
      operatorKeyword: t(keyword),
      /**
      A control-flow related [keyword](#highlight.tags.keyword).
      */
      controlKeyword: t(keyword),
      /**
      A [keyword](#highlight.tags.keyword) that defines something.
      */
      definitionKeyword: t(keyword),
      /**
      A [keyword](#highlight.tags.keyword) related to defining or
      interfacing with modules.
      */
      moduleKeyword: t(keyword),
      /**
      An operator.
      */
      operator,
      /**
      An [operator](#highlight.tags.operator) that dereferences something.
      */
      derefOperator: t(operator),
      /**
      Arithmetic-related [operator](#highlight.tags.operator).
      */
      arithmeticOperator: t(operator),
      /**
      Logical [operator](#highlight.tags.operator).
      */
      logicOperator: t(operator),
      /**
      Bit [operator](#highlight.tags.operator).
      */
      bitwiseOperator: t(operator),
      /**
      Comparison [operator](#highlight.tags.operator).
      */
      compareOperator: t(operator),
      /**
      [Operator](#highlight.tags.operator) that updates its operand.
      */
      updateOperator: t(operator),
      /**
      [Operator](#highlight.tags.operator) that defines something.
      */
      definitionOperator: t(operator),
      /**
      Type-related [operator](#highlight.tags.operator).
      */
      typeOperator: t(operator),
      /**
      Control-flow [operator](#highlight.tags.operator).
      */
      controlOperator: t(operator),
      /**
      Program or markup punctuation.
      */
      punctuation,
      /**
      [Punctuation](#highlight.tags.punctuation) that separates
      things.
      */
      separator: t(punctuation),
      /**
      Bracket-style [punctuation](#highlight.tags.punctuation).
      */
      bracket,
      /**
      Angle [brackets](#highlight.tags.bracket) (usually `<` and `>`
      tokens).
      */
      angleBracket: t(bracket),
      /**
      Square [brackets](#highlight.tags.bracket) (usually `[` and `]`
      tokens).
      */
      squareBracket: t(bracket),
      /**
      Parentheses (usually `(` and `)` tokens). Subtag of
      [bracket](#highlight.tags.bracket).
      */
      paren: t(bracket),
      /**
      Braces (usually `{` and `}` tokens). Subtag of
      [bracket](#highlight.tags.bracket).
      */
      brace: t(bracket),
      /**
      Content, for example plain text in XML or markup documents.
      */
      content,
      /**
      [Content](#highlight.tags.content) that represents a heading.
      */
      heading,
      /**
      A level 1 [heading](#highlight.tags.heading).
      */
      heading1: t(heading),
      /**
      A level 2 [heading](#highlight.tags.heading).
      */
      heading2: t(heading),
      /**
      A level 3 [heading](#highlight.tags.heading).
      */
      heading3: t(heading),
      /**
      A level 4 [heading](#highlight.tags.heading).
      */
      heading4: t(heading),
      /**
      A level 5 [heading](#highlight.tags.heading).
      */
      heading5: t(heading),
      /**
      A level 6 [heading](#highlight.tags.heading).
      */
      heading6: t(heading),
      /**
      A prose [content](#highlight.tags.content) separator (such as a horizontal rule).
      */
      contentSeparator: t(content),
      /**
      [Content](#highlight.tags.content) that represents a list.
      */
      list: t(content),
      /**
      [Content](#highlight.tags.content) that represents a quote.
      */
      quote: t(content),
      /**
      [Content](#highlight.tags.content) that is emphasized.
      */
      emphasis: t(content),
      /**
      [Content](#highlight.tags.content) that is styled strong.
      */
      strong: t(content),
      /**
      [Content](#highlight.tags.content) that is part of a link.
      */
      link: t(content),
      /**
      [Content](#highlight.tags.content) that is styled as code or
      monospace.
      */
      monospace: t(content),
      /**
      [Content](#highlight.tags.content) that has a strike-through
      style.
      */
      strikethrough: t(content),
      /**
      Inserted text in a change-tracking format.
      */
      inserted: t(),
      /**
      Deleted text.
      */
      deleted: t(),
      /**
      Changed text.
      */
      changed: t(),
      /**
      An invalid or unsyntactic element.
      */
      invalid: t(),
      /**
      Metadata or meta-instruction.
      */
      meta,
      /**
      [Metadata](#highlight.tags.meta) that applies to the entire
      document.
      */
      documentMeta: t(meta),
      /**
      [Metadata](#highlight.tags.meta) that annotates or adds
      attributes to a given syntactic element.
      */
      annotation: t(meta),
      /**
      Processing instruction or preprocessor directive. Subtag of
      [meta](#highlight.tags.meta).
      */
      processingInstruction: t(meta),
      /**
      [Modifier](#highlight.Tag^defineModifier) that indicates that a
      given element is being defined. Expected to be used with the
      various [name](#highlight.tags.name) tags.
      */
      definition: Tag.defineModifier("definition"),
      /**
      [Modifier](#highlight.Tag^defineModifier) that indicates that
      something is constant. Mostly expected to be used with
      [variable names](#highlight.tags.variableName).
      */
      constant: Tag.defineModifier("constant"),
      /**
      [Modifier](#highlight.Tag^defineModifier) used to indicate that
      a [variable](#highlight.tags.variableName) or [property
      name](#highlight.tags.propertyName) is being called or defined
      as a function.
      */
      function: Tag.defineModifier("function"),
      /**
      [Modifier](#highlight.Tag^defineModifier) that can be applied to
      [names](#highlight.tags.name) to indicate that they belong to
      the language's standard environment.
      */
      standard: Tag.defineModifier("standard"),
      /**
      [Modifier](#highlight.Tag^defineModifier) that indicates a given
      [names](#highlight.tags.name) is local to some scope.
      */
      local: Tag.defineModifier("local"),
      /**
      A generic variant [modifier](#highlight.Tag^defineModifier) that
      can be used to tag language-specific alternative variants of
      some common tag. It is recommended for themes to define special
      forms of at least the [string](#highlight.tags.string) and
      [variable name](#highlight.tags.variableName) tags, since those
      come up a lot.
      */
      special: Tag.defineModifier("special")
    };
    for (let name2 in tags) {
      let val = tags[name2];
      if (val instanceof Tag)
        val.name = name2;
    }
    var classHighlighter = tagHighlighter([
      { tag: tags.link, class: "tok-link" },
      { tag: tags.heading, class: "tok-heading" },
      { tag: tags.emphasis, class: "tok-emphasis" },
      { tag: tags.strong, class: "tok-strong" },
      { tag: tags.keyword, class: "tok-keyword" },
      { tag: tags.atom, class: "tok-atom" },
      { tag: tags.bool, class: "tok-bool" },
      { tag: tags.url, class: "tok-url" },
      { tag: tags.labelName, class: "tok-labelName" },
      { tag: tags.inserted, class: "tok-inserted" },
      { tag: tags.deleted, class: "tok-deleted" },
      { tag: tags.literal, class: "tok-literal" },
      { tag: tags.string, class: "tok-string" },
      { tag: tags.number, class: "tok-number" },
      { tag: [tags.regexp, tags.escape, tags.special(tags.string)], class: "tok-string2" },
      { tag: tags.variableName, class: "tok-variableName" },
      { tag: tags.local(tags.variableName), class: "tok-variableName tok-local" },
      { tag: tags.definition(tags.variableName), class: "tok-variableName tok-definition" },
      { tag: tags.special(tags.variableName), class: "tok-variableName2" },
      { tag: tags.definition(tags.propertyName), class: "tok-propertyName tok-definition" },
      { tag: tags.typeName, class: "tok-typeName" },
      { tag: tags.namespace, class: "tok-namespace" },
      { tag: tags.className, class: "tok-className" },
      { tag: tags.macroName, class: "tok-macroName" },
      { tag: tags.propertyName, class: "tok-propertyName" },
      { tag: tags.operator, class: "tok-operator" },
      { tag: tags.comment, class: "tok-comment" },
      { tag: tags.meta, class: "tok-meta" },
      { tag: tags.invalid, class: "tok-invalid" },
      { tag: tags.punctuation, class: "tok-punctuation" }
    ]);
    exports2.Tag = Tag;
    exports2.classHighlighter = classHighlighter;
    exports2.getStyleTags = getStyleTags;
    exports2.highlightCode = highlightCode;
    exports2.highlightTree = highlightTree;
    exports2.styleTags = styleTags;
    exports2.tagHighlighter = tagHighlighter;
    exports2.tags = tags;
  }
});

// node_modules/@lezer/python/dist/index.cjs
var require_dist4 = __commonJS({
  "node_modules/@lezer/python/dist/index.cjs"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var lr = require_dist2();
    var highlight = require_dist3();
    var printKeyword = 1;
    var indent = 194;
    var dedent = 195;
    var newline$1 = 196;
    var blankLineStart = 197;
    var newlineBracketed = 198;
    var eof = 199;
    var stringContent = 200;
    var Escape = 2;
    var replacementStart = 3;
    var stringEnd = 201;
    var ParenL = 24;
    var ParenthesizedExpression = 25;
    var TupleExpression = 49;
    var ComprehensionExpression = 50;
    var BracketL = 55;
    var ArrayExpression = 56;
    var ArrayComprehensionExpression = 57;
    var BraceL = 59;
    var DictionaryExpression = 60;
    var DictionaryComprehensionExpression = 61;
    var SetExpression = 62;
    var SetComprehensionExpression = 63;
    var ArgList = 65;
    var subscript = 238;
    var String$1 = 71;
    var stringStart = 241;
    var stringStartD = 242;
    var stringStartL = 243;
    var stringStartLD = 244;
    var stringStartR = 245;
    var stringStartRD = 246;
    var stringStartRL = 247;
    var stringStartRLD = 248;
    var FormatString = 72;
    var stringStartF = 249;
    var stringStartFD = 250;
    var stringStartFL = 251;
    var stringStartFLD = 252;
    var stringStartFR = 253;
    var stringStartFRD = 254;
    var stringStartFRL = 255;
    var stringStartFRLD = 256;
    var FormatReplacement = 73;
    var nestedFormatReplacement = 77;
    var importList = 263;
    var TypeParamList = 112;
    var ParamList = 130;
    var SequencePattern = 151;
    var MappingPattern = 152;
    var PatternArgList = 155;
    var newline = 10;
    var carriageReturn = 13;
    var space = 32;
    var tab = 9;
    var hash = 35;
    var parenOpen = 40;
    var dot = 46;
    var braceOpen = 123;
    var braceClose = 125;
    var singleQuote = 39;
    var doubleQuote = 34;
    var backslash = 92;
    var letter_o = 111;
    var letter_x = 120;
    var letter_N = 78;
    var letter_u = 117;
    var letter_U = 85;
    var bracketed = /* @__PURE__ */ new Set([
      ParenthesizedExpression,
      TupleExpression,
      ComprehensionExpression,
      importList,
      ArgList,
      ParamList,
      ArrayExpression,
      ArrayComprehensionExpression,
      subscript,
      SetExpression,
      SetComprehensionExpression,
      FormatString,
      FormatReplacement,
      nestedFormatReplacement,
      DictionaryExpression,
      DictionaryComprehensionExpression,
      SequencePattern,
      MappingPattern,
      PatternArgList,
      TypeParamList
    ]);
    function isLineBreak(ch) {
      return ch == newline || ch == carriageReturn;
    }
    function isHex(ch) {
      return ch >= 48 && ch <= 57 || ch >= 65 && ch <= 70 || ch >= 97 && ch <= 102;
    }
    var newlines = new lr.ExternalTokenizer((input, stack) => {
      let prev;
      if (input.next < 0) {
        input.acceptToken(eof);
      } else if (stack.context.flags & cx_Bracketed) {
        if (isLineBreak(input.next)) input.acceptToken(newlineBracketed, 1);
      } else if (((prev = input.peek(-1)) < 0 || isLineBreak(prev)) && stack.canShift(blankLineStart)) {
        let spaces = 0;
        while (input.next == space || input.next == tab) {
          input.advance();
          spaces++;
        }
        if (input.next == newline || input.next == carriageReturn || input.next == hash)
          input.acceptToken(blankLineStart, -spaces);
      } else if (isLineBreak(input.next)) {
        input.acceptToken(newline$1, 1);
      }
    }, { contextual: true });
    var indentation = new lr.ExternalTokenizer((input, stack) => {
      let context = stack.context;
      if (context.flags) return;
      let prev = input.peek(-1);
      if (prev == newline || prev == carriageReturn) {
        let depth = 0, chars = 0;
        for (; ; ) {
          if (input.next == space) depth++;
          else if (input.next == tab) depth += 8 - depth % 8;
          else break;
          input.advance();
          chars++;
        }
        if (depth != context.indent && input.next != newline && input.next != carriageReturn && input.next != hash) {
          if (depth < context.indent) input.acceptToken(dedent, -chars);
          else input.acceptToken(indent);
        }
      }
    });
    var cx_Bracketed = 1;
    var cx_String = 2;
    var cx_DoubleQuote = 4;
    var cx_Long = 8;
    var cx_Raw = 16;
    var cx_Format = 32;
    function Context(parent, indent2, flags) {
      this.parent = parent;
      this.indent = indent2;
      this.flags = flags;
      this.hash = (parent ? parent.hash + parent.hash << 8 : 0) + indent2 + (indent2 << 4) + flags + (flags << 6);
    }
    var topIndent = new Context(null, 0, 0);
    function countIndent(space2) {
      let depth = 0;
      for (let i = 0; i < space2.length; i++)
        depth += space2.charCodeAt(i) == tab ? 8 - depth % 8 : 1;
      return depth;
    }
    var stringFlags = new Map([
      [stringStart, 0],
      [stringStartD, cx_DoubleQuote],
      [stringStartL, cx_Long],
      [stringStartLD, cx_Long | cx_DoubleQuote],
      [stringStartR, cx_Raw],
      [stringStartRD, cx_Raw | cx_DoubleQuote],
      [stringStartRL, cx_Raw | cx_Long],
      [stringStartRLD, cx_Raw | cx_Long | cx_DoubleQuote],
      [stringStartF, cx_Format],
      [stringStartFD, cx_Format | cx_DoubleQuote],
      [stringStartFL, cx_Format | cx_Long],
      [stringStartFLD, cx_Format | cx_Long | cx_DoubleQuote],
      [stringStartFR, cx_Format | cx_Raw],
      [stringStartFRD, cx_Format | cx_Raw | cx_DoubleQuote],
      [stringStartFRL, cx_Format | cx_Raw | cx_Long],
      [stringStartFRLD, cx_Format | cx_Raw | cx_Long | cx_DoubleQuote]
    ].map(([term, flags]) => [term, flags | cx_String]));
    var trackIndent = new lr.ContextTracker({
      start: topIndent,
      reduce(context, term, _, input) {
        if (context.flags & cx_Bracketed && bracketed.has(term) || (term == String$1 || term == FormatString) && context.flags & cx_String)
          return context.parent;
        return context;
      },
      shift(context, term, stack, input) {
        if (term == indent)
          return new Context(context, countIndent(input.read(input.pos, stack.pos)), 0);
        if (term == dedent)
          return context.parent;
        if (term == ParenL || term == BracketL || term == BraceL || term == replacementStart)
          return new Context(context, 0, cx_Bracketed);
        if (stringFlags.has(term))
          return new Context(context, 0, stringFlags.get(term) | context.flags & cx_Bracketed);
        return context;
      },
      hash(context) {
        return context.hash;
      }
    });
    var legacyPrint = new lr.ExternalTokenizer((input) => {
      for (let i = 0; i < 5; i++) {
        if (input.next != "print".charCodeAt(i)) return;
        input.advance();
      }
      if (/\w/.test(String.fromCharCode(input.next))) return;
      for (let off = 0; ; off++) {
        let next = input.peek(off);
        if (next == space || next == tab) continue;
        if (next != parenOpen && next != dot && next != newline && next != carriageReturn && next != hash)
          input.acceptToken(printKeyword);
        return;
      }
    });
    var strings = new lr.ExternalTokenizer((input, stack) => {
      let { flags } = stack.context;
      let quote = flags & cx_DoubleQuote ? doubleQuote : singleQuote;
      let long = (flags & cx_Long) > 0;
      let escapes = !(flags & cx_Raw);
      let format = (flags & cx_Format) > 0;
      let start = input.pos;
      for (; ; ) {
        if (input.next < 0) {
          break;
        } else if (format && input.next == braceOpen) {
          if (input.peek(1) == braceOpen) {
            input.advance(2);
          } else {
            if (input.pos == start) {
              input.acceptToken(replacementStart, 1);
              return;
            }
            break;
          }
        } else if (escapes && input.next == backslash) {
          if (input.pos == start) {
            input.advance();
            let escaped = input.next;
            if (escaped >= 0) {
              input.advance();
              skipEscape(input, escaped);
            }
            input.acceptToken(Escape);
            return;
          }
          break;
        } else if (input.next == backslash && !escapes && input.peek(1) > -1) {
          input.advance(2);
        } else if (input.next == quote && (!long || input.peek(1) == quote && input.peek(2) == quote)) {
          if (input.pos == start) {
            input.acceptToken(stringEnd, long ? 3 : 1);
            return;
          }
          break;
        } else if (input.next == newline) {
          if (long) {
            input.advance();
          } else if (input.pos == start) {
            input.acceptToken(stringEnd);
            return;
          }
          break;
        } else {
          input.advance();
        }
      }
      if (input.pos > start) input.acceptToken(stringContent);
    });
    function skipEscape(input, ch) {
      if (ch == letter_o) {
        for (let i = 0; i < 2 && input.next >= 48 && input.next <= 55; i++) input.advance();
      } else if (ch == letter_x) {
        for (let i = 0; i < 2 && isHex(input.next); i++) input.advance();
      } else if (ch == letter_u) {
        for (let i = 0; i < 4 && isHex(input.next); i++) input.advance();
      } else if (ch == letter_U) {
        for (let i = 0; i < 8 && isHex(input.next); i++) input.advance();
      } else if (ch == letter_N) {
        if (input.next == braceOpen) {
          input.advance();
          while (input.next >= 0 && input.next != braceClose && input.next != singleQuote && input.next != doubleQuote && input.next != newline) input.advance();
          if (input.next == braceClose) input.advance();
        }
      }
    }
    var pythonHighlighting = highlight.styleTags({
      'async "*" "**" FormatConversion FormatSpec': highlight.tags.modifier,
      "for while if elif else try except finally return raise break continue with pass assert await yield match case": highlight.tags.controlKeyword,
      "in not and or is del": highlight.tags.operatorKeyword,
      "from def class global nonlocal lambda": highlight.tags.definitionKeyword,
      import: highlight.tags.moduleKeyword,
      "with as print": highlight.tags.keyword,
      Boolean: highlight.tags.bool,
      None: highlight.tags.null,
      VariableName: highlight.tags.variableName,
      "CallExpression/VariableName": highlight.tags.function(highlight.tags.variableName),
      "FunctionDefinition/VariableName": highlight.tags.function(highlight.tags.definition(highlight.tags.variableName)),
      "ClassDefinition/VariableName": highlight.tags.definition(highlight.tags.className),
      PropertyName: highlight.tags.propertyName,
      "CallExpression/MemberExpression/PropertyName": highlight.tags.function(highlight.tags.propertyName),
      Comment: highlight.tags.lineComment,
      Number: highlight.tags.number,
      String: highlight.tags.string,
      FormatString: highlight.tags.special(highlight.tags.string),
      Escape: highlight.tags.escape,
      UpdateOp: highlight.tags.updateOperator,
      "ArithOp!": highlight.tags.arithmeticOperator,
      BitOp: highlight.tags.bitwiseOperator,
      CompareOp: highlight.tags.compareOperator,
      AssignOp: highlight.tags.definitionOperator,
      Ellipsis: highlight.tags.punctuation,
      At: highlight.tags.meta,
      "( )": highlight.tags.paren,
      "[ ]": highlight.tags.squareBracket,
      "{ }": highlight.tags.brace,
      ".": highlight.tags.derefOperator,
      ", ;": highlight.tags.separator
    });
    var spec_identifier = { __proto__: null, await: 44, or: 54, and: 56, in: 60, not: 62, is: 64, if: 70, else: 72, lambda: 76, yield: 94, from: 96, async: 102, for: 104, None: 162, True: 164, False: 164, del: 178, pass: 182, break: 186, continue: 190, return: 194, raise: 202, import: 206, as: 208, global: 212, nonlocal: 214, assert: 218, type: 223, elif: 236, while: 240, try: 246, except: 248, finally: 250, with: 254, def: 258, class: 268, match: 279, case: 285 };
    var parser = lr.LRParser.deserialize({
      version: 14,
      states: "##jQ`QeOOP$}OSOOO&WQtO'#HUOOQS'#Co'#CoOOQS'#Cp'#CpO'vQdO'#CnO*UQtO'#HTOOQS'#HU'#HUOOQS'#DU'#DUOOQS'#HT'#HTO*rQdO'#D_O+VQdO'#DfO+gQdO'#DjO+zOWO'#DuO,VOWO'#DvO.[QtO'#GuOOQS'#Gu'#GuO'vQdO'#GtO0ZQtO'#GtOOQS'#Eb'#EbO0rQdO'#EcOOQS'#Gs'#GsO0|QdO'#GrOOQV'#Gr'#GrO1XQdO'#FYOOQS'#G^'#G^O1^QdO'#FXOOQV'#IS'#ISOOQV'#Gq'#GqOOQV'#Fq'#FqQ`QeOOO'vQdO'#CqO1lQdO'#C}O1sQdO'#DRO2RQdO'#HYO2cQtO'#EVO'vQdO'#EWOOQS'#EY'#EYOOQS'#E['#E[OOQS'#E^'#E^O2wQdO'#E`O3_QdO'#EdO3rQdO'#EfO3zQtO'#EfO1XQdO'#EiO0rQdO'#ElO1XQdO'#EnO0rQdO'#EtO0rQdO'#EwO4VQdO'#EyO4^QdO'#FOO4iQdO'#EzO0rQdO'#FOO1XQdO'#FQO1XQdO'#FVO4nQdO'#F[P4uOdO'#GpPOOO)CBd)CBdOOQS'#Ce'#CeOOQS'#Cf'#CfOOQS'#Cg'#CgOOQS'#Ch'#ChOOQS'#Ci'#CiOOQS'#Cj'#CjOOQS'#Cl'#ClO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO5TQdO'#DoOOQS,5:Y,5:YO5hQdO'#HdOOQS,5:],5:]O5uQ!fO,5:]O5zQtO,59YO1lQdO,59bO1lQdO,59bO1lQdO,59bO8jQdO,59bO8oQdO,59bO8vQdO,59jO8}QdO'#HTO:TQdO'#HSOOQS'#HS'#HSOOQS'#D['#D[O:lQdO,59aO'vQdO,59aO:zQdO,59aOOQS,59y,59yO;PQdO,5:RO'vQdO,5:ROOQS,5:Q,5:QO;_QdO,5:QO;dQdO,5:XO'vQdO,5:XO'vQdO,5:VOOQS,5:U,5:UO;uQdO,5:UO;zQdO,5:WOOOW'#Fy'#FyO<POWO,5:aOOQS,5:a,5:aO<[QdO'#HwOOOW'#Dw'#DwOOOW'#Fz'#FzO<lOWO,5:bOOQS,5:b,5:bOOQS'#F}'#F}O<zQtO,5:iO?lQtO,5=`O@VQ#xO,5=`O@vQtO,5=`OOQS,5:},5:}OA_QeO'#GWOBqQdO,5;^OOQV,5=^,5=^OB|QtO'#IPOCkQdO,5;tOOQS-E:[-E:[OOQV,5;s,5;sO4dQdO'#FQOOQV-E9o-E9oOCsQtO,59]OEzQtO,59iOFeQdO'#HVOFpQdO'#HVO1XQdO'#HVOF{QdO'#DTOGTQdO,59mOGYQdO'#HZO'vQdO'#HZO0rQdO,5=tOOQS,5=t,5=tO0rQdO'#EROOQS'#ES'#ESOGwQdO'#GPOHXQdO,58|OHXQdO,58|O*xQdO,5:oOHgQtO'#H]OOQS,5:r,5:rOOQS,5:z,5:zOHzQdO,5;OOI]QdO'#IOO1XQdO'#H}OOQS,5;Q,5;QOOQS'#GT'#GTOIqQtO,5;QOJPQdO,5;QOJUQdO'#IQOOQS,5;T,5;TOJdQdO'#H|OOQS,5;W,5;WOJuQdO,5;YO4iQdO,5;`O4iQdO,5;cOJ}QtO'#ITO'vQdO'#ITOKXQdO,5;eO4VQdO,5;eO0rQdO,5;jO1XQdO,5;lOK^QeO'#EuOLjQgO,5;fO!!kQdO'#IUO4iQdO,5;jO!!vQdO,5;lO!#OQdO,5;qO!#ZQtO,5;vO'vQdO,5;vPOOO,5=[,5=[P!#bOSO,5=[P!#jOdO,5=[O!&bQtO1G.jO!&iQtO1G.jO!)YQtO1G.jO!)dQtO1G.jO!+}QtO1G.jO!,bQtO1G.jO!,uQdO'#HcO!-TQtO'#GuO0rQdO'#HcO!-_QdO'#HbOOQS,5:Z,5:ZO!-gQdO,5:ZO!-lQdO'#HeO!-wQdO'#HeO!.[QdO,5>OOOQS'#Ds'#DsOOQS1G/w1G/wOOQS1G.|1G.|O!/[QtO1G.|O!/cQtO1G.|O1lQdO1G.|O!0OQdO1G/UOOQS'#DZ'#DZO0rQdO,59tOOQS1G.{1G.{O!0VQdO1G/eO!0gQdO1G/eO!0oQdO1G/fO'vQdO'#H[O!0tQdO'#H[O!0yQtO1G.{O!1ZQdO,59iO!2aQdO,5=zO!2qQdO,5=zO!2yQdO1G/mO!3OQtO1G/mOOQS1G/l1G/lO!3`QdO,5=uO!4VQdO,5=uO0rQdO1G/qO!4tQdO1G/sO!4yQtO1G/sO!5ZQtO1G/qOOQS1G/p1G/pOOQS1G/r1G/rOOOW-E9w-E9wOOQS1G/{1G/{O!5kQdO'#HxO0rQdO'#HxO!5|QdO,5>cOOOW-E9x-E9xOOQS1G/|1G/|OOQS-E9{-E9{O!6[Q#xO1G2zO!6{QtO1G2zO'vQdO,5<jOOQS,5<j,5<jOOQS-E9|-E9|OOQS,5<r,5<rOOQS-E:U-E:UOOQV1G0x1G0xO1XQdO'#GRO!7dQtO,5>kOOQS1G1`1G1`O!8RQdO1G1`OOQS'#DV'#DVO0rQdO,5=qOOQS,5=q,5=qO!8WQdO'#FrO!8cQdO,59oO!8kQdO1G/XO!8uQtO,5=uOOQS1G3`1G3`OOQS,5:m,5:mO!9fQdO'#GtOOQS,5<k,5<kOOQS-E9}-E9}O!9wQdO1G.hOOQS1G0Z1G0ZO!:VQdO,5=wO!:gQdO,5=wO0rQdO1G0jO0rQdO1G0jO!:xQdO,5>jO!;ZQdO,5>jO1XQdO,5>jO!;lQdO,5>iOOQS-E:R-E:RO!;qQdO1G0lO!;|QdO1G0lO!<RQdO,5>lO!<aQdO,5>lO!<oQdO,5>hO!=VQdO,5>hO!=hQdO'#EpO0rQdO1G0tO!=sQdO1G0tO!=xQgO1G0zO!AvQgO1G0}O!EqQdO,5>oO!E{QdO,5>oO!FTQtO,5>oO0rQdO1G1PO!F_QdO1G1PO4iQdO1G1UO!!vQdO1G1WOOQV,5;a,5;aO!FdQfO,5;aO!FiQgO1G1QO!JjQdO'#GZO4iQdO1G1QO4iQdO1G1QO!JzQdO,5>pO!KXQdO,5>pO1XQdO,5>pOOQV1G1U1G1UO!KaQdO'#FSO!KrQ!fO1G1WO!KzQdO1G1WOOQV1G1]1G1]O4iQdO1G1]O!LPQdO1G1]O!LXQdO'#F^OOQV1G1b1G1bO!#ZQtO1G1bPOOO1G2v1G2vP!L^OSO1G2vOOQS,5=},5=}OOQS'#Dp'#DpO0rQdO,5=}O!LfQdO,5=|O!LyQdO,5=|OOQS1G/u1G/uO!MRQdO,5>PO!McQdO,5>PO!MkQdO,5>PO!NOQdO,5>PO!N`QdO,5>POOQS1G3j1G3jOOQS7+$h7+$hO!8kQdO7+$pO#!RQdO1G.|O#!YQdO1G.|OOQS1G/`1G/`OOQS,5<`,5<`O'vQdO,5<`OOQS7+%P7+%PO#!aQdO7+%POOQS-E9r-E9rOOQS7+%Q7+%QO#!qQdO,5=vO'vQdO,5=vOOQS7+$g7+$gO#!vQdO7+%PO##OQdO7+%QO##TQdO1G3fOOQS7+%X7+%XO##eQdO1G3fO##mQdO7+%XOOQS,5<_,5<_O'vQdO,5<_O##rQdO1G3aOOQS-E9q-E9qO#$iQdO7+%]OOQS7+%_7+%_O#$wQdO1G3aO#%fQdO7+%_O#%kQdO1G3gO#%{QdO1G3gO#&TQdO7+%]O#&YQdO,5>dO#&sQdO,5>dO#&sQdO,5>dOOQS'#Dx'#DxO#'UO&jO'#DzO#'aO`O'#HyOOOW1G3}1G3}O#'fQdO1G3}O#'nQdO1G3}O#'yQ#xO7+(fO#(jQtO1G2UP#)TQdO'#GOOOQS,5<m,5<mOOQS-E:P-E:POOQS7+&z7+&zOOQS1G3]1G3]OOQS,5<^,5<^OOQS-E9p-E9pOOQS7+$s7+$sO#)bQdO,5=`O#){QdO,5=`O#*^QtO,5<aO#*qQdO1G3cOOQS-E9s-E9sOOQS7+&U7+&UO#+RQdO7+&UO#+aQdO,5<nO#+uQdO1G4UOOQS-E:Q-E:QO#,WQdO1G4UOOQS1G4T1G4TOOQS7+&W7+&WO#,iQdO7+&WOOQS,5<p,5<pO#,tQdO1G4WOOQS-E:S-E:SOOQS,5<l,5<lO#-SQdO1G4SOOQS-E:O-E:OO1XQdO'#EqO#-jQdO'#EqO#-uQdO'#IRO#-}QdO,5;[OOQS7+&`7+&`O0rQdO7+&`O#.SQgO7+&fO!JmQdO'#GXO4iQdO7+&fO4iQdO7+&iO#2QQtO,5<tO'vQdO,5<tO#2[QdO1G4ZOOQS-E:W-E:WO#2fQdO1G4ZO4iQdO7+&kO0rQdO7+&kOOQV7+&p7+&pO!KrQ!fO7+&rO!KzQdO7+&rO`QeO1G0{OOQV-E:X-E:XO4iQdO7+&lO4iQdO7+&lOOQV,5<u,5<uO#2nQdO,5<uO!JmQdO,5<uOOQV7+&l7+&lO#2yQgO7+&lO#6tQdO,5<vO#7PQdO1G4[OOQS-E:Y-E:YO#7^QdO1G4[O#7fQdO'#IWO#7tQdO'#IWO1XQdO'#IWOOQS'#IW'#IWO#8PQdO'#IVOOQS,5;n,5;nO#8XQdO,5;nO0rQdO'#FUOOQV7+&r7+&rO4iQdO7+&rOOQV7+&w7+&wO4iQdO7+&wO#8^QfO,5;xOOQV7+&|7+&|POOO7+(b7+(bO#8cQdO1G3iOOQS,5<c,5<cO#8qQdO1G3hOOQS-E9u-E9uO#9UQdO,5<dO#9aQdO,5<dO#9tQdO1G3kOOQS-E9v-E9vO#:UQdO1G3kO#:^QdO1G3kO#:nQdO1G3kO#:UQdO1G3kOOQS<<H[<<H[O#:yQtO1G1zOOQS<<Hk<<HkP#;WQdO'#FtO8vQdO1G3bO#;eQdO1G3bO#;jQdO<<HkOOQS<<Hl<<HlO#;zQdO7+)QOOQS<<Hs<<HsO#<[QtO1G1yP#<{QdO'#FsO#=YQdO7+)RO#=jQdO7+)RO#=rQdO<<HwO#=wQdO7+({OOQS<<Hy<<HyO#>nQdO,5<bO'vQdO,5<bOOQS-E9t-E9tOOQS<<Hw<<HwOOQS,5<g,5<gO0rQdO,5<gO#>sQdO1G4OOOQS-E9y-E9yO#?^QdO1G4OO<[QdO'#H{OOOO'#D{'#D{OOOO'#F|'#F|O#?oO&jO,5:fOOOW,5>e,5>eOOOW7+)i7+)iO#?zQdO7+)iO#@SQdO1G2zO#@mQdO1G2zP'vQdO'#FuO0rQdO<<IpO1XQdO1G2YP1XQdO'#GSO#AOQdO7+)pO#AaQdO7+)pOOQS<<Ir<<IrP1XQdO'#GUP0rQdO'#GQOOQS,5;],5;]O#ArQdO,5>mO#BQQdO,5>mOOQS1G0v1G0vOOQS<<Iz<<IzOOQV-E:V-E:VO4iQdO<<JQOOQV,5<s,5<sO4iQdO,5<sOOQV<<JQ<<JQOOQV<<JT<<JTO#BYQtO1G2`P#BdQdO'#GYO#BkQdO7+)uO#BuQgO<<JVO4iQdO<<JVOOQV<<J^<<J^O4iQdO<<J^O!KrQ!fO<<J^O#FpQgO7+&gOOQV<<JW<<JWO#FzQgO<<JWOOQV1G2a1G2aO1XQdO1G2aO#JuQdO1G2aO4iQdO<<JWO1XQdO1G2bP0rQdO'#G[O#KQQdO7+)vO#K_QdO7+)vOOQS'#FT'#FTO0rQdO,5>rO#KgQdO,5>rO#KrQdO,5>rO#K}QdO,5>qO#L`QdO,5>qOOQS1G1Y1G1YOOQS,5;p,5;pOOQV<<Jc<<JcO#LhQdO1G1dOOQS7+)T7+)TP#LmQdO'#FwO#L}QdO1G2OO#MbQdO1G2OO#MrQdO1G2OP#M}QdO'#FxO#N[QdO7+)VO#NlQdO7+)VO#NlQdO7+)VO#NtQdO7+)VO$ UQdO7+(|O8vQdO7+(|OOQSAN>VAN>VO$ oQdO<<LmOOQSAN>cAN>cO0rQdO1G1|O$!PQtO1G1|P$!ZQdO'#FvOOQS1G2R1G2RP$!hQdO'#F{O$!uQdO7+)jO$#`QdO,5>gOOOO-E9z-E9zOOOW<<MT<<MTO$#nQdO7+(fOOQSAN?[AN?[OOQS7+'t7+'tO$$XQdO<<M[OOQS,5<q,5<qO$$jQdO1G4XOOQS-E:T-E:TOOQVAN?lAN?lOOQV1G2_1G2_O4iQdOAN?qO$$xQgOAN?qOOQVAN?xAN?xO4iQdOAN?xOOQV<<JR<<JRO4iQdOAN?rO4iQdO7+'{OOQV7+'{7+'{O1XQdO7+'{OOQVAN?rAN?rOOQS7+'|7+'|O$(sQdO<<MbOOQS1G4^1G4^O0rQdO1G4^OOQS,5<w,5<wO$)QQdO1G4]OOQS-E:Z-E:ZOOQU'#G_'#G_O$)cQfO7+'OO$)nQdO'#F_O$*uQdO7+'jO$+VQdO7+'jOOQS7+'j7+'jO$+bQdO<<LqO$+rQdO<<LqO$+rQdO<<LqO$+zQdO'#H^OOQS<<Lh<<LhO$,UQdO<<LhOOQS7+'h7+'hOOQS'#D|'#D|OOOO1G4R1G4RO$,oQdO1G4RO$,wQdO1G4RP!=hQdO'#GVOOQVG25]G25]O4iQdOG25]OOQVG25dG25dOOQVG25^G25^OOQV<<Kg<<KgO4iQdO<<KgOOQS7+)x7+)xP$-SQdO'#G]OOQU-E:]-E:]OOQV<<Jj<<JjO$-vQtO'#FaOOQS'#Fc'#FcO$.WQdO'#FbO$.xQdO'#FbOOQS'#Fb'#FbO$.}QdO'#IYO$)nQdO'#FiO$)nQdO'#FiO$/fQdO'#FjO$)nQdO'#FkO$/mQdO'#IZOOQS'#IZ'#IZO$0[QdO,5;yOOQS<<KU<<KUO$0dQdO<<KUO$0tQdOANB]O$1UQdOANB]O$1^QdO'#H_OOQS'#H_'#H_O1sQdO'#DcO$1wQdO,5=xOOQSANBSANBSOOOO7+)m7+)mO$2`QdO7+)mOOQVLD*wLD*wOOQVANARANARO5uQ!fO'#GaO$2hQtO,5<SO$)nQdO'#FmOOQS,5<W,5<WOOQS'#Fd'#FdO$3YQdO,5;|O$3_QdO,5;|OOQS'#Fg'#FgO$)nQdO'#G`O$4PQdO,5<QO$4kQdO,5>tO$4{QdO,5>tO1XQdO,5<PO$5^QdO,5<TO$5cQdO,5<TO$)nQdO'#I[O$5hQdO'#I[O$5mQdO,5<UOOQS,5<V,5<VO0rQdO'#FpOOQU1G1e1G1eO4iQdO1G1eOOQSAN@pAN@pO$5rQdOG27wO$6SQdO,59}OOQS1G3d1G3dOOOO<<MX<<MXOOQS,5<{,5<{OOQS-E:_-E:_O$6XQtO'#FaO$6`QdO'#I]O$6nQdO'#I]O$6vQdO,5<XOOQS1G1h1G1hO$6{QdO1G1hO$7QQdO,5<zOOQS-E:^-E:^O$7lQdO,5=OO$8TQdO1G4`OOQS-E:b-E:bOOQS1G1k1G1kOOQS1G1o1G1oO$8eQdO,5>vO$)nQdO,5>vOOQS1G1p1G1pOOQS,5<[,5<[OOQU7+'P7+'PO$+zQdO1G/iO$)nQdO,5<YO$8sQdO,5>wO$8zQdO,5>wOOQS1G1s1G1sOOQS7+'S7+'SP$)nQdO'#GdO$9SQdO1G4bO$9^QdO1G4bO$9fQdO1G4bOOQS7+%T7+%TO$9tQdO1G1tO$:SQtO'#FaO$:ZQdO,5<}OOQS,5<},5<}O$:iQdO1G4cOOQS-E:a-E:aO$)nQdO,5<|O$:pQdO,5<|O$:uQdO7+)|OOQS-E:`-E:`O$;PQdO7+)|O$)nQdO,5<ZP$)nQdO'#GcO$;XQdO1G2hO$)nQdO1G2hP$;gQdO'#GbO$;nQdO<<MhO$;xQdO1G1uO$<WQdO7+(SO8vQdO'#C}O8vQdO,59bO8vQdO,59bO8vQdO,59bO$<fQtO,5=`O8vQdO1G.|O0rQdO1G/XO0rQdO7+$pP$<yQdO'#GOO'vQdO'#GtO$=WQdO,59bO$=]QdO,59bO$=dQdO,59mO$=iQdO1G/UO1sQdO'#DRO8vQdO,59j",
      stateData: "$>S~O%cOS%^OSSOS%]PQ~OPdOVaOfoOhYOopOs!POvqO!PrO!Q{O!T!SO!U!RO!XZO!][O!h`O!r`O!s`O!t`O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#l!QO#o!TO#s!UO#u!VO#z!WO#}hO$P!XO%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~O%]!YO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%j![O%k!]O%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aO~Ok%xXl%xXm%xXn%xXo%xXp%xXs%xXz%xX{%xX!x%xX#g%xX%[%xX%_%xX%z%xXg%xX!T%xX!U%xX%{%xX!W%xX![%xX!Q%xX#[%xXt%xX!m%xX~P%SOfoOhYO!XZO!][O!h`O!r`O!s`O!t`O%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~Oz%wX{%wX#g%wX%[%wX%_%wX%z%wX~Ok!pOl!qOm!oOn!oOo!rOp!sOs!tO!x%wX~P)pOV!zOg!|Oo0cOv0qO!PrO~P'vOV#OOo0cOv0qO!W#PO~P'vOV#SOa#TOo0cOv0qO![#UO~P'vOQ#XO%`#XO%a#ZO~OQ#^OR#[O%`#^O%a#`O~OV%iX_%iXa%iXh%iXk%iXl%iXm%iXn%iXo%iXp%iXs%iXz%iX!X%iX!f%iX%j%iX%k%iX%l%iX%m%iX%n%iX%o%iX%p%iX%q%iX%r%iX%s%iXg%iX!T%iX!U%iX~O&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O{%iX!x%iX#g%iX%[%iX%_%iX%z%iX%{%iX!W%iX![%iX!Q%iX#[%iXt%iX!m%iX~P,eOz#dO{%hX!x%hX#g%hX%[%hX%_%hX%z%hX~Oo0cOv0qO~P'vO#g#gO%[#iO%_#iO~O%uWO~O!T#nO#u!VO#z!WO#}hO~OopO~P'vOV#sOa#tO%uWO{wP~OV#xOo0cOv0qO!Q#yO~P'vO{#{O!x$QO%z#|O#g!yX%[!yX%_!yX~OV#xOo0cOv0qO#g#SX%[#SX%_#SX~P'vOo0cOv0qO#g#WX%[#WX%_#WX~P'vOh$WO%uWO~O!f$YO!r$YO%uWO~OV$eO~P'vO!U$gO#s$hO#u$iO~O{$jO~OV$qO~P'vOS$sO%[$rO%_$rO%c$tO~OV$}Oa$}Og%POo0cOv0qO~P'vOo0cOv0qO{%SO~P'vO&Y%UO~Oa!bOh!iO!X!kO!f!mOVba_bakbalbambanbaobapbasbazba{ba!xba#gba%[ba%_ba%jba%kba%lba%mba%nba%oba%pba%qba%rba%sba%zbagba!Tba!Uba%{ba!Wba![ba!Qba#[batba!mba~On%ZO~Oo%ZO~P'vOo0cO~P'vOk0eOl0fOm0dOn0dOo0mOp0nOs0rOg%wX!T%wX!U%wX%{%wX!W%wX![%wX!Q%wX#[%wX!m%wX~P)pO%{%]Og%vXz%vX!T%vX!U%vX!W%vX{%vX~Og%_Oz%`O!T%dO!U%cO~Og%_O~Oz%gO!T%dO!U%cO!W&SX~O!W%kO~Oz%lO{%nO!T%dO!U%cO![%}X~O![%rO~O![%sO~OQ#XO%`#XO%a%uO~OV%wOo0cOv0qO!PrO~P'vOQ#^OR#[O%`#^O%a%zO~OV!qa_!qaa!qah!qak!qal!qam!qan!qao!qap!qas!qaz!qa{!qa!X!qa!f!qa!x!qa#g!qa%[!qa%_!qa%j!qa%k!qa%l!qa%m!qa%n!qa%o!qa%p!qa%q!qa%r!qa%s!qa%z!qag!qa!T!qa!U!qa%{!qa!W!qa![!qa!Q!qa#[!qat!qa!m!qa~P#yOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P%SOV&OOopOvqO{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P'vOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#g$zX%[$zX%_$zX~P'vO#g#gO%[&TO%_&TO~O!f&UOh&sX%[&sXz&sX#[&sX#g&sX%_&sX#Z&sXg&sX~Oh!iO%[&WO~Okealeameaneaoeapeaseazea{ea!xea#gea%[ea%_ea%zeagea!Tea!Uea%{ea!Wea![ea!Qea#[eatea!mea~P%SOsqazqa{qa#gqa%[qa%_qa%zqa~Ok!pOl!qOm!oOn!oOo!rOp!sO!xqa~PEcO%z&YOz%yX{%yX~O%uWOz%yX{%yX~Oz&]O{wX~O{&_O~Oz%lO#g%}X%[%}X%_%}Xg%}X{%}X![%}X!m%}X%z%}X~OV0lOo0cOv0qO!PrO~P'vO%z#|O#gUa%[Ua%_Ua~Oz&hO#g&PX%[&PX%_&PXn&PX~P%SOz&kO!Q&jO#g#Wa%[#Wa%_#Wa~Oz&lO#[&nO#g&rX%[&rX%_&rXg&rX~O!f$YO!r$YO#Z&qO%uWO~O#Z&qO~Oz&sO#g&tX%[&tX%_&tX~Oz&uO#g&pX%[&pX%_&pX{&pX~O!X&wO%z&xO~Oz&|On&wX~P%SOn'PO~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO%['UO~P'vOt'YO#p'WO#q'XOP#naV#naf#nah#nao#nas#nav#na!P#na!Q#na!T#na!U#na!X#na!]#na!h#na!r#na!s#na!t#na!{#na!}#na#P#na#R#na#T#na#X#na#Z#na#^#na#_#na#a#na#c#na#l#na#o#na#s#na#u#na#z#na#}#na$P#na%X#na%o#na%p#na%t#na%u#na&Z#na&[#na&]#na&^#na&_#na&`#na&a#na&b#na&c#na&d#na&e#na&f#na&g#na&h#na&i#na&j#na%Z#na%_#na~Oz'ZO#[']O{&xX~Oh'_O!X&wO~Oh!iO{$jO!X&wO~O{'eO~P%SO%['hO%_'hO~OS'iO%['hO%_'hO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%k!]O~P!#uO%kWi~P!#uOV!aO_!aOa!bOh!iO!X!kO!f!mO%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%m!_O%n!_O~P!&pO%mWi%nWi~P!&pOa!bOh!iO!X!kO!f!mOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%mWi%nWi%oWi%pWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~OV!aO_!aO%q!aO%r!aO%s!aO~P!)nOVWi_Wi%qWi%rWi%sWi~P!)nO!T%dO!U%cOg&VXz&VX~O%z'kO%{'kO~P,eOz'mOg&UX~Og'oO~Oz'pO{'rO!W&XX~Oo0cOv0qOz'pO{'sO!W&XX~P'vO!W'uO~Om!oOn!oOo!rOp!sOkjisjizji{ji!xji#gji%[ji%_ji%zji~Ol!qO~P!.aOlji~P!.aOk0eOl0fOm0dOn0dOo0mOp0nO~Ot'wO~P!/jOV'|Og'}Oo0cOv0qO~P'vOg'}Oz(OO~Og(QO~O!U(SO~Og(TOz(OO!T%dO!U%cO~P%SOk0eOl0fOm0dOn0dOo0mOp0nOgqa!Tqa!Uqa%{qa!Wqa![qa!Qqa#[qatqa!mqa~PEcOV'|Oo0cOv0qO!W&Sa~P'vOz(WO!W&Sa~O!W(XO~Oz(WO!T%dO!U%cO!W&Sa~P%SOV(]Oo0cOv0qO![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~P'vOz(^O![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~O![(aO~Oz(^O!T%dO!U%cO![%}a~P%SOz(dO!T%dO!U%cO![&Ta~P%SOz(gO{&lX![&lX!m&lX%z&lX~O{(kO![(mO!m(nO%z(jO~OV&OOopOvqO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~P'vOz(pO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~O!f&UOh&sa%[&saz&sa#[&sa#g&sa%_&sa#Z&sag&sa~O%[(uO~OV#sOa#tO%uWO~Oz&]O{wa~OopOvqO~P'vOz(^O#g%}a%[%}a%_%}ag%}a{%}a![%}a!m%}a%z%}a~P%SOz(zO#g%hX%[%hX%_%hX%z%hX~O%z#|O#gUi%[Ui%_Ui~O#g&Pa%[&Pa%_&Pan&Pa~P'vOz(}O#g&Pa%[&Pa%_&Pan&Pa~O%uWO#g&ra%[&ra%_&rag&ra~Oz)SO#g&ra%[&ra%_&rag&ra~Og)VO~OV)WOh$WO%uWO~O#Z)XO~O%uWO#g&ta%[&ta%_&ta~Oz)ZO#g&ta%[&ta%_&ta~Oo0cOv0qO#g&pa%[&pa%_&pa{&pa~P'vOz)^O#g&pa%[&pa%_&pa{&pa~OV)`Oa)`O%uWO~O%z)eO~Ot)hO#j)gOP#hiV#hif#hih#hio#his#hiv#hi!P#hi!Q#hi!T#hi!U#hi!X#hi!]#hi!h#hi!r#hi!s#hi!t#hi!{#hi!}#hi#P#hi#R#hi#T#hi#X#hi#Z#hi#^#hi#_#hi#a#hi#c#hi#l#hi#o#hi#s#hi#u#hi#z#hi#}#hi$P#hi%X#hi%o#hi%p#hi%t#hi%u#hi&Z#hi&[#hi&]#hi&^#hi&_#hi&`#hi&a#hi&b#hi&c#hi&d#hi&e#hi&f#hi&g#hi&h#hi&i#hi&j#hi%Z#hi%_#hi~Ot)iOP#kiV#kif#kih#kio#kis#kiv#ki!P#ki!Q#ki!T#ki!U#ki!X#ki!]#ki!h#ki!r#ki!s#ki!t#ki!{#ki!}#ki#P#ki#R#ki#T#ki#X#ki#Z#ki#^#ki#_#ki#a#ki#c#ki#l#ki#o#ki#s#ki#u#ki#z#ki#}#ki$P#ki%X#ki%o#ki%p#ki%t#ki%u#ki&Z#ki&[#ki&]#ki&^#ki&_#ki&`#ki&a#ki&b#ki&c#ki&d#ki&e#ki&f#ki&g#ki&h#ki&i#ki&j#ki%Z#ki%_#ki~OV)kOn&wa~P'vOz)lOn&wa~Oz)lOn&wa~P%SOn)pO~O%Y)tO~Ot)wO#p'WO#q)vOP#niV#nif#nih#nio#nis#niv#ni!P#ni!Q#ni!T#ni!U#ni!X#ni!]#ni!h#ni!r#ni!s#ni!t#ni!{#ni!}#ni#P#ni#R#ni#T#ni#X#ni#Z#ni#^#ni#_#ni#a#ni#c#ni#l#ni#o#ni#s#ni#u#ni#z#ni#}#ni$P#ni%X#ni%o#ni%p#ni%t#ni%u#ni&Z#ni&[#ni&]#ni&^#ni&_#ni&`#ni&a#ni&b#ni&c#ni&d#ni&e#ni&f#ni&g#ni&h#ni&i#ni&j#ni%Z#ni%_#ni~OV)zOo0cOv0qO{$jO~P'vOo0cOv0qO{&xa~P'vOz*OO{&xa~OV*SOa*TOg*WO%q*UO%uWO~O{$jO&{*YO~Oh'_O~Oh!iO{$jO~O%[*_O~O%[*aO%_*aO~OV$}Oa$}Oo0cOv0qOg&Ua~P'vOz*dOg&Ua~Oo0cOv0qO{*gO!W&Xa~P'vOz*hO!W&Xa~Oo0cOv0qOz*hO{*kO!W&Xa~P'vOo0cOv0qOz*hO!W&Xa~P'vOz*hO{*kO!W&Xa~Om0dOn0dOo0mOp0nOgjikjisjizji!Tji!Uji%{ji!Wji{ji![ji#gji%[ji%_ji!Qji#[jitji!mji%zji~Ol0fO~P!NkOlji~P!NkOV'|Og*pOo0cOv0qO~P'vOn*rO~Og*pOz*tO~Og*uO~OV'|Oo0cOv0qO!W&Si~P'vOz*vO!W&Si~O!W*wO~OV(]Oo0cOv0qO![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~P'vOz*zO!T%dO!U%cO![&Ti~Oz*}O![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~O![+OO~Oa+QOo0cOv0qO![&Ti~P'vOz*zO![&Ti~O![+SO~OV+UOo0cOv0qO{&la![&la!m&la%z&la~P'vOz+VO{&la![&la!m&la%z&la~O!]+YO&n+[O![!nX~O![+^O~O{(kO![+_O~O{(kO![+_O!m+`O~OV&OOopOvqO{%hq!x%hq#g%hq%[%hq%_%hq%z%hq~P'vOz$ri{$ri!x$ri#g$ri%[$ri%_$ri%z$ri~P%SOV&OOopOvqO~P'vOV&OOo0cOv0qO#g%ha%[%ha%_%ha%z%ha~P'vOz+aO#g%ha%[%ha%_%ha%z%ha~Oz$ia#g$ia%[$ia%_$ian$ia~P%SO#g&Pi%[&Pi%_&Pin&Pi~P'vOz+dO#g#Wq%[#Wq%_#Wq~O#[+eOz$va#g$va%[$va%_$vag$va~O%uWO#g&ri%[&ri%_&rig&ri~Oz+gO#g&ri%[&ri%_&rig&ri~OV+iOh$WO%uWO~O%uWO#g&ti%[&ti%_&ti~Oo0cOv0qO#g&pi%[&pi%_&pi{&pi~P'vO{#{Oz#eX!W#eX~Oz+mO!W&uX~O!W+oO~Ot+rO#j)gOP#hqV#hqf#hqh#hqo#hqs#hqv#hq!P#hq!Q#hq!T#hq!U#hq!X#hq!]#hq!h#hq!r#hq!s#hq!t#hq!{#hq!}#hq#P#hq#R#hq#T#hq#X#hq#Z#hq#^#hq#_#hq#a#hq#c#hq#l#hq#o#hq#s#hq#u#hq#z#hq#}#hq$P#hq%X#hq%o#hq%p#hq%t#hq%u#hq&Z#hq&[#hq&]#hq&^#hq&_#hq&`#hq&a#hq&b#hq&c#hq&d#hq&e#hq&f#hq&g#hq&h#hq&i#hq&j#hq%Z#hq%_#hq~On$|az$|a~P%SOV)kOn&wi~P'vOz+yOn&wi~Oz,TO{$jO#[,TO~O#q,VOP#nqV#nqf#nqh#nqo#nqs#nqv#nq!P#nq!Q#nq!T#nq!U#nq!X#nq!]#nq!h#nq!r#nq!s#nq!t#nq!{#nq!}#nq#P#nq#R#nq#T#nq#X#nq#Z#nq#^#nq#_#nq#a#nq#c#nq#l#nq#o#nq#s#nq#u#nq#z#nq#}#nq$P#nq%X#nq%o#nq%p#nq%t#nq%u#nq&Z#nq&[#nq&]#nq&^#nq&_#nq&`#nq&a#nq&b#nq&c#nq&d#nq&e#nq&f#nq&g#nq&h#nq&i#nq&j#nq%Z#nq%_#nq~O#[,WOz%Oa{%Oa~Oo0cOv0qO{&xi~P'vOz,YO{&xi~O{#{O%z,[Og&zXz&zX~O%uWOg&zXz&zX~Oz,`Og&yX~Og,bO~O%Y,eO~O!T%dO!U%cOg&Viz&Vi~OV$}Oa$}Oo0cOv0qOg&Ui~P'vO{,hOz$la!W$la~Oo0cOv0qO{,iOz$la!W$la~P'vOo0cOv0qO{*gO!W&Xi~P'vOz,lO!W&Xi~Oo0cOv0qOz,lO!W&Xi~P'vOz,lO{,oO!W&Xi~Og$hiz$hi!W$hi~P%SOV'|Oo0cOv0qO~P'vOn,qO~OV'|Og,rOo0cOv0qO~P'vOV'|Oo0cOv0qO!W&Sq~P'vOz$gi![$gi#g$gi%[$gi%_$gig$gi{$gi!m$gi%z$gi~P%SOV(]Oo0cOv0qO~P'vOa+QOo0cOv0qO![&Tq~P'vOz,sO![&Tq~O![,tO~OV(]Oo0cOv0qO![%}q#g%}q%[%}q%_%}qg%}q{%}q!m%}q%z%}q~P'vO{,uO~OV+UOo0cOv0qO{&li![&li!m&li%z&li~P'vOz,zO{&li![&li!m&li%z&li~O!]+YO&n+[O![!na~O{(kO![,}O~OV&OOo0cOv0qO#g%hi%[%hi%_%hi%z%hi~P'vOz-OO#g%hi%[%hi%_%hi%z%hi~O%uWO#g&rq%[&rq%_&rqg&rq~Oz-RO#g&rq%[&rq%_&rqg&rq~OV)`Oa)`O%uWO!W&ua~Oz-TO!W&ua~On$|iz$|i~P%SOV)kO~P'vOV)kOn&wq~P'vOt-XOP#myV#myf#myh#myo#mys#myv#my!P#my!Q#my!T#my!U#my!X#my!]#my!h#my!r#my!s#my!t#my!{#my!}#my#P#my#R#my#T#my#X#my#Z#my#^#my#_#my#a#my#c#my#l#my#o#my#s#my#u#my#z#my#}#my$P#my%X#my%o#my%p#my%t#my%u#my&Z#my&[#my&]#my&^#my&_#my&`#my&a#my&b#my&c#my&d#my&e#my&f#my&g#my&h#my&i#my&j#my%Z#my%_#my~O%Z-]O%_-]O~P`O#q-^OP#nyV#nyf#nyh#nyo#nys#nyv#ny!P#ny!Q#ny!T#ny!U#ny!X#ny!]#ny!h#ny!r#ny!s#ny!t#ny!{#ny!}#ny#P#ny#R#ny#T#ny#X#ny#Z#ny#^#ny#_#ny#a#ny#c#ny#l#ny#o#ny#s#ny#u#ny#z#ny#}#ny$P#ny%X#ny%o#ny%p#ny%t#ny%u#ny&Z#ny&[#ny&]#ny&^#ny&_#ny&`#ny&a#ny&b#ny&c#ny&d#ny&e#ny&f#ny&g#ny&h#ny&i#ny&j#ny%Z#ny%_#ny~Oz-aO{$jO#[-aO~Oo0cOv0qO{&xq~P'vOz-dO{&xq~O%z,[Og&zaz&za~O{#{Og&zaz&za~OV*SOa*TO%q*UO%uWOg&ya~Oz-hOg&ya~O$S-lO~OV$}Oa$}Oo0cOv0qO~P'vOo0cOv0qO{-mOz$li!W$li~P'vOo0cOv0qOz$li!W$li~P'vO{-mOz$li!W$li~Oo0cOv0qO{*gO~P'vOo0cOv0qO{*gO!W&Xq~P'vOz-pO!W&Xq~Oo0cOv0qOz-pO!W&Xq~P'vOs-sO!T%dO!U%cOg&Oq!W&Oq![&Oqz&Oq~P!/jOa+QOo0cOv0qO![&Ty~P'vOz$ji![$ji~P%SOa+QOo0cOv0qO~P'vOV+UOo0cOv0qO~P'vOV+UOo0cOv0qO{&lq![&lq!m&lq%z&lq~P'vO{(kO![-xO!m-yO%z-wO~OV&OOo0cOv0qO#g%hq%[%hq%_%hq%z%hq~P'vO%uWO#g&ry%[&ry%_&ryg&ry~OV)`Oa)`O%uWO!W&ui~Ot-}OP#m!RV#m!Rf#m!Rh#m!Ro#m!Rs#m!Rv#m!R!P#m!R!Q#m!R!T#m!R!U#m!R!X#m!R!]#m!R!h#m!R!r#m!R!s#m!R!t#m!R!{#m!R!}#m!R#P#m!R#R#m!R#T#m!R#X#m!R#Z#m!R#^#m!R#_#m!R#a#m!R#c#m!R#l#m!R#o#m!R#s#m!R#u#m!R#z#m!R#}#m!R$P#m!R%X#m!R%o#m!R%p#m!R%t#m!R%u#m!R&Z#m!R&[#m!R&]#m!R&^#m!R&_#m!R&`#m!R&a#m!R&b#m!R&c#m!R&d#m!R&e#m!R&f#m!R&g#m!R&h#m!R&i#m!R&j#m!R%Z#m!R%_#m!R~Oo0cOv0qO{&xy~P'vOV*SOa*TO%q*UO%uWOg&yi~O$S-lO%Z.VO%_.VO~OV.aOh._O!X.^O!].`O!h.YO!s.[O!t.[O%p.XO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O~Oo0cOv0qOz$lq!W$lq~P'vO{.fOz$lq!W$lq~Oo0cOv0qO{*gO!W&Xy~P'vOz.gO!W&Xy~Oo0cOv.kO~P'vOs-sO!T%dO!U%cOg&Oy!W&Oy![&Oyz&Oy~P!/jO{(kO![.nO~O{(kO![.nO!m.oO~OV*SOa*TO%q*UO%uWO~Oh.tO!f.rOz$TX#[$TX%j$TXg$TX~Os$TX{$TX!W$TX![$TX~P$-bO%o.vO%p.vOs$UXz$UX{$UX#[$UX%j$UX!W$UXg$UX![$UX~O!h.xO~Oz.|O#[/OO%j.yOs&|X{&|X!W&|Xg&|X~Oa/RO~P$)zOh.tOs&}Xz&}X{&}X#[&}X%j&}X!W&}Xg&}X![&}X~Os/VO{$jO~Oo0cOv0qOz$ly!W$ly~P'vOo0cOv0qO{*gO!W&X!R~P'vOz/ZO!W&X!R~Og&RXs&RX!T&RX!U&RX!W&RX![&RXz&RX~P!/jOs-sO!T%dO!U%cOg&Qa!W&Qa![&Qaz&Qa~O{(kO![/^O~O!f.rOh$[as$[az$[a{$[a#[$[a%j$[a!W$[ag$[a![$[a~O!h/eO~O%o.vO%p.vOs$Uaz$Ua{$Ua#[$Ua%j$Ua!W$Uag$Ua![$Ua~O%j.yOs$Yaz$Ya{$Ya#[$Ya!W$Yag$Ya![$Ya~Os&|a{&|a!W&|ag&|a~P$)nOz/jOs&|a{&|a!W&|ag&|a~O!W/mO~Og/mO~O{/oO~O![/pO~Oo0cOv0qO{*gO!W&X!Z~P'vO{/sO~O%z/tO~P$-bOz/uO#[/OO%j.yOg'PX~Oz/uOg'PX~Og/wO~O!h/xO~O#[/OOs%Saz%Sa{%Sa%j%Sa!W%Sag%Sa![%Sa~O#[/OO%j.yOs%Waz%Wa{%Wa!W%Wag%Wa~Os&|i{&|i!W&|ig&|i~P$)nOz/zO#[/OO%j.yO!['Oa~Og'Pa~P$)nOz0SOg'Pa~Oa0UO!['Oi~P$)zOz0WO!['Oi~Oz0WO#[/OO%j.yO!['Oi~O#[/OO%j.yOg$biz$bi~O%z0ZO~P$-bO#[/OO%j.yOg%Vaz%Va~Og'Pi~P$)nO{0^O~Oa0UO!['Oq~P$)zOz0`O!['Oq~O#[/OO%j.yOz%Ui![%Ui~Oa0UO~P$)zOa0UO!['Oy~P$)zO#[/OO%j.yOg$ciz$ci~O#[/OO%j.yOz%Uq![%Uq~Oz+aO#g%ha%[%ha%_%ha%z%ha~P%SOV&OOo0cOv0qO~P'vOn0hO~Oo0hO~P'vO{0iO~Ot0jO~P!/jO&]&Z&j&h&i&g&f&d&e&c&b&`&a&_&^&[%u~",
      goto: "!=j'QPPPPPP'RP'Z*s+[+t,_,y-fP.SP'Z.r.r'ZPPP'Z2[PPPPPP2[5PPP5PP7b7k=sPP=v>h>kPP'Z'ZPP>zPP'Z'ZPP'Z'Z'Z'Z'Z?O?w'ZP?zP@QDXGuGyPG|HWH['ZPPPH_Hk'RP'R'RP'RP'RP'RP'RP'R'R'RP'RPP'RPP'RP'RPHqH}IVPI^IdPI^PI^I^PPPI^PKrPK{LVL]KrPI^LfPI^PLmLsPLwM]MzNeLwLwNkNxLwLwLwLw! ^! d! g! l! o! y!!P!!]!!o!!u!#P!#V!#s!#y!$P!$Z!$a!$g!$y!%T!%Z!%a!%k!%q!%w!%}!&T!&Z!&e!&k!&u!&{!'U!'[!'k!'s!'}!(UPPPPPPPPPPP!([!(_!(e!(n!(x!)TPPPPPPPPPPPP!-u!/Z!3^!6oPP!6w!7W!7a!8Y!8P!8c!8i!8l!8o!8r!8z!9jPPPPPPPPPPPPPPPPP!9m!9q!9wP!:]!:a!:m!:v!;S!;j!;m!;p!;v!;|!<S!<VP!<_!<h!=d!=g]eOn#g$j)t,P'}`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r{!cQ#c#p$R$d$p%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g}!dQ#c#p$R$d$p$u%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!P!eQ#c#p$R$d$p$u$v%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!R!fQ#c#p$R$d$p$u$v$w%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!T!gQ#c#p$R$d$p$u$v$w$x%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!V!hQ#c#p$R$d$p$u$v$w$x$y%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!Z!hQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g'}TOTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r&eVOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0r%oXOYZ[dnrxy}!P!Q!U!i!k#[#d#g#y#{#}$Q$h$j$}%S%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#vqQ/[.kR0o0q't`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rh#jhz{$W$Z&l&q)S)X+f+g-RW#rq&].k0qQ$]|Q$a!OQ$n!VQ$o!WW$|!i'm*d,gS&[#s#tQ'S$iQ(s&UQ)U&nU)Y&s)Z+jW)a&w+m-T-{Q*Q']W*R'_,`-h.TQ+l)`S,_*S*TQ-Q+eQ-_,TQ-c,WQ.R-al.W-l.^._.a.z.|/R/j/o/t/y0U0Z0^Q/S.`Q/a.tQ/l/OU0P/u0S0[X0V/z0W0_0`R&Z#r!_!wYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZR%^!vQ!{YQ%x#[Q&d#}Q&g$QR,{+YT.j-s/s!Y!jQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gQ&X#kQ'c$oR*^'dR'l$|Q%V!mR/_.r'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rS#a_#b!P.[-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rT#a_#bT#^^#_R(o%xa(l%x(n(o+`,{-y-z.oT+[(k+]R-z,{Q$PsQ+l)aQ,^*RR-e,_X#}s$O$P&fQ&y$aQ'a$nQ'd$oR)s'SQ)b&wV-S+m-T-{ZgOn$j)t,PXkOn)t,PQ$k!TQ&z$bQ&{$cQ'^$mQ'b$oQ)q'RQ)x'WQ){'XQ)|'YQ*Z'`S*]'c'dQ+s)gQ+u)hQ+v)iQ+z)oS+|)r*[Q,Q)vQ,R)wS,S)y)zQ,d*^Q-V+rQ-W+tQ-Y+{S-Z+},OQ-`,UQ-b,VQ-|-XQ.O-[Q.P-^Q.Q-_Q.p-}Q.q.RQ/W.dR/r/XWkOn)t,PR#mjQ'`$nS)r'S'aR,O)sQ,]*RR-f,^Q*['`Q+})rR-[,OZiOjn)t,PQ'f$pR*`'gT-j,e-ku.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^t.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^Q/S.`X0V/z0W0_0`!P.Z-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`Q.w.YR/f.xg.z.].{/b/i/n/|0O0Q0]0a0bu.b-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^X.u.W.b/a0PR/c.tV0R/u0S0[R/X.dQnOS#on,PR,P)tQ&^#uR(x&^S%m#R#wS(_%m(bT(b%p&`Q%a!yQ%h!}W(P%a%h(U(YQ(U%eR(Y%jQ&i$RR)O&iQ(e%qQ*{(`T+R(e*{Q'n%OR*e'nS'q%R%SY*i'q*j,m-q.hU*j'r's'tU,m*k*l*mS-q,n,oR.h-rQ#Y]R%t#YQ#_^R%y#_Q(h%vS+W(h+XR+X(iQ+](kR,|+]Q#b_R%{#bQ#ebQ%}#cW&Q#e%}({+bQ({&cR+b0gQ$OsS&e$O&fR&f$PQ&v$_R)_&vQ&V#jR(t&VQ&m$VS)T&m+hR+h)UQ$Z{R&p$ZQ&t$]R)[&tQ+n)bR-U+nQ#hfR&S#hQ)f&zR+q)fQ&}$dS)m&})nR)n'OQ'V$kR)u'VQ'[$lS*P'[,ZR,Z*QQ,a*VR-i,aWjOn)t,PR#ljQ-k,eR.U-kd.{.]/b/i/n/|0O0Q0]0a0bR/h.{U.s.W/a0PR/`.sQ/{/nS0X/{0YR0Y/|S/v/b/cR0T/vQ.}.]R/k.}R!ZPXmOn)t,PWlOn)t,PR'T$jYfOn$j)t,PR&R#g[sOn#g$j)t,PR&d#}&dQOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0rQ!nTQ#caQ#poU$Rt%c(SS$d!R$gQ$p!XQ$u!cQ$v!dQ$w!eQ$x!fQ$y!gQ$z!hQ%e!zQ%j#OQ%p#SQ%q#TQ&`#xQ'O$eQ'g$qQ(q&OU(|&h(}+cW)j&|)l+x+yQ*o'|Q*x(]Q+w)kQ,v+QR0g0lQ!yYQ!}ZQ$b!PQ$c!QQ%R!kQ't%S^'{%`%g(O(W*q*t*v^*f'p*h,k,l-p.g/ZQ*l'rQ*m'sQ+t)gQ,j*gQ,n*kQ-n,hQ-o,iQ-r,oQ.e-mR/Y.f[bOn#g$j)t,P!^!vYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZQ#R[Q#fdS#wrxQ$UyW$_}$Q'P)pS$l!U$hW${!i'm*d,gS%v#[+Y`&P#d%|(p(r(z+a-O0kQ&a#yQ&b#{Q&c#}Q'j$}Q'z%^W([%l(^*y*}Q(`%nQ(i%wQ(v&ZS(y&_0iQ)P&jQ)Q&kU)]&u)^+kQ)d&xQ)y'WY)}'Z*O,X,Y-dQ*b'lS*n'w0jW+P(d*z,s,wW+T(g+V,y,zQ+p)eQ,U)zQ,c*YQ,x+UQ-P+dQ-e,]Q-v,uQ.S-fR/q/VhUOn#d#g$j%|&_'w(p(r)t,P%U!uYZ[drxy}!P!Q!U!i!k#[#y#{#}$Q$h$}%S%^%`%g%l%n%w&Z&j&k&u&x'P'W'Z'l'm'p'r's(O(W(^(d(g(z)^)e)g)p)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#qpW%W!o!s0d0nQ%X!pQ%Y!qQ%[!tQ%f0cS'v%Z0hQ'x0eQ'y0fQ,p*rQ-u,qS.i-s/sR0p0rU#uq.k0qR(w&][cOn#g$j)t,PZ!xY#[#}$Q+YQ#W[Q#zrR$TxQ%b!yQ%i!}Q%o#RQ'j${Q(V%eQ(Z%jQ(c%pQ(f%qQ*|(`Q,f*bQ-t,pQ.m-uR/].lQ$StQ(R%cR*s(SQ.l-sR/}/sR#QZR#V[R%Q!iQ%O!iV*c'm*d,g!Z!lQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gR%T!kT#]^#_Q%x#[R,{+YQ(m%xS+_(n(oQ,}+`Q-x,{S.n-y-zR/^.oT+Z(k+]Q$`}Q&g$QQ)o'PR+{)pQ$XzQ)W&qR+i)XQ$XzQ&o$WQ)W&qR+i)XQ#khW$Vz$W&q)XQ$[{Q&r$ZZ)R&l)S+f+g-RR$^|R)c&wXlOn)t,PQ$f!RR'Q$gQ$m!UR'R$hR*X'_Q*V'_V-g,`-h.TQ.d-lQ/P.^R/Q._U.]-l.^._Q/U.aQ/b.tQ/g.zU/i.|/j/yQ/n/RQ/|/oQ0O/tU0Q/u0S0[Q0]0UQ0a0ZR0b0^R/T.`R/d.t",
      nodeNames: "\u26A0 print Escape { Comment Script AssignStatement * BinaryExpression BitOp BitOp BitOp BitOp ArithOp ArithOp @ ArithOp ** UnaryExpression ArithOp BitOp AwaitExpression await ) ( ParenthesizedExpression BinaryExpression or and CompareOp in not is UnaryExpression ConditionalExpression if else LambdaExpression lambda ParamList VariableName AssignOp , : NamedExpression AssignOp YieldExpression yield from TupleExpression ComprehensionExpression async for LambdaExpression ] [ ArrayExpression ArrayComprehensionExpression } { DictionaryExpression DictionaryComprehensionExpression SetExpression SetComprehensionExpression CallExpression ArgList AssignOp MemberExpression . PropertyName Number String FormatString FormatReplacement FormatSelfDoc FormatConversion FormatSpec FormatReplacement FormatSelfDoc ContinuedString Ellipsis None Boolean TypeDef AssignOp UpdateStatement UpdateOp ExpressionStatement DeleteStatement del PassStatement pass BreakStatement break ContinueStatement continue ReturnStatement return YieldStatement PrintStatement RaiseStatement raise ImportStatement import as ScopeStatement global nonlocal AssertStatement assert TypeDefinition type TypeParamList TypeParam StatementGroup ; IfStatement Body elif WhileStatement while ForStatement TryStatement try except finally WithStatement with FunctionDefinition def ParamList AssignOp TypeDef ClassDefinition class DecoratedStatement Decorator At MatchStatement match MatchBody MatchClause case CapturePattern LiteralPattern ArithOp ArithOp AsPattern OrPattern LogicOp AttributePattern SequencePattern MappingPattern StarPattern ClassPattern PatternArgList KeywordPattern KeywordPattern Guard",
      maxTerm: 277,
      context: trackIndent,
      nodeProps: [
        ["isolate", -5, 4, 71, 72, 73, 77, ""],
        ["group", -15, 6, 85, 87, 88, 90, 92, 94, 96, 98, 99, 100, 102, 105, 108, 110, "Statement Statement", -22, 8, 18, 21, 25, 40, 49, 50, 56, 57, 60, 61, 62, 63, 64, 67, 70, 71, 72, 79, 80, 81, 82, "Expression", -10, 114, 116, 119, 121, 122, 126, 128, 133, 135, 138, "Statement", -9, 143, 144, 147, 148, 150, 151, 152, 153, 154, "Pattern"],
        ["openedBy", 23, "(", 54, "[", 58, "{"],
        ["closedBy", 24, ")", 55, "]", 59, "}"]
      ],
      propSources: [pythonHighlighting],
      skippedNodes: [0, 4],
      repeatNodeCount: 34,
      tokenData: "!2|~R!`OX%TXY%oY[%T[]%o]p%Tpq%oqr'ars)Yst*xtu%Tuv,dvw-hwx.Uxy/tyz0[z{0r{|2S|}2p}!O3W!O!P4_!P!Q:Z!Q!R;k!R![>_![!]Do!]!^Es!^!_FZ!_!`Gk!`!aHX!a!b%T!b!cIf!c!dJU!d!eK^!e!hJU!h!i!#f!i!tJU!t!u!,|!u!wJU!w!x!.t!x!}JU!}#O!0S#O#P&o#P#Q!0j#Q#R!1Q#R#SJU#S#T%T#T#UJU#U#VK^#V#YJU#Y#Z!#f#Z#fJU#f#g!,|#g#iJU#i#j!.t#j#oJU#o#p!1n#p#q!1s#q#r!2a#r#s!2f#s$g%T$g;'SJU;'S;=`KW<%lOJU`%YT&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T`%lP;=`<%l%To%v]&n`%c_OX%TXY%oY[%T[]%o]p%Tpq%oq#O%T#O#P&o#P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To&tX&n`OY%TYZ%oZ]%T]^%o^#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc'f[&n`O!_%T!_!`([!`#T%T#T#U(r#U#f%T#f#g(r#g#h(r#h#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(cTmR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(yT!mR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk)aV&n`&[ZOr%Trs)vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk){V&n`Or%Trs*bs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk*iT&n`&^ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To+PZS_&n`OY*xYZ%TZ]*x]^%T^#o*x#o#p+r#p#q*x#q#r+r#r;'S*x;'S;=`,^<%lO*x_+wTS_OY+rZ]+r^;'S+r;'S;=`,W<%lO+r_,ZP;=`<%l+ro,aP;=`<%l*xj,kV%rQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-XT!xY&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-oV%lQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.]V&n`&ZZOw%Twx.rx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.wV&n`Ow%Twx/^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/eT&n`&]ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/{ThZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc0cTgR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk0yXVZ&n`Oz%Tz{1f{!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk1mVaR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk2ZV%oZ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc2wTzR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To3_W%pZ&n`O!_%T!_!`-Q!`!a3w!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Td4OT&{S&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk4fX!fQ&n`O!O%T!O!P5R!P!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5WV&n`O!O%T!O!P5m!P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5tT!rZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti6[a!hX&n`O!Q%T!Q![6T![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S6T#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti7fZ&n`O{%T{|8X|}%T}!O8X!O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8^V&n`O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8z]!hX&n`O!Q%T!Q![8s![!l%T!l!m9s!m#R%T#R#S8s#S#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti9zT!hX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk:bX%qR&n`O!P%T!P!Q:}!Q!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj;UV%sQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti;ro!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!d%T!d!e?q!e!g%T!g!h7a!h!l%T!l!m9s!m!q%T!q!rA]!r!z%T!z!{Bq!{#R%T#R#S>_#S#U%T#U#V?q#V#X%T#X#Y7a#Y#^%T#^#_9s#_#c%T#c#dA]#d#l%T#l#mBq#m#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti=xV&n`O!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti>fc!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S>_#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti?vY&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti@mY!hX&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiAbX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBUX!hX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBv]&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiCv]!hX&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToDvV{_&n`O!_%T!_!`E]!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TcEdT%{R&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkEzT#gZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkFbXmR&n`O!^%T!^!_F}!_!`([!`!a([!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjGUV%mQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkGrV%zZ&n`O!_%T!_!`([!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkH`WmR&n`O!_%T!_!`([!`!aHx!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjIPV%nQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkIoV_Q#}P&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToJ_]&n`&YS%uZO!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoKZP;=`<%lJUoKge&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!tJU!t!uLx!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#gLx#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoMRa&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUkN_V&n`&`ZOr%TrsNts#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkNyV&n`Or%Trs! `s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! gT&n`&bZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! }V&n`&_ZOw%Twx!!dx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!!iV&n`Ow%Twx!#Ox#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!#VT&n`&aZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!#oe&n`&YS%uZOr%Trs!%Qsw%Twx!&px!Q%T!Q![JU![!c%T!c!tJU!t!u!(`!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#g!(`#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!%XV&n`&dZOr%Trs!%ns#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!%sV&n`Or%Trs!&Ys#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&aT&n`&fZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&wV&n`&cZOw%Twx!'^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!'cV&n`Ow%Twx!'xx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!(PT&n`&eZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!(ia&n`&YS%uZOr%Trs!)nsw%Twx!+^x!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!)uV&n`&hZOr%Trs!*[s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*aV&n`Or%Trs!*vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*}T&n`&jZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!+eV&n`&gZOw%Twx!+zx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,PV&n`Ow%Twx!,fx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,mT&n`&iZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!-Vi&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!dJU!d!eLx!e!hJU!h!i!(`!i!}JU!}#R%T#R#SJU#S#T%T#T#UJU#U#VLx#V#YJU#Y#Z!(`#Z#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUo!.}a&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!0ZT!XZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc!0qT!WR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj!1XV%kQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!1sO!]~k!1zV%jR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!2fO![~i!2mT%tX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T",
      tokenizers: [legacyPrint, indentation, newlines, strings, 0, 1, 2, 3, 4],
      topRules: { "Script": [0, 5] },
      specialized: [{ term: 221, get: (value) => spec_identifier[value] || -1 }],
      tokenPrec: 7668
    });
    exports2.parser = parser;
  }
});

// src/django.ts
var django_exports = {};
__export(django_exports, {
  analyzeDjangoFile: () => analyzeDjangoFile,
  analyzeDjangoProject: () => analyzeDjangoProject,
  prepareDjangoRun: () => prepareDjangoRun
});
module.exports = __toCommonJS(django_exports);

// src/frontends/file-problem.ts
function unparsableFile(frontend, message, position, lineEnd2 = Number.POSITIVE_INFINITY) {
  return {
    frontend,
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: false,
    problems: [
      {
        rule: "syntax-error",
        message,
        location: { line: position.line, column: position.column, endLine: position.line, endColumn: Math.min(position.column + 1, Math.max(lineEnd2, position.column)) }
      }
    ]
  };
}

// src/frontends/django/fields.ts
var type = (name, modifiers = []) => ({ name, modifiers, isArray: false });
var varchar = (defaultLength) => (call) => {
  const length = numberArgument(call, "max_length") ?? defaultLength;
  return type("varchar", length === void 0 ? [] : [length]);
};
var FIELD_CLASSES = {
  AutoField: { type: () => type("int4"), identity: true },
  BigAutoField: { type: () => type("int8"), identity: true },
  SmallAutoField: { type: () => type("int2"), identity: true },
  IntegerField: { type: () => type("int4") },
  BigIntegerField: { type: () => type("int8") },
  SmallIntegerField: { type: () => type("int2") },
  PositiveIntegerField: { type: () => type("int4"), check: true },
  PositiveBigIntegerField: { type: () => type("int8"), check: true },
  PositiveSmallIntegerField: { type: () => type("int2"), check: true },
  BooleanField: { type: () => type("bool") },
  NullBooleanField: { type: () => type("bool"), nullAlways: true },
  CharField: { type: varchar(), emptyStrings: true },
  SlugField: { type: varchar(50), emptyStrings: true },
  EmailField: { type: varchar(254), emptyStrings: true },
  URLField: { type: varchar(200), emptyStrings: true },
  FileField: { type: varchar(100), emptyStrings: true },
  ImageField: { type: varchar(100), emptyStrings: true },
  FilePathField: { type: varchar(100), emptyStrings: true },
  CommaSeparatedIntegerField: { type: varchar(), emptyStrings: true },
  TextField: { type: () => type("text"), emptyStrings: true },
  CICharField: { type: () => type("citext"), emptyStrings: true },
  CIEmailField: { type: () => type("citext"), emptyStrings: true },
  CITextField: { type: () => type("citext"), emptyStrings: true },
  BinaryField: { type: () => type("bytea"), emptyStrings: true },
  DateField: { type: () => type("date") },
  DateTimeField: { type: () => type("timestamptz") },
  TimeField: { type: () => type("time") },
  DurationField: { type: () => type("interval") },
  DecimalField: { type: (call) => type("numeric", [numberArgument(call, "max_digits"), numberArgument(call, "decimal_places")].filter((n) => n !== void 0)) },
  FloatField: { type: () => type("float8") },
  UUIDField: { type: () => type("uuid") },
  JSONField: { type: () => type("jsonb") },
  HStoreField: { type: () => type("hstore") },
  GenericIPAddressField: { type: () => type("inet") },
  IPAddressField: { type: () => type("inet") },
  IntegerRangeField: { type: () => type("int4range") },
  BigIntegerRangeField: { type: () => type("int8range") },
  DecimalRangeField: { type: () => type("numrange") },
  DateRangeField: { type: () => type("daterange") },
  DateTimeRangeField: { type: () => type("tstzrange") },
  SearchVectorField: { type: () => type("tsvector") },
  ArrayField: { type: (call) => arrayType(call) }
};
function classInfo(fieldClass, call) {
  const known = FIELD_CLASSES[fieldClass];
  if (known) return known;
  const suffix = Object.keys(FIELD_CLASSES).filter((name) => fieldClass.endsWith(name)).sort((a, b) => b.length - a.length)[0];
  if (suffix) return FIELD_CLASSES[suffix];
  if (call.kwargs.has("max_digits") && call.kwargs.has("decimal_places")) return FIELD_CLASSES.DecimalField;
  if (call.kwargs.has("max_length")) return FIELD_CLASSES.CharField;
  return void 0;
}
var RELATION_SUFFIXES = ["ForeignKey", "OneToOneField", "ParentalKey"];
var MANY_TO_MANY_SUFFIXES = ["ManyToManyField", "ParentalManyToManyField", "TaggableManager"];
var NON_DB_ATTRIBUTES = /* @__PURE__ */ new Set([
  "blank",
  "choices",
  "db_column",
  "editable",
  "error_messages",
  "help_text",
  "limit_choices_to",
  "on_delete",
  "related_name",
  "related_query_name",
  "validators",
  "verbose_name",
  "db_comment",
  "to"
]);
var DEFAULT_KWARGS = { null: "False", unique: "False", primary_key: "False", db_constraint: "True", serialize: "True", auto_created: "False" };
function lastName(path4) {
  return path4.slice(path4.lastIndexOf(".") + 1);
}
function readField(name, call, source) {
  const fieldClass = lastName(call.callee);
  const info = classInfo(fieldClass, call);
  const kwargs = call.kwargs;
  const flag = (key, fallback) => booleanArgument(kwargs.get(key)) ?? fallback;
  const isForeignKey = RELATION_SUFFIXES.some((suffix) => fieldClass.endsWith(suffix));
  const isManyToMany = MANY_TO_MANY_SUFFIXES.some((suffix) => fieldClass.endsWith(suffix));
  const primaryKey = flag("primary_key", false);
  const unique = primaryKey ? false : flag("unique", fieldClass.endsWith("OneToOneField"));
  const nullable = info?.nullAlways === true || !primaryKey && flag("null", false);
  const dbColumn = stringArgument(kwargs.get("db_column"));
  const columnType2 = isForeignKey || isManyToMany ? void 0 : info?.type?.(call);
  const field = {
    name,
    fieldClass,
    column: dbColumn ?? (isForeignKey ? `${name}_id` : name),
    explicitColumn: dbColumn !== void 0,
    type: columnType2,
    typeKey: columnType2 ? typeText(columnType2) : `?${fieldClass}(${stringOrNumberText(kwargs.get("max_length"))})`,
    null: nullable,
    primaryKey,
    unique,
    // ForeignKey and SlugField are indexed unless told otherwise.
    dbIndex: flag("db_index", isForeignKey || fieldClass === "SlugField"),
    hasEffectiveDefault: hasEffectiveDefault(call, info, nullable),
    dbDefault: kwargs.has("db_default") ? classifyPythonDefault(kwargs.get("db_default")) : void 0,
    identity: info?.identity === true,
    generated: fieldClass === "GeneratedField",
    check: info?.check === true,
    signature: signatureOf(call, source)
  };
  if (columnType2?.name === "varchar" && !columnType2.isArray) field.patternOps = "varchar";
  if (columnType2?.name === "text" && !columnType2.isArray) field.patternOps = "text";
  if (fieldClass === "GeneratedField") {
    const output = kwargs.get("output_field");
    if (output?.kind === "call") {
      const inner = readField(name, output, source);
      field.type = inner.type;
      field.typeKey = inner.typeKey;
    }
  }
  if (isForeignKey || isManyToMany) {
    const to = relationTarget(call);
    field.relation = {
      kind: isForeignKey ? "foreignKey" : "manyToMany",
      to: to ?? "?",
      toField: stringArgument(kwargs.get("to_field")),
      dbConstraint: flag("db_constraint", true),
      through: referenceText(kwargs.get("through")),
      joinTable: stringArgument(kwargs.get("db_table"))
    };
    field.typeKey = "?fk";
  }
  return field;
}
function relationTarget(call) {
  return referenceText(call.kwargs.get("to") ?? call.args[0]);
}
function referenceText(value) {
  if (!value) return void 0;
  if (value.kind === "string") return value.text.text;
  if (value.kind === "name") return value.path;
  return void 0;
}
function hasEffectiveDefault(call, info, nullable) {
  const kwargs = call.kwargs;
  const explicit = kwargs.get("default");
  if (explicit) return explicit.kind !== "none";
  if (!nullable && booleanArgument(kwargs.get("blank")) === true && info?.emptyStrings === true) return true;
  return booleanArgument(kwargs.get("auto_now")) === true || booleanArgument(kwargs.get("auto_now_add")) === true;
}
var VOLATILE_EXPRESSIONS = /* @__PURE__ */ new Set(["RandomUUID", "Random", "GenRandomUUID", "UUID4", "UUID7"]);
var STABLE_EXPRESSIONS = /* @__PURE__ */ new Set(["Now", "Value", "Lower", "Upper", "Concat", "Coalesce", "Cast"]);
function classifyPythonDefault(value) {
  if (!value || value.kind === "call") {
    const name = value?.kind === "call" ? lastName(value.callee) : "";
    if (VOLATILE_EXPRESSIONS.has(name)) return { kind: "volatile", functionName: name };
    if (name === "Value") return { kind: "constant" };
    if (STABLE_EXPRESSIONS.has(name)) return { kind: "stable", functionName: name };
    return { kind: "unknown", functionName: name || void 0 };
  }
  if (value.kind === "unknown" || value.kind === "name") return { kind: "unknown" };
  return { kind: "constant" };
}
function arrayType(call) {
  const base = call.kwargs.get("base_field") ?? call.args[0];
  if (base?.kind !== "call") return void 0;
  const baseType = classInfo(lastName(base.callee), base)?.type?.(base);
  return baseType && { ...baseType, isArray: true };
}
function typeText(columnType2) {
  const modifiers = columnType2.modifiers.length > 0 ? `(${columnType2.modifiers.join(",")})` : "";
  return `${columnType2.name}${modifiers}${columnType2.isArray ? "[]" : ""}`;
}
function signatureOf(call, source) {
  const parts = call.args.map((argument2) => normalizedText(source, argument2));
  for (const [key, value] of [...call.kwargs].sort(([a], [b]) => a.localeCompare(b))) {
    if (NON_DB_ATTRIBUTES.has(key)) continue;
    const text = normalizedText(source, value);
    if (DEFAULT_KWARGS[key] === text) continue;
    parts.push(`${key}=${text}`);
  }
  return `${lastName(call.callee)}(${parts.join(",")})`;
}
function normalizedText(source, value) {
  if (value.kind === "string") return JSON.stringify(value.text.text);
  return source.slice(value.from, value.to).replace(/\s+/g, "").replace(/,([)\]}])/g, "$1");
}
function stringArgument(value) {
  return value?.kind === "string" ? value.text.text : void 0;
}
function numberArgument(call, key) {
  const value = call.kwargs.get(key);
  return value?.kind === "number" ? value.value : void 0;
}
function booleanArgument(value) {
  return value?.kind === "bool" ? value.value : void 0;
}
function stringOrNumberText(value) {
  if (value?.kind === "number") return String(value.value);
  return "";
}

// src/frontends/sql/analyze-sql.ts
var import_libpg_query = require("libpg-query");

// src/frontends/directives.ts
var DIRECTIVE = /^migralint-ignore(-file)?(?=\s|$)(.*)$/s;
function parseDirective(text) {
  const body = text.replace(/^(--|\/\/|\/\*)/, "").replace(/\*\/$/, "").trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return void 0;
  const ruleList = match[2].split(/\s--(\s|$)/)[0];
  const rules = ruleList.split(/[\s,]+/).map((rule) => rule.trim()).filter((rule) => rule.length > 0);
  return { scope: match[1] ? "file" : "statement", rules };
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
function byteToCharConverter(text) {
  if (Buffer.byteLength(text, "utf8") === text.length) return (offset) => offset;
  const charAtByte = [];
  for (let charIndex = 0; charIndex < text.length; charIndex++) {
    const code = text.charCodeAt(charIndex);
    let width = 1;
    if (code >= 55296 && code <= 56319) width = 4;
    else if (code >= 56320 && code <= 57343) width = 0;
    else if (code >= 2048) width = 3;
    else if (code >= 128) width = 2;
    for (let b = 0; b < width; b++) charAtByte.push(charIndex);
  }
  charAtByte.push(text.length);
  return (offset) => charAtByte[Math.min(Math.max(offset, 0), charAtByte.length - 1)];
}

// src/frontends/sql/lexer.ts
var MAX_IDENTIFIER_BYTES = 63;
function isIdentifierStart(code) {
  return code >= 97 && code <= 122 || code >= 65 && code <= 90 || code === 95 || code >= 128;
}
function isIdentifierPart(code) {
  return isIdentifierStart(code) || code >= 48 && code <= 57 || code === 36;
}
var IDENTIFIER_PART = { test: (ch) => ch.length > 0 && isIdentifierPart(ch.charCodeAt(0)) };
var DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
function scanSql(text) {
  const comments = [];
  const longIdentifiers = [];
  const metaCommands = [];
  const semicolons = [];
  const noteIdentifier = (name, start, end) => {
    if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) longIdentifiers.push({ name, start, end });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "-" && next === "-") {
      const end = lineEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === "/" && next === "*") {
      const end = blockCommentEnd(text, i);
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]) && !IDENTIFIER_PART.test(text[i - 2] ?? " ");
      i = quotedEnd(text, i, "'", escapes);
    } else if (ch === '"') {
      const end = quotedEnd(text, i, '"', false);
      noteIdentifier(text.slice(i + 1, end - 1).replace(/""/g, '"'), i, end);
      i = end;
    } else if (ch === "$" && !IDENTIFIER_PART.test(text[i - 1] ?? " ")) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 128));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? text.length : close + tag[0].length;
      } else i++;
    } else if (ch === "\\") {
      const end = lineEnd(text, i);
      metaCommands.push({ start: i, end });
      i = end;
    } else if (ch === ";") {
      semicolons.push(++i);
    } else if (isIdentifierStart(ch.charCodeAt(0))) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      if (end - i > MAX_IDENTIFIER_BYTES / 4) noteIdentifier(text.slice(i, end), i, end);
      i = end;
    } else i++;
  }
  return { comments, longIdentifiers, metaCommands, semicolons };
}
function lineEnd(text, from) {
  for (let i = from; i < text.length; i++) if (text[i] === "\n" || text[i] === "\r") return i;
  return text.length;
}
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
var isSpace = (ch) => ch === " " || ch === "	" || ch === "\n" || ch === "\r" || ch === "\f";
function trimTrailing(text, start, end, commentsByEnd) {
  let trimmed = end;
  for (; ; ) {
    while (trimmed > start && isSpace(text[trimmed - 1])) trimmed--;
    const comment = commentsByEnd.get(trimmed);
    if (!comment || comment.start < start) return trimmed;
    trimmed = comment.start;
  }
}
function trimLeading(text, start, end, commentsByStart) {
  let trimmed = start;
  for (; ; ) {
    while (trimmed < end && isSpace(text[trimmed])) trimmed++;
    const comment = commentsByStart.get(trimmed);
    if (!comment) return trimmed;
    trimmed = comment.end;
  }
}

// src/frontends/sql/pg-nodes.ts
function nodeAs(node, kind) {
  if (!node || !(kind in node)) return void 0;
  return node[kind];
}
function nodeKind(node) {
  return node ? Object.keys(node)[0] : "unknown";
}
function stringValue(node) {
  return nodeAs(node, "String")?.sval;
}
function stringList(nodes) {
  return (nodes ?? []).map(stringValue).filter((value) => value !== void 0);
}
function tableName(relation) {
  return relation?.schemaname ? { schema: relation.schemaname, name: relation.relname ?? "" } : { name: relation?.relname ?? "" };
}
function qualifiedNameFromList(node) {
  const parts = stringList(nodeAs(node, "List")?.items);
  return parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] ?? "" };
}
function columnType(typeName) {
  if (!typeName) return void 0;
  const names = stringList(typeName.names).filter((part) => part !== "pg_catalog");
  const modifiers = (typeName.typmods ?? []).map((modifier) => nodeAs(modifier, "A_Const")?.ival).filter((value) => value !== void 0).map((value) => value.ival ?? 0);
  return { name: names.join("."), modifiers, isArray: (typeName.arrayBounds?.length ?? 0) > 0 };
}
var VOLATILE_FUNCTIONS = /* @__PURE__ */ new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setseed",
  "txid_current"
]);
var NON_VOLATILE_FUNCTIONS = /* @__PURE__ */ new Set([
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "lower",
  "upper",
  "coalesce",
  "concat",
  "jsonb_build_object",
  "json_build_object",
  "jsonb_build_array",
  "json_build_array",
  "to_jsonb",
  "to_json",
  "array_agg",
  "make_interval",
  "interval",
  "timezone",
  "date_trunc",
  "to_timestamp"
]);
function classifyDefault(expression) {
  if (!expression) return { kind: "constant" };
  const call = nodeAs(expression, "FuncCall");
  if (call) {
    const name = stringList(call.funcname).pop()?.toLowerCase() ?? "";
    if (VOLATILE_FUNCTIONS.has(name)) return { kind: "volatile", functionName: name };
    const args = (call.args ?? []).map(classifyDefault);
    if (NON_VOLATILE_FUNCTIONS.has(name)) return worstOf([{ kind: "stable", functionName: name }, ...args]);
    return { kind: "unknown", functionName: name };
  }
  if (nodeAs(expression, "A_Const")) return { kind: "constant" };
  if (nodeAs(expression, "SQLValueFunction")) return { kind: "stable" };
  const cast = nodeAs(expression, "TypeCast");
  if (cast) return classifyDefault(cast.arg);
  const operator = nodeAs(expression, "A_Expr");
  if (operator) return worstOf([classifyDefault(operator.lexpr), classifyDefault(operator.rexpr)]);
  const array = nodeAs(expression, "A_ArrayExpr");
  if (array) return worstOf((array.elements ?? []).map(classifyDefault));
  const collate = nodeAs(expression, "CollateClause");
  if (collate) return classifyDefault(collate.arg);
  return { kind: "unknown" };
}
var SEVERITY_ORDER = ["constant", "stable", "unknown", "volatile"];
function worstOf(defaults) {
  return defaults.reduce(
    (worst, current) => SEVERITY_ORDER.indexOf(current.kind) > SEVERITY_ORDER.indexOf(worst.kind) ? current : worst,
    { kind: "constant" }
  );
}

// src/frontends/sql/statements.ts
var spanAtByte;
function operationsOf(statement, place, byteSpan) {
  spanAtByte = byteSpan;
  const kind = nodeKind(statement);
  const convert = Object.hasOwn(CONVERTERS, kind) ? CONVERTERS[kind] : void 0;
  if (convert) return convert(statement[kind], place);
  return [other(kind, place)];
}
var CONVERTERS = {
  TransactionStmt: (body, place) => transaction(body, place),
  VariableSetStmt: (body, place) => setting(body, place),
  CreateStmt: (body, place) => [createTable(body, place)],
  CreateTableAsStmt: (body, place) => [
    { kind: "createTable", ...place, table: tableName(body.into?.rel), columns: [], constraints: [], ifNotExists: false }
  ],
  DropStmt: (body, place) => drop(body, place),
  DropdbStmt: (body, place) => [{ kind: "dropDatabase", ...place, name: body.dbname ?? "" }],
  RenameStmt: (body, place) => rename(body, place),
  AlterTableStmt: (body, place) => alterTable(body, place),
  IndexStmt: (body, place) => [createIndex(body, place)],
  ReindexStmt: (body, place) => [
    {
      kind: "reindex",
      ...place,
      target: body.relation ? tableName(body.relation).name : body.name ?? "",
      targetKind: REINDEX_TARGETS[body.kind ?? ""],
      concurrently: (body.params ?? []).some((param) => nodeAs(param, "DefElem")?.defname === "concurrently")
    }
  ],
  TruncateStmt: (body, place) => [
    {
      kind: "truncate",
      ...place,
      tables: (body.relations ?? []).map((relation) => tableName(nodeAs(relation, "RangeVar"))),
      cascade: body.behavior === "DROP_CASCADE"
    }
  ],
  CreateDomainStmt: (body, place) => [
    {
      kind: "createDomain",
      ...place,
      name: stringList(body.domainname).join("."),
      hasCheck: (body.constraints ?? []).some((c) => nodeAs(c, "Constraint")?.contype === "CONSTR_CHECK")
    }
  ],
  AlterDomainStmt: (body, place) => body.subtype === "C" ? [{ kind: "alterDomainAddConstraint", ...place, name: stringList(body.typeName).join(".") }] : [other("AlterDomainStmt", place)]
};
var REINDEX_TARGETS = {
  REINDEX_OBJECT_INDEX: "index",
  REINDEX_OBJECT_TABLE: "table",
  REINDEX_OBJECT_SCHEMA: "schema",
  REINDEX_OBJECT_DATABASE: "database",
  REINDEX_OBJECT_SYSTEM: "system"
};
function other(statement, place) {
  return { kind: "other", ...place, statement };
}
var TRANSACTION_ACTIONS = {
  TRANS_STMT_BEGIN: "begin",
  TRANS_STMT_START: "begin",
  TRANS_STMT_COMMIT: "commit",
  TRANS_STMT_ROLLBACK: "rollback"
};
function transaction(body, place) {
  const action = TRANSACTION_ACTIONS[body.kind ?? ""];
  return action ? [{ kind: "transaction", ...place, action }] : [other("TransactionStmt", place)];
}
function setting(body, place) {
  if (body.kind !== "VAR_SET_VALUE" || !body.name) return [other("VariableSetStmt", place)];
  const value = (body.args ?? []).map((arg) => {
    const constant = nodeAs(arg, "A_Const");
    if (!constant) return "";
    if (constant.sval) return constant.sval.sval ?? "";
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return constant.fval.fval ?? "";
    return "";
  }).join(", ");
  return [{ kind: "setSetting", ...place, name: body.name.toLowerCase(), value, local: body.is_local === true }];
}
function createTable(body, place) {
  const columns = [];
  const constraints = [];
  for (const element of body.tableElts ?? []) {
    const column = nodeAs(element, "ColumnDef");
    if (column) columns.push(columnDefinition(column));
    const constraint = nodeAs(element, "Constraint");
    const definition = constraint && constraintDefinition(constraint);
    if (definition) constraints.push(definition);
  }
  return {
    kind: "createTable",
    ...place,
    table: tableName(body.relation),
    columns,
    constraints,
    ifNotExists: body.if_not_exists === true
  };
}
function columnDefinition(column) {
  const definition = {
    name: column.colname ?? "",
    location: column.location !== void 0 && spanAtByte ? spanAtByte(column.location, Buffer.byteLength(column.colname ?? "", "utf8")) : void 0,
    type: columnType(column.typeName),
    notNull: false,
    primaryKey: false,
    unique: false,
    hasCheck: false
  };
  for (const node of column.constraints ?? []) {
    const constraint = nodeAs(node, "Constraint");
    if (constraint) applyColumnConstraint(definition, constraint);
  }
  return definition;
}
function applyColumnConstraint(definition, constraint) {
  switch (constraint.contype) {
    case "CONSTR_NOTNULL":
      definition.notNull = true;
      break;
    case "CONSTR_NULL":
      definition.notNull = false;
      break;
    case "CONSTR_DEFAULT":
      definition.default = classifyDefault(constraint.raw_expr);
      break;
    case "CONSTR_PRIMARY":
      definition.primaryKey = true;
      definition.notNull = true;
      break;
    case "CONSTR_UNIQUE":
      definition.unique = true;
      break;
    case "CONSTR_CHECK":
      definition.hasCheck = true;
      break;
    case "CONSTR_FOREIGN":
      definition.references = { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) };
      break;
    case "CONSTR_GENERATED":
      definition.generated = "stored";
      break;
    case "CONSTR_IDENTITY":
      definition.generated = "identity";
      definition.notNull = true;
      break;
  }
}
var CONSTRAINT_KINDS = {
  CONSTR_CHECK: "check",
  CONSTR_FOREIGN: "foreignKey",
  CONSTR_UNIQUE: "unique",
  CONSTR_PRIMARY: "primaryKey",
  CONSTR_EXCLUSION: "exclusion"
};
function constraintDefinition(constraint) {
  const kind = CONSTRAINT_KINDS[constraint.contype ?? ""];
  if (!kind) return void 0;
  return {
    kind,
    name: constraint.conname,
    columns: stringList(kind === "foreignKey" ? constraint.fk_attrs : constraint.keys),
    notValid: constraint.skip_validation === true,
    usingIndex: constraint.indexname,
    references: kind === "foreignKey" ? { table: tableName(constraint.pktable), columns: stringList(constraint.pk_attrs) } : void 0,
    checksNotNullOf: kind === "check" ? notNullCheckColumn(constraint.raw_expr) : void 0
  };
}
function notNullCheckColumn(expression) {
  const test = nodeAs(expression, "NullTest");
  if (!test || test.nulltesttype !== "IS_NOT_NULL") return void 0;
  return stringList(nodeAs(test.arg, "ColumnRef")?.fields).pop();
}
function drop(body, place) {
  const names = (body.objects ?? []).map(qualifiedNameFromList);
  const ifExists = body.missing_ok === true;
  switch (body.removeType) {
    case "OBJECT_TABLE":
      return [{ kind: "dropTable", ...place, tables: names, ifExists, cascade: body.behavior === "DROP_CASCADE" }];
    case "OBJECT_INDEX":
      return [{ kind: "dropIndex", ...place, names, concurrently: body.concurrent === true, ifExists }];
    default:
      return [other(`DropStmt:${body.removeType ?? ""}`, place)];
  }
}
function rename(body, place) {
  const table2 = tableName(body.relation);
  const newName = body.newname ?? "";
  if (body.renameType === "OBJECT_TABLE") return [{ kind: "renameTable", ...place, table: table2, newName }];
  if (body.renameType === "OBJECT_COLUMN" && body.relationType === "OBJECT_TABLE") {
    return [{ kind: "renameColumn", ...place, table: table2, column: body.subname ?? "", newName }];
  }
  return [other(`RenameStmt:${body.renameType ?? ""}`, place)];
}
function alterTable(body, place) {
  if (body.objtype !== "OBJECT_TABLE") return [other(`AlterTableStmt:${body.objtype ?? ""}`, place)];
  const table2 = tableName(body.relation);
  return (body.cmds ?? []).flatMap((node) => {
    const command = nodeAs(node, "AlterTableCmd");
    return command ? alterTableCommand(command, table2, place) : [];
  });
}
function alterTableCommand(command, table2, place) {
  const column = command.name ?? "";
  switch (command.subtype) {
    case "AT_AddColumn": {
      const definition = nodeAs(command.def, "ColumnDef");
      if (!definition) return [];
      return [
        { kind: "addColumn", ...place, table: table2, column: columnDefinition(definition), ifNotExists: command.missing_ok === true }
      ];
    }
    case "AT_DropColumn":
      return [{ kind: "dropColumn", ...place, table: table2, column, ifExists: command.missing_ok === true }];
    case "AT_AlterColumnType":
      return [
        { kind: "alterColumnType", ...place, table: table2, column, newType: columnType(nodeAs(command.def, "ColumnDef")?.typeName) }
      ];
    case "AT_SetNotNull":
      return [{ kind: "setNotNull", ...place, table: table2, column }];
    case "AT_DropNotNull":
      return [{ kind: "dropNotNull", ...place, table: table2, column }];
    case "AT_ColumnDefault":
      return [
        { kind: "setDefault", ...place, table: table2, column, default: command.def ? classifyDefault(command.def) : void 0 }
      ];
    case "AT_AddConstraint": {
      const constraint = nodeAs(command.def, "Constraint");
      const definition = constraint && constraintDefinition(constraint);
      return definition ? [{ kind: "addConstraint", ...place, table: table2, constraint: definition }] : [];
    }
    case "AT_ValidateConstraint":
      return [{ kind: "validateConstraint", ...place, table: table2, name: column }];
    case "AT_DropConstraint":
      return [{ kind: "dropConstraint", ...place, table: table2, name: column, ifExists: command.missing_ok === true }];
    case "AT_DetachPartition": {
      const partition = nodeAs(command.def, "PartitionCmd");
      return [
        {
          kind: "detachPartition",
          ...place,
          table: table2,
          partition: tableName(partition?.name),
          concurrently: partition?.concurrent === true
        }
      ];
    }
    default:
      return [{ kind: "other", ...place, statement: `AlterTableCmd:${command.subtype ?? ""}`, locksTables: [table2] }];
  }
}
function createIndex(body, place) {
  return {
    kind: "createIndex",
    ...place,
    table: tableName(body.relation),
    name: body.idxname,
    columns: (body.indexParams ?? []).map((param) => nodeAs(param, "IndexElem")?.name).filter((name) => name !== void 0),
    unique: body.unique === true,
    concurrently: body.concurrent === true,
    ifNotExists: body.if_not_exists === true
  };
}

// src/frontends/sql/analyze-sql.ts
function analyzeSql(source) {
  const { text, locate } = source;
  const tokens = source.tokens ?? scanSql(text);
  const span = (start, end) => spanOf(locate, start, end);
  const toChar = byteToCharConverter(text);
  const commentsByStart = new Map(tokens.comments.map((comment) => [comment.start, comment]));
  const commentsByEnd = new Map(tokens.comments.map((comment) => [comment.end, comment]));
  let operations = [];
  let statementStarts = [];
  const addStatement = (statement, base) => {
    if (!statement.stmt) return;
    const rawStart = toChar(base + (statement.stmt_location ?? 0));
    const rawEnd = statement.stmt_len ? toChar(base + (statement.stmt_location ?? 0) + statement.stmt_len) : text.length;
    const start = trimLeading(text, rawStart, rawEnd, commentsByStart);
    const end = trimTrailing(text, start, rawEnd, commentsByEnd);
    const location = span(start, end);
    statementStarts.push(start);
    const byteSpan = (byteOffset, length) => span(toChar(base + byteOffset), toChar(base + byteOffset + length));
    const statementOperations = operationsOf(statement.stmt, { location, anchorLine: source.anchorLine ?? location.line }, byteSpan);
    if (source.keepStatementText) keepText(statementOperations, text.slice(start, end), statement, { location, anchorLine: source.anchorLine ?? location.line });
    const identifiers = tokens.longIdentifiers.filter((identifier) => identifier.start >= start && identifier.start < end);
    if (identifiers.length > 0 && statementOperations.length > 0) {
      statementOperations[0].identifiers = identifiers.map((identifier) => identifier.name);
    }
    operations.push(...statementOperations);
  };
  if (!parseInPieces(text, tokens.semicolons, addStatement)) {
    operations = [];
    statementStarts = [];
    let statements;
    try {
      statements = text.length === 0 ? [] : (0, import_libpg_query.parseSync)(text).stmts ?? [];
    } catch (error) {
      const problem = syntaxProblem(error, text, span);
      if (!problem) throw error;
      return { operations: [], problems: [problem], directives: directivesOf(tokens.comments, [], text, locate), statements: 0 };
    }
    for (const statement of statements) addStatement(statement, 0);
  }
  return {
    operations,
    problems: [],
    directives: directivesOf(tokens.comments, statementStarts, text, locate),
    statements: statementStarts.length
  };
}
var PIECE_SIZE = 64 * 1024;
function parseInPieces(text, semicolons, add) {
  if (text.length <= PIECE_SIZE) return false;
  const pieces = [];
  let pieceStart = 0;
  for (const end of semicolons) {
    if (end - pieceStart < PIECE_SIZE) continue;
    pieces.push([pieceStart, end]);
    pieceStart = end;
  }
  if (pieceStart < text.length) pieces.push([pieceStart, text.length]);
  if (pieces.length < 2) return false;
  let base = 0;
  for (const [start, end] of pieces) {
    const piece = text.slice(start, end);
    const bytes = Buffer.byteLength(piece, "utf8");
    let statements;
    try {
      statements = (0, import_libpg_query.parseSync)(piece).stmts ?? [];
    } catch {
      return false;
    }
    for (const statement of statements) {
      add(statement.stmt_len ? statement : { ...statement, stmt_len: bytes - (statement.stmt_location ?? 0) }, base);
    }
    base += bytes;
  }
  return true;
}
function keepText(operations, sql, statement, place) {
  if (operations.length === 0) operations.push({ kind: "other", ...place, statement: Object.keys(statement.stmt ?? {})[0] ?? "" });
  for (const operation of operations) operation.sql = sql;
}
function spanOf(locate, start, end) {
  const from = locate(start);
  const to = locate(Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
function syntaxProblem(error, text, span) {
  const details = error.sqlDetails;
  if (!details || typeof details.message !== "string") return void 0;
  const position = Math.min(Math.max(details.cursorPosition ?? 0, 0), text.length);
  const tokenLength = /^[^\s;(),]*/.exec(text.slice(position))?.[0].length || 1;
  const end = Math.min(position + tokenLength, text.length);
  return {
    rule: "syntax-error",
    message: `PostgreSQL cannot parse this SQL: ${details.message}.`,
    location: span(position, Math.max(end, position))
  };
}
function directivesOf(comments, statementStarts, text, locate) {
  const directives = [];
  let lines;
  for (const comment of comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed) continue;
    lines ??= new LineIndex(text);
    const location = spanOf(locate, comment.start, comment.end);
    const localLine = lines.position(comment.start).line;
    const codeBefore = lines.text.slice(lines.lineStart(localLine), comment.start).trim().length > 0;
    const nextStatement = statementStarts.find((start) => start >= comment.end);
    const targetLine = codeBefore ? location.line : nextStatement !== void 0 ? locate(nextStatement).line : location.endLine + 1;
    directives.push({ ...parsed, location, targetLine });
  }
  return directives;
}

// src/frontends/django/names.ts
var import_node_crypto = require("node:crypto");
var MAX_NAME_LENGTH = 63;
function namesDigest(parts, length) {
  const hash = (0, import_node_crypto.createHash)("md5");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, length);
}
function truncateName(name, length = MAX_NAME_LENGTH, hashLength = 4) {
  if (name.length <= length) return name;
  return `${name.slice(0, length - hashLength)}${namesDigest([name], hashLength)}`;
}
function defaultTableName(appLabel, modelName) {
  return truncateName(`${appLabel}_${modelName.toLowerCase()}`);
}
function indexName(table2, columns, suffix = "") {
  let hashSuffix = `${namesDigest([table2, ...columns], 8)}${suffix}`;
  const full = `${table2}_${columns.join("_")}_${hashSuffix}`;
  if (full.length <= MAX_NAME_LENGTH) return full;
  if (hashSuffix.length > MAX_NAME_LENGTH / 3) hashSuffix = hashSuffix.slice(0, Math.floor(MAX_NAME_LENGTH / 3));
  const otherLength = Math.floor((MAX_NAME_LENGTH - hashSuffix.length) / 2) - 1;
  let name = `${table2.slice(0, otherLength)}_${columns.join("_").slice(0, otherLength)}_${hashSuffix}`;
  if (name[0] === "_" || /^\d/.test(name)) name = `D${name.slice(0, -1)}`;
  return name;
}
function foreignKeyName(table2, column, target, targetColumn) {
  return indexName(table2, [column], `_fk_${target}_${targetColumn}`);
}

// src/frontends/django/operations.ts
function argument(call, keyword, position) {
  return call.kwargs.get(keyword) ?? call.args[position];
}
function stringAt(call, keyword, position) {
  return stringArgument(argument(call, keyword, position));
}
function fieldList(value, source) {
  const fields = [];
  const unreadable = [];
  if (value?.kind !== "list") return { fields, unreadable: value ? [value] : [] };
  for (const item of value.items) {
    const [name, call] = item.kind === "list" ? item.items : [];
    if (name?.kind === "string" && call?.kind === "call") fields.push({ field: readField(name.text.text, call, source), at: item });
    else unreadable.push(item);
  }
  return { fields, unreadable };
}
function fieldSets(value) {
  if (!value || value.kind !== "list") return [];
  if (value.items.every((item) => item.kind === "string")) return [value.items.map((item) => item.kind === "string" ? item.text.text : "")];
  return value.items.flatMap(
    (item) => item.kind === "list" && item.items.every((name) => name.kind === "string") ? [item.items.map((name) => name.kind === "string" ? name.text.text : "")] : []
  );
}
function stringList2(value) {
  if (!value || value.kind !== "list") return [];
  return value.items.flatMap((item) => item.kind === "string" ? [item.text.text] : []);
}
function dictEntry(value, key) {
  if (value?.kind !== "dict") return void 0;
  return value.entries.find(([name]) => name.kind === "string" && name.text.text === key)?.[1];
}
function readIndex(value) {
  if (value?.kind !== "call") return void 0;
  return {
    name: stringArgument(value.kwargs.get("name")),
    fields: stringList2(value.kwargs.get("fields")).map((field) => field.replace(/^-/, "")),
    partial: value.kwargs.has("condition"),
    expressions: value.args.length > 0,
    indexClass: lastName(value.callee)
  };
}
function readConstraint(value) {
  if (value?.kind !== "call") return void 0;
  const className = lastName(value.callee);
  const name = stringArgument(value.kwargs.get("name"));
  if (className === "UniqueConstraint") {
    const asIndex = ["condition", "include", "opclasses", "nulls_distinct"].some((key) => value.kwargs.has(key)) || value.args.length > 0;
    return { name, kind: "unique", fields: stringList2(value.kwargs.get("fields")), asIndex };
  }
  if (className === "CheckConstraint") {
    const condition = value.kwargs.get("condition") ?? value.kwargs.get("check");
    return { name, kind: "check", fields: [], asIndex: false, checksNotNullOf: notNullField(condition) };
  }
  if (className === "ExclusionConstraint") return { name, kind: "exclusion", fields: [], asIndex: false };
  return { name, kind: "unknown", fields: [], asIndex: false };
}
function notNullField(condition) {
  if (condition?.kind !== "call" || lastName(condition.callee) !== "Q") return void 0;
  const lookups = [...condition.kwargs];
  for (const arg of condition.args) {
    if (arg.kind === "list" && arg.items.length === 2 && arg.items[0].kind === "string") lookups.push([arg.items[0].text.text, arg.items[1]]);
    else return void 0;
  }
  if (lookups.length !== 1) return void 0;
  const [lookup, value] = lookups[0];
  const match = /^(\w+?)__isnull$/.exec(lookup);
  return match && value.kind === "bool" && !value.value ? match[1] : void 0;
}

// src/frontends/django/state.ts
function modelKey(app, name) {
  return `${app}.${name.toLowerCase()}`;
}
var BUILT_IN_MODELS = {
  "auth.user": { table: "auth_user", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "auth.group": { table: "auth_group", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "auth.permission": { table: "auth_permission", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "contenttypes.contenttype": { table: "django_content_type", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "sites.site": { table: "django_site", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "admin.logentry": { table: "django_admin_log", pk: { type: { name: "int4", modifiers: [], isArray: false }, typeKey: "int4" } },
  "sessions.session": { table: "django_session", pk: { column: "session_key", type: { name: "varchar", modifiers: [40], isArray: false }, typeKey: "varchar(40)" } }
};
var DjangoState = class _DjangoState {
  models = /* @__PURE__ */ new Map();
  /** Tables created by squashed migrations, which run only on new databases: new for the squashed migrations after them. */
  freshTables = /* @__PURE__ */ new Set();
  clone() {
    const copy = new _DjangoState();
    for (const table2 of this.freshTables) copy.freshTables.add(table2);
    for (const [key, model] of this.models) {
      copy.models.set(key, {
        ...model,
        fields: [...model.fields],
        uniqueTogether: [...model.uniqueTogether],
        indexTogether: [...model.indexTogether],
        indexes: [...model.indexes],
        constraints: [...model.constraints]
      });
    }
    return copy;
  }
  /** The models of one app, as they are now (for a branch of the app's history that goes on later). */
  snapshotApp(app) {
    return [...this.models.values()].filter((model) => model.app === app).map((model) => ({ ...model, fields: [...model.fields] }));
  }
  /** Puts an app's models back as a snapshot had them. */
  restoreApp(app, snapshot) {
    for (const [key, model] of this.models) if (model.app === app && !model.assumed) this.models.delete(key);
    for (const model of snapshot) this.models.set(modelKey(model.app, model.name), { ...model, fields: [...model.fields] });
  }
  get(key) {
    return this.models.get(key);
  }
  /** The key of the model a reference names, seen from `app` (`"Order"`, `"shop.Order"`, `settings.AUTH_USER_MODEL`, `"self"`). */
  resolve(reference, app, self) {
    if (reference === "self" && self) return self;
    if (/(^|\.)AUTH_USER_MODEL$/.test(reference)) return this.userModel();
    const dot = reference.lastIndexOf(".");
    return dot < 0 ? modelKey(app, reference) : modelKey(reference.slice(0, dot).split(".").pop() ?? app, reference.slice(dot + 1));
  }
  /** `settings.AUTH_USER_MODEL` is not known statically: a project model named User if there is exactly one, else Django's. */
  userModel() {
    const users = [...this.models.values()].filter((model) => model.name.toLowerCase() === "user" && model.app !== "auth" && !model.assumed);
    return users.length === 1 ? modelKey(users[0].app, users[0].name) : "auth.user";
  }
  /** The model, or a stand-in for one whose migrations were not read (Django's own apps, third-party apps). */
  modelOrAssumed(key) {
    const known = this.models.get(key);
    if (known) return known;
    const [app, name] = key.split(".");
    const builtIn = BUILT_IN_MODELS[key];
    const pk = {
      name: "id",
      fieldClass: "AutoField",
      column: "id",
      explicitColumn: false,
      typeKey: "?pk",
      null: false,
      primaryKey: true,
      unique: false,
      dbIndex: false,
      hasEffectiveDefault: false,
      identity: true,
      generated: false,
      check: false,
      signature: "",
      ...builtIn?.pk
    };
    return {
      app,
      name,
      table: builtIn?.table ?? defaultTableName(app, name),
      explicitTable: false,
      fields: [pk],
      uniqueTogether: [],
      indexTogether: [],
      indexes: [],
      constraints: [],
      hasTable: true,
      assumed: true
    };
  }
  /** Models with a field that points at `key` (ForeignKey and OneToOne), for changes that cascade to them. */
  referencing(key, app = (model) => model.app) {
    const found = [];
    for (const model of this.models.values()) {
      for (const field of model.fields) {
        if (field.relation?.kind === "foreignKey" && this.resolve(field.relation.to, app(model), modelKey(model.app, model.name)) === key) {
          found.push({ model, field });
        }
      }
    }
    return found;
  }
};
function primaryKeyOf(model) {
  return model.fields.find((field) => field.primaryKey) ?? model.fields.find((field) => field.name === "id");
}
function fieldOf(model, name) {
  const lower = name.toLowerCase();
  return model.fields.find((field) => field.name.toLowerCase() === lower);
}

// src/frontends/django/lower.ts
var MigrationLowering = class {
  constructor(file, state) {
    this.file = file;
    this.state = state;
  }
  file;
  state;
  operations = [];
  problems = [];
  directives = [];
  statements = 0;
  deferred = [];
  run() {
    const { file } = this;
    for (const problem of file.unreadable) this.unanalyzed(problem, `${problem.message}.`);
    const operations = file.operations;
    if (operations && operations.kind !== "list") this.unanalyzed(operations, "The operations of this migration are not a literal list; they were not checked.");
    const fresh = file.replaces.length > 0;
    const newTables = fresh ? [...this.state.freshTables].map((name) => ({ name })) : void 0;
    if (operations?.kind === "list") this.lowerAll(operations.items);
    for (const deferred of this.deferred) this.operations.push(deferred.operation);
    this.deferred = [];
    if (fresh) this.recordFreshTables();
    return {
      ...newTables && newTables.length > 0 ? { newTables } : {},
      frontend: "django",
      operations: this.operations,
      problems: this.problems,
      directives: [...file.directives, ...this.directives],
      statements: this.statements,
      runnerTransaction: file.atomic
    };
  }
  recordFreshTables() {
    for (const operation of this.operations) {
      if (operation.kind === "createTable") this.state.freshTables.add(operation.table.name);
      if (operation.kind === "renameTable" && this.state.freshTables.has(operation.table.name)) this.state.freshTables.add(operation.newName);
    }
  }
  lowerAll(items) {
    for (const item of items) {
      if (item.kind !== "call") {
        this.unanalyzed(item, `This operation (${describe(item)}) is not a call static analysis can follow; it was not checked.`);
        continue;
      }
      this.statements++;
      const name = lastName(item.callee);
      const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : void 0;
      const place = this.placeOf(item);
      if (handler) handler(this, item, place);
      else this.unanalyzed(item, `${name} is not a migration operation migralint knows; what it does to the database was not checked.`);
    }
  }
  placeOf(value) {
    const location = this.span(value.from, value.to);
    return { location, anchorLine: location.line };
  }
  span(from, to) {
    const start = this.file.lines.position(from);
    const end = this.file.lines.position(Math.max(from, to));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
  unanalyzed(at, message) {
    this.problems.push({ rule: "unanalyzed-code", message, location: this.span(at.from, at.to) });
  }
  emit(operation) {
    this.operations.push(operation);
  }
  defer(operation, table2, column) {
    this.deferred.push({ operation, table: table2, column });
  }
  /** Deferred statements of a dropped table or column are not run (Django removes them). */
  dropDeferred(table2, column) {
    this.deferred = this.deferred.filter((entry) => entry.table !== table2 || column !== void 0 && entry.column !== column);
  }
  renameDeferredTable(oldTable, newTable) {
    for (const entry of this.deferred) {
      if (entry.table !== oldTable) continue;
      entry.table = newTable;
      if ("table" in entry.operation) entry.operation.table = { name: newTable };
    }
  }
  /** The model an operation names (`model_name="order"`), or undefined with a note when earlier migrations did not define it. */
  model(call, keyword, position) {
    const name = stringAt(call, keyword, position);
    if (!name) {
      this.unanalyzed(call, `The model of this ${lastName(call.callee)} is not a literal string; it was not checked.`);
      return void 0;
    }
    const key = modelKey(this.file.app, name);
    const known = this.state.get(key);
    if (known) return known;
    const assumed = this.state.modelOrAssumed(key);
    this.state.models.set(key, assumed);
    return assumed;
  }
  /** A column definition for a field, as Django writes it in CREATE TABLE or ADD COLUMN. */
  column(model, field, at) {
    const definition = {
      name: field.column,
      location: at ? this.span(at.from, at.to) : void 0,
      type: this.columnType(model, field),
      notNull: !field.null,
      primaryKey: field.primaryKey,
      unique: field.unique,
      hasCheck: field.check
    };
    if (field.dbDefault) definition.default = field.dbDefault;
    if (field.identity) definition.generated = "identity";
    if (field.generated) definition.generated = "stored";
    return definition;
  }
  /** A field's column type; a foreign key takes its target's. */
  columnType(model, field) {
    if (field.relation?.kind !== "foreignKey") return field.type;
    return this.relationTarget(model, field)?.field?.type;
  }
  typeKey(model, field) {
    if (field.relation?.kind !== "foreignKey") return field.typeKey;
    return this.relationTarget(model, field)?.field?.typeKey ?? "?fk";
  }
  relationTarget(model, field) {
    if (!field.relation) return void 0;
    const key = this.state.resolve(field.relation.to, model.app, modelKey(model.app, model.name));
    const target = key === modelKey(model.app, model.name) ? model : this.state.modelOrAssumed(key);
    const targetField = field.relation.toField ? fieldOf(target, field.relation.toField) : primaryKeyOf(target);
    return { model: target, field: targetField };
  }
  foreignKey(model, field, place, notValid = false) {
    const target = this.relationTarget(model, field);
    const targetTable = target?.model.table ?? "";
    const targetColumn = target?.field?.column ?? "id";
    const constraint = {
      kind: "foreignKey",
      name: foreignKeyName(model.table, field.column, targetTable, targetColumn),
      columns: [field.column],
      notValid,
      references: { table: { name: targetTable }, columns: [targetColumn] }
    };
    return { kind: "addConstraint", ...place, table: { name: model.table }, constraint };
  }
  /** The indexes Django makes for a field: `db_index`, and the `_like` index of an indexed varchar/text column. */
  fieldIndexes(model, field, place) {
    const indexes = [];
    const create = (name) => ({
      kind: "createIndex",
      ...place,
      table: { name: model.table },
      name,
      columns: [field.column],
      unique: false,
      concurrently: false,
      ifNotExists: false
    });
    if (field.dbIndex && !field.unique && !field.primaryKey) indexes.push(create(indexName(model.table, [field.column])));
    const patternOps = field.relation ? this.relationTarget(model, field)?.field?.patternOps : field.patternOps;
    if (patternOps && (field.dbIndex || field.unique) && !field.primaryKey) indexes.push(create(indexName(model.table, [field.column], "_like")));
    return indexes;
  }
  columnsOf(model, names) {
    return names.map((name) => fieldOf(model, name)?.column ?? name);
  }
  /** The join table of a many-to-many field without a `through` model. */
  joinTable(model, field) {
    const relation = field.relation;
    if (relation?.kind !== "manyToMany" || relation.through) return void 0;
    const targetKey = this.state.resolve(relation.to, model.app, modelKey(model.app, model.name));
    const targetModel = targetKey === modelKey(model.app, model.name) ? model : this.state.modelOrAssumed(targetKey);
    const self = targetModel === model;
    const fromName = model.name.toLowerCase();
    const toName = targetModel.name.toLowerCase();
    return {
      table: relation.joinTable ?? truncateName(`${model.table}_${field.name}`),
      from: self ? `from_${fromName}_id` : `${fromName}_id`,
      to: self ? `to_${toName}_id` : `${toName}_id`,
      targetModel
    };
  }
  /** CREATE TABLE for a join table, with its deferred unique constraint, foreign keys and indexes. */
  createJoinTable(model, field, place) {
    const join2 = this.joinTable(model, field);
    if (!join2) return;
    const idType = { name: "int8", modifiers: [], isArray: false };
    const fromType = primaryKeyOf(model)?.type;
    const toType = primaryKeyOf(join2.targetModel)?.type;
    const column = (name, type2) => ({ name, type: type2, notNull: true, primaryKey: false, unique: false, hasCheck: false });
    this.emit({
      kind: "createTable",
      ...place,
      table: { name: join2.table },
      columns: [{ ...column("id", idType), primaryKey: true, generated: "identity" }, column(join2.from, fromType), column(join2.to, toType)],
      constraints: [],
      ifNotExists: false
    });
    const table2 = { name: join2.table };
    this.defer({ kind: "addConstraint", ...place, table: table2, constraint: { kind: "unique", name: indexName(join2.table, [join2.from, join2.to], "_uniq"), columns: [join2.from, join2.to], notValid: false } }, join2.table);
    for (const [columnName, target] of [[join2.from, model], [join2.to, join2.targetModel]]) {
      const targetColumn = primaryKeyOf(target)?.column ?? "id";
      this.defer(
        {
          kind: "addConstraint",
          ...place,
          table: table2,
          constraint: { kind: "foreignKey", name: foreignKeyName(join2.table, columnName, target.table, targetColumn), columns: [columnName], notValid: false, references: { table: { name: target.table }, columns: [targetColumn] } }
        },
        join2.table
      );
    }
    for (const columnName of [join2.from, join2.to]) {
      this.defer({ kind: "createIndex", ...place, table: table2, name: indexName(join2.table, [columnName]), columns: [columnName], unique: false, concurrently: false, ifNotExists: false }, join2.table);
    }
  }
  /** A constraint of `Meta.constraints` or `AddConstraint`, as ALTER TABLE or (unique with a condition) CREATE UNIQUE INDEX. */
  constraintOperation(model, value, place, notValid = false) {
    const spec = readConstraint(value);
    if (!spec) return void 0;
    const table2 = { name: model.table };
    const columns = this.columnsOf(model, spec.fields);
    if (spec.kind === "unique" && spec.asIndex) {
      return { kind: "createIndex", ...place, table: table2, name: spec.name, columns, unique: true, concurrently: false, ifNotExists: false };
    }
    if (spec.kind === "unknown") return { kind: "other", ...place, statement: "AddConstraint", locksTables: [table2] };
    const checksNotNullOf = spec.checksNotNullOf ? fieldOf(model, spec.checksNotNullOf)?.column ?? spec.checksNotNullOf : void 0;
    const constraint = { kind: spec.kind, name: spec.name, columns, notValid, checksNotNullOf };
    return { kind: "addConstraint", ...place, table: table2, constraint };
  }
  /** Embedded SQL of RunSQL: PostgreSQL's parser, findings at their place in the string. */
  runSql(value, place) {
    if (value.kind === "name" && value.path.endsWith(".noop")) return;
    if (value.kind === "list") {
      for (const item of value.items) {
        if (item.kind === "list" && item.items.length >= 1) this.runSqlText(item.items[0], place, item.items.length > 1);
        else this.runSql(item, place);
      }
      return;
    }
    this.runSqlText(value, place, false);
  }
  runSqlText(value, place, withParams) {
    if (value.kind !== "string") {
      this.unanalyzed(value, `This SQL (${describe(value)}) is not known statically; it was not checked.`);
      return;
    }
    let { text, offsets } = value.text;
    if (withParams) {
      let mapped = "";
      const mappedOffsets = [];
      let counter = 0;
      for (let index = 0; index < text.length; index++) {
        if (text[index] === "%" && (text[index + 1] === "s" || text[index + 1] === "%")) {
          const replacement = text[index + 1] === "s" ? `$${++counter}` : "%";
          mapped += replacement;
          for (let unit = 0; unit < replacement.length; unit++) mappedOffsets.push(offsets[index]);
          index++;
          continue;
        }
        mapped += text[index];
        mappedOffsets.push(offsets[index]);
      }
      mappedOffsets.push(offsets[text.length]);
      text = mapped;
      offsets = mappedOffsets;
    }
    const lines = this.file.lines;
    const analysis = analyzeSql({ text, locate: (charIndex) => lines.position(offsets[Math.min(charIndex, offsets.length - 1)]), anchorLine: place.anchorLine });
    this.operations.push(...analysis.operations);
    this.problems.push(...analysis.problems);
    this.directives.push(...analysis.directives);
    this.statements += analysis.statements;
  }
};
function describe(value) {
  switch (value.kind) {
    case "name":
      return value.path;
    case "unknown":
      return value.reason;
    case "call":
      return `${value.callee}(\u2026)`;
    default:
      return `a ${value.kind}`;
  }
}
function table(model) {
  return { name: model.table };
}
function createModel(lowering, call, place) {
  const { file, state } = lowering;
  const name = stringAt(call, "name", 0);
  if (!name) return lowering.unanalyzed(call, "The name of this CreateModel is not a literal string; it was not checked.");
  const { fields, unreadable } = fieldList(argument(call, "fields", 1), file.source);
  for (const item of unreadable) lowering.unanalyzed(item, 'This field is not a literal ("name", Field(...)) pair; it was not checked.');
  const options = argument(call, "options", 2);
  const dbTable = dictEntry(options, "db_table");
  const managed = dictEntry(options, "managed");
  const proxy = dictEntry(options, "proxy");
  const model = {
    app: file.app,
    name,
    table: dbTable?.kind === "string" ? dbTable.text.text : defaultTableName(file.app, name),
    explicitTable: dbTable?.kind === "string",
    fields: fields.map((entry) => entry.field),
    uniqueTogether: fieldSets(dictEntry(options, "unique_together")),
    indexTogether: fieldSets(dictEntry(options, "index_together")),
    indexes: [],
    constraints: [],
    hasTable: !(managed?.kind === "bool" && !managed.value) && !(proxy?.kind === "bool" && proxy.value)
  };
  if (!model.fields.some((field) => field.primaryKey) && model.hasTable && fields.length > 0 && !call.kwargs.has("bases")) {
  }
  const indexes = dictEntry(options, "indexes");
  const constraints = dictEntry(options, "constraints");
  state.models.set(modelKey(file.app, name), model);
  if (!model.hasTable) return;
  const inline = [];
  const afterTable = [];
  for (const value of constraints?.kind === "list" ? constraints.items : []) {
    const operation = lowering.constraintOperation(model, value, place);
    const spec = readConstraint(value);
    if (spec?.name) model.constraints.push({ name: spec.name, asIndex: spec.asIndex });
    if (operation?.kind === "addConstraint") inline.push(operation.constraint);
    else if (operation) afterTable.push(operation);
  }
  const columns = fields.filter((entry) => entry.field.relation?.kind !== "manyToMany").map((entry) => lowering.column(model, entry.field, entry.at));
  lowering.emit({ kind: "createTable", ...place, table: table(model), columns, constraints: inline, ifNotExists: false });
  for (const fieldSet of model.uniqueTogether) {
    const columnNames = lowering.columnsOf(model, fieldSet);
    lowering.defer({ kind: "addConstraint", ...place, table: table(model), constraint: { kind: "unique", name: indexName(model.table, columnNames, "_uniq"), columns: columnNames, notValid: false } }, model.table);
  }
  for (const { field } of fields) {
    if (field.relation?.kind === "foreignKey" && field.relation.dbConstraint) lowering.defer(lowering.foreignKey(model, field, place), model.table, field.column);
  }
  for (const { field } of fields) for (const index of lowering.fieldIndexes(model, field, place)) lowering.defer(index, model.table, field.column);
  for (const value of indexes?.kind === "list" ? indexes.items : []) {
    const index = readIndex(value);
    if (!index) continue;
    if (index.name) model.indexes.push(index.name);
    lowering.defer({ kind: "createIndex", ...place, table: table(model), name: index.name, columns: lowering.columnsOf(model, index.fields), unique: false, concurrently: false, ifNotExists: false }, model.table);
  }
  for (const operation of afterTable) lowering.defer(operation, model.table);
  for (const fieldSet of model.indexTogether) {
    const columnNames = lowering.columnsOf(model, fieldSet);
    lowering.defer({ kind: "createIndex", ...place, table: table(model), name: indexName(model.table, columnNames, "_idx"), columns: columnNames, unique: false, concurrently: false, ifNotExists: false }, model.table);
  }
  for (const { field } of fields) lowering.createJoinTable(model, field, place);
}
function deleteModel(lowering, call, place) {
  const model = lowering.model(call, "name", 0);
  if (!model) return;
  lowering.state.models.delete(modelKey(model.app, model.name));
  if (!model.hasTable) return;
  for (const field of model.fields) {
    const join2 = lowering.joinTable(model, field);
    if (join2) {
      lowering.emit({ kind: "dropTable", ...place, tables: [{ name: join2.table }], ifExists: false, cascade: true });
      lowering.dropDeferred(join2.table);
    }
  }
  lowering.emit({ kind: "dropTable", ...place, tables: [table(model)], ifExists: false, cascade: true });
  lowering.dropDeferred(model.table);
}
function renameModel(lowering, call, place) {
  const model = lowering.model(call, "old_name", 0);
  const newName = stringAt(call, "new_name", 1);
  if (!model || !newName) return;
  const { state, file } = lowering;
  const oldKey = modelKey(model.app, model.name);
  const newKey = modelKey(model.app, newName);
  const oldTable = model.table;
  const renamed = { ...model, name: newName, table: model.explicitTable ? model.table : defaultTableName(model.app, newName) };
  state.models.delete(oldKey);
  state.models.set(newKey, renamed);
  for (const other3 of state.models.values()) {
    other3.fields = other3.fields.map(
      (field) => field.relation && state.resolve(field.relation.to, other3.app, modelKey(other3.app, other3.name)) === oldKey ? { ...field, relation: { ...field.relation, to: `${file.app}.${newName}` } } : field
    );
  }
  if (!model.hasTable || renamed.table === oldTable) return;
  lowering.emit({ kind: "renameTable", ...place, table: { name: oldTable }, newName: renamed.table });
  lowering.renameDeferredTable(oldTable, renamed.table);
  for (const { model: referencing, field } of state.referencing(newKey)) {
    if (!field.relation?.dbConstraint || referencing === renamed) continue;
    lowering.emit({ kind: "dropConstraint", ...place, table: table(referencing), name: foreignKeyName(referencing.table, field.column, oldTable, "id"), ifExists: false });
    lowering.emit(lowering.foreignKey(referencing, field, place));
  }
  for (const field of model.fields) {
    const oldJoin = lowering.joinTable(model, field);
    const newJoin = lowering.joinTable(renamed, field);
    if (oldJoin && newJoin && oldJoin.table !== newJoin.table) lowering.emit({ kind: "renameTable", ...place, table: { name: oldJoin.table }, newName: newJoin.table });
  }
}
function alterModelTable(lowering, call, place) {
  const model = lowering.model(call, "name", 0);
  if (!model) return;
  const tableValue = argument(call, "table", 1);
  const newTable = tableValue?.kind === "string" ? tableValue.text.text : defaultTableName(model.app, model.name);
  const oldTable = model.table;
  const updated = { ...model, table: newTable, explicitTable: tableValue?.kind === "string" };
  lowering.state.models.set(modelKey(model.app, model.name), updated);
  if (!model.hasTable || oldTable === newTable) return;
  lowering.emit({ kind: "renameTable", ...place, table: { name: oldTable }, newName: newTable });
  lowering.renameDeferredTable(oldTable, newTable);
  for (const field of model.fields) {
    const oldJoin = lowering.joinTable(model, field);
    const newJoin = lowering.joinTable(updated, field);
    if (oldJoin && newJoin && oldJoin.table !== newJoin.table) lowering.emit({ kind: "renameTable", ...place, table: { name: oldJoin.table }, newName: newJoin.table });
  }
}
function addField(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const name = stringAt(call, "name", 1);
  const fieldValue = argument(call, "field", 2);
  if (!model || !name) return;
  if (fieldValue?.kind !== "call") return lowering.unanalyzed(fieldValue ?? call, "This field is not a literal Field(...) call; it was not checked.");
  const field = readField(name, fieldValue, lowering.file.source);
  addFieldTo(lowering, model, field, place, fieldValue);
}
function addFieldTo(lowering, model, field, place, at) {
  model.fields = [...model.fields.filter((existing) => existing.name !== field.name), field];
  if (!model.hasTable) return;
  if (field.relation?.kind === "manyToMany") return lowering.createJoinTable(model, field, place);
  const column = lowering.column(model, field, at);
  if (field.relation?.kind === "foreignKey" && field.relation.dbConstraint) {
    const target = lowering.relationTarget(model, field);
    column.references = { table: { name: target?.model.table ?? "" }, columns: [target?.field?.column ?? "id"] };
  }
  lowering.emit({ kind: "addColumn", ...place, table: table(model), column, ifNotExists: false });
  if (field.hasEffectiveDefault && !field.dbDefault && field.null) {
    lowering.emit({ kind: "setDefault", ...place, table: table(model), column: field.column });
  }
  for (const index of lowering.fieldIndexes(model, field, place)) lowering.defer(index, model.table, field.column);
}
function removeField(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const name = stringAt(call, "name", 1);
  if (!model || !name) return;
  const field = fieldOf(model, name);
  model.fields = model.fields.filter((existing) => existing !== field);
  if (!model.hasTable) return;
  if (field?.relation?.kind === "manyToMany") {
    const join2 = lowering.joinTable(model, field);
    if (join2) lowering.emit({ kind: "dropTable", ...place, tables: [{ name: join2.table }], ifExists: false, cascade: true });
    return;
  }
  const column = field?.column ?? name;
  if (field?.relation?.kind === "foreignKey" && field.relation.dbConstraint) {
    const target = lowering.relationTarget(model, field);
    lowering.emit({ kind: "dropConstraint", ...place, table: table(model), name: foreignKeyName(model.table, column, target?.model.table ?? "", target?.field?.column ?? "id"), ifExists: false });
  }
  lowering.emit({ kind: "dropColumn", ...place, table: table(model), column, ifExists: false });
  lowering.dropDeferred(model.table, column);
}
function renameField(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const oldName = stringAt(call, "old_name", 1);
  const newName = stringAt(call, "new_name", 2);
  if (!model || !oldName || !newName) return;
  const field = fieldOf(model, oldName);
  const oldColumn = field?.column ?? oldName;
  const newColumn = field?.explicitColumn ? oldColumn : field?.relation?.kind === "foreignKey" ? `${newName}_id` : newName;
  if (field) model.fields = model.fields.map((existing) => existing === field ? { ...field, name: newName, column: newColumn } : existing);
  const rename2 = (sets) => sets.map((set) => set.map((name) => name === oldName ? newName : name));
  model.uniqueTogether = rename2(model.uniqueTogether);
  model.indexTogether = rename2(model.indexTogether);
  if (!model.hasTable || field?.relation?.kind === "manyToMany" || oldColumn === newColumn) return;
  lowering.emit({ kind: "renameColumn", ...place, table: table(model), column: oldColumn, newName: newColumn });
}
function alterField(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const name = stringAt(call, "name", 1);
  const fieldValue = argument(call, "field", 2);
  if (!model || !name) return;
  if (fieldValue?.kind !== "call") return lowering.unanalyzed(fieldValue ?? call, "This field is not a literal Field(...) call; it was not checked.");
  const newField = readField(name, fieldValue, lowering.file.source);
  const oldField = fieldOf(model, name);
  model.fields = oldField ? model.fields.map((existing) => existing === oldField ? newField : existing) : [...model.fields, newField];
  if (!model.hasTable) return;
  if (!oldField) {
    return lowering.unanalyzed(call, `AlterField of "${model.app}.${model.name}.${name}": the field's earlier definition is not in the migrations read, so what changes in the database was not checked.`);
  }
  alterColumn(lowering, model, oldField, newField, place);
}
function alterColumn(lowering, model, oldField, newField, place) {
  const { state } = lowering;
  const oldTarget = lowering.relationTarget(model, oldField)?.model.table;
  const newTarget = lowering.relationTarget(model, newField)?.model.table;
  const sameTarget = oldField.relation?.kind === "foreignKey" && newField.relation?.kind === "foreignKey" && oldTarget === newTarget;
  const changed = oldField.column !== newField.column || oldField.signature !== newField.signature || !sameTarget && (oldField.relation !== void 0 || newField.relation !== void 0);
  if (!changed) return;
  if (oldField.relation?.kind === "manyToMany" || newField.relation?.kind === "manyToMany") return;
  const on = table(model);
  const oldType = lowering.typeKey(model, oldField);
  const newType = lowering.typeKey(model, newField);
  const emit = (operation) => lowering.emit(operation);
  let foreignKeyDropped = false;
  if (oldField.relation?.kind === "foreignKey" && oldField.relation.dbConstraint) {
    foreignKeyDropped = true;
    emit({ kind: "dropConstraint", ...place, table: on, name: foreignKeyName(model.table, oldField.column, oldTarget ?? "", "id"), ifExists: false });
  }
  if (oldField.unique && (!newField.unique || !oldField.primaryKey && newField.primaryKey)) {
    emit({ kind: "dropConstraint", ...place, table: on, name: indexName(model.table, [oldField.column], "_uniq"), ifExists: false });
  }
  const incoming = (oldField.primaryKey && newField.primaryKey || oldField.unique && newField.unique) && oldType !== newType ? state.referencing(modelKey(model.app, model.name)).filter(({ field }) => (field.relation?.toField ?? primaryKeyOf(model)?.name) === oldField.name) : [];
  for (const { model: referencing, field } of incoming) {
    if (field.relation?.dbConstraint) emit({ kind: "dropConstraint", ...place, table: table(referencing), name: foreignKeyName(referencing.table, field.column, model.table, oldField.column), ifExists: false });
  }
  if (oldField.dbIndex && !oldField.unique && (!newField.dbIndex || newField.unique)) {
    emit({ kind: "dropIndex", ...place, names: [{ name: indexName(model.table, [oldField.column]) }], concurrently: false, ifExists: true });
  }
  if (oldField.check && !newField.check) emit({ kind: "dropConstraint", ...place, table: on, name: indexName(model.table, [oldField.column], "_check"), ifExists: false });
  if (oldField.column !== newField.column) emit({ kind: "renameColumn", ...place, table: on, column: oldField.column, newName: newField.column });
  const column = newField.column;
  if (oldType !== newType) {
    if ((oldField.dbIndex || oldField.unique) && oldField.patternOps && oldField.patternOps !== lowering.columnType(model, newField)?.name) {
      emit({ kind: "dropIndex", ...place, names: [{ name: indexName(model.table, [oldField.column], "_like") }], concurrently: false, ifExists: true });
    }
    emit({ kind: "alterColumnType", ...place, table: on, column, newType: lowering.columnType(model, newField) });
  }
  if (newField.dbDefault && JSON.stringify(newField.dbDefault) !== JSON.stringify(oldField.dbDefault)) emit({ kind: "setDefault", ...place, table: on, column, default: newField.dbDefault });
  else if (!newField.dbDefault && oldField.dbDefault) emit({ kind: "setDefault", ...place, table: on, column });
  const becomesNotNull = oldField.null && !newField.null;
  const fillsNulls = becomesNotNull && !newField.dbDefault && newField.hasEffectiveDefault;
  if (fillsNulls) {
    emit({ kind: "setDefault", ...place, table: on, column, default: { kind: "constant" } });
    emit({ kind: "other", ...place, statement: "UpdateStmt" });
  }
  if (becomesNotNull) emit({ kind: "setNotNull", ...place, table: on, column });
  else if (!oldField.null && newField.null) emit({ kind: "dropNotNull", ...place, table: on, column });
  if (oldField.primaryKey && !newField.primaryKey) emit({ kind: "dropConstraint", ...place, table: on, name: `${model.table}_pkey`, ifExists: false });
  if (!newField.primaryKey && newField.unique && (!oldField.unique || oldField.primaryKey)) {
    emit({ kind: "addConstraint", ...place, table: on, constraint: { kind: "unique", name: indexName(model.table, [column], "_uniq"), columns: [column], notValid: false } });
  }
  if ((!oldField.dbIndex || oldField.unique) && newField.dbIndex && !newField.unique) {
    emit({ kind: "createIndex", ...place, table: on, name: indexName(model.table, [column]), columns: [column], unique: false, concurrently: false, ifNotExists: false });
  }
  if (!oldField.primaryKey && newField.primaryKey) {
    emit({ kind: "addConstraint", ...place, table: on, constraint: { kind: "primaryKey", name: indexName(model.table, [column], "_pk"), columns: [column], notValid: false } });
  }
  for (const { model: referencing, field } of incoming) {
    emit({ kind: "alterColumnType", ...place, table: table(referencing), column: field.column, newType: lowering.columnType(model, newField) });
  }
  if (newField.relation?.kind === "foreignKey" && newField.relation.dbConstraint && (foreignKeyDropped || oldField.relation?.kind !== "foreignKey" || !oldField.relation.dbConstraint)) {
    emit(lowering.foreignKey(model, newField, place));
  }
  for (const { model: referencing, field } of incoming) if (field.relation?.dbConstraint) emit(lowering.foreignKey(referencing, field, place));
  if (newField.check && !oldField.check) {
    emit({ kind: "addConstraint", ...place, table: on, constraint: { kind: "check", name: indexName(model.table, [column], "_check"), columns: [column], notValid: false } });
  }
  if (fillsNulls) emit({ kind: "setDefault", ...place, table: on, column });
  const newPatternOps = newField.patternOps;
  const addsIndex = !(oldField.dbIndex || oldField.unique) && newField.dbIndex || !oldField.unique && newField.unique || (oldField.dbIndex || oldField.unique) && oldField.patternOps !== void 0 && oldType !== newType;
  if (addsIndex && newPatternOps && !newField.primaryKey) {
    emit({ kind: "createIndex", ...place, table: on, name: indexName(model.table, [column], "_like"), columns: [column], unique: false, concurrently: false, ifNotExists: false });
  }
  if (oldField.unique && !(newField.dbIndex || newField.unique) && oldField.patternOps) {
    emit({ kind: "dropIndex", ...place, names: [{ name: indexName(model.table, [oldField.column], "_like") }], concurrently: false, ifExists: true });
  }
}
function addIndex(concurrently) {
  return (lowering, call, place) => {
    const model = lowering.model(call, "model_name", 0);
    const index = readIndex(argument(call, "index", 1));
    if (!model) return;
    if (!index) return lowering.unanalyzed(argument(call, "index", 1) ?? call, "This index is not a literal Index(...) call; it was not checked.");
    if (index.name) model.indexes.push(index.name);
    if (!model.hasTable) return;
    lowering.emit({ kind: "createIndex", ...place, table: table(model), name: index.name, columns: lowering.columnsOf(model, index.fields), unique: false, concurrently, ifNotExists: false });
  };
}
function removeIndex(concurrently) {
  return (lowering, call, place) => {
    const model = lowering.model(call, "model_name", 0);
    const name = stringAt(call, "name", 1);
    if (!model || !name) return;
    model.indexes = model.indexes.filter((existing) => existing !== name);
    if (!model.hasTable) return;
    lowering.emit({ kind: "dropIndex", ...place, names: [{ name }], concurrently, ifExists: true });
  };
}
function addConstraint(notValid) {
  return (lowering, call, place) => {
    const model = lowering.model(call, "model_name", 0);
    const value = argument(call, "constraint", 1);
    if (!model) return;
    const spec = readConstraint(value);
    if (!spec) return lowering.unanalyzed(value ?? call, "This constraint is not a literal constraint call; it was not checked.");
    if (spec.name) model.constraints.push({ name: spec.name, asIndex: spec.asIndex });
    if (!model.hasTable) return;
    const operation = lowering.constraintOperation(model, value, place, notValid);
    if (operation) lowering.emit(operation);
  };
}
function removeConstraint(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const name = stringAt(call, "name", 1);
  if (!model || !name) return;
  const known = model.constraints.find((constraint) => constraint.name === name);
  model.constraints = model.constraints.filter((constraint) => constraint !== known);
  if (!model.hasTable) return;
  if (known?.asIndex) lowering.emit({ kind: "dropIndex", ...place, names: [{ name }], concurrently: false, ifExists: true });
  else lowering.emit({ kind: "dropConstraint", ...place, table: table(model), name, ifExists: false });
}
function validateConstraint(lowering, call, place) {
  const model = lowering.model(call, "model_name", 0);
  const name = stringAt(call, "name", 1);
  if (!model || !name || !model.hasTable) return;
  lowering.emit({ kind: "validateConstraint", ...place, table: table(model), name });
}
function alterTogether(kind) {
  return (lowering, call, place) => {
    const model = lowering.model(call, "name", 0);
    if (!model) return;
    const news = fieldSets(argument(call, kind === "unique" ? "unique_together" : "index_together", 1));
    const olds = kind === "unique" ? model.uniqueTogether : model.indexTogether;
    const key = (set) => set.join("\0");
    const added = news.filter((set) => !olds.some((old) => key(old) === key(set)));
    const removed = olds.filter((set) => !news.some((current) => key(current) === key(set)));
    if (kind === "unique") model.uniqueTogether = news;
    else model.indexTogether = news;
    if (!model.hasTable) return;
    const on = table(model);
    for (const set of removed) {
      const columns = lowering.columnsOf(model, set);
      if (kind === "unique") lowering.emit({ kind: "dropConstraint", ...place, table: on, name: indexName(model.table, columns, "_uniq"), ifExists: false });
      else lowering.emit({ kind: "dropIndex", ...place, names: [{ name: indexName(model.table, columns, "_idx") }], concurrently: false, ifExists: true });
    }
    for (const set of added) {
      const columns = lowering.columnsOf(model, set);
      if (kind === "unique") lowering.emit({ kind: "addConstraint", ...place, table: on, constraint: { kind: "unique", name: indexName(model.table, columns, "_uniq"), columns, notValid: false } });
      else lowering.emit({ kind: "createIndex", ...place, table: on, name: indexName(model.table, columns, "_idx"), columns, unique: false, concurrently: false, ifNotExists: false });
    }
  };
}
function alterOrderWithRespectTo(lowering, call, place) {
  const model = lowering.model(call, "name", 0);
  const target = argument(call, "order_with_respect_to", 1);
  if (!model || !target || target.kind === "none" || fieldOf(model, "_order")) return;
  const order = {
    name: "_order",
    fieldClass: "OrderWrt",
    column: "_order",
    explicitColumn: false,
    type: { name: "int4", modifiers: [], isArray: false },
    typeKey: "int4",
    null: false,
    primaryKey: false,
    unique: false,
    dbIndex: false,
    hasEffectiveDefault: true,
    identity: false,
    generated: false,
    check: false,
    signature: "OrderWrt()"
  };
  addFieldTo(lowering, model, order, place);
}
function runSql(lowering, call, place) {
  const sql = argument(call, "sql", 0);
  if (sql) lowering.runSql(sql, place);
  applyStateOnly(lowering, argument(call, "state_operations", 2));
}
function runPython(lowering, call, place) {
  const reverse = argument(call, "reverse_code", 1);
  if (!reverse || reverse.kind === "none") {
    lowering.unanalyzed(call, "RunPython without reverse_code: this data migration cannot be rolled back, and the Python it runs is not checked.");
  }
  void place;
}
function separateDatabaseAndState(lowering, call) {
  const database = argument(call, "database_operations", 0);
  const stateOperations = argument(call, "state_operations", 1);
  const saved = lowering.state;
  lowering.state = saved.clone();
  if (database?.kind === "list") lowering.lowerAll(database.items);
  else if (database) lowering.unanalyzed(database, "These database_operations are not a literal list; they were not checked.");
  lowering.state = saved;
  applyStateOnly(lowering, stateOperations);
}
function applyStateOnly(lowering, operations) {
  if (operations?.kind !== "list") return;
  const sink = new MigrationLowering(lowering.file, lowering.state);
  sink.lowerAll(operations.items);
}
function ignoreMigration(lowering, call, place) {
  lowering.directives.push({ scope: "file", rules: [], location: place.location, targetLine: place.location.line });
  lowering.statements--;
  void call;
}
var other2 = (statement) => (lowering, _call, place) => lowering.emit({ kind: "other", ...place, statement });
var nothing = () => void 0;
var HANDLERS = {
  CreateModel: createModel,
  DeleteModel: deleteModel,
  RenameModel: renameModel,
  AlterModelTable: alterModelTable,
  AlterModelTableComment: other2("CommentStmt"),
  AlterModelOptions: nothing,
  AlterModelManagers: nothing,
  AlterConstraint: nothing,
  AlterOrderWithRespectTo: alterOrderWithRespectTo,
  AddField: addField,
  RemoveField: removeField,
  RenameField: renameField,
  AlterField: alterField,
  AddIndex: addIndex(false),
  AddIndexConcurrently: addIndex(true),
  RemoveIndex: removeIndex(false),
  RemoveIndexConcurrently: removeIndex(true),
  RenameIndex: other2("RenameStmt:OBJECT_INDEX"),
  AddConstraint: addConstraint(false),
  AddConstraintNotValid: addConstraint(true),
  RemoveConstraint: removeConstraint,
  ValidateConstraint: validateConstraint,
  AlterUniqueTogether: alterTogether("unique"),
  AlterIndexTogether: alterTogether("index"),
  RunSQL: runSql,
  RunPython: runPython,
  SeparateDatabaseAndState: separateDatabaseAndState,
  IgnoreMigration: ignoreMigration,
  CreateExtension: other2("CreateExtensionStmt"),
  BloomExtension: other2("CreateExtensionStmt"),
  BtreeGinExtension: other2("CreateExtensionStmt"),
  BtreeGistExtension: other2("CreateExtensionStmt"),
  CITextExtension: other2("CreateExtensionStmt"),
  CryptoExtension: other2("CreateExtensionStmt"),
  HStoreExtension: other2("CreateExtensionStmt"),
  TrigramExtension: other2("CreateExtensionStmt"),
  UnaccentExtension: other2("CreateExtensionStmt"),
  CreateCollation: other2("DefineStmt"),
  RemoveCollation: other2("DropStmt:OBJECT_COLLATION")
};

// src/frontends/django/order.ts
var nodeKey = (app, name) => `${app}\0${name}`;
function orderMigrations(nodes) {
  const sorted = [...nodes].sort((a, b) => a.app === b.app ? compareNames(a.name, b.name) : a.app < b.app ? -1 : 1);
  const byKey = new Map(sorted.map((node) => [nodeKey(node.app, node.name), node]));
  const byApp = /* @__PURE__ */ new Map();
  for (const node of sorted) byApp.set(node.app, [...byApp.get(node.app) ?? [], node]);
  const sideBranches = /* @__PURE__ */ new Set();
  const replacedBy = /* @__PURE__ */ new Map();
  for (const node of sorted) {
    if (node.replaces.length === 0) continue;
    if (node.replaces.some((replaced) => byKey.has(nodeKey(replaced.app, replaced.name)))) sideBranches.add(node.id);
    else for (const replaced of node.replaces) replacedBy.set(nodeKey(replaced.app, replaced.name), node);
  }
  const edges = new Map(sorted.map((node) => [node, []]));
  const resolve2 = (app, name) => {
    const appNodes = byApp.get(app) ?? [];
    if (name === "__first__") return appNodes.filter((node) => !sideBranches.has(node.id)).slice(0, 1);
    if (name === "__latest__") return appNodes.filter((node) => !sideBranches.has(node.id)).slice(-1);
    const found = byKey.get(nodeKey(app, name)) ?? replacedBy.get(nodeKey(app, name));
    if (!found) return [];
    if (sideBranches.has(found.id)) return found.replaces.flatMap((replaced) => resolve2(replaced.app, replaced.name));
    return [found];
  };
  for (const node of sorted) {
    for (const dependency of node.dependencies) edges.get(node)?.push(...resolve2(dependency.app, dependency.name).filter((target) => target !== node));
    for (const later of node.runBefore) for (const target of resolve2(later.app, later.name)) edges.get(target)?.push(node);
  }
  const order = [];
  const cycles = [];
  const state = /* @__PURE__ */ new Map();
  const visit = (start) => {
    const stack = [{ node: start, next: 0 }];
    state.set(start, "visiting");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const dependencies = edges.get(top.node) ?? [];
      if (top.next < dependencies.length) {
        const dependency = dependencies[top.next++];
        const seen = state.get(dependency);
        if (seen === "visiting") cycles.push({ node: top.node, through: dependency });
        if (seen) continue;
        state.set(dependency, "visiting");
        stack.push({ node: dependency, next: 0 });
        continue;
      }
      state.set(top.node, "done");
      order.push(top.node);
      stack.pop();
    }
  };
  for (const node of sorted) if (!state.has(node)) visit(node);
  const parents = new Map([...edges].map(([node, dependencies]) => [node.id, [...new Set(dependencies.map((dependency) => dependency.id))]]));
  return { order, sideBranches, cycles, parents };
}
function compareNames(a, b) {
  const numberOf = (name) => Number(/^\d+/.exec(name)?.[0] ?? Number.NaN);
  const difference = numberOf(a) - numberOf(b);
  if (!Number.isNaN(difference) && difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/frontends/django/read-migration.ts
var path = __toESM(require("node:path"));

// src/frontends/django/python.ts
var pythonParser;
function parsePython(text) {
  pythonParser ??= require_dist4().parser;
  const tree = pythonParser.parse(text);
  let errorAt;
  tree.iterate({
    enter: (node) => {
      if (errorAt !== void 0) return false;
      if (node.type.isError) errorAt = node.from;
      return void 0;
    }
  });
  return { tree, errorAt };
}
var PythonScope = class {
  constructor(source, parent) {
    this.source = source;
    this.parent = parent;
  }
  source;
  parent;
  bindings = /* @__PURE__ */ new Map();
  resolving = /* @__PURE__ */ new Set();
  /** Records the simple assignments (`NAME = expr`) among a block's statements. */
  bindAssignments(statements) {
    for (const statement of statements) {
      const target = statement.name === "AssignStatement" ? assignmentParts(statement, this.source) : void 0;
      if (!target) continue;
      this.bindings.set(target.name, this.bindings.has(target.name) ? null : target.value);
    }
  }
  valueOf(node) {
    if (!node) return { kind: "unknown", reason: "missing expression", from: 0, to: 0 };
    return readValue(node, this);
  }
  /** The expression a name is bound to, in this scope or an enclosing one. */
  lookup(name) {
    if (this.bindings.has(name)) return this.bindings.get(name) ?? void 0;
    return this.parent?.lookup(name);
  }
  resolveName(name, at) {
    const bound = this.lookup(name);
    if (!bound || this.resolving.has(name)) return { kind: "name", path: name, from: at.from, to: at.to };
    this.resolving.add(name);
    try {
      return this.valueOf(bound);
    } finally {
      this.resolving.delete(name);
    }
  }
};
function assignmentParts(statement, source) {
  const children = childNodes(statement).filter((child) => child.name !== "TypeDef");
  if (children.length !== 3 || children[0].name !== "VariableName" || children[1].name !== "AssignOp") return void 0;
  return { name: source.slice(children[0].from, children[0].to), nameNode: children[0], value: children[2] };
}
function childNodes(node) {
  const children = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}
var PUNCTUATION = /* @__PURE__ */ new Set(["(", ")", "[", "]", "{", "}", ",", ":", "Comment"]);
function elements(node) {
  return childNodes(node).filter((child) => !PUNCTUATION.has(child.name));
}
function readValue(node, scope) {
  const at = { from: node.from, to: node.to };
  const source = scope.source;
  switch (node.name) {
    case "String":
    case "FormatString":
    case "ContinuedString": {
      const text = stringText(node, scope);
      return text ? { kind: "string", text, ...at } : { kind: "unknown", reason: "an f-string with values not known statically", ...at };
    }
    case "Number": {
      const value = Number(source.slice(node.from, node.to).replace(/_/g, ""));
      return Number.isNaN(value) ? { kind: "unknown", reason: "a number", ...at } : { kind: "number", value, ...at };
    }
    case "Boolean":
      return { kind: "bool", value: source.slice(node.from, node.to) === "True", ...at };
    case "None":
      return { kind: "none", ...at };
    case "ParenthesizedExpression": {
      const inner = elements(node);
      return inner.length === 1 ? { ...readValue(inner[0], scope), ...at } : { kind: "unknown", reason: "an expression", ...at };
    }
    case "ArrayExpression":
    case "TupleExpression":
    case "SetExpression":
      return listValue(node, scope);
    case "DictionaryExpression":
      return dictValue(node, scope);
    case "CallExpression":
      return callValue(node, scope);
    case "VariableName":
      return { ...scope.resolveName(source.slice(node.from, node.to), node), ...at };
    case "MemberExpression": {
      const path4 = dottedName(node, source);
      return path4 ? { kind: "name", path: path4, ...at } : { kind: "unknown", reason: "an attribute of an expression", ...at };
    }
    case "UnaryExpression": {
      const [operator, operand] = childNodes(node);
      const value = operand && readValue(operand, scope);
      if (value?.kind === "number" && operator && source.slice(operator.from, operator.to) === "-") return { kind: "number", value: -value.value, ...at };
      if (value?.kind === "number") return { ...value, ...at };
      return { kind: "unknown", reason: "an expression", ...at };
    }
    case "BinaryExpression":
      return binaryValue(node, scope);
    default:
      return { kind: "unknown", reason: describeNode(node.name), ...at };
  }
}
function describeNode(name) {
  if (name === "LambdaExpression") return "a lambda";
  if (name.endsWith("ComprehensionExpression")) return "a comprehension";
  if (name === "ConditionalExpression") return "a conditional expression";
  return "an expression";
}
function listValue(node, scope) {
  const items = [];
  const children = childNodes(node).filter((child) => !PUNCTUATION.has(child.name));
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.name === "*") {
      const spread = children[++index];
      const value = spread ? readValue(spread, scope) : void 0;
      if (value?.kind === "list") items.push(...value.items);
      else items.push({ kind: "unknown", reason: "an unpacked value", from: child.from, to: spread?.to ?? child.to });
      continue;
    }
    items.push(readValue(child, scope));
  }
  return { kind: "list", items, from: node.from, to: node.to };
}
function dictValue(node, scope) {
  const entries = [];
  const children = childNodes(node).filter((child) => !["{", "}", ",", "Comment"].includes(child.name));
  for (let index = 0; index < children.length; index++) {
    if (children[index].name === "**") {
      index++;
      continue;
    }
    const key = children[index];
    if (children[index + 1]?.name !== ":") continue;
    const value = children[index + 2];
    if (key && value) entries.push([readValue(key, scope), readValue(value, scope)]);
    index += 2;
  }
  return { kind: "dict", entries, from: node.from, to: node.to };
}
function callValue(node, scope) {
  const at = { from: node.from, to: node.to };
  const [calleeNode, argList] = childNodes(node);
  const callee = calleeNode ? dottedName(calleeNode, scope.source) : void 0;
  if (!callee || !argList) return { kind: "unknown", reason: "a call of an expression", ...at };
  const args = [];
  const kwargs = /* @__PURE__ */ new Map();
  let spread = false;
  const children = childNodes(argList).filter((child) => !PUNCTUATION.has(child.name));
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.name === "*" || child.name === "**") {
      spread = true;
      index++;
      continue;
    }
    if (child.name === "VariableName" && children[index + 1]?.name === "AssignOp" && children[index + 2]) {
      kwargs.set(scope.source.slice(child.from, child.to), readValue(children[index + 2], scope));
      index += 2;
      continue;
    }
    args.push(readValue(child, scope));
  }
  return { kind: "call", callee, args, kwargs, spread, ...at };
}
function binaryValue(node, scope) {
  const at = { from: node.from, to: node.to };
  const [leftNode, operator, rightNode] = childNodes(node);
  if (!leftNode || !operator || !rightNode || scope.source.slice(operator.from, operator.to) !== "+") {
    return { kind: "unknown", reason: "an expression", ...at };
  }
  const left = readValue(leftNode, scope);
  const right = readValue(rightNode, scope);
  if (left.kind === "list" && right.kind === "list") return { kind: "list", items: [...left.items, ...right.items], ...at };
  if (left.kind === "string" && right.kind === "string") {
    return { kind: "string", text: { text: left.text.text + right.text.text, offsets: [...left.text.offsets.slice(0, -1), ...right.text.offsets] }, ...at };
  }
  return { kind: "unknown", reason: "an expression", ...at };
}
function dottedName(node, source) {
  if (node.name === "VariableName") return source.slice(node.from, node.to);
  if (node.name !== "MemberExpression") return void 0;
  const [object, dot, property] = childNodes(node);
  if (!object || dot?.name !== "." || property?.name !== "PropertyName") return void 0;
  const base = dottedName(object, source);
  return base && `${base}.${source.slice(property.from, property.to)}`;
}
function stringText(node, scope) {
  if (node.name === "ContinuedString") {
    const parts = childNodes(node).filter((child) => child.name === "String" || child.name === "FormatString");
    const texts = parts.map((part) => stringText(part, scope));
    if (texts.some((text) => text === void 0)) return void 0;
    return joinMapped(texts);
  }
  const raw = scope.source.slice(node.from, node.to);
  const prefix = /^[a-zA-Z]*/.exec(raw)?.[0] ?? "";
  const quote = raw.startsWith('"""', prefix.length) || raw.startsWith("'''", prefix.length) ? raw.slice(prefix.length, prefix.length + 3) : raw[prefix.length];
  const bodyStart = node.from + prefix.length + quote.length;
  const bodyEnd = Math.max(bodyStart, node.to - quote.length);
  const isRaw = /r/i.test(prefix);
  if (/f/i.test(prefix)) return formatStringText(node, scope, bodyStart, bodyEnd, isRaw);
  return decodePythonEscapes(scope.source, bodyStart, bodyEnd, isRaw);
}
function formatStringText(node, scope, bodyStart, bodyEnd, isRaw) {
  const parts = [];
  let position = bodyStart;
  for (const replacement of childNodes(node).filter((child) => child.name === "FormatReplacement")) {
    parts.push(undoubleBraces(decodePythonEscapes(scope.source, position, replacement.from, isRaw)));
    const inner = childNodes(replacement).filter((child) => child.name !== "{" && child.name !== "}");
    if (inner.length !== 1) return void 0;
    const value = readValue(inner[0], scope);
    if (value.kind === "string") parts.push({ text: value.text.text, offsets: [...Array(value.text.text.length).fill(replacement.from), replacement.to] });
    else if (value.kind === "number") parts.push({ text: String(value.value), offsets: [...Array(String(value.value).length).fill(replacement.from), replacement.to] });
    else return void 0;
    position = replacement.to;
  }
  parts.push(undoubleBraces(decodePythonEscapes(scope.source, position, bodyEnd, isRaw)));
  return joinMapped(parts);
}
function undoubleBraces(mapped) {
  let text = "";
  const offsets = [];
  for (let index = 0; index < mapped.text.length; index++) {
    const char = mapped.text[index];
    text += char;
    offsets.push(mapped.offsets[index]);
    if ((char === "{" || char === "}") && mapped.text[index + 1] === char) index++;
  }
  offsets.push(mapped.offsets[mapped.text.length]);
  return { text, offsets };
}
function joinMapped(parts) {
  let text = "";
  const offsets = [];
  for (const part of parts) {
    text += part.text;
    offsets.push(...part.offsets.slice(0, part.text.length));
  }
  offsets.push(parts.length > 0 ? parts[parts.length - 1].offsets[parts[parts.length - 1].text.length] : 0);
  return { text, offsets };
}
var SIMPLE_ESCAPES = { n: "\n", t: "	", r: "\r", b: "\b", f: "\f", v: "\v", a: "\x07", "0": "\0", "\\": "\\", "'": "'", '"': '"' };
function decodePythonEscapes(source, start, end, isRaw) {
  let text = "";
  const offsets = [];
  let index = start;
  while (index < end) {
    const at = index;
    let decoded;
    if (source[index] !== "\\" || isRaw) {
      decoded = source[index];
      index++;
    } else {
      const next = source[index + 1];
      if (next === "\n" || next === "\r") {
        index += next === "\r" && source[index + 2] === "\n" ? 3 : 2;
        continue;
      }
      const numeric = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3}))/.exec(source.slice(index + 1, index + 10));
      if (numeric) {
        const code = numeric[4] !== void 0 ? parseInt(numeric[4], 8) : parseInt(numeric[1] ?? numeric[2] ?? numeric[3], 16);
        decoded = String.fromCodePoint(code);
        index += 1 + numeric[0].length;
      } else if (next !== void 0 && SIMPLE_ESCAPES[next] !== void 0) {
        decoded = SIMPLE_ESCAPES[next];
        index += 2;
      } else {
        decoded = "\\";
        index++;
      }
    }
    text += decoded;
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(at);
  }
  offsets.push(end);
  return { text, offsets };
}

// src/frontends/django/read-migration.ts
function appFolderLabel(filePath) {
  return path.basename(path.dirname(path.dirname(path.resolve(filePath))));
}
function migrationName(filePath) {
  return path.basename(filePath).replace(/\.py$/, "");
}
var USER_MODEL_APP = "__user_model__";
function readDjangoMigration(source, filePath, app = appFolderLabel(filePath)) {
  const lines = new LineIndex(source);
  const parsed = parsePython(source);
  const moduleScope = new PythonScope(source);
  const file = {
    file: filePath,
    app,
    name: migrationName(filePath),
    source,
    lines,
    isMigration: false,
    atomic: true,
    dependencies: [],
    replaces: [],
    runBefore: [],
    scope: moduleScope,
    directives: [],
    unreadable: []
  };
  const top = parsed.tree.topNode;
  const statements = childNodes(top);
  moduleScope.bindAssignments(statements);
  file.directives = commentDirectives(top, source, lines);
  if (parsed.errorAt !== void 0) {
    file.syntaxError = { at: parsed.errorAt, message: "This file is not valid Python" };
    return file;
  }
  const migrationClass = statements.find((statement) => isMigrationClass(statement, source));
  if (!migrationClass) return file;
  file.isMigration = true;
  const body = childNodes(migrationClass).find((child) => child.name === "Body");
  const classStatements = body ? childNodes(body) : [];
  const scope = new PythonScope(source, moduleScope);
  scope.bindAssignments(classStatements);
  file.scope = scope;
  for (const statement of classStatements) {
    const assignment = statement.name === "AssignStatement" ? assignmentParts(statement, source) : void 0;
    if (!assignment) continue;
    const value = scope.valueOf(assignment.value);
    switch (assignment.name) {
      case "atomic":
        if (value.kind === "bool") file.atomic = value.value;
        else file.unreadable.push({ from: value.from, to: value.to, message: "atomic is not a constant True or False; the migration is assumed to run in a transaction" });
        break;
      case "dependencies":
        file.dependencies = references(value, file);
        break;
      case "replaces":
        file.replaces = references(value, file);
        break;
      case "run_before":
        file.runBefore = references(value, file);
        break;
      case "operations":
        file.operations = value;
        break;
    }
  }
  return file;
}
function isMigrationClass(statement, source) {
  if (statement.name !== "ClassDefinition") return false;
  const [keyword, name, bases] = childNodes(statement);
  if (keyword?.name !== "class" || name?.name !== "VariableName" || source.slice(name.from, name.to) !== "Migration") return false;
  if (bases?.name !== "ArgList") return false;
  return childNodes(bases).some((base) => /(^|\.)\w*Migration$/.test(dottedName(base, source) ?? ""));
}
function references(value, file) {
  if (value.kind !== "list") {
    file.unreadable.push({ from: value.from, to: value.to, message: "this list of migrations is not a literal list" });
    return [];
  }
  const found = [];
  for (const item of value.items) {
    if (item.kind === "list" && item.items.length === 2 && item.items[0].kind === "string" && item.items[1].kind === "string") {
      found.push({ app: item.items[0].text.text, name: item.items[1].text.text });
    } else if (item.kind === "call" && item.callee.endsWith("swappable_dependency")) {
      found.push({ app: USER_MODEL_APP, name: "__first__" });
    } else {
      file.unreadable.push({ from: item.from, to: item.to, message: 'this migration reference is not a literal ("app", "name") pair' });
    }
  }
  return found;
}
function commentDirectives(top, source, lines) {
  const directives = [];
  const cursor = top.cursor();
  do {
    if (cursor.name !== "Comment") continue;
    const parsed = parseDirective(source.slice(cursor.from + 1, cursor.to));
    if (!parsed) continue;
    const start = lines.position(cursor.from);
    const end = lines.position(cursor.to);
    const codeBefore = source.slice(lines.lineStart(start.line), cursor.from).trim().length > 0;
    const targetLine = codeBefore ? start.line : lines.position(nextCodeOffset(source, cursor.to)).line;
    directives.push({ ...parsed, location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }, targetLine });
  } while (cursor.next());
  return directives;
}
function nextCodeOffset(text, from) {
  let index = from;
  while (index < text.length) {
    if (/\s/.test(text[index])) index++;
    else if (text[index] === "#") index = text.indexOf("\n", index) < 0 ? text.length : text.indexOf("\n", index);
    else break;
  }
  return index;
}

// src/frontends/django/index.ts
function analyzeDjangoProject(sources) {
  const results = /* @__PURE__ */ new Map();
  const migrations = [];
  for (const source of sources) {
    let migration;
    try {
      migration = source.read ?? readDjangoMigration(source.text, source.file, source.app);
    } catch (error) {
      results.set(source.file, failedFile(error));
      continue;
    }
    const early = earlyResult(migration);
    if (early) results.set(source.file, early);
    else migrations.push(migration);
  }
  const userApp = userModelApp(migrations);
  const byFile = new Map(migrations.map((migration) => [migration.file, migration]));
  const nodes = migrations.map((migration) => ({
    id: migration.file,
    app: migration.app,
    name: migration.name,
    dependencies: migration.dependencies.map((dependency) => dependency.app === USER_MODEL_APP ? { app: userApp, name: "__first__" } : dependency),
    runBefore: migration.runBefore,
    replaces: migration.replaces
  }));
  const { order, sideBranches, cycles, parents } = orderMigrations(nodes);
  const cycleProblems = new Map(
    cycles.map(({ node, through }) => [
      node.id,
      {
        rule: "unanalyzed-code",
        message: `The dependencies of ${node.app}.${node.name} form a cycle through ${through.app}.${through.name}; it was checked in an arbitrary place in the history.`,
        location: { line: 1, column: 1, endLine: 1, endColumn: 1 }
      }
    ])
  );
  let state = new DjangoState();
  const lastOfApp = /* @__PURE__ */ new Map();
  const appAfter = /* @__PURE__ */ new Map();
  const appOf = new Map(order.map((node) => [node.id, node.app]));
  for (const node of order) {
    const migration = byFile.get(node.id);
    if (!migration) continue;
    const sameAppParents = (parents.get(node.id) ?? []).filter((parent) => appOf.get(parent) === node.app);
    if (sameAppParents.length > 0 && (sameAppParents.length > 1 || lastOfApp.get(node.app) !== sameAppParents[0])) {
      const snapshots = sameAppParents.flatMap((parent) => appAfter.get(parent) ?? []);
      if (snapshots.length > 0) state.restoreApp(node.app, mergeBranches(sameAppParents.map((parent) => appAfter.get(parent) ?? [])));
    }
    const sideBranch = sideBranches.has(node.id);
    const lowering = new MigrationLowering(migration, sideBranch ? state.clone() : state);
    let analyzed;
    try {
      analyzed = lowering.run();
    } catch (error) {
      results.set(node.id, failedFile(error));
      continue;
    }
    if (!sideBranch) {
      state = lowering.state;
      lastOfApp.set(node.app, node.id);
      appAfter.set(node.id, state.snapshotApp(node.app));
    }
    const cycle = cycleProblems.get(node.id);
    if (cycle) analyzed.problems.push(cycle);
    results.set(node.id, analyzed);
  }
  return { results, order: order.map((node) => node.id) };
}
function analyzeDjangoFile(text, filePath, earlier = []) {
  const folder = filePath.slice(0, filePath.lastIndexOf("/") + 1);
  const sources = earlier.map((earlierText, index) => ({ file: `${folder}0000_earlier_${index}.py`, text: earlierText, app: appFolderLabel(filePath) }));
  const analysis = analyzeDjangoProject([...sources, { file: filePath, text }]);
  return analysis.results.get(filePath);
}
function mergeBranches(branches) {
  const merged = /* @__PURE__ */ new Map();
  for (const branch of branches) {
    for (const model of branch) {
      const key = modelKey(model.app, model.name);
      const earlier = merged.get(key);
      if (!earlier) {
        merged.set(key, model);
        continue;
      }
      const names = new Set(model.fields.map((field) => field.name));
      merged.set(key, { ...model, fields: [...model.fields, ...earlier.fields.filter((field) => !names.has(field.name))] });
    }
  }
  return [...merged.values()];
}
function failedFile(error) {
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return {
    frontend: "django",
    operations: [],
    directives: [],
    statements: 0,
    runnerTransaction: true,
    problems: [{ rule: "unanalyzed-code", message: `This migration could not be analysed (${reason}); it was not checked.`, location: { line: 1, column: 1, endLine: 1, endColumn: 1 } }]
  };
}
function earlyResult(migration) {
  if (migration.syntaxError) {
    const position = migration.lines.position(migration.syntaxError.at);
    const lineEnd2 = migration.lines.lineText(position.line).length + 1;
    return unparsableFile("django", `${migration.syntaxError.message}: Python cannot parse it at line ${position.line}, column ${position.column}.`, position, lineEnd2);
  }
  if (!migration.isMigration) {
    return { frontend: "django", operations: [], problems: [], directives: migration.directives, statements: 0, runnerTransaction: true, skippedReason: "no class Migration(migrations.Migration) in the file" };
  }
  return void 0;
}
function userModelApp(migrations) {
  const apps = /* @__PURE__ */ new Set();
  for (const migration of migrations) {
    const operations = migration.operations?.kind === "list" ? migration.operations.items : [];
    for (const operation of operations) {
      if (operation.kind !== "call" || lastName(operation.callee) !== "CreateModel") continue;
      const name = operation.kwargs.get("name") ?? operation.args[0];
      if (name?.kind === "string" && name.text.text.toLowerCase() === "user") apps.add(migration.app);
    }
  }
  return apps.size === 1 ? [...apps][0] : "auth";
}

// src/cli/django-migrations.ts
var fs = __toESM(require("node:fs"));
var path3 = __toESM(require("node:path"));

// src/frontends/decode.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
var lenientUtf8 = new TextDecoder("utf-8");
function decodeFile(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 254 && bytes[1] === 255) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = lenientUtf8.decode(bytes);
    return { text, invalidUtf8At: lenientUtf8.decode(bytes.subarray(0, firstInvalidByte(bytes))).length };
  }
}
function firstInvalidByte(bytes) {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index];
    const length = byte < 128 ? 1 : byte >= 194 && byte < 224 ? 2 : byte >= 224 && byte < 240 ? 3 : byte >= 240 && byte < 245 ? 4 : 0;
    if (length === 0) return index;
    try {
      strictUtf8.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

// src/frontends/detect.ts
var path2 = __toESM(require("node:path"));
var SQL_EXTENSIONS = [".sql"];
var SCRIPT_EXTENSIONS = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"];
function isInMigrationsFolder(filePath) {
  return path2.extname(filePath) === ".py" && path2.basename(path2.dirname(filePath)) === "migrations";
}
function isDjangoMigrationPath(filePath) {
  return isInMigrationsFolder(filePath) && !/^[_~]/.test(path2.basename(filePath));
}
var DJANGO_MIGRATION_CLASS = /^class\s+Migration\s*\(/m;
var TYPEORM_MARKERS = /\bMigrationInterface\b|\bQueryRunner\b|\bup\s*\(\s*queryRunner\b/;
var KNEX_MARKERS = /(['"])knex\1|\bKnex\b/;
var UP_WITH_KNEX_PARAMETER = /\bup\s*(?:[=:]\s*(?:async\s*)?(?:function\b[^(]*)?|\()\s*\(?\s*knex\b/;
var UP_USING_SCHEMA = /\bup\b[^]*?\.(?:schema|raw)\b/;
function detectFrontend(filePath, text) {
  const extension = path2.extname(filePath).toLowerCase();
  if (SQL_EXTENSIONS.includes(extension)) return "sql";
  if (extension === ".py") return isDjangoMigrationPath(filePath) && DJANGO_MIGRATION_CLASS.test(text) ? "django" : void 0;
  if (!SCRIPT_EXTENSIONS.includes(extension)) return void 0;
  if (TYPEORM_MARKERS.test(text)) return "typeorm";
  if (KNEX_MARKERS.test(text) || UP_WITH_KNEX_PARAMETER.test(text) || UP_USING_SCHEMA.test(text)) return "knex";
  return void 0;
}

// src/frontends/django/apps.ts
function readAppLabel(source) {
  const parsed = parsePython(source);
  for (const statement of childNodes(parsed.tree.topNode)) {
    if (statement.name !== "ClassDefinition") continue;
    const bases = childNodes(statement).find((child) => child.name === "ArgList");
    if (!bases || !childNodes(bases).some((base) => /AppConfig$/.test(dottedName(base, source) ?? ""))) continue;
    const body = childNodes(statement).find((child) => child.name === "Body");
    const scope = new PythonScope(source);
    for (const assignment of body ? childNodes(body) : []) {
      const parts = assignment.name === "AssignStatement" ? assignmentParts(assignment, source) : void 0;
      if (parts?.name !== "label") continue;
      const value = scope.valueOf(parts.value);
      if (value.kind === "string") return value.text.text;
    }
  }
  return void 0;
}

// src/cli/django-migrations.ts
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["node_modules", "site-packages", "__pycache__", "venv", "env"]);
var MAX_DEPTH = 6;
function prepareDjangoRun(files, textOf) {
  const runFiles = new Set(files.filter(isDjangoMigrationPath));
  const sources = /* @__PURE__ */ new Map();
  const loadedFolders = /* @__PURE__ */ new Set();
  const labels = /* @__PURE__ */ new Map();
  let appsUnderRoot;
  const loadFolder = (folder) => {
    if (loadedFolders.has(folder)) return;
    loadedFolders.add(folder);
    const app = appLabelOf(path3.dirname(folder));
    labels.set(app, folder);
    for (const name of listMigrations(folder)) {
      const file = path3.join(folder, name);
      const text = runFiles.has(file) ? textOf(file) : readOrUndefined(file);
      if (text === void 0 || detectFrontend(file, text) !== "django") continue;
      let read;
      try {
        read = readDjangoMigration(text, file, app);
      } catch {
        read = void 0;
      }
      sources.set(file, { file, text, app, read });
    }
  };
  for (const file of runFiles) loadFolder(path3.dirname(file));
  for (let pending = missingApps(sources, labels); pending.length > 0; pending = missingApps(sources, labels)) {
    appsUnderRoot ??= findApps(projectRoot([...runFiles][0]));
    let loadedAny = false;
    for (const app of pending) {
      const folder = appsUnderRoot.get(app);
      labels.set(app, folder ?? "");
      if (folder) {
        loadFolder(folder);
        loadedAny = true;
      }
    }
    if (!loadedAny) break;
  }
  const project = analyzeDjangoProject([...sources.values()]);
  const analyses = /* @__PURE__ */ new Map();
  for (const file of runFiles) {
    const analyzed = project.results.get(file);
    const source = sources.get(file);
    if (analyzed && source) analyses.set(file, { analyzed, source: source.text.charCodeAt(0) === 65279 ? source.text.slice(1) : source.text });
  }
  return { analyses, order: project.order.filter((file) => analyses.has(file)) };
}
function missingApps(sources, labels) {
  const missing = /* @__PURE__ */ new Set();
  for (const source of sources.values()) {
    for (const dependency of source.read?.dependencies ?? []) {
      if (dependency.app !== USER_MODEL_APP && !labels.has(dependency.app)) missing.add(dependency.app);
    }
  }
  return [...missing];
}
function listMigrations(folder) {
  try {
    return fs.readdirSync(folder).filter((name) => isDjangoMigrationPath(path3.join(folder, name))).sort();
  } catch {
    return [];
  }
}
function appLabelOf(appFolder) {
  const apps = readOrUndefined(path3.join(appFolder, "apps.py"));
  return (apps !== void 0 ? readAppLabel(apps) : void 0) ?? path3.basename(appFolder);
}
function projectRoot(file) {
  if (!file) return process.cwd();
  let folder = path3.dirname(path3.dirname(path3.dirname(file)));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (["manage.py", ".git", "pyproject.toml", "setup.py"].some((marker) => fs.existsSync(path3.join(folder, marker)))) return folder;
    const parent = path3.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return path3.dirname(path3.dirname(path3.dirname(file)));
}
function findApps(root) {
  const apps = /* @__PURE__ */ new Map();
  const visit = (folder, depth) => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path3.join(folder, entry.name);
      if (entry.name === "migrations") {
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
function readOrUndefined(file) {
  try {
    return decodeFile(fs.readFileSync(file)).text;
  } catch {
    return void 0;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  analyzeDjangoFile,
  analyzeDjangoProject,
  prepareDjangoRun
});
