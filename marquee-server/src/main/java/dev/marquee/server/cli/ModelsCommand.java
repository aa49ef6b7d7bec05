package dev.marquee.server.cli;

import dev.marquee.core.Clock;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.training.registry.CorruptArtifactException;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.PromotionPointer;
import dev.marquee.training.registry.VersionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Operator access to the model registry: what is registered and serving, and the two manual moves an on-call
 * engineer needs (promote a chosen version, roll back to the previous one). A running server picks the move up
 * through its registry watcher within one poll period, without a restart.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, show, promote and roll back model versions in DIR/models. A running `marquee serve` on "
                + "the same directory hot-swaps to the new current version within its poll period.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Show.class, ModelsCommand.Promote.class,
                ModelsCommand.Rollback.class})
public final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("name a subcommand: list, show, promote or rollback (see `marquee models --help`)");
    }

    static ModelRegistry registry(Path data) {
        DataDir dir = new DataDir(data);
        if (!Files.isDirectory(dir.models())) {
            throw new CliException("no model registry in " + data + " (run `marquee train --data " + data + "` first)");
        }
        return new ModelRegistry(dir.models(), Clock.SYSTEM);
    }

    static void checkKind(ModelRegistry registry, String kind) throws IOException {
        if (!registry.kinds().contains(kind)) {
            throw new CliException("no model kind '" + kind + "' in " + registry.root() + "; kinds: " + registry.kinds());
        }
    }

    /** Every version of every kind (or one kind), oldest first, with the current one marked by '*'. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List versions per kind; '*' marks the one serving should run.")
    static final class ListVersions implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data directory")
        Path data;

        @Option(names = "--kind", description = "only this kind (two-tower, ranker, ranker-student)")
        String kind;

        @Override
        public Integer call() throws IOException {
            ModelRegistry registry = registry(data);
            List<String> kinds = kind == null ? registry.kinds() : List.of(kind);
            if (kind != null) {
                checkKind(registry, kind);
            }
            for (String k : kinds) {
                Optional<PromotionPointer> pointer = registry.pointer(k);
                String current = pointer.map(PromotionPointer::current).orElse(null);
                System.out.printf("%s (current: %s%s)%n", k, current == null ? "none" : current,
                        pointer.flatMap(PromotionPointer::previous).map(p -> ", rollback to " + p).orElse(""));
                for (VersionManifest m : registry.list(k)) {
                    System.out.println((m.version().equals(current) ? "  * " : "    ") + m.summaryLine());
                }
            }
            return 0;
        }
    }

    /** The full manifest of one version as JSON. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one version's manifest (JSON).")
    static final class Show implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data directory")
        Path data;

        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. v000003")
        String version;

        @Override
        public Integer call() throws IOException {
            ModelRegistry registry = registry(data);
            checkKind(registry, kind);
            System.out.println(read(registry, kind, version).toJson());
            return 0;
        }
    }

    /** Makes a version current after verifying its checksums (operator override of the gate). */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Verify a version's artifacts and make it current; the previous current becomes the rollback target.")
    static final class Promote implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data directory")
        Path data;

        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. v000003")
        String version;

        @Option(names = "--reason", defaultValue = "promoted by operator", description = "recorded in the manifest")
        String reason;

        @Override
        public Integer call() throws IOException {
            ModelRegistry registry = registry(data);
            checkKind(registry, kind);
            read(registry, kind, version);
            try {
                VersionManifest m = registry.promote(kind, version, reason);
                System.out.println("promoted " + kind + " " + m.version());
            } catch (CorruptArtifactException e) {
                throw new CliException("refused: " + e.getMessage());
            }
            return 0;
        }
    }

    /** Returns to the previously promoted version; the version rolled back from is marked rejected. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make the previously promoted version current again; the one rolled back from is marked rejected.")
    static final class Rollback implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data directory")
        Path data;

        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Override
        public Integer call() throws IOException {
            ModelRegistry registry = registry(data);
            checkKind(registry, kind);
            String from = registry.current(kind).orElseThrow(() -> new CliException("nothing promoted for " + kind));
            try {
                VersionManifest m = registry.rollback(kind);
                System.out.println("rolled back " + kind + " from " + from + " to " + m.version());
            } catch (IllegalStateException e) {
                throw new CliException(e.getMessage());
            } catch (CorruptArtifactException e) {
                throw new CliException("cannot roll back " + kind + ": " + e.getMessage());
            }
            return 0;
        }
    }

    static VersionManifest read(ModelRegistry registry, String kind, String version) throws IOException {
        try {
            return registry.manifest(kind, version);
        } catch (NoSuchFileException | IllegalArgumentException e) {
            throw new CliException("no version '" + version + "' of " + kind + " in " + registry.root());
        }
    }
}
