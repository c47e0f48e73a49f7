/**
 * Users, their hashed passwords and roles, and the signed API tokens Kalpana issues.
 * Creates the first administrator on an empty database.
 */
package io.kalpana.identity;
