package io.kalpana.web.ide;

import io.kalpana.workspace.WorkspaceId;

import java.net.URI;

/** Where one running workspace's code-server listens, and the session Kalpana holds with it. */
public record IdeUpstream(WorkspaceId workspace, String workspaceName, String host, int port, CodeServerSession session) {

    public URI uri(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    public String origin() {
        return "http://" + hostPort();
    }

    public String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
