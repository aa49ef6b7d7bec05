package dev.marquee.server;

import dev.marquee.server.cli.BenchCommand;
import dev.marquee.server.cli.DemoCommand;
import dev.marquee.server.cli.EvalCommand;
import dev.marquee.server.cli.GenerateCommand;
import dev.marquee.server.cli.ImportCommand;
import dev.marquee.server.cli.ServeCommand;
import dev.marquee.server.cli.SimulateCommand;
import dev.marquee.server.cli.TrainCommand;
import dev.marquee.server.cli.StatsCommand;
import dev.marquee.server.cli.ModelsCommand;
import dev.marquee.server.cli.DevKafkaCommand;
import dev.marquee.server.cli.UpdateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code marquee} CLI (run through the {@code ./marquee} launcher). */
@Command(name = "marquee", mixinStandardHelpOptions = true, version = "marquee 0.1.0",
        description = "Real-time recommendation system for a video home feed.",
        subcommands = {DemoCommand.class, ServeCommand.class, TrainCommand.class, GenerateCommand.class, ImportCommand.class, StatsCommand.class,
                EvalCommand.class, SimulateCommand.class, BenchCommand.class, ModelsCommand.class, DevKafkaCommand.class,
                UpdateCommand.class,
                dev.marquee.server.cli.ExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (used by tests in-process). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("marquee " + cmd.getCommandName() + ": " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
