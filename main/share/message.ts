/**
 * The e-mail that carries an invoice: From the user's address (with the business name), To the customer, Reply-To
 * the business address, an optional blind copy to the sender, a plain-text body in the customer's language, and the
 * invoice PDF attached byte for byte. Built with nodemailer's MailComposer into one RFC 5322 message; its Message-ID
 * is derived from the outbox item, so the same item always produces the same id (a mail client that ever saw it
 * twice can tell).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Envelope } from './smtp-client';

export interface OutgoingMail {
  fromAddress: string;
  fromName: string;
  to: string;
  replyTo: string | null;
  copyToSelf: boolean;
  subject: string;
  text: string;
  /** Without the angle brackets. */
  messageId: string;
  date: Date;
  attachment: { fileName: string; content: Buffer } | null;
}

/** `<kind>.<item>.<random part of the invoice id>@<the From domain>`: stable per outbox item. */
export function messageIdFor(kind: string, itemId: number | string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'kassa.invalid';
  return `kassa.${kind}.${itemId}@${domain}`;
}

export function buildMail(m: OutgoingMail): Promise<{ raw: Buffer; envelope: Envelope }> {
  const composer = new MailComposer({
    from: { name: m.fromName, address: m.fromAddress },
    to: m.to,
    ...(m.copyToSelf ? { bcc: m.fromAddress } : {}),
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    messageId: `<${m.messageId}>`,
    date: m.date,
    attachments: m.attachment
      ? [{ filename: m.attachment.fileName, content: m.attachment.content, contentType: 'application/pdf' }]
      : [],
  });
  const node = composer.compile();
  // The envelope names every recipient, the Bcc copy included; the message's headers do not show the Bcc.
  const envelope = node.getEnvelope() as { from: string | false; to: string[] };
  return new Promise((resolve, reject) => {
    node.build((err, raw) => {
      if (err) reject(err);
      else resolve({ raw, envelope: { from: envelope.from || m.fromAddress, to: envelope.to } });
    });
  });
}
