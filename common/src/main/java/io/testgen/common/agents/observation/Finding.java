package io.testgen.common.agents.observation;

/**
 * Something the crawl noticed that is not a state: an error page, a trap, a timeout.
 *
 * @param kind http_error, redirect_loop, off_origin_redirect, timeout, too_large, trap,
 *     console_error, logged_out, skipped_destructive, skipped_own_account (a form that would change
 *     the account the run signs in with: never submitted), skipped_write (a write refused because
 *     the request is read-only), dialog (an alert, confirm or prompt the page tried to open; it was
 *     answered "cancel"), navigation_blocked, page_failed (a page or action the crawl could not
 *     handle; the crawl went on)
 */
public record Finding(String kind, String url, Integer httpStatus, String detail) {}
