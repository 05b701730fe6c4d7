package io.testgen.common.agents.observation;

import java.util.List;

/**
 * A form on a state.
 *
 * @param purpose inferred purpose: login, logout, search, signup, create, contact, delete, account
 *     (accounts, credentials, permissions, roles), payment, send, generic
 */
public record FormInfo(
    String formId,
    String stateId,
    String action,
    String method,
    String purpose,
    List<FieldInfo> fields,
    ElementInfo submit,
    List<FormSubmission> submissions) {}
