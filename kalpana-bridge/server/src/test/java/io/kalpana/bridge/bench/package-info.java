/**
 * Benchmark of the packaged bridge against local baselines (not a test; run with the bench profile).
 * Prints a Markdown table and writes the same numbers as JSON to the file given as argument.
 */
package io.kalpana.bridge.bench;
