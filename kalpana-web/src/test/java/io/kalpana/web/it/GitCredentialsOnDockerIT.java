package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-person Git credentials end to end, against a private https Git host on this machine: the first clone of a
 * workspace with and without the owner's credential, git inside the workspace asking Kalpana through
 * git-credential-kalpana, who else may ask, and that the token is in no database field, log line or file.
 * Kalpana runs as its own Payara Micro process (its log is a file to search) on a MongoDB-wire server of the test's
 * (its documents are read raw); the workspace image is the one under test plus the Git host's test CA, added the way
 * build.sh adds a company's CA.
 */
class GitCredentialsOnDockerIT {

    private static final String ADMIN_PASSWORD = "git-credentials-test-password";
    private static final String PASSWORD = "git-credentials-user-password";
    private static final String API = "/api/v1";

    private final List<String[]> workspaces = new ArrayList<>();
    private final String token = "glpat-" + UUID.randomUUID().toString().replace("-", "") + "Z9y8";
    private Path dataDir;
    private MongoServer database;
    private KalpanaProcess kalpana;
    private PrivateGitServer git;
    private String image;
    private Api api;

    @AfterEach
    void cleanUp() throws Exception {
        for (String[] workspace : workspaces) {
            if (api != null) {
                api.post(API + "/workspaces/" + workspace[0] + "/stop", workspace[1], null);
                api.send("DELETE", API + "/workspaces/" + workspace[0], workspace[1], null);
            }
            DockerTestSupport.dockerStatus("rm", "-f", "kalpana-ws-" + workspace[0]);
            DockerTestSupport.dockerStatus("volume", "rm", "-f", "kalpana-ws-" + workspace[0]);
        }
        if (kalpana != null) {
            kalpana.kill();
        }
        if (git != null) {
            git.close();
        }
        if (database != null) {
            database.shutdownNow();
        }
        if (image != null) {
            DockerTestSupport.dockerStatus("rmi", "-f", image);
        }
    }

    @Test
    void credentialsCloneServeGitInsideAndStayHidden() throws Exception {
        dataDir = TestData.newDirectory("git-credentials-");
        git = new PrivateGitServer(dataDir.resolve("git"), "alice-git", token);
        image = imageTrusting(git.caCertificate());
        int mongoPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            mongoPort = probe.getLocalPort();
        }
        database = new MongoServer(H2Backend.inMemory());
        database.bind("127.0.0.1", mongoPort);
        kalpana = new KalpanaProcess(dataDir, List.of("-Dkalpana.admin.password=" + ADMIN_PASSWORD,
                "-Dkalpana.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/?retryWrites=false",
                "-Dkalpana.ports.range=" + System.getProperty("kalpana.test.portRange", "46000-46999"),
                "-Dkalpana.workspace.image=" + image));
        kalpana.start();
        api = new Api(kalpana.url());
        String admin = api.token("admin", ADMIN_PASSWORD);
        String aliceName = "alice" + UUID.randomUUID().toString().substring(0, 6);
        String alice = user(admin, aliceName);
        String bob = user(admin, "bob" + UUID.randomUUID().toString().substring(0, 6));

        // Without a credential the private repository cannot be cloned, and the reason says what to do.
        String first = create(alice, "no-credential", git.repoUrl());
        JsonObject withoutCredential = start(alice, first);
        assertEquals("RUNNING", withoutCredential.getString("status"), withoutCredential.toString());
        String reason = withoutCredential.getString("statusReason", "");
        assertTrue(reason.contains("could not be cloned") && reason.contains("add a Git credential for " + git.host()),
                reason);
        assertTrue(git.refusedRequests() > 0, "the Git host was asked and refused");
        assertNotEquals(0, DockerTestSupport.dockerStatus("exec", "kalpana-ws-" + first, "test", "-e", "/workspace/PRIVATE.md"));

        // The person stores a credential; the API only ever shows it masked.
        Api.Reply put = api.send("PUT", API + "/me/git-credentials/" + git.host(), alice,
                "{\"username\":\"alice-git\",\"token\":\"" + token + "\"}");
        assertEquals(200, put.status(), put.body());
        assertEquals("glpat-\u2026Z9y8", put.json().getString("token"));
        Api.Reply listed = api.get(API + "/me/git-credentials", alice);
        assertEquals(200, listed.status(), listed.body());
        assertFalse(listed.body().contains(token.substring(6, 20)), listed.body());
        assertTrue(listed.body().contains("\"host\":\"" + git.host() + "\""), listed.body());
        assertEquals("[]", api.get(API + "/me/git-credentials", bob).body().replace(" ", ""), "bob sees none of alice's");
        Api.Reply optionLike = api.send("PUT", API + "/me/git-credentials/-evil.example.com", alice,
                "{\"username\":\"a\",\"token\":\"b\"}");
        assertEquals(400, optionLike.status(), optionLike.body());
        assertEquals("invalid_git_host", optionLike.error());

        // The dashboard's section stores one too, and shows every value escaped and every token masked.
        PortalSession browser = new PortalSession(kalpana.url());
        assertEquals(302, browser.signIn(aliceName, PASSWORD).statusCode());
        String dashboard = browser.get("/index.xhtml").body();
        assertTrue(dashboard.contains("Z9y8") && !dashboard.contains(token), "masked on the dashboard");
        String otherToken = "portal-" + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("gitCredentials", "gitCredentials");
        form.put("gitCredentials:credentialHost", "Other.Example.com");
        form.put("gitCredentials:credentialUser", "<img src=x onerror=alert(1)>");
        form.put("gitCredentials:credentialToken", otherToken);
        form.put("gitCredentials:saveCredential", "");
        form.put("jakarta.faces.ViewState", PortalSession.viewState(dashboard));
        String saved = browser.post("/index.xhtml", form, browser.base).body();
        assertTrue(saved.contains("other.example.com") && saved.contains("&lt;img src=x onerror=alert(1)&gt;"), saved);
        assertFalse(saved.contains("<img src=x"), "the username is escaped");
        assertFalse(saved.contains(otherToken), "the token typed is neither shown nor put back into the field");
        assertTrue(api.get(API + "/me/git-credentials", alice).body().contains("other.example.com"));
        assertEquals(204, api.send("DELETE", API + "/me/git-credentials/other.example.com", alice, null).status());

        // The stored document holds the token encrypted only.
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort + "/?retryWrites=false")) {
            Document stored = client.getDatabase("kalpana").getCollection("git_credentials")
                    .find(new Document("owner", aliceName)).first();
            assertTrue(stored.getString("token").startsWith("v1:"), stored.toJson());
            assertFalse(stored.toJson().contains(token), stored.toJson());
            assertFalse(stored.toJson().contains(token.substring(6, 20)), stored.toJson());
        }

        // With it, the first start clones the repository.
        String second = create(alice, "with-credential", git.repoUrl());
        JsonObject withCredential = start(alice, second);
        assertEquals("RUNNING", withCredential.getString("status"), withCredential.toString());
        assertTrue(withCredential.isNull("statusReason") || !withCredential.getString("statusReason").contains("clone"),
                withCredential.toString());
        assertEquals("private repository of the credentials test", exec(second, "cat", "/workspace/PRIVATE.md").strip());
        assertNotEquals(0, DockerTestSupport.dockerStatus("exec", "kalpana-ws-" + second, "grep", "-rqsF", token,
                "/workspace", "/tmp", "/home/coder"), "the token is in no file of the workspace");
        assertFalse(DockerTestSupport.docker("container", "inspect", "kalpana-ws-" + second).contains(token),
                "nor in the container's configuration");

        // Inside the workspace, git asks Kalpana through git-credential-kalpana.
        String filled = execWithInput(second, "protocol=https\nhost=" + git.host() + "\n\n", "git", "credential", "fill");
        assertTrue(filled.contains("username=alice-git\n") && filled.contains("password=" + token + "\n"), filled);
        String unknownHost = execWithInput(second, "protocol=https\nhost=elsewhere.example.com\n\n",
                "env", "GIT_TERMINAL_PROMPT=0", "git", "credential", "fill");
        assertFalse(unknownHost.contains(token), unknownHost);
        String newer = git.commit("CHANGES.md", "a later change\n", "second");
        String fetched = exec(second, "env", "GIT_TERMINAL_PROMPT=0", "sh", "-c",
                "cd /workspace && git fetch -q origin && git rev-parse origin/main");
        assertEquals(newer, fetched.strip(), "git fetch inside the workspace signs in with no prompt");

        // Only the container's own token opens the endpoint, and only for its own workspace's owner.
        String helperPath = API + "/workspaces/" + second + "/git-credential";
        String body = "protocol=https\nhost=" + git.host() + "\n";
        String secondToken = containerToken(second);
        Api.Reply own = api.send("POST", helperPath, secondToken, body, "text/plain");
        assertEquals(200, own.status(), own.body());
        assertEquals("username=alice-git\npassword=" + token + "\n", own.body());
        assertEquals(401, api.send("POST", helperPath, "wrong-" + secondToken, body, "text/plain").status());
        assertEquals(401, api.send("POST", helperPath, null, body, "text/plain").status());
        assertEquals(401, api.send("POST", helperPath, alice, body, "text/plain").status(), "alice's API token is no proof");
        assertEquals(401, api.send("POST", helperPath, admin, body, "text/plain").status(), "nor an admin's");
        assertEquals(404, api.send("POST", helperPath, secondToken, "protocol=http\nhost=" + git.host() + "\n",
                "text/plain").status(), "never over plain http");
        assertEquals(404, api.send("POST", helperPath, secondToken, "protocol=https\nhost=other.example.com\n",
                "text/plain").status(), "no credential for that host");
        String bobs = create(bob, "bobs", null);
        assertEquals("RUNNING", start(bob, bobs).getString("status"));
        String bobsToken = containerToken(bobs);
        Api.Reply bobOnAlices = api.send("POST", helperPath, bobsToken, body, "text/plain");
        assertEquals(401, bobOnAlices.status(), bobOnAlices.body());
        assertFalse(bobOnAlices.body().contains(token));
        Api.Reply bobOnHis = api.send("POST", API + "/workspaces/" + bobs + "/git-credential", bobsToken, body, "text/plain");
        assertEquals(404, bobOnHis.status(), "bob has no credential for the host: " + bobOnHis.body());
        String firstToken = containerToken(first);
        assertEquals("STOPPED", api.post(API + "/workspaces/" + first + "/stop", alice, null).json().getString("status"));
        assertEquals(404, api.send("POST", API + "/workspaces/" + first + "/git-credential", firstToken, body,
                "text/plain").status(), "a stopped workspace's token is worth nothing");
        assertEquals(404, api.send("POST", API + "/workspaces/nosuchworkspace/git-credential", secondToken, body,
                "text/plain").status());

        // Deleting the credential: gone for the helper too. Setting and deleting are audited, without the token.
        assertEquals(204, api.send("DELETE", API + "/me/git-credentials/" + git.host(), alice, null).status());
        assertEquals(404, api.send("POST", helperPath, secondToken, body, "text/plain").status());
        assertEquals(404, api.send("DELETE", API + "/me/git-credentials/" + git.host(), alice, null).status());
        String audit = api.get(API + "/admin/audit?limit=200", admin).body();
        assertTrue(audit.contains("git-credential.set") && audit.contains("git-credential.delete"), audit);
        assertFalse(audit.contains(token), "the audit log never holds the token");

        // Not a line of Kalpana's log holds the token, though it was used four ways.
        try (Stream<Path> logs = Files.list(dataDir)) {
            List<Path> files = logs.filter(file -> file.getFileName().toString().startsWith("payara-")).toList();
            assertFalse(files.isEmpty(), "Kalpana's log is in " + dataDir);
            for (Path log : files) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertTrue(text.contains("git credential helper was given"), "the log tells the helper was answered");
                assertFalse(text.contains(token), "the token is in " + log);
                assertFalse(text.contains(token.substring(6, 20)), "part of the token is in " + log);
            }
        }
    }

    private String user(String admin, String name) {
        api.createUser(admin, name, PASSWORD, "user");
        return api.token(name, PASSWORD);
    }

    private String create(String owner, String name, String repoUrl) {
        String json = repoUrl == null ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"repoUrl\":\"" + repoUrl + "\"}";
        Api.Reply reply = api.post(API + "/workspaces", owner, json);
        assertEquals(201, reply.status(), reply.body());
        String id = reply.json().getString("id");
        workspaces.add(new String[]{id, owner});
        return id;
    }

    private JsonObject start(String owner, String id) {
        Api.Reply started = api.post(API + "/workspaces/" + id + "/start", owner, null);
        assertEquals(200, started.status(), started.body());
        return started.json();
    }

    /** What the container presents to Kalpana, as its credential helper reads it. */
    private static String containerToken(String id) throws Exception {
        String env = DockerTestSupport.docker("container", "inspect", "-f",
                "{{range .Config.Env}}{{println .}}{{end}}", "kalpana-ws-" + id);
        return env.lines().filter(line -> line.startsWith("KALPANA_CALLBACK_TOKEN=")).findFirst()
                .map(line -> line.substring("KALPANA_CALLBACK_TOKEN=".length())).orElseThrow();
    }

    private static String exec(String id, String... command) throws Exception {
        return execWithInput(id, null, command);
    }

    /** A command inside the workspace as its user, as a terminal of the IDE would run it. */
    private static String execWithInput(String id, String input, String... command) throws Exception {
        List<String> docker = new ArrayList<>(List.of("docker", "exec", "-i", "-u", "coder", "-w", "/workspace",
                "kalpana-ws-" + id));
        docker.addAll(List.of(command));
        Process process = new ProcessBuilder(docker).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return output;
    }

    /** The image under test with the Git host's CA added to its trust store, as build.sh adds a company's CA. */
    private String imageTrusting(Path caCertificate) throws Exception {
        String base = System.getProperty("kalpana.test.workspaceImage", "kalpana-workspace:0.1.0");
        assertEquals(0, DockerTestSupport.dockerStatus("run", "--rm", "--entrypoint", "test", base, "-x",
                "/usr/local/bin/git-credential-kalpana"), base + " has no git-credential-kalpana: build it with"
                + " workspace-image/build.sh (or set kalpana.test.workspaceImage)");
        Path context = Files.createDirectories(dataDir.resolve("image"));
        Files.copy(caCertificate, context.resolve("kalpana-test-ca.crt"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nUSER root\n"
                + "COPY kalpana-test-ca.crt /usr/local/share/ca-certificates/kalpana-test-ca.crt\n"
                + "RUN update-ca-certificates >/dev/null\nUSER 1000:1000\n");
        String tag = "kalpana-workspace-gitcreds-test:" + UUID.randomUUID().toString().substring(0, 8);
        DockerTestSupport.docker("build", "-q", "-t", tag, context.toString());
        return tag;
    }

}
