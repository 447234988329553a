package org.parley.verify;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.parley.record.RecordException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley-verify}: checks a transparency log served as C2SP tlog-tiles, trusting nothing but
 * the log's public key. Exit status 0 means verified, 1 that verification failed (the message says
 * what and where), 2 a usage or I/O error.
 */
@Command(name = "parley-verify", mixinStandardHelpOptions = true, version = "parley-verify 0.1.0",
        description = "Verifies a Parley log (or any C2SP tlog-tiles log) against its public key.",
        subcommands = {CheckpointCommand.class, InclusionCommand.class, ConsistencyCommand.class,
                AuditCommand.class, WitnessCommand.class})
public final class VerifyCommand {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with exit codes mapped; tests drive it directly. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setExitCodeExceptionMapper(e -> e instanceof RecordException ? FAILED : ERROR);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof RecordException) {
                cmd.getErr().println("verification failed: " + e.getMessage());
                return FAILED;
            }
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ERROR;
            }
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ERROR;
            }
            throw e;
        });
        return cli;
    }
}
