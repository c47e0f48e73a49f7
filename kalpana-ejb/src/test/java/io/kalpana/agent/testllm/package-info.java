/**
 * A scripted OpenAI-compatible chat-completions server for tests: real HTTP, real SSE, canned turns.
 * It answers the n-th request with the n-th turn of the script and records every request body.
 */
package io.kalpana.agent.testllm;
