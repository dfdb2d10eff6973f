#!/usr/bin/env node
// Fails (exit 1) when relative imports make a cycle between files, or between folders, of
// packages/*/src, demos/*/src and the e2e apps (e2e/*/src). Test files (*.test.ts, *.spec.ts) are left out;
// type-only imports count. Dependency-free: a small lexer drops comments and reads string literals,
// so an import written in a comment or inside a string is not one.
//
// Every import form counts: `import … from './x'`, `import type …`, `export … from './x'`,
// `import './x'` and `import('./x')` (also `typeof import('./x')`).
// In the folder graph a file's node is its folder, except that a file directly in a src root
// (e.g. packages/gandlf/src/index.ts) is its own node: index.ts sits on top, errors.ts at the bottom.
//
// Usage: node scripts/check-cycles.mjs [root …]   (default: the roots above)

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
const TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'fixtures']);

/** packages/*\/src, demos/*\/src, e2e/*\/src */
function defaultRoots() {
  return ['packages', 'demos', 'e2e'].flatMap((top) => {
    const dir = join(repo, top);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'node_modules' && existsSync(join(dir, d.name, 'src')))
      .map((d) => join(dir, d.name, 'src'));
  });
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return SKIP_DIRS.has(d.name) ? [] : walk(path);
    return d.isFile() && SOURCE.test(d.name) && !TEST.test(d.name) ? [path] : [];
  });
}

const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * The code with comments blanked, every string literal (and template literal without
 * substitutions) replaced by a marker `\u0000N\u0000`, and template text blanked.
 * Returns the code and the literals: their values and offsets in the source.
 */
function lex(src) {
  let out = '';
  const literals = [];
  const templateDepth = []; // one brace counter per open `${`
  let i = 0;
  let last = ''; // last significant code character or word, to tell a regex from a division
  const n = src.length;
  const readTemplate = () => {
    // From the character after '`', or after the '}' that closes a substitution, to the next '${' or '`'.
    let text = '';
    while (i < n && src[i] !== '`') {
      if (src[i] === '\\') {
        text += src.slice(i, i + 2);
        i += 2;
      } else if (src[i] === '$' && src[i + 1] === '{') {
        i += 2;
        templateDepth.push(0);
        return { done: false, text };
      } else text += src[i++];
    }
    i++; // closing backtick
    return { done: true, text };
  };
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') {
          value += src[i + 1];
          i += 2;
        } else value += src[i++];
      }
      i++;
      out += `\u0000${literals.push({ value, offset: start }) - 1}\u0000`;
      last = 'literal';
    } else if (c === '`') {
      const offset = i;
      i++;
      const part = readTemplate();
      // The template's text is not code: only its substitutions are.
      out += part.done ? `\u0000${literals.push({ value: part.text, offset }) - 1}\u0000` : '`${';
      last = 'literal';
    } else if (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === 0) {
      templateDepth.pop();
      i++;
      const part = readTemplate();
      out += part.done ? '}`' : '}${';
      last = 'literal';
    } else if (c === '/' && (last === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(last) || KEYWORDS_BEFORE_REGEX.has(last))) {
      // A regex literal: skip it (a quote in it is not a string).
      let inClass = false;
      i++;
      while (i < n && src[i] !== '\n') {
        if (src[i] === '\\') i += 2;
        else if (src[i] === '/' && !inClass) break;
        else {
          if (src[i] === '[') inClass = true;
          else if (src[i] === ']') inClass = false;
          i++;
        }
      }
      i++;
      while (i < n && /\w/.test(src[i])) i++;
      out += ' ';
      last = 'literal';
    } else {
      if (c === '{' && templateDepth.length) templateDepth[templateDepth.length - 1]++;
      if (c === '}' && templateDepth.length) templateDepth[templateDepth.length - 1]--;
      if (/[A-Za-z_$]/.test(c)) {
        let j = i;
        while (j < n && /[\w$]/.test(src[j])) j++;
        last = src.slice(i, j);
        out += last;
        i = j;
        continue;
      }
      if (/\d/.test(c)) last = '0';
      else if (!/\s/.test(c)) last = c === ')' || c === ']' ? ')' : c;
      out += c;
      i++;
    }
  }
  return { code: out, literals };
}

const LIT = '\\u0000(\\d+)\\u0000';
const IMPORT_PATTERNS = [
  // import … from 'x', import type … from 'x', export … from 'x', export type … from 'x'
  new RegExp(`\\b(?:import|export)\\s+[\\w$\\s{},*]*?\\bfrom\\s*${LIT}`, 'g'),
  // import 'x'
  new RegExp(`\\bimport\\s*${LIT}`, 'g'),
  // import('x'), typeof import('x')
  new RegExp(`\\bimport\\s*\\(\\s*${LIT}\\s*[,)]`, 'g'),
];

/** The relative specifiers a file imports, with the line of each. */
function importsOf(src) {
  const { code, literals } = lex(src);
  const found = new Map();
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const { value, offset } = literals[Number(m[1])];
      if (!value.startsWith('./') && !value.startsWith('../') && value !== '.' && value !== '..') continue;
      if (!found.has(value)) found.set(value, src.slice(0, offset).split('\n').length);
    }
  }
  return [...found].map(([specifier, line]) => ({ specifier, line }));
}

/** The file a relative specifier names (TypeScript's Bundler resolution, roughly), or null. */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier.replace(/[?#].*$/, ''));
  const js = base.match(/^(.*)\.(js|jsx|mjs|cjs)$/);
  const candidates = js
    ? [`${js[1]}.ts`, `${js[1]}.tsx`, `${js[1]}.mts`, `${js[1]}.cts`, `${js[1]}.d.ts`, base]
    : [base, ...['.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs'].map((e) => base + e), ...['index.ts', 'index.tsx', 'index.d.ts', 'index.js'].map((f) => join(base, f))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const rel = (p) => relative(repo, p).split(sep).join('/');

/** Tarjan's strongly connected components of `graph` (Map node -> Set node). */
function components(graph) {
  let index = 0;
  const meta = new Map();
  const stack = [];
  const out = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        scc.push(w);
      } while (w !== v);
      out.push(scc);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!meta.has(v)) visit(v);
  return out;
}

/** For each node of each cycle-bearing component, a shortest cycle through it (deduplicated). */
function cycles(graph) {
  const found = new Map();
  for (const scc of components(graph)) {
    const inside = new Set(scc);
    if (scc.length === 1 && !graph.get(scc[0])?.has(scc[0])) continue;
    for (const start of [...scc].sort()) {
      // Breadth-first from start's successors back to start, within the component.
      const parent = new Map();
      const queue = [];
      const reach = (from) => {
        for (const w of [...graph.get(from)].sort()) {
          if (!inside.has(w) || parent.has(w)) continue;
          parent.set(w, from);
          queue.push(w);
        }
      };
      reach(start);
      while (queue.length && !parent.has(start)) reach(queue.shift());
      const path = [start];
      for (let v = parent.get(start); v !== start; v = parent.get(v)) path.unshift(v);
      path.unshift(start);
      // Same cycle from another start: key it by its rotation that starts at its least node.
      const ring = path.slice(1);
      const least = ring.indexOf([...ring].sort()[0]);
      const key = [...ring.slice(least), ...ring.slice(0, least)].join('\n');
      if (!found.has(key)) found.set(key, [...ring.slice(least), ...ring.slice(0, least), ring[least]]);
    }
  }
  return [...found.values()];
}

const roots = (process.argv.length > 2 ? process.argv.slice(2).map((r) => resolve(r)) : defaultRoots()).filter((r) => existsSync(r));
const rootOf = (file) => roots.find((r) => file.startsWith(r + sep));
const files = [...new Set(roots.flatMap(walk))].sort();
const known = new Set(files);

/** file -> file -> line of the import */
const fileEdges = new Map(files.map((f) => [f, new Map()]));
const unresolved = [];
for (const file of files) {
  for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
    const target = resolveImport(file, specifier);
    if (target && known.has(target)) fileEdges.get(file).set(target, line);
    else if (!target && !/\.(css|json|html|svg|png|wasm|txt|bin)([?#].*)?$|[?#]/.test(specifier)) unresolved.push(`${rel(file)}:${line}: '${specifier}'`);
  }
}

/** A file's node in the folder graph: its folder, or itself when it sits directly in its src root. */
const folderOf = (file) => {
  const dir = dirname(file);
  return dir === rootOf(file) ? rel(file) : `${rel(dir)}/`;
};
const folderEdges = new Map(); // folder -> folder -> [file -> file edges]
for (const [from, targets] of fileEdges) {
  for (const [to, line] of targets) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    if (!folderEdges.has(a)) folderEdges.set(a, new Map());
    const out = folderEdges.get(a);
    if (!out.has(b)) out.set(b, []);
    out.get(b).push(`${rel(from)}:${line} -> ${rel(to)}`);
  }
}

const toGraph = (edges) => new Map([...edges].map(([k, v]) => [k, new Set(v.keys())]));
const fileCycles = cycles(toGraph(new Map([...fileEdges].map(([k, v]) => [rel(k), new Map([...v].map(([t, l]) => [rel(t), l]))]))));
const folderCycles = cycles(toGraph(folderEdges));

for (const u of unresolved) console.warn(`check-cycles: cannot resolve ${u}`);
if (fileCycles.length + folderCycles.length === 0) {
  console.log(`check-cycles: no import cycles among ${files.length} files in ${roots.length} source roots.`);
  process.exit(0);
}
if (fileCycles.length) {
  console.error(`check-cycles: ${fileCycles.length} import cycle(s) between files:`);
  fileCycles.forEach((cycle, k) => {
    console.error(`\n  ${k + 1}. ${cycle.join(' -> ')}`);
    for (let j = 0; j + 1 < cycle.length; j++) {
      const from = join(repo, cycle[j]);
      console.error(`     ${cycle[j]}:${fileEdges.get(from).get(join(repo, cycle[j + 1]))} -> ${cycle[j + 1]}`);
    }
  });
}
if (folderCycles.length) {
  console.error(`${fileCycles.length ? '\n' : ''}check-cycles: ${folderCycles.length} import cycle(s) between folders (a file directly in a src root is its own node):`);
  folderCycles.forEach((cycle, k) => {
    console.error(`\n  ${k + 1}. ${cycle.join(' -> ')}`);
    for (let j = 0; j + 1 < cycle.length; j++) for (const edge of folderEdges.get(cycle[j]).get(cycle[j + 1])) console.error(`     ${edge}`);
  });
}
process.exit(1);
