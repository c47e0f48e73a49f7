package io.kalpana.runtime;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first files as the entrypoint unpacks them: a gzipped tar in base64, or nothing when it would not fit. */
class FirstFilesVariableTest {

    @Test
    void theVariableUnpacksToTheFilesOwnedByTheWorkspaceUser() throws IOException {
        String variable = FirstFilesVariable.of(List.of(WorkspaceFile.text("README.md", "hello\n"),
                WorkspaceFile.text(".vscode/extensions.json", "{}"))).orElseThrow();
        assertTrue(variable.startsWith("KALPANA_FIRST_FILES="), variable);

        Map<String, String> unpacked = unpack(variable.substring(variable.indexOf('=') + 1));
        assertEquals(Map.of(".vscode/", "", "README.md", "hello\n", ".vscode/extensions.json", "{}"), unpacked);
    }

    @Test
    void noFilesNoVariable() {
        assertEquals(Optional.empty(), FirstFilesVariable.of(List.of()));
    }

    /** Random bytes do not compress: past the limit the runtime copies the files in through the archive API. */
    @Test
    void filesThatWouldNotFitInAnEnvironmentStringGetNoVariable() {
        byte[] noise = new byte[FirstFilesVariable.MAX_VALUE_CHARS];
        new Random(7).nextBytes(noise);
        assertEquals(Optional.empty(), FirstFilesVariable.of(List.of(new WorkspaceFile("big.bin", noise))));

        byte[] compressible = new byte[4 * FirstFilesVariable.MAX_VALUE_CHARS];
        assertTrue(FirstFilesVariable.of(List.of(new WorkspaceFile("zeros.bin", compressible))).isPresent(),
                "the limit is on the packed size, not the files' own");
    }

    private static Map<String, String> unpack(String value) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(value))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                assertEquals(1000, entry.getLongUserId(), entry.getName());
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
