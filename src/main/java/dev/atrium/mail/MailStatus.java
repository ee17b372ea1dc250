package dev.atrium.mail;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** Waiting for its first or next attempt: "on its way". */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the last attempt; kept so that the failure shows. */
    FAILED
}
