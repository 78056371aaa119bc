#!/usr/bin/env node
// The `storra` CLI, run from one prebuilt JavaScript file instead of through tsx: loading and
// transforming the workspace's TypeScript and drizzle's hundreds of modules took most of a
// call's 2-3 s (issue 10 item 17). The bundle is rebuilt here whenever a source file is newer
// than it, so a fresh clone and a local edit both just work; rebuilding takes about a second.
import { readdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL, URL } from 'node:url'

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoDir = join(serverDir, '..', '..')
const bundle = join(serverDir, 'dist', 'storra.mjs')
// What the CLI is built from: its own package and the workspace packages it bundles.
const sources = [join(serverDir, 'src'), ...['core', 'db', 'api'].map((name) => join(repoDir, 'packages', name, 'src'))]
const buildInputs = [fileURLToPath(import.meta.url), ...sources.map((dir) => join(dir, '..', 'package.json'))]
// Native or WebAssembly packages load files next to themselves, so they stay in node_modules.
const external = ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2']

function newestSourceTime() {
  let newest = 0
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  for (const dir of sources) visit(dir)
  for (const file of buildInputs) newest = Math.max(newest, statSync(file).mtimeMs)
  return newest
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs
  } catch {
    return -1
  }
}

/** Workspace sources locate files beside themselves (migrations); keep pointing at the originals. */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined
      const { readFile } = await import('node:fs/promises')
      const source = await readFile(args.path, 'utf8')
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }
    })
  },
}

async function build() {
  const esbuild = await import('esbuild')
  // Written beside the bundle and renamed over it, so concurrent calls never load half a file.
  const partial = `${bundle}.${process.pid}.tmp`
  await esbuild.build({
    entryPoints: [join(serverDir, 'src', 'cli', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: partial,
    external,
    plugins: [keepModuleUrls],
    // Bundled CommonJS modules call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __storraCreateRequire } from 'node:module'; const require = __storraCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
  renameSync(partial, bundle)
}

let fromSource = false
if (bundleTime() < newestSourceTime()) {
  try {
    await build()
  } catch (error) {
    // A read-only checkout, say: slower, but the command still works.
    process.stderr.write(
      `storra: could not build ${bundle} (${error instanceof Error ? error.message : String(error)}); running from source\n`,
    )
    fromSource = true
  }
}
if (fromSource) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(join(serverDir, 'src', 'cli', 'index.ts')).href)
} else {
  await import(pathToFileURL(bundle).href)
}
