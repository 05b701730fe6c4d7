package io.testgen.worker.observation;

import java.util.List;

/**
 * A page or in-page state waiting in the frontier.
 *
 * @param url document URL to load
 * @param steps actions replayed after loading (empty: the URL alone reaches the state)
 * @param fromStateId state whose link or action discovered it (null for the start)
 * @param label how it was reached, for the goal's flow path
 * @param score how well it matches the user's goal (higher first)
 * @param seq discovery order, for a stable breadth-first order
 */
public record CrawlTask(
    String url,
    List<PathStep> steps,
    int depth,
    String fromStateId,
    String label,
    double score,
    long seq) {}
