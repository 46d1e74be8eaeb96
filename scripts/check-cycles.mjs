#!/usr/bin/env node
// Fails when modules under the given folders import each other in a circle
// (type-only imports count: a circle of types is still a circle of knowledge).
// Usage: node scripts/check-cycles.mjs src/main src/renderer
// What `madge --circular` does, without its pinned TypeScript peer.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/** Every source file below `dir`. */
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names, or undefined for a package or a missing file. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
  const stripped = base.replace(/\.js$/, '');
  if (stripped !== base) candidates.push(...EXTENSIONS.map((ext) => stripped + ext));
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/** The files `file` imports (static, dynamic, type-only and re-exports alike). */
function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return [...new Set(importedFiles.map((imported) => resolve(file, imported.fileName)).filter((target) => target !== undefined))];
}

/** Tarjan's strongly connected components: each of more than one file (or a file importing itself) is a circle. */
function circles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (start) => {
    // Iterative, so a deep import chain cannot overflow the call stack.
    const work = [[start, 0]];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      const edges = graph.get(node) ?? [];
      if (next < edges.length) {
        frame[1]++;
        const target = edges[next];
        if (!graph.has(target)) continue;
        if (!indices.has(target)) {
          indices.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), indices.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indices.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || edges.includes(node)) found.push(component.sort());
      }
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('Usage: node scripts/check-cycles.mjs <folder> [<folder> ...]');
  process.exit(2);
}
const graph = new Map();
for (const root of roots) for (const file of sources(path.resolve(root))) graph.set(file, importsOf(file));
const found = circles(graph);
const show = (file) => path.relative(process.cwd(), file);
if (found.length === 0) {
  console.log(`No import circles among ${graph.size} modules in ${roots.join(', ')}.`);
} else {
  console.error(`${found.length} import circle(s) among the modules in ${roots.join(', ')}; break each by moving what both sides need into a module neither imports back, or by passing a narrow interface in:`);
  for (const component of found) {
    console.error(`\n  ${component.length} modules import each other:`);
    for (const file of component) {
      const inside = (graph.get(file) ?? []).filter((target) => component.includes(target));
      console.error(`    ${show(file)} -> ${inside.map(show).join(', ')}`);
    }
  }
  process.exit(1);
}
