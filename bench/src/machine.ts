import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

export interface MachineDescription {
  cores: number
  cpu: string
  memoryGiB: number
  node: string
  kernel: string
}

export function machineDescription(): MachineDescription {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown'
  return {
    cores: cpus().length,
    cpu: model.trim(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' '),
  }
}

/** The 1-minute load average: other work on the machine makes numbers noisy. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
}
