package io.testgen.common.agents.observation;

/** Figures of one crawl. */
public record CrawlStats(
    int pagesVisited,
    int statesFound,
    int formsFound,
    int actionsTried,
    int transitions,
    int findings,
    long durationMillis,
    int resumedFromCheckpoint) {}
