/**
 * How full the host is: ports, workspaces, the engine's memory and CPUs and each container's use, for the admin
 * console; plus the timer that samples running workspaces and memory into a 24-hour history.
 */
package io.kalpana.capacity;
