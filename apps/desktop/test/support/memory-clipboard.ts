import type { TextClipboard } from '../../src/main/secret-clipboard.ts'

/** A clipboard of its own, so tests never read or overwrite the machine's. */
export class MemoryClipboard implements TextClipboard {
  text = ''
  readText(): string {
    return this.text
  }
  writeText(text: string): void {
    this.text = text
  }
}
