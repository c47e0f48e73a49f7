/**
 * Settings an administrator changes while Kalpana runs (idle timeout, warnings, default quotas): defaults from
 * MicroProfile Config, overrides stored in MongoDB and read at each use, so every instance applies them at once.
 */
package io.kalpana.settings;
