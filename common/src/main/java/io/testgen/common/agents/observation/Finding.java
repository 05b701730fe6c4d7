package io.testgen.common.agents.observation;

/**
 * Something the crawl noticed that is not a state: an error page, a trap, a timeout.
 *
 * @param kind http_error, redirect_loop, off_origin_redirect, timeout, too_large, trap,
 *     console_error, logged_out, skipped_destructive, navigation_blocked
 */
public record Finding(String kind, String url, Integer httpStatus, String detail) {}
