/**
 * The SSO-gated path to every IDE: {@code /w/{workspaceId}/ide/} proxies HTTP and WebSocket traffic to the
 * workspace's code-server after checking the signed-in person on each request, and signs in to code-server itself.
 */
package io.kalpana.web.ide;
