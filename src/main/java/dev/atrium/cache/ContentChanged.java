package dev.atrium.cache;

/**
 * What every feature fires, in its transaction, when it changes something the pages held for anonymous
 * readers may show ({@link HeldPages}): a post written, edited or deleted, a comment added, deleted, hidden
 * or shown. Observers that keep copies of such content take it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so they hear of it only once it is committed
 * and visible to the next request, never in the window before the commit, when a request would read and
 * keep the old content again.
 * <p>
 * Changes to accounts fire none, as nothing a held page shows of an account can change: a username is never
 * changed nor an account deleted, and a disabled account's posts and comments stay, under its name.
 *
 * @param what the change in words, for the debug log
 */
public record ContentChanged(String what) {
}
