/** An SMTP refusal often quotes the address; the outbox and the log keep the reason only. */
export function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"'@,;]+@[^\s<>"'@,;]+/g, '<address>')
}
