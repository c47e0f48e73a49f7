/** Integration tests and benchmarks against a deployed Kalpana: API, portal in Chromium, workspaces on Docker. */
package io.kalpana.web.it;
