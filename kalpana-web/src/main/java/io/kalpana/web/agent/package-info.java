/**
 * The agent in the browser: the WebSocket that streams a workspace's conversation to every open tab and takes
 * messages, cancel and approvals back, and the REST view of the same conversation.
 */
package io.kalpana.web.agent;
