package dev.marquee.server;

import dev.marquee.server.http.ApiToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Where the API token comes from: {@code MARQUEE_API_TOKEN} when set; else {@code DATA/api-token}; else a
 * fresh token is generated and written there (created with mode 600, so no other user can ever read it)
 * and the caller prints it once. A token file readable by group or others is refused.
 */
public final class ApiTokenFile {
    public static final String ENV = "MARQUEE_API_TOKEN";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** @param generated true when this call created the token (print it once, it will not be shown again) */
    public record Resolved(ApiToken token, boolean generated, String source) {
    }

    private ApiTokenFile() {
    }

    public static Resolved resolve(DataDir dir, String envValue) {
        if (envValue != null && !envValue.isEmpty()) {
            try {
                return new Resolved(ApiToken.of(envValue), false, "environment variable " + ENV);
            } catch (IllegalArgumentException e) {
                throw new CliException(ENV + " is not a usable token: " + e.getMessage());
            }
        }
        Path file = dir.apiToken();
        try {
            if (Files.exists(file)) {
                return new Resolved(read(file), false, file.toString());
            }
            ApiToken fresh = ApiToken.generate(new SecureRandom());
            Files.createDirectories(dir.root());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)); // 600 from birth
            } catch (FileAlreadyExistsException raced) {
                return new Resolved(read(file), false, file.toString());
            }
            Files.writeString(file, fresh.reveal() + "\n", StandardCharsets.US_ASCII);
            return new Resolved(fresh, true, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file, e);
        }
    }

    private static ApiToken read(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(perms)) {
            throw new CliException(file + " is readable by others (" + PosixFilePermissions.toString(perms)
                    + "); run `chmod 600 " + file + "` or delete it to generate a new token");
        }
        try {
            return ApiToken.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(file + " does not hold a usable token (" + e.getMessage() + "); delete it to "
                    + "generate a new one");
        }
    }
}
