/**
 * Kalpana's settings: every {@code kalpana.*} key, read through MicroProfile Config.
 * Defaults live in {@code META-INF/microprofile-config.properties} of this module and nowhere else.
 */
package io.kalpana.config;
