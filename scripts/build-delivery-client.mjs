// `npm run build:delivery-client [-- --check]`: builds the delivery client apps copy, from the
// TypeScript in src/delivery-client/ (and the pure modules of src/domain it shares with the
// studio), into src/delivery-client/dist/: one flat folder of plain JavaScript modules with
// their declarations, importing nothing but each other and Node's built-ins. The output is
// committed, so apps and `npm run delivery:sync` need no build step; `--check` (run by
// scripts/check-generated.mjs) fails when it lags behind the sources.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import ts from 'typescript'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sourceDir = path.join(root, 'src/delivery-client')
const outDir = path.join(sourceDir, 'dist')
const outLabel = path.relative(root, outDir)

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  isolatedModules: true,
  declaration: true,
  rootDir: path.join(root, 'src'),
  outDir: path.join(root, '.delivery-client-build'),
}

/** The built files, by name, as they should be in dist/. */
export async function buildDeliveryClient() {
  const roots = fs
    .readdirSync(sourceDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(sourceDir, name))
  const program = ts.createProgram(roots, compilerOptions)
  const diagnostics = ts.getPreEmitDiagnostics(program)
  if (diagnostics.length > 0) throw new Error(formatDiagnostics(diagnostics))

  const sources = program.getSourceFiles().filter((file) => !file.isDeclarationFile)
  const outNames = flatNames(sources.map((file) => file.fileName))
  const emitted = new Map()
  const result = program.emit(undefined, (fileName, text, _bom, _onError, [source] = []) => {
    const isDeclaration = fileName.endsWith('.d.ts')
    // A module of types alone has no JavaScript to ship; its declarations suffice.
    if (!isDeclaration && text.trim() === 'export {};') return
    const name = `${outNames.get(source.fileName)}${isDeclaration ? '.d.mts' : '.mjs'}`
    const body = relinkImports(text, source.fileName, outNames)
    emitted.set(name, `${header(source.fileName)}${body}`)
  })
  if (result.diagnostics.length > 0) throw new Error(formatDiagnostics(result.diagnostics))

  const config = (await prettier.resolveConfig(path.join(outDir, 'index.mjs'))) ?? {}
  const files = new Map()
  for (const [name, text] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.set(name, await prettier.format(text, { ...config, filepath: path.join(outDir, name) }))
  }
  return files
}

/**
 * Output names: each source's base name, in one folder. Two sources with one name, or a source
 * outside the client and src/domain (the studio's I/O and framework code), stop the build.
 */
function flatNames(fileNames) {
  const names = new Map()
  const taken = new Map()
  for (const fileName of fileNames) {
    const relative = path.relative(path.join(root, 'src'), fileName)
    if (
      !relative.startsWith(`delivery-client${path.sep}`) &&
      !relative.startsWith(`domain${path.sep}`)
    ) {
      throw new Error(
        `The delivery client imports ${relative}; it may use only its own modules and pure ones from src/domain.`,
      )
    }
    const name = path.basename(fileName, '.ts')
    if (taken.has(name)) {
      throw new Error(`${relative} and ${taken.get(name)} would both be built as ${name}.mjs.`)
    }
    taken.set(name, relative)
    names.set(fileName, name)
  }
  return names
}

/**
 * Points relative imports at the flat output files. Only the client's own modules may import
 * packages, and only Node's built-ins; the shared domain modules must import nothing else, so
 * they stay usable in a browser.
 */
function relinkImports(text, fileName, outNames) {
  const isShared = !fileName.startsWith(`${sourceDir}${path.sep}`)
  return text.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g,
    (whole, lead, quote, specifier) => {
      if (!specifier.startsWith('.')) {
        if (isShared || !specifier.startsWith('node:')) {
          throw new Error(
            `${path.relative(root, fileName)} imports ${specifier}: the delivery client may import only node: built-ins, and the shared modules nothing at all.`,
          )
        }
        return whole
      }
      const target = path.resolve(path.dirname(fileName), specifier)
      const name = outNames.get(`${target}.ts`)
      if (!name) throw new Error(`${path.relative(root, fileName)}: cannot resolve ${specifier}.`)
      return `${lead}${quote}./${name}.mjs${quote}`
    },
  )
}

function header(fileName) {
  const source = path.relative(root, fileName).split(path.sep).join('/')
  return `// Generated from ${source} by scripts/build-delivery-client.mjs: edit that file, then run \`npm run build:delivery-client\`.\n`
}

function formatDiagnostics(diagnostics) {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  })
}

/** What differs between dist/ and a fresh build, as messages; empty when it is current. */
export async function staleDeliveryClientFiles() {
  const built = await buildDeliveryClient()
  const present = fs.existsSync(outDir) ? fs.readdirSync(outDir) : []
  const problems = []
  for (const [name, text] of built) {
    const file = path.join(outDir, name)
    if (!fs.existsSync(file)) problems.push(`${outLabel}/${name} is missing`)
    else if (fs.readFileSync(file, 'utf8') !== text) problems.push(`${outLabel}/${name} is stale`)
  }
  for (const name of present) {
    if (!built.has(name)) problems.push(`${outLabel}/${name} is not built from any source`)
  }
  return problems
}

async function main() {
  if (process.argv.includes('--check')) {
    const problems = await staleDeliveryClientFiles()
    if (problems.length > 0) {
      console.error(
        `✗ ${problems.join('; ')}: run \`npm run build:delivery-client\` and commit ${outLabel}.`,
      )
      process.exit(1)
    }
    console.log(`✓ ${outLabel} is current`)
    return
  }
  const built = await buildDeliveryClient()
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const [name, text] of built) fs.writeFileSync(path.join(outDir, name), text)
  console.log(`Built ${built.size} files into ${outLabel}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
