package io.testgen.gateway.runs;

import java.util.List;

/** A page of the caller's runs, newest first; {@code next_page_token} null on the last page. */
public record RunPage(List<RunSummary> runs, String nextPageToken) {}
