/**
 * Per-person workspace quotas (how many running, how many in all): defaults from the live settings, overrides
 * per user set by administrators, and the checks on create and start that cannot be overshot by racing requests.
 */
package io.kalpana.quota;
