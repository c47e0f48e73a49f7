/**
 * Host port leases for workspace containers, persisted so no port is ever handed out twice.
 * The allocator is a container-managed singleton; the database's _id index is the final arbiter.
 */
package io.kalpana.port;
