package org.parley.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.parley.verify.VerifyCommand;

/** Runs parley-verify in-process, as a party would run it from the command line, and keeps what it printed. */
public final class Verifier {

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private Verifier() {
    }

    public static Result run(String... args) {
        var cli = VerifyCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
