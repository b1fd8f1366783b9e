/**
 * The parts of the widget: code shipped next to its main file as `tl-workflow.<name>.js` and loaded
 * the first time it is needed (src/on-demand/load-part.ts). A part is found where it is loaded
 * from, by its call `loadPart('<name>', () => import('<module>'))`; nothing else lists the parts.
 *
 * How the files are made (`vite build`, the npm build, runs this before itself):
 * 1. The main file's modules: the npm entry built in memory, each part's `import()` cut off.
 * 2. Each part on its own: its module and every module the main file does not have. What it
 *    imports from the main file (Lit, helpers) is not bundled again: each such binding becomes an
 *    entry of the part's kit, and the file becomes a standalone module whose default export builds
 *    the part from its kit: `export default function(k){const{0:html,1:t}=k; ...; return {...}}`.
 * 3. The two main builds (npm, script tag) carry each part's kit (a generated module) and load the
 *    part files instead of their modules: see `partLoading()`.
 * `dist/parts.json` records the kits between the builds (it is not shipped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { build, type Plugin, type PluginOption } from 'vite';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const ON_DEMAND = join(SRC, 'on-demand');
const MANIFEST = join(ROOT, 'dist', 'parts.json');

/** A part's loading call, exactly as src/on-demand/load-part.ts says to write it. */
const LOAD_PART_CALL = /\bloadPart\(\s*'([a-z][a-z0-9-]*)',\s*\(\)\s*=>\s*import\('(\.{1,2}\/[^']+)'\)\s*\)/g;
/** Externals of the npm build, which are the main file's too (an app's bundler brings them). */
export const NPM_EXTERNALS = [/^lit(\/.*)?$/, /^@lit\//, /^lit-html/, /^lit-element/, 'jwt-decode'];

interface Part {
  name: string;
  /** Absolute path of the part's module. */
  module: string;
}

/** Each part's kit: the main file's bindings it uses, `[module, export name]` in the order its file expects them. */
export type Kits = Record<string, Array<[string, string]>>;

/** The file a part ships as. */
const partFile = (name: string): string => `tl-workflow.${name}.js`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The `.ts` module an import of `specifier` (written `./x.js`) from `from` names. */
const moduleOf = (from: string, specifier: string): string => join(dirname(from), specifier.replace(/\.js$/, '.ts'));

/**
 * Every part, from the `loadPart` calls in src/. Throws on a call written otherwise (the build could
 * not see its part) or on one name given to two modules.
 */
function findParts(): Part[] {
  const parts = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    if (file.startsWith(ON_DEMAND)) continue;
    const code = readFileSync(file, 'utf8');
    const calls = [...code.matchAll(LOAD_PART_CALL)];
    if ((code.match(/\bloadPart\(/g) ?? []).length !== calls.length) {
      throw new Error(`${relative(ROOT, file)}: a loadPart() call not written as loadPart('<name>', () => import('<module>')), so the build cannot find its part`);
    }
    for (const [, name, specifier] of calls) {
      const module = moduleOf(file, specifier!);
      const known = parts.get(name!);
      if (known && known !== module) throw new Error(`part "${name}" names two modules: ${relative(ROOT, known)} and ${relative(ROOT, module)}`);
      parts.set(name!, module);
    }
  }
  return [...parts].map(([name, module]) => ({ name, module }));
}

/**
 * Rewrites each `loadPart(name, () => import(module))` of our sources: `to(name)` gives the new
 * second argument, so that the builds bundle no part's module into the main file.
 */
function rewriteLoadPartCalls(to: (name: string) => string): Plugin {
  return {
    name: 'tl-load-part-calls',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(SRC) || !code.includes('loadPart(')) return null;
      const out = new MagicString(code);
      for (const match of code.matchAll(LOAD_PART_CALL)) {
        out.overwrite(match.index, match.index + match[0].length, `loadPart('${match[1]}', ${to(match[1]!)})`);
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

/** Step 1: the modules of the main file (npm entry, parts cut off). */
async function mainModules(): Promise<Set<string>> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(SRC, 'index.ts'), formats: ['es'], fileName: () => 'main.js' },
      rollupOptions: { external: NPM_EXTERNALS },
    },
    plugins: [rewriteLoadPartCalls(() => 'null')],
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const modules = new Set<string>();
  for (const chunk of chunks) if (chunk.type === 'chunk') for (const id of chunk.moduleIds) modules.add(id);
  if (modules.size === 0) throw new Error('build/parts.ts: the main file has no modules');
  return modules;
}

/** How a kit binding's module is named: a package specifier (`lit`), or a path from the repository root. */
const KIT = 'tl-kit:';

/**
 * Step 2's externals: an import that is the main file's (a package external of the npm build, or a
 * module of `main`) is left as `import ... from 'tl-kit:<module>'`, for `partFactory` to turn into kit entries.
 */
function kitExternals(main: Set<string>): Plugin {
  return {
    name: 'tl-part-kit-externals',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      if (NPM_EXTERNALS.some((p) => (typeof p === 'string' ? p === source : p.test(source)))) return { id: KIT + source, external: true };
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && main.has(resolved.id)) return { id: KIT + relative(ROOT, resolved.id), external: true };
      return null;
    },
  };
}

/**
 * Step 2's last transform: the part's ES chunk becomes a module with no import of its own and one
 * default export, `function (kit) { ... return exports }`; `kit` receives the part's kit list.
 * Anything else in the chunk (an import from elsewhere, `import()`, `import.meta`) fails the build.
 */
function partFactory(name: string, kits: Kits): Plugin {
  return {
    name: 'tl-part-factory',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) throw new Error(`part ${name}: a second chunk ${chunk.fileName}; a part must be one file`);
      if (/\bimport\s*\(|\bimport\.meta\b/.test(code)) throw new Error(`part ${name}: it imports at run time (import() or import.meta); a part must be standalone`);
      const program = this.parse(code);
      const out = new MagicString(code);
      const kit: Array<[string, string]> = [];
      const locals: string[] = [];
      const exported: string[] = [];
      for (const node of program.body) {
        if (node.type === 'ImportDeclaration') {
          const source = String(node.source.value);
          if (!source.startsWith(KIT)) throw new Error(`part ${name}: imports ${source}, which is neither its own nor the main file's`);
          for (const spec of node.specifiers) {
            if (spec.type === 'ImportNamespaceSpecifier') throw new Error(`part ${name}: imports all of ${source}; import the bindings it uses`);
            const imported = spec.type === 'ImportDefaultSpecifier' ? 'default' : spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
            locals.push(`${kit.length}:${spec.local.name}`);
            kit.push([source.slice(KIT.length), imported]);
          }
          out.remove(node.start, node.end);
        } else if (node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source) {
          for (const spec of node.specifiers) {
            const local = spec.local.type === 'Identifier' ? spec.local.name : String(spec.local.value);
            const as = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
            exported.push(`${JSON.stringify(as)}:${local}`);
          }
          out.remove(node.start, node.end);
        } else if (node.type.startsWith('Export')) {
          throw new Error(`part ${name}: an export the build does not know (${node.type})`);
        }
      }
      kits[name] = kit;
      out.prepend(`export default function(kit){${locals.length ? `const{${locals.join(',')}}=kit;` : ''}`);
      out.append(`\nreturn{${exported.join(',')}}}\n`);
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}

/**
 * Empties dist/, builds every part into it (each with the plugins of the main builds, `plugins`)
 * and writes dist/parts.json. Returns the kits.
 */
export async function buildParts(plugins: () => PluginOption[]): Promise<Kits> {
  const parts = findParts();
  const main = await mainModules();
  await rm(join(ROOT, 'dist'), { recursive: true, force: true });
  const kits: Kits = {};
  const owners = new Map<string, string>();
  for (const part of parts) {
    const output = await build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        sourcemap: true,
        target: 'es2022',
        lib: { entry: part.module, formats: ['es'], fileName: () => partFile(part.name) },
      },
      plugins: [...plugins(), kitExternals(main), partFactory(part.name, kits)],
    });
    // A module in two parts would ship twice: it belongs in the main file, or in one part.
    for (const chunk of (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []))) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const owner = owners.get(id);
        if (owner && owner !== part.name) throw new Error(`${relative(ROOT, id)} is in the parts ${owner} and ${part.name}`);
        owners.set(id, part.name);
      }
    }
  }
  await mkdir(dirname(MANIFEST), { recursive: true });
  await writeFile(MANIFEST, `${JSON.stringify({ parts: parts.map((p) => p.name), kits }, null, 2)}\n`);
  return kits;
}

/** The kits written by `buildParts` (for the script-tag build, which runs after the npm build). */
export async function readKits(): Promise<Kits> {
  try {
    return (JSON.parse(await readFile(MANIFEST, 'utf8')) as { kits: Kits }).kits;
  } catch {
    throw new Error('dist/parts.json is missing: run `vite build` (the npm build, which builds the parts) before `vite build --mode iife`');
  }
}

const KITS_MODULE = '\0tl-part-kits';

/** The generated module in place of src/on-demand/part-kit.ts: each part's kit as a function of the main file's bindings. */
function kitsModule(kits: Kits): string {
  const imports = new Map<string, Map<string, string>>();
  const local = ([module, name]: [string, string]): string => {
    const specifier = module.startsWith('src/') ? join(ROOT, module) : module;
    const names = imports.get(specifier) ?? new Map<string, string>();
    imports.set(specifier, names);
    if (!names.has(name)) names.set(name, `k${[...imports.values()].reduce((n, m) => n + m.size, 0)}`);
    return names.get(name)!;
  };
  const entries = Object.entries(kits).map(([part, kit]) => `${JSON.stringify(part)}: () => [${kit.map(local).join(', ')}]`);
  const lines = [...imports].map(([specifier, names]) => `import { ${[...names].map(([name, as]) => `${name === 'default' ? 'default' : name} as ${as}`).join(', ')} } from ${JSON.stringify(specifier)};`);
  return `${lines.join('\n')}\nexport const kits = { ${entries.join(', ')} };\n`;
}

/**
 * The main builds' side: src/on-demand/fetch-part.ts is replaced by the build's own
 * (`fetch-part.npm.ts`, `fetch-part.script.ts`), part-kit.ts by the generated kits, and each
 * `loadPart` call loads the part's file instead of its module: `import('./tl-workflow.<name>.js')`
 * (an external the npm build keeps, for an app's bundler to split off), or nothing (the script tag
 * imports the file from its own URL).
 */
export function partLoading(build: 'npm' | 'script', kits: () => Promise<Kits> | Kits): Plugin[] {
  const fetchPart = join(ON_DEMAND, 'fetch-part.ts');
  const partKit = join(ON_DEMAND, 'part-kit.ts');
  return [
    rewriteLoadPartCalls((name) => (build === 'npm' ? `() => import('./${partFile(name)}')` : 'null')),
    {
      name: 'tl-part-loading',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (build === 'npm' && importer && /^\.\/tl-workflow\.[a-z0-9-]+\.js$/.test(source)) return { id: source, external: true };
        if (!importer?.startsWith(ON_DEMAND) || !/fetch-part|part-kit/.test(source)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved?.id === fetchPart) return join(ON_DEMAND, `fetch-part.${build}.ts`);
        if (resolved?.id === partKit) return KITS_MODULE;
        return null;
      },
      async load(id) {
        return id === KITS_MODULE ? kitsModule(await kits()) : null;
      },
    },
  ];
}
