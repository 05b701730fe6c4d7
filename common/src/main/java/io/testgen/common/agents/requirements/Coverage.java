package io.testgen.common.agents.requirements;

/** Which parts of the observation have at least one scenario. */
public record Coverage(
    int statesCovered,
    int statesTotal,
    double statesPercent,
    int formsCovered,
    int formsTotal,
    double formsPercent,
    int elementsCovered,
    int elementsTotal,
    double elementsPercent) {}
