package io.testgen.common.agents.requirements;

import java.util.List;

/** The states, forms and elements a scenario came from. */
public record Evidence(List<String> stateIds, List<String> formIds, List<String> elementIds) {}
