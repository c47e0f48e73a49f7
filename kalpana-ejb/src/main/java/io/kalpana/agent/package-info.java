/**
 * The AI agent: streams a model's answer, runs its tool calls in the workspace under the deny/confirm rules,
 * and reports every step to a listener while keeping a transcript that a persistence layer can store.
 */
package io.kalpana.agent;
