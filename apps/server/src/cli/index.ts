#!/usr/bin/env -S npx tsx
import { runCli } from './run-cli.ts'
import { terminalIO } from './terminal-io.ts'

process.exitCode = await runCli(process.argv.slice(2), terminalIO())
