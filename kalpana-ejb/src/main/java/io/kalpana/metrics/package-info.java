/**
 * What operators scrape: counters of starts, stops, agent turns and IDE proxy traffic kept since this instance
 * started, and the Prometheus text they and the gauges read at scrape time are written in.
 */
package io.kalpana.metrics;
