import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { CliIO } from './run-cli.ts'

/** Everything standard input holds, as UTF-8 (for `--password-stdin`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Asks on standard error and reads one line from the terminal without echoing it. */
async function promptSecret(question: string): Promise<string> {
  process.stderr.write(question)
  // The typed characters go to a sink: a password must not appear on screen.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true })
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve))
  } finally {
    rl.close()
    process.stderr.write('\n')
  }
}

/** The CLI's input and output on this process's standard streams; prompts only on a terminal. */
export function terminalIO(): CliIO {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    readStdin,
    promptSecret: process.stdin.isTTY ? promptSecret : undefined,
  }
}
