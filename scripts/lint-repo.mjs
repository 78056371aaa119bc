// The repository-wide gates (the per-workspace one is ESLint): formatting, dead files and exports,
// one version of each dependency. Every gate runs even when an earlier one fails, so one run shows
// everything. `--fix` formats with Prettier and lets sherif align versions; knip only reports,
// since deleting code it calls unused needs a person's look.
import { spawnSync } from 'node:child_process'

const fix = process.argv.includes('--fix')
const gates = [
  ['prettier', fix ? ['--write', '--log-level', 'warn', '.'] : ['--check', '--log-level', 'warn', '.']],
  ['knip', ['--no-progress']],
  ['sherif', fix ? ['--fix', '--select', 'highest', '--no-install'] : ['--fail-on-warnings']],
]

let failed = 0
for (const [bin, args] of gates) {
  const { status } = spawnSync(bin, args, { stdio: 'inherit' })
  if (status !== 0) {
    console.error(`lint: ${bin} failed`)
    failed += 1
  }
}
process.exit(failed === 0 ? 0 : 1)
