/**
 * The idle reaper: records signs of use of each workspace, and a timer sweep (one instance at a time, by a lease
 * in the database) that warns about and then stops idle workspaces, cleans up failed ones and old stopped ones.
 */
package io.kalpana.reaper;
