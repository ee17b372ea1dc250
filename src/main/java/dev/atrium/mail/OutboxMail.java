package dev.atrium.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.atrium.web.EmailAddress;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A mail in the outbox ({@code mail_outbox}): written with the change that causes it, delivered by
 * {@link OutboxSender}. Only {@link MailOutbox} writes it through JPA; the sender's claims are plain SQL.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "account_id")
    public Long accountId;

    @Column(nullable = false, length = EmailAddress.MAX)
    public String recipient;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(name = "text_body", columnDefinition = "text")
    public String textBody;

    @Column(name = "html_body", columnDefinition = "text")
    public String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public MailStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error", length = 500)
    public String lastError;
}
