/** A problem the operator can fix (a wrong folder, a refused restore): shown without a stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}
