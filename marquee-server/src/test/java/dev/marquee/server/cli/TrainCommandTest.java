package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.TrainedWorld;
import dev.marquee.training.registry.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldErr = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void rankerStudent_distilsANewStudentFromThePromotedTeacher_withoutRetrainingIt() throws Exception {
        DataDir dir = TrainedWorld.copyTo(tmp.resolve("world"));
        ModelRegistry registry = new ModelRegistry(dir.models(), Clock.SYSTEM);
        String teacher = registry.current("ranker").orElseThrow();
        int studentsBefore = registry.list("ranker-student").size();

        Run r = run("train", "--data", dir.root().toString(), "--model", "ranker-student", "--sample", "1.0",
                "--max-rows", "20000", "--epochs", "2");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("distilling a student from ranker " + teacher)
                .contains("ranker-student").contains("promoted teacher (not retrained)");
        assertThat(registry.current("ranker")).as("the teacher is untouched").contains(teacher);
        assertThat(registry.list("ranker")).hasSize(1);
        assertThat(registry.list("ranker-student")).hasSize(studentsBefore + 1);
    }

    @Test
    void rankerStudent_withoutAPromotedTeacher_isAClearCliError() {
        assertThat(Main.run("generate", "--data", tmp.resolve("fresh").toString(), "--videos", "200", "--users", "100",
                "--days", "1", "--seed", "3")).isZero();

        Run r = run("train", "--data", tmp.resolve("fresh").toString(), "--model", "ranker-student");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("no promoted ranker").contains("--model ranker first");
    }

    @Test
    void unknownModel_isRejectedWithTheChoices() {
        assertThat(Main.run("generate", "--data", tmp.resolve("w").toString(), "--videos", "200", "--users", "100",
                "--days", "1", "--seed", "3")).isZero();

        Run r = run("train", "--data", tmp.resolve("w").toString(), "--model", "student");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("two-tower, ranker, ranker-student or all");
    }
}
