/** An e-mail to hand to a transport. */
export type MailMessage = { to: string; subject: string; text: string };

/** Where notification e-mails go. The default transport only logs (no SMTP credentials here). */
export type MailSender = { send(message: MailMessage): Promise<void> };

type LogFn = (obj: Record<string, unknown>, msg: string) => void;

/**
 * Logs each e-mail instead of sending it: the recipient's domain and the subject, never the body or
 * the full address (so logs hold no personal data or links beyond what an operator needs).
 */
export function createLogMailSender(log: LogFn): MailSender & { sent: number } {
  const sender = {
    sent: 0,
    send(m: MailMessage) {
      sender.sent++;
      log({ mail: { toDomain: m.to.split('@')[1] ?? '?', subject: m.subject, chars: m.text.length } }, 'mail (log transport)');
      return Promise.resolve();
    },
  };
  return sender;
}
