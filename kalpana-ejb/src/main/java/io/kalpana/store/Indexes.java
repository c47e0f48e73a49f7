package io.kalpana.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.kalpana.credentials.GitCredentialService;
import io.kalpana.port.PortLease;
import io.kalpana.workspace.Workspace;

/**
 * The indexes Kalpana relies on for correctness, created through the native driver because JNoSQL has
 * no index API. Creating an existing index is a no-op, so this runs at every start.
 */
final class Indexes {

    private Indexes() {
    }

    static void ensure(MongoDatabase database) {
        database.getCollection(Workspace.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("owner", "nameKey"),
                new IndexOptions().unique(true).name("unique_name_per_owner"));
        database.getCollection(Workspace.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("status"), new IndexOptions().name("by_status"));
        // The admin table's default order and the admin console's "changed since" poll.
        database.getCollection(Workspace.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.descending("createdAt"), new IndexOptions().name("newest_first"));
        database.getCollection(Workspace.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("updatedAt"), new IndexOptions().name("by_update"));
        database.getCollection(PortLease.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("workspaceId"), new IndexOptions().name("by_workspace"));
        database.getCollection(GitCredentialService.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("owner"), new IndexOptions().name("by_owner"));
        database.getCollection("audit_events").createIndex(
                com.mongodb.client.model.Indexes.descending("at"), new IndexOptions().name("newest_first"));
    }
}
